//! SQL for elections and their candidates.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{Candidate, Election, ElectionRule, NewElection};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;
use crate::votes::VoteMethod;

pub(super) fn insert(
    conn: &Connection,
    item_id: &str,
    role: &str,
    new: &NewElection,
    (from, to): (NaiveDate, NaiveDate),
    explanation: &str,
) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO elections (id, agenda_item_id, role, seats, method, rule, present, term_from, term_to, \
         explanation, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            id,
            item_id,
            crate::community::Role::read(role).map_or(role, |r| r.as_str()),
            new.seats,
            new.method.as_str(),
            new.rule.as_str(),
            new.present,
            from.to_string(),
            to.to_string(),
            explanation,
            now_utc()
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_candidate(
    conn: &Connection,
    election_id: &str,
    position: usize,
    person_id: Option<&str>,
    name: &str,
    votes: u32,
    (elected, tied): (bool, bool),
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO election_candidates (id, election_id, position, person_id, name, votes, elected, tied, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![new_id(), election_id, position as i64, person_id, name, votes, elected, tied, now_utc()],
    )?;
    Ok(())
}

fn day(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Election> {
    let mut e = conn.query_row(
        "SELECT id, agenda_item_id, role, seats, method, rule, present, term_from, term_to, explanation \
         FROM elections WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok(Election {
                id: r.get(0)?,
                agenda_item_id: r.get(1)?,
                role: crate::community::role_label(&r.get::<_, String>(2)?),
                seats: r.get(3)?,
                method: parse_col(r, 4, VoteMethod::parse)?,
                rule: parse_col(r, 5, ElectionRule::parse)?,
                present: r.get(6)?,
                term_from: day(r, 7)?,
                term_to: day(r, 8)?,
                explanation: r.get(9)?,
                candidates: Vec::new(),
            })
        },
    )?;
    let mut stmt = conn.prepare(
        "SELECT person_id, name, votes, elected, tied FROM election_candidates \
         WHERE election_id = ?1 AND deleted_at IS NULL ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Candidate { person_id: r.get(0)?, name: r.get(1)?, votes: r.get(2)?, elected: r.get(3)?, tied: r.get(4)? })
    })?;
    e.candidates = rows.collect::<rusqlite::Result<_>>()?;
    Ok(e)
}

pub(super) fn ids_for_item(conn: &Connection, item_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT id FROM elections WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id")?;
    let rows = stmt.query_map([item_id], |r| r.get(0))?;
    rows.collect()
}
