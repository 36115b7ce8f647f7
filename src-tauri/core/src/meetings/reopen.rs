//! Reopening a closed meeting for a correction (closing it is `proceedings::close`, which reads
//! the decisions). Reopening logs when, who and why in `reopen_note` and leaves the topics'
//! timelines as they are.

use rusqlite::Transaction;

use super::{get, repo, Meeting, MeetingError, MeetingStatus};
use crate::validate::required_line;

/// Reopens a closed meeting for a correction; the reason is required and logged.
pub fn reopen(tx: &Transaction, meeting_id: &str, reason: &str, actor: &str) -> Result<Meeting, MeetingError> {
    let meeting = get(tx, meeting_id)?;
    if meeting.status != MeetingStatus::Closed {
        return Err(MeetingError::NotClosed { title: meeting.title });
    }
    let reason = required_line("重新打开会议的原因", reason, 200)?;
    let zone = crate::community::zone(tx)?;
    let line = format!("{} {actor}重新打开：{reason}", zone.wall(crate::time::now()).format("%Y-%m-%d %H:%M"));
    let note = if meeting.reopen_note.is_empty() { line } else { format!("{}\n{line}", meeting.reopen_note) };
    repo::set_reopened(tx, meeting_id, &note)?;
    get(tx, meeting_id)
}
