//! SQL for conventions, their versions and the feedback received. Chapters are stored as JSON
//! (`[{"title":…, "articles":[…]}]`); days as YYYY-MM-DD.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{ConventionError, ConventionStatus, ConventionText, ConventionVersion, Feedback, NewFeedback};
use crate::ids::{new_id, now_utc};
use crate::store::{day_col, optional_day_col, parse_col};

/// The convention's own row, before its latest version is attached.
pub(super) struct Head {
    pub id: String,
    pub title: String,
    pub status: ConventionStatus,
    pub posted_version_no: Option<i64>,
    pub posted_from: Option<NaiveDate>,
    pub posted_to: Option<NaiveDate>,
    pub adopted_version_no: Option<i64>,
    pub adopted_meeting_id: Option<String>,
    pub adopted_at: Option<String>,
}

const HEAD: &str = "SELECT id, title, status, posted_version_no, posted_from, posted_to, adopted_version_no, \
    adopted_meeting_id, adopted_at FROM conventions WHERE deleted_at IS NULL";

fn head_row(r: &Row) -> rusqlite::Result<Head> {
    Ok(Head {
        id: r.get(0)?,
        title: r.get(1)?,
        status: parse_col(r, 2, ConventionStatus::parse)?,
        posted_version_no: r.get(3)?,
        posted_from: optional_day_col(r, 4)?,
        posted_to: optional_day_col(r, 5)?,
        adopted_version_no: r.get(6)?,
        adopted_meeting_id: r.get(7)?,
        adopted_at: r.get(8)?,
    })
}

pub(super) fn head(conn: &Connection, id: &str) -> rusqlite::Result<Option<Head>> {
    conn.query_row(&format!("{HEAD} AND id = ?1"), [id], head_row).optional()
}

pub(super) fn heads(conn: &Connection) -> rusqlite::Result<Vec<Head>> {
    let mut stmt = conn.prepare(&format!("{HEAD} ORDER BY created_at DESC, id DESC"))?;
    let rows = stmt.query_map([], head_row)?;
    rows.collect()
}

pub(super) fn insert(conn: &Connection, title: &str) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO conventions (id, title, status, created_at, updated_at) VALUES (?1, ?2, 'draft', ?3, ?3)",
        params![id, title, now_utc()],
    )?;
    Ok(id)
}

pub(super) fn insert_version(
    conn: &Connection,
    convention_id: &str,
    version_no: i64,
    text: &ConventionText,
    note: &str,
) -> Result<(), ConventionError> {
    let chapters = serde_json::to_string(&text.chapters)?;
    conn.execute(
        "INSERT INTO convention_versions (id, convention_id, version_no, preamble, chapters, note, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![new_id(), convention_id, version_no, text.preamble, chapters, note, now_utc()],
    )?;
    Ok(())
}

/// A new version ends any posting: the posted text is no longer the current one.
pub(super) fn set_draft(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE conventions SET status = 'draft', updated_at = ?2 WHERE id = ?1", params![id, now_utc()])?;
    Ok(())
}

pub(super) fn set_posted(
    conn: &Connection,
    id: &str,
    version_no: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE conventions SET status = 'posted', posted_version_no = ?2, posted_from = ?3, posted_to = ?4, \
         updated_at = ?5 WHERE id = ?1",
        params![id, version_no, from.to_string(), to.to_string(), now_utc()],
    )?;
    Ok(())
}

pub(super) fn set_adopted(conn: &Connection, id: &str, version_no: i64, meeting_id: &str) -> rusqlite::Result<()> {
    let now = now_utc();
    conn.execute(
        "UPDATE conventions SET status = 'adopted', adopted_version_no = ?2, adopted_meeting_id = ?3, \
         adopted_at = ?4, updated_at = ?4 WHERE id = ?1",
        params![id, version_no, meeting_id, now],
    )?;
    Ok(())
}

const VERSION: &str = "SELECT version_no, preamble, chapters, note, created_at FROM convention_versions \
    WHERE convention_id = ?1 AND deleted_at IS NULL";

fn version_row(r: &Row) -> rusqlite::Result<(i64, String, String, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn to_version(raw: (i64, String, String, String, String)) -> Result<ConventionVersion, ConventionError> {
    let (version_no, preamble, chapters, note, created_at) = raw;
    let text = ConventionText { preamble, chapters: serde_json::from_str(&chapters)? };
    Ok(ConventionVersion { version_no, text, note, created_at })
}

pub(super) fn version(
    conn: &Connection,
    id: &str,
    version_no: i64,
) -> Result<Option<ConventionVersion>, ConventionError> {
    let raw =
        conn.query_row(&format!("{VERSION} AND version_no = ?2"), params![id, version_no], version_row).optional()?;
    raw.map(to_version).transpose()
}

pub(super) fn latest_version_no(conn: &Connection, id: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT coalesce(max(version_no), 0) FROM convention_versions WHERE convention_id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
}

/// Every version, oldest first.
pub(super) fn versions(conn: &Connection, id: &str) -> Result<Vec<ConventionVersion>, ConventionError> {
    let mut stmt = conn.prepare(&format!("{VERSION} ORDER BY version_no"))?;
    let raw = stmt.query_map([id], version_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(to_version).collect()
}

pub(super) fn insert_feedback(
    conn: &Connection,
    convention_id: &str,
    version_no: i64,
    f: &NewFeedback,
    from_name: &str,
    text: &str,
    response: &str,
) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO convention_feedback (id, convention_id, version_no, received_on, from_name, text, response, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, convention_id, version_no, f.received_on.to_string(), from_name, text, response, now_utc()],
    )?;
    Ok(id)
}

pub(super) fn set_response(conn: &Connection, feedback_id: &str, response: &str) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE convention_feedback SET response = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![feedback_id, response, now_utc()],
    )
}

const FEEDBACK: &str = "SELECT id, convention_id, version_no, received_on, from_name, text, response \
    FROM convention_feedback WHERE deleted_at IS NULL";

fn feedback_row(r: &Row) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        convention_id: r.get(1)?,
        version_no: r.get(2)?,
        received_on: day_col(r, 3)?,
        from_name: r.get(4)?,
        text: r.get(5)?,
        response: r.get(6)?,
    })
}

pub(super) fn feedback_by_id(conn: &Connection, id: &str) -> rusqlite::Result<Option<Feedback>> {
    conn.query_row(&format!("{FEEDBACK} AND id = ?1"), [id], feedback_row).optional()
}

/// Feedback on a convention, in the order it was received.
pub(super) fn feedback(conn: &Connection, convention_id: &str) -> rusqlite::Result<Vec<Feedback>> {
    let mut stmt = conn.prepare(&format!("{FEEDBACK} AND convention_id = ?1 ORDER BY received_on, created_at, id"))?;
    let rows = stmt.query_map([convention_id], feedback_row)?;
    rows.collect()
}
