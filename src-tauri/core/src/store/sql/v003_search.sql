-- Version 3: the search index (src/search). Self-contained: it references no domain table.
-- Domain code feeds it with search::upsert / search::remove inside its own write transactions;
-- search::rebuild refills it. See src/search/index.rs for the date-ordered id.
CREATE TABLE search_docs (
    id          INTEGER PRIMARY KEY,  -- days since 0001-01-01 × 2^24 + sequence; = search_fts.rowid
    kind        TEXT NOT NULL,        -- topic, minutes, decision, task_note, evaluation, notice, convention
    record_id   TEXT NOT NULL,
    date        TEXT NOT NULL,        -- YYYY-MM-DD
    year        INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,        -- the original text, for snippets and checks
    -- (kind, record_id) names a document; id is an alias of rowid because VACUUM may renumber
    -- a hidden rowid and so unhook search_fts.
    UNIQUE (kind, record_id)
);

-- Contentless: it holds only the bigram tokens computed in Rust (src/search/tokenize.rs), not
-- the text a second time. contentless_delete=1 lets a row be deleted by rowid alone.
CREATE VIRTUAL TABLE search_fts USING fts5(
    kind, title, body,
    content = '', contentless_delete = 1, tokenize = 'ascii'
);
