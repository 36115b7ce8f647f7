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
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn run(conn: &mut Connection, path: &Path, found: i64) -> Result<(), StoreError> {
    if found == LATEST_VERSION {
        return Ok(());
    }
    if found > 0 {
        backup_before_migration(conn, path, found)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
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
