//! Opening the database for use, and rebuilding the search index from the records.
//!
//! The index is derived data. Each domain module says how its records are indexed — the same
//! `search_docs` it uses when it writes — and [`all`] only gathers them: topics, minutes,
//! decisions, task notes, evaluations, conventions, issued notices, notes on topics, spends and plans. It copies none of their
//! rules, so the parity test (`archive/tests.rs`,
//! `reindex_rebuilds_what_live_writes_indexed`) can fail for every kind.
//!
//! The store knows no domain module: [`Store::open`] migrates and reports, with
//! [`Store::needs_search_index`], an index that arrived empty in a file that already held
//! records. [`open`] is the open path of the app and the CLI: it opens and then fills the index.
//! An archive import rebuilds with [`all`] inside its merge transaction. [`flush`] writes the
//! entries a hot path deferred (the minutes autosave): at open, before every search, and on the
//! app's idle timer.

use std::path::Path;

use rusqlite::Transaction;
use thiserror::Error;

use crate::error::UserFacing;
use crate::search::{self, SearchError};
use crate::store::{Store, StoreError};
use crate::{
    bulletin, casework, community, conventions, decisions, evaluations, followup, funds, minutes, plans, topics,
};

/// Why the search index could not be rebuilt.
#[derive(Debug, Error)]
pub enum ReindexError {
    #[error("重建搜索索引失败：{0}")]
    Search(#[from] SearchError),
    #[error("重建搜索索引失败：{0}")]
    Module(String),
    #[error("读写数据库时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for ReindexError {
    fn code(&self) -> &'static str {
        match self {
            ReindexError::Search(e) => e.code(),
            ReindexError::Module(_) => "archive_reindex",
            ReindexError::Db(_) => "db_error",
        }
    }
}

/// Opens (creating if needed) the database at `path`, migrating it, and fills the search index
/// when a migration introduced it into a file that already held records.
pub fn open(path: &Path) -> Result<Store, StoreError> {
    let mut store = Store::open(path)?;
    if store.needs_search_index() {
        rebuild(&mut store).map_err(|e| StoreError::Reindex(e.to_string()))?;
    }
    // Entries owed when the app last stopped (a crash or a power cut right after an autosave).
    flush(&mut store).map_err(|e| StoreError::Reindex(e.to_string()))?;
    Ok(store)
}

/// Writes every search-index entry a module deferred (`search::pending`), in one transaction;
/// returns how many. Every search calls it first, so results always include the last autosave;
/// when nothing is owed it costs one look at an empty table.
pub fn flush(store: &mut Store) -> Result<usize, ReindexError> {
    if !search::has_pending(store.conn())? {
        return Ok(0);
    }
    store.write(flush_pending)
}

/// [`flush`] inside the caller's transaction. The modules that defer are listed here.
pub fn flush_pending(tx: &Transaction) -> Result<usize, ReindexError> {
    minutes::index_pending(tx).map_err(module)
}

/// Empties the search index and fills it from the records (repair, 设置 “重建搜索索引”);
/// returns the number of documents indexed. One transaction.
pub fn rebuild(store: &mut Store) -> Result<usize, ReindexError> {
    let n = store.write(all)?;
    store.search_index_built();
    Ok(n)
}

/// Empties the search index and fills it from the records, inside the caller's transaction;
/// returns the number of documents.
pub fn all(tx: &Transaction) -> Result<usize, ReindexError> {
    let zone = community::zone(tx)?;
    let mut docs = Vec::new();
    let all_topics = topics::list(tx, &topics::TopicFilter::default()).map_err(module)?;
    docs.extend(all_topics.iter().map(|t| topics::search_doc(zone, t)));
    docs.extend(minutes::search_docs(tx).map_err(module)?);
    docs.extend(decisions::search_docs(tx).map_err(module)?);
    docs.extend(followup::search_docs(tx).map_err(module)?);
    docs.extend(evaluations::search_docs(tx).map_err(module)?);
    docs.extend(conventions::search_docs(tx).map_err(module)?);
    docs.extend(bulletin::search_docs(tx, zone).map_err(module)?);
    docs.extend(casework::search_docs(tx).map_err(module)?);
    docs.extend(funds::search_docs(tx).map_err(module)?);
    docs.extend(plans::search_docs(tx).map_err(module)?);
    Ok(search::rebuild(tx, docs)?)
}

fn module(e: impl UserFacing) -> ReindexError {
    ReindexError::Module(e.message())
}
