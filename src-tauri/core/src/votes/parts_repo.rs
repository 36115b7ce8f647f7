//! SQL for votes counted in parts: the scoped vote row, its parts, their ticks.

use rusqlite::{params, Connection, OptionalExtension};

use super::parts::{PartKind, PartSummary, PartTick, VisitRecord};
use super::scope::{Electorate, ElectorateKind, Scope};
use super::{VoteInput, VoteResult, VoteRule};
use crate::ids::{new_id, now_utc};

/// A scoped 一户一票 vote with nothing counted yet; [`update_counts`] fills it in.
pub(super) fn insert_vote(
    conn: &Connection,
    item_id: &str,
    el: &Electorate,
    rule: VoteRule,
    quorum: Option<u32>,
) -> rusqlite::Result<String> {
    let id = new_id();
    let now = now_utc();
    conn.execute(
        "INSERT INTO votes (id, agenda_item_id, method, agree, oppose, abstain, present, eligible, rule, quorum, \
         result, explanation, electorate, electorate_place_id, electorate_label, created_at, updated_at) \
         VALUES (?1, ?2, 'household', 0, 0, 0, 0, ?3, ?4, ?5, 'failed', '', ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            item_id,
            el.households.len() as u32,
            rule.as_str(),
            quorum,
            el.kind.as_str(),
            el.place_id,
            el.label,
            now
        ],
    )?;
    if el.kind == ElectorateKind::List {
        for household in &el.households {
            conn.execute(
                "INSERT INTO vote_electorate (id, vote_id, household_id, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![new_id(), id, household, now],
            )?;
        }
    }
    Ok(id)
}

/// The scope a vote was recorded with; None for a vote of the meeting (not counted in parts).
pub(super) fn stored_scope(conn: &Connection, vote_id: &str) -> rusqlite::Result<Option<Scope>> {
    let (kind, place_id): (String, Option<String>) =
        conn.query_row("SELECT electorate, electorate_place_id FROM votes WHERE id = ?1", [vote_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(match (ElectorateKind::parse(&kind), place_id) {
        (Some(ElectorateKind::Community), _) => Some(Scope::Community),
        (Some(ElectorateKind::Place), Some(place_id)) => Some(Scope::Place { place_id }),
        (Some(ElectorateKind::List), _) => {
            let mut stmt = conn.prepare(
                "SELECT household_id FROM vote_electorate WHERE vote_id = ?1 AND deleted_at IS NULL ORDER BY id",
            )?;
            let ids = stmt.query_map([vote_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Some(Scope::List { household_ids: ids })
        }
        _ => None,
    })
}

pub(super) fn insert_part(conn: &Connection, vote_id: &str, kind: PartKind, label: &str) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO vote_parts (id, vote_id, position, kind, label, created_at, updated_at) \
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM vote_parts WHERE vote_id = ?2), ?3, ?4, ?5, ?5)",
        params![id, vote_id, kind.as_str(), label, now_utc()],
    )?;
    Ok(id)
}

pub(super) fn household_label(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT label FROM households WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0)).optional()
}

/// The part (as printed) a household was already counted in, if any; a tick of an older vote
/// without parts was taken at the meeting (现场).
pub(super) fn counted_in(conn: &Connection, vote_id: &str, household_id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT p.kind, p.label FROM vote_households v LEFT JOIN vote_parts p ON p.id = v.part_id \
         WHERE v.vote_id = ?1 AND v.household_id = ?2 AND v.deleted_at IS NULL",
        [vote_id, household_id],
        |r| Ok(shown(r.get::<_, Option<String>>(0)?.as_deref().unwrap_or("onsite"), r.get::<_, Option<String>>(1)?)),
    )
    .optional()
}

fn shown(kind: &str, label: Option<String>) -> String {
    match label.filter(|l| !l.is_empty()) {
        Some(label) => label,
        None => PartKind::parse(kind).map_or("现场", PartKind::label).to_string(),
    }
}

pub(super) fn insert_tick(
    conn: &Connection,
    vote_id: &str,
    part_id: &str,
    tick: &PartTick,
    visit: Option<&VisitRecord>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO vote_households (id, vote_id, household_id, choice, part_id, recorded_by, recorded_how, \
         recorded_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            new_id(),
            vote_id,
            tick.household_id,
            tick.choice.as_str(),
            part_id,
            visit.map_or("", |v| v.by.as_str()),
            visit.map_or("", |v| v.how.as_str()),
            visit.map(|v| v.at.as_str()),
            now_utc()
        ],
    )?;
    Ok(())
}

pub(super) fn update_counts(
    conn: &Connection,
    vote_id: &str,
    v: &VoteInput,
    result: VoteResult,
    explanation: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE votes SET agree = ?2, oppose = ?3, abstain = ?4, present = ?5, result = ?6, explanation = ?7, \
         updated_at = ?8 WHERE id = ?1",
        params![vote_id, v.agree, v.oppose, v.abstain, v.present, result.as_str(), explanation, now_utc()],
    )?;
    Ok(())
}

/// Each part's counts, in the order they were added.
pub(super) fn parts(conn: &Connection, vote_id: &str) -> rusqlite::Result<Vec<PartSummary>> {
    let mut stmt = conn.prepare(
        "SELECT p.kind, p.label, \
         sum(v.choice = 'agree'), sum(v.choice = 'oppose'), sum(v.choice = 'abstain') \
         FROM vote_parts p JOIN vote_households v ON v.part_id = p.id AND v.deleted_at IS NULL \
         WHERE p.vote_id = ?1 AND p.deleted_at IS NULL GROUP BY p.id ORDER BY p.position, p.created_at, p.id",
    )?;
    let rows = stmt.query_map([vote_id], |r| {
        let kind: String = r.get(0)?;
        Ok(PartSummary {
            kind: PartKind::parse(&kind).unwrap_or(PartKind::Onsite),
            label: shown(&kind, r.get(1)?),
            agree: r.get(2)?,
            oppose: r.get(3)?,
            abstain: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// (kind, label) of the vote's electorate.
pub(super) fn electorate_of(conn: &Connection, vote_id: &str) -> rusqlite::Result<(ElectorateKind, String)> {
    conn.query_row("SELECT electorate, electorate_label FROM votes WHERE id = ?1", [vote_id], |r| {
        let kind: String = r.get(0)?;
        Ok((ElectorateKind::parse(&kind).unwrap_or(ElectorateKind::Meeting), r.get(1)?))
    })
}

/// A tick's 入户征求 record, as stored.
pub(super) fn tick_visit(how: String) -> Option<super::parts::RecordedHow> {
    super::parts::RecordedHow::parse(&how)
}
