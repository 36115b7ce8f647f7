//! 回访: calling back a resident whose topic was done on the spot (即办完成).

use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{moment::happened_at, CaseworkError, ContactMethod};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;
use crate::topics::{self, TopicMove, TopicStatus};
use crate::validate::{free_text, required_line};

/// What the 回访 form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewCallback {
    /// When the resident was asked, as typed; empty or absent means now.
    #[serde(default)]
    pub at: Option<String>,
    pub method: ContactMethod,
    pub satisfied: bool,
    /// What the resident said; required when not satisfied (it is why the topic reopens).
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Callback {
    pub id: String,
    pub topic_id: String,
    pub at: String,
    pub method: ContactMethod,
    pub satisfied: bool,
    pub note: String,
    pub actor: String,
}

/// What recording a 回访 did, for the confirmation the secretary sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallbackReport {
    pub callback: Callback,
    /// Set when the resident was not satisfied: the topic is a 代办件 again, 已审定.
    pub topic_move: Option<TopicMove>,
}

/// Records a 回访 of a 即办完成 topic. Not satisfied (with the reason) reopens it as a 代办件 —
/// the fix did not hold, so the community takes it up through the deliberation process.
pub fn record_callback(
    tx: &Transaction,
    topic_id: &str,
    new: &NewCallback,
    actor: &str,
) -> Result<CallbackReport, CaseworkError> {
    let topic = topics::get(tx, topic_id)?;
    if topic.status != TopicStatus::DoneOnSpot {
        return Err(CaseworkError::NotDoneOnSpot { status: topic.status });
    }
    let at = happened_at(tx, new.at.as_deref(), "回访时间")?;
    let note = free_text("回访情况", new.note.trim())?;
    if !new.satisfied && note.is_empty() {
        return Err(CaseworkError::UnsatisfiedNeedsReason);
    }
    let actor = required_line("记录人", actor, 50)?;
    let id = new_id();
    tx.execute(
        "INSERT INTO topic_callbacks (id, topic_id, at, method, satisfied, note, actor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, topic_id, at, new.method.as_str(), new.satisfied, note, actor, now_utc()],
    )?;
    let topic_move = if new.satisfied {
        None
    } else {
        let reason = format!("回访不满意，转为代办件：{note}");
        let moved = topics::follow_through(tx, topic_id, TopicStatus::Accepted, &actor, &reason)?;
        Some(TopicMove { topic_id: moved.id, title: moved.title, to: moved.status })
    };
    let callback = tx.query_row(&format!("SELECT {COLUMNS} FROM topic_callbacks WHERE id = ?1"), [&id], from_row)?;
    Ok(CallbackReport { callback, topic_move })
}

const COLUMNS: &str = "id, topic_id, at, method, satisfied, note, actor";

fn from_row(r: &Row) -> rusqlite::Result<Callback> {
    Ok(Callback {
        id: r.get(0)?,
        topic_id: r.get(1)?,
        at: r.get(2)?,
        method: parse_col(r, 3, ContactMethod::parse)?,
        satisfied: r.get(4)?,
        note: r.get(5)?,
        actor: r.get(6)?,
    })
}

/// The 回访 of a topic, oldest first.
pub fn callbacks(conn: &Connection, topic_id: &str) -> Result<Vec<Callback>, CaseworkError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM topic_callbacks WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY at, id"
    ))?;
    let list = stmt.query_map([topic_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}
