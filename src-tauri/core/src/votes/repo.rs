//! SQL for votes and household ticks.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Choice, HouseholdTick, Vote, VoteInput, VoteMethod, VoteOutcome, VoteResult, VoteRule};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;

pub(super) fn insert(conn: &Connection, item_id: &str, v: &VoteInput, o: &VoteOutcome) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO votes (id, agenda_item_id, method, agree, oppose, abstain, present, eligible, rule, \
         quorum, result, explanation, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id,
            item_id,
            v.method.as_str(),
            v.agree,
            v.oppose,
            v.abstain,
            v.present,
            v.eligible,
            v.rule.as_str(),
            v.quorum,
            o.result.as_str(),
            o.explanation,
            now_utc()
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_tick(
    conn: &Connection,
    vote_id: &str,
    household_id: &str,
    choice: Choice,
) -> rusqlite::Result<()> {
    let now = now_utc();
    conn.execute(
        "INSERT INTO vote_households (id, vote_id, household_id, choice, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![new_id(), vote_id, household_id, choice.as_str(), now],
    )?;
    Ok(())
}

pub(super) fn household_label(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT label FROM households WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0)).optional()
}

pub(super) fn household_count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM households WHERE deleted_at IS NULL AND retired_at IS NULL", [], |r| r.get(0))
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Vote> {
    conn.query_row(
        "SELECT id, agenda_item_id, method, agree, oppose, abstain, present, eligible, rule, quorum, \
         result, explanation, created_at FROM votes WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok(Vote {
                id: r.get(0)?,
                agenda_item_id: r.get(1)?,
                input: VoteInput {
                    method: parse_col(r, 2, VoteMethod::parse)?,
                    agree: r.get(3)?,
                    oppose: r.get(4)?,
                    abstain: r.get(5)?,
                    present: r.get(6)?,
                    eligible: r.get(7)?,
                    rule: parse_col(r, 8, VoteRule::parse)?,
                    quorum: r.get(9)?,
                },
                result: parse_col(r, 10, VoteResult::parse)?,
                explanation: r.get(11)?,
                created_at: r.get(12)?,
                households: Vec::new(),
                electorate: super::ElectorateKind::Meeting,
                electorate_label: String::new(),
                parts: Vec::new(),
            })
        },
    )
}

pub(super) fn ticks(conn: &Connection, vote_id: &str) -> rusqlite::Result<Vec<HouseholdTick>> {
    let mut stmt = conn.prepare(
        "SELECT v.household_id, h.label, v.choice, v.recorded_by, v.recorded_how, v.recorded_at \
         FROM vote_households v \
         JOIN households h ON h.id = v.household_id \
         WHERE v.vote_id = ?1 AND v.deleted_at IS NULL ORDER BY v.created_at, v.id",
    )?;
    let rows = stmt.query_map([vote_id], |r| {
        Ok(HouseholdTick {
            household_id: r.get(0)?,
            label: r.get(1)?,
            choice: parse_col(r, 2, Choice::parse)?,
            recorded_by: r.get(3)?,
            recorded_how: super::parts_repo::tick_visit(r.get(4)?),
            recorded_at: r.get(5)?,
        })
    })?;
    rows.collect()
}

pub(super) fn ids_for_item(conn: &Connection, item_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT id FROM votes WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id")?;
    let rows = stmt.query_map([item_id], |r| r.get(0))?;
    rows.collect()
}
