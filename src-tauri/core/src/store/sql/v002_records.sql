-- Version 2: the records of the whole domain.
-- Every table has a text id (UUIDv7), created_at / updated_at (UTC RFC 3339) and deleted_at
-- (soft delete): records from two laptops merge by id, newer updated_at wins.

CREATE TABLE app_settings (          -- key/value settings: points rules, etc. (value is JSON)
    id TEXT PRIMARY KEY,             -- the key
    value TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE places (                -- 小区/楼栋/单元 or 网格/院坝, a tree
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES places(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX places_parent ON places(parent_id);

CREATE TABLE households (            -- 户
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,             -- e.g. 3号楼2单元501
    place_id TEXT REFERENCES places(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE people (                -- the roster (议事主体清单)
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',  -- stored whole, masked on anything public
    id_number TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '[]',-- JSON array of role names: 党员, 居民代表, 网格员, 物业 …
    household_id TEXT REFERENCES households(id),
    place_id TEXT REFERENCES places(id),
    is_core_member INTEGER NOT NULL DEFAULT 0, -- the fixed core of "3+N"
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX people_household ON people(household_id);

CREATE TABLE categories (            -- 议事事项目录, editable; retired ones stay on old topics
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES categories(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    retired_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE topics (                -- 议题
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,           -- phone, wechat, hotline_12345, home_visit, questionnaire, suggestion_box, grid_worker, snapshot, other
    raised_by_person_id TEXT REFERENCES people(id),
    raised_by_name TEXT NOT NULL DEFAULT '',
    raised_by_phone TEXT NOT NULL DEFAULT '',
    raised_at TEXT NOT NULL,
    place_id TEXT REFERENCES places(id),
    category_id TEXT REFERENCES categories(id),
    handling_class TEXT NOT NULL DEFAULT 'community', -- immediate 即办件 / community 代办件 / escalate 上报件
    scale TEXT NOT NULL DEFAULT 'minor',              -- major 大事 / minor 小事 / urgent 急事
    status TEXT NOT NULL DEFAULT 'collected',
    merged_into_id TEXT REFERENCES topics(id),
    status_note TEXT NOT NULL DEFAULT '',             -- reason for rejection, escalated to whom, what was done on the spot
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX topics_status ON topics(status, raised_at);

CREATE TABLE topic_events (          -- every change of a topic's state (its timeline)
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX topic_events_topic ON topic_events(topic_id, at);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,              -- bench 板凳会 / courtyard 院坝会 / council 议事会 / assembly 居民会议 / online 线上
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT,
    place TEXT NOT NULL DEFAULT '',
    host_name TEXT NOT NULL DEFAULT '',
    recorder_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned', -- planned / in_session / closed
    closed_at TEXT,
    reopen_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE meeting_participants (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    person_id TEXT REFERENCES people(id),  -- NULL for a walk-in not on the roster
    name TEXT NOT NULL,
    role_label TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'core',     -- core / stakeholder / walk_in
    topic_id TEXT REFERENCES topics(id),   -- the topic a stakeholder was invited for
    attended INTEGER NOT NULL DEFAULT 0,
    signed_in_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX meeting_participants_meeting ON meeting_participants(meeting_id);

CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'topic',    -- follow_up (上轮议定事项落实情况) / topic / other
    topic_id TEXT REFERENCES topics(id),
    title TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE minutes (                   -- the working text of one agenda item's minutes
    id TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL UNIQUE REFERENCES agenda_items(id),
    text TEXT NOT NULL DEFAULT '',
    save_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE minutes_revisions (         -- kept copies: every few minutes of editing, at close, before a restore
    id TEXT PRIMARY KEY,
    minutes_id TEXT NOT NULL REFERENCES minutes(id),
    text TEXT NOT NULL,
    reason TEXT NOT NULL,                -- interval / meeting_close / before_restore / import_conflict
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX minutes_revisions_minutes ON minutes_revisions(minutes_id, created_at);

CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    person_id TEXT REFERENCES people(id),
    name TEXT NOT NULL,
    role_label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE votes (
    id TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    method TEXT NOT NULL,                -- hands 举手 / household 一户一票 / ballot 投票
    agree INTEGER NOT NULL, oppose INTEGER NOT NULL, abstain INTEGER NOT NULL,
    present INTEGER NOT NULL, eligible INTEGER NOT NULL,
    rule TEXT NOT NULL,                  -- majority_present / majority_eligible / two_thirds
    quorum INTEGER,                      -- minimum present, if any
    result TEXT NOT NULL,                -- passed / failed / no_quorum
    explanation TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    CHECK (agree >= 0 AND oppose >= 0 AND abstain >= 0 AND present >= 0 AND eligible >= 0),
    CHECK (agree + oppose + abstain <= present AND present <= eligible)
);

CREATE TABLE vote_households (           -- 一户一票: how each household voted
    id TEXT PRIMARY KEY,
    vote_id TEXT NOT NULL REFERENCES votes(id),
    household_id TEXT NOT NULL REFERENCES households(id),
    choice TEXT NOT NULL,                -- agree / oppose / abstain
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    UNIQUE (vote_id, household_id)
);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    topic_id TEXT REFERENCES topics(id),
    text TEXT NOT NULL,
    act INTEGER NOT NULL DEFAULT 1,      -- 0: decided not to act (the topic closes with the reason)
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    decision_id TEXT REFERENCES decisions(id),
    topic_id TEXT REFERENCES topics(id),
    title TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'self',   -- self 自办 / undertake 承办 / joint 共办
    responsible_unit TEXT NOT NULL DEFAULT '',
    person_in_charge TEXT NOT NULL DEFAULT '',
    deadline TEXT,                        -- YYYY-MM-DD
    status TEXT NOT NULL DEFAULT 'not_started', -- not_started / in_progress / done / blocked
    done_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX tasks_status ON tasks(status, deadline);

CREATE TABLE task_notes (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE evaluations (               -- 民事民评
    id TEXT PRIMARY KEY,
    topic_id TEXT REFERENCES topics(id),
    task_id TEXT REFERENCES tasks(id),
    satisfied INTEGER NOT NULL, basically_satisfied INTEGER NOT NULL, unsatisfied INTEGER NOT NULL,
    method TEXT NOT NULL,                -- phone_callback 电话回访 / site_check 实地验收 / meeting 会议测评
    evaluator TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    evaluated_at TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    CHECK (satisfied >= 0 AND basically_satisfied >= 0 AND unsatisfied >= 0)
);

CREATE TABLE points_entries (            -- 积分 ledger; redemptions are negative entries
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    points INTEGER NOT NULL,
    source TEXT NOT NULL,                -- attendance / speaking / volunteer / manual / redemption
    reason TEXT NOT NULL DEFAULT '',
    meeting_id TEXT REFERENCES meetings(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX points_person ON points_entries(person_id, at);

CREATE TABLE conventions (               -- 公约
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',-- draft / posted / adopted
    adopted_meeting_id TEXT REFERENCES meetings(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE convention_versions (
    id TEXT PRIMARY KEY,
    convention_id TEXT NOT NULL REFERENCES conventions(id),
    version_no INTEGER NOT NULL,
    chapters TEXT NOT NULL,              -- JSON: [{"title":…, "articles":[…]}]
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    UNIQUE (convention_id, version_no)
);

CREATE TABLE notices (                   -- notices issued (公示台账)
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                  -- meeting_notice / topic / decision / progress / minutes / sign_in / points / convention / free
    title TEXT NOT NULL,
    ref_kind TEXT, ref_id TEXT,          -- what it refers to
    period_from TEXT, period_to TEXT,    -- 公示期, YYYY-MM-DD
    issued_at TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL DEFAULT '',
    spec TEXT NOT NULL DEFAULT '',       -- the JSON it was rendered from, so a reprint is identical
    posted_where TEXT NOT NULL DEFAULT '',
    posted_at TEXT, taken_down_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE attachments (               -- photos, kept in the one file so the archive carries them
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL,            -- topic / task_note / notice …
    owner_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    thumbnail BLOB,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);

-- The default topic catalogue. Fixed ids, so two laptops seeded apart merge into the same rows.
INSERT INTO categories (id, parent_id, name, position, created_at, updated_at) VALUES
  ('default-cat-01', NULL, '基础设施建设', 0, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-01', 'default-cat-01', '道路桥梁', 0, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-02', 'default-cat-01', '停车管理', 1, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-03', 'default-cat-01', '照明与线路', 2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-04', 'default-cat-01', '供水排水', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-05', 'default-cat-01', '充电设施', 4, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-01-06', 'default-cat-01', '加装电梯', 5, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-02', NULL, '人居环境', 1, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-02-01', 'default-cat-02', '环境卫生', 0, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-02-02', 'default-cat-02', '绿化养护', 1, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-02-03', 'default-cat-02', '垃圾分类', 2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-02-04', 'default-cat-02', '楼道与公共空间', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-03', NULL, '矛盾排查化解', 2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-03-01', 'default-cat-03', '邻里纠纷', 0, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-03-02', 'default-cat-03', '物业纠纷', 1, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-03-03', 'default-cat-03', '噪音扰民', 2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-03-04', 'default-cat-03', '文明养犬', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-04', NULL, '民生与文化服务', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-04-01', 'default-cat-04', '养老助餐', 0, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-04-02', 'default-cat-04', '文化活动', 1, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-04-03', 'default-cat-04', '移风易俗', 2, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')),
  ('default-cat-04-04', 'default-cat-04', '便民服务', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'));
