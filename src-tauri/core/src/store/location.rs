//! Where the database file lives, and why there: the one rule both front doors (the app and
//! `yishi-cli`) follow.
//!
//! 绿色版 (portable copy): a folder named `yishi-data` beside the program makes the program keep
//! its database, and so its backups (`<folder of the database>/backups`), in that folder. A
//! secretary who runs Yishi from the USB stick then carries her records with it, and the office
//! PC keeps nothing. Without that folder the records go to the OS data directory of the user.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// The folder beside the program that turns on portable mode.
pub const PORTABLE_DIR: &str = "yishi-data";
/// The database's file name inside its folder.
pub const DB_FILE_NAME: &str = "yishi.db";

crate::labelled_enum! {
    /// Why the database is where it is.
    Mode {
        Given = "given": "由环境变量 YISHI_DB 或命令行指定",
        Portable = "portable": "绿色版：数据在程序旁的 yishi-data 文件夹里，随U盘带走",
        Installed = "installed": "安装版：数据在本机当前用户的数据目录里",
    }
}

/// The database file and the rule that chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub mode: Mode,
    pub mode_label: &'static str,
}

impl Location {
    fn new(path: PathBuf, mode: Mode) -> Location {
        Location { path, mode, mode_label: mode.label() }
    }

    /// A path someone named (`--db`, a test): no rule chose it.
    pub fn given(path: &Path) -> Location {
        Location::new(path.to_path_buf(), Mode::Given)
    }

    /// The window's title: the plain name for the usual installed copy; otherwise which file is
    /// in use, so a secretary running from the stick sees that her records are on the stick.
    pub fn window_title(&self) -> String {
        match self.mode {
            Mode::Installed => "议事簿".to_string(),
            Mode::Portable => format!("议事簿（绿色版 · {}）", self.path.display()),
            Mode::Given => format!("议事簿（{}）", self.path.display()),
        }
    }
}

/// The rule: `YISHI_DB` when set (tests, a second community); else `yishi-data` beside the
/// program when that folder exists; else `<data dir>/yishi/yishi.db` (Linux:
/// ~/.local/share/yishi, Windows: %APPDATA%\yishi). `exe` is the running program's path.
pub fn locate(yishi_db: Option<OsString>, exe: Option<&Path>, data_dir: Option<PathBuf>) -> Location {
    if let Some(p) = yishi_db.filter(|p| !p.is_empty()) {
        return Location::new(PathBuf::from(p), Mode::Given);
    }
    if let Some(dir) = exe.and_then(Path::parent).map(|d| d.join(PORTABLE_DIR)).filter(|d| d.is_dir()) {
        return Location::new(dir.join(DB_FILE_NAME), Mode::Portable);
    }
    let base = data_dir.unwrap_or_else(|| PathBuf::from("."));
    Location::new(base.join("yishi").join(DB_FILE_NAME), Mode::Installed)
}

/// [`locate`] for this process: its environment, its program file, the OS data directory.
pub fn current() -> Location {
    locate(std::env::var_os("YISHI_DB"), std::env::current_exe().ok().as_deref(), dirs::data_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yishi_data_folder_beside_the_program_keeps_the_records_on_the_stick() {
        let stick = tempfile::tempdir().unwrap();
        let exe = stick.path().join("yishi.exe");
        let home = stick.path().join("home-data");
        let installed = locate(None, Some(&exe), Some(home.clone()));
        assert_eq!(installed.mode, Mode::Installed);
        assert_eq!(installed.path, home.join("yishi").join("yishi.db"));

        std::fs::create_dir(stick.path().join("yishi-data")).unwrap();
        let portable = locate(None, Some(&exe), Some(home));
        assert_eq!(portable.mode, Mode::Portable);
        assert_eq!(portable.path, stick.path().join("yishi-data").join("yishi.db"));
        assert!(portable.mode_label.contains("绿色版"));
        assert!(portable.window_title().starts_with("议事簿（绿色版 · "));
        assert!(portable.window_title().contains("yishi-data"));
        assert_eq!(installed.window_title(), "议事簿");

        // A store opened there puts its backups beside it, on the stick too.
        let store = crate::store::Store::open(&portable.path).unwrap();
        assert!(crate::archive::backup::dir(&store).starts_with(stick.path().join("yishi-data")));
    }

    #[test]
    fn a_file_named_yishi_data_is_not_a_portable_folder_and_yishi_db_wins() {
        let stick = tempfile::tempdir().unwrap();
        let exe = stick.path().join("yishi.exe");
        std::fs::write(stick.path().join("yishi-data"), b"not a folder").unwrap();
        assert_eq!(locate(None, Some(&exe), None).mode, Mode::Installed);

        std::fs::remove_file(stick.path().join("yishi-data")).unwrap();
        std::fs::create_dir(stick.path().join("yishi-data")).unwrap();
        let chosen = locate(Some("D:/其他社区/x.db".into()), Some(&exe), None);
        assert_eq!(chosen, Location::new(PathBuf::from("D:/其他社区/x.db"), Mode::Given));
        // An empty YISHI_DB is as if unset.
        assert_eq!(locate(Some(OsString::new()), Some(&exe), None).mode, Mode::Portable);
    }
}
