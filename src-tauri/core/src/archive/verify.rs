//! 核对归档: format version, every file's size and sha256, the database's integrity and counts.
//! Reads only: nothing is ever written into the archive folder (a plain database of format 1 is
//! checked on a copy in the temporary folder, since SQLite may leave `-shm`/`-journal` beside a
//! file it opens).
//!
//! An encrypted database (format 2) is checked as far as the passphrase allows: without it,
//! the ciphertext's size and sha256 and the age header; with it, the authenticated decryption
//! of every chunk, then SQLite's integrity check and the record counts of the decrypted copy.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::crypto;
use super::manifest::{self, Manifest, DB_FILE};
use super::ArchiveError;
use crate::store::LATEST_VERSION;

/// What a good archive holds, and what could be checked.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub path: PathBuf,
    pub community: String,
    pub created_at: String,
    pub app_version: String,
    pub format_version: u32,
    pub files: usize,
    pub bytes: u64,
    pub counts: BTreeMap<String, i64>,
    /// Whether the database is encrypted (format 2).
    pub encrypted: bool,
    /// Whether the database's content was checked (always for format 1; with the passphrase
    /// for format 2).
    pub database_checked: bool,
    /// What was checked, one sentence each, for the secretary.
    pub checked: Vec<String>,
    /// What could not be checked and why (empty when everything was).
    pub unchecked: Vec<String>,
}

/// Checks the archive folder `dir` without a passphrase; `Ok` only when every check it can make
/// passes (the report says what it could not check).
pub fn verify(dir: &Path) -> Result<VerifyReport, ArchiveError> {
    verify_with(dir, None)
}

/// [`verify`], decrypting the database with `passphrase` when it is encrypted.
pub fn verify_with(dir: &Path, passphrase: Option<&str>) -> Result<VerifyReport, ArchiveError> {
    verify_folder_named(dir, Db::Full(passphrase.unwrap_or(""))).map(|(report, _)| report)
}

/// [`verify`] on this laptop: an encrypted database is decrypted with the passphrases it knows;
/// when none opens it, the rest is still checked and the report says so.
pub fn verify_here(conn: &Connection, dir: &Path) -> Result<VerifyReport, ArchiveError> {
    let mut report = verify(dir)?;
    if !report.encrypted {
        return Ok(report);
    }
    for pass in super::passphrase::candidates(conn)? {
        match verify_with(dir, Some(&pass)) {
            Ok(full) => return Ok(full),
            Err(ArchiveError::WrongPassphrase) => continue,
            Err(e) => return Err(e),
        }
    }
    report.unchecked = vec!["数据库的内容没有核对：本机保存的归档密码打不开它（导入时输入密码即可核对）".into()];
    Ok(report)
}

/// The checks with the folder-name rule: a `-partial` folder is never an archive.
pub(crate) fn verify_folder_named(dir: &Path, mode: Db) -> Result<(VerifyReport, Manifest), ArchiveError> {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.ends_with("-partial") {
        return Err(ArchiveError::Partial { path: dir.to_path_buf() });
    }
    verify_folder(dir, mode)
}

/// How far to check the database.
#[derive(Clone, Copy)]
pub(crate) enum Db<'a> {
    /// Format 1: integrity and counts on a copy. Format 2: with a non-empty passphrase, decrypt
    /// into a copy, then integrity and counts; with "", the header only.
    Full(&'a str),
    /// Format 2 right after export: the ciphertext was just hashed back off the stick and matches
    /// what was streamed out of age, and the plaintext streamed into age was the snapshot that
    /// passed its integrity check; so only the ends are decrypted (the passphrase opens it, the
    /// file is complete, it is a SQLite database of the manifest's size), not the whole again.
    Ends(&'a str),
}

/// The checks without the folder-name rule (export runs them on its `-partial` folder).
pub(crate) fn verify_folder(dir: &Path, mode: Db) -> Result<(VerifyReport, Manifest), ArchiveError> {
    let m = manifest::read(dir)?;
    if m.schema_version > LATEST_VERSION {
        return Err(ArchiveError::TooNew {
            found: format!("数据 {}", m.schema_version),
            supported: format!("数据 {LATEST_VERSION}"),
        });
    }
    let db_file = m.db_file().to_string();
    if !m.files.iter().any(|f| f.path == db_file) {
        return Err(ArchiveError::Missing { file: db_file });
    }
    for f in &m.files {
        check_file(dir, &f.path, f.size, &f.sha256)?;
    }
    let mut checked = vec![format!("清单和 {} 个文件的大小、校验码都相符", m.files.len())];
    let mut unchecked = Vec::new();
    let database_checked = match (m.protected_db(), mode) {
        (None, _) => {
            let copy = TempCopy::of(&dir.join(DB_FILE))?;
            check_db(&copy.path, &m)?;
            checked.push("数据库完整，记录数与清单相符".into());
            true
        }
        (Some(p), Db::Full("")) => {
            header(dir, &p.path)?;
            checked.push("数据库已加密，加密文件头完好".into());
            unchecked.push("数据库的内容要用归档密码解密后才能核对".into());
            false
        }
        (Some(p), Db::Full(pass)) => {
            let copy = TempCopy::empty()?;
            let mut out = fs::File::create(&copy.path).map_err(|e| ArchiveError::write(&copy.path, &e))?;
            decrypt_checked(dir, p, pass, &mut out)?;
            drop(out);
            check_db(&copy.path, &m)?;
            checked.push("数据库已用归档密码解密，内容完整，记录数与清单相符".into());
            true
        }
        (Some(p), Db::Ends(pass)) => {
            check_ends(dir, p, pass)?;
            checked.push("数据库已用归档密码解密核对，与导出的数据一致".into());
            true
        }
    };
    let report = VerifyReport {
        path: dir.to_path_buf(),
        community: m.community.clone(),
        created_at: m.created_at.clone(),
        app_version: m.app_version.clone(),
        format_version: m.format_version,
        files: m.files.len() + 1,
        bytes: m.files.iter().map(|f| f.size).sum(),
        counts: m.counts.clone(),
        encrypted: m.protected_db().is_some(),
        database_checked,
        checked,
        unchecked,
    };
    Ok((report, m))
}

fn header(dir: &Path, rel: &str) -> Result<(), ArchiveError> {
    crypto::check_header(&dir.join(rel)).map_err(|e| crypto_error(rel, e))
}

/// Decrypts the archive's database into `out`, checking it against the manifest.
pub(crate) fn decrypt_checked(
    dir: &Path,
    p: &manifest::Protected,
    passphrase: &str,
    out: &mut dyn std::io::Write,
) -> Result<(), ArchiveError> {
    if p.scheme != crypto::SCHEME {
        return Err(ArchiveError::Encrypted {
            file: p.path.clone(), detail: "加密方式不是议事簿认识的".into()
        });
    }
    manifest::regular(dir, &p.path)?;
    let (size, sha256) = crypto::decrypt(&dir.join(&p.path), passphrase, out).map_err(|e| crypto_error(&p.path, e))?;
    if size != p.plain_size || sha256 != p.plain_sha256 {
        return Err(ArchiveError::Tampered { file: p.path.clone(), what: "解密后的数据与清单不符".into() });
    }
    Ok(())
}

/// [`Db::Ends`]: the passphrase opens the file, its last chunk authenticates as the last, and
/// the plaintext has the manifest's size and begins as a SQLite database.
fn check_ends(dir: &Path, p: &manifest::Protected, passphrase: &str) -> Result<(), ArchiveError> {
    manifest::regular(dir, &p.path)?;
    let (size, head) = crypto::check_ends(&dir.join(&p.path), passphrase).map_err(|e| crypto_error(&p.path, e))?;
    if size != p.plain_size || &head != b"SQLite format 3\0" {
        return Err(ArchiveError::Tampered { file: p.path.clone(), what: "解密后的数据与清单不符".into() });
    }
    Ok(())
}

pub(crate) fn crypto_error(rel: &str, e: crypto::Failure) -> ArchiveError {
    match e {
        crypto::Failure::WrongPassphrase => ArchiveError::WrongPassphrase,
        crypto::Failure::NotEncrypted(detail) | crypto::Failure::Damaged(detail) => {
            ArchiveError::Encrypted { file: rel.into(), detail }
        }
        crypto::Failure::Io(e) => ArchiveError::read(rel, &e),
    }
}

fn check_file(dir: &Path, rel: &str, size: u64, sha256: &str) -> Result<(), ArchiveError> {
    let relative = Path::new(rel);
    // A manifest naming ../something or /etc/… is not one this app wrote.
    if rel.is_empty() || relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(ArchiveError::BadManifest { detail: format!("文件名 {rel} 不合规") });
    }
    // Every folder on the way must be a real folder too (a linked csv/ may point anywhere).
    let mut at = PathBuf::new();
    for part in relative.parent().into_iter().flat_map(|p| p.components()) {
        at.push(part);
        let meta = fs::symlink_metadata(dir.join(&at)).map_err(|_| ArchiveError::Missing { file: rel.into() })?;
        if !meta.file_type().is_dir() {
            return Err(ArchiveError::NotRegular { file: at.to_string_lossy().into_owned() });
        }
    }
    let meta = manifest::regular(dir, rel)?;
    if meta.len() != size {
        let what = format!("大小应为 {size} 字节，实际 {} 字节", meta.len());
        return Err(ArchiveError::Tampered { file: rel.into(), what });
    }
    let (_, found) = manifest::hash_file(&dir.join(relative))?;
    if found != sha256 {
        return Err(ArchiveError::Tampered { file: rel.into(), what: "校验码不一致".into() });
    }
    Ok(())
}

/// A file in the system's temporary folder, removed when dropped.
pub(crate) struct TempCopy {
    pub(crate) path: PathBuf,
}

impl TempCopy {
    fn empty() -> Result<TempCopy, ArchiveError> {
        let path = std::env::temp_dir().join(format!("yishi-verify-{}.db", crate::ids::new_id()));
        Ok(TempCopy { path })
    }

    fn of(source: &Path) -> Result<TempCopy, ArchiveError> {
        let copy = TempCopy::empty()?;
        fs::copy(source, &copy.path).map_err(|e| ArchiveError::read(source, &e))?;
        Ok(copy)
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut name = self.path.as_os_str().to_owned();
            name.push(suffix);
            let _ = fs::remove_file(PathBuf::from(name));
        }
    }
}

/// Opens a database file read-only and runs SQLite's full integrity check; returns the
/// connection and the schema version.
pub(crate) fn open_checked(path: &Path) -> Result<(Connection, i64), ArchiveError> {
    let conn = crate::store::open_connection(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(corrupt)?;
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(corrupt)?;
    if result != "ok" {
        return Err(ArchiveError::DbCorrupt { detail: "SQLite 的完整性检查没有通过".into() });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
    Ok((conn, version))
}

pub(crate) fn corrupt(e: rusqlite::Error) -> ArchiveError {
    let detail = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => "不是数据库文件".to_string(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => "文件已损坏".to_string(),
        _ => "无法读取其中的表".to_string(),
    };
    ArchiveError::DbCorrupt { detail }
}

fn check_db(path: &Path, m: &Manifest) -> Result<(), ArchiveError> {
    let (conn, version) = open_checked(path)?;
    check_counts(&conn, version, m)
}

/// The database's schema version and record counts against the manifest.
pub(crate) fn check_counts(conn: &Connection, version: i64, m: &Manifest) -> Result<(), ArchiveError> {
    if version != m.schema_version {
        let what = format!("数据格式应为 {}，实际 {version}", m.schema_version);
        return Err(ArchiveError::Tampered { file: DB_FILE.into(), what });
    }
    let found = super::counts(conn).map_err(corrupt)?;
    for (table, expected) in &m.counts {
        let n = found.get(table).copied().unwrap_or(-1);
        if n != *expected {
            return Err(ArchiveError::CountMismatch { table: table.clone(), expected: *expected, found: n });
        }
    }
    Ok(())
}
