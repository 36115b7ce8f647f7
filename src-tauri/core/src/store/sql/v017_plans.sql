-- 方案 (issue 22, “the plan before the vote”): what is proposed for a topic, its versions, the
-- opinions of experts or a 评审团, and the comments collected while it is posted, with answers.
-- Nothing is ever overwritten: a revision is a new plan_versions row (the current plan is the
-- newest), a revised answer is a new plan_answers row (the current answer is the newest). So two
-- laptops that both revised or answered keep both after an archive merge, in time order; no
-- version number is stored (it is the row's place in time), so no unique index can collide.

CREATE TABLE plan_versions (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    proposal TEXT NOT NULL,                    -- what is proposed (free text)
    cost_fen INTEGER CHECK (cost_fen > 0),     -- estimated cost in fen; NULL when not estimated
    drafted_by TEXT NOT NULL,                  -- 议事攻坚小组, 物业公司, a person
    note TEXT NOT NULL DEFAULT '',             -- what changed in this version ('' for the first)
    actor TEXT NOT NULL,                       -- who typed it (当前使用人)
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX plan_versions_topic ON plan_versions(topic_id, created_at);

-- An expert's or a 评审团's opinion, on the version current when it was given.
CREATE TABLE plan_opinions (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    version_id TEXT NOT NULL REFERENCES plan_versions(id),
    reviewer TEXT NOT NULL,                    -- 律师 张涛, 评审团
    aspect TEXT NOT NULL CHECK (aspect IN ('legality', 'reasonableness', 'cost', 'other')),
    opinion TEXT NOT NULL,
    given_on TEXT NOT NULL,                    -- local day YYYY-MM-DD
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX plan_opinions_topic ON plan_opinions(topic_id, given_on);

-- 征求意见: a resident's comment on the plan while it is posted (议题公示).
CREATE TABLE plan_comments (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    version_id TEXT NOT NULL REFERENCES plan_versions(id),
    received_on TEXT NOT NULL,                 -- local day YYYY-MM-DD
    from_name TEXT NOT NULL DEFAULT '',        -- '' for an anonymous comment (意见箱)
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX plan_comments_topic ON plan_comments(topic_id, received_on);

-- The answer to a comment; a corrected answer is a new row, the older ones stay readable.
CREATE TABLE plan_answers (
    id TEXT PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES plan_comments(id),
    text TEXT NOT NULL,
    answered_by TEXT NOT NULL,                 -- 议事攻坚小组, 社区居委会
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX plan_answers_comment ON plan_answers(comment_id, created_at);
