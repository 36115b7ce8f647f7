//! SQL for decisions and tasks.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};

use super::{is_overdue, Decision, NewTask, Task, TaskFilter, TaskMode, TaskStatus};
use crate::ids::{new_id, now_utc};
use crate::meetings::AgendaItem;
use crate::store::parse_col;

pub(super) fn insert(conn: &Connection, item: &AgendaItem, text: &str, act: bool) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO decisions (id, agenda_item_id, topic_id, text, act, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, item.id, item.topic_id, text, act, now_utc()],
    )?;
    Ok(id)
}

pub(super) fn update(conn: &Connection, id: &str, text: &str, act: bool) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE decisions SET text = ?2, act = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, text, act, now_utc()],
    )?;
    Ok(())
}

/// `t` with its text fields already checked.
pub(super) fn insert_task(conn: &Connection, d: &Decision, t: &NewTask) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO tasks (id, decision_id, topic_id, title, mode, responsible_unit, person_in_charge, \
         deadline, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'not_started', ?9, ?9)",
        params![
            id,
            d.id,
            d.topic_id,
            t.title,
            t.mode.as_str(),
            t.responsible_unit,
            t.person_in_charge,
            t.deadline.map(|d| d.to_string()),
            now_utc()
        ],
    )?;
    Ok(id)
}

const DECISION_COLUMNS: &str = "d.id, d.agenda_item_id, d.topic_id, d.text, d.act, d.created_at";

fn decision_row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        topic_id: r.get(2)?,
        text: r.get(3)?,
        act: r.get(4)?,
        created_at: r.get(5)?,
        tasks: Vec::new(),
    })
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Decision>> {
    conn.query_row(
        &format!("SELECT {DECISION_COLUMNS} FROM decisions d WHERE d.id = ?1 AND d.deleted_at IS NULL"),
        [id],
        decision_row,
    )
    .optional()
}

pub(super) fn for_item(conn: &Connection, item_id: &str) -> rusqlite::Result<Vec<Decision>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {DECISION_COLUMNS} FROM decisions d WHERE d.agenda_item_id = ?1 AND d.deleted_at IS NULL \
         ORDER BY d.created_at, d.id"
    ))?;
    let rows = stmt.query_map([item_id], decision_row)?;
    rows.collect()
}

/// Every decision with its agenda item's title and its meeting's start: (id, title, starts_at).
pub(super) fn all_with_item(conn: &Connection) -> rusqlite::Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, a.title, m.starts_at FROM main.decisions d \
         JOIN main.agenda_items a ON a.id = d.agenda_item_id JOIN main.meetings m ON m.id = a.meeting_id \
         WHERE d.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

pub(super) fn topic_decisions(conn: &Connection, meeting_id: &str) -> rusqlite::Result<Vec<(String, bool, String)>> {
    let mut stmt = conn.prepare(
        "SELECT d.topic_id, d.act, d.text FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id \
         WHERE a.meeting_id = ?1 AND a.deleted_at IS NULL AND d.deleted_at IS NULL AND d.topic_id IS NOT NULL \
         ORDER BY a.position, d.created_at, d.id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

const TASK_COLUMNS: &str = "t.id, t.decision_id, t.topic_id, t.title, t.mode, t.responsible_unit, \
    t.person_in_charge, t.deadline, t.status, t.done_at";

fn task_row(r: &Row, today: NaiveDate) -> rusqlite::Result<Task> {
    let deadline = parse_date(r, 7)?;
    let status = parse_col(r, 8, TaskStatus::parse)?;
    Ok(Task {
        id: r.get(0)?,
        decision_id: r.get(1)?,
        topic_id: r.get(2)?,
        title: r.get(3)?,
        mode: parse_col(r, 4, TaskMode::parse)?,
        responsible_unit: r.get(5)?,
        person_in_charge: r.get(6)?,
        deadline,
        status,
        done_at: r.get(9)?,
        overdue: is_overdue(deadline, status, today),
    })
}

fn parse_date(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get::<_, Option<String>>(i)?.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(_) => parse_col(r, i, |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()).map(Some),
    }
}

pub(super) fn task(conn: &Connection, id: &str, today: NaiveDate) -> rusqlite::Result<Option<Task>> {
    conn.query_row(&format!("SELECT {TASK_COLUMNS} FROM tasks t WHERE t.id = ?1 AND t.deleted_at IS NULL"), [id], |r| {
        task_row(r, today)
    })
    .optional()
}

pub(super) fn tasks_of_decision(conn: &Connection, decision_id: &str, today: NaiveDate) -> rusqlite::Result<Vec<Task>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {TASK_COLUMNS} FROM tasks t WHERE t.decision_id = ?1 AND t.deleted_at IS NULL \
         ORDER BY t.created_at, t.id"
    ))?;
    let rows = stmt.query_map([decision_id], |r| task_row(r, today))?;
    rows.collect()
}

pub(super) fn tasks(conn: &Connection, f: &TaskFilter, today: NaiveDate) -> rusqlite::Result<Vec<Task>> {
    let mut sql = format!(
        "SELECT {TASK_COLUMNS} FROM tasks t LEFT JOIN decisions d ON d.id = t.decision_id \
         LEFT JOIN agenda_items a ON a.id = d.agenda_item_id WHERE t.deleted_at IS NULL"
    );
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    if let Some(m) = &f.meeting_id {
        sql.push_str(" AND a.meeting_id = ?");
        args.push(Box::new(m.clone()));
    }
    if let Some(t) = &f.topic_id {
        sql.push_str(
            " AND (t.topic_id = ? OR t.decision_id IN (SELECT id FROM decisions WHERE topic_id = ? AND deleted_at IS NULL))",
        );
        args.push(Box::new(t.clone()));
        args.push(Box::new(t.clone()));
    }
    if let Some(d) = &f.decision_id {
        sql.push_str(" AND t.decision_id = ?");
        args.push(Box::new(d.clone()));
    }
    if let Some(ids) = &f.ids {
        // One JSON array parameter, however many tasks were ticked.
        sql.push_str(" AND t.id IN (SELECT value FROM json_each(?))");
        args.push(Box::new(serde_json::Value::from(ids.clone()).to_string()));
    }
    if f.open_only || f.overdue_only {
        sql.push_str(" AND t.status <> 'done'");
    }
    if f.overdue_only {
        sql.push_str(" AND t.deadline IS NOT NULL AND t.deadline <> '' AND t.deadline < ?");
        args.push(Box::new(today.to_string()));
    }
    sql.push_str(" ORDER BY t.deadline IS NULL, t.deadline, t.created_at, t.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| task_row(r, today))?;
    rows.collect()
}
