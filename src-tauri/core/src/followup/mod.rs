//! 办事 (落实): carrying out the tasks a meeting decided, and moving their topic along.
//!
//! `followup` owns the `task_notes` table and every change of a task's status after the meeting
//! created it (`decisions` owns creating tasks). A status change or a progress note (date, text,
//! optional photos through `attachments`, owner kind `task_note`) is one transaction that also
//! keeps the topic in step, through `topics::move_to` (so the topic's timeline shows why):
//! - the first task of a 已议定 topic that starts (any status but 未开始) → 办理中;
//! - every task of the topic 已完成 → 待评价 (both steps at once if needed);
//! - a task of a 待评价 topic reopened (by a note or a poor evaluation) → back to 办理中.
//!
//! Every status change also writes a note (“状态改为……”), so a task's history is its notes.
//! 受阻 must say why. The task board and the home-screen counts leave out the tasks of topics
//! that are finished (办结, 上报, …): that work is no longer followed up. Evaluation (`evaluations`)
//! and printing the 落实情况公示 (`notices`) are left to others.

mod board;
mod changes;
mod error;
mod repo;
mod sync;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use board::{board, home_counts, BoardFilter, BoardTask, HomeCounts, DUE_SOON_DAYS};
pub use changes::{add_task_after_meeting, changes, extend_deadline, reassign, TaskChange};
pub use error::FollowUpError;

use crate::attachments::{self, Attachment, OwnerKind};
use crate::decisions::{self, Task, TaskStatus};
use crate::search::{self, DocKind, SearchDoc};
use crate::topics::TopicMove;
use crate::validate::{free_text, FieldError};

/// A photo sent with a note (before / after the work).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewPhoto {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What the progress-note form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewNote {
    /// The day the work was done or checked (not after today).
    pub date: NaiveDate,
    pub text: String,
    /// Also move the task to this status (the note is then the reason).
    #[serde(default)]
    pub status: Option<TaskStatus>,
    #[serde(default)]
    pub photos: Vec<NewPhoto>,
    /// Photos the form stored as drafts under this key before the note existed.
    #[serde(default)]
    pub draft_key: Option<String>,
}

/// One progress note with its photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskNote {
    pub id: String,
    pub task_id: String,
    pub date: NaiveDate,
    pub text: String,
    pub created_at: String,
    pub photos: Vec<Attachment>,
}

/// What a follow-up write did, for the confirmation the secretary sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpReport {
    pub task: Task,
    pub note: TaskNote,
    /// How the task's topic moved because of this change (empty if it did not).
    pub topic_moves: Vec<TopicMove>,
}

/// Changes a task's status (受阻 needs a reason); a note records the change.
pub fn set_status(
    tx: &Transaction,
    task_id: &str,
    status: TaskStatus,
    reason: &str,
    today: NaiveDate,
    actor: &str,
) -> Result<FollowUpReport, FollowUpError> {
    let note =
        NewNote { date: today, text: reason.to_string(), status: Some(status), photos: Vec::new(), draft_key: None };
    write(tx, task_id, &note, today, actor, true)
}

/// Adds a progress note (text required); with `status` it also moves the task.
pub fn add_note(
    tx: &Transaction,
    task_id: &str,
    new: &NewNote,
    today: NaiveDate,
    actor: &str,
) -> Result<FollowUpReport, FollowUpError> {
    write(tx, task_id, new, today, actor, false)
}

fn write(
    tx: &Transaction,
    task_id: &str,
    new: &NewNote,
    today: NaiveDate,
    actor: &str,
    status_required: bool,
) -> Result<FollowUpReport, FollowUpError> {
    let head = repo::head(tx, task_id)?.ok_or_else(|| FollowUpError::TaskNotFound { id: task_id.to_string() })?;
    if new.date > today {
        return Err(FollowUpError::DateInFuture { date: new.date });
    }
    crate::time::check_range("日期", new.date, today).map_err(FieldError::from)?;
    let text = free_text("办理情况", new.text.trim())?;
    let change = new.status.filter(|s| *s != head.status || status_required);
    if let Some(to) = change {
        if to == head.status {
            return Err(FollowUpError::Unchanged { status: to });
        }
        if to == TaskStatus::Blocked && text.is_empty() {
            return Err(FollowUpError::BlockedNeedsReason);
        }
    } else if text.is_empty() {
        return Err(FieldError::Empty { field: "办理情况" }.into());
    }
    let note_text = match change {
        Some(to) => status_line(head.status, to, &text),
        None => text.clone(),
    };
    let note_id = repo::insert_note(tx, task_id, new.date, &note_text)?;
    attach_photos(tx, &note_id, new)?;
    let mut topic_moves = Vec::new();
    if let Some(to) = change {
        repo::set_status(tx, task_id, to)?;
        if let Some(topic_id) = &head.topic_id {
            topic_moves = sync::sync_topic(tx, topic_id, &head.title, to, &text, actor)?;
        }
    }
    let mut report = after_note(tx, task_id, &note_id, today)?;
    report.topic_moves = topic_moves;
    Ok(report)
}

/// Indexes a note just written and reports the task as it now stands.
fn after_note(
    tx: &Transaction,
    task_id: &str,
    note_id: &str,
    today: NaiveDate,
) -> Result<FollowUpReport, FollowUpError> {
    let head = repo::head(tx, task_id)?.ok_or_else(|| FollowUpError::TaskNotFound { id: task_id.to_string() })?;
    let note = get_note(tx, note_id)?;
    search::upsert(tx, &search_doc(&head.title, &note))?;
    Ok(FollowUpReport { task: task(tx, task_id, today)?, note, topic_moves: Vec::new() })
}

/// “状态由“未开始”改为“受阻”：……” — the note that keeps a status change in the task's history.
fn status_line(from: TaskStatus, to: TaskStatus, text: &str) -> String {
    let line = format!("状态由“{}”改为“{}”", from.label(), to.label());
    if text.is_empty() {
        format!("{line}。")
    } else {
        format!("{line}：{text}")
    }
}

fn attach_photos(tx: &Transaction, note_id: &str, new: &NewNote) -> Result<(), FollowUpError> {
    for p in &new.photos {
        attachments::add_image(tx, OwnerKind::TaskNote, note_id, &p.file_name, &p.bytes)?;
    }
    if let Some(key) = new.draft_key.as_deref().filter(|k| !k.trim().is_empty()) {
        attachments::claim_drafts(tx, key, OwnerKind::TaskNote, note_id)?;
    }
    Ok(())
}

/// A task as the board shows it, overdue as of `today`.
pub fn task(conn: &Connection, task_id: &str, today: NaiveDate) -> Result<Task, FollowUpError> {
    let missing = || FollowUpError::TaskNotFound { id: task_id.to_string() };
    let head = repo::head(conn, task_id)?.ok_or_else(missing)?;
    // Tasks are always created under a decision; its list is the one place a Task is built.
    let decision_id = head.decision_id.ok_or_else(missing)?;
    decisions::tasks_of_decision(conn, &decision_id, today)?.into_iter().find(|t| t.id == task_id).ok_or_else(missing)
}

/// The notes of a task with their photos, newest first.
pub fn notes(conn: &Connection, task_id: &str) -> Result<Vec<TaskNote>, FollowUpError> {
    let mut list = repo::notes(conn, task_id)?;
    for n in &mut list {
        n.photos = attachments::list(conn, OwnerKind::TaskNote, &n.id)?;
    }
    Ok(list)
}

/// The text of a task's newest note, as the 落实情况公示 prints it beside the status.
pub fn latest_note_text(conn: &Connection, task_id: &str) -> Result<Option<String>, FollowUpError> {
    Ok(repo::latest_note(conn, task_id)?.map(|(_, text)| text))
}

fn get_note(conn: &Connection, id: &str) -> Result<TaskNote, FollowUpError> {
    let mut note = repo::note(conn, id)?;
    note.photos = attachments::list(conn, OwnerKind::TaskNote, id)?;
    Ok(note)
}

/// Every task note as the search index holds it, for rebuilding the index (archive import).
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, FollowUpError> {
    let mut stmt = conn.prepare(
        "SELECT n.id, t.title FROM task_notes n JOIN tasks t ON t.id = n.task_id WHERE n.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut docs = Vec::new();
    for row in rows {
        let (id, title) = row?;
        docs.push(search_doc(&title, &repo::note(conn, &id)?));
    }
    Ok(docs)
}

fn search_doc(task_title: &str, note: &TaskNote) -> SearchDoc {
    SearchDoc {
        kind: DocKind::TaskNote,
        record_id: note.id.clone(),
        title: task_title.to_string(),
        body: note.text.clone(),
        date: note.date,
    }
}

#[cfg(test)]
mod changes_tests;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
pub(crate) mod tests;
