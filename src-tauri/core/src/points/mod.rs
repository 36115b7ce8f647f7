//! 积分: the points ledger of each person on the roster.
//!
//! `points` owns the `points_entries` table and the `points_rules` setting. Credits are positive
//! entries (meeting attendance, speaking, volunteering, a manual entry); a redemption at the
//! points shop (积分超市) is a negative entry and is refused when the balance would go below
//! zero. `proceedings::close` asks [`credit_once`] to credit attendance and speaking by the rules,
//! at most once per person, source and meeting — a meeting reopened and closed again credits only
//! those not credited before. Printing the 积分榜 (with masked names) belongs to `notices`.

mod error;
mod rules;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

pub use error::PointsError;
pub use rules::{get_rules, set_rules, PointsRules, RULE_MAX};

use crate::ids::{new_id, now_utc};
use crate::labelled_enum;
use crate::store::parse_col;
use crate::validate::{optional_line, required_line};

labelled_enum! {
    /// Where an entry came from.
    PointsSource {
        Attendance = "attendance": "参会",
        Speaking = "speaking": "发言",
        Volunteer = "volunteer": "志愿服务",
        Manual = "manual": "手工录入",
        Redemption = "redemption": "积分兑换",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointsEntry {
    pub id: String,
    pub person_id: String,
    pub at: String,
    /// Positive for a credit, negative for a redemption.
    pub points: i64,
    pub source: PointsSource,
    /// Why, or for a redemption what was exchanged.
    pub reason: String,
    pub meeting_id: Option<String>,
}

/// A ledger line with the balance after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerLine {
    #[serde(flatten)]
    pub entry: PointsEntry,
    pub balance_after: i64,
}

/// One row of the yearly 积分榜.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankLine {
    pub person_id: String,
    pub name: String,
    /// Where the person lives: their place, else their household's (“3号楼2单元”, a unit with
    /// its building), or empty.
    pub building: String,
    pub points: i64,
}

/// Credits points to a person (points > 0; redemptions go through [`redeem`]).
pub fn credit(
    tx: &Transaction,
    person_id: &str,
    points: i64,
    source: PointsSource,
    reason: &str,
    meeting_id: Option<&str>,
) -> Result<PointsEntry, PointsError> {
    if source == PointsSource::Redemption {
        return Err(PointsError::RedemptionIsNotACredit);
    }
    if points <= 0 {
        return Err(PointsError::NotPositive { points });
    }
    person_name(tx, person_id)?;
    let reason = optional_line("加分事由", reason, 200)?;
    insert(tx, person_id, points, source, &reason, meeting_id)
}

/// Credits a meeting's automatic points unless this person already has them for this meeting
/// and source; a rule of 0 credits nothing. Returns the entry written, if any.
pub fn credit_once(
    tx: &Transaction,
    person_id: &str,
    points: i64,
    source: PointsSource,
    reason: &str,
    meeting_id: &str,
) -> Result<Option<PointsEntry>, PointsError> {
    if points <= 0 {
        return Ok(None);
    }
    let already: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM points_entries WHERE person_id = ?1 AND source = ?2 AND meeting_id = ?3 \
         AND deleted_at IS NULL)",
        params![person_id, source.as_str(), meeting_id],
        |r| r.get(0),
    )?;
    if already {
        return Ok(None);
    }
    credit(tx, person_id, points, source, reason, Some(meeting_id)).map(Some)
}

/// Exchanges points at the points shop; refused if the balance is short.
pub fn redeem(tx: &Transaction, person_id: &str, points: i64, what: &str) -> Result<PointsEntry, PointsError> {
    if points <= 0 {
        return Err(PointsError::NotPositive { points });
    }
    let name = person_name(tx, person_id)?;
    let what = required_line("兑换物品", what, 200)?;
    let balance = balance(tx, person_id)?;
    if balance < points {
        return Err(PointsError::Insufficient { name, balance, needed: points });
    }
    insert(tx, person_id, -points, PointsSource::Redemption, &what, None)
}

/// The points a person has now.
pub fn balance(conn: &Connection, person_id: &str) -> Result<i64, PointsError> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(points), 0) FROM points_entries WHERE person_id = ?1 AND deleted_at IS NULL",
        [person_id],
        |r| r.get(0),
    )?)
}

/// A person's entries, oldest first, each with the balance after it.
pub fn ledger(conn: &Connection, person_id: &str) -> Result<Vec<LedgerLine>, PointsError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM points_entries WHERE person_id = ?1 AND deleted_at IS NULL ORDER BY at, id"
    ))?;
    let entries = stmt.query_map([person_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut running = 0;
    Ok(entries
        .into_iter()
        .map(|entry| {
            running += entry.points;
            LedgerLine { entry, balance_after: running }
        })
        .collect())
}

/// The 积分榜 of a year: points *earned* in that (local) year, most first, then by name.
/// Redemptions do not lower a place: exchanging points for rice is not taking part less. The
/// screen's ranking and the printed 积分榜 both read this.
pub fn ranking(conn: &Connection, year: i32) -> Result<Vec<RankLine>, PointsError> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, coalesce(CASE WHEN pl.kind = 'unit' THEN pp.name || pl.name ELSE pl.name END, ''), \
                sum(e.points) AS earned \
         FROM points_entries e JOIN people p ON p.id = e.person_id \
         LEFT JOIN households h ON h.id = p.household_id \
         LEFT JOIN places pl ON pl.id = coalesce(p.place_id, h.place_id) \
         LEFT JOIN places pp ON pp.id = pl.parent_id \
         WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL AND e.points > 0 \
           AND julianday(e.at) >= julianday(?1) AND julianday(e.at) < julianday(?2) \
         GROUP BY p.id ORDER BY earned DESC, p.name, p.id",
    )?;
    let rows = stmt.query_map(year_bounds(conn, year)?, |r| {
        Ok(RankLine { person_id: r.get(0)?, name: r.get(1)?, building: r.get(2)?, points: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many times each source earned a person points in `year`, in the ledger's order of
/// sources (参会, 发言, …), for the 积分榜's “参会6次、发言3次”.
pub fn earned_by_source(
    conn: &Connection,
    person_id: &str,
    year: i32,
) -> Result<Vec<(PointsSource, i64)>, PointsError> {
    let mut stmt = conn.prepare(
        "SELECT source, count(*) FROM points_entries WHERE person_id = ?1 AND deleted_at IS NULL AND points > 0 \
           AND julianday(at) >= julianday(?2) AND julianday(at) < julianday(?3) GROUP BY source",
    )?;
    let [from, until] = year_bounds(conn, year)?;
    let counts = stmt
        .query_map(params![person_id, from, until], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PointsSource::ALL
        .iter()
        .filter_map(|s| counts.iter().find(|(code, _)| code == s.as_str()).map(|&(_, n)| (*s, n)))
        .collect())
}

/// The first instants of `year` and of the next, in the community's time zone.
fn year_bounds(conn: &Connection, year: i32) -> Result<[String; 2], PointsError> {
    let zone = crate::community::zone(conn)?;
    Ok([zone.start_of_year(year), zone.start_of_year(year + 1)])
}

/// The community's current year, the default of the ranking.
pub fn this_year(conn: &Connection) -> Result<i32, PointsError> {
    use chrono::Datelike;
    Ok(crate::community::today(conn)?.year())
}

fn person_name(conn: &Connection, person_id: &str) -> Result<String, PointsError> {
    conn.query_row("SELECT name FROM people WHERE id = ?1 AND deleted_at IS NULL", [person_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| PointsError::PersonNotFound { id: person_id.to_string() })
}

const COLUMNS: &str = "id, person_id, at, points, source, reason, meeting_id";

fn insert(
    tx: &Transaction,
    person_id: &str,
    points: i64,
    source: PointsSource,
    reason: &str,
    meeting_id: Option<&str>,
) -> Result<PointsEntry, PointsError> {
    let id = new_id();
    tx.execute(
        "INSERT INTO points_entries (id, person_id, at, points, source, reason, meeting_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?3, ?3)",
        params![id, person_id, now_utc(), points, source.as_str(), reason, meeting_id],
    )?;
    Ok(tx.query_row(&format!("SELECT {COLUMNS} FROM points_entries WHERE id = ?1"), [&id], from_row)?)
}

fn from_row(r: &Row) -> rusqlite::Result<PointsEntry> {
    Ok(PointsEntry {
        id: r.get(0)?,
        person_id: r.get(1)?,
        at: r.get(2)?,
        points: r.get(3)?,
        source: parse_col(r, 4, PointsSource::parse)?,
        reason: r.get(5)?,
        meeting_id: r.get(6)?,
    })
}

#[cfg(test)]
mod tests;
