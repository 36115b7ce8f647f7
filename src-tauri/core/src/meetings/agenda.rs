//! The agenda: item 1 is the generated follow-up, then topics and other items in the order the
//! secretary sets. Adding a topic puts it on the agenda in its life cycle; removing it takes it
//! back to 已审定, so it can go on a later meeting's agenda.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{editable_meeting, AgendaKind, MeetingError};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;
use crate::topics::{self, TopicStatus};
use crate::validate::{required_line, TITLE_MAX};

/// The title of the generated item 1.
pub const FOLLOW_UP_TITLE: &str = "上轮议定事项落实情况";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItem {
    pub id: String,
    pub meeting_id: String,
    /// 1, 2, 3… as printed on the notice.
    pub position: i64,
    pub kind: AgendaKind,
    pub topic_id: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

const COLUMNS: &str = "id, meeting_id, position, kind, topic_id, title";

pub(super) fn insert_follow_up(tx: &Transaction, meeting_id: &str) -> Result<AgendaItem, MeetingError> {
    insert(tx, meeting_id, AgendaKind::FollowUp, None, FOLLOW_UP_TITLE)
}

/// Puts an accepted topic on the agenda (the topic moves to 议事中).
pub fn add_topic(tx: &Transaction, meeting_id: &str, topic_id: &str, actor: &str) -> Result<AgendaItem, MeetingError> {
    let meeting = editable_meeting(tx, meeting_id)?;
    let topic = topics::get(tx, topic_id)?;
    if topic.status != TopicStatus::Accepted {
        return Err(MeetingError::TopicNotAccepted { title: topic.title, status: topic.status });
    }
    let note = format!("列入会议“{}”的议程", meeting.title);
    topics::move_to(tx, topic_id, TopicStatus::OnAgenda, actor, &note)?;
    insert(tx, meeting_id, AgendaKind::Topic, Some(topic_id), &topic.title)
}

/// Adds an item that is not a topic (a briefing, a notice to residents…).
pub fn add_other(tx: &Transaction, meeting_id: &str, title: &str) -> Result<AgendaItem, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let title = required_line("议程名称", title, TITLE_MAX)?;
    insert(tx, meeting_id, AgendaKind::Other, None, &title)
}

/// Takes an item off the agenda; a topic goes back to 已审定. Refused once the item has minutes,
/// speakers, a vote or a decision: those would be hidden with it.
pub fn remove_item(tx: &Transaction, item_id: &str, actor: &str) -> Result<Vec<AgendaItem>, MeetingError> {
    let item = item(tx, item_id)?;
    let meeting = editable_meeting(tx, &item.meeting_id)?;
    if has_records(tx, item_id)? {
        return Err(MeetingError::ItemHasRecords { title: item.title });
    }
    tx.execute("UPDATE agenda_items SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![item_id, now_utc()])?;
    if let Some(topic_id) = &item.topic_id {
        if topics::get(tx, topic_id)?.status == TopicStatus::OnAgenda {
            let note = format!("移出会议“{}”的议程", meeting.title);
            topics::move_to(tx, topic_id, TopicStatus::Accepted, actor, &note)?;
        }
    }
    let ids: Vec<String> = agenda(tx, &item.meeting_id)?.into_iter().map(|i| i.id).collect();
    renumber(tx, &ids)?;
    agenda(tx, &item.meeting_id)
}

/// Swaps an item with its neighbour; the follow-up item stays first. At either end nothing moves.
pub fn move_item(tx: &Transaction, item_id: &str, direction: Direction) -> Result<Vec<AgendaItem>, MeetingError> {
    let item = item(tx, item_id)?;
    editable_meeting(tx, &item.meeting_id)?;
    let mut items = agenda(tx, &item.meeting_id)?;
    let Some(at) = items.iter().position(|i| i.id == item_id) else {
        return Err(MeetingError::ItemNotFound { id: item_id.into() });
    };
    let other = match direction {
        Direction::Up => at.checked_sub(1),
        Direction::Down => Some(at + 1).filter(|n| *n < items.len()),
    };
    if let Some(other) = other {
        items.swap(at, other);
        let ids: Vec<String> = items.into_iter().map(|i| i.id).collect();
        set_order(tx, &item.meeting_id, &ids)?;
    }
    agenda(tx, &item.meeting_id)
}

/// Sets the whole order at once (drag and drop): `ids` must be exactly the meeting's items.
pub fn set_order(tx: &Transaction, meeting_id: &str, ids: &[String]) -> Result<Vec<AgendaItem>, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let items = agenda(tx, meeting_id)?;
    let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut current: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    wanted.sort_unstable();
    current.sort_unstable();
    if wanted != current {
        return Err(MeetingError::OrderMismatch);
    }
    let follow_up = items.iter().find(|i| i.kind == AgendaKind::FollowUp);
    if follow_up.is_some_and(|f| ids.first() != Some(&f.id)) {
        return Err(MeetingError::FollowUpStaysFirst);
    }
    renumber(tx, ids)?;
    agenda(tx, meeting_id)
}

/// The agenda in order.
pub fn agenda(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>, MeetingError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM agenda_items WHERE meeting_id = ?1 AND deleted_at IS NULL \
         ORDER BY position, created_at, id"
    ))?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn item(conn: &Connection, id: &str) -> Result<AgendaItem, MeetingError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM agenda_items WHERE id = ?1 AND deleted_at IS NULL"), [id], from_row)
        .optional()?
        .ok_or_else(|| MeetingError::ItemNotFound { id: id.to_string() })
}

fn insert(
    tx: &Transaction,
    meeting_id: &str,
    kind: AgendaKind,
    topic_id: Option<&str>,
    title: &str,
) -> Result<AgendaItem, MeetingError> {
    let id = new_id();
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?1 AND deleted_at IS NULL",
        [meeting_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO agenda_items (id, meeting_id, position, kind, topic_id, title, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, meeting_id, position, kind.as_str(), topic_id, title, now_utc()],
    )?;
    item(tx, &id)
}

fn renumber(tx: &Transaction, ids: &[String]) -> rusqlite::Result<()> {
    let now = now_utc();
    let mut stmt =
        tx.prepare("UPDATE agenda_items SET position = ?2, updated_at = ?3 WHERE id = ?1 AND position <> ?2")?;
    for (i, id) in ids.iter().enumerate() {
        stmt.execute(params![id, i as i64 + 1, now])?;
    }
    Ok(())
}

fn has_records(conn: &Connection, item_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM minutes WHERE agenda_item_id = ?1 AND text <> '' AND deleted_at IS NULL) \
             OR EXISTS (SELECT 1 FROM speakers WHERE agenda_item_id = ?1 AND deleted_at IS NULL) \
             OR EXISTS (SELECT 1 FROM votes WHERE agenda_item_id = ?1 AND deleted_at IS NULL) \
             OR EXISTS (SELECT 1 FROM decisions WHERE agenda_item_id = ?1 AND deleted_at IS NULL)",
        [item_id],
        |r| r.get(0),
    )
}

fn from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        kind: parse_col(r, 3, AgendaKind::parse)?,
        topic_id: r.get(4)?,
        title: r.get(5)?,
    })
}
