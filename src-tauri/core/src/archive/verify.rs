//! 核对归档: format version, every file's size and sha256, the snapshot's integrity and counts.
//! Reads only: a verified stick is never written to.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::manifest::{self, Manifest, DB_FILE};
use super::ArchiveError;
use crate::store::LATEST_VERSION;

/// What a good archive holds.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub path: PathBuf,
    pub community: String,
    pub created_at: String,
    pub app_version: String,
    pub files: usize,
    pub bytes: u64,
    pub counts: BTreeMap<String, i64>,
}

/// Checks the archive folder `dir`; `Ok` only when every check passes.
pub fn verify(dir: &Path) -> Result<VerifyReport, ArchiveError> {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.ends_with("-partial") {
        return Err(ArchiveError::Partial { path: dir.to_path_buf() });
    }
    verify_folder(dir).map(|(report, _)| report)
}

/// The checks without the folder-name rule (export runs them on its `-partial` folder).
pub(crate) fn verify_folder(dir: &Path) -> Result<(VerifyReport, Manifest), ArchiveError> {
    let m = manifest::read(dir)?;
    if m.schema_version > LATEST_VERSION {
        return Err(ArchiveError::TooNew {
            found: format!("数据 {}", m.schema_version),
            supported: format!("数据 {LATEST_VERSION}"),
        });
    }
    if !m.files.iter().any(|f| f.path == DB_FILE) {
        return Err(ArchiveError::Missing { file: DB_FILE.into() });
    }
    for f in &m.files {
        check_file(dir, &f.path, f.size, &f.sha256)?;
    }
    check_db(&dir.join(DB_FILE), &m)?;
    let report = VerifyReport {
        path: dir.to_path_buf(),
        community: m.community.clone(),
        created_at: m.created_at.clone(),
        app_version: m.app_version.clone(),
        files: m.files.len() + 1,
        bytes: m.files.iter().map(|f| f.size).sum(),
        counts: m.counts.clone(),
    };
    Ok((report, m))
}

fn check_file(dir: &Path, rel: &str, size: u64, sha256: &str) -> Result<(), ArchiveError> {
    let relative = Path::new(rel);
    // A manifest naming ../something or /etc/… is not one this app wrote.
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(ArchiveError::BadManifest { detail: format!("文件名 {rel} 不合规") });
    }
    let path = dir.join(relative);
    let meta = std::fs::metadata(&path).map_err(|_| ArchiveError::Missing { file: rel.into() })?;
    if meta.len() != size {
        let what = format!("大小应为 {size} 字节，实际 {} 字节", meta.len());
        return Err(ArchiveError::Tampered { file: rel.into(), what });
    }
    let (_, found) = manifest::hash_file(&path)?;
    if found != sha256 {
        return Err(ArchiveError::Tampered { file: rel.into(), what: "校验码不一致".into() });
    }
    Ok(())
}

/// Opens a database file read-only and runs SQLite's full integrity check; returns the
/// connection and the schema version.
pub(crate) fn open_checked(path: &Path) -> Result<(Connection, i64), ArchiveError> {
    let conn = crate::store::open_connection(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(corrupt)?;
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(corrupt)?;
    if result != "ok" {
        return Err(ArchiveError::DbCorrupt { detail: result });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
    Ok((conn, version))
}

fn corrupt(e: rusqlite::Error) -> ArchiveError {
    ArchiveError::DbCorrupt { detail: e.to_string() }
}

fn check_db(path: &Path, m: &Manifest) -> Result<(), ArchiveError> {
    let (conn, version) = open_checked(path)?;
    if version != m.schema_version {
        let what = format!("数据格式应为 {}，实际 {version}", m.schema_version);
        return Err(ArchiveError::Tampered { file: DB_FILE.into(), what });
    }
    let found = super::counts(&conn).map_err(corrupt)?;
    for (table, expected) in &m.counts {
        let n = found.get(table).copied().unwrap_or(-1);
        if n != *expected {
            return Err(ArchiveError::CountMismatch { table: table.clone(), expected: *expected, found: n });
        }
    }
    Ok(())
}
