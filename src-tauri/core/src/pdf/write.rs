//! Saving a file so that a crash, a full disk or a pulled USB stick never leaves half a PDF:
//! write a temporary file beside the target, flush it to disk, then rename it over the target.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::PdfError;

/// A title as part of a file name: at most 40 characters, with `_` for the characters Windows,
/// macOS or Linux refuse (`/ \ : * ? " < > |`, control characters), and no trailing dots or
/// spaces (Windows drops them). A name Windows reserves for a device (CON, PRN, AUX, NUL,
/// COM1–9, LPT1–9, also with an extension: `con.pdf` opens the console) gets a leading `_`.
/// Shared by every file Yishi names: printouts, archives, notices.
pub fn file_name_part(title: &str) -> String {
    let s: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(40)
        .collect();
    let s = s.trim_end_matches(['.', ' ']);
    if is_reserved_on_windows(s) {
        format!("_{s}")
    } else {
        s.to_string()
    }
}

/// Windows takes the part before the first dot (with trailing spaces dropped) as the device name.
fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    if matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    // COM1–9 and LPT1–9; Windows also reserves the superscript digits ¹ ² ³.
    ["COM", "LPT"].iter().any(|port| {
        stem.strip_prefix(port)
            .is_some_and(|n| matches!(n, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"))
    })
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
    fn every_character_windows_refuses_and_trailing_dots_and_spaces_are_removed() {
        assert_eq!(file_name_part(r#"a\b/c:d*e?f"g<h>i|j"#), "a_b_c_d_e_f_g_h_i_j");
        assert_eq!(file_name_part("车库整修 . . "), "车库整修");
        assert_eq!(file_name_part("第1期\t公示\n"), "第1期_公示");
    }

    #[test]
    fn windows_device_names_are_never_a_file_name() {
        for title in ["CON", "con", "Prn", "AUX", "NUL", "COM1", "com9", "LPT1", "lpt9", "nul.txt", "CON .x", "COM¹"] {
            let part = file_name_part(title);
            assert!(part.starts_with('_'), "{title} → {part}");
        }
        // Only the exact device names: longer words and COM0/COM10 are ordinary names.
        for title in ["CONSOLE", "控制台CON", "COM0", "COM10", "LPT", "NULL", "AUXILIARY"] {
            assert_eq!(file_name_part(title), title);
        }
    }

    #[test]
    fn a_notice_named_like_a_device_can_be_written_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        for title in ["CON", "aux", "LPT3"] {
            let target = dir.path().join(format!("{}.pdf", file_name_part(title)));
            write_atomically(&target, b"%PDF-1.7 test").unwrap();
            assert_eq!(fs::read(&target).unwrap(), b"%PDF-1.7 test", "{title}");
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
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
