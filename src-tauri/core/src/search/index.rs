//! Writing the index: called by domain code inside its own write transaction.
//!
//! A document's row id orders the index by date: `days since 0001-01-01 × 2^24 + sequence`.
//! FTS5 walks row ids in either direction for free, so "newest 20 hits" reads 20 entries instead
//! of sorting every match, and a year filter is a row-id range. The row id is internal: domain
//! code only ever names a document by `(kind, record_id)`.

use chrono::{Datelike, NaiveDate, SecondsFormat};
use rusqlite::{params, OptionalExtension, Transaction};

use super::tokenize::index_tokens;
use super::{DocKind, SearchDoc, SearchError};

/// Row ids per day: room for far more records than any community writes on one day.
const DAY_SLOTS: i64 = 1 << 24;

/// Adds `doc` to the index or replaces its previous version.
pub fn upsert(tx: &Transaction, doc: &SearchDoc) -> Result<(), SearchError> {
    let (first, last) = day_range(doc.date)?;
    let id = match existing(tx, doc.kind, &doc.record_id)? {
        // Same day: keep the id, so an edit does not move the record among same-day hits.
        Some(old) if (first..=last).contains(&old) => {
            delete_by_id(tx, old)?;
            old
        }
        Some(old) => {
            delete_by_id(tx, old)?;
            next_id(tx, doc.date, first, last)?
        }
        None => next_id(tx, doc.date, first, last)?,
    };
    insert(tx, id, doc)
}

/// Removes the document `(kind, record_id)`; nothing happens if it is not indexed.
pub fn remove(tx: &Transaction, kind: DocKind, record_id: &str) -> Result<(), SearchError> {
    if let Some(id) = existing(tx, kind, record_id)? {
        delete_by_id(tx, id)?;
    }
    Ok(())
}

/// Empties the index and fills it with `docs` (for repair, or to index an existing database);
/// returns how many documents it holds. Later documents with the same `(kind, record_id)` win.
pub fn rebuild(tx: &Transaction, docs: impl IntoIterator<Item = SearchDoc>) -> Result<usize, SearchError> {
    super::pending::clear(tx)?;
    tx.execute("DELETE FROM search_docs", [])?;
    tx.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')", [])?;
    for doc in docs {
        upsert(tx, &doc)?;
    }
    // One merged b-tree answers queries faster than the many segments a bulk load leaves.
    tx.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')", [])?;
    let count: i64 = tx.query_row("SELECT count(*) FROM search_docs", [], |r| r.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// The inclusive row-id range of the documents dated `date`.
pub(crate) fn day_range(date: NaiveDate) -> Result<(i64, i64), SearchError> {
    let first = i64::from(date.num_days_from_ce()).checked_mul(DAY_SLOTS).ok_or(SearchError::DateOutOfRange(date))?;
    Ok((first, first + DAY_SLOTS - 1))
}

/// The date a row id was given for.
pub(crate) fn date_of(id: i64) -> Option<NaiveDate> {
    let days = i32::try_from(id.div_euclid(DAY_SLOTS)).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

fn existing(tx: &Transaction, kind: DocKind, record_id: &str) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached("SELECT id FROM search_docs WHERE kind = ?1 AND record_id = ?2")?
        .query_row(params![kind.as_str(), record_id], |r| r.get(0))
        .optional()
}

fn next_id(tx: &Transaction, date: NaiveDate, first: i64, last: i64) -> Result<i64, SearchError> {
    let max: Option<i64> = tx
        .prepare_cached("SELECT max(id) FROM search_docs WHERE id BETWEEN ?1 AND ?2")?
        .query_row(params![first, last], |r| r.get(0))?;
    match max {
        None => Ok(first),
        Some(m) if m < last => Ok(m + 1),
        Some(_) => Err(SearchError::DayFull(date)),
    }
}

fn delete_by_id(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM search_fts WHERE rowid = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM search_docs WHERE id = ?1")?.execute([id])?;
    Ok(())
}

fn insert(tx: &Transaction, id: i64, doc: &SearchDoc) -> Result<(), SearchError> {
    let now = crate::time::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    tx.prepare_cached(
        "INSERT INTO search_docs (id, kind, record_id, date, year, updated_at, title, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        doc.kind.as_str(),
        doc.record_id,
        doc.date.format("%Y-%m-%d").to_string(),
        doc.date.year(),
        now,
        doc.title,
        doc.body,
    ])?;
    tx.prepare_cached("INSERT INTO search_fts (rowid, kind, title, body) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![id, doc.kind.as_str(), index_tokens(&doc.title), index_tokens(&doc.body)])?;
    Ok(())
}
