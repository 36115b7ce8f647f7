//! 办理: the task board, a task's progress notes and status, the home-screen counts, and the
//! 落实情况公示 of ticked tasks. “Today” (overdue, the note's latest date) is `clock::today`.

use serde::Serialize;
use tauri::State;
use yishi_core::bulletin;
use yishi_core::conventions::ConventionStatus;
use yishi_core::decisions::{Task, TaskMode, TaskStatus};
use yishi_core::evaluations::EvalMethod;
use yishi_core::followup::{self, BoardFilter, BoardTask, FollowUpReport, HomeCounts, NewNote, TaskNote};
use yishi_core::points::PointsSource;
use yishi_core::printouts::{progress_of_tasks, LoadOptions};

use super::meetings::{labels, Label};
use super::pdf_file::{self, SavedPdf};
use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// The closed lists of the 办理 and 积分 screens, with the core's labels.
#[derive(Serialize)]
pub struct FollowUpVocab {
    task_statuses: Vec<Label>,
    task_modes: Vec<Label>,
    eval_methods: Vec<Label>,
    points_sources: Vec<Label>,
    convention_statuses: Vec<Label>,
    /// The app's today (ISO date), the default of every date field.
    today: String,
}

#[tauri::command(rename_all = "snake_case")]
pub fn followup_vocab(state: State<'_, AppState>) -> FollowUpVocab {
    FollowUpVocab {
        task_statuses: labels(TaskStatus::ALL, TaskStatus::as_str, TaskStatus::label),
        task_modes: labels(TaskMode::ALL, TaskMode::as_str, TaskMode::label),
        eval_methods: labels(EvalMethod::ALL, EvalMethod::as_str, EvalMethod::label),
        points_sources: labels(PointsSource::ALL, PointsSource::as_str, PointsSource::label),
        convention_statuses: labels(ConventionStatus::ALL, ConventionStatus::as_str, ConventionStatus::label),
        today: state.today().to_string(),
    }
}

/// Open tasks (or all, with `include_done`), soonest deadline first, overdue as of today.
#[tauri::command(rename_all = "snake_case")]
pub fn task_board(state: State<'_, AppState>, filter: BoardFilter) -> CommandResult<Vec<BoardTask>> {
    state.with_store(|store| Ok(followup::board(store.conn(), &filter, clock::today(store))?))
}

/// Overdue / due soon / blocked / open tasks and topics waiting for 民事民评.
#[tauri::command(rename_all = "snake_case")]
pub fn followup_counts(state: State<'_, AppState>) -> CommandResult<HomeCounts> {
    state.with_store(|store| Ok(followup::home_counts(store.conn(), clock::today(store))?))
}

#[derive(Serialize)]
pub struct TaskPage {
    task: Task,
    notes: Vec<TaskNote>,
}

/// One task with its notes, newest first.
#[tauri::command(rename_all = "snake_case")]
pub fn task_page(state: State<'_, AppState>, id: String) -> CommandResult<TaskPage> {
    state.with_store(|store| {
        let today = clock::today(store);
        let conn = store.conn();
        Ok(TaskPage { task: followup::task(conn, &id, today)?, notes: followup::notes(conn, &id)? })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_task_status(
    state: State<'_, AppState>,
    id: String,
    status: TaskStatus,
    reason: String,
    actor: String,
) -> CommandResult<FollowUpReport> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| followup::set_status(tx, &id, status, &reason, today, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_task_note(
    state: State<'_, AppState>,
    id: String,
    note: NewNote,
    actor: String,
) -> CommandResult<FollowUpReport> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| followup::add_note(tx, &id, &note, today, &actor))?))
}

/// 落实情况公示 of the ticked tasks, saved where she chooses; `None` when she cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_progress(
    state: State<'_, AppState>,
    task_ids: Vec<String>,
    omit_missing: Option<bool>,
    format: Option<String>,
    qr: Option<bool>,
) -> CommandResult<Option<SavedPdf>> {
    let format = pdf_file::format(format.as_deref())?;
    let unprintable = pdf_file::unprintable(omit_missing);
    let opts = LoadOptions { unprintable, qr: qr.unwrap_or(true), ..LoadOptions::new(state.today()) };
    let subject = state.with_store(|store| Ok(progress_of_tasks(store.conn(), &task_ids, &opts)?.subject))?;
    let Some(path) = pdf_file::ask("落实情况公示", &subject.replace(['“', '”'], ""), format).await else {
        return Ok(None);
    };
    let bytes = state
        .with_store(|store| Ok(store.write(|tx| bulletin::print_progress_of_tasks_to(tx, &task_ids, &opts, &path))?))?;
    Ok(Some(pdf_file::saved(path, bytes)))
}
