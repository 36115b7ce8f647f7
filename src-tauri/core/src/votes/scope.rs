//! Whose vote it is (表决范围): every household, the households of a place (a building, a unit, a
//! 村民小组, with every place below it), or a list; and 应到, those households on the roster on
//! the vote's day (the meeting's day in the community's zone: a household registered after it or
//! retired before its end is not counted; a deleted one never was) — `community::roster_on`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

use super::VoteError;
use crate::labelled_enum;

labelled_enum! {
    /// How a vote's electorate was chosen; `meeting` is every vote before scopes existed (the
    /// counts typed at the meeting).
    ElectorateKind {
        Meeting = "meeting": "到会人员",
        Community = "community": "全体住户",
        Place = "place": "某地全体住户",
        List = "list": "指定住户",
    }
}

/// The electorate the vote panel sends.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    Community,
    Place { place_id: String },
    List { household_ids: Vec<String> },
}

/// The households of a scope on a day, and how the notices name them (“3号楼全体住户”).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Electorate {
    pub kind: ElectorateKind,
    pub place_id: Option<String>,
    pub label: String,
    pub households: BTreeSet<String>,
}

/// The electorate of `scope` at the end of the day that begins at `day_end` (a stored instant):
/// [`electorate_on`] the day before `day_end`.
pub fn electorate(conn: &Connection, scope: &Scope, day_end: &str) -> Result<Electorate, VoteError> {
    let zone = crate::community::zone(conn)?;
    let next = zone.date_or_today(day_end);
    electorate_on(conn, scope, next.pred_opt().unwrap_or(next))
}

/// The electorate of `scope` on a community day: the households of `community::roster_on` that
/// day (registered or moved into by its end, not ended), so a family that moves later changes
/// neither the 应到 nor the households of an old vote.
pub fn electorate_on(conn: &Connection, scope: &Scope, day: NaiveDate) -> Result<Electorate, VoteError> {
    let roster = crate::community::roster_on(conn, day)?;
    let on_roster = roster.household_ids();
    let (kind, place_id, label, households) = match scope {
        Scope::Community => (ElectorateKind::Community, None, "全体住户".to_string(), on_roster),
        Scope::Place { place_id } => {
            let name = place_name(conn, place_id)?;
            let sql = "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id) \
                 SELECT h.id FROM households h WHERE h.place_id IN (SELECT id FROM sub)";
            let here = ids(conn, sql, params![place_id])?;
            let households = here.intersection(&on_roster).cloned().collect();
            (ElectorateKind::Place, Some(place_id.clone()), format!("{name}全体住户"), households)
        }
        Scope::List { household_ids } => {
            let households: BTreeSet<String> =
                household_ids.iter().filter(|id| on_roster.contains(*id)).cloned().collect();
            (ElectorateKind::List, None, format!("指定的{}户", households.len()), households)
        }
    };
    if households.is_empty() {
        return Err(VoteError::EmptyElectorate { label });
    }
    Ok(Electorate { kind, place_id, label, households })
}

fn ids(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<BTreeSet<String>, VoteError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(p, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn place_name(conn: &Connection, id: &str) -> Result<String, VoteError> {
    conn.query_row("SELECT name FROM places WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| VoteError::UnknownPlace { id: id.to_string() })
}
