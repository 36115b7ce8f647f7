//! 表决票 and 计票单 of an agenda item (kinds `ballots` and `tally`; rules in docs/BALLOTS.md).
//!
//! The id is the agenda item's, optionally followed by who gets a slip:
//! - `<item>`: 一户一票 — one slip per household on the roster on the meeting's day; for an item
//!   with a 推选 recorded, [`BLANK_BALLOTS`] blank slips unless that election was 一户一票;
//! - `<item>@<place>`: one slip per household of a place (the vote panel's 表决范围), with
//!   every place below it;
//! - `<item>*<n>`: `n` blank slips (投票 is secret: no household, no name).
//!
//! A slip names the household by its label (门牌), never by its members. The question is the
//! agenda item's title; for an item with a 推选 recorded, the newest election's role, seats and
//! candidates. The 计票单 takes the bare item id (anything after `@` or `*` is ignored).

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};

use super::common::one;
use super::meeting::meeting_row;
use super::{LoadError, LoadOptions};
use crate::elections::{self, ElectionError};
use crate::error::UserFacing;
use crate::notices::{BallotQuestion, Ballots, TallySheet};
use crate::votes::{self, Scope, VoteMethod};

/// Blank slips printed for a 推选 when no number is given (`<item>*<n>` asks for another).
pub const BLANK_BALLOTS: u32 = 30;

/// The most slips one printout makes.
const MAX_BALLOTS: u32 = 2000;

/// Who gets a slip, as the id says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Voters {
    Default,
    Place(String),
    Blank(u32),
}

fn parse_id(id: &str) -> Result<(&str, Voters), LoadError> {
    let id = id.trim();
    if let Some((item, n)) = id.split_once('*') {
        let count = n.trim().parse::<u32>().ok().filter(|n| (1..=MAX_BALLOTS).contains(n));
        let count = count.ok_or_else(|| LoadError::BadBallotCount { text: n.to_string(), max: MAX_BALLOTS })?;
        return Ok((item.trim(), Voters::Blank(count)));
    }
    if let Some((item, place)) = id.split_once('@') {
        return Ok((item.trim(), Voters::Place(place.trim().to_string())));
    }
    Ok((id, Voters::Default))
}

/// The item's meeting and what its slips ask.
struct ItemPaper {
    meeting: super::meeting::MeetingRow,
    question: BallotQuestion,
    /// The newest 推选 on the item was taken 一户一票.
    household_election: bool,
    is_election: bool,
}

fn item_paper(conn: &Connection, item_id: &str) -> Result<ItemPaper, LoadError> {
    let sql = "SELECT meeting_id, title FROM agenda_items WHERE id = ?1 AND deleted_at IS NULL";
    let (meeting_id, title): (String, String) = one(conn, sql, item_id, "议程", |r| Ok((r.get(0)?, r.get(1)?)))?;
    let meeting = meeting_row(conn, &meeting_id)?;
    let sql = "SELECT id FROM elections WHERE agenda_item_id = ?1 AND deleted_at IS NULL \
               ORDER BY created_at DESC, id DESC LIMIT 1";
    let election_id: Option<String> = conn.query_row(sql, [item_id], |r| r.get(0)).optional()?;
    let Some(election_id) = election_id else {
        let question = BallotQuestion::Vote { question: title };
        return Ok(ItemPaper { meeting, question, household_election: false, is_election: false });
    };
    let e = elections::get(conn, &election_id).map_err(|e| match e {
        ElectionError::Db(e) => LoadError::Db(e),
        other => LoadError::Damaged { what: "选举", detail: other.message() },
    })?;
    let question = BallotQuestion::Election {
        role: e.role,
        seats: e.seats,
        candidates: e.candidates.into_iter().map(|c| c.name).collect(),
    };
    Ok(ItemPaper { meeting, question, household_election: e.method == VoteMethod::Household, is_election: true })
}

/// 表决票 (or 选票) of an agenda item; see the module docs for the id.
pub fn ballots(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<Ballots, LoadError> {
    let (item_id, voters) = parse_id(id)?;
    let paper = item_paper(conn, item_id)?;
    let day = paper.meeting.starts_at.date();
    let voters = match voters {
        Voters::Blank(n) => vec![String::new(); n as usize],
        Voters::Default if paper.is_election && !paper.household_election => {
            vec![String::new(); BLANK_BALLOTS as usize]
        }
        Voters::Default => {
            let households = crate::community::roster_on(conn, day)?.household_ids();
            if households.is_empty() {
                return Err(LoadError::NoHouseholds);
            }
            labels(conn, &households)?
        }
        Voters::Place(place_id) => {
            let electorate = votes::electorate_on(conn, &Scope::Place { place_id }, day)?;
            labels(conn, &electorate.households)?
        }
    };
    Ok(Ballots {
        paper: opts.paper,
        meeting: paper.meeting.title,
        held_at: paper.meeting.starts_at,
        question: paper.question,
        voters,
        date: opts.today,
    })
}

/// 计票单 of an agenda item: 同意 / 反对 / 弃权 / 无效, or one row per candidate of its 推选.
pub fn tally(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<TallySheet, LoadError> {
    let item_id = id.split(['@', '*']).next().unwrap_or(id).trim();
    let paper = item_paper(conn, item_id)?;
    Ok(TallySheet {
        paper: opts.paper,
        meeting: paper.meeting.title,
        held_at: paper.meeting.starts_at,
        place: paper.meeting.place,
        question: paper.question,
        date: opts.today,
    })
}

/// The households' labels in 门牌 order (4号楼 before 10号楼, 101 before 1001).
fn labels(conn: &Connection, ids: &BTreeSet<String>) -> Result<Vec<String>, LoadError> {
    let mut stmt = conn.prepare("SELECT label FROM households WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(label) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
            out.push(label);
        }
    }
    out.sort_by_cached_key(|l| natural_key(l));
    Ok(out)
}

/// A label cut into runs of digits (compared as numbers) and of everything else.
fn natural_key(label: &str) -> Vec<(u64, String)> {
    let mut key = Vec::new();
    let mut digits = String::new();
    let mut text = String::new();
    for c in label.chars() {
        if c.is_ascii_digit() {
            if !text.is_empty() {
                key.push((u64::MAX, std::mem::take(&mut text)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((digits.parse().unwrap_or(u64::MAX), String::new()));
                digits.clear();
            }
            text.push(c);
        }
    }
    if !digits.is_empty() {
        key.push((digits.parse().unwrap_or(u64::MAX), String::new()));
    }
    if !text.is_empty() {
        key.push((u64::MAX, text));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_say_who_gets_a_slip() {
        assert_eq!(parse_id("i-1").unwrap(), ("i-1", Voters::Default));
        assert_eq!(parse_id("i-1@p-3").unwrap(), ("i-1", Voters::Place("p-3".into())));
        assert_eq!(parse_id("i-1*30").unwrap(), ("i-1", Voters::Blank(30)));
        assert!(matches!(parse_id("i-1*0"), Err(LoadError::BadBallotCount { .. })));
        assert!(matches!(parse_id("i-1*三十"), Err(LoadError::BadBallotCount { .. })));
    }

    #[test]
    fn labels_sort_by_their_numbers() {
        let mut v = vec!["10号楼1单元101", "4号楼1单元1001", "4号楼1单元101"];
        v.sort_by_cached_key(|l| natural_key(l));
        assert_eq!(v, ["4号楼1单元101", "4号楼1单元1001", "10号楼1单元101"]);
    }
}
