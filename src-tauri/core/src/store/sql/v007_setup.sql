-- Issue 14: places, households and people can be retired (停用), never deleted: the records that
-- point at them keep their history. A retired row is no longer offered in pickers; the reason is
-- required where a record still points at it. Additive only (the archive check and merge stay).
ALTER TABLE places ADD COLUMN retired_at TEXT;
ALTER TABLE places ADD COLUMN retired_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN retired_at TEXT;
ALTER TABLE households ADD COLUMN retired_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN retired_at TEXT;
ALTER TABLE people ADD COLUMN retired_reason TEXT NOT NULL DEFAULT '';
-- 开始会议: when the meeting actually began (the secretary's tap), beside the planned starts_at.
-- Signing people in no longer starts a meeting by itself.
ALTER TABLE meetings ADD COLUMN started_at TEXT;
