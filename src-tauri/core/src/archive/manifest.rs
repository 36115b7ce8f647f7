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
pub const FORMAT_VERSION: u32 = 1;
/// The `format` field: tells an archive from any other JSON file.
pub const FORMAT_NAME: &str = "yishi-archive";
pub const MANIFEST_FILE: &str = "manifest.json";
pub const DB_FILE: &str = "yishi.db";

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
    if !dir.is_dir() || !path.is_file() {
        return Err(ArchiveError::NotAnArchive { path: dir.to_path_buf() });
    }
    let text = std::fs::read_to_string(&path).map_err(|e| ArchiveError::read(&path, &e))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| ArchiveError::BadManifest { detail: e.to_string() })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(ArchiveError::NotAnArchive { path: dir.to_path_buf() });
    }
    // Checked before the full parse: a newer layout may have fields this build cannot read.
    let found = value.get("format_version").and_then(|v| v.as_u64()).unwrap_or(u64::MAX);
    if found > u64::from(FORMAT_VERSION) {
        return Err(ArchiveError::TooNew { found: found.to_string(), supported: FORMAT_VERSION.to_string() });
    }
    serde_json::from_value(value).map_err(|e| ArchiveError::BadManifest { detail: e.to_string() })
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
