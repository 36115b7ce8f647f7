//! 年度统计: the figures of a year and place, and the yearly report (年度协商议事工作报告).

use tauri::State;
use yishi_core::notices::Notice;
use yishi_core::stats::{self, PeriodChoice, YearStats};

use super::pdf_file::{self, SavedPdf};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn year_stats(state: State<'_, AppState>, year: i32, place_id: Option<String>) -> CommandResult<YearStats> {
    let today = state.today();
    state.with_store(|store| Ok(stats::year_stats(store.conn(), year, place_id.as_deref(), today)?))
}

/// The same figures for 全年, a month or any range of days (the 统计 page's 按月 / 自定日期).
#[tauri::command(rename_all = "snake_case")]
pub fn period_stats(
    state: State<'_, AppState>,
    period: PeriodChoice,
    place_id: Option<String>,
) -> CommandResult<YearStats> {
    let today = state.today();
    state.with_store(|store| {
        let period = period.period(today)?;
        Ok(stats::period_stats(store.conn(), period, place_id.as_deref(), today)?)
    })
}

/// The yearly report (PDF, or .docx / .png as `format` says), dated today, saved where she
/// chooses; `None` when she cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_year_report(
    state: State<'_, AppState>,
    year: i32,
    place_id: Option<String>,
    omit_missing: Option<bool>,
    format: Option<String>,
) -> CommandResult<Option<SavedPdf>> {
    let format = pdf_file::format(format.as_deref())?;
    let today = state.today();
    let unprintable = pdf_file::unprintable(omit_missing);
    let (bytes, title) = state.with_store(|store| {
        let report = yishi_core::printouts::year_report(store.conn(), year, place_id.as_deref(), today)?;
        Ok((report.render_in(format, unprintable)?, report.title()))
    })?;
    pdf_file::save(bytes, "年度报告", &title, format).await
}
