//! `manifest.json`: what an archive holds, so that `verify` can check every byte of it.
//!
//! The manifest is the last file written: a folder without one is not an archive, and a folder
//! whose files disagree with it is refused.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ArchiveError;

/// The archive layout this build writes. A newer number is refused; older ones are read.
/// 1: `yishi.db` in the clear. 2: the database encrypted with the committee passphrase as
/// `yishi.db.age` (see [`Protected`]); ledger, CSV and notices stay readable.
pub const FORMAT_VERSION: u32 = 2;
/// The `format` field: tells an archive from any other JSON file.
pub const FORMAT_NAME: &str = "yishi-archive";
pub const MANIFEST_FILE: &str = "manifest.json";
pub const DB_FILE: &str = "yishi.db";
/// The encrypted database of format 2.
pub const DB_AGE_FILE: &str = "yishi.db.age";
/// A manifest is a few KB; anything this large is not one.
const MAX_MANIFEST_BYTES: u64 = 16 << 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// `PRAGMA user_version` of `yishi.db`.
    pub schema_version: i64,
    pub community: String,
    /// UTC RFC 3339.
    pub created_at: String,
    /// Rows per domain table in `yishi.db` (the search index is derived and not counted).
    pub counts: BTreeMap<String, i64>,
    pub files: Vec<FileEntry>,
    /// Whether `notices/` holds the issued notices, and why not when it does not.
    pub notices: NoticesNote,
    /// The files that need the passphrase (format 2: the database); every other file opens
    /// without it. Empty in format 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub protected: Vec<Protected>,
}

/// An encrypted file: which plaintext it holds and how it was encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protected {
    /// The encrypted file, as in `files` (whose size and sha256 are the ciphertext's).
    pub path: String,
    /// What it decrypts to (`yishi.db`).
    pub contains: String,
    /// `age-v1-scrypt`: age-encryption.org/v1, scrypt passphrase recipient.
    pub scheme: String,
    pub plain_size: u64,
    pub plain_sha256: String,
}

impl Manifest {
    /// The encrypted database, if this archive has one (format 2).
    pub fn protected_db(&self) -> Option<&Protected> {
        self.protected.iter().find(|p| p.contains == DB_FILE)
    }

    /// The file that holds the database in this archive.
    pub fn db_file(&self) -> &str {
        self.protected_db().map(|p| p.path.as_str()).unwrap_or(DB_FILE)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative, with `/` separators.
    pub path: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticesNote {
    pub included: bool,
    pub count: usize,
    pub note: String,
}

/// Reads and checks the header of `dir/manifest.json` before trusting the rest of it.
pub fn read(dir: &Path) -> Result<Manifest, ArchiveError> {
    let path = dir.join(MANIFEST_FILE);
    if !dir.is_dir() {
        return Err(ArchiveError::NotAnArchive { path: dir.to_path_buf() });
    }
    let meta = regular(dir, MANIFEST_FILE).map_err(|e| match e {
        ArchiveError::Missing { .. } => ArchiveError::NotAnArchive { path: dir.to_path_buf() },
        other => other,
    })?;
    if meta.len() > MAX_MANIFEST_BYTES {
        return Err(ArchiveError::BadManifest { detail: "文件大得不正常".into() });
    }
    let text = std::fs::read(&path).map_err(|e| ArchiveError::read(&path, &e))?;
    let value: serde_json::Value = serde_json::from_slice(&text).map_err(|_| ArchiveError::BadManifest {
        detail: "内容不是完整的清单（可能被截断或改动）".into(),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(ArchiveError::NotAnArchive { path: dir.to_path_buf() });
    }
    // Checked before the full parse: a newer layout may have fields this build cannot read.
    let Some(found) = value.get("format_version").and_then(|v| v.as_u64()).filter(|v| *v >= 1) else {
        return Err(ArchiveError::BadManifest { detail: "缺少格式版本号".into() });
    };
    if found > 9_999 {
        // Not a version any build will write: a damaged or made-up manifest.
        return Err(ArchiveError::BadManifest { detail: "格式版本号不合理".into() });
    }
    if found > u64::from(FORMAT_VERSION) {
        return Err(ArchiveError::TooNew { found: found.to_string(), supported: FORMAT_VERSION.to_string() });
    }
    let m: Manifest = serde_json::from_value(value)
        .map_err(|_| ArchiveError::BadManifest { detail: "缺少必要的内容，或内容的格式不对".into() })?;
    if m.format_version >= 2 && m.protected_db().is_none() {
        return Err(ArchiveError::BadManifest { detail: "没有写明加密的数据库".into() });
    }
    Ok(m)
}

/// The metadata of `dir/rel`, which must be a regular file (not a link, pipe or device: a
/// link may point anywhere, and reading a pipe never ends).
pub fn regular(dir: &Path, rel: &str) -> Result<std::fs::Metadata, ArchiveError> {
    let meta = std::fs::symlink_metadata(dir.join(rel)).map_err(|_| ArchiveError::Missing { file: rel.into() })?;
    if !meta.file_type().is_file() {
        return Err(ArchiveError::NotRegular { file: rel.into() });
    }
    Ok(meta)
}

/// Size and sha256 of a file, read in large blocks.
pub fn hash_file(path: &Path) -> Result<(u64, String), ArchiveError> {
    let mut file = std::fs::File::open(path).map_err(|e| ArchiveError::read(path, &e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| ArchiveError::read(path, &e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex(&hasher.finalize())))
}

pub fn hash_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
