-- Issue 22, who decides.

-- 列席: present, may speak, has no vote; counted apart in attendance and never in quorum.
ALTER TABLE meeting_participants ADD COLUMN observer INTEGER NOT NULL DEFAULT 0 CHECK (observer IN (0, 1));

-- Whose vote it was: the counts typed at the meeting (the old behaviour), every household, the
-- households of a place (a building, a unit, a 村民小组), or a list; 应到 is the number of
-- those households on the roster on the vote's day.
ALTER TABLE votes ADD COLUMN electorate TEXT NOT NULL DEFAULT 'meeting'; -- meeting / community / place / list
ALTER TABLE votes ADD COLUMN electorate_place_id TEXT REFERENCES places(id);
ALTER TABLE votes ADD COLUMN electorate_label TEXT NOT NULL DEFAULT '';  -- “3号楼全体住户”

CREATE TABLE vote_electorate (            -- the households of a vote's list
    id TEXT PRIMARY KEY,
    vote_id TEXT NOT NULL REFERENCES votes(id),
    household_id TEXT NOT NULL REFERENCES households(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    UNIQUE (vote_id, household_id)
);

-- A vote counted in parts that add up: 现场, a ballot box, 线上 (a WeChat poll typed in), 入户.
CREATE TABLE vote_parts (
    id TEXT PRIMARY KEY,
    vote_id TEXT NOT NULL REFERENCES votes(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,                   -- onsite / box / online / visit
    label TEXT NOT NULL DEFAULT '',       -- “1号投票箱（3号楼）”
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    UNIQUE (vote_id, position)
);

-- Each household's choice names its part; 入户征求/代为表决 also who took it, how and when.
ALTER TABLE vote_households ADD COLUMN part_id TEXT REFERENCES vote_parts(id);
ALTER TABLE vote_households ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE vote_households ADD COLUMN recorded_how TEXT NOT NULL DEFAULT ''; -- '' / visit 入户 / phone 电话
ALTER TABLE vote_households ADD COLUMN recorded_at TEXT;

