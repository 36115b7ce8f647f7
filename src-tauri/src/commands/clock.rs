//! The community clock for the UI: the zone every stored instant is shown in (the webview's
//! own zone and locale are never used), today, and reading back what she typed into a date
//! field, in Chinese order whatever the system locale.

use serde::Serialize;
use tauri::State;
use yishi_core::time::{self, ReadBack};

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct ClockInfo {
    /// The tz database name the UI passes to `Intl.DateTimeFormat` (`Asia/Shanghai`).
    zone: String,
    /// Today there (ISO date).
    today: String,
    /// The wall-clock time there now, `2026-12-01 18:45`.
    now: String,
    /// The zones 设置 offers, with their Chinese names.
    zones: Vec<ZoneChoice>,
}

#[derive(Serialize)]
pub struct ZoneChoice {
    value: &'static str,
    label: &'static str,
}

#[tauri::command(rename_all = "snake_case")]
pub fn clock_info(state: State<'_, AppState>) -> CommandResult<ClockInfo> {
    let today = state.today();
    state.with_store(|store| {
        let zone = yishi_core::community::zone(store.conn()).unwrap_or_default();
        Ok(ClockInfo {
            zone: zone.name().to_string(),
            today: today.to_string(),
            now: zone.wall(time::now()).format("%Y-%m-%d %H:%M").to_string(),
            zones: time::OFFERED_ZONES.iter().map(|&(value, label)| ZoneChoice { value, label }).collect(),
        })
    })
}

/// A date field (or date-and-time field) as typed, read back as the core will store it. `field`
/// is the field's label, so a refusal names it (“完成时限“0020-12-12”不在合理范围内…”).
#[tauri::command(rename_all = "snake_case")]
pub fn read_date(state: State<'_, AppState>, field: String, text: String, with_time: bool) -> CommandResult<ReadBack> {
    Ok(time::read_back(field.trim(), &text, with_time, state.today())?)
}
