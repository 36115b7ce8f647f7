//! 设置 → 名册: people who move (迁入其他户, 迁出本社区, their history) and households edited or
//! ended (编辑, 注销).

use serde::Serialize;
use tauri::State;
use yishi_core::community::{self, Household, HouseholdEdit, LeaveReason, Leaving, NewMove, Person, PersonMove};

use super::topics::{choices, Choice};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct PeopleVocab {
    leave_reasons: Vec<Choice>,
}

/// Why a person leaves: 迁出 / 去世 / 其他.
#[tauri::command(rename_all = "snake_case")]
pub fn people_vocab() -> PeopleVocab {
    PeopleVocab { leave_reasons: choices(LeaveReason::ALL, LeaveReason::as_str, LeaveReason::label) }
}

#[tauri::command(rename_all = "snake_case")]
pub fn move_person(state: State<'_, AppState>, id: String, movement: NewMove) -> CommandResult<Person> {
    state.with_store(|store| Ok(store.write(|tx| community::move_person(tx, &id, &movement))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_leaves(state: State<'_, AppState>, id: String, leaving: Leaving) -> CommandResult<Person> {
    state.with_store(|store| Ok(store.write(|tx| community::person_leaves(tx, &id, &leaving))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_moves(state: State<'_, AppState>, id: String) -> CommandResult<Vec<PersonMove>> {
    state.with_store(|store| Ok(community::person_moves(store.conn(), &id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_household(state: State<'_, AppState>, id: String, household: HouseholdEdit) -> CommandResult<Household> {
    state.with_store(|store| Ok(store.write(|tx| community::update_household(tx, &id, &household))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn end_household(state: State<'_, AppState>, id: String, day: String) -> CommandResult<Household> {
    state.with_store(|store| Ok(store.write(|tx| community::end_household(tx, &id, &day))?))
}
