//! 导出到U盘: snapshot, ledger and CSV into `.…-partial`, manifest last, verify, rename.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::manifest::{
    self, FileEntry, Manifest, Protected, DB_AGE_FILE, DB_FILE, FORMAT_NAME, FORMAT_VERSION, MANIFEST_FILE,
};
use super::notices::{self, Period};
use super::sink::{Disk, Hashing, Sink};
use super::{crypto, csv, ledger, passphrase, verify, ArchiveError, Progress, Step};
use crate::community::load_settings;
use crate::store::Store;

/// What was written.
#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    /// The finished archive folder.
    pub path: PathBuf,
    /// The folder in words for the screen: “幸福里社区 2026年12月1日 19:30”.
    pub words: String,
    pub files: usize,
    pub bytes: u64,
    pub counts: BTreeMap<String, i64>,
}

/// Exports the store into a new archive folder inside `to_dir` (the stick), now.
/// Every issued notice goes into `notices/`; [`export_with`] can limit them to a period.
pub fn export(store: &Store, to_dir: &Path, mut progress: impl FnMut(Progress)) -> Result<ExportReport, ArchiveError> {
    export_with(store, to_dir, None, &mut Disk, crate::time::now(), &mut progress)
}

/// [`export`] with the notices of `period` only, through a given [`Sink`] and clock (tests make
/// the sink fail part way).
pub fn export_with(
    store: &Store,
    to_dir: &Path,
    period: Period,
    sink: &mut dyn Sink,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportReport, ArchiveError> {
    progress(Progress::at(Step::Snapshot));
    let prepared = prepare_export(store)?;
    export_prepared(&prepared, to_dir, period, sink, now, progress)
}

/// A consistent copy of the records, taken in a moment: the long part of an export (writing and
/// verifying the stick) then runs from it, so the app keeps answering while the stick works.
pub struct PreparedExport {
    snapshot: Snapshot,
    community: String,
    /// The community's zone: the archive's folder name is its local time.
    zone: crate::time::Zone,
    /// This laptop's 归档密码, which encrypts `yishi.db.age`.
    passphrase: String,
}

/// The part of an export that needs the live store: the snapshot (`VACUUM INTO`). Refused,
/// before anything is copied, while no 归档密码 is set.
pub fn prepare_export(store: &Store) -> Result<PreparedExport, ArchiveError> {
    let passphrase = passphrase::get(store.conn())?.ok_or(ArchiveError::NoPassphrase)?;
    let community = load_settings(store.conn()).map(|s| s.name).unwrap_or_default();
    let zone = crate::community::zone(store.conn())?;
    Ok(PreparedExport { snapshot: Snapshot::take(store)?, community, zone, passphrase })
}

/// The rest of an export, from a [`PreparedExport`]; needs no store.
pub fn export_prepared(
    prepared: &PreparedExport,
    to_dir: &Path,
    period: Period,
    sink: &mut dyn Sink,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportReport, ArchiveError> {
    let community = &prepared.community;
    check_fits(&prepared.snapshot, to_dir, sink)?;
    let wall = prepared.zone.wall(now);
    let name = archive_name(community, wall);
    let partial = to_dir.join(format!(".{name}-partial"));
    // Leftovers of exports that died (killed, stick pulled): they never passed verify.
    super::leftovers::clean_stick(to_dir);
    if partial.exists() {
        fs::remove_dir_all(&partial).map_err(|e| ArchiveError::write(&partial, &e))?;
    }
    let pass = prepared.passphrase.as_str();
    let written = write_partial(&prepared.snapshot, &partial, (sink, period, pass), community, now, progress);
    let result = written
        .and_then(|report| finish(&partial, to_dir, &name, (sink, pass), report, progress))
        .map(|report| ExportReport { words: archive_words(community, wall), ..report });
    if result.is_err() {
        // Best effort: the stick may be gone. Whatever stays is named -partial and fails verify.
        let _ = fs::remove_dir_all(&partial);
    }
    result
}

/// Refuses, before anything is written, a database the stick's file system cannot hold (FAT32:
/// under 4 GB per file); the ledger, CSV and notices are far smaller than the database.
fn check_fits(snapshot: &Snapshot, to_dir: &Path, sink: &mut dyn Sink) -> Result<(), ArchiveError> {
    let Some((limit, file_system)) = sink.file_size_limit(to_dir) else { return Ok(()) };
    let size = fs::metadata(&snapshot.path).map_err(|e| ArchiveError::read(&snapshot.path, &e))?.len();
    if size > limit {
        return Err(ArchiveError::TooBigForStick { dir: to_dir.to_path_buf(), fs: file_system, size });
    }
    Ok(())
}

/// `yishi-archive-幸福里社区-20261121-1930`; characters a file system refuses become `_`.
pub fn archive_name(community: &str, wall: NaiveDateTime) -> String {
    let safe = crate::pdf::file_name_part(community);
    let safe = if safe.is_empty() { "社区".to_string() } else { safe };
    format!("yishi-archive-{safe}-{}", wall.format("%Y%m%d-%H%M"))
}

/// What the screen says instead of the folder's file-system name.
pub fn archive_words(community: &str, wall: NaiveDateTime) -> String {
    let community = if community.trim().is_empty() { "社区" } else { community.trim() };
    format!("{community} {}", wall.format("%Y年%-m月%-d日 %H:%M"))
}

fn write_partial(
    snapshot: &Snapshot,
    partial: &Path,
    (sink, period, pass): (&mut dyn Sink, Period, &str),
    community: &str,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportReport, ArchiveError> {
    sink.create_dir(partial).map_err(|e| ArchiveError::write(partial, &e))?;
    let (db_entry, protected) = snapshot.encrypt_to(partial, sink, pass)?;
    let mut files = vec![db_entry];
    let conn = snapshot.open()?;
    let counts = super::counts(&conn)?;
    progress(Progress::at(Step::Ledger));
    let sheets = ledger::sheets(&conn)?;
    let xlsx = ledger::xlsx(&sheets).map_err(|e| ArchiveError::Ledger(e.to_string()))?;
    files.push(put(sink, partial, "ledger.xlsx", &xlsx)?);
    progress(Progress::at(Step::Csv));
    let csv_dir = partial.join("csv");
    sink.create_dir(&csv_dir).map_err(|e| ArchiveError::write(&csv_dir, &e))?;
    for sheet in &sheets {
        files.push(put(sink, partial, &format!("csv/{}.csv", sheet.name), &csv::to_csv(sheet))?);
    }
    sink.sync_dir(&csv_dir).map_err(|e| ArchiveError::write(&csv_dir, &e))?;
    progress(Progress::at(Step::Notices));
    let cache = notices::Cache::beside(&snapshot.path);
    let (pdfs, notices) = notices::write(&conn, partial, sink, period, &cache)?;
    files.extend(pdfs);
    let schema_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    drop(conn);
    progress(Progress::at(Step::Manifest));
    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        format_version: FORMAT_VERSION,
        app_version: crate::APP_VERSION.into(),
        schema_version,
        community: community.to_string(),
        created_at: crate::time::stored(now),
        counts: counts.clone(),
        files: files.clone(),
        notices,
        protected: vec![protected],
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| ArchiveError::BadManifest { detail: e.to_string() })?;
    put(sink, partial, MANIFEST_FILE, &json)?;
    sink.sync_dir(partial).map_err(|e| ArchiveError::write(partial, &e))?;
    let bytes = files.iter().map(|f| f.size).sum::<u64>() + json.len() as u64;
    Ok(ExportReport { path: partial.to_path_buf(), words: String::new(), files: files.len() + 1, bytes, counts })
}

/// Verify the written folder as the other computer will, then give it its real name.
fn finish(
    partial: &Path,
    to_dir: &Path,
    name: &str,
    (sink, pass): (&mut dyn Sink, &str),
    mut report: ExportReport,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportReport, ArchiveError> {
    progress(Progress::at(Step::Verify));
    // Read back from the stick: every file's sha256 (the ciphertext's too) against what was
    // streamed out; the database's ends decrypted with the passphrase (see `Db::Ends`).
    verify::verify_folder(partial, verify::Db::Ends(pass)).map_err(|e| ArchiveError::SelfCheck(Box::new(e)))?;
    let target = free_name(to_dir, name);
    sink.rename(partial, &target).map_err(|e| ArchiveError::write(&target, &e))?;
    sink.sync_dir(to_dir).map_err(|e| ArchiveError::write(to_dir, &e))?;
    progress(Progress::at(Step::Finish));
    report.path = target;
    Ok(report)
}

/// `name`, or `name-2`, `name-3`… when a folder of that name exists (two exports in a minute).
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    (2..).map(|n| dir.join(format!("{name}-{n}"))).find(|p| !p.exists()).unwrap_or(first)
}

pub(crate) fn put(sink: &mut dyn Sink, dir: &Path, rel: &str, bytes: &[u8]) -> Result<FileEntry, ArchiveError> {
    let path = dir.join(rel);
    let size = sink.write_file(&path, &mut &bytes[..]).map_err(|e| ArchiveError::write(&path, &e))?;
    Ok(FileEntry { path: rel.to_string(), size, sha256: manifest::hash_bytes(bytes) })
}

/// A consistent copy of the live database on the local disk (beside it), removed when dropped.
/// `VACUUM INTO` reads inside one transaction, so it is consistent while the app keeps writing
/// and finishes in one pass (a page-stepped backup restarts on every write).
pub(crate) struct Snapshot {
    pub(crate) path: PathBuf,
}

/// `VACUUM INTO` without the fsync of the copy (SQLite syncs it at the live connection's
/// `synchronous` level, FULL): of a 121 MB database's 1.3 s snapshot, 0.8 s was that fsync of a
/// file nobody keeps. The live file is only read here, so its own durability is untouched; its
/// setting is put back whatever happened.
fn vacuum_into_unsynced(live: &Connection, to: &Path) -> Result<(), ArchiveError> {
    let level: i64 = live.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    live.pragma_update(None, "synchronous", "OFF")?;
    let copied = live.execute("VACUUM INTO ?1", [crate::store::sqlite_name(to)]);
    live.pragma_update(None, "synchronous", level)?;
    copied?;
    Ok(())
}

impl Snapshot {
    pub(crate) fn take(store: &Store) -> Result<Snapshot, ArchiveError> {
        let dir = store.path().parent().map(Path::to_path_buf).unwrap_or_default();
        let path = dir.join(format!(".snapshot-{}.db", crate::ids::new_id()));
        let snapshot = Snapshot { path };
        vacuum_into_unsynced(store.conn(), &snapshot.path)?;
        // A rollback-journal file can be opened read-only on a stick without creating -wal/-shm.
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = crate::store::open_connection(&snapshot.path, flags)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        // A scratch file, deleted after the export: what must reach the disk is the archive on
        // the stick (fsynced file by file), not this copy.
        conn.pragma_update(None, "synchronous", "OFF")?;
        // The passphrase never travels, not even encrypted; secure_delete zeroes its bytes.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.execute("DELETE FROM app_settings WHERE id IN (?1, ?2, ?3)", passphrase::LAPTOP_KEYS)?;
        conn.pragma_update(None, "application_id", super::schema::APPLICATION_ID)?;
        // quick_check, not integrity_check: VACUUM INTO built every index of this copy afresh from
        // its tables, so only the pages themselves can be wrong, and that is what quick_check
        // reads (in a fraction of the time). The importing laptop runs the full integrity_check.
        let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(ArchiveError::DbCorrupt {
                detail: "本机数据库的副本没有通过完整性检查".into()
            });
        }
        Ok(snapshot)
    }

    pub(crate) fn open(&self) -> Result<Connection, ArchiveError> {
        Ok(crate::store::open_connection(&self.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?)
    }

    /// Streams the snapshot, encrypted with `pass`, into `dir/yishi.db.age` through `sink`.
    fn encrypt_to(&self, dir: &Path, sink: &mut dyn Sink, pass: &str) -> Result<(FileEntry, Protected), ArchiveError> {
        let file = fs::File::open(&self.path).map_err(|e| ArchiveError::read(&self.path, &e))?;
        let plain = std::io::BufReader::with_capacity(1 << 20, file);
        let mut encrypting = crypto::Encrypting::new(plain, pass).map_err(|e| ArchiveError::read(&self.path, &e))?;
        let target = dir.join(DB_AGE_FILE);
        let mut reader = Hashing::new(&mut encrypting);
        sink.write_file(&target, &mut reader).map_err(|e| ArchiveError::write(&target, &e))?;
        let (size, sha256) = reader.finish();
        let (plain_size, plain_sha256) = encrypting.plain();
        let protected = Protected {
            path: DB_AGE_FILE.into(),
            contains: DB_FILE.into(),
            scheme: crypto::SCHEME.into(),
            plain_size,
            plain_sha256,
        };
        Ok((FileEntry { path: DB_AGE_FILE.into(), size, sha256 }, protected))
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        let _ = fs::remove_file(self.path.with_extension("db-journal"));
    }
}
