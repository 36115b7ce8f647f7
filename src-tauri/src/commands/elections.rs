//! 推选: an election on an agenda item (the elected get the role with its term on the roster).

use tauri::State;
use yishi_core::community::{self, RoleTerm};
use yishi_core::elections::{self, Election, NewElection};

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn record_election(state: State<'_, AppState>, item_id: String, election: NewElection) -> CommandResult<Election> {
    state.with_store(|store| Ok(store.write(|tx| elections::record(tx, &item_id, &election))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn item_elections(state: State<'_, AppState>, item_id: String) -> CommandResult<Vec<Election>> {
    state.with_store(|store| Ok(elections::list_for_item(store.conn(), &item_id)?))
}

/// A person's terms of office (任期), latest first.
#[tauri::command(rename_all = "snake_case")]
pub fn person_terms(state: State<'_, AppState>, person_id: String) -> CommandResult<Vec<RoleTerm>> {
    state.with_store(|store| Ok(community::role_terms(store.conn(), &person_id)?))
}

/// The terms of office in force today, everyone's: the roster shows 院坝长（from至to）.
#[tauri::command(rename_all = "snake_case")]
pub fn terms_in_force(state: State<'_, AppState>) -> CommandResult<Vec<RoleTerm>> {
    state.with_store(|store| Ok(community::terms_in_force_today(store.conn())?))
}
