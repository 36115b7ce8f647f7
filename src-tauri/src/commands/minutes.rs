//! 会议记录: the autosave of the minutes editor and the kept revisions.

use tauri::State;
use yishi_core::minutes::{self, Minutes, Revision, SaveReceipt};

use crate::error::CommandResult;
use crate::state::AppState;

/// Autosave: called about once a second while typing and on blur; one small transaction.
#[tauri::command(rename_all = "snake_case")]
pub fn save_minutes(state: State<'_, AppState>, item_id: String, text: String) -> CommandResult<SaveReceipt> {
    state.with_store(|store| Ok(store.write(|tx| minutes::save(tx, &item_id, &text))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_minutes(state: State<'_, AppState>, item_id: String) -> CommandResult<Minutes> {
    state.with_store(|store| Ok(minutes::get(store.conn(), &item_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn minutes_revisions(state: State<'_, AppState>, item_id: String) -> CommandResult<Vec<Revision>> {
    state.with_store(|store| Ok(minutes::list_revisions(store.conn(), &item_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn restore_minutes_revision(state: State<'_, AppState>, revision_id: String) -> CommandResult<Minutes> {
    state.with_store(|store| Ok(store.write(|tx| minutes::restore_revision(tx, &revision_id))?))
}
