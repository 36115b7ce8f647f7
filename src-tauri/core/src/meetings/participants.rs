//! Who was invited and who came: the fixed core members, each topic's stakeholders (the N of
//! 3+N), and walk-ins who are not on the roster. Signing in records the time; signing someone in
//! twice keeps the first time. Anyone on the list can sit as 列席 (present, may speak, no vote):
//! they are counted apart in [`Attendance`] and never in [`voters`], the count a vote and its
//! quorum start from.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::{agenda, editable_meeting, MeetingError, ParticipantKind};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;
use crate::topics;
use crate::validate::{optional_line, required_line};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: String,
    pub meeting_id: String,
    /// None for a walk-in who is not on the roster.
    pub person_id: Option<String>,
    pub name: String,
    pub role_label: String,
    pub kind: ParticipantKind,
    /// The topic a stakeholder was invited for.
    pub topic_id: Option<String>,
    pub attended: bool,
    pub signed_in_at: Option<String>,
    /// 列席: present without a vote.
    pub observer: bool,
}

/// Who came and who did not, for the minutes (出席 / 列席 / 缺席). `present` and `absent` are
/// the members with a vote; `observers` are the 列席 who came (an invited 列席 who stayed away
/// is not counted anywhere: nobody waited for them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub present: Vec<Participant>,
    pub absent: Vec<Participant>,
    pub observers: Vec<Participant>,
}

/// The people with a vote at a meeting: those signed in (到会) and everyone on the list (应到),
/// 列席 left out of both. What a vote by hands and its quorum are counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Voters {
    pub present: u32,
    pub eligible: u32,
}

/// A roster person's name and first role (the role shown as 王秀兰（居民代表）).
pub(super) struct Person {
    pub name: String,
    pub role: String,
    pub is_core_member: bool,
}

pub(super) fn person(conn: &Connection, id: &str) -> Result<Person, MeetingError> {
    let row = conn
        .query_row("SELECT name, roles, is_core_member FROM people WHERE id = ?1 AND deleted_at IS NULL", [id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?))
        })
        .optional()?;
    let (name, roles, is_core_member) = row.ok_or_else(|| MeetingError::PersonNotFound { id: id.to_string() })?;
    // A damaged roles column only loses the role label, never the invitation.
    let role =
        crate::community::stored_roles(&roles).first().map(|r| crate::community::role_label(r)).unwrap_or_default();
    Ok(Person { name, role, is_core_member })
}

/// Invites one roster person as a core member (once per meeting: inviting again returns the row).
pub fn invite_core_member(tx: &Transaction, meeting_id: &str, person_id: &str) -> Result<Participant, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    invite(tx, meeting_id, person_id, ParticipantKind::Core, None)
}

/// Invites every roster person marked as a core member who is not invited yet; returns the list.
pub fn invite_all_core_members(tx: &Transaction, meeting_id: &str) -> Result<Vec<Participant>, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let mut stmt =
        tx.prepare("SELECT id FROM people WHERE is_core_member = 1 AND deleted_at IS NULL AND retired_at IS NULL ORDER BY name, id")?;
    let ids: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in ids {
        invite(tx, meeting_id, &id, ParticipantKind::Core, None)?;
    }
    participants(tx, meeting_id)
}

/// Invites a stakeholder for one topic on this meeting's agenda.
pub fn invite_stakeholder(
    tx: &Transaction,
    meeting_id: &str,
    person_id: &str,
    topic_id: &str,
) -> Result<Participant, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let on_agenda = agenda(tx, meeting_id)?.iter().any(|i| i.topic_id.as_deref() == Some(topic_id));
    if !on_agenda {
        return Err(MeetingError::TopicNotOnAgenda { title: topics::get(tx, topic_id)?.title });
    }
    invite(tx, meeting_id, person_id, ParticipantKind::Stakeholder, Some(topic_id))
}

fn invite(
    tx: &Transaction,
    meeting_id: &str,
    person_id: &str,
    kind: ParticipantKind,
    topic_id: Option<&str>,
) -> Result<Participant, MeetingError> {
    let p = person(tx, person_id)?;
    if let Some(existing) = find_person(tx, meeting_id, person_id)? {
        return Ok(existing);
    }
    // A core member invited for a topic still sits as a core member.
    let kind = if p.is_core_member { ParticipantKind::Core } else { kind };
    insert(
        tx,
        meeting_id,
        NewRow { person_id: Some(person_id), name: &p.name, role: &p.role, kind, topic_id, signed_in_at: None },
    )
}

/// Someone came who is not on the roster: added and signed in at once.
pub fn add_walk_in(
    tx: &Transaction,
    meeting_id: &str,
    name: &str,
    role_label: &str,
) -> Result<Participant, MeetingError> {
    editable_meeting(tx, meeting_id)?;
    let name = required_line("姓名", name, 50)?;
    let role = optional_line("身份", role_label, 50)?;
    let now = now_utc();
    let row = NewRow {
        person_id: None,
        name: &name,
        role: &role,
        kind: ParticipantKind::WalkIn,
        topic_id: None,
        signed_in_at: Some(&now),
    };
    insert(tx, meeting_id, row)
}

/// Marks someone present now; signing in again keeps the first time. People arrive before the
/// meeting begins: signing in does not start it (开始会议 does, `meetings::start`).
pub fn sign_in(tx: &Transaction, participant_id: &str) -> Result<Participant, MeetingError> {
    let p = participant(tx, participant_id)?;
    editable_meeting(tx, &p.meeting_id)?;
    tx.execute(
        "UPDATE meeting_participants SET attended = 1, signed_in_at = coalesce(signed_in_at, ?2), updated_at = ?2 \
         WHERE id = ?1",
        params![participant_id, now_utc()],
    )?;
    participant(tx, participant_id)
}

/// Takes back a sign-in tapped by mistake.
pub fn undo_sign_in(tx: &Transaction, participant_id: &str) -> Result<Participant, MeetingError> {
    let p = participant(tx, participant_id)?;
    editable_meeting(tx, &p.meeting_id)?;
    tx.execute(
        "UPDATE meeting_participants SET attended = 0, signed_in_at = NULL, updated_at = ?2 WHERE id = ?1",
        params![participant_id, now_utc()],
    )?;
    participant(tx, participant_id)
}

/// Everyone on the meeting's list, in the order they were added.
pub fn participants(conn: &Connection, meeting_id: &str) -> Result<Vec<Participant>, MeetingError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM meeting_participants WHERE meeting_id = ?1 AND deleted_at IS NULL \
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn attendance(conn: &Connection, meeting_id: &str) -> Result<Attendance, MeetingError> {
    let (observers, members): (Vec<_>, Vec<_>) = on_roster(conn, meeting_id)?.into_iter().partition(|p| p.observer);
    let observers = observers.into_iter().filter(|p| p.attended).collect();
    let (present, absent) = members.into_iter().partition(|p| p.attended);
    Ok(Attendance { present, absent, observers })
}

/// 到会 and 应到 of the members with a vote (列席 never count; nor does anyone who had left the
/// community by the meeting's day).
pub fn voters(conn: &Connection, meeting_id: &str) -> Result<Voters, MeetingError> {
    let members: Vec<Participant> = on_roster(conn, meeting_id)?.into_iter().filter(|p| !p.observer).collect();
    let present = members.iter().filter(|p| p.attended).count() as u32;
    Ok(Voters { present, eligible: members.len() as u32 })
}

/// The list as it counts on the meeting's day (`community::roster_on`): someone who had left the
/// community by then has no vote — seated as 列席 if they came anyway, left out if they did not.
fn on_roster(conn: &Connection, meeting_id: &str) -> Result<Vec<Participant>, MeetingError> {
    let meeting = super::get(conn, meeting_id)?;
    let day = crate::community::zone(conn)?.date_or_today(&meeting.starts_at);
    let roster = crate::community::roster_on(conn, day)?;
    let mut list = participants(conn, meeting_id)?;
    list.retain_mut(|p| match &p.person_id {
        Some(id) if !roster.has_person(id) => {
            p.observer = true;
            p.attended
        }
        _ => true,
    });
    Ok(list)
}

/// Seats someone as 列席 (present without a vote), or gives them their vote back.
pub fn set_observer(tx: &Transaction, participant_id: &str, observer: bool) -> Result<Participant, MeetingError> {
    let p = participant(tx, participant_id)?;
    editable_meeting(tx, &p.meeting_id)?;
    tx.execute(
        "UPDATE meeting_participants SET observer = ?2, updated_at = ?3 WHERE id = ?1",
        params![participant_id, observer, now_utc()],
    )?;
    participant(tx, participant_id)
}

const COLUMNS: &str = "id, meeting_id, person_id, name, role_label, kind, topic_id, attended, signed_in_at, observer";

fn participant(conn: &Connection, id: &str) -> Result<Participant, MeetingError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM meeting_participants WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| MeetingError::ParticipantNotFound { id: id.to_string() })
}

fn find_person(conn: &Connection, meeting_id: &str, person_id: &str) -> Result<Option<Participant>, MeetingError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM meeting_participants WHERE meeting_id = ?1 AND person_id = ?2 \
                      AND deleted_at IS NULL"
            ),
            [meeting_id, person_id],
            from_row,
        )
        .optional()?)
}

/// A participant row to add to a meeting.
struct NewRow<'a> {
    person_id: Option<&'a str>,
    name: &'a str,
    role: &'a str,
    kind: ParticipantKind,
    topic_id: Option<&'a str>,
    signed_in_at: Option<&'a str>,
}

fn insert(tx: &Transaction, meeting_id: &str, row: NewRow) -> Result<Participant, MeetingError> {
    let NewRow { person_id, name, role, kind, topic_id, signed_in_at } = row;
    let id = new_id();
    tx.execute(
        "INSERT INTO meeting_participants (id, meeting_id, person_id, name, role_label, kind, topic_id, \
         attended, signed_in_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            meeting_id,
            person_id,
            name,
            role,
            kind.as_str(),
            topic_id,
            signed_in_at.is_some(),
            signed_in_at,
            now_utc()
        ],
    )?;
    participant(tx, &id)
}

fn from_row(r: &Row) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        person_id: r.get(2)?,
        name: r.get(3)?,
        role_label: r.get(4)?,
        kind: parse_col(r, 5, ParticipantKind::parse)?,
        topic_id: r.get(6)?,
        attended: r.get(7)?,
        signed_in_at: r.get(8)?,
        observer: r.get(9)?,
    })
}
