//! 决事: votes on an agenda item and how they are counted.
//!
//! `votes` owns the `votes`, `vote_households`, `vote_parts` and `vote_electorate` tables. [`evaluate`] is a pure function (no
//! database) that checks the counts and decides 通过 / 未通过 / 不足法定人数 with a sentence that
//! explains why; [`record`] stores a vote with its result, [`record_household_vote`] derives the
//! counts of a 一户一票 vote from the households ticked off, [`record_in_parts`] counts one over a
//! chosen electorate (`scope.rs`: a place's households, a list; 应到 as of the vote's day) in
//! parts that add up (`parts.rs`: 现场, ballot boxes, 线上, 入户征求). Whether a vote may still be written
//! (the meeting is not closed) is asked of `meetings`; the household roster belongs to the
//! community records.

mod error;
mod evaluate;
mod kinds;
mod parts;
mod parts_repo;
mod repo;
mod scope;

use std::collections::HashSet;

use rusqlite::{Connection, Transaction};
use serde::Serialize;

pub use error::VoteError;
pub use evaluate::{evaluate, rule_in_words, unit, VoteInput, VoteOutcome};
pub use kinds::{Choice, VoteMethod, VoteResult, VoteRule};
pub use parts::{add_part, record_in_parts, NewPart, PartKind, PartSummary, PartTick, PartedVote, RecordedHow};
pub use scope::{electorate, electorate_on, Electorate, ElectorateKind, Scope};

use crate::meetings;

/// A stored vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub id: String,
    pub agenda_item_id: String,
    #[serde(flatten)]
    pub input: VoteInput,
    pub result: VoteResult,
    pub explanation: String,
    pub created_at: String,
    /// For 一户一票: each household's tick, in the order they were ticked.
    pub households: Vec<HouseholdTick>,
    /// Whose vote it was; `meeting` for counts typed at the meeting.
    pub electorate: ElectorateKind,
    /// “3号楼全体住户”; empty for a vote of the meeting.
    pub electorate_label: String,
    /// The parts the count adds up from (empty for a vote not counted in parts).
    pub parts: Vec<PartSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseholdTick {
    pub household_id: String,
    pub label: String,
    pub choice: Choice,
    /// 入户征求 / 代为表决: who took the choice, how and when (UTC); empty at the meeting.
    pub recorded_by: String,
    pub recorded_how: Option<RecordedHow>,
    pub recorded_at: Option<String>,
}

/// Counts and stores a vote by hands or ballot on an agenda item of a meeting that is not closed.
pub fn record(tx: &Transaction, agenda_item_id: &str, input: &VoteInput) -> Result<Vote, VoteError> {
    if input.method == VoteMethod::Household {
        return Err(VoteError::HouseholdNeedsTicks);
    }
    meetings::editable_item(tx, agenda_item_id)?;
    let outcome = evaluate(input)?;
    let id = repo::insert(tx, agenda_item_id, input, &outcome)?;
    get(tx, &id)
}

/// 一户一票: every tick is one household present; the counts come from the ticks.
pub fn record_household_vote(
    tx: &Transaction,
    agenda_item_id: &str,
    ticks: &[(String, Choice)],
    eligible_households: u32,
    rule: VoteRule,
    quorum: Option<u32>,
) -> Result<Vote, VoteError> {
    meetings::editable_item(tx, agenda_item_id)?;
    check_ticks(tx, ticks)?;
    let count = |c: Choice| ticks.iter().filter(|(_, x)| *x == c).count() as u32;
    let input = VoteInput {
        method: VoteMethod::Household,
        agree: count(Choice::Agree),
        oppose: count(Choice::Oppose),
        abstain: count(Choice::Abstain),
        present: ticks.len() as u32,
        eligible: eligible_households,
        rule,
        quorum,
    };
    let outcome = evaluate(&input)?;
    let id = repo::insert(tx, agenda_item_id, &input, &outcome)?;
    for (household_id, choice) in ticks {
        repo::insert_tick(tx, &id, household_id, *choice)?;
    }
    get(tx, &id)
}

/// Every household at most once, and every one on the roster.
fn check_ticks(conn: &Connection, ticks: &[(String, Choice)]) -> Result<(), VoteError> {
    let mut seen = HashSet::new();
    for (household_id, _) in ticks {
        let label = repo::household_label(conn, household_id)?
            .ok_or_else(|| VoteError::UnknownHousehold { id: household_id.clone() })?;
        if !seen.insert(household_id.as_str()) {
            return Err(VoteError::HouseholdTwice { label });
        }
    }
    Ok(())
}

/// How many households the roster holds: the default 应到户数 of a 一户一票 vote.
pub fn household_count(conn: &Connection) -> Result<u32, VoteError> {
    Ok(repo::household_count(conn)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Vote, VoteError> {
    let mut vote = repo::get(conn, id)?;
    vote.households = repo::ticks(conn, id)?;
    (vote.electorate, vote.electorate_label) = parts_repo::electorate_of(conn, id)?;
    vote.parts = parts_repo::parts(conn, id)?;
    Ok(vote)
}

/// Whose vote it was (“3号楼全体住户”, empty for a vote of the meeting) and its parts, for
/// the printouts.
pub fn electorate_and_parts(conn: &Connection, id: &str) -> rusqlite::Result<(String, Vec<PartSummary>)> {
    Ok((parts_repo::electorate_of(conn, id)?.1, parts_repo::parts(conn, id)?))
}

/// The votes taken on an agenda item, oldest first.
pub fn list_for_item(conn: &Connection, agenda_item_id: &str) -> Result<Vec<Vote>, VoteError> {
    repo::ids_for_item(conn, agenda_item_id)?.iter().map(|id| get(conn, id)).collect()
}

#[cfg(test)]
mod parts_tests;
#[cfg(test)]
mod tests;
