//! Item 1 of every meeting: 上轮议定事项落实情况 — what earlier meetings decided that is not
//! finished yet, with where each topic and task stands. Computed when asked, so it shows the
//! state of the work on the day it is read; what was said about it goes into item 1's minutes.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::decisions::{self, Task, TaskStatus};
use crate::meetings::{get, MeetingError};
use crate::topics::TopicStatus;

/// One earlier decision still being carried out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpLine {
    pub decision_id: String,
    pub decision_text: String,
    pub meeting_title: String,
    pub meeting_date: NaiveDate,
    pub topic_id: Option<String>,
    /// The topic's title, or the agenda item's title for a decision without a topic.
    pub topic_title: String,
    pub topic_status: Option<TopicStatus>,
    /// e.g. 办理中; for a decision without a topic, how many of its tasks are done.
    pub topic_status_label: String,
    /// Its tasks, overdue as of `today`.
    pub tasks: Vec<Task>,
}

/// Decisions to act from meetings held before this one whose topic is not finished (or, without a
/// topic, that still have unfinished tasks), oldest meeting first.
pub fn followup_summary(
    conn: &Connection,
    meeting_id: &str,
    today: NaiveDate,
) -> Result<Vec<FollowUpLine>, MeetingError> {
    let meeting = get(conn, meeting_id)?;
    let mut stmt = conn.prepare(
        "SELECT d.id, d.text, m.title, m.starts_at, d.topic_id, coalesce(t.title, a.title), t.status \
         FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id \
         LEFT JOIN topics t ON t.id = d.topic_id \
         WHERE d.deleted_at IS NULL AND a.deleted_at IS NULL AND m.deleted_at IS NULL AND d.act = 1 \
           AND m.id <> ?1 AND m.starts_at < ?2 \
         ORDER BY m.starts_at, a.position, d.created_at, d.id",
    )?;
    let zone = crate::community::zone(conn)?;
    let rows = stmt.query_map([&meeting.id, &meeting.starts_at], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut lines = Vec::new();
    for row in rows {
        let (decision_id, decision_text, meeting_title, starts_at, topic_id, topic_title, status) = row?;
        let topic_status = status.as_deref().and_then(TopicStatus::parse);
        let tasks = decisions::tasks_of_decision(conn, &decision_id, today)?;
        let open = match topic_status {
            Some(s) => s.is_open(),
            None => tasks.iter().any(|t| t.status != TaskStatus::Done),
        };
        if !open {
            continue;
        }
        let topic_status_label = match topic_status {
            Some(s) => s.label().to_string(),
            None => {
                format!("任务完成 {}/{}", tasks.iter().filter(|t| t.status == TaskStatus::Done).count(), tasks.len())
            }
        };
        lines.push(FollowUpLine {
            decision_id,
            decision_text,
            meeting_title,
            meeting_date: zone.date_or_today(&starts_at),
            topic_id,
            topic_title,
            topic_status,
            topic_status_label,
            tasks,
        });
    }
    Ok(lines)
}
