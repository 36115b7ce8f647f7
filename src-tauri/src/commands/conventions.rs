//! 公约: drafts in chapters and articles, versions, posting with a period, feedback with answers,
//! adoption by a meeting, and the printed convention.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use yishi_core::bulletin;
use yishi_core::conventions::{self, Convention, ConventionText, ConventionVersion, Feedback, NewFeedback};
use yishi_core::printouts::{LoadOptions, NoticeKind};

use super::pdf_file::{self, SavedPdf};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn list_conventions(state: State<'_, AppState>) -> CommandResult<Vec<Convention>> {
    state.with_store(|store| Ok(conventions::list(store.conn())?))
}

/// A convention with every version (oldest first) and the opinions received.
#[derive(Serialize)]
pub struct ConventionPage {
    convention: Convention,
    versions: Vec<ConventionVersion>,
    feedback: Vec<Feedback>,
}

#[tauri::command(rename_all = "snake_case")]
pub fn convention_page(state: State<'_, AppState>, id: String) -> CommandResult<ConventionPage> {
    state.with_store(|store| {
        let conn = store.conn();
        Ok(ConventionPage {
            convention: conventions::get(conn, &id)?,
            versions: conventions::versions(conn, &id)?,
            feedback: conventions::feedback(conn, &id)?,
        })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_convention(state: State<'_, AppState>, title: String, text: ConventionText) -> CommandResult<Convention> {
    state.with_store(|store| Ok(store.write(|tx| conventions::create(tx, &title, &text))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_convention_version(
    state: State<'_, AppState>,
    id: String,
    text: ConventionText,
    note: String,
) -> CommandResult<Convention> {
    state.with_store(|store| Ok(store.write(|tx| conventions::save_version(tx, &id, &text, &note))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn post_convention(
    state: State<'_, AppState>,
    id: String,
    from: NaiveDate,
    to: NaiveDate,
) -> CommandResult<Convention> {
    state.with_store(|store| Ok(store.write(|tx| conventions::post(tx, &id, from, to))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_convention_feedback(
    state: State<'_, AppState>,
    id: String,
    feedback: NewFeedback,
) -> CommandResult<Feedback> {
    state.with_store(|store| Ok(store.write(|tx| conventions::add_feedback(tx, &id, &feedback))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn respond_convention_feedback(
    state: State<'_, AppState>,
    feedback_id: String,
    response: String,
) -> CommandResult<Feedback> {
    state.with_store(|store| Ok(store.write(|tx| conventions::respond_to_feedback(tx, &feedback_id, &response))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn adopt_convention(
    state: State<'_, AppState>,
    id: String,
    version_no: i64,
    meeting_id: String,
) -> CommandResult<Convention> {
    state.with_store(|store| Ok(store.write(|tx| conventions::adopt(tx, &id, version_no, &meeting_id))?))
}

/// The convention as printed (adopted, posted for comment, or the draft), saved where she chooses.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_convention(
    state: State<'_, AppState>,
    id: String,
    omit_missing: Option<bool>,
    format: Option<String>,
    qr: Option<bool>,
) -> CommandResult<Option<SavedPdf>> {
    let format = pdf_file::format(format.as_deref())?;
    let unprintable = pdf_file::unprintable(omit_missing);
    let opts = LoadOptions { unprintable, qr: qr.unwrap_or(true), ..LoadOptions::new(state.today()) };
    let title = state.with_store(|store| Ok(conventions::get(store.conn(), &id)?.title))?;
    let Some(path) = pdf_file::ask("公约", &title, format).await else { return Ok(None) };
    let bytes = state.with_store(|store| {
        Ok(store.write(|tx| bulletin::print_record_to(tx, NoticeKind::Convention, &id, &opts, &path))?)
    })?;
    Ok(Some(pdf_file::saved(path, bytes)))
}
