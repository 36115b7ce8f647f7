//! 公示: compose, preview (PDF bytes for pdf.js), issue, print (system viewer), save as (native
//! dialog), and the 公示台账 (posting with a photo, taking down, flags). Dates come from
//! `crate::clock` so tests can set the day.

use serde::Serialize;
use tauri::ipc::Response;
use tauri::State;
use yishi_core::bulletin::{self, Draft, DraftReceipt, NoticeCheck, NoticeEntry, NoticeKind, Template};
use yishi_core::community;
use yishi_core::notices::Format;
use yishi_core::pdf::{write_atomically, PdfError};

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// What a new notice starts with: the issuing body from the settings and today's date.
#[derive(Serialize)]
pub struct NoticeDefaults {
    pub issuer: String,
    pub today: String,
}

#[tauri::command(rename_all = "snake_case")]
pub fn notice_defaults(state: State<'_, AppState>) -> CommandResult<NoticeDefaults> {
    let issuer = state.with_store(|store| Ok(community::load_settings(store.conn())?.issuer))?;
    Ok(NoticeDefaults { issuer, today: state.today().to_string() })
}

/// Characters the fonts cannot print and where they are (`missing`, null when all can be
/// printed), and how many phone and ID numbers the notice hides.
#[tauri::command(rename_all = "snake_case")]
pub fn check_notice(state: State<'_, AppState>, content: String) -> CommandResult<NoticeCheck> {
    state.with_store(|store| Ok(bulletin::check(store.conn(), NoticeKind::Free, &content)?))
}

/// The PDF of what the composer holds, as an ArrayBuffer for pdf.js. Nothing is stored.
#[tauri::command(rename_all = "snake_case")]
pub fn preview_notice(
    state: State<'_, AppState>,
    content: String,
    omit_missing: Option<bool>,
) -> CommandResult<Response> {
    let unprintable = super::pdf_file::unprintable(omit_missing);
    state.with_store(|store| {
        Ok(Response::new(bulletin::preview(store.conn(), NoticeKind::Free, &content, unprintable)?))
    })
}

/// Issues the composed notice (a new version of `replaces`, if given) and drops its draft.
#[tauri::command(rename_all = "snake_case")]
pub fn issue_notice(
    state: State<'_, AppState>,
    content: String,
    draft_id: Option<String>,
    replaces: Option<String>,
    omit_missing: Option<bool>,
) -> CommandResult<NoticeEntry> {
    let today = state.today();
    let unprintable = super::pdf_file::unprintable(omit_missing);
    state.with_store(|store| {
        let issued = store.write(|tx| {
            bulletin::issue_composed(tx, &content, draft_id.as_deref(), replaces.as_deref(), today, unprintable)
        })?;
        Ok(issued.entry)
    })
}

/// The PDF of an issued notice (the same bytes as when it was issued).
#[tauri::command(rename_all = "snake_case")]
pub fn notice_pdf(state: State<'_, AppState>, id: String) -> CommandResult<Response> {
    state.with_store(|store| Ok(Response::new(bulletin::reprint(store.conn(), &id)?)))
}

/// 打印: writes the PDF to a temporary file and opens it in the system's PDF viewer.
#[tauri::command(rename_all = "snake_case")]
pub fn print_notice(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let (name, pdf) = issued_pdf(&state, &id)?;
    let dir = std::env::temp_dir().join("yishi-print");
    std::fs::create_dir_all(&dir).map_err(|source| PdfError::Write { path: dir.clone(), source })?;
    let path = dir.join(name);
    write_atomically(&path, &pdf)?;
    crate::dialogs::open_in_viewer(&path).map_err(|e| {
        CommandError::new("open_viewer_failed", format!("无法打开 PDF 阅读器（{e}）。请用“另存为”保存后再打开打印。"))
    })
}

/// 另存为: the native save dialog, then an atomic write, as a PDF or — `format` docx / png —
/// a Word file or a picture drawn from the same stored spec. Returns the saved file's name, or
/// `None` when she cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_notice_as(
    state: State<'_, AppState>,
    id: String,
    format: Option<String>,
) -> CommandResult<Option<String>> {
    let format = super::pdf_file::format(format.as_deref())?;
    let (name, bytes) = issued_in(&state, &id, format)?;
    let Some(path) = crate::dialogs::save_file(&name, format).await else {
        return Ok(None);
    };
    write_atomically(&path, &bytes)?;
    Ok(Some(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()))
}

/// The issued notice's file name and its PDF, rendered again from the stored spec.
fn issued_pdf(state: &State<'_, AppState>, id: &str) -> CommandResult<(String, Vec<u8>)> {
    issued_in(state, id, Format::Pdf)
}

/// The issued notice's file name (with `format`'s extension) and its bytes in `format`.
fn issued_in(state: &State<'_, AppState>, id: &str, format: Format) -> CommandResult<(String, Vec<u8>)> {
    let today = state.today();
    state.with_store(|store| {
        let entry = bulletin::get(store.conn(), id, today)?;
        let name = bulletin::file_name(store.conn(), &entry)?;
        let name = std::path::Path::new(&name).with_extension(format.extension()).display().to_string();
        Ok((name, bulletin::prepare_reprint(store.conn(), id)?.render_in(format)?))
    })
}

/// 复制图片 in the 公示台账: the issued notice as a PNG for the UI's clipboard.
#[tauri::command(rename_all = "snake_case")]
pub fn notice_image(state: State<'_, AppState>, id: String) -> CommandResult<Response> {
    Ok(Response::new(issued_in(&state, &id, Format::Png)?.1))
}

/// The stored spec of an issued free notice, to correct it in the composer.
#[tauri::command(rename_all = "snake_case")]
pub fn notice_spec(state: State<'_, AppState>, id: String) -> CommandResult<String> {
    state.with_store(|store| Ok(bulletin::spec_of(store.conn(), &id)?.1))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_notices(state: State<'_, AppState>) -> CommandResult<Vec<NoticeEntry>> {
    let today = state.today();
    state.with_store(|store| Ok(bulletin::list(store.conn(), today)?))
}

/// Notices the home screen points out: period ending within two days, or ended while posted.
#[tauri::command(rename_all = "snake_case")]
pub fn notice_home_flags(state: State<'_, AppState>) -> CommandResult<Vec<NoticeEntry>> {
    let today = state.today();
    state.with_store(|store| Ok(bulletin::home_flags(store.conn(), today)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn notice_boards(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    state.with_store(|store| Ok(bulletin::boards(store.conn())?))
}

/// Records the posting; with `with_photo` the photo dialog opens first (cancelled → `None`,
/// nothing recorded).
#[tauri::command(rename_all = "snake_case")]
pub async fn record_notice_posting(
    state: State<'_, AppState>,
    id: String,
    posted_where: String,
    posted_at: String,
    with_photo: bool,
) -> CommandResult<Option<NoticeEntry>> {
    let photo = if with_photo {
        match crate::dialogs::pick_image().await {
            Some(p) => Some(p),
            None => return Ok(None),
        }
    } else {
        None
    };
    let today = state.today();
    state.with_store(|store| {
        Ok(Some(
            store.write(|tx| bulletin::record_posting(tx, &id, &posted_where, &posted_at, photo.as_deref(), today))?,
        ))
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_notice_taken_down(
    state: State<'_, AppState>,
    id: String,
    taken_down_at: String,
) -> CommandResult<NoticeEntry> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| bulletin::record_taken_down(tx, &id, &taken_down_at, today))?))
}

/// Autosave of the composer.
#[tauri::command(rename_all = "snake_case")]
pub fn save_notice_draft(state: State<'_, AppState>, id: String, content: String) -> CommandResult<DraftReceipt> {
    state.with_store(|store| Ok(store.write(|tx| bulletin::save_draft(tx, &id, &content))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_notice_drafts(state: State<'_, AppState>) -> CommandResult<Vec<Draft>> {
    state.with_store(|store| Ok(bulletin::list_drafts(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_notice_template(state: State<'_, AppState>, name: String, content: String) -> CommandResult<Template> {
    state.with_store(|store| Ok(store.write(|tx| bulletin::save_template(tx, &name, &content))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_notice_templates(state: State<'_, AppState>) -> CommandResult<Vec<Template>> {
    state.with_store(|store| Ok(bulletin::list_templates(store.conn())?))
}

/// A new draft `draft_id` from a template, dated today.
#[tauri::command(rename_all = "snake_case")]
pub fn start_notice_from_template(
    state: State<'_, AppState>,
    template_id: String,
    draft_id: String,
) -> CommandResult<Draft> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| bulletin::start_from_template(tx, &template_id, &draft_id, today))?))
}

/// The print buttons of the other sections: fills the template of `kind` (meeting_notice, topic,
/// decision, progress, minutes, sign_in, points, convention) for record `id` and records it in
/// the 台账 — the same notice again if nothing changed, else its next version. The UI then calls
/// `print_notice` or `save_notice_as` with the returned id.
#[tauri::command(rename_all = "snake_case")]
pub fn issue_notice_from_record(
    state: State<'_, AppState>,
    kind: NoticeKind,
    id: String,
    omit_missing: Option<bool>,
) -> CommandResult<NoticeEntry> {
    let unprintable = super::pdf_file::unprintable(omit_missing);
    let opts =
        yishi_core::printouts::LoadOptions { unprintable, ..yishi_core::printouts::LoadOptions::new(state.today()) };
    state.with_store(|store| Ok(store.write(|tx| bulletin::issue_from_record(tx, kind, &id, &opts))?.entry))
}
