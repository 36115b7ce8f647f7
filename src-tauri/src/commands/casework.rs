//! Between the meetings: notes on a topic, 回访 of 即办件, the topic's whole history.

use tauri::State;
use yishi_core::casework::{self, CallbackReport, ContactMethod, HistoryLine, NewCallback, NewTopicNote, TopicNote};

use super::topics::{choices, Choice};
use crate::error::CommandResult;
use crate::state::AppState;

/// 走访 / 电话 / 微信 / 来访 with their Chinese labels.
#[tauri::command(rename_all = "snake_case")]
pub fn contact_methods() -> Vec<Choice> {
    choices(ContactMethod::ALL, ContactMethod::as_str, ContactMethod::label)
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_topic_note(
    state: State<'_, AppState>,
    topic_id: String,
    note: NewTopicNote,
    actor: String,
) -> CommandResult<TopicNote> {
    state.with_store(|store| Ok(store.write(|tx| casework::add_note(tx, &topic_id, &note, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_callback(
    state: State<'_, AppState>,
    topic_id: String,
    callback: NewCallback,
    actor: String,
) -> CommandResult<CallbackReport> {
    state.with_store(|store| Ok(store.write(|tx| casework::record_callback(tx, &topic_id, &callback, &actor))?))
}

/// The timeline with the notes and 回访 between its status changes.
#[tauri::command(rename_all = "snake_case")]
pub fn topic_history(state: State<'_, AppState>, id: String) -> CommandResult<Vec<HistoryLine>> {
    state.with_store(|store| Ok(casework::history(store.conn(), &id)?))
}
