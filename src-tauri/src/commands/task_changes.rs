//! Tasks that change after the meeting: a deadline extended, the unit or person reassigned, a
//! task added to a decision after the meeting closed.

use chrono::NaiveDate;
use tauri::State;
use yishi_core::decisions::NewTask;
use yishi_core::followup::{self, FollowUpReport, TaskChange};

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn extend_task_deadline(
    state: State<'_, AppState>,
    id: String,
    deadline: NaiveDate,
    reason: String,
    actor: String,
) -> CommandResult<FollowUpReport> {
    let today = state.today();
    state
        .with_store(|store| Ok(store.write(|tx| followup::extend_deadline(tx, &id, deadline, &reason, today, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn reassign_task(
    state: State<'_, AppState>,
    id: String,
    responsible_unit: String,
    person_in_charge: String,
    reason: String,
    actor: String,
) -> CommandResult<FollowUpReport> {
    let today = state.today();
    state.with_store(|store| {
        Ok(store
            .write(|tx| followup::reassign(tx, &id, &responsible_unit, &person_in_charge, &reason, today, &actor))?)
    })
}

/// The old and new values of every change of a task, oldest first.
#[tauri::command(rename_all = "snake_case")]
pub fn task_changes(state: State<'_, AppState>, id: String) -> CommandResult<Vec<TaskChange>> {
    state.with_store(|store| Ok(followup::changes(store.conn(), &id)?))
}

/// A task added to a decision after its meeting closed, with who and why.
#[tauri::command(rename_all = "snake_case")]
pub fn add_task_after_meeting(
    state: State<'_, AppState>,
    decision_id: String,
    task: NewTask,
    reason: String,
    actor: String,
) -> CommandResult<FollowUpReport> {
    let today = state.today();
    state.with_store(|store| {
        Ok(store.write(|tx| followup::add_task_after_meeting(tx, &decision_id, &task, &reason, today, &actor))?)
    })
}
