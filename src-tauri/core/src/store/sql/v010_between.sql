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
    is_answer INTEGER NOT NULL DEFAULT 0 CHECK (is_answer IN (0, 1)),  -- 件件有回音: the answer to whoever raised it
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

-- 已上报 is not the end: to whom, when, the reference number, the reply and its date, and the
-- day to chase it if no reply has come (a topic waiting past it is flagged).
CREATE TABLE topic_escalations (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    sent_to TEXT NOT NULL CHECK (sent_to IN ('street', 'department', 'hotline_12345')),
    sent_to_name TEXT NOT NULL DEFAULT '',   -- 街道城管科, 区交通运输局 …
    sent_on TEXT NOT NULL,                   -- local day (YYYY-MM-DD)
    reference TEXT NOT NULL DEFAULT '',      -- 工单号 / 文号
    follow_up_on TEXT,                       -- local day; NULL: not chased
    reply TEXT NOT NULL DEFAULT '',
    replied_on TEXT,                         -- local day; NULL while waiting
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX topic_escalations_topic ON topic_escalations(topic_id);

-- A task's deadline, unit or person changed after the meeting, or the task added after it closed
-- ('added', new_value its title): the old and the new value, who and why, never a silent edit
-- (the task's notes say it too).
CREATE TABLE task_changes (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    field TEXT NOT NULL CHECK (field IN ('deadline', 'responsible_unit', 'person_in_charge', 'added')),
    old_value TEXT NOT NULL DEFAULT '',    -- a deadline as YYYY-MM-DD, '' when there was none
    new_value TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX task_changes_task ON task_changes(task_id, field);
