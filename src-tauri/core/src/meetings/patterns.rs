//! Saved participant patterns: a 小区's 3+N, a village's 4+N, 六方议事, 7+X — which roles (every
//! roster person holding one, of a place and the places below it if the pattern has one) and
//! which people — picked when a meeting is prepared; applying one invites them as the fixed core.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{editable_meeting, invite_core_member, participants, MeetingError, Participant};
use crate::community::{role_label, stored_roles, Role};
use crate::ids::{new_id, now_utc};
use crate::validate::required_line;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewPattern {
    pub name: String,
    #[serde(default)]
    pub place_id: Option<String>,
    /// Offered roles by key or label, or typed roles.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pattern {
    pub id: String,
    pub name: String,
    pub place_id: Option<String>,
    /// As shown (两委成员, 物业).
    pub roles: Vec<String>,
    pub people: Vec<String>,
}

pub fn save_pattern(tx: &Transaction, new: &NewPattern) -> Result<Pattern, MeetingError> {
    let name = required_line("参会模式名称", &new.name, 40)?;
    let roles: Vec<&str> = new.roles.iter().map(|r| Role::read(r).map_or(r.trim(), |k| k.as_str())).collect();
    let id = new_id();
    tx.execute(
        "INSERT INTO participant_patterns (id, name, place_id, roles, people, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            name,
            new.place_id,
            serde_json::to_string(&roles).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&new.people).unwrap_or_else(|_| "[]".into()),
            now_utc()
        ],
    )?;
    pattern(tx, &id)
}

/// Removes a saved pattern from the list offered (kept in the file, marked deleted); meetings
/// already prepared with it keep their invitations.
pub fn delete_pattern(tx: &Transaction, id: &str) -> Result<(), MeetingError> {
    let n = tx.execute(
        "UPDATE participant_patterns SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now_utc()],
    )?;
    if n == 0 {
        return Err(MeetingError::PatternNotFound { id: id.to_string() });
    }
    Ok(())
}

pub fn list_patterns(conn: &Connection) -> Result<Vec<Pattern>, MeetingError> {
    let mut stmt = conn.prepare("SELECT id FROM participant_patterns WHERE deleted_at IS NULL ORDER BY name, id")?;
    let ids: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| pattern(conn, id)).collect()
}

fn pattern(conn: &Connection, id: &str) -> Result<Pattern, MeetingError> {
    let row = conn
        .query_row(
            "SELECT name, place_id, roles, people FROM participant_patterns WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)),
        )
        .optional()?;
    let (name, place_id, roles, people) = row.ok_or_else(|| MeetingError::PatternNotFound { id: id.to_string() })?;
    let roles = stored_roles(&roles).iter().map(|r| role_label(r)).collect();
    Ok(Pattern { id: id.to_string(), name, place_id, roles, people: stored_roles(&people) })
}

/// Invites the pattern's people and role holders (each once) as the fixed core of the meeting.
pub fn apply_pattern(tx: &Transaction, meeting_id: &str, pattern_id: &str) -> Result<Vec<Participant>, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let (place, roles, people): (Option<String>, String, String) = tx
        .query_row(
            "SELECT place_id, roles, people FROM participant_patterns WHERE id = ?1 AND deleted_at IS NULL",
            [pattern_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| MeetingError::PatternNotFound { id: pattern_id.to_string() })?;
    let mut invite: Vec<String> = stored_roles(&people);
    invite.extend(role_holders(tx, &roles, place.as_deref())?);
    for person in &invite {
        invite_core_member(tx, meeting_id, person)?;
    }
    participants(tx, meeting_id)
}

/// Active roster people holding one of `roles` (JSON), of `place` and below if given.
fn role_holders(conn: &Connection, roles: &str, place: Option<&str>) -> Result<Vec<String>, MeetingError> {
    let mut stmt = conn.prepare(
        "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id) \
         SELECT pe.id FROM people pe LEFT JOIN households h ON h.id = pe.household_id \
         WHERE pe.deleted_at IS NULL AND pe.retired_at IS NULL \
           AND EXISTS (SELECT 1 FROM json_each(pe.roles) r WHERE r.value IN (SELECT value FROM json_each(?1))) \
           AND (?2 IS NULL OR pe.place_id IN (SELECT id FROM sub) OR h.place_id IN (SELECT id FROM sub)) \
         ORDER BY pe.name, pe.id",
    )?;
    let rows = stmt.query_map(params![roles, place], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
