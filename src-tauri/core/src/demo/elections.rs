//! Who decides in the demo: the saved 3+N of 幸福里小区, and the election of 院坝一组's 院坝长 by
//! hands at the water-pipe meeting (the courtyard meeting of November), so the roster shows the
//! role with its term.

use rusqlite::Transaction;

use super::people::Roster;
use super::{step, DemoError};
use crate::elections::{self, ElectionRule, NewCandidate, NewElection};
use crate::meetings;
use crate::votes::VoteMethod;

/// The committee saves its 3+N the day it draws up the roster: 两委, 物业, 业委会, 居民代表.
pub(super) fn patterns(tx: &Transaction) -> Result<(), DemoError> {
    let roles = ["两委成员", "物业", "业委会", "居民代表"].map(String::from).to_vec();
    let new =
        meetings::NewPattern { name: "幸福里小区3+N".to_string(), place_id: None, roles, people: Vec::new() };
    meetings::save_pattern(tx, &new).map_err(step)?;
    Ok(())
}

/// The meeting (by its demo title) that holds the election.
pub(super) const AT_MEETING: &str = "院坝水管抢修议事";

pub(super) fn hold(tx: &Transaction, meeting_id: &str, roster: &Roster) -> Result<(), DemoError> {
    let item = meetings::add_other(tx, meeting_id, "推选院坝一组院坝长").map_err(step)?;
    let candidate = |name: &str, votes| NewCandidate { person_id: roster.id(name), name: name.to_string(), votes };
    let new = NewElection {
        role: "院坝长".to_string(),
        seats: 1,
        method: VoteMethod::Hands,
        rule: ElectionRule::MajorityPresent,
        present: 6,
        candidates: vec![candidate("田桂兰", 4), candidate("范老汉", 2)],
        term_from: "2026-11-05".to_string(),
        term_to: "2029-11-04".to_string(),
    };
    elections::record(tx, &item.id, &new).map_err(step)?;
    Ok(())
}
