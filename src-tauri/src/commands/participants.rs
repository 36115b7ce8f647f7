//! 会议: who is invited, who signed in, and who spoke (the quick-pick of the minutes editor).

use tauri::State;
use yishi_core::meetings::{
    self, Attendance, NewPattern, NewSpeaker, Participant, Pattern, QuickPick, Speaker, Voters,
};

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_participants(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Vec<Participant>> {
    state.with_store(|store| Ok(meetings::participants(store.conn(), &meeting_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn meeting_attendance(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Attendance> {
    state.with_store(|store| Ok(meetings::attendance(store.conn(), &meeting_id)?))
}

/// 到会 and 应到 of the members with a vote (列席 left out): what the vote panel starts from.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_voters(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Voters> {
    state.with_store(|store| Ok(meetings::voters(store.conn(), &meeting_id)?))
}

/// Seats someone as 列席 (no vote), or gives the vote back.
#[tauri::command(rename_all = "snake_case")]
pub fn set_observer(state: State<'_, AppState>, participant_id: String, observer: bool) -> CommandResult<Participant> {
    state.with_store(|store| Ok(store.write(|tx| meetings::set_observer(tx, &participant_id, observer))?))
}

/// Saved participant patterns (3+N, 4+N, 六方议事, 7+X).
#[tauri::command(rename_all = "snake_case")]
pub fn participant_patterns(state: State<'_, AppState>) -> CommandResult<Vec<Pattern>> {
    state.with_store(|store| Ok(meetings::list_patterns(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_participant_pattern(state: State<'_, AppState>, pattern: NewPattern) -> CommandResult<Pattern> {
    state.with_store(|store| Ok(store.write(|tx| meetings::save_pattern(tx, &pattern))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_participant_pattern(state: State<'_, AppState>, pattern_id: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| meetings::delete_pattern(tx, &pattern_id))?))
}

/// Invites a saved pattern's people and role holders as the meeting's fixed core.
#[tauri::command(rename_all = "snake_case")]
pub fn apply_participant_pattern(
    state: State<'_, AppState>,
    meeting_id: String,
    pattern_id: String,
) -> CommandResult<Vec<Participant>> {
    state.with_store(|store| Ok(store.write(|tx| meetings::apply_pattern(tx, &meeting_id, &pattern_id))?))
}

/// A topic back on the agenda: its stakeholders from earlier meetings are invited again.
#[tauri::command(rename_all = "snake_case")]
pub fn invite_past_stakeholders(
    state: State<'_, AppState>,
    meeting_id: String,
    topic_id: String,
) -> CommandResult<Vec<Participant>> {
    state.with_store(|store| Ok(store.write(|tx| meetings::invite_past_stakeholders(tx, &meeting_id, &topic_id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn invite_core_members(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Vec<Participant>> {
    state.with_store(|store| Ok(store.write(|tx| meetings::invite_all_core_members(tx, &meeting_id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn invite_stakeholder(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
    topic_id: String,
) -> CommandResult<Participant> {
    state
        .with_store(|store| Ok(store.write(|tx| meetings::invite_stakeholder(tx, &meeting_id, &person_id, &topic_id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn sign_in(state: State<'_, AppState>, participant_id: String) -> CommandResult<Participant> {
    state.with_store(|store| Ok(store.write(|tx| meetings::sign_in(tx, &participant_id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn undo_sign_in(state: State<'_, AppState>, participant_id: String) -> CommandResult<Participant> {
    state.with_store(|store| Ok(store.write(|tx| meetings::undo_sign_in(tx, &participant_id))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_walk_in(
    state: State<'_, AppState>,
    meeting_id: String,
    name: String,
    role_label: String,
) -> CommandResult<Participant> {
    state.with_store(|store| Ok(store.write(|tx| meetings::add_walk_in(tx, &meeting_id, &name, &role_label))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_speaker(state: State<'_, AppState>, item_id: String, speaker: NewSpeaker) -> CommandResult<Speaker> {
    state.with_store(|store| Ok(store.write(|tx| meetings::add_speaker(tx, &item_id, &speaker))?))
}

/// The meeting's people as the minutes editor's quick-pick list, those present first.
#[tauri::command(rename_all = "snake_case")]
pub fn speaker_quick_pick(state: State<'_, AppState>, meeting_id: String) -> CommandResult<Vec<QuickPick>> {
    state.with_store(|store| Ok(meetings::quick_pick(store.conn(), &meeting_id)?))
}
