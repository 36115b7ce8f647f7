//! Forward-only, numbered migrations keyed on `PRAGMA user_version`.
//!
//! Before an existing file is migrated it is copied (SQLite backup API, consistent even in WAL
//! mode) to `<db>.bak-<old version>`; each migration then runs in one transaction together with
//! the `user_version` bump, so a failed step leaves the file as it was.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::StoreError;

/// The SQL of each schema version, in order: `MIGRATIONS[0]` takes a file from 0 to 1.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/v001_foundation.sql"),
    include_str!("sql/v002_records.sql"),
    include_str!("sql/v003_search.sql"),
    include_str!("sql/v004_conventions.sql"),
    include_str!("sql/v005_bulletin.sql"),
    include_str!("sql/v006_keys.sql"),
    include_str!("sql/v007_setup.sql"),
    include_str!("sql/v008_search_tokens.sql"),
    include_str!("sql/v009_search_queue.sql"),
    include_str!("sql/v010_between.sql"),
    include_str!("sql/v011_decide.sql"),
    include_str!("sql/v015_funds.sql"),
    include_str!("sql/v016_people.sql"),
    include_str!("sql/v017_plans.sql"),
    include_str!("sql/v018_cadence.sql"),
];

/// The version whose migration last changed how the search index is built (v003 created it,
/// v008 added punctuation tokens and emptied it): a file older than this holds records the
/// index in this format has never seen, so the first open rebuilds it.
pub const SEARCH_INDEX_VERSION: i64 = 8;

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn run(conn: &mut Connection, path: &Path, found: i64) -> Result<(), StoreError> {
    run_these(conn, path, found, MIGRATIONS)
}

/// Takes a file at version `found` through `migrations` (the production list, or a test's).
fn run_these(conn: &mut Connection, path: &Path, found: i64, migrations: &[&str]) -> Result<(), StoreError> {
    if found >= migrations.len() as i64 {
        return Ok(());
    }
    if found > 0 {
        backup_before_migration(conn, path, found)?;
    }
    for (index, sql) in migrations.iter().enumerate().skip(found as usize) {
        let version = index as i64 + 1;
        let step = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()
        };
        step(conn).map_err(|source| StoreError::Migration { version, source })?;
    }
    Ok(())
}

fn backup_before_migration(conn: &Connection, path: &Path, found: i64) -> Result<(), StoreError> {
    let target = backup_path(path, found);
    conn.backup(rusqlite::MAIN_DB, &target, None::<fn(rusqlite::backup::Progress)>)
        .map_err(|source| StoreError::Migration { version: found + 1, source })
}

fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bak-{version}"));
    PathBuf::from(name)
}

/// The most recent pre-migration backup beside `path`, to name in a corruption message.
pub(super) fn newest_backup(path: &Path) -> Option<PathBuf> {
    (0..=LATEST_VERSION).rev().map(|v| backup_path(path, v)).find(|p| p.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_copied_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yishi.db");
        let older = LATEST_VERSION - 1;
        {
            // A file as the previous release left it, holding the community's name.
            let mut conn = Connection::open(&path).unwrap();
            run_these(&mut conn, &path, 0, &MIGRATIONS[..older as usize]).unwrap();
            conn.execute(
                "INSERT INTO community_settings (id, name, issuer, created_at, updated_at) \
                 VALUES ('community', '幸福里社区', '幸福里社区居民委员会', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        let store = super::super::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        let backup = dir.path().join(format!("yishi.db.bak-{older}"));
        let old = Connection::open(&backup).expect("the backup copy exists");
        let version: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        let name: String = old.query_row("SELECT name FROM community_settings", [], |r| r.get(0)).unwrap();
        assert_eq!((version, name.as_str()), (older, "幸福里社区"));
        let kept: String = store.conn().query_row("SELECT name FROM community_settings", [], |r| r.get(0)).unwrap();
        assert_eq!(kept, "幸福里社区", "migrating keeps the data");
        assert_eq!(newest_backup(&path), Some(backup));
    }

    #[test]
    fn records_written_before_the_search_index_existed_are_found_after_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yishi.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            run_these(&mut conn, &path, 0, &MIGRATIONS[..(SEARCH_INDEX_VERSION - 1) as usize]).unwrap();
            conn.execute(
                "INSERT INTO topics (id, title, description, channel, raised_at, created_at, updated_at) \
                 VALUES ('t1', '地下车库照明损坏', '灯不亮', 'phone', '2026-02-20T02:15:00.000Z', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        let store = crate::reindex::open(&path).unwrap();
        let found = crate::search::search(store.conn(), &crate::search::SearchQuery::new("车库")).unwrap();
        assert_eq!(found.hits.len(), 1, "the old topic is indexed by the upgrade");
        assert_eq!(found.hits[0].record_id, "t1");
    }

    #[test]
    fn places_and_roles_stored_in_chinese_read_the_same_after_the_keys_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yishi.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            run_these(&mut conn, &path, 0, &MIGRATIONS[..5]).unwrap();
            conn.execute_batch(
                "INSERT INTO places (id, kind, name, position, created_at, updated_at) VALUES                    ('p1', '楼栋', '3号楼', 0, 'x', 'x'), ('p2', '大楼', '怪楼', 0, 'x', 'x');                  INSERT INTO people (id, name, roles, created_at, updated_at) VALUES                    ('a', '王秀兰', '[\"党员\",\"老干部\",\"楼栋长\"]', 'x', 'x'), ('b', '李四', 'not json', 'x', 'x');",
            )
            .unwrap();
        }
        let store = super::super::Store::open(&path).unwrap();
        let stored: String =
            store.conn().query_row("SELECT roles FROM people WHERE id = 'a'", [], |r| r.get(0)).unwrap();
        assert_eq!(
            stored, r#"["party_member","老干部","building_head"]"#,
            "offered roles become keys, typed ones stay"
        );
        let person = crate::community::get_person(store.conn(), "a").unwrap();
        assert_eq!(person.roles, ["党员", "老干部", "楼栋长"], "the roster shows what it showed before");
        assert!(crate::community::get_person(store.conn(), "b").unwrap().roles.is_empty());
        let places = crate::community::list_places(store.conn()).unwrap();
        let kinds: Vec<(&str, &str)> = places.iter().map(|p| (p.name.as_str(), p.kind.as_str())).collect();
        assert_eq!(kinds, [("3号楼", "building"), ("怪楼", "other")]);
        assert_eq!(places[0].kind_label, "楼栋");
    }

    #[test]
    fn a_failing_migration_leaves_the_file_at_the_last_good_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yishi.db");
        let mut conn = Connection::open(&path).unwrap();
        let steps = ["CREATE TABLE a(x);", "CREATE TABLE b(x); INSERT INTO b VALUES (1); THIS IS NOT SQL;"];
        let err = run_these(&mut conn, &path, 0, &steps).unwrap_err();
        assert!(matches!(err, StoreError::Migration { version: 2, .. }), "{err}");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, 1);
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(tables, ["a"], "the failed step's table was rolled back with it");
    }
}
