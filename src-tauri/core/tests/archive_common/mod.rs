//! Shared by the archive_* tests: databases, dumps and a sink that fails part way.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use tempfile::TempDir;
use yishi_core::archive::{Disk, Sink};
use yishi_core::store::Store;

/// A new, empty store in its own temporary folder.
pub fn empty_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("yishi.db")).unwrap();
    (dir, store)
}

/// A store holding the demo community.
pub fn demo_store() -> (TempDir, Store) {
    let (dir, mut store) = empty_store();
    yishi_core::demo::load(&mut store).unwrap();
    (dir, store)
}

/// Every row of every table (search index included), ordered, for "nothing changed" checks.
pub fn dump(store: &Store) -> BTreeMap<String, Vec<Vec<Value>>> {
    dump_where(store, |_| true)
}

/// The domain tables only (no search index), keyed by table.
pub fn dump_domain(store: &Store) -> BTreeMap<String, Vec<Vec<Value>>> {
    dump_where(store, |t| !t.starts_with("search_"))
}

fn dump_where(store: &Store, keep: impl Fn(&str) -> bool) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn = store.conn();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    let mut out = BTreeMap::new();
    for t in tables.into_iter().filter(|t| keep(t)) {
        let mut s = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = s.column_count();
        let mut rows: Vec<Vec<Value>> =
            s.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect()).unwrap().map(|r| r.unwrap()).collect();
        rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        out.insert(t, rows);
    }
    out
}

pub fn count(store: &Store, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// Exports `store` into a new temporary "stick"; returns the stick and the archive folder.
pub fn export(store: &Store) -> (TempDir, PathBuf) {
    let stick = tempfile::tempdir().unwrap();
    let report = yishi_core::archive::export(store, stick.path(), |_| {}).unwrap();
    (stick, report.path)
}

/// The folders in `dir` that pass verify.
pub fn verifying_folders(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| yishi_core::archive::verify(p).is_ok())
        .collect()
}

/// Writes through to disk until `budget` bytes have gone, then fails like a pulled stick.
pub struct FailAfter {
    pub budget: u64,
    pub written: u64,
}

impl Sink for FailAfter {
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        Disk.create_dir(path)
    }

    fn write_file(&mut self, path: &Path, data: &mut dyn Read) -> io::Result<u64> {
        let left = self.budget.saturating_sub(self.written);
        let mut limited = data.take(left);
        let n = Disk.write_file(path, &mut limited)?;
        self.written += n;
        let mut probe = [0u8; 1];
        if data.read(&mut probe)? > 0 {
            return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device (simulated)"));
        }
        Ok(n)
    }

    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        Disk.sync_dir(path)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        Disk.rename(from, to)
    }
}
