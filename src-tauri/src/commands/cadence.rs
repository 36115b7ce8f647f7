//! 周周碰、月月议: the next meeting of a recurring one, and the 下次会议 card.

use serde::Serialize;
use tauri::State;
use yishi_core::meetings::{self, Meeting};
use yishi_core::proceedings::{self, NextMeeting};

use crate::error::CommandResult;
use crate::state::AppState;

/// How a meeting repeats, seen from its page: the day 创建下一次会议 would use, or the one
/// already created from it.
#[derive(Serialize)]
pub struct Cadence {
    label: String,
    next_day: Option<String>,
    next: Option<Meeting>,
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_cadence(state: State<'_, AppState>, id: String) -> CommandResult<Cadence> {
    state.with_store(|store| {
        let conn = store.conn();
        let meeting = meetings::get(conn, &id)?;
        let next_day = meetings::next_day(conn, &meeting)?.map(|d| d.format("%Y-%m-%d").to_string());
        let next = meetings::next_of(conn, &id)?;
        Ok(Cadence { label: meeting.recurrence_label, next_day, next })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_next_meeting(state: State<'_, AppState>, id: String, actor: String) -> CommandResult<Meeting> {
    state.with_store(|store| Ok(store.write(|tx| meetings::create_next(tx, &id, &actor))?))
}

/// The first planned meeting from today on, and what is ready for it.
#[tauri::command(rename_all = "snake_case")]
pub fn next_meeting(state: State<'_, AppState>) -> CommandResult<Option<NextMeeting>> {
    let today = state.today();
    state.with_store(|store| Ok(proceedings::next_meeting(store.conn(), today)?))
}
