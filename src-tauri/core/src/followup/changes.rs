//! Tasks that change after the meeting: a deadline extended, the unit or person reassigned. Each
//! change keeps the old and new value and the reason (`task_changes`) and writes a note, so the
//! task's history shows it; the board and the home counts stay honest about extensions.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::{repo, task, FollowUpError, FollowUpReport};
use crate::decisions::{self, NewTask, TaskStatus};
use crate::ids::{new_id, now_utc};
use crate::time::{check_range, chinese_date};
use crate::topics::{self, TopicMove, TopicStatus};
use crate::validate::{free_text, optional_line, required_line, FieldError};

/// One change of a task, oldest first in [`changes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskChange {
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub reason: String,
    pub actor: String,
    pub at: String,
}

/// Moves a task's deadline later (限时办结 slips): the first deadline stays on record.
pub fn extend_deadline(
    tx: &Transaction,
    task_id: &str,
    new_deadline: NaiveDate,
    reason: &str,
    today: NaiveDate,
    actor: &str,
) -> Result<FollowUpReport, FollowUpError> {
    let before = open_task(tx, task_id, today)?;
    let reason = reason_of(reason, "延期原因")?;
    check_range("新的完成时限", new_deadline, today).map_err(FieldError::from)?;
    if new_deadline < today {
        return Err(FollowUpError::DeadlineInPast { date: new_deadline });
    }
    if let Some(old) = before.deadline.filter(|old| new_deadline <= *old) {
        return Err(FollowUpError::NotLater { old, new: new_deadline });
    }
    let old = before.deadline.map(|d| d.to_string()).unwrap_or_default();
    record(tx, task_id, "deadline", &old, &new_deadline.to_string(), &reason, actor)?;
    tx.execute(
        "UPDATE tasks SET deadline = ?2, updated_at = ?3 WHERE id = ?1",
        params![task_id, new_deadline.to_string(), now_utc()],
    )?;
    let from = before.deadline.map_or("未定".to_string(), chinese_date);
    let line = format!("完成时限由{from}延至{}：{reason}", chinese_date(new_deadline));
    noted(tx, task_id, &line, today)
}

/// Gives a task to another unit and/or person in charge.
pub fn reassign(
    tx: &Transaction,
    task_id: &str,
    unit: &str,
    person: &str,
    reason: &str,
    today: NaiveDate,
    actor: &str,
) -> Result<FollowUpReport, FollowUpError> {
    let before = open_task(tx, task_id, today)?;
    let unit = optional_line("承办单位", unit, 50)?;
    let person = optional_line("负责人", person, 50)?;
    let reason = reason_of(reason, "调整原因")?;
    let mut parts = Vec::new();
    if unit != before.responsible_unit {
        record(tx, task_id, "responsible_unit", &before.responsible_unit, &unit, &reason, actor)?;
        parts.push(format!("承办单位由“{}”改为“{unit}”", before.responsible_unit));
    }
    if person != before.person_in_charge {
        record(tx, task_id, "person_in_charge", &before.person_in_charge, &person, &reason, actor)?;
        parts.push(format!("负责人由“{}”改为“{person}”", before.person_in_charge));
    }
    if parts.is_empty() {
        return Err(FollowUpError::NothingReassigned);
    }
    tx.execute(
        "UPDATE tasks SET responsible_unit = ?2, person_in_charge = ?3, updated_at = ?4 WHERE id = ?1",
        params![task_id, unit, person, now_utc()],
    )?;
    noted(tx, task_id, &format!("{}：{reason}", parts.join("，")), today)
}

/// Adds a task to a decision after its meeting closed (散会), with who added it and why; a topic
/// that was waiting for its evaluation has work again (→ 办理中).
pub fn add_task_after_meeting(
    tx: &Transaction,
    decision_id: &str,
    new: &NewTask,
    reason: &str,
    today: NaiveDate,
    actor: &str,
) -> Result<FollowUpReport, FollowUpError> {
    let reason = reason_of(reason, "增补原因")?;
    let added = decisions::add_task_after_close(tx, decision_id, new)?;
    record(tx, &added.id, "added", "", &added.title, &reason, actor)?;
    let mut topic_moves = Vec::new();
    if let Some(topic_id) = &added.topic_id {
        if topics::get(tx, topic_id)?.status == TopicStatus::AwaitingEvaluation {
            let note = format!("会后增补任务“{}”：{reason}", added.title);
            let t = topics::move_to(tx, topic_id, TopicStatus::InProgress, actor, &note)?;
            topic_moves.push(TopicMove { topic_id: t.id, title: t.title, to: t.status });
        }
    }
    let mut report = noted(tx, &added.id, &format!("会后增补（{actor}）：{reason}"), today)?;
    report.topic_moves = topic_moves;
    Ok(report)
}

/// The changes of a task, oldest first.
pub fn changes(conn: &Connection, task_id: &str) -> Result<Vec<TaskChange>, FollowUpError> {
    let mut stmt = conn.prepare(
        "SELECT field, old_value, new_value, reason, actor, created_at FROM task_changes \
         WHERE task_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([task_id], |r| {
        Ok(TaskChange {
            field: r.get(0)?,
            old_value: r.get(1)?,
            new_value: r.get(2)?,
            reason: r.get(3)?,
            actor: r.get(4)?,
            at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The deadline the meeting set, when it has been extended since (None: never extended).
pub(super) fn first_deadline(conn: &Connection, task_id: &str) -> Result<Option<NaiveDate>, FollowUpError> {
    let first: Option<String> = conn
        .query_row(
            "SELECT old_value FROM task_changes WHERE task_id = ?1 AND field = 'deadline' AND deleted_at IS NULL \
             ORDER BY created_at, id LIMIT 1",
            [task_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(first.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
}

fn open_task(tx: &Transaction, task_id: &str, today: NaiveDate) -> Result<crate::decisions::Task, FollowUpError> {
    let t = task(tx, task_id, today)?;
    if t.status == TaskStatus::Done {
        return Err(FollowUpError::TaskDone);
    }
    Ok(t)
}

fn reason_of(reason: &str, field: &'static str) -> Result<String, FollowUpError> {
    let reason = free_text(field, reason.trim())?;
    if reason.is_empty() {
        return Err(FieldError::Empty { field }.into());
    }
    Ok(reason)
}

fn record(
    tx: &Transaction,
    task_id: &str,
    field: &str,
    old: &str,
    new: &str,
    reason: &str,
    actor: &str,
) -> Result<(), FollowUpError> {
    let actor = required_line("记录人", actor, 50)?;
    tx.execute(
        "INSERT INTO task_changes (id, task_id, field, old_value, new_value, reason, actor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![new_id(), task_id, field, old, new, reason, actor, now_utc()],
    )?;
    Ok(())
}

/// The note that keeps the change in the task's history, and the report of the write.
fn noted(tx: &Transaction, task_id: &str, line: &str, today: NaiveDate) -> Result<FollowUpReport, FollowUpError> {
    let note_id = repo::insert_note(tx, task_id, today, line)?;
    super::after_note(tx, task_id, &note_id, today)
}
