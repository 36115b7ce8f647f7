//! 积分: a person's ledger, credits by hand, 积分超市 redemptions (refused when the balance is
//! short), the rules of automatic credit, the yearly ranking and its printed 积分榜.

use serde::Serialize;
use tauri::State;
use yishi_core::bulletin;
use yishi_core::points::{self, LedgerLine, PointsEntry, PointsRules, PointsSource, RankLine};
use yishi_core::printouts::{LoadOptions, NoticeKind};

use super::pdf_file::{self, SavedPdf};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct Ledger {
    balance: i64,
    /// Newest last, each with the balance after it.
    lines: Vec<LedgerLine>,
}

#[tauri::command(rename_all = "snake_case")]
pub fn points_ledger(state: State<'_, AppState>, person_id: String) -> CommandResult<Ledger> {
    state.with_store(|store| {
        let conn = store.conn();
        Ok(Ledger { balance: points::balance(conn, &person_id)?, lines: points::ledger(conn, &person_id)? })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn credit_points(
    state: State<'_, AppState>,
    person_id: String,
    points: i64,
    source: PointsSource,
    reason: String,
) -> CommandResult<PointsEntry> {
    state.with_store(|store| Ok(store.write(|tx| points::credit(tx, &person_id, points, source, &reason, None))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn redeem_points(
    state: State<'_, AppState>,
    person_id: String,
    points: i64,
    what: String,
) -> CommandResult<PointsEntry> {
    state.with_store(|store| Ok(store.write(|tx| points::redeem(tx, &person_id, points, &what))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn points_rules(state: State<'_, AppState>) -> CommandResult<PointsRules> {
    state.with_store(|store| Ok(points::get_rules(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_points_rules(state: State<'_, AppState>, rules: PointsRules) -> CommandResult<PointsRules> {
    state.with_store(|store| Ok(store.write(|tx| points::set_rules(tx, &rules))?))
}

/// Points earned in `year`, most first (redemptions do not lower a place).
#[tauri::command(rename_all = "snake_case")]
pub fn points_ranking(state: State<'_, AppState>, year: i32) -> CommandResult<Vec<RankLine>> {
    state.with_store(|store| Ok(points::ranking(store.conn(), year)?))
}

/// The 积分榜 of `year`, names masked (王*兰) unless `mask_names` is false.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_points_table(
    state: State<'_, AppState>,
    year: i32,
    mask_names: bool,
    omit_missing: Option<bool>,
    format: Option<String>,
    qr: Option<bool>,
) -> CommandResult<Option<SavedPdf>> {
    let format = pdf_file::format(format.as_deref())?;
    let unprintable = pdf_file::unprintable(omit_missing);
    let opts = LoadOptions {
        mask_names: Some(mask_names),
        unprintable,
        qr: qr.unwrap_or(true),
        ..LoadOptions::new(state.today())
    };
    let year_id = year.to_string();
    let Some(path) = pdf_file::ask("积分榜", &format!("{year}年度"), format).await else { return Ok(None) };
    let bytes = state.with_store(|store| {
        Ok(store.write(|tx| bulletin::print_record_to(tx, NoticeKind::Points, &year_id, &opts, &path))?)
    })?;
    Ok(Some(pdf_file::saved(path, bytes)))
}
