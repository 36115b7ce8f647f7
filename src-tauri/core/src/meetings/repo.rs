//! SQL for the meetings table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Checked, Meeting, MeetingKind, MeetingStatus};
use crate::ids::now_utc;
use crate::store::parse_col;

const COLUMNS: &str = "id, kind, title, starts_at, ends_at, place, host_name, recorder_name, status, \
    closed_at, reopen_note, created_at, updated_at, started_at, recurrence, previous_meeting_id";

pub(super) fn insert(conn: &Connection, id: &str, m: &Checked) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meetings (id, kind, title, starts_at, place, host_name, recorder_name, status, \
         created_at, updated_at, recurrence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned', ?8, ?8, ?9)",
        params![
            id,
            m.kind.as_str(),
            m.title,
            m.starts_at,
            m.place,
            m.host_name,
            m.recorder_name,
            now_utc(),
            m.recurrence
        ],
    )?;
    Ok(())
}

pub(super) fn update(conn: &Connection, id: &str, m: &Checked) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE meetings SET kind = ?2, title = ?3, starts_at = ?4, place = ?5, host_name = ?6, \
         recorder_name = ?7, updated_at = ?8, recurrence = ?9 WHERE id = ?1",
        params![
            id,
            m.kind.as_str(),
            m.title,
            m.starts_at,
            m.place,
            m.host_name,
            m.recorder_name,
            now_utc(),
            m.recurrence
        ],
    )?;
    Ok(())
}

/// 开始会议: in session from now (a meeting reopened for a correction keeps its first start).
pub(super) fn set_started(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    let now = now_utc();
    conn.execute(
        "UPDATE meetings SET status = 'in_session', started_at = coalesce(started_at, ?2), updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Closed now; the end time is the first close (a re-close after a correction keeps it).
pub(crate) fn set_closed(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    let now = now_utc();
    conn.execute(
        "UPDATE meetings SET status = 'closed', closed_at = ?2, ends_at = coalesce(ends_at, ?2), \
         updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

pub(super) fn set_reopened(conn: &Connection, id: &str, reopen_note: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE meetings SET status = 'in_session', closed_at = NULL, reopen_note = ?2, updated_at = ?3 \
         WHERE id = ?1",
        params![id, reopen_note, now_utc()],
    )?;
    Ok(())
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Meeting>> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM meetings WHERE id = ?1 AND deleted_at IS NULL"), [id], from_row)
        .optional()
}

pub(super) fn list(conn: &Connection) -> rusqlite::Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM meetings WHERE deleted_at IS NULL ORDER BY starts_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.collect()
}

fn from_row(r: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        kind: parse_col(r, 1, MeetingKind::parse)?,
        title: r.get(2)?,
        starts_at: r.get(3)?,
        ends_at: r.get(4)?,
        place: r.get(5)?,
        host_name: r.get(6)?,
        recorder_name: r.get(7)?,
        status: parse_col(r, 8, MeetingStatus::parse)?,
        closed_at: r.get(9)?,
        reopen_note: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        started_at: r.get(13)?,
        recurrence_label: super::Recurrence::from_stored(&r.get::<_, String>(14)?).label(),
        recurrence: r.get(14)?,
        previous_meeting_id: r.get(15)?,
    })
}

/// The meeting created from this one by 创建下一次会议, if there is one.
pub(super) fn next_of(conn: &Connection, id: &str) -> rusqlite::Result<Option<Meeting>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM meetings WHERE previous_meeting_id = ?1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1"),
        [id],
        from_row,
    )
    .optional()
}

pub(super) fn set_previous(conn: &Connection, id: &str, previous_id: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE meetings SET previous_meeting_id = ?2 WHERE id = ?1", params![id, previous_id])?;
    Ok(())
}
