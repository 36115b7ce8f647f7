//! The one SQLite file that holds a community's records.
//!
//! `store` owns opening the file (pragmas, the single-writer lock, the integrity check),
//! migrations, and the transaction helper every write goes through. It knows no domain rules:
//! those live in the domain modules, which receive a `&Transaction` from [`Store::write`].
//!
//! Invariants:
//! - every write is one transaction: [`Store::write`] commits only when the closure returns `Ok`;
//! - a file that is corrupt, or newer than this app, is reported and never written to;
//! - one app instance per database file ([`lock::DbLock`]).

pub mod location;
mod lock;
mod migrate;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};
use thiserror::Error;

use crate::error::UserFacing;
pub use lock::DbLock;
pub use migrate::{LATEST_VERSION, SEARCH_INDEX_VERSION};

/// Why the database could not be opened or written.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("数据库 {path} 正被另一个议事簿窗口使用。请先关闭那个窗口，再打开本程序。")]
    Locked { path: PathBuf },
    #[error("这个数据库由更新版本的议事簿创建（数据格式 {found}，本程序最高支持 {supported}）。请先升级议事簿；文件未作任何改动。")]
    TooNew { found: i64, supported: i64 },
    #[error("数据库文件 {path} 已损坏（{detail}），程序没有写入它。{}", restore_hint(.backup))]
    Corrupt { path: PathBuf, detail: String, backup: Option<PathBuf> },
    #[error("无法在 {path} 创建或打开数据库：{source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("数据库升级到第 {version} 版时失败，已撤销，文件保持原样：{source}")]
    Migration { version: i64, source: rusqlite::Error },
    #[error("重建搜索索引时出错，数据库已升级但搜索可能找不全：{0}。可稍后用“重建搜索索引”修复。")]
    Reindex(String),
    #[error("读写数据库时出错：{}", crate::error::db_words(.0))]
    Sqlite(#[from] rusqlite::Error),
}

fn restore_hint(backup: &Option<PathBuf>) -> String {
    match backup {
        Some(b) => format!("请用备份文件 {} 恢复。", b.display()),
        None => "没有找到自动备份；如有U盘上的归档，请从归档恢复。".to_string(),
    }
}

impl UserFacing for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "db_locked",
            StoreError::TooNew { .. } => "db_too_new",
            StoreError::Corrupt { .. } => "db_corrupt",
            StoreError::Io { .. } => "db_io",
            StoreError::Migration { .. } => "db_migration",
            StoreError::Reindex(_) => "db_reindex",
            StoreError::Sqlite(_) => "db_error",
        }
    }
}

/// A file's name as SQLite must be given it (in `open_connection`, `VACUUM INTO`, `ATTACH`).
/// Windows refuses a path of 260 characters or more unless it is written `\\?\C:\…` (a deep
/// folder on the stick, a long user name in Chinese): Rust's std adds that itself, SQLite does
/// not, so long paths are handed over in that form, to the `win32-longpath` VFS, which allows
/// such names. Elsewhere the path as it is.
pub(crate) fn sqlite_name(path: &Path) -> String {
    #[cfg(windows)]
    if let Some(verbatim) = verbatim_if_long(path) {
        return verbatim;
    }
    path.to_string_lossy().into_owned()
}

#[cfg(windows)]
fn verbatim_if_long(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let s = absolute.to_str()?;
    // Room for the "-journal" and "-wal" names SQLite derives from it.
    if s.starts_with(r"\\?\") || s.encode_utf16().count() < 240 {
        return None;
    }
    Some(match s.strip_prefix(r"\\") {
        Some(share) => format!(r"\\?\UNC\{share}"),
        None => format!(r"\\?\{s}"),
    })
}

/// Opens a connection to `path` (see [`sqlite_name`] for why not `Connection::open`).
pub(crate) fn open_connection(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    const VFS: &str = if cfg!(windows) { "win32-longpath" } else { "unix" };
    Connection::open_with_flags_and_vfs(sqlite_name(path), flags, VFS)
}

/// An open database: one connection, the lock held for as long as it lives.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    _lock: DbLock,
    needs_search_index: bool,
}

impl Store {
    /// The default database location ([`location::current`]): `YISHI_DB` when set, the
    /// `yishi-data` folder beside the program (portable copy), or the OS data directory
    /// (Linux: ~/.local/share/yishi/yishi.db).
    pub fn default_path() -> PathBuf {
        location::current().path
    }

    /// Opens (creating if needed) the database at `path`, migrating it to the latest schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        }
        let lock = DbLock::acquire(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = open_connection(path, flags).map_err(|e| corrupt_or(path, e))?;
        // Checks that only read come first: a too-new or corrupt file must stay byte-identical.
        let found = read_version(&conn).map_err(|e| corrupt_or(path, e))?;
        if found > LATEST_VERSION {
            return Err(StoreError::TooNew { found, supported: LATEST_VERSION });
        }
        quick_check(&conn, path)?;
        configure(&conn)?;
        migrate::run(&mut conn, path, found)?;
        // The index tables arrived empty in a file that already held records: the caller fills
        // them (`reindex::open`), since only the domain modules know what to index.
        let needs_search_index = found > 0 && found < migrate::SEARCH_INDEX_VERSION;
        Ok(Store { conn, path: path.to_path_buf(), _lock: lock, needs_search_index })
    }

    /// Whether this file's search index is empty although it holds records (it was just
    /// migrated past the version that introduced the index). `reindex::open` fills it.
    pub fn needs_search_index(&self) -> bool {
        self.needs_search_index
    }

    /// Records that the search index has been filled from the records.
    pub fn search_index_built(&mut self) {
        self.needs_search_index = false;
    }

    /// The database file this store writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(read_version(&self.conn)?)
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: committed if it returns `Ok`, rolled back otherwise,
    /// so a refused write changes nothing.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Copies the write-ahead log into the database file without blocking writers (PASSIVE).
    /// The app calls it when the secretary pauses typing, so it never lands on an autosave.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Row counts of every user table, for `info` and tests.
    pub fn table_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' \
             AND name <> 'search_pending' ORDER BY name",
        )?;
        let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        let mut counts = Vec::with_capacity(names.len());
        for name in names {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| r.get(0))?;
            counts.push((name, n));
        }
        Ok(counts)
    }
}

/// Reads a text column holding one of a closed list of names; anything else is a damaged row.
pub fn parse_col<T>(r: &rusqlite::Row, i: usize, parse: impl Fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown value {s:?}").into())
    })
}

/// A stored local day (`YYYY-MM-DD`, the form every day column holds).
pub fn day_col(r: &rusqlite::Row, i: usize) -> rusqlite::Result<chrono::NaiveDate> {
    parse_col(r, i, |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// A stored local day that may be NULL.
pub fn optional_day_col(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(_) => day_col(r, i).map(Some),
    }
}

fn read_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    // WAL + synchronous=FULL: an acknowledged autosave survives a power cut (see
    // docs/ARCHITECTURE.md, "Durability"); the cost measured here is ~1–2 ms per commit.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // A 20,000-character autosave writes ~50 WAL pages; at SQLite's default threshold (1,000
    // pages) every ~19th keystroke-save would also copy megabytes into the database file and
    // fsync it (8–25 ms). The app checkpoints when typing pauses (`Store::checkpoint`), so the
    // automatic one is only a size guard (~80 MB of WAL).
    conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// See `configure`: the automatic checkpoint is a size guard, not the normal path.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 20_000;

fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let result: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| corrupt_or(path, e))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(corrupt(path, result))
    }
}

/// SQLite reports a damaged or foreign file as NOTADB / CORRUPT: that is corruption, not an I/O glitch.
fn corrupt_or(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(NotADatabase) | Some(DatabaseCorrupt) => corrupt(path, e.to_string()),
        _ => StoreError::Sqlite(e),
    }
}

fn corrupt(path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt { path: path.to_path_buf(), detail, backup: migrate::newest_backup(path) }
}

#[cfg(test)]
mod tests;
