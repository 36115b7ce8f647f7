//! Local backups beside the database (`<data dir>/backups/`), and restoring from one.
//!
//! A backup is a `VACUUM INTO` copy named `yishi-<YYYYMMDD-HHMMSS>-<reason>.db`, written as
//! `.partial` and renamed once fsynced. Taken daily on the first start of the day
//! ([`daily`]), before every import, and before every restore.
//!
//! Backups are plain by default: they sit on the same disk as the live file, which is plain too.
//! With 每日备份也加密 on (`passphrase::set_backups_encrypted`) and a passphrase set, the copy is
//! streamed through age (`crypto`, as the archive's `yishi.db.age`) into `….db.age` and the plain
//! `.partial` deleted; restoring one decrypts it with the passphrases this laptop knows.
//!
//! **Retention** ([`retained`]), applied after each new backup: of the daily backups keep the
//! newest of each of the last 7 days that have one, plus the newest of each of the 4 ISO weeks
//! before those; of the backups taken before an import or a restore keep the newest 10. Others
//! are deleted. Files that do not follow the naming scheme are never touched.
//!
//! **Restore** replaces the live file, which only works with the store closed: [`prepare_restore`]
//! backs up the current state and stages the chosen copy (checked) beside the database;
//! the shell closes the store, calls [`PendingRestore::apply`] and reopens the path it returns.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use super::sink::{sync_dir, sync_file};
use super::ArchiveError;
use crate::store::{Store, LATEST_VERSION};

crate::labelled_enum! {
    /// Why a backup was taken.
    Reason {
        Daily = "daily": "每日自动备份",
        Import = "import": "导入前备份",
        Restore = "restore": "恢复前备份",
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    pub file_name: String,
    pub reason: Reason,
    pub reason_label: &'static str,
    /// Local time it was taken, `YYYY-MM-DD HH:MM:SS`.
    pub taken_at: String,
    pub size: u64,
    /// Written age-encrypted (`….db.age`).
    pub encrypted: bool,
    #[serde(skip)]
    taken: NaiveDateTime,
}

/// How every age file begins (the format's version line).
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// `<folder of the database>/backups`.
pub fn dir(store: &Store) -> PathBuf {
    store.path().parent().map(Path::to_path_buf).unwrap_or_default().join("backups")
}

/// The daily backup, if none was taken on `today` yet; then applies the retention rule.
pub fn daily(store: &Store, today: NaiveDate) -> Result<Option<Backup>, ArchiveError> {
    let done = list(store)?.iter().any(|b| b.reason == Reason::Daily && b.taken.date() == today);
    if done {
        return Ok(None);
    }
    take(store, Reason::Daily, crate::time::now()).map(Some)
}

/// Takes a backup now, then deletes what the retention rule no longer keeps.
pub fn take(store: &Store, reason: Reason, now: DateTime<Utc>) -> Result<Backup, ArchiveError> {
    let taken = take_unpruned(store, reason, now)?;
    prune(store)?;
    Ok(taken)
}

/// [`take`] without the retention rule: an import prunes only once its merge went through, and
/// otherwise deletes this backup of an unchanged state, so a refused archive leaves nothing.
pub(crate) fn take_unpruned(store: &Store, reason: Reason, now: DateTime<Utc>) -> Result<Backup, ArchiveError> {
    // Named by the community's wall clock, as the secretary reads it in the list.
    let now = crate::community::zone(store.conn())?.wall(now);
    let pass = super::passphrase::backup_passphrase(store.conn())?;
    let dir = dir(store);
    fs::create_dir_all(&dir).map_err(|e| ArchiveError::write(&dir, &e))?;
    let name = format!("yishi-{}-{}.db", now.format("%Y%m%d-%H%M%S"), reason.as_str());
    let plain = dir.join(format!("{name}.partial"));
    let _ = fs::remove_file(&plain);
    store.conn().execute("VACUUM INTO ?1", [crate::store::sqlite_name(&plain)])?;
    let path = match &pass {
        None => dir.join(&name),
        Some(_) => dir.join(format!("{name}.age")),
    };
    let written = match &pass {
        None => sync_file(&plain).and_then(|_| fs::rename(&plain, &path)),
        Some(p) => encrypt_to(&plain, &path, p),
    };
    let _ = fs::remove_file(&plain);
    written.and_then(|_| sync_dir(&dir)).map_err(|e| ArchiveError::write(&path, &e))?;
    parse(&path).ok_or(ArchiveError::NoSuchBackup { path })
}

/// Streams the plain copy through age into `path` (via its own `.partial`, renamed once fsynced).
fn encrypt_to(plain: &Path, path: &Path, passphrase: &str) -> std::io::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = (|| {
        let source = std::io::BufReader::with_capacity(1 << 20, fs::File::open(plain)?);
        let mut cipher = super::crypto::Encrypting::new(source, passphrase)?;
        let mut out = fs::File::create(&partial)?;
        std::io::copy(&mut cipher, &mut out)?;
        drop(out);
        sync_file(&partial)?;
        fs::rename(&partial, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// The backups, newest first.
pub fn list(store: &Store) -> Result<Vec<Backup>, ArchiveError> {
    let dir = dir(store);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ArchiveError::read(&dir, &e)),
    };
    let mut list: Vec<Backup> = entries.filter_map(|e| e.ok()).filter_map(|e| parse(&e.path())).collect();
    list.sort_by(|a, b| b.taken.cmp(&a.taken).then(b.file_name.cmp(&a.file_name)));
    Ok(list)
}

#[cfg(test)]
pub(crate) fn parse_for_test(path: &Path) -> Option<Backup> {
    parse(path)
}

fn parse(path: &Path) -> Option<Backup> {
    let file_name = path.file_name()?.to_str()?.to_string();
    let (stem, encrypted) = match file_name.strip_suffix(".db.age") {
        Some(stem) => (stem, true),
        None => (file_name.strip_suffix(".db")?, false),
    };
    let stem = stem.strip_prefix("yishi-")?;
    let (when, reason) = stem.rsplit_once('-')?;
    let taken = NaiveDateTime::parse_from_str(when, "%Y%m%d-%H%M%S").ok()?;
    let reason = Reason::parse(reason)?;
    let size = fs::metadata(path).ok()?.len();
    Some(Backup {
        path: path.to_path_buf(),
        file_name,
        reason,
        reason_label: reason.label(),
        taken_at: taken.format("%Y-%m-%d %H:%M:%S").to_string(),
        size,
        encrypted,
        taken,
    })
}

/// Deletes the backups the retention rule does not keep.
pub fn prune(store: &Store) -> Result<Vec<PathBuf>, ArchiveError> {
    let all = list(store)?;
    let keep = retained(&all);
    let mut removed = Vec::new();
    for b in all.into_iter().filter(|b| !keep.contains(&b.path)) {
        fs::remove_file(&b.path).map_err(|e| ArchiveError::write(&b.path, &e))?;
        removed.push(b.path);
    }
    Ok(removed)
}

/// The retention rule (see the module doc). `backups` newest first.
pub fn retained(backups: &[Backup]) -> BTreeSet<PathBuf> {
    let mut keep = BTreeSet::new();
    let mut days = BTreeSet::new();
    let mut weeks = BTreeSet::new();
    for b in backups.iter().filter(|b| b.reason == Reason::Daily) {
        let day = b.taken.date();
        let week = (day.iso_week().year(), day.iso_week().week());
        if days.contains(&day) || weeks.contains(&week) {
            continue;
        }
        if days.len() < 7 {
            days.insert(day);
            keep.insert(b.path.clone());
        } else if weeks.len() < 4 && !days.iter().any(|d| (d.iso_week().year(), d.iso_week().week()) == week) {
            weeks.insert(week);
            keep.insert(b.path.clone());
        }
    }
    let safety = backups.iter().filter(|b| b.reason != Reason::Daily).take(10);
    keep.extend(safety.map(|b| b.path.clone()));
    keep
}

/// A checked copy staged beside the database, waiting for the store to close.
#[derive(Debug)]
pub struct PendingRestore {
    staged: PathBuf,
    db: PathBuf,
    /// The backup of the state being replaced.
    pub backup: Backup,
}

/// Backs up the current state, checks `source` (a backup file, or an archive folder, which is
/// verified) and stages it. The live database is not touched yet.
pub fn prepare_restore(store: &Store, source: &Path) -> Result<PendingRestore, ArchiveError> {
    prepare_restore_with(store, source, None)
}

/// [`prepare_restore`]; an encrypted archive is opened with `pass`, else with the passphrases
/// this laptop knows.
pub fn prepare_restore_with(store: &Store, source: &Path, pass: Option<&str>) -> Result<PendingRestore, ArchiveError> {
    let db = store.path().to_path_buf();
    let mut name = db.as_os_str().to_owned();
    name.push(".restore");
    let staged = PathBuf::from(name);
    if source.is_dir() {
        let (_, manifest) = super::verify::verify_folder_named(source, super::verify::Db::Full(""))?;
        super::import::stage_db(store, source, &manifest, pass, &staged)?;
        // An archive carries no passphrase: this laptop keeps its own across a restore.
        if let Err(e) = check_copy(&staged).and_then(|()| keep_passphrases(store, &staged)) {
            let _ = fs::remove_file(&staged);
            return Err(e);
        }
    } else if source.is_file() {
        // The passphrase is this laptop's, not part of the records a backup restores.
        if let Err(e) = stage_backup(store, source, &staged).and_then(|()| keep_passphrases(store, &staged)) {
            let _ = fs::remove_file(&staged);
            return Err(e);
        }
    } else {
        return Err(ArchiveError::NoSuchBackup { path: source.to_path_buf() });
    }
    sync_file(&staged).map_err(|e| ArchiveError::write(&staged, &e))?;
    let backup = take(store, Reason::Restore, crate::time::now())?;
    Ok(PendingRestore { staged, db, backup })
}

impl PendingRestore {
    /// Call with the store closed: puts the staged copy in place of the database and returns the
    /// path to reopen. The old file's log (-wal/-shm) is removed first, or SQLite would replay it
    /// into the restored file.
    pub fn apply(self) -> Result<PathBuf, ArchiveError> {
        for suffix in ["-wal", "-shm"] {
            let mut name = self.db.as_os_str().to_owned();
            name.push(suffix);
            let side = PathBuf::from(name);
            match fs::remove_file(&side) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(ArchiveError::replace(&side, &e)),
            }
        }
        replace_file(&self.staged, &self.db).map_err(|e| ArchiveError::replace(&self.db, &e))?;
        if let Some(parent) = self.db.parent() {
            sync_dir(parent).map_err(|e| ArchiveError::write(parent, &e))?;
        }
        Ok(self.db)
    }
}

/// Renames `from` over `to`. Windows refuses while any program holds `to` open without
/// FILE_SHARE_DELETE: SQLite itself until the store is closed, and often for a moment after
/// that an antivirus scanner or the search indexer. Such a refusal is retried for up to 2 s;
/// if it persists, `to` is untouched and the error says so (`ArchiveError::Replace`).
fn replace_file(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut tries = 0;
    loop {
        match fs::rename(from, to) {
            Err(e) if tries < 20 && held_open(&e) => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// ERROR_ACCESS_DENIED (5) and ERROR_SHARING_VIOLATION (32): the file is open elsewhere.
fn held_open(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5) | Some(32))
}

/// Copies a plain backup to `staged`, or decrypts an encrypted one there; checks the copy.
fn stage_backup(store: &Store, source: &Path, staged: &Path) -> Result<(), ArchiveError> {
    if !is_age_file(source)? {
        check_copy(source)?;
        fs::copy(source, staged).map_err(|e| ArchiveError::write(staged, &e))?;
        return Ok(());
    }
    let file = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let candidates = super::passphrase::candidates(store.conn())?;
    if candidates.is_empty() {
        return Err(ArchiveError::BackupPassphraseNeeded { file });
    }
    for pass in candidates {
        let mut out = fs::File::create(staged).map_err(|e| ArchiveError::write(staged, &e))?;
        match super::crypto::decrypt(source, &pass, &mut out) {
            Ok(_) => return check_copy(staged),
            Err(super::crypto::Failure::WrongPassphrase) => continue,
            Err(super::crypto::Failure::Io(e)) => return Err(ArchiveError::read(source, &e)),
            Err(super::crypto::Failure::NotEncrypted(detail) | super::crypto::Failure::Damaged(detail)) => {
                return Err(ArchiveError::BackupDamaged { file, detail })
            }
        }
    }
    Err(ArchiveError::BackupWrongPassphrase { file })
}

/// Whether `path` begins as an age file does (whatever its name says).
fn is_age_file(path: &Path) -> Result<bool, ArchiveError> {
    use std::io::Read;
    let mut head = [0u8; AGE_MAGIC.len()];
    let mut file = fs::File::open(path).map_err(|e| ArchiveError::read(path, &e))?;
    let n = file.read(&mut head).map_err(|e| ArchiveError::read(path, &e))?;
    Ok(head[..n] == *AGE_MAGIC)
}

fn keep_passphrases(store: &Store, staged: &Path) -> Result<(), ArchiveError> {
    let conn = crate::store::open_connection(staged, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let mut stmt = store.conn().prepare(
        "SELECT id, value, created_at, updated_at FROM app_settings WHERE id IN (?1, ?2, ?3) AND deleted_at IS NULL",
    )?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map(super::passphrase::LAPTOP_KEYS, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    // The copy's own switch or passphrases (an older state of this laptop) do not come back.
    conn.execute("DELETE FROM app_settings WHERE id IN (?1, ?2, ?3)", super::passphrase::LAPTOP_KEYS)?;
    for (id, value, created, updated) in rows {
        conn.execute(
            "INSERT OR REPLACE INTO app_settings (id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, value, created, updated],
        )?;
    }
    Ok(())
}

/// A backup file must be a sound database this app can open.
fn check_copy(path: &Path) -> Result<(), ArchiveError> {
    let (_, version) = super::verify::open_checked(path)?;
    if version > LATEST_VERSION {
        return Err(ArchiveError::TooNew {
            found: format!("数据 {version}"),
            supported: format!("数据 {LATEST_VERSION}"),
        });
    }
    Ok(())
}
