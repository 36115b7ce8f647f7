//! Native dialogs (rfd). The UI asks for a dialog; the path the user chose goes from here to the
//! core and never to the UI.
//!
//! **Test preset:** when the environment variable `YISHI_TEST_PICK_FILE` is set (end-to-end tests
//! set it for the app through tauri-driver), [`pick_image`] returns that path at once instead of
//! opening a dialog, since WebDriver cannot drive a native GTK dialog.

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
