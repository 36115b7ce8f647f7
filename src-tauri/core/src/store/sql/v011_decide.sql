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
    -- No UNIQUE on (vote_id, position): two laptops adding a part to one vote must both merge
    -- (a part left out by a merge would leave its ticks pointing at nothing).
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

-- Each household's choice names its part; 入户征求/代为表决 also who took it, how and when.
ALTER TABLE vote_households ADD COLUMN part_id TEXT REFERENCES vote_parts(id);
ALTER TABLE vote_households ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE vote_households ADD COLUMN recorded_how TEXT NOT NULL DEFAULT ''; -- '' / visit 入户 / phone 电话
ALTER TABLE vote_households ADD COLUMN recorded_at TEXT;

-- Elections (推选): candidates from the roster or typed, seats, votes per candidate, the rule,
-- the elected and their term; the elected get the role with its term on the roster.
CREATE TABLE elections (
    id TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
    role TEXT NOT NULL,                   -- a Role key, or a role typed by hand as typed (院坝长)
    seats INTEGER NOT NULL CHECK (seats >= 1),
    method TEXT NOT NULL,                 -- ballot / hands / household
    rule TEXT NOT NULL,                   -- most_votes / majority_present
    present INTEGER NOT NULL CHECK (present >= 0),
    term_from TEXT NOT NULL,              -- YYYY-MM-DD
    term_to TEXT NOT NULL,
    explanation TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);

CREATE TABLE election_candidates (
    id TEXT PRIMARY KEY,
    election_id TEXT NOT NULL REFERENCES elections(id),
    position INTEGER NOT NULL,
    person_id TEXT REFERENCES people(id), -- NULL for a candidate typed by hand
    name TEXT NOT NULL,
    votes INTEGER NOT NULL CHECK (votes >= 0),
    elected INTEGER NOT NULL DEFAULT 0 CHECK (elected IN (0, 1)),
    tied INTEGER NOT NULL DEFAULT 0 CHECK (tied IN (0, 1)),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    UNIQUE (election_id, position)
);

CREATE TABLE role_terms (                 -- 任期: a role held from one day to another
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id),
    role TEXT NOT NULL,
    term_from TEXT NOT NULL, term_to TEXT NOT NULL,   -- YYYY-MM-DD
    election_id TEXT REFERENCES elections(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX role_terms_person ON role_terms(person_id);

-- Saved participant patterns (3+N of a 小区, 4+N, 六方议事, 7+X): which roles, which people;
-- picked when a meeting is created.
CREATE TABLE participant_patterns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,                   -- “幸福里小区3+N”
    place_id TEXT REFERENCES places(id),  -- role holders of this place (and below) only; NULL: all
    roles TEXT NOT NULL DEFAULT '[]',     -- JSON array of stored roles
    people TEXT NOT NULL DEFAULT '[]',    -- JSON array of people ids
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
