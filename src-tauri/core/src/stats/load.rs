//! Reading the rows the statistics need. Years are local calendar years (as the secretary
//! counts them); filtering by year and place happens in `mod.rs`, on these plain rows.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::compute::{TaskRow, TopicRow};
use crate::store::{day_col, parse_col};
use crate::topics::{Channel, HandlingClass, TopicStatus};

pub(super) fn places(conn: &Connection) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    let mut stmt = conn.prepare("SELECT id, parent_id FROM places WHERE deleted_at IS NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

pub(super) fn place_name(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT name FROM places WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0)).optional()
}

/// Categories, retired ones included: old topics keep them.
pub(super) fn categories(conn: &Connection) -> rusqlite::Result<Vec<(String, Option<String>, String)>> {
    let mut stmt = conn.prepare("SELECT id, parent_id, name FROM categories WHERE deleted_at IS NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// A topic row with its place id and category id.
pub(super) type PlacedTopic = (TopicRow, Option<String>, Option<String>);
/// An evaluation's counts (满意, 基本满意, 不满意), its day and its topic's place id.
pub(super) type PlacedEvaluation = (u32, u32, u32, NaiveDate, Option<String>);

/// Every topic with its place and category id; the day it reached its current status is the
/// newest timeline line into that status.
pub(super) fn topics(conn: &Connection) -> rusqlite::Result<Vec<PlacedTopic>> {
    let mut stmt = conn.prepare(
        "SELECT t.channel, t.handling_class, t.status, t.raised_at, t.place_id, t.category_id, \
           (SELECT max(e.at) FROM topic_events e WHERE e.topic_id = t.id AND e.to_status = t.status \
              AND e.deleted_at IS NULL), \
           EXISTS (SELECT 1 FROM topic_callbacks c WHERE c.topic_id = t.id AND c.deleted_at IS NULL), \
           EXISTS (SELECT 1 FROM topic_notes n WHERE n.topic_id = t.id AND n.is_answer = 1 AND n.deleted_at IS NULL) \
         FROM topics t WHERE t.deleted_at IS NULL",
    )?;
    let zone = crate::community::zone(conn)?;
    let local_date = |stored: &str| zone.date_or_today(stored);
    let rows = stmt.query_map([], |r| {
        let raised_at: String = r.get(3)?;
        let since: Option<String> = r.get(6)?;
        let row = TopicRow {
            channel: parse_col(r, 0, Channel::parse)?,
            category_class: None,
            handling: parse_col(r, 1, HandlingClass::parse)?,
            status: parse_col(r, 2, TopicStatus::parse)?,
            raised_on: local_date(&raised_at),
            status_since: since.as_deref().map(local_date),
            called_back: r.get(7)?,
            answered: r.get(8)?,
        };
        Ok((row, r.get(4)?, r.get(5)?))
    })?;
    rows.collect()
}

/// Closed meetings (held, not only planned) with the day they were held.
pub(super) fn held_meetings(conn: &Connection) -> rusqlite::Result<Vec<(String, NaiveDate)>> {
    let mut stmt = conn.prepare("SELECT id, starts_at FROM meetings WHERE status = 'closed' AND deleted_at IS NULL")?;
    let zone = crate::community::zone(conn)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, zone.date_or_today(&r.get::<_, String>(1)?))))?;
    rows.collect()
}

/// The places of the topics on a meeting's agenda.
pub(super) fn meeting_topic_places(conn: &Connection, meeting_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT t.place_id FROM agenda_items a JOIN topics t ON t.id = a.topic_id \
         WHERE a.meeting_id = ?1 AND a.deleted_at IS NULL AND t.place_id IS NOT NULL",
    )?;
    let rows = stmt.query_map([meeting_id], |r| r.get(0))?;
    rows.collect()
}

/// For each attendance at the meeting: the person's roles, or None for a walk-in.
pub(super) fn attendances(conn: &Connection, meeting_id: &str) -> rusqlite::Result<Vec<Option<Vec<String>>>> {
    let mut stmt = conn.prepare(
        "SELECT p.roles FROM meeting_participants mp LEFT JOIN people p ON p.id = mp.person_id \
         WHERE mp.meeting_id = ?1 AND mp.attended = 1 AND mp.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([meeting_id], |r| r.get::<_, Option<String>>(0))?;
    // Unreadable roles count as none: the person is still a participant.
    rows.map(|roles| roles.map(|j| j.map(|j| crate::community::stored_roles(&j)))).collect()
}

/// Positive points entries: (points, local day, the person's place or their household's place).
pub(super) fn credits(conn: &Connection) -> rusqlite::Result<Vec<(i64, NaiveDate, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT e.points, e.at, coalesce(p.place_id, h.place_id) FROM points_entries e \
         JOIN people p ON p.id = e.person_id LEFT JOIN households h ON h.id = p.household_id \
         WHERE e.points > 0 AND e.deleted_at IS NULL",
    )?;
    let zone = crate::community::zone(conn)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, zone.date_or_today(&r.get::<_, String>(1)?), r.get(2)?)))?;
    rows.collect()
}

/// Every evaluation with its day and its topic's place.
pub(super) fn evaluations(conn: &Connection) -> rusqlite::Result<Vec<PlacedEvaluation>> {
    let mut stmt = conn.prepare(
        "SELECT e.satisfied, e.basically_satisfied, e.unsatisfied, e.evaluated_at, t.place_id \
         FROM evaluations e LEFT JOIN topics t ON t.id = e.topic_id WHERE e.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        let day = day_col(r, 3)?;
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, day, r.get(4)?))
    })?;
    rows.collect()
}

/// Every task with its deadline, the local day it was done (only while 已完成: reopening clears
/// it) and its topic's place.
pub(super) fn tasks(conn: &Connection) -> rusqlite::Result<Vec<(TaskRow, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT t.deadline, CASE WHEN t.status = 'done' THEN t.done_at END, tp.place_id \
         FROM tasks t LEFT JOIN topics tp ON tp.id = t.topic_id WHERE t.deleted_at IS NULL",
    )?;
    let zone = crate::community::zone(conn)?;
    let rows = stmt.query_map([], |r| {
        let deadline: Option<String> = r.get(0)?;
        let done_at: Option<String> = r.get(1)?;
        let row = TaskRow {
            // An unreadable deadline is no deadline: the task is left out, as one without a time limit.
            deadline: deadline.and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()),
            done_on: done_at.as_deref().and_then(|d| zone.date_of(d)),
        };
        Ok((row, r.get(2)?))
    })?;
    rows.collect()
}
