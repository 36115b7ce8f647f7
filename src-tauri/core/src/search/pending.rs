//! Documents whose index entry is owed: written by a domain module in the same transaction as
//! its record (so a crash cannot lose the debt), paid by that module a moment later.
//!
//! Only the minutes autosave defers today: re-tokenizing 20,000 characters on every keystroke
//! burst costs more than the save itself. The index stays exact because every reader pays the
//! debt first (`reindex::flush` before a search, at open, and on the app's idle timer).

use rusqlite::{params, Connection, Transaction};

use super::{DocKind, SearchError};

/// Notes that `(kind, record_id)` must be (re)indexed; cheap when it is already owed.
pub fn defer(tx: &Transaction, kind: DocKind, record_id: &str) -> Result<(), SearchError> {
    tx.prepare_cached("INSERT OR IGNORE INTO search_pending (kind, record_id) VALUES (?1, ?2)")?
        .execute(params![kind.as_str(), record_id])?;
    Ok(())
}

/// Whether any index entry is owed (one look at a table that is almost always empty).
pub fn has_pending(conn: &Connection) -> Result<bool, SearchError> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM search_pending)")?.query_row([], |r| r.get(0))?)
}

/// Takes the owed records of `kind` off the list and returns their ids, for the caller to index
/// in the same transaction.
pub fn take(tx: &Transaction, kind: DocKind) -> Result<Vec<String>, SearchError> {
    let ids = tx
        .prepare_cached("SELECT record_id FROM search_pending WHERE kind = ?1 ORDER BY record_id")?
        .query_map([kind.as_str()], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    tx.prepare_cached("DELETE FROM search_pending WHERE kind = ?1")?.execute([kind.as_str()])?;
    Ok(ids)
}

/// Forgets every debt: the index is being rebuilt from all records.
pub(super) fn clear(tx: &Transaction) -> Result<(), SearchError> {
    tx.execute("DELETE FROM search_pending", [])?;
    Ok(())
}
