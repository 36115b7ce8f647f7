//! 打印 from the meeting screens: 会议通知, 签到表, 会议记录 (by meeting) and 决议公示 (by agenda
//! item). The core fills and renders the notice; the native “另存为” dialog chooses the file; the
//! path stays here (the UI gets the file name to show) so “打开” can open it in the PDF viewer.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Local;
use serde::Serialize;
use tauri::State;
use yishi_core::notices::load::{self, LoadOptions, NoticeKind};

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The last PDF saved from a meeting screen, for its “打开” button.
static LAST_SAVED: Mutex<Option<PathBuf>> = Mutex::new(None);

#[derive(Serialize)]
pub struct SavedPdf {
    pub file_name: String,
    pub bytes: usize,
}

/// Renders the notice `kind` (meeting-notice, sign-in, minutes, decision) for the record `id`
/// and saves it where she chooses; `None` when she cancelled the dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_meeting_doc(
    state: State<'_, AppState>, kind: String, id: String, title: String,
) -> CommandResult<Option<SavedPdf>> {
    let kind = NoticeKind::parse(&kind)?;
    let opts = LoadOptions::new(Local::now().date_naive());
    let bytes = state.with_store(|store| Ok(load::load(store.conn(), kind, &id, &opts)?.render()?))?;
    let suggested = format!("{}-{}.pdf", kind.label(), file_safe(&title));
    let Some(path) = crate::dialogs::save_pdf(&suggested).await else {
        return Ok(None);
    };
    yishi_core::pdf::write_atomically(&path, &bytes)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(suggested);
    *LAST_SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(SavedPdf { file_name, bytes: bytes.len() }))
}

/// Opens the PDF just saved in the system viewer (from which she prints).
#[tauri::command(rename_all = "snake_case")]
pub fn open_meeting_doc() -> CommandResult<()> {
    let path = LAST_SAVED.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let Some(path) = path else {
        return Err(CommandError { code: "nothing_saved".into(), message: "还没有保存过文件。".into() });
    };
    crate::dialogs::open_in_viewer(&path).map_err(|e| CommandError {
        code: "open_failed".into(),
        message: format!("无法打开“{}”：{e}。请在文件夹中双击打开。", path.display()),
    })
}

/// A title as part of a file name: no path separators or characters Windows refuses.
fn file_safe(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '_' } else { c })
        .take(40)
        .collect();
    cleaned.trim().to_string()
}
