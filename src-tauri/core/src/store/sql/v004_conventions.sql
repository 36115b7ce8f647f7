-- Version 4: what the 公约 (convention) workflow needs beyond v002.
-- A version's preamble (序言) sits beside its chapters; the convention remembers which version
-- was posted for comment and when (公示期), and which version was adopted at which meeting.
-- Feedback from residents during the posting is its own list (who, what, on which version).

ALTER TABLE convention_versions ADD COLUMN preamble TEXT NOT NULL DEFAULT '';

ALTER TABLE conventions ADD COLUMN posted_version_no INTEGER;
ALTER TABLE conventions ADD COLUMN posted_from TEXT;          -- YYYY-MM-DD, first day of 公示期
ALTER TABLE conventions ADD COLUMN posted_to TEXT;            -- YYYY-MM-DD, last day included
ALTER TABLE conventions ADD COLUMN adopted_version_no INTEGER;
ALTER TABLE conventions ADD COLUMN adopted_at TEXT;           -- UTC RFC 3339

CREATE TABLE convention_feedback (       -- 征求意见: one line per opinion received
    id TEXT PRIMARY KEY,
    convention_id TEXT NOT NULL REFERENCES conventions(id),
    version_no INTEGER NOT NULL,         -- the version the opinion is about
    received_on TEXT NOT NULL,           -- YYYY-MM-DD
    from_name TEXT NOT NULL DEFAULT '',  -- may be anonymous (意见箱)
    text TEXT NOT NULL,
    response TEXT NOT NULL DEFAULT '',   -- how the drafting group answered (采纳 / 不采纳，理由)
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX convention_feedback_convention ON convention_feedback(convention_id, received_on);
