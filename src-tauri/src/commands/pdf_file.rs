//! Saving a rendered notice from the screens that print (会议, 办理, 积分, 统计): the native
//! “另存为” dialog chooses the file — a PDF to print, a Word file for the street office or a
//! picture for the WeChat group — the path stays here (the UI gets the file name to show), and
//! “打开” opens the last one in the system's viewer (PDF reader, WPS/Word, picture viewer).

use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use yishi_core::notices::Format;

use crate::error::{CommandError, CommandResult};

/// How a print command treats characters no font has: refused with their names and places,
/// or — `omit_missing` from “去掉这些字符后打印” — left out.
pub fn unprintable(omit_missing: Option<bool>) -> yishi_core::pdf::Unprintable {
    yishi_core::pdf::Unprintable::omit_if(omit_missing.unwrap_or(false))
}

/// The last PDF saved, for the “打开” button beside it.
static LAST_SAVED: Mutex<Option<PathBuf>> = Mutex::new(None);

#[derive(Serialize)]
pub struct SavedPdf {
    pub file_name: String,
    pub bytes: usize,
}

/// The format a print button asks for (`pdf`, `docx`, `png`; none = PDF), refused in words if unknown.
pub fn format(name: Option<&str>) -> CommandResult<Format> {
    Ok(name.map(Format::named).transpose()?.unwrap_or_default())
}

/// Asks where to save `bytes`, already in `format` (suggesting “<what>-<title>.pdf”, .docx…);
/// `None` when she cancelled.
pub async fn save(bytes: Vec<u8>, what: &str, title: &str, format: Format) -> CommandResult<Option<SavedPdf>> {
    let Some(path) = ask(what, title, format).await else {
        return Ok(None);
    };
    yishi_core::pdf::write_atomically(&path, &bytes)?;
    Ok(Some(saved(path, bytes.len())))
}

/// The native “另存为” dialog alone (suggesting “<what>-<title>.pdf”, or .docx, .png); `None`
/// when cancelled. Print buttons ask first, so a cancelled dialog records nothing in the 公示台账.
pub async fn ask(what: &str, title: &str, format: Format) -> Option<PathBuf> {
    let name = format!("{what}-{}.{}", yishi_core::pdf::file_name_part(title), format.extension());
    crate::dialogs::save_file(&name, format).await
}

/// Remembers a PDF written to `path` for “打开”, and says what to show.
pub fn saved(path: PathBuf, bytes: usize) -> SavedPdf {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    *LAST_SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    SavedPdf { file_name, bytes }
}

/// Opens the PDF last saved from these screens in the system viewer.
#[tauri::command(rename_all = "snake_case")]
pub fn open_saved_pdf() -> CommandResult<()> {
    let path = LAST_SAVED.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let Some(path) = path else {
        return Err(CommandError::new("nothing_saved", "还没有保存过文件。"));
    };
    crate::dialogs::open_in_viewer(&path).map_err(|e| {
        CommandError::new("open_failed", format!("无法打开“{}”：{e}。请在文件夹中双击打开。", path.display()))
    })
}
