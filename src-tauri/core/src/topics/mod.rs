//! 点事 · 提事: topics residents raise, and their life cycle.
//!
//! `topics` owns the `topics` and `topic_events` tables: intake, editing (which keeps history in
//! the timeline), the review actions (accept, done on the spot, escalate, merge, reject) and every
//! later move along the life cycle ([`TopicStatus`]). Each change writes one `topic_events` row
//! in the same transaction, and keeps the search index in step. Meetings, decisions and tasks
//! call [`move_to`] to move topics along; they own their own tables.

mod error;
mod intake;
mod kinds;
mod repo;
mod similar;
mod status;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use error::TopicError;
pub use intake::{register, register_into};
pub use kinds::{Channel, HandlingClass, Scale};
pub use similar::similar_open;
pub use status::TopicStatus;

use crate::ids::{new_id, now_utc};
use crate::search::{self, DocKind, SearchDoc};
use crate::time::Zone;
use crate::validate::{free_text, optional_line, required_line, FieldError, TITLE_MAX};

/// What the intake form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewTopic {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub channel: Channel,
    #[serde(default)]
    pub raised_by_person_id: Option<String>,
    #[serde(default)]
    pub raised_by_name: String,
    #[serde(default)]
    pub raised_by_phone: String,
    /// RFC 3339; empty or absent means now.
    #[serde(default)]
    pub raised_at: Option<String>,
    #[serde(default)]
    pub place_id: Option<String>,
    #[serde(default)]
    pub category_id: Option<String>,
    pub handling_class: HandlingClass,
    pub scale: Scale,
}

/// A topic moved along its life cycle by another record's workflow (a meeting closed, a task
/// started or finished), for the confirmation the secretary sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicMove {
    pub topic_id: String,
    pub title: String,
    pub to: TopicStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub description: String,
    pub channel: Channel,
    pub raised_by_person_id: Option<String>,
    pub raised_by_name: String,
    pub raised_by_phone: String,
    pub raised_at: String,
    pub place_id: Option<String>,
    pub category_id: Option<String>,
    pub handling_class: HandlingClass,
    pub scale: Scale,
    pub status: TopicStatus,
    pub merged_into_id: Option<String>,
    pub status_note: String,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of a topic's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicEvent {
    pub id: String,
    pub topic_id: String,
    pub actor: String,
    pub at: String,
    pub from_status: Option<TopicStatus>,
    pub to_status: TopicStatus,
    pub note: String,
}

/// Filters of the topic list; empty fields do not filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TopicFilter {
    pub statuses: Vec<TopicStatus>,
    pub category_id: Option<String>,
    pub place_id: Option<String>,
    pub channel: Option<Channel>,
    /// Raised on or after this local date.
    pub from: Option<NaiveDate>,
    /// Raised on or before this local date.
    pub to: Option<NaiveDate>,
}

struct Checked {
    title: String,
    description: String,
    raised_by_name: String,
    raised_by_phone: String,
    raised_at: String,
}

fn check(conn: &Connection, new: &NewTopic) -> Result<Checked, TopicError> {
    let raised_at = match new.raised_at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => now_utc(),
        // A wall-clock time as typed is in the community's zone, not the laptop's.
        Some(s) => {
            let zone = crate::community::zone(conn)?;
            zone.instant_of_local(s, "提出时间", zone.today()).map_err(FieldError::from)?
        }
    };
    Ok(Checked {
        title: required_line("议题标题", &new.title, TITLE_MAX)?,
        description: free_text("情况说明", &new.description)?,
        raised_by_name: optional_line("提出人", &new.raised_by_name, 50)?,
        raised_by_phone: crate::validate::phone(&new.raised_by_phone)?,
        raised_at,
    })
}

/// Registers a new topic (status 已收集) and writes the first timeline line.
pub fn create(tx: &Transaction, new: &NewTopic, actor: &str) -> Result<Topic, TopicError> {
    let c = check(tx, new)?;
    let id = new_id();
    let now = now_utc();
    repo::insert(tx, &id, new, &c, &now)?;
    repo::insert_event(tx, &id, actor, None, TopicStatus::Collected, "")?;
    after_write(tx, &id)
}

/// Edits a topic's description fields; the old values are kept in the timeline.
pub fn update(tx: &Transaction, id: &str, new: &NewTopic, actor: &str) -> Result<Topic, TopicError> {
    let old = get(tx, id)?;
    let c = check(tx, new)?;
    repo::update(tx, id, new, &c)?;
    let note = change_note(&old, &c);
    if !note.is_empty() {
        repo::insert_event(tx, id, actor, Some(old.status), old.status, &note)?;
    }
    after_write(tx, id)
}

fn change_note(old: &Topic, c: &Checked) -> String {
    let mut parts = Vec::new();
    if old.title != c.title {
        parts.push(format!("标题原为“{}”", old.title));
    }
    if old.description != c.description {
        parts.push(format!("说明原为“{}”", old.description));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("修改了议题：{}", parts.join("；"))
    }
}

/// Moves a topic one legal step along its life cycle, with a note where the step needs one.
pub fn move_to(tx: &Transaction, id: &str, to: TopicStatus, actor: &str, note: &str) -> Result<Topic, TopicError> {
    let topic = get(tx, id)?;
    if !topic.status.can_move_to(to) || to == TopicStatus::Merged {
        return Err(TopicError::IllegalMove { from: topic.status, to });
    }
    let note = free_text("说明", note.trim())?;
    if note.is_empty() && TopicStatus::needs_note(topic.status, to) {
        return Err(TopicError::NoteRequired { to });
    }
    repo::set_status(tx, id, to, &note, None)?;
    repo::insert_event(tx, id, actor, Some(topic.status), to, &note)?;
    after_write(tx, id)
}

/// Takes a finished topic up again after its follow-through (回访, an escalation's reply): 即办完成
/// → 已审定 as a 代办件 (an unsatisfied 回访), 已上报 → 已审定 (back to the agenda) or → 已办结
/// (the reply settled it). Not a step of [`move_to`]: these states are final for the review
/// screen, and only a recorded 回访 or reply may reopen them. The reason goes to the timeline.
pub fn follow_through(
    tx: &Transaction,
    id: &str,
    to: TopicStatus,
    actor: &str,
    reason: &str,
) -> Result<Topic, TopicError> {
    let topic = get(tx, id)?;
    if !topic.status.can_follow_through_to(to) {
        return Err(TopicError::IllegalMove { from: topic.status, to });
    }
    let reason = free_text("原因", reason.trim())?;
    if reason.is_empty() {
        return Err(TopicError::NoteRequired { to });
    }
    if topic.status == TopicStatus::DoneOnSpot {
        repo::set_handling_class(tx, id, HandlingClass::Community)?;
    }
    repo::set_status(tx, id, to, &reason, None)?;
    repo::insert_event(tx, id, actor, Some(topic.status), to, &reason)?;
    after_write(tx, id)
}

/// Merges a duplicate into another open topic.
pub fn merge(tx: &Transaction, id: &str, into_id: &str, actor: &str) -> Result<Topic, TopicError> {
    if id == into_id {
        return Err(TopicError::MergeIntoItself);
    }
    let topic = get(tx, id)?;
    let target = get(tx, into_id)?;
    if !topic.status.can_move_to(TopicStatus::Merged) {
        return Err(TopicError::IllegalMove { from: topic.status, to: TopicStatus::Merged });
    }
    if !target.status.is_open() {
        return Err(TopicError::MergeTargetClosed { title: target.title, status: target.status });
    }
    let note = format!("并入议题“{}”", target.title);
    repo::set_status(tx, id, TopicStatus::Merged, &note, Some(into_id))?;
    repo::insert_event(tx, id, actor, Some(topic.status), TopicStatus::Merged, &note)?;
    repo::insert_event(
        tx,
        into_id,
        actor,
        Some(target.status),
        target.status,
        &format!("合并了重复议题“{}”", topic.title),
    )?;
    after_write(tx, id)
}

/// Takes back a review decision (受理, 不予受理, 合并, 即办完成, 上报) as long as it is the last
/// thing that happened to the topic: the topic is 已收集 again, and its timeline keeps both the
/// decision and the reversal with its reason (nothing is deleted). A merge is taken back on the
/// topic it went into as well.
pub fn revert_review(tx: &Transaction, id: &str, actor: &str, reason: &str) -> Result<Topic, TopicError> {
    let topic = get(tx, id)?;
    let last = repo::events(tx, id)?.pop();
    let decided_from_collected =
        last.is_some_and(|e| e.from_status == Some(TopicStatus::Collected) && e.to_status == topic.status);
    if !is_review_decision(topic.status) || !decided_from_collected {
        return Err(TopicError::NotRevertible { status: topic.status });
    }
    let reason = free_text("撤回原因", reason.trim())?;
    if reason.is_empty() {
        return Err(TopicError::RevertReasonRequired);
    }
    if let Some(target) = topic.merged_into_id.as_deref().filter(|_| topic.status == TopicStatus::Merged) {
        let into = get(tx, target)?;
        let note = format!("撤回了合并：“{}”不再并入本议题", topic.title);
        repo::insert_event(tx, target, actor, Some(into.status), into.status, &note)?;
        repo::clear_merge(tx, id)?;
    }
    let note = format!("撤回“{}”：{}", topic.status.action_label(), reason);
    repo::set_status(tx, id, TopicStatus::Collected, "", None)?;
    repo::insert_event(tx, id, actor, Some(topic.status), TopicStatus::Collected, &note)?;
    after_write(tx, id)
}

/// The steps of 待审定 that a collected topic takes in one go.
fn is_review_decision(status: TopicStatus) -> bool {
    use TopicStatus::*;
    matches!(status, Accepted | Rejected | Merged | Escalated | DoneOnSpot)
}

pub fn get(conn: &Connection, id: &str) -> Result<Topic, TopicError> {
    repo::get(conn, id)?.ok_or_else(|| TopicError::NotFound { id: id.to_string() })
}

/// Topics matching the filter, newest first.
pub fn list(conn: &Connection, filter: &TopicFilter) -> Result<Vec<Topic>, TopicError> {
    Ok(repo::list(conn, filter)?)
}

/// 提事: topics waiting for review, urgent first, then oldest first.
pub fn review_queue(conn: &Connection) -> Result<Vec<Topic>, TopicError> {
    Ok(repo::review_queue(conn)?)
}

/// How many topics are in each state (states with none are left out).
pub fn counts_by_status(conn: &Connection) -> Result<Vec<(TopicStatus, i64)>, TopicError> {
    Ok(repo::counts_by_status(conn)?)
}

/// The timeline, oldest first.
pub fn timeline(conn: &Connection, id: &str) -> Result<Vec<TopicEvent>, TopicError> {
    get(conn, id)?;
    Ok(repo::events(conn, id)?)
}

/// Re-reads the topic and keeps the search index in step, inside the same transaction.
fn after_write(tx: &Transaction, id: &str) -> Result<Topic, TopicError> {
    let topic = get(tx, id)?;
    search::upsert(tx, &search_doc(crate::community::zone(tx)?, &topic))?;
    Ok(topic)
}

pub(crate) fn search_doc(zone: Zone, topic: &Topic) -> SearchDoc {
    SearchDoc {
        kind: DocKind::Topic,
        record_id: topic.id.clone(),
        title: topic.title.clone(),
        body: topic.description.clone(),
        date: zone.date_or_today(&topic.raised_at),
    }
}

#[cfg(test)]
mod tests;
