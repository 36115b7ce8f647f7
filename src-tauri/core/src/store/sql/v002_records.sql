-- Version 2: the records of the whole domain (placeholder until the records-store work lands).
CREATE TABLE IF NOT EXISTS schema_notes (id TEXT PRIMARY KEY, note TEXT NOT NULL);
