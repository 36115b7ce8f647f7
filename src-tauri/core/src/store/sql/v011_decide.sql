-- Issue 22, who decides.

-- 列席: present, may speak, has no vote; counted apart in attendance and never in quorum.
ALTER TABLE meeting_participants ADD COLUMN observer INTEGER NOT NULL DEFAULT 0 CHECK (observer IN (0, 1));
