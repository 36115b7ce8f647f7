//! People who move (issue 21): a person moves to another household or leaves the community on a
//! day, a household is edited or ended (注销) on a day, and [`roster_on`] answers who lived in
//! which household on any community day — what votes and quorum are counted against.
//!
//! Every move is a row of `person_moves` (who, from, to or none, the day, why, who recorded it);
//! `people.household_id` is only the household a person lives in *now*, written with the move in
//! the same transaction and never edited on its own (`update_person` refuses a changed
//! household). Moves of a person follow each other: one dated before the person's last move,
//! into an ended household, or of someone who has left is refused and changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::people::{get_person, Household, Person};
use super::CommunityError;
use crate::ids::{new_id, now_utc};
use crate::labelled_enum;
use crate::time::{chinese_date, parse_date};
use crate::validate::{optional_line, required_line};

labelled_enum! {
    /// Why a person left the community.
    LeaveReason {
        MovedAway = "moved_away": "迁出",
        Died = "died": "去世",
        Other = "other": "其他",
    }
}

/// A move to another household, as the form sends it.
#[derive(Debug, Clone, Deserialize)]
pub struct NewMove {
    pub to_household_id: String,
    /// As typed (`2026-11-10`, `11月10日`).
    pub day: String,
    #[serde(default)]
    pub recorded_by: String,
}

/// Leaving the community, as the form sends it.
#[derive(Debug, Clone, Deserialize)]
pub struct Leaving {
    pub day: String,
    pub reason: LeaveReason,
    /// Required for 其他; a few words otherwise (迁往何处).
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub recorded_by: String,
}

/// A household's number, place and 户主, as the edit form sends them.
#[derive(Debug, Clone, Deserialize)]
pub struct HouseholdEdit {
    pub label: String,
    #[serde(default)]
    pub place_id: Option<String>,
    #[serde(default)]
    pub head_person_id: Option<String>,
}

/// One line of a person's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonMove {
    pub id: String,
    pub person_id: String,
    pub from_household_id: Option<String>,
    pub from_label: String,
    /// None: left the community.
    pub to_household_id: Option<String>,
    pub to_label: String,
    /// `YYYY-MM-DD`, the community's day.
    pub day: String,
    /// `2026年11月10日`.
    pub day_label: String,
    /// None for a move between households.
    pub reason: Option<LeaveReason>,
    /// “迁入 3号楼502”, “迁出本社区（去世）”.
    pub summary: String,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A household on the roster of a day, with who lived in it then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseholdOnDay {
    pub id: String,
    pub label: String,
    pub place_id: Option<String>,
    pub members: Vec<String>,
}

/// The roster as it stood on one community day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterDay {
    pub day: NaiveDate,
    /// Households registered by the end of the day (or lived in that day) and not ended.
    pub households: BTreeMap<String, HouseholdOnDay>,
    /// Everyone on the roster that day (not yet left) → the household they lived in.
    pub residents: BTreeMap<String, Option<String>>,
}

impl RosterDay {
    /// Whether the person was in the community that day (had not left).
    pub fn has_person(&self, person_id: &str) -> bool {
        self.residents.contains_key(person_id)
    }

    pub fn household_ids(&self) -> BTreeSet<String> {
        self.households.keys().cloned().collect()
    }
}

/// Moves `person_id` to another household from `m.day` on.
pub fn move_person(tx: &Transaction, person_id: &str, m: &NewMove) -> Result<Person, CommunityError> {
    let person = get_person(tx, person_id)?;
    let day = read_day(tx, "迁入日期", &m.day)?;
    let by = optional_line("记录人", &m.recorded_by, 30)?;
    check_next_move(tx, &person, day)?;
    let to = open_household(tx, &m.to_household_id)?;
    if person.household_id.as_deref() == Some(m.to_household_id.as_str()) {
        return Err(CommunityError::SameHousehold { label: to.label });
    }
    if to.retired {
        return Err(CommunityError::IntoEndedHousehold { label: to.label });
    }
    insert_move(tx, &person, Some(&m.to_household_id), day, None, "", &by)?;
    get_person(tx, person_id)
}

/// `person_id` leaves the community on `l.day`: the move is kept, the person is taken out of the
/// pickers (停用 with the reason) and out of every roster from that day on.
pub fn person_leaves(tx: &Transaction, person_id: &str, l: &Leaving) -> Result<Person, CommunityError> {
    let person = get_person(tx, person_id)?;
    let day = read_day(tx, "迁出日期", &l.day)?;
    let by = optional_line("记录人", &l.recorded_by, 30)?;
    let note = if l.reason == LeaveReason::Other {
        required_line("说明", &l.note, 100)?
    } else {
        optional_line("说明", &l.note, 100)?
    };
    check_next_move(tx, &person, day)?;
    insert_move(tx, &person, None, day, Some(l.reason), &note, &by)?;
    let shown = if note.is_empty() { l.reason.label().to_string() } else { format!("{}：{note}", l.reason.label()) };
    tx.execute(
        "UPDATE people SET retired_at = ?2, retired_reason = ?3, updated_at = ?2 WHERE id = ?1",
        params![person_id, now_utc(), format!("{shown}（{}）", chinese_date(day))],
    )?;
    get_person(tx, person_id)
}

/// A person's moves, oldest first.
pub fn person_moves(conn: &Connection, person_id: &str) -> Result<Vec<PersonMove>, CommunityError> {
    get_person(conn, person_id)?;
    let mut stmt = conn.prepare(
        "SELECT m.id, m.person_id, m.from_household_id, coalesce(f.label, ''), m.to_household_id, \
           coalesce(t.label, ''), m.day, m.reason, m.note, m.recorded_by, m.recorded_at \
         FROM person_moves m LEFT JOIN households f ON f.id = m.from_household_id \
           LEFT JOIN households t ON t.id = m.to_household_id \
         WHERE m.person_id = ?1 AND m.deleted_at IS NULL ORDER BY m.day, m.recorded_at, m.id",
    )?;
    let rows = stmt.query_map([person_id], |r| {
        let day: String = r.get(6)?;
        let reason = LeaveReason::parse(&r.get::<_, String>(7)?);
        let to_label: String = r.get(5)?;
        let to_household_id: Option<String> = r.get(4)?;
        let summary = match (&to_household_id, reason) {
            (None, Some(reason)) => format!("迁出本社区（{}）", reason.label()),
            (None, None) => "迁出本社区".to_string(),
            (Some(_), _) => format!("迁入 {to_label}"),
        };
        Ok(PersonMove {
            id: r.get(0)?,
            person_id: r.get(1)?,
            from_household_id: r.get(2)?,
            from_label: r.get(3)?,
            to_household_id,
            to_label,
            day_label: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map(chinese_date).unwrap_or_else(|_| day.clone()),
            day,
            reason,
            summary,
            note: r.get(8)?,
            recorded_by: r.get(9)?,
            recorded_at: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Edits a household's number, place and 户主 (a correction: the household is the same one, old
/// records show its new number). The 户主 must live in it.
pub fn update_household(tx: &Transaction, id: &str, e: &HouseholdEdit) -> Result<Household, CommunityError> {
    let current = open_household(tx, id)?;
    let label = required_line("户名（门牌）", &e.label, 60)?;
    let dup: i64 = tx.query_row(
        "SELECT count(*) FROM households WHERE label = ?1 AND id <> ?2 AND deleted_at IS NULL",
        params![label, id],
        |r| r.get(0),
    )?;
    if dup > 0 {
        return Err(CommunityError::Duplicate { what: "户", name: label });
    }
    if let Some(head) = &e.head_person_id {
        let p = get_person(tx, head)?;
        if p.household_id.as_deref() != Some(id) || p.retired {
            return Err(CommunityError::HeadNotMember { name: p.name, label: current.label });
        }
    }
    tx.execute(
        "UPDATE households SET label = ?2, place_id = ?3, head_person_id = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, label, e.place_id, e.head_person_id, now_utc()],
    )
    .map_err(super::people::reference_error)?;
    open_household(tx, id)
}

/// 注销: the household ends on `day` (nobody lives in it from that day on). Everyone must have
/// moved out or left first, on or before that day.
pub fn end_household(tx: &Transaction, id: &str, day: &str) -> Result<Household, CommunityError> {
    let h = open_household(tx, id)?;
    if h.retired {
        return Err(CommunityError::AlreadyRetired { what: "户" });
    }
    let day = read_day(tx, "注销日期", day)?;
    let mut stmt =
        tx.prepare("SELECT name FROM people WHERE household_id = ?1 AND deleted_at IS NULL ORDER BY name")?;
    let names: Vec<String> = stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    if !names.is_empty() {
        return Err(CommunityError::HouseholdNotEmpty { label: h.label, names: names.join("、") });
    }
    let last: Option<String> = tx.query_row(
        "SELECT max(day) FROM person_moves WHERE (from_household_id = ?1 OR to_household_id = ?1) \
         AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    if let Some(last) = last.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) {
        if day < last {
            return Err(CommunityError::EndBeforeLastMove { label: h.label, last: chinese_date(last) });
        }
    }
    let zone = super::zone(tx)?;
    tx.execute(
        "UPDATE households SET retired_at = ?2, retired_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, zone.start_of_day(day), format!("已注销（{}，全户迁出）", chinese_date(day)), now_utc()],
    )?;
    open_household(tx, id)
}

/// Who lived in which household on `day` (the community's day): households registered by the end
/// of the day or moved into by then and not ended by its end; every person not yet left, in the
/// household of their last move on or before the day (before their first move: where that move
/// came from; never moved: where they live now).
pub fn roster_on(conn: &Connection, day: NaiveDate) -> Result<RosterDay, CommunityError> {
    let zone = super::zone(conn)?;
    let end = zone.start_of_day(day.checked_add_days(Days::new(1)).unwrap_or(day));
    let key = day.format("%Y-%m-%d").to_string();
    let mut households = BTreeMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT h.id, h.label, h.place_id, (h.created_at < ?1 OR EXISTS (SELECT 1 FROM person_moves m \
               WHERE m.to_household_id = h.id AND m.deleted_at IS NULL AND m.day <= ?2)) \
             FROM households h WHERE h.deleted_at IS NULL AND (h.retired_at IS NULL OR h.retired_at >= ?1)",
        )?;
        let rows = stmt.query_map(params![end, key], |r| {
            let h = HouseholdOnDay { id: r.get(0)?, label: r.get(1)?, place_id: r.get(2)?, members: Vec::new() };
            Ok((h, r.get::<_, bool>(3)?))
        })?;
        for row in rows {
            let (h, registered) = row?;
            households.insert(h.id.clone(), (h, registered));
        }
    }
    let mut residents = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT id, household_id FROM people WHERE deleted_at IS NULL")?;
    let people: Vec<(String, Option<String>)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut moves = conn.prepare(
        "SELECT from_household_id, to_household_id, day FROM person_moves WHERE person_id = ?1 AND deleted_at IS NULL \
         ORDER BY day, recorded_at, id",
    )?;
    for (person, now_in) in people {
        let history: Vec<(Option<String>, Option<String>, String)> =
            moves.query_map([&person], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        let lived_in = match history.iter().rev().find(|(_, _, d)| *d <= key) {
            Some((_, None, _)) => continue, // left on or before the day
            Some((_, to, _)) => to.clone(),
            None => match history.first() {
                Some((from, _, _)) => from.clone(),
                None => now_in,
            },
        };
        if let Some((h, _)) = lived_in.as_ref().and_then(|id| households.get_mut(id)) {
            h.members.push(person.clone());
        }
        residents.insert(person, lived_in);
    }
    // A household registered later is on the roster of a day someone is known to have lived in it.
    let households = households
        .into_iter()
        .filter(|(_, (h, registered))| *registered || !h.members.is_empty())
        .map(|(id, (h, _))| (id, h))
        .collect();
    Ok(RosterDay { day, households, residents })
}

/// Whether the person has left the community (a move to no household).
pub(crate) fn has_left(conn: &Connection, person_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM person_moves WHERE person_id = ?1 AND to_household_id IS NULL AND deleted_at IS NULL",
        [person_id],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

fn read_day(conn: &Connection, field: &'static str, text: &str) -> Result<NaiveDate, CommunityError> {
    let today = super::zone(conn)?.today();
    let text = required_line(field, text, 30)?;
    let day = parse_date(field, &text, today)?;
    if day > today {
        return Err(CommunityError::MoveInFuture { field: field.to_string(), today: chinese_date(today) });
    }
    Ok(day)
}

/// Refuses a move of someone who has left, or one dated before the person's last move.
fn check_next_move(conn: &Connection, person: &Person, day: NaiveDate) -> Result<(), CommunityError> {
    let last: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT day, to_household_id FROM person_moves WHERE person_id = ?1 AND deleted_at IS NULL \
             ORDER BY day DESC, recorded_at DESC, id DESC LIMIT 1",
            [&person.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((last_day, to)) = last else { return Ok(()) };
    let last_day = NaiveDate::parse_from_str(&last_day, "%Y-%m-%d").unwrap_or(day);
    if to.is_none() {
        return Err(CommunityError::AlreadyLeft { name: person.name.clone(), day: chinese_date(last_day) });
    }
    if day < last_day {
        return Err(CommunityError::MoveBeforeLastMove { name: person.name.clone(), last: chinese_date(last_day) });
    }
    Ok(())
}

fn insert_move(
    tx: &Transaction,
    person: &Person,
    to: Option<&str>,
    day: NaiveDate,
    reason: Option<LeaveReason>,
    note: &str,
    by: &str,
) -> Result<(), CommunityError> {
    let now = now_utc();
    tx.execute(
        "INSERT INTO person_moves (id, person_id, from_household_id, to_household_id, day, reason, note, \
         recorded_by, recorded_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)",
        params![
            new_id(),
            person.id,
            person.household_id,
            to,
            day.format("%Y-%m-%d").to_string(),
            reason.map_or("move", LeaveReason::as_str),
            note,
            by,
            now
        ],
    )?;
    // The person's 楼栋 follows the household they move into.
    tx.execute(
        "UPDATE people SET household_id = ?2, updated_at = ?3, \
           place_id = coalesce((SELECT place_id FROM households WHERE id = ?2), place_id) WHERE id = ?1",
        params![person.id, to, now],
    )?;
    Ok(())
}

/// A household that exists (retired or not).
fn open_household(conn: &Connection, id: &str) -> Result<Household, CommunityError> {
    super::people::list_households(conn)?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or(CommunityError::NotFound { what: "户" })
}
