//! Shared by the archive_* tests: databases, dumps and a sink that fails part way.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use tempfile::TempDir;
use yishi_core::archive::{Disk, Sink};
use yishi_core::store::Store;

/// The committee passphrase every test laptop of [`empty_store`] and [`demo_store`] keeps.
pub const PASSPHRASE: &str = "幸福里议事会 2026";

/// A new, empty store in its own temporary folder, with no 归档密码 set.
pub fn bare_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("yishi.db")).unwrap();
    (dir, store)
}

/// A new, empty store in its own temporary folder, keeping the committee's [`PASSPHRASE`].
pub fn empty_store() -> (TempDir, Store) {
    let (dir, mut store) = bare_store();
    store.write(|tx| yishi_core::archive::passphrase::set(tx, PASSPHRASE)).unwrap();
    (dir, store)
}

/// A store holding the demo community, on a laptop whose only passphrase is `passphrase`.
pub fn demo_store_with(passphrase: &str) -> (TempDir, Store) {
    let (dir, mut store) = bare_store();
    store.write(|tx| yishi_core::archive::passphrase::set(tx, passphrase)).unwrap();
    yishi_core::demo::load(&mut store).unwrap();
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

/// Decrypts the archive's database into `dir/plain.db` with [`PASSPHRASE`].
pub fn decrypt_db(archive: &Path, dir: &Path) -> PathBuf {
    let plain = dir.join("plain.db");
    let mut out = std::fs::File::create(&plain).unwrap();
    yishi_core::archive::crypto::decrypt(&archive.join("yishi.db.age"), PASSPHRASE, &mut out)
        .unwrap_or_else(|e| panic!("{e:?}"));
    plain
}

/// Changes an archive's database with `f` as a forger would who knows the passphrase: decrypt,
/// change, encrypt again, and rewrite every size, sha256 and count in the manifest, so the
/// archive still verifies. Format 1 archives (plain `yishi.db`) are changed in place.
pub fn tamper(archive: &Path, f: impl FnOnce(&rusqlite::Connection)) {
    let work = tempfile::tempdir().unwrap();
    let encrypted = archive.join("yishi.db.age").exists();
    let plain = if encrypted { decrypt_db(archive, work.path()) } else { archive.join("yishi.db") };
    {
        let conn = rusqlite::Connection::open(&plain).unwrap();
        f(&conn);
    }
    let mpath = archive.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&plain).unwrap();
    if let Some(counts) = m["counts"].as_object_mut() {
        let tables: Vec<String> = counts.keys().cloned().collect();
        for t in tables {
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0)).unwrap_or(-1);
            counts.insert(t, n.into());
        }
    }
    m["schema_version"] = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap().into();
    drop(conn);
    let bytes = std::fs::read(&plain).unwrap();
    if encrypted {
        let mut enc = yishi_core::archive::crypto::Encrypting::new(&bytes[..], PASSPHRASE).unwrap();
        let mut cipher = Vec::new();
        enc.read_to_end(&mut cipher).unwrap();
        std::fs::write(archive.join("yishi.db.age"), &cipher).unwrap();
        m["protected"][0]["plain_size"] = (bytes.len() as u64).into();
        m["protected"][0]["plain_sha256"] = sha(&bytes).into();
    }
    rehash(archive, &mut m);
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
}

/// Rewrites the size and sha256 of every file the manifest lists (following a link to a regular
/// file, as a careless checker would).
pub fn rehash(archive: &Path, m: &mut serde_json::Value) {
    for f in m["files"].as_array_mut().unwrap() {
        let p = archive.join(f["path"].as_str().unwrap());
        // A link to /dev/zero would be read for ever: only what a link to a file points at.
        let readable = std::fs::metadata(&p).map(|m| m.is_file()).unwrap_or(false);
        if let Some(bytes) = readable.then(|| std::fs::read(&p).ok()).flatten() {
            f["size"] = (bytes.len() as u64).into();
            f["sha256"] = sha(&bytes).into();
        }
    }
}

/// Rewrites the manifest after `f` changed it (sizes and hashes refreshed).
pub fn edit_manifest(archive: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mpath = archive.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    f(&mut m);
    rehash(archive, &mut m);
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
}

pub fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Copies a folder tree (the fixture) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file name under `dir`, for "nothing was written" checks.
pub fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let meta = std::fs::symlink_metadata(e.path()).unwrap();
        out.push((e.file_name().to_string_lossy().into_owned(), meta.len()));
        if meta.is_dir() {
            for (n, l) in listing(&e.path()) {
                out.push((format!("{}/{n}", e.file_name().to_string_lossy()), l));
            }
        }
    }
    out.sort();
    out
}

/// The format-1 archive made by the code before encryption (tests/fixtures).
pub fn fixture_v1() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive-v1-幸福里社区")
}

/// Puts `plain` as the archive's database (encrypted with [`PASSPHRASE`]) and rewrites the
/// manifest's sizes and hashes to match, as a forger who knows the passphrase would.
pub fn replace_plain(archive: &Path, plain: &[u8]) {
    let mut enc = yishi_core::archive::crypto::Encrypting::new(plain, PASSPHRASE).unwrap();
    let mut cipher = Vec::new();
    enc.read_to_end(&mut cipher).unwrap();
    std::fs::write(archive.join("yishi.db.age"), &cipher).unwrap();
    edit_manifest(archive, |m| {
        m["protected"][0]["plain_size"] = (plain.len() as u64).into();
        m["protected"][0]["plain_sha256"] = sha(plain).into();
    });
}

/// [`dump_domain`] without this laptop's passphrase rows (they never travel).
pub fn dump_records(store: &Store) -> BTreeMap<String, Vec<Vec<Value>>> {
    let mut d = dump_domain(store);
    if let Some(rows) = d.get_mut("app_settings") {
        rows.retain(|r| !matches!(&r[0], Value::Text(k) if yishi_core::archive::passphrase::is_laptop_key(k)));
    }
    d
}
