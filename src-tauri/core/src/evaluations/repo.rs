//! SQL for evaluations. The survey day is stored as the calendar day given (YYYY-MM-DD).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{EvalMethod, Evaluation, NewEvaluation, Satisfaction};
use crate::ids::{new_id, now_utc};
use crate::store::{day_col, parse_col};

pub(super) fn task_topic(conn: &Connection, task_id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT topic_id FROM tasks WHERE id = ?1 AND deleted_at IS NULL", [task_id], |r| r.get(0))
        .optional()
        .map(Option::flatten)
}

pub(super) fn insert(conn: &Connection, e: &NewEvaluation, evaluator: &str, comment: &str) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO evaluations (id, topic_id, task_id, satisfied, basically_satisfied, unsatisfied, method, \
         evaluator, comment, evaluated_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            id, e.topic_id, e.task_id, e.satisfied, e.basically_satisfied, e.unsatisfied, e.method.as_str(),
            evaluator, comment, e.date.to_string(), now_utc()
        ],
    )?;
    Ok(id)
}

const COLUMNS: &str = "id, topic_id, task_id, satisfied, basically_satisfied, unsatisfied, method, evaluator, \
    comment, evaluated_at";

fn row(r: &Row) -> rusqlite::Result<Evaluation> {
    Ok(Evaluation {
        id: r.get(0)?,
        topic_id: r.get(1)?,
        task_id: r.get(2)?,
        satisfaction: Satisfaction::new(count(r, 3)?, count(r, 4)?, count(r, 5)?),
        method: parse_col(r, 6, EvalMethod::parse)?,
        evaluator: r.get(7)?,
        comment: r.get(8)?,
        date: day_col(r, 9)?,
    })
}

/// A survey count (never negative: the table checks it).
fn count(r: &Row, i: usize) -> rusqlite::Result<u64> {
    Ok(u64::from(r.get::<_, u32>(i)?))
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Evaluation> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM evaluations WHERE id = ?1"), [id], row)
}

pub(super) fn for_topic(conn: &Connection, topic_id: &str) -> rusqlite::Result<Vec<Evaluation>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM evaluations WHERE topic_id = ?1 AND deleted_at IS NULL \
         ORDER BY evaluated_at DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map([topic_id], row)?;
    rows.collect()
}
