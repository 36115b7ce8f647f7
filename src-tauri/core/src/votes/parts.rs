//! A 一户一票 vote counted in parts that add up — 现场, ballot boxes, 线上 (a WeChat poll typed
//! in), 入户征求 — over a chosen electorate ([`Scope`]). Parts can arrive after the meeting (a box
//! opened the next morning): [`add_part`] adds one and counts the vote again. A household counts
//! once across all parts: a second entry is refused with the part it was counted in, and the
//! refused write changes nothing. 入户征求 / 代为表决 record who took the household's choice, how
//! (入户 / 电话) and when; the result then says “其中入户征求 N 户”.

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::scope::{electorate, Electorate, ElectorateKind, Scope};
use super::{evaluate, get, parts_repo as repo, Choice, Vote, VoteError, VoteInput, VoteMethod, VoteRule};
use crate::labelled_enum;
use crate::meetings;
use crate::validate::{optional_line, required_line, FieldError};

labelled_enum! {
    /// Where a part of the count came from.
    PartKind {
        Onsite = "onsite": "现场",
        Box = "box": "投票箱",
        Online = "online": "线上",
        Visit = "visit": "入户征求",
    }
}

labelled_enum! {
    /// How a grid worker took a household's choice away from the meeting.
    RecordedHow {
        Visit = "visit": "入户",
        Phone = "phone": "电话",
    }
}

/// One household's choice in a part; the last three only for 入户征求.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PartTick {
    pub household_id: String,
    pub choice: Choice,
    #[serde(default)]
    pub recorded_by: String,
    #[serde(default)]
    pub how: Option<RecordedHow>,
    /// As typed, in the community's wall clock (`11月21日 上午10点`).
    #[serde(default)]
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewPart {
    pub kind: PartKind,
    /// “1号投票箱（3号楼）”; empty prints the kind.
    #[serde(default)]
    pub label: String,
    pub ticks: Vec<PartTick>,
}

/// What the vote panel sends for a vote counted in parts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PartedVote {
    pub scope: Scope,
    pub rule: VoteRule,
    #[serde(default)]
    pub quorum: Option<u32>,
    pub parts: Vec<NewPart>,
}

/// A part as the minutes and the 决议公示 print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartSummary {
    pub kind: PartKind,
    /// The typed label, or the kind's.
    pub label: String,
    pub agree: u32,
    pub oppose: u32,
    pub abstain: u32,
}

/// Records a vote of `v.scope`'s households on an agenda item, counted in `v.parts`.
pub fn record_in_parts(tx: &Transaction, agenda_item_id: &str, v: &PartedVote) -> Result<Vote, VoteError> {
    let (_, meeting) = meetings::editable_item(tx, agenda_item_id)?;
    let el = electorate(tx, &v.scope, &day_end(tx, &meeting.starts_at)?)?;
    let vote_id = repo::insert_vote(tx, agenda_item_id, &el, v.rule, v.quorum)?;
    if v.parts.is_empty() {
        return Err(VoteError::NoParts);
    }
    for part in &v.parts {
        insert_part(tx, &vote_id, part, &el)?;
    }
    recount(tx, &vote_id)
}

/// Adds a part to a vote counted in parts and counts it again.
pub fn add_part(tx: &Transaction, vote_id: &str, part: &NewPart) -> Result<Vote, VoteError> {
    let vote = get(tx, vote_id)?;
    let (_, meeting) = meetings::editable_item(tx, &vote.agenda_item_id)?;
    let scope = repo::stored_scope(tx, vote_id)?.ok_or(VoteError::NotInParts)?;
    let el = electorate(tx, &scope, &day_end(tx, &meeting.starts_at)?)?;
    insert_part(tx, vote_id, part, &el)?;
    recount(tx, vote_id)
}

/// The first instant after the vote's day (the meeting's day in the community's zone).
fn day_end(conn: &Connection, starts_at: &str) -> Result<String, VoteError> {
    let zone = crate::community::zone(conn)?;
    let day: NaiveDate = zone.date_or_today(starts_at);
    Ok(zone.start_of_day(day.checked_add_days(Days::new(1)).unwrap_or(day)))
}

fn insert_part(tx: &Transaction, vote_id: &str, part: &NewPart, el: &Electorate) -> Result<(), VoteError> {
    let label = optional_line("计票点名称", &part.label, 40)?;
    let shown = if label.is_empty() { part.kind.label().to_string() } else { label.clone() };
    if part.ticks.is_empty() {
        return Err(VoteError::EmptyPart { part: shown });
    }
    let part_id = repo::insert_part(tx, vote_id, part.kind, &label)?;
    for tick in &part.ticks {
        let household = repo::household_label(tx, &tick.household_id)?
            .ok_or_else(|| VoteError::UnknownHousehold { id: tick.household_id.clone() })?;
        if !el.households.contains(&tick.household_id) {
            return Err(VoteError::NotInElectorate { household, electorate: el.label.clone() });
        }
        if let Some(part) = repo::counted_in(tx, vote_id, &tick.household_id)? {
            return Err(VoteError::HouseholdInPart { household, part });
        }
        let visit = if part.kind == PartKind::Visit { Some(visit_record(tx, tick)?) } else { None };
        repo::insert_tick(tx, vote_id, &part_id, tick, visit.as_ref())?;
    }
    Ok(())
}

/// Who took a household's choice at home, how and when (all three needed).
pub(super) struct VisitRecord {
    pub by: String,
    pub how: RecordedHow,
    pub at: String,
}

fn visit_record(conn: &Connection, tick: &PartTick) -> Result<VisitRecord, VoteError> {
    let by = required_line("征求人", &tick.recorded_by, 50)?;
    let how = tick.how.ok_or(VoteError::VisitNeedsHow)?;
    let zone = crate::community::zone(conn)?;
    let when = required_line("征求时间", &tick.recorded_at, 40)?;
    let at = zone.instant_of_local(&when, "征求时间", zone.today()).map_err(FieldError::from)?;
    // Stored instants lie in the past (an archive refuses one days ahead): a typo, not a plan.
    if at > crate::time::now_rfc3339() {
        return Err(VoteError::VisitInFuture { when });
    }
    Ok(VisitRecord { by, how, at })
}

/// The vote's counts from every part's ticks, evaluated and stored.
fn recount(tx: &Transaction, vote_id: &str) -> Result<Vote, VoteError> {
    let vote = get(tx, vote_id)?;
    let count = |c: Choice| vote.households.iter().filter(|t| t.choice == c).count() as u32;
    let input = VoteInput {
        method: VoteMethod::Household,
        agree: count(Choice::Agree),
        oppose: count(Choice::Oppose),
        abstain: count(Choice::Abstain),
        present: vote.households.len() as u32,
        ..vote.input
    };
    let outcome = evaluate(&input)?;
    let visited = vote.households.iter().filter(|t| t.recorded_how.is_some()).count();
    let explanation = if visited > 0 {
        format!("{}其中入户征求 {visited} 户。", outcome.explanation)
    } else {
        outcome.explanation.clone()
    };
    repo::update_counts(tx, vote_id, &input, outcome.result, &explanation)?;
    get(tx, vote_id)
}

impl ElectorateKind {
    /// Whether the vote was counted in parts over a chosen electorate.
    pub fn in_parts(self) -> bool {
        self != ElectorateKind::Meeting
    }
}
