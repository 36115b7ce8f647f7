//! 决事: the vote panel — a live count as the numbers change, and stored votes.

use serde::Deserialize;
use tauri::State;
use yishi_core::votes::{self, Choice, NewPart, PartedVote, Vote, VoteInput, VoteOutcome, VoteRule};

use crate::error::CommandResult;
use crate::state::AppState;

/// One household ticked off in a 一户一票 vote.
#[derive(Deserialize)]
pub struct Tick {
    household_id: String,
    choice: Choice,
}

/// The result the panel shows while the counts are typed; impossible counts come back as the
/// core's message. Stores nothing.
#[tauri::command(rename_all = "snake_case")]
pub fn evaluate_vote(input: VoteInput) -> CommandResult<VoteOutcome> {
    Ok(votes::evaluate(&input)?)
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_vote(state: State<'_, AppState>, item_id: String, input: VoteInput) -> CommandResult<Vote> {
    state.with_store(|store| Ok(store.write(|tx| votes::record(tx, &item_id, &input))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_household_vote(
    state: State<'_, AppState>,
    item_id: String,
    ticks: Vec<Tick>,
    eligible: u32,
    rule: VoteRule,
    quorum: Option<u32>,
) -> CommandResult<Vote> {
    let ticks: Vec<(String, Choice)> = ticks.into_iter().map(|t| (t.household_id, t.choice)).collect();
    state.with_store(|store| {
        Ok(store.write(|tx| votes::record_household_vote(tx, &item_id, &ticks, eligible, rule, quorum))?)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn item_votes(state: State<'_, AppState>, item_id: String) -> CommandResult<Vec<Vote>> {
    state.with_store(|store| Ok(votes::list_for_item(store.conn(), &item_id)?))
}

/// 应到户数 of a 一户一票 vote: the households on the roster.
#[tauri::command(rename_all = "snake_case")]
pub fn household_count(state: State<'_, AppState>) -> CommandResult<u32> {
    state.with_store(|store| Ok(votes::household_count(store.conn())?))
}

/// 一户一票 over a chosen electorate (every household, a place's, a list), counted in parts.
#[tauri::command(rename_all = "snake_case")]
pub fn record_vote_in_parts(state: State<'_, AppState>, item_id: String, vote: PartedVote) -> CommandResult<Vote> {
    state.with_store(|store| Ok(store.write(|tx| votes::record_in_parts(tx, &item_id, &vote))?))
}

/// A part that arrives later (a ballot box opened the next morning, the 入户征求 of the week).
#[tauri::command(rename_all = "snake_case")]
pub fn add_vote_part(state: State<'_, AppState>, vote_id: String, part: NewPart) -> CommandResult<Vote> {
    state.with_store(|store| Ok(store.write(|tx| votes::add_part(tx, &vote_id, &part))?))
}
