//! Native dialogs (rfd). The UI asks for a dialog; the path the user chose goes from here to the
//! core and never to the UI.
//!
//! **Test preset:** when the environment variable `YISHI_TEST_PICK_FILE` is set (end-to-end tests
//! set it for the app through tauri-driver), [`pick_image`] returns that path at once instead of
//! opening a dialog, since WebDriver cannot drive a native GTK dialog. `YISHI_TEST_SAVE_PATH` does the
//! same for “另存为” ([`save_file`]), and `YISHI_TEST_OPEN_LOG` stands in for the system viewer
//! ([`open_in_viewer`]).

use std::path::PathBuf;

/// Set by end-to-end tests: the file the “picker” returns without showing a dialog.
pub const TEST_PICK_FILE: &str = "YISHI_TEST_PICK_FILE";

/// Lets the user choose one JPEG or PNG; `None` when cancelled.
pub async fn pick_image() -> Option<PathBuf> {
    if let Some(preset) = std::env::var_os(TEST_PICK_FILE).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(preset));
    }
    rfd::AsyncFileDialog::new()
        .set_title("选择照片")
        .add_filter("图片", &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"])
        .pick_file()
        .await
        .map(|f| f.path().to_path_buf())
}

/// Set by end-to-end tests: where “另存为” saves without showing a dialog. A directory gets the
/// suggested file name; anything else is used as the file path.
pub const TEST_SAVE_PATH: &str = "YISHI_TEST_SAVE_PATH";

/// Lets the user choose where to save a file in `format` (a PDF, a Word file, a picture; e.g. on
/// the USB stick); `None` when cancelled.
pub async fn save_file(suggested_name: &str, format: yishi_core::notices::Format) -> Option<PathBuf> {
    if let Some(preset) = std::env::var_os(TEST_SAVE_PATH).filter(|p| !p.is_empty()) {
        let preset = PathBuf::from(preset);
        return Some(if preset.is_dir() { preset.join(suggested_name) } else { preset });
    }
    rfd::AsyncFileDialog::new()
        .set_title("另存为")
        .set_file_name(suggested_name)
        .add_filter(format.label(), &[format.extension()])
        .save_file()
        .await
        .map(|f| f.path().to_path_buf())
}

/// Set by tests: instead of starting the system PDF viewer, append the file's path to this file.
pub const TEST_OPEN_LOG: &str = "YISHI_TEST_OPEN_LOG";

/// Opens a file in the system's default application (the PDF viewer, from which she prints).
pub fn open_in_viewer(path: &std::path::Path) -> std::io::Result<()> {
    if let Some(log) = std::env::var_os(TEST_OPEN_LOG).filter(|p| !p.is_empty()) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(log)?;
        return writeln!(f, "{}", path.display());
    }
    open::that_detached(path)
}

/// Set by end-to-end tests: the folder the folder picker returns without showing a dialog.
pub const TEST_PICK_DIR: &str = "YISHI_TEST_PICK_DIR";

/// Lets the user choose a folder (the USB stick, or an archive on it); `None` when cancelled.
pub async fn pick_folder(title: &str) -> Option<PathBuf> {
    if let Some(preset) = std::env::var_os(TEST_PICK_DIR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(preset));
    }
    rfd::AsyncFileDialog::new().set_title(title).pick_folder().await.map(|f| f.path().to_path_buf())
}
