//! 决事 → 办事: what a meeting decided on an agenda item, and the tasks each decision creates.
//!
//! `decisions` owns the `decisions` and `tasks` tables and keeps the search index in step for
//! decisions ([`DocKind::Decision`]: the text and its tasks). A decision is either to act (it may
//! create tasks: 自办 / 承办 / 共办, a responsible unit, a person in charge, a deadline) or “not
//! to act” (the topic then closes with the decision as its reason when the meeting closes — that
//! move belongs to `proceedings::close`). Decisions and tasks are written only while the meeting is
//! not closed (asked of `meetings`). Progress notes, status changes and evaluation of tasks
//! belong to the follow-up (办理) module; here tasks are created and listed, with an overdue flag
//! computed against a `today` the caller passes (so tests control the clock).

mod error;
mod kinds;
mod repo;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use error::DecisionError;
pub use kinds::{TaskMode, TaskStatus};

use crate::meetings::{self, AgendaItem, Meeting};
use crate::search::{self, DocKind, SearchDoc};
use crate::time;
use crate::validate::{free_text, optional_line, required_line, FieldError, TITLE_MAX};

/// What the decision form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewDecision {
    pub text: String,
    /// false: decided not to act (the topic closes with this text as the reason).
    pub act: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub id: String,
    pub agenda_item_id: String,
    pub topic_id: Option<String>,
    pub text: String,
    pub act: bool,
    pub created_at: String,
    pub tasks: Vec<Task>,
}

/// What the task form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewTask {
    pub title: String,
    pub mode: TaskMode,
    #[serde(default)]
    pub responsible_unit: String,
    #[serde(default)]
    pub person_in_charge: String,
    /// 限时办结; None for work without a date (it is never overdue).
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: String,
    pub decision_id: Option<String>,
    pub topic_id: Option<String>,
    pub title: String,
    pub mode: TaskMode,
    pub responsible_unit: String,
    pub person_in_charge: String,
    pub deadline: Option<NaiveDate>,
    pub status: TaskStatus,
    pub done_at: Option<String>,
    /// The deadline has passed (before `today`) and the task is not done.
    pub overdue: bool,
}

/// Which tasks to list; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TaskFilter {
    pub meeting_id: Option<String>,
    /// The tasks of a topic: its own and those of the decisions taken on it.
    pub topic_id: Option<String>,
    pub decision_id: Option<String>,
    /// Exactly these tasks (those ticked on the task board).
    pub ids: Option<Vec<String>>,
    /// Leave out tasks that are done.
    pub open_only: bool,
    pub overdue_only: bool,
}

/// Overdue: the deadline was before today and the work is not done. Due today is not overdue.
pub fn is_overdue(deadline: Option<NaiveDate>, status: TaskStatus, today: NaiveDate) -> bool {
    status != TaskStatus::Done && deadline.is_some_and(|d| d < today)
}

fn check_text(text: &str) -> Result<String, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::Empty { field: "决定内容" });
    }
    free_text("决定内容", text.trim())
}

/// Records a decision on an agenda item (its topic, if any, goes with it).
pub fn add(tx: &Transaction, agenda_item_id: &str, new: &NewDecision) -> Result<Decision, DecisionError> {
    let (item, meeting) = meetings::editable_item(tx, agenda_item_id)?;
    let text = check_text(&new.text)?;
    let id = repo::insert(tx, &item, &text, new.act)?;
    after_write(tx, &id, &item, &meeting)
}

/// Corrects a decision's text or whether it acts (not to “not to act” once it has tasks).
pub fn update(tx: &Transaction, id: &str, new: &NewDecision) -> Result<Decision, DecisionError> {
    let old = get(tx, id)?;
    let (item, meeting) = meetings::editable_item(tx, &old.agenda_item_id)?;
    let text = check_text(&new.text)?;
    if !new.act && !old.tasks.is_empty() {
        return Err(DecisionError::HasTasks { tasks: old.tasks.len() });
    }
    repo::update(tx, id, &text, new.act)?;
    after_write(tx, id, &item, &meeting)
}

/// Adds a task to a decision to act.
pub fn add_task(tx: &Transaction, decision_id: &str, new: &NewTask) -> Result<Task, DecisionError> {
    let decision = get(tx, decision_id)?;
    let (item, meeting) = meetings::editable_item(tx, &decision.agenda_item_id)?;
    insert_task(tx, decision, &item, &meeting, new)
}

/// A task added to a decision after its meeting closed, without reopening the minutes; only
/// `followup::add_task_after_meeting` calls it, which records who added it and why.
pub fn add_task_after_close(tx: &Transaction, decision_id: &str, new: &NewTask) -> Result<Task, DecisionError> {
    let decision = get(tx, decision_id)?;
    let (item, meeting) = meetings::closed_item(tx, &decision.agenda_item_id)?;
    insert_task(tx, decision, &item, &meeting, new)
}

fn insert_task(
    tx: &Transaction,
    decision: Decision,
    item: &AgendaItem,
    meeting: &Meeting,
    new: &NewTask,
) -> Result<Task, DecisionError> {
    let decision_id = decision.id.as_str();
    if !decision.act {
        return Err(DecisionError::NoActNoTasks);
    }
    let title = required_line("任务名称", &new.title, TITLE_MAX)?;
    let unit = optional_line("责任单位", &new.responsible_unit, 100)?;
    let person = optional_line("责任人", &new.person_in_charge, 50)?;
    let zone = crate::community::zone(tx)?;
    let today = zone.today();
    if let Some(deadline) = new.deadline {
        time::check_range("限时办结", deadline, today).map_err(FieldError::from)?;
        let meeting_day = zone.date_or_today(&meeting.starts_at);
        time::check_not_before("限时办结", deadline, "会议日期", meeting_day).map_err(FieldError::from)?;
    }
    let checked =
        NewTask { title, mode: new.mode, responsible_unit: unit, person_in_charge: person, deadline: new.deadline };
    let task_id = repo::insert_task(tx, &decision, &checked)?;
    after_write(tx, decision_id, item, meeting)?;
    repo::task(tx, &task_id, today)?.ok_or(DecisionError::NotFound { id: task_id })
}

/// A decision with its tasks (overdue as of the community's today).
pub fn get(conn: &Connection, id: &str) -> Result<Decision, DecisionError> {
    let mut d = repo::get(conn, id)?.ok_or_else(|| DecisionError::NotFound { id: id.to_string() })?;
    d.tasks = repo::tasks_of_decision(conn, id, crate::community::today(conn)?)?;
    Ok(d)
}

/// The decisions taken on an agenda item, with their tasks, oldest first.
pub fn for_item(conn: &Connection, agenda_item_id: &str, today: NaiveDate) -> Result<Vec<Decision>, DecisionError> {
    let mut list = repo::for_item(conn, agenda_item_id)?;
    for d in &mut list {
        d.tasks = repo::tasks_of_decision(conn, &d.id, today)?;
    }
    Ok(list)
}

/// Tasks by filter: soonest deadline first (no deadline last).
pub fn tasks(conn: &Connection, filter: &TaskFilter, today: NaiveDate) -> Result<Vec<Task>, DecisionError> {
    Ok(repo::tasks(conn, filter, today)?)
}

/// How many tasks are overdue (the figure on the home screen).
pub fn overdue_count(conn: &Connection, today: NaiveDate) -> Result<usize, DecisionError> {
    let filter = TaskFilter { overdue_only: true, ..TaskFilter::default() };
    Ok(repo::tasks(conn, &filter, today)?.len())
}

fn after_write(tx: &Transaction, id: &str, item: &AgendaItem, meeting: &Meeting) -> Result<Decision, DecisionError> {
    let decision = get(tx, id)?;
    search::upsert(tx, &search_doc(crate::community::zone(tx)?, &decision, &item.title, &meeting.starts_at))?;
    Ok(decision)
}

/// Every decision as the search index holds it (its text, then one line per task), for
/// rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, DecisionError> {
    let zone = crate::community::zone(conn)?;
    let mut docs = Vec::new();
    for (id, item_title, starts_at) in repo::all_with_item(conn)? {
        docs.push(search_doc(zone, &get(conn, &id)?, &item_title, &starts_at));
    }
    Ok(docs)
}

fn search_doc(zone: crate::time::Zone, d: &Decision, item_title: &str, starts_at: &str) -> SearchDoc {
    let mut body = d.text.clone();
    for t in &d.tasks {
        body.push_str(&format!("\n{}（{}，{}）", t.title, t.mode.label(), t.responsible_unit));
    }
    SearchDoc {
        kind: DocKind::Decision,
        record_id: d.id.clone(),
        title: item_title.to_string(),
        body,
        date: zone.date_or_today(starts_at),
    }
}

/// Decisions of the meeting's items in agenda order, for closing: (topic id, act, text).
pub(crate) fn topic_decisions(conn: &Connection, meeting_id: &str) -> rusqlite::Result<Vec<(String, bool, String)>> {
    repo::topic_decisions(conn, meeting_id)
}

/// The tasks of one decision, overdue as of `today` (for the follow-up item).
pub(crate) fn tasks_of_decision(conn: &Connection, decision_id: &str, today: NaiveDate) -> rusqlite::Result<Vec<Task>> {
    repo::tasks_of_decision(conn, decision_id, today)
}

#[cfg(test)]
mod tests;
