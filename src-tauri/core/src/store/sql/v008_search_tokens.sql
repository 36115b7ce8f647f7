-- v008: the search index in its second form (src/search/tokenize.rs). Punctuation, spaces and
-- line breaks are tokens too, so every query is answered from the index alone; and a prefix
-- index of one character (prefix = '1', in characters) answers a one-character query from one
-- list instead of merging every token that starts with it. The old index is dropped here; the
-- first open rebuilds it from the records (Store::needs_search_index, reindex::open).

DELETE FROM search_docs;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
    kind, title, body,
    content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1'
);
