-- Between the meetings (issue 21): what happens to a topic outside its status changes.

-- A visit, a call, a WeChat message or a resident at the office about a topic, at any status;
-- it never moves the topic. Photos: attachments with owner_kind 'topic_note'.
CREATE TABLE topic_notes (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    at TEXT NOT NULL,                    -- when it happened (UTC instant)
    method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'wechat', 'walk_in')),
    with_whom TEXT NOT NULL DEFAULT '',  -- who was spoken to
    actor TEXT NOT NULL,                 -- who recorded it (当前使用人)
    text TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX topic_notes_topic ON topic_notes(topic_id, at);

-- 回访 of a topic done on the spot (即办完成): satisfied or not; not satisfied reopens it.
CREATE TABLE topic_callbacks (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'wechat', 'walk_in')),
    satisfied INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX topic_callbacks_topic ON topic_callbacks(topic_id, at);
