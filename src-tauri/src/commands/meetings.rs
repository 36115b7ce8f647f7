//! 会议: meetings, their agenda (item 1 the generated follow-up) and closing.

use serde::Serialize;
use tauri::{Runtime, State, Window};
use yishi_core::decisions::{TaskMode, TaskStatus};
use yishi_core::meetings::{
    self, AgendaItem, AgendaKind, Direction, Meeting, MeetingKind, MeetingStatus, NewMeeting, ParticipantKind,
};
use yishi_core::minutes::RevisionReason;
use yishi_core::proceedings::{self, CloseReport, FollowUpLine};
use yishi_core::votes::{Choice, VoteMethod, VoteResult, VoteRule};

use crate::error::CommandResult;
use crate::state::AppState;

/// One entry of a closed list: the stored value and its Chinese label.
#[derive(Serialize)]
pub struct Label {
    value: &'static str,
    label: &'static str,
}

pub(crate) fn labels<T: Copy>(all: &[T], value: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Label> {
    all.iter().map(|&v| Label { value: value(v), label: label(v) }).collect()
}

/// The closed lists of the meeting screens, with the core's labels.
#[derive(Serialize)]
pub struct MeetingVocab {
    kinds: Vec<Label>,
    statuses: Vec<Label>,
    agenda_kinds: Vec<Label>,
    participant_kinds: Vec<Label>,
    vote_methods: Vec<Label>,
    vote_rules: Vec<Label>,
    vote_results: Vec<Label>,
    choices: Vec<Label>,
    task_modes: Vec<Label>,
    task_statuses: Vec<Label>,
    revision_reasons: Vec<Label>,
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_vocab() -> MeetingVocab {
    use RevisionReason::*;
    let reasons = [Interval, LargeDeletion, MeetingClose, BeforeRestore, ImportConflict];
    MeetingVocab {
        kinds: labels(MeetingKind::ALL, MeetingKind::as_str, MeetingKind::label),
        statuses: labels(MeetingStatus::ALL, MeetingStatus::as_str, MeetingStatus::label),
        agenda_kinds: labels(AgendaKind::ALL, AgendaKind::as_str, AgendaKind::label),
        participant_kinds: labels(ParticipantKind::ALL, ParticipantKind::as_str, ParticipantKind::label),
        vote_methods: labels(VoteMethod::ALL, VoteMethod::as_str, VoteMethod::label),
        vote_rules: labels(VoteRule::ALL, VoteRule::as_str, VoteRule::label),
        vote_results: labels(VoteResult::ALL, VoteResult::as_str, VoteResult::label),
        choices: labels(Choice::ALL, Choice::as_str, Choice::label),
        task_modes: labels(TaskMode::ALL, TaskMode::as_str, TaskMode::label),
        task_statuses: labels(TaskStatus::ALL, TaskStatus::as_str, TaskStatus::label),
        revision_reasons: labels(&reasons, RevisionReason::as_str, RevisionReason::label),
    }
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_meeting(state: State<'_, AppState>, meeting: NewMeeting) -> CommandResult<Meeting> {
    state.with_store(|store| Ok(store.write(|tx| meetings::create(tx, &meeting))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_meeting(state: State<'_, AppState>, id: String) -> CommandResult<Meeting> {
    state.with_store(|store| Ok(meetings::get(store.conn(), &id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_meetings(state: State<'_, AppState>) -> CommandResult<Vec<Meeting>> {
    state.with_store(|store| Ok(meetings::list(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn close_meeting(state: State<'_, AppState>, id: String, actor: String) -> CommandResult<CloseReport> {
    state.with_store(|store| Ok(store.write(|tx| proceedings::close(tx, &id, &actor))?))
}

/// 开始会议: in session from now.
#[tauri::command(rename_all = "snake_case")]
pub fn start_meeting(state: State<'_, AppState>, id: String) -> CommandResult<Meeting> {
    state.with_store(|store| Ok(store.write(|tx| meetings::start(tx, &id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn reopen_meeting(state: State<'_, AppState>, id: String, reason: String, actor: String) -> CommandResult<Meeting> {
    state.with_store(|store| Ok(store.write(|tx| meetings::reopen(tx, &id, &reason, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_agenda(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Vec<AgendaItem>> {
    state.with_store(|store| Ok(meetings::agenda(store.conn(), &meeting_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_agenda_topic(
    state: State<'_, AppState>,
    meeting_id: String,
    topic_id: String,
    actor: String,
) -> CommandResult<AgendaItem> {
    state.with_store(|store| Ok(store.write(|tx| meetings::add_topic(tx, &meeting_id, &topic_id, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_agenda_other(state: State<'_, AppState>, meeting_id: String, title: String) -> CommandResult<AgendaItem> {
    state.with_store(|store| Ok(store.write(|tx| meetings::add_other(tx, &meeting_id, &title))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn remove_agenda_item(
    state: State<'_, AppState>,
    item_id: String,
    actor: String,
) -> CommandResult<Vec<AgendaItem>> {
    state.with_store(|store| Ok(store.write(|tx| meetings::remove_item(tx, &item_id, &actor))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn move_agenda_item(
    state: State<'_, AppState>,
    item_id: String,
    direction: Direction,
) -> CommandResult<Vec<AgendaItem>> {
    state.with_store(|store| Ok(store.write(|tx| meetings::move_item(tx, &item_id, direction))?))
}

/// Item 1: earlier decisions still being carried out, overdue as of today (local date).
#[tauri::command(rename_all = "snake_case")]
pub fn followup_summary(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Vec<FollowUpLine>> {
    let today = state.today();
    state.with_store(|store| Ok(proceedings::followup_summary(store.conn(), &meeting_id, today)?))
}

/// The bench view's 全屏: the window itself, so the taskbar and title bar go too.
#[tauri::command(rename_all = "snake_case")]
pub fn set_fullscreen<R: Runtime>(window: Window<R>, on: bool) -> CommandResult<bool> {
    // A window manager that refuses fullscreen is not an error the secretary can act on: the
    // page still hides the sidebar, and the result says whether the window followed.
    Ok(window.set_fullscreen(on).is_ok() && window.is_fullscreen().unwrap_or(false) == on)
}
