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

/// Inserts a meeting with one agenda item straight into the tables (the meetings module has its
/// own tests); returns the agenda item's id.
pub fn agenda_item(store: &mut Store, title: &str) -> String {
    let meeting = crate::ids::new_id();
    let item = crate::ids::new_id();
    let now = crate::ids::now_utc();
    store
        .conn()
        .execute_batch(&format!(
            "INSERT INTO meetings (id, kind, title, starts_at, created_at, updated_at) \
             VALUES ('{meeting}', 'bench', '板凳会', '2026-11-20T12:00:00Z', '{now}', '{now}');
             INSERT INTO agenda_items (id, meeting_id, position, kind, title, created_at, updated_at) \
             VALUES ('{item}', '{meeting}', 1, 'topic', '{title}', '{now}', '{now}');"
        ))
        .expect("insert agenda item");
    item
}
