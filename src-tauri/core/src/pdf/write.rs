//! Saving a file so that a crash, a full disk or a pulled USB stick never leaves half a PDF:
//! write a temporary file beside the target, flush it to disk, then rename it over the target.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::PdfError;

/// A title as part of a file name: at most 40 characters, with `_` for the characters Windows,
/// macOS or Linux refuse (`/ \ : * ? " < > |`, control characters), and no trailing dots or
/// spaces (Windows drops them). Shared by every file Yishi names: printouts, archives, notices.
pub fn file_name_part(title: &str) -> String {
    let s: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(40)
        .collect();
    s.trim_end_matches(['.', ' ']).to_string()
}

/// Write `bytes` to `path` atomically. On failure the target is untouched and no temporary
/// file is left behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    let tmp = temp_name(path);
    let result = write_and_sync(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        PdfError::Write { path: path.to_path_buf(), source }
    })
}

fn write_and_sync(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `.<name>.<pid>.tmp` in the same directory, so the rename stays on one file system.
fn temp_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_replace_refused_characters_and_keep_chinese() {
        assert_eq!(file_name_part("共享单车/乱停放"), "共享单车_乱停放");
        assert_eq!(file_name_part(" 停水通知：3号楼? "), "停水通知：3号楼_");
        assert_eq!(file_name_part("公示..."), "公示");
        assert_eq!(file_name_part(&"长".repeat(60)).chars().count(), 40);
    }

    #[test]
    fn writes_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("公示.pdf");
        write_atomically(&target, b"%PDF-1.7 test").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"%PDF-1.7 test");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_directory_fails_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no-such-dir").join("x.pdf");
        let err = write_atomically(&target, b"x").unwrap_err();
        assert!(matches!(err, PdfError::Write { .. }));
        assert!(err.to_string().contains("无法保存文件"));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
