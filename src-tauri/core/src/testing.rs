//! Test helpers shared by the core's unit tests.

use tempfile::TempDir;

use crate::store::Store;

/// A fresh store in a temporary directory (kept alive by the returned guard).
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("yishi.db")).expect("open store");
    (dir, store)
}

/// Row count of a table, for "a refused write changes nothing" checks.
pub fn count(store: &Store, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("count")
}
