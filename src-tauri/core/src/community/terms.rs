//! Terms of office (任期): a role held from one day to another, e.g. 院坝长 2026-11-21 to
//! 2029-11-20, given by an election. The role is also added to the person's roles (an offered
//! role as its key, a typed one as typed), so lists and invitations see it at once.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::kinds::{role_label, stored_role, stored_roles};
use super::CommunityError;
use crate::ids::{new_id, now_utc};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleTerm {
    pub person_id: String,
    /// As shown (院坝长, 业委会).
    pub role: String,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
    /// The election that gave it, if any.
    pub election_id: Option<String>,
}

/// Gives `person_id` the role for the term.
pub fn grant_role(
    tx: &Transaction,
    person_id: &str,
    role: &str,
    (term_from, term_to): (NaiveDate, NaiveDate),
    election_id: Option<&str>,
) -> Result<RoleTerm, CommunityError> {
    let stored = stored_role(role);
    let roles: Option<String> = tx
        .query_row("SELECT roles FROM people WHERE id = ?1 AND deleted_at IS NULL", [person_id], |r| r.get(0))
        .optional()?;
    let roles = roles.ok_or(CommunityError::NotFound { what: "人员" })?;
    let mut roles = stored_roles(&roles);
    let now = now_utc();
    if !roles.contains(&stored) {
        roles.push(stored.clone());
        let json = serde_json::to_string(&roles).unwrap_or_else(|_| "[]".into());
        tx.execute("UPDATE people SET roles = ?2, updated_at = ?3 WHERE id = ?1", params![person_id, json, now])?;
    }
    tx.execute(
        "INSERT INTO role_terms (id, person_id, role, term_from, term_to, election_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![new_id(), person_id, stored, term_from.to_string(), term_to.to_string(), election_id, now],
    )?;
    Ok(RoleTerm {
        person_id: person_id.to_string(),
        role: role_label(&stored),
        term_from,
        term_to,
        election_id: election_id.map(String::from),
    })
}

/// A person's terms, latest first.
pub fn role_terms(conn: &Connection, person_id: &str) -> Result<Vec<RoleTerm>, CommunityError> {
    terms_where(conn, "person_id = ?1 ORDER BY term_from DESC, id", person_id)
}

/// The terms in force on `day` (from ≤ day ≤ to) of everyone on the roster, for the roster's
/// “院坝长（2026-12-03至2029-12-02）”; by person, latest first.
pub fn terms_in_force(conn: &Connection, day: NaiveDate) -> Result<Vec<RoleTerm>, CommunityError> {
    terms_where(conn, "term_from <= ?1 AND term_to >= ?1 ORDER BY person_id, term_from DESC, id", &day.to_string())
}

/// The terms in force today in the community's zone.
pub fn terms_in_force_today(conn: &Connection) -> Result<Vec<RoleTerm>, CommunityError> {
    terms_in_force(conn, super::zone(conn)?.today())
}

fn terms_where(conn: &Connection, condition: &str, arg: &str) -> Result<Vec<RoleTerm>, CommunityError> {
    let sql = format!(
        "SELECT person_id, role, term_from, term_to, election_id FROM role_terms WHERE deleted_at IS NULL AND {condition}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([arg], |r| {
        let day = |i: usize| -> rusqlite::Result<NaiveDate> {
            let text: String = r.get(i)?;
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
        };
        Ok(RoleTerm {
            person_id: r.get(0)?,
            role: role_label(&r.get::<_, String>(1)?),
            term_from: day(2)?,
            term_to: day(3)?,
            election_id: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
