//! SQL for task status and progress notes.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::TaskNote;
use crate::decisions::TaskStatus;
use crate::ids::{new_id, now_utc};
use crate::store::{day_col, parse_col};

/// The few columns the follow-up rules need.
pub(super) struct TaskHead {
    pub decision_id: Option<String>,
    pub topic_id: Option<String>,
    pub title: String,
    pub status: TaskStatus,
}

pub(super) fn head(conn: &Connection, id: &str) -> rusqlite::Result<Option<TaskHead>> {
    conn.query_row(
        "SELECT decision_id, topic_id, title, status FROM tasks WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| {
            Ok(TaskHead {
                decision_id: r.get(0)?,
                topic_id: r.get(1)?,
                title: r.get(2)?,
                status: parse_col(r, 3, TaskStatus::parse)?,
            })
        },
    )
    .optional()
}

/// Sets the status; `done_at` is stamped when the work is done and cleared when it is reopened.
pub(super) fn set_status(conn: &Connection, id: &str, status: TaskStatus) -> rusqlite::Result<()> {
    let now = now_utc();
    let done_at = (status == TaskStatus::Done).then(|| now.clone());
    conn.execute(
        "UPDATE tasks SET status = ?2, done_at = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, status.as_str(), done_at, now],
    )?;
    Ok(())
}

/// The statuses of every task of a topic (from all its decisions).
pub(super) fn statuses_of_topic(conn: &Connection, topic_id: &str) -> rusqlite::Result<Vec<TaskStatus>> {
    let mut stmt = conn.prepare("SELECT status FROM tasks WHERE topic_id = ?1 AND deleted_at IS NULL")?;
    let rows = stmt.query_map([topic_id], |r| parse_col(r, 0, TaskStatus::parse))?;
    rows.collect()
}

/// A note's date is stored as the calendar day the secretary gave (YYYY-MM-DD).
pub(super) fn insert_note(conn: &Connection, task_id: &str, date: NaiveDate, text: &str) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO task_notes (id, task_id, at, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, task_id, date.to_string(), text, now_utc()],
    )?;
    Ok(id)
}

const NOTE_COLUMNS: &str = "id, task_id, at, text, created_at";

fn note_row(r: &Row) -> rusqlite::Result<TaskNote> {
    Ok(TaskNote {
        id: r.get(0)?,
        task_id: r.get(1)?,
        date: day_col(r, 2)?,
        text: r.get(3)?,
        created_at: r.get(4)?,
        photos: Vec::new(),
    })
}

pub(super) fn note(conn: &Connection, id: &str) -> rusqlite::Result<TaskNote> {
    conn.query_row(&format!("SELECT {NOTE_COLUMNS} FROM task_notes WHERE id = ?1"), [id], note_row)
}

/// The newest note of a task (same ordering as [`notes`]): its day as stored and its text.
pub(super) fn latest_note(conn: &Connection, task_id: &str) -> rusqlite::Result<Option<(String, String)>> {
    conn.query_row(
        "SELECT at, text FROM task_notes WHERE task_id = ?1 AND deleted_at IS NULL \
         ORDER BY at DESC, created_at DESC, id DESC LIMIT 1",
        [task_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Notes of a task, newest day first (same day: latest written first).
pub(super) fn notes(conn: &Connection, task_id: &str) -> rusqlite::Result<Vec<TaskNote>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {NOTE_COLUMNS} FROM task_notes WHERE task_id = ?1 AND deleted_at IS NULL \
         ORDER BY at DESC, created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([task_id], note_row)?;
    rows.collect()
}
