-- Issue 21, people who move: a person moves to another household or leaves the community on a
-- day; the history is kept here, never as a silent edit of people.household_id (which stays the
-- household a person lives in now, written in the same transaction as the move). Votes and
-- quorum read the roster as it stood on their day from these rows (community::roster_on).
CREATE TABLE person_moves (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id),
    from_household_id TEXT REFERENCES households(id),  -- NULL: had no household
    to_household_id TEXT REFERENCES households(id),    -- NULL: left the community
    day TEXT NOT NULL,                                 -- YYYY-MM-DD, the community's day
    reason TEXT NOT NULL DEFAULT 'move',               -- move / moved_away 迁出 / died 去世 / other 其他
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX person_moves_person ON person_moves(person_id, day);

-- 户主: the person the household is known by (optional).
ALTER TABLE households ADD COLUMN head_person_id TEXT REFERENCES people(id);
