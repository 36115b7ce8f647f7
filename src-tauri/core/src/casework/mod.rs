//! Between the meetings: what the secretary does about a topic outside its status changes.
//!
//! `casework` owns the `topic_notes`, `topic_callbacks` and `topic_escalations` tables:
//! - notes ([`add_note`]): a visit, a call, a WeChat message or a resident at the office, at any
//!   status, with photos through `attachments` (owner kind `topic_note`); a note never moves the
//!   topic; notes are searchable ([`DocKind::TopicNote`](crate::search::DocKind)).
//! - 回访 ([`record_callback`]) of a topic done on the spot; an unsatisfied one reopens the topic
//!   as a 代办件 through `topics::follow_through`, so the topic's own timeline says why.
//! - 上报 followed up ([`record_escalation`]: to whom, when, the reference number, the day to
//!   chase); [`awaiting_reply`] lists those past that day without a reply (the home screen), and
//!   [`record_reply`] closes the topic or brings it back to the agenda, through the same path.
//!
//! - 件件有回音: a note marked as the answer to whoever raised the topic; [`unanswered`] lists
//!   the rejected, escalated, done-on-the-spot and closed topics still without one.
//!
//! [`history`] is the topic's timeline as the detail screen shows it: its status events
//! (`topics` owns them) with the notes and 回访 between them, in time order.

mod answers;
mod callbacks;
mod error;
mod escalations;
mod kinds;
mod moment;
mod notes;

use rusqlite::Connection;
use serde::Serialize;

pub use answers::{answer_due, unanswered, Unanswered, ANSWER_DUE};
pub use callbacks::{callbacks, record_callback, Callback, CallbackReport, NewCallback};
pub use error::CaseworkError;
pub use escalations::{
    awaiting_reply, escalations, record_escalation, record_reply, AwaitingReply, Escalation, NewEscalation, NewReply,
    ReplyReport,
};
pub use kinds::{ContactMethod, EscalatedTo, ReplyOutcome};
pub use notes::{add_note, notes, search_docs, NewTopicNote, TopicNote};

use crate::topics::{self, TopicEvent};

/// One line of a topic's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HistoryLine {
    Event(TopicEvent),
    Note(TopicNote),
    Callback(Callback),
    Escalation(Escalation),
}

impl HistoryLine {
    fn at(&self) -> &str {
        match self {
            HistoryLine::Event(e) => &e.at,
            HistoryLine::Note(n) => &n.at,
            HistoryLine::Callback(c) => &c.at,
            HistoryLine::Escalation(e) => &e.at,
        }
    }
}

/// The topic's timeline with its notes and 回访, oldest first (a note and a status change at the
/// same moment keep the status change first).
pub fn history(conn: &Connection, topic_id: &str) -> Result<Vec<HistoryLine>, CaseworkError> {
    let mut lines: Vec<HistoryLine> = topics::timeline(conn, topic_id)?.into_iter().map(HistoryLine::Event).collect();
    lines.extend(notes(conn, topic_id)?.into_iter().map(HistoryLine::Note));
    lines.extend(callbacks(conn, topic_id)?.into_iter().map(HistoryLine::Callback));
    lines.extend(escalations(conn, topic_id)?.into_iter().map(HistoryLine::Escalation));
    // Stored instants are RFC 3339 UTC of one width: text order is time order; the sort is stable.
    lines.sort_by(|a, b| a.at().cmp(b.at()));
    Ok(lines)
}

#[cfg(test)]
mod tests;
