//! The task board (per meeting, per topic, or all) and the figures on the home screen.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::FollowUpError;
use crate::decisions::{self, Task, TaskFilter, TaskStatus};
use crate::topics::TopicStatus;

/// “Due soon” on the home screen: the deadline is today or within this many days.
pub const DUE_SOON_DAYS: u64 = 3;

/// Which tasks the board shows; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BoardFilter {
    pub meeting_id: Option<String>,
    pub topic_id: Option<String>,
    /// Only the tasks of this unit (承办单位) / person in charge, as stored.
    pub responsible_unit: Option<String>,
    pub person_in_charge: Option<String>,
    /// Also show finished tasks (and the tasks of finished topics).
    pub include_done: bool,
}

/// One line of the task board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardTask {
    #[serde(flatten)]
    pub task: Task,
    pub topic_title: Option<String>,
    pub topic_status: Option<TopicStatus>,
    pub meeting_id: Option<String>,
    pub meeting_title: Option<String>,
    /// Days past the deadline (0 when not overdue).
    pub days_overdue: i64,
    /// Not done, not overdue, and due within [`DUE_SOON_DAYS`] days.
    pub due_soon: bool,
    pub note_count: i64,
    /// The deadline the meeting set, when it has been extended since.
    pub first_deadline: Option<NaiveDate>,
    /// The newest note's day and text, for the board's “最新进展” column.
    pub last_note: Option<(NaiveDate, String)>,
}

/// The home screen's follow-up figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct HomeCounts {
    /// Tasks not done (of topics still open).
    pub open: usize,
    pub overdue: usize,
    /// Due today or within [`DUE_SOON_DAYS`] days, not overdue.
    pub due_soon: usize,
    pub blocked: usize,
    /// Topics whose work is done and that wait for 民事民评.
    pub awaiting_evaluation: i64,
    /// Open tasks past the deadline the meeting set that are not overdue only because it was
    /// extended: the overdue count does not hide them.
    pub extended_past_first_deadline: usize,
}

/// Tasks for the board, soonest deadline first (overdue ones therefore on top).
pub fn board(conn: &Connection, filter: &BoardFilter, today: NaiveDate) -> Result<Vec<BoardTask>, FollowUpError> {
    let f = TaskFilter {
        meeting_id: filter.meeting_id.clone(),
        topic_id: filter.topic_id.clone(),
        open_only: !filter.include_done,
        ..TaskFilter::default()
    };
    let mut lines = Vec::new();
    let wanted = |want: &Option<String>, have: &str| want.as_deref().is_none_or(|w| w.trim().is_empty() || w == have);
    for task in decisions::tasks(conn, &f, today)? {
        if !wanted(&filter.responsible_unit, &task.responsible_unit)
            || !wanted(&filter.person_in_charge, &task.person_in_charge)
        {
            continue;
        }
        let line = enrich(conn, task, today)?;
        let finished_topic = line.topic_status.is_some_and(|s| !s.is_open());
        if filter.include_done || !finished_topic {
            lines.push(line);
        }
    }
    Ok(lines)
}

/// Overdue, due soon, blocked and open task counts, and topics waiting for evaluation.
pub fn home_counts(conn: &Connection, today: NaiveDate) -> Result<HomeCounts, FollowUpError> {
    let open = board(conn, &BoardFilter::default(), today)?;
    let awaiting_evaluation = conn.query_row(
        "SELECT count(*) FROM topics WHERE status = ?1 AND deleted_at IS NULL",
        [TopicStatus::AwaitingEvaluation.as_str()],
        |r| r.get(0),
    )?;
    Ok(HomeCounts {
        open: open.len(),
        overdue: open.iter().filter(|l| l.task.overdue).count(),
        due_soon: open.iter().filter(|l| l.due_soon).count(),
        blocked: open.iter().filter(|l| l.task.status == TaskStatus::Blocked).count(),
        awaiting_evaluation,
        extended_past_first_deadline: open
            .iter()
            .filter(|l| !l.task.overdue && l.task.status != TaskStatus::Done)
            .filter(|l| l.first_deadline.is_some_and(|d| d < today))
            .count(),
    })
}

/// Whether an unfinished task is due today or in the next few days (and not yet overdue).
pub(super) fn is_due_soon(task: &Task, today: NaiveDate) -> bool {
    let horizon = today.checked_add_days(Days::new(DUE_SOON_DAYS)).unwrap_or(today);
    task.status != TaskStatus::Done && task.deadline.is_some_and(|d| d >= today && d <= horizon)
}

fn enrich(conn: &Connection, task: Task, today: NaiveDate) -> Result<BoardTask, FollowUpError> {
    let (topic_title, topic_status, meeting_id, meeting_title) = conn.query_row(
        "SELECT tp.title, tp.status, m.id, m.title FROM tasks t LEFT JOIN topics tp ON tp.id = t.topic_id \
         LEFT JOIN decisions d ON d.id = t.decision_id LEFT JOIN agenda_items a ON a.id = d.agenda_item_id \
         LEFT JOIN meetings m ON m.id = a.meeting_id WHERE t.id = ?1",
        [&task.id],
        |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<String>>(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let (note_count, last_note) = last_note(conn, &task.id)?;
    let days_overdue = match task.deadline {
        Some(d) if task.overdue => (today - d).num_days(),
        _ => 0,
    };
    Ok(BoardTask {
        due_soon: is_due_soon(&task, today),
        topic_title,
        topic_status: topic_status.as_deref().and_then(TopicStatus::parse),
        meeting_id,
        meeting_title,
        days_overdue,
        first_deadline: super::changes::first_deadline(conn, &task.id)?,
        note_count,
        last_note,
        task,
    })
}

fn last_note(conn: &Connection, task_id: &str) -> Result<(i64, Option<(NaiveDate, String)>), FollowUpError> {
    let count: i64 =
        conn.query_row("SELECT count(*) FROM task_notes WHERE task_id = ?1 AND deleted_at IS NULL", [task_id], |r| {
            r.get(0)
        })?;
    let last = super::repo::latest_note(conn, task_id)?
        .and_then(|(at, text)| NaiveDate::parse_from_str(&at, "%Y-%m-%d").ok().map(|d| (d, text)));
    Ok((count, last))
}
