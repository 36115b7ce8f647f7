//! 推选: elections on an agenda item — 院坝长, 业委会委员, 居民代表 chosen by vote.
//!
//! `elections` owns the `elections` and `election_candidates` tables. Candidates come from the
//! roster or are typed; each has its votes (by ballot, hands or household); [`tally`] (pure)
//! ranks them under the rule (most votes, or more than half of those present), states a tie for
//! the last seat instead of breaking it, and says so in a sentence. [`record`] stores the
//! election and gives every elected roster person the role with its term
//! (`community::grant_role`; a typed candidate is not on the roster and gets none). Whether the
//! meeting may still be edited is asked of `meetings`.

mod count;
mod error;
mod repo;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use count::{tally, Tally, Tie};
pub use error::ElectionError;

use crate::labelled_enum;
use crate::meetings;
use crate::time::{check_not_before, parse_date};
use crate::validate::required_line;
use crate::votes::VoteMethod;

labelled_enum! {
    /// Who is elected.
    ElectionRule {
        MostVotes = "most_votes": "得票多者当选",
        MajorityPresent = "majority_present": "得票过到会人数半数者当选",
    }
}

/// A candidate as the election form sends it: a roster person or a typed name, and the votes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewCandidate {
    #[serde(default)]
    pub person_id: Option<String>,
    /// Typed when not on the roster; a roster person's name is read from the roster.
    #[serde(default)]
    pub name: String,
    pub votes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewElection {
    /// An offered role (key or label) or one typed by hand (院坝长).
    pub role: String,
    pub seats: u32,
    pub method: VoteMethod,
    pub rule: ElectionRule,
    pub present: u32,
    pub candidates: Vec<NewCandidate>,
    /// 任期, as typed (`2026-11-21`, `2029年11月20日`).
    pub term_from: String,
    pub term_to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub person_id: Option<String>,
    pub name: String,
    pub votes: u32,
    pub elected: bool,
    /// Tied for the last seats: to another round.
    pub tied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Election {
    pub id: String,
    pub agenda_item_id: String,
    /// As shown (院坝长, 业委会).
    pub role: String,
    pub seats: u32,
    pub method: VoteMethod,
    pub rule: ElectionRule,
    pub present: u32,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
    pub explanation: String,
    /// In the order they were entered.
    pub candidates: Vec<Candidate>,
}

/// Counts and stores an election on an agenda item; the elected roster people get the role.
pub fn record(tx: &Transaction, agenda_item_id: &str, new: &NewElection) -> Result<Election, ElectionError> {
    meetings::editable_item(tx, agenda_item_id)?;
    let role = required_line("选举的职务", &new.role, 30)?;
    let term = term(tx, new)?;
    let names = candidate_names(tx, &new.candidates)?;
    let votes: Vec<u32> = new.candidates.iter().map(|c| c.votes).collect();
    let t = tally(&names, &votes, new.seats, new.present, new.rule)?;
    let id = repo::insert(tx, agenda_item_id, &role, new, term, &t.explanation)?;
    let tied: Vec<usize> = t.tie.as_ref().map(|x| x.candidates.clone()).unwrap_or_default();
    for (i, c) in new.candidates.iter().enumerate() {
        let elected = t.elected.contains(&i);
        repo::insert_candidate(tx, &id, i, c.person_id.as_deref(), &names[i], c.votes, (elected, tied.contains(&i)))?;
        if let (true, Some(person)) = (elected, &c.person_id) {
            crate::community::grant_role(tx, person, &role, term, Some(&id))?;
        }
    }
    get(tx, &id)
}

fn term(conn: &Connection, new: &NewElection) -> Result<(NaiveDate, NaiveDate), ElectionError> {
    let today = crate::community::zone(conn)?.today();
    let from = parse_date("任期开始", &new.term_from, today)?;
    let to = parse_date("任期结束", &new.term_to, today)?;
    check_not_before("任期结束", to, "任期开始", from)?;
    Ok((from, to))
}

/// Each candidate's name: the roster's for a roster person, else as typed; no one twice.
fn candidate_names(conn: &Connection, candidates: &[NewCandidate]) -> Result<Vec<String>, ElectionError> {
    let mut names: Vec<String> = Vec::new();
    for c in candidates {
        let name = match &c.person_id {
            Some(id) => crate::community::get_person(conn, id)?.name,
            None => required_line("候选人姓名", &c.name, 50)?,
        };
        if names.contains(&name) {
            return Err(ElectionError::CandidateTwice { name });
        }
        names.push(name);
    }
    Ok(names)
}

pub fn get(conn: &Connection, id: &str) -> Result<Election, ElectionError> {
    Ok(repo::get(conn, id)?)
}

/// The elections held on an agenda item, oldest first.
pub fn list_for_item(conn: &Connection, agenda_item_id: &str) -> Result<Vec<Election>, ElectionError> {
    repo::ids_for_item(conn, agenda_item_id)?.iter().map(|id| get(conn, id)).collect()
}

#[cfg(test)]
mod tests;
