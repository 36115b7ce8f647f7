//! Full-text search over everything the secretary wrote: topics, minutes, decisions, task notes,
//! evaluation comments, notices and conventions, found by a word or two of Chinese.
//!
//! `search` owns a self-contained index (tables `search_docs` and `search_fts`, migration v003):
//! the text of each record as the domain module hands it over, tokenized into overlapping
//! character bigrams so that 1-, 2-, 3- and 4+-character queries all match (SQLite's `trigram`
//! tokenizer cannot match fewer than 3 characters). It knows nothing about the domain tables.
//! **Domain modules own keeping it in step**: they call [`upsert`] or [`remove`] with the same
//! `&Transaction` in which they write the record, so a rolled-back write leaves no index entry;
//! [`rebuild`] refills the index from a full list of documents (repair, or indexing an existing
//! database). A module on a hot path may instead [`defer`] the entry in that transaction and
//! write it a moment later (`search_pending`, migration v009; see [`pending`]).
//!
//! A result is exactly a case-insensitive (ASCII only, like SQLite's `LIKE`) substring match of the
//! query in a record's title or body. Whitespace separates terms that must all occur; a record
//! containing the whole query verbatim is an exact-phrase hit and ranks first. Then newest first.
//!
//! ```no_run
//! use yishi_core::search::{self, DocKind, SearchDoc, SearchQuery};
//! let mut store = yishi_core::store::Store::open(std::path::Path::new("/tmp/yishi.db"))?;
//! let doc = SearchDoc {
//!     kind: DocKind::Topic,
//!     record_id: "0193…".into(),
//!     title: "地下车库照明损坏".into(),
//!     body: "3号楼地下车库灯不亮，地面破损。".into(),
//!     date: chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(),
//! };
//! store.write(|tx| search::upsert(tx, &doc))?;
//! let found = search::search(store.conn(), &SearchQuery::new("车库"))?;
//! assert_eq!(found.hits[0].record_id, doc.record_id);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod index;
mod kind;
mod matcher;
pub mod pending;
mod query;
mod run;
mod snippet;
mod tokenize;

use chrono::NaiveDate;
use serde::Serialize;

pub use error::SearchError;
pub use index::{rebuild, remove, upsert};
pub use kind::DocKind;
pub use pending::{defer, has_pending};
pub use run::{search, COUNT_CAP};

/// One record's searchable text, as a domain module hands it to [`upsert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    pub kind: DocKind,
    /// The record's id in its own table; `(kind, record_id)` identifies the document.
    pub record_id: String,
    pub title: String,
    pub body: String,
    /// The date the secretary thinks of the record by (meeting day, raised on, posted on…):
    /// results are ordered newest first by it and filtered by its year.
    pub date: NaiveDate,
}

/// What the user typed, with filters and a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    /// Only these kinds; empty means all.
    pub kinds: Vec<DocKind>,
    /// Only records dated in this year.
    pub year: Option<i32>,
    pub limit: usize,
    pub offset: usize,
}

impl SearchQuery {
    /// All kinds, all years, the first 20 hits.
    pub fn new(text: impl Into<String>) -> SearchQuery {
        SearchQuery { text: text.into(), kinds: Vec::new(), year: None, limit: 20, offset: 0 }
    }
}

/// One page of hits and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    /// How many records match, counted up to [`COUNT_CAP`].
    pub total: usize,
    /// More than `total` match (the count stopped at the cap).
    pub more: bool,
    pub hits: Vec<SearchHit>,
}

/// One matching record, with a plain-text snippet around the first hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub kind: DocKind,
    pub record_id: String,
    pub title: String,
    pub date: NaiveDate,
    /// About 60 characters of the body around the first hit, `…` where cut; the start of the
    /// body when only the title matched.
    pub snippet: String,
    /// Half-open character ranges `[start, end)` of the query terms inside `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// The whole query occurs verbatim (always true for a one-term query).
    pub exact_phrase: bool,
}

/// The short form `yishi-cli search` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HitSummary {
    pub kind: DocKind,
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub snippet: String,
}

impl From<SearchHit> for HitSummary {
    fn from(hit: SearchHit) -> Self {
        HitSummary { kind: hit.kind, id: hit.record_id, title: hit.title, date: hit.date, snippet: hit.snippet }
    }
}
