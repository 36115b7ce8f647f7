-- Version 5: the notice centre (公示台账) beyond v002.
-- A notice re-issued after a correction is a new row with the next version number that names the
-- row it replaces; the old row stays (what was posted is history). Free notices being composed
-- autosave as drafts, and a composed notice can be kept as a reusable template (“停水通知”).

ALTER TABLE notices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE notices ADD COLUMN replaces_id TEXT REFERENCES notices(id);
CREATE INDEX notices_issued ON notices(issued_at);
CREATE INDEX notices_replaces ON notices(replaces_id);

CREATE TABLE notice_drafts (             -- the composer's state, saved while she types
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',      -- copied out of content for the list of drafts
    content TEXT NOT NULL,               -- JSON: what the composer shows
    save_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE notice_templates (          -- 模板: a composed notice to start the next one from
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    content TEXT NOT NULL,               -- JSON, same shape as a draft's content
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
