//! 件件有回音: every topic that was rejected, escalated, done on the spot or closed owes whoever
//! raised it an answer — a note marked as the answer (how, when, by whom, what was said).

use rusqlite::Connection;
use serde::Serialize;

use super::CaseworkError;
use crate::topics::TopicStatus;

/// The statuses at which the resident is owed an answer.
pub const ANSWER_DUE: [TopicStatus; 4] =
    [TopicStatus::Rejected, TopicStatus::Escalated, TopicStatus::DoneOnSpot, TopicStatus::Closed];

/// A topic still without its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unanswered {
    pub topic_id: String,
    pub title: String,
    pub status: TopicStatus,
    pub raised_by_name: String,
}

/// Whether a topic at `status` owes an answer (the detail screen prompts for it).
pub fn answer_due(status: TopicStatus) -> bool {
    ANSWER_DUE.contains(&status)
}

/// Topics owing an answer that have none, oldest raised first.
pub fn unanswered(conn: &Connection) -> Result<Vec<Unanswered>, CaseworkError> {
    let statuses: Vec<String> = ANSWER_DUE.iter().map(|s| format!("'{}'", s.as_str())).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT t.id, t.title, t.status, t.raised_by_name FROM topics t \
         WHERE t.deleted_at IS NULL AND t.status IN ({}) AND NOT EXISTS (SELECT 1 FROM topic_notes n \
           WHERE n.topic_id = t.id AND n.is_answer = 1 AND n.deleted_at IS NULL) \
         ORDER BY t.raised_at, t.id",
        statuses.join(", ")
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(Unanswered {
            topic_id: r.get(0)?,
            title: r.get(1)?,
            status: crate::store::parse_col(r, 2, TopicStatus::parse)?,
            raised_by_name: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
