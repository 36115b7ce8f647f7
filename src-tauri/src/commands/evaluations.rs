//! 民事民评: surveys of finished work (closing or reopening the topic), the live satisfaction
//! rate of the form, and closing a topic without evaluation.

use tauri::State;
use yishi_core::evaluations::{self, Evaluation, EvaluationOutcome, NewEvaluation, Satisfaction};
use yishi_core::topics::Topic;

use crate::error::CommandResult;
use crate::state::AppState;

/// The rate the form shows while she types the counts (computed by the core, stores nothing).
#[tauri::command(rename_all = "snake_case")]
pub fn satisfaction_rate(satisfied: u32, basically_satisfied: u32, unsatisfied: u32) -> Satisfaction {
    Satisfaction::new(satisfied.into(), basically_satisfied.into(), unsatisfied.into())
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_evaluation(
    state: State<'_, AppState>,
    evaluation: NewEvaluation,
    actor: String,
) -> CommandResult<EvaluationOutcome> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| evaluations::record(tx, &evaluation, today, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn close_without_evaluation(
    state: State<'_, AppState>,
    topic_id: String,
    reason: String,
    actor: String,
) -> CommandResult<Topic> {
    state.with_store(|store| {
        Ok(store.write(|tx| evaluations::close_without_evaluation(tx, &topic_id, &reason, &actor))?)
    })
}

/// A topic's evaluations, newest first.
#[tauri::command(rename_all = "snake_case")]
pub fn topic_evaluations(state: State<'_, AppState>, topic_id: String) -> CommandResult<Vec<Evaluation>> {
    state.with_store(|store| Ok(evaluations::for_topic(store.conn(), &topic_id)?))
}
