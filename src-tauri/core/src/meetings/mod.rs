//! 议事: meetings, their agenda, who came, who spoke, and reopening.
//!
//! `meetings` owns the `meetings`, `agenda_items`, `meeting_participants`, `speakers` and
//! `participant_patterns` (saved 3+N patterns, `patterns.rs`) tables.
//! A meeting is planned → in_session → closed; a closed meeting refuses every edit of its agenda,
//! participants, speakers, votes and decisions ([`MeetingError::Closed`]) until it is reopened
//! with a reason ([`reopen`]). Item 1 of every new meeting is the follow-up of earlier decisions,
//! computed by `proceedings::followup_summary`; closing (散会) is `proceedings::close`: both read
//! decisions, which sit above meetings.
//!
//! Left to others: the minutes text (`minutes`), votes (`votes`), decisions and tasks
//! (`decisions`), closing and the follow-up (`proceedings`), the roster of people and households
//! (`community`), printing (`notices`, `printouts`).

mod agenda;
mod cadence;
mod error;
mod kinds;
mod participants;
mod patterns;
mod recall;
mod recurrence;
mod reopen;
mod repo;
mod speakers;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use agenda::{
    add_other, add_topic, agenda, move_item, remove_item, set_order, AgendaItem, Direction, FOLLOW_UP_TITLE,
};
pub use cadence::{create_next, next_day, next_of, next_title};
pub use error::MeetingError;
pub use kinds::{AgendaKind, MeetingKind, MeetingStatus, ParticipantKind};
pub use participants::{
    add_walk_in, attendance, invite_all_core_members, invite_core_member, invite_stakeholder, participants,
    set_observer, sign_in, undo_sign_in, voters, Attendance, Participant, Voters,
};
pub use patterns::{apply_pattern, delete_pattern, list_patterns, save_pattern, NewPattern, Pattern};
pub use recall::{invite_past_stakeholders, past_stakeholders};
pub use recurrence::Recurrence;
pub use reopen::reopen;
pub(crate) use repo::set_closed;
pub use speakers::{add_speaker, quick_pick, speaker_line, speakers, NewSpeaker, QuickPick, Speaker};

use crate::ids::new_id;
use crate::validate::{optional_line, required_line, FieldError, TITLE_MAX};

/// What the meeting form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub title: String,
    /// RFC 3339, e.g. 2026-11-20T20:00:00+08:00; stored in UTC.
    pub starts_at: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub host_name: String,
    #[serde(default)]
    pub recorder_name: String,
    /// 重复: `none`, `weekly`, `biweekly` (on the meeting's weekday) or `monthly:20`; see [`Recurrence::parse`].
    #[serde(default)]
    pub recurrence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: String,
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: String,
    pub ends_at: Option<String>,
    pub place: String,
    pub host_name: String,
    pub recorder_name: String,
    pub status: MeetingStatus,
    pub closed_at: Option<String>,
    /// Every reopening, one line each: when, who and why.
    pub reopen_note: String,
    pub created_at: String,
    pub updated_at: String,
    /// When 开始会议 was tapped; None while planned.
    pub started_at: Option<String>,
    /// How it repeats, as stored (`''`, `weekly:3`, `monthly:20`) and as read (每月20日).
    pub recurrence: String,
    pub recurrence_label: String,
    /// The meeting this one was created from by 创建下一次会议.
    pub previous_meeting_id: Option<String>,
}

/// The checked form, as it is stored.
struct Checked {
    kind: MeetingKind,
    title: String,
    starts_at: String,
    place: String,
    host_name: String,
    recorder_name: String,
    recurrence: String,
}

/// The meeting time is typed as the community's wall clock (`2026-12-02 19:30`) or given as an
/// RFC 3339 instant; either way it is stored in UTC.
fn check(conn: &Connection, new: &NewMeeting) -> Result<Checked, MeetingError> {
    let zone = crate::community::zone(conn)?;
    let starts_at = zone.instant_of_local(&new.starts_at, "会议时间", zone.today()).map_err(FieldError::from)?;
    let day = zone.date_or_today(&starts_at);
    let recurrence = Recurrence::parse(&new.recurrence, day)?.stored();
    Ok(Checked {
        kind: new.kind,
        title: required_line("会议名称", &new.title, TITLE_MAX)?,
        starts_at,
        place: optional_line("会议地点", &new.place, 100)?,
        host_name: optional_line("主持人", &new.host_name, 50)?,
        recorder_name: optional_line("记录人", &new.recorder_name, 50)?,
        recurrence,
    })
}

/// Plans a meeting; its agenda starts with the generated follow-up item.
pub fn create(tx: &Transaction, new: &NewMeeting) -> Result<Meeting, MeetingError> {
    let c = check(tx, new)?;
    let id = new_id();
    repo::insert(tx, &id, &c)?;
    agenda::insert_follow_up(tx, &id)?;
    get(tx, &id)
}

/// Edits the meeting's details (not while it is closed).
pub fn update(tx: &Transaction, id: &str, new: &NewMeeting) -> Result<Meeting, MeetingError> {
    editable_meeting(tx, id)?;
    let c = check(tx, new)?;
    repo::update(tx, id, &c)?;
    get(tx, id)
}

/// 开始会议: planned → in_session, with the time it began. Signing people in does not do this:
/// they arrive before the meeting starts, and she says when it does.
pub fn start(tx: &Transaction, id: &str) -> Result<Meeting, MeetingError> {
    let meeting = editable_meeting(tx, id)?;
    if meeting.status == MeetingStatus::Planned {
        repo::set_started(tx, id)?;
    }
    get(tx, id)
}

pub fn get(conn: &Connection, id: &str) -> Result<Meeting, MeetingError> {
    repo::get(conn, id)?.ok_or_else(|| MeetingError::NotFound { id: id.to_string() })
}

/// All meetings, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Meeting>, MeetingError> {
    Ok(repo::list(conn)?)
}

/// The meeting, if it may still be edited.
pub(crate) fn editable_meeting(conn: &Connection, id: &str) -> Result<Meeting, MeetingError> {
    let meeting = get(conn, id)?;
    if meeting.status == MeetingStatus::Closed {
        return Err(MeetingError::Closed { title: meeting.title });
    }
    Ok(meeting)
}

/// An agenda item and its meeting, if the meeting may still be edited (for votes and decisions).
pub(crate) fn editable_item(conn: &Connection, item_id: &str) -> Result<(AgendaItem, Meeting), MeetingError> {
    let item = agenda::item(conn, item_id)?;
    let meeting = editable_meeting(conn, &item.meeting_id)?;
    Ok((item, meeting))
}

/// The agenda item and its meeting when the meeting has closed (散会): what may still be added
/// to its decisions afterwards (tasks, by `followup`) without reopening it.
pub(crate) fn closed_item(conn: &Connection, item_id: &str) -> Result<(AgendaItem, Meeting), MeetingError> {
    let item = agenda::item(conn, item_id)?;
    let meeting = get(conn, &item.meeting_id)?;
    if meeting.status != MeetingStatus::Closed {
        return Err(MeetingError::NotClosedYet);
    }
    Ok((item, meeting))
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod observer_tests;
#[cfg(test)]
mod tests;
