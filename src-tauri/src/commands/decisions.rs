//! 决事 → 办事: decisions on an agenda item and the tasks they create (listed in 办理).

use tauri::State;
use yishi_core::decisions::{self, Decision, NewDecision, NewTask, Task};

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn add_decision(state: State<'_, AppState>, item_id: String, decision: NewDecision) -> CommandResult<Decision> {
    state.with_store(|store| Ok(store.write(|tx| decisions::add(tx, &item_id, &decision))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_task(state: State<'_, AppState>, decision_id: String, task: NewTask) -> CommandResult<Task> {
    state.with_store(|store| Ok(store.write(|tx| decisions::add_task(tx, &decision_id, &task))?))
}

/// The decisions on an agenda item with their tasks (overdue as of today, local date).
#[tauri::command(rename_all = "snake_case")]
pub fn item_decisions(state: State<'_, AppState>, item_id: String) -> CommandResult<Vec<Decision>> {
    let today = state.today();
    state.with_store(|store| Ok(decisions::for_item(store.conn(), &item_id, today)?))
}
