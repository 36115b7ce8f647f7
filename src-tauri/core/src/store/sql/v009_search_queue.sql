-- v009: records whose search-index entry is written a moment after the record itself.
-- The minutes autosave (about once a second while she types) stores only the text and a row
-- here, in the same transaction; the index entry follows within a second, off the typing path
-- (the app's idle timer, every search, and every open: a row left by a crash or a power cut is
-- indexed when the file is next opened). Derived data, like the index: not archived.

CREATE TABLE search_pending (
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
