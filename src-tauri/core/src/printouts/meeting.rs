//! 会议通知, 签到表 and 会议记录: everything printed about one meeting.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use super::common::{issuer, local_time, one, public_masking, tidy};
use super::{LoadError, LoadOptions};
use crate::community::load_settings;
use crate::notices::{AgendaItem, Invitee, MeetingNotice, Minutes, SignInSheet, Speech, VoteCounts, VotePart};
use crate::votes::VoteMethod;

const WHAT: &str = "会议";
/// Empty rows at least at the end of a sign-in sheet, for people who come without an
/// invitation; the sheet adds more to fill its last page.
const BLANK_ROWS: usize = 2;

/// A meeting's own row, times in China time.
pub(super) struct MeetingRow {
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub place: String,
    pub host: String,
    pub recorder: String,
}

pub(super) fn meeting_row(conn: &Connection, id: &str) -> Result<MeetingRow, LoadError> {
    let sql = "SELECT title, starts_at, ends_at, place, host_name, recorder_name FROM meetings \
               WHERE id = ?1 AND deleted_at IS NULL";
    let raw = one(conn, sql, id, WHAT, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            [r.get::<_, String>(3)?, r.get(4)?, r.get(5)?],
        ))
    })?;
    let (title, starts, ends, [mut place, host, recorder]) = raw;
    if place.trim().is_empty() {
        place = load_settings(conn)?.default_place;
    }
    Ok(MeetingRow {
        title,
        starts_at: local_time(conn, &starts, WHAT)?,
        ends_at: ends.map(|e| local_time(conn, &e, WHAT)).transpose()?,
        place,
        host,
        recorder,
    })
}

/// One person on a meeting's list.
struct Participant {
    name: String,
    role: String,
    attended: bool,
    /// 列席: present without a vote.
    observer: bool,
}

impl Participant {
    /// The role as the sign-in sheet prints it: “街道办事处（列席）”, or just “列席”.
    fn seat(&self) -> String {
        match (self.observer, self.role.is_empty()) {
            (false, _) => self.role.clone(),
            (true, true) => "列席".to_string(),
            (true, false) => format!("{}（列席）", self.role),
        }
    }
}

/// The meeting's list: the fixed core first, then stakeholders, then walk-ins, each in the
/// order they were added.
fn participants(conn: &Connection, meeting_id: &str) -> Result<Vec<Participant>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT name, role_label, attended, observer FROM meeting_participants \
         WHERE meeting_id = ?1 AND deleted_at IS NULL \
         ORDER BY observer, CASE kind WHEN 'core' THEN 0 WHEN 'stakeholder' THEN 1 ELSE 2 END, created_at, id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(Participant { name: r.get(0)?, role: r.get(1)?, attended: r.get(2)?, observer: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The agenda: (id, title) in order.
pub(super) fn agenda(conn: &Connection, meeting_id: &str) -> Result<Vec<(String, String)>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT id, title FROM agenda_items WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// 会议通知 for the meeting `id`.
pub fn meeting_notice(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<MeetingNotice, LoadError> {
    let m = meeting_row(conn, id)?;
    let mut invited: Vec<String> = participants(conn, id)?
        .into_iter()
        .map(|p| if p.role.is_empty() { p.name } else { format!("{}（{}）", p.name, p.role) })
        .collect();
    if invited.is_empty() {
        invited.push("社区“两委”成员、居民代表".to_string());
    }
    invited.push("其他关心此事的居民均可列席".to_string());
    Ok(MeetingNotice {
        paper: opts.paper,
        meeting_kind: m.title,
        salutation: "各位居民、各位代表：".to_string(),
        starts_at: m.starts_at,
        place: m.place,
        topics: agenda(conn, id)?.into_iter().map(|(_, title)| title).collect(),
        invited,
        note: None,
        contact: contact(conn)?,
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
        wording: crate::notices::Wording::CURRENT,
    })
}

/// "幸福里社区居民委员会 0531-86001234" when 设置 has a public contact number.
fn contact(conn: &Connection) -> Result<Option<String>, LoadError> {
    let phone = crate::community::public_phone(conn)?;
    Ok(if phone.is_empty() { None } else { Some(format!("{} {phone}", issuer(conn)?)) })
}

/// 签到表 for the meeting `id`: everyone on its list, then blank rows.
pub fn sign_in(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<SignInSheet, LoadError> {
    let m = meeting_row(conn, id)?;
    let invited = participants(conn, id)?.into_iter().map(|p| Invitee { role: p.seat(), name: p.name }).collect();
    Ok(SignInSheet {
        paper: opts.paper,
        meeting_title: m.title,
        starts_at: m.starts_at,
        // No place recorded: a line to write it on, not “地点：” and nothing.
        place: if m.place.trim().is_empty() { "________________".to_string() } else { m.place },
        invited,
        blank_rows: BLANK_ROWS,
    })
}

/// 会议记录 for the meeting `id`: internal, so nothing is masked.
pub fn minutes(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<Minutes, LoadError> {
    let m = meeting_row(conn, id)?;
    let (observers, members): (Vec<Participant>, Vec<Participant>) =
        participants(conn, id)?.into_iter().partition(|p| p.observer);
    let (came, away): (Vec<Participant>, Vec<Participant>) = members.into_iter().partition(|p| p.attended);
    let mut items = Vec::new();
    for (item_id, title) in agenda(conn, id)? {
        items.push(minutes_item(conn, &item_id, title)?);
    }
    let or_dash = |s: String| if s.trim().is_empty() { "—".to_string() } else { s };
    Ok(Minutes {
        paper: opts.paper,
        meeting_title: m.title,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        place: or_dash(m.place),
        host: or_dash(m.host),
        recorder: or_dash(m.recorder),
        attendees: came.into_iter().map(|p| p.name).collect(),
        absentees: away.into_iter().map(|p| p.name).collect(),
        observers: observers.into_iter().filter(|p| p.attended).map(|p| p.name).collect(),
        items,
    })
}

fn minutes_item(conn: &Connection, item_id: &str, title: String) -> Result<AgendaItem, LoadError> {
    let text: String = conn
        .query_row("SELECT text FROM minutes WHERE agenda_item_id = ?1 AND deleted_at IS NULL", [item_id], |r| r.get(0))
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(String::new()) } else { Err(e) })?;
    let mut stmt = conn.prepare(
        "SELECT name, role_label FROM speakers WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    // The speakers table names who spoke; what they said is in the recorder's text.
    let speeches = stmt
        .query_map([item_id], |r| {
            let (name, role): (String, String) = (r.get(0)?, r.get(1)?);
            let speaker = if role.is_empty() { name } else { format!("{name}（{role}）") };
            Ok(Speech { speaker, text: String::new() })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (vote, vote_result, vote_scope, vote_parts) = match item_vote(conn, item_id)? {
        Some(v) => (Some(v.counts), v.explanation, v.electorate, v.parts),
        None => (None, String::new(), String::new(), Vec::new()),
    };
    let decisions = item_decisions(conn, item_id)?.into_iter().map(|d| d.text).collect();
    Ok(AgendaItem { title, text, speeches, vote, vote_result, vote_scope, vote_parts, decisions })
}

/// A vote as stored: the counts, the method, rule and quorum, and the result explained in words.
pub(super) struct VoteRow {
    pub counts: VoteCounts,
    pub method: String,
    pub rule: String,
    pub quorum: Option<u32>,
    pub explanation: String,
    /// Whose vote it was (“3号楼全体住户”), empty for a vote of the meeting.
    pub electorate: String,
    /// The parts the count adds up from.
    pub parts: Vec<VotePart>,
}

/// The latest vote on an agenda item (a revote replaces an earlier one).
pub(super) fn item_vote(conn: &Connection, item_id: &str) -> Result<Option<VoteRow>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT agree, oppose, abstain, eligible, present, rule, quorum, explanation, method, id FROM votes \
         WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1",
    )?;
    let mut rows = stmt.query_map([item_id], |r| {
        let method: String = r.get(8)?;
        let by_household = VoteMethod::parse(&method) == Some(VoteMethod::Household);
        let counts = VoteCounts {
            agree: r.get(0)?,
            oppose: r.get(1)?,
            abstain: r.get(2)?,
            eligible: r.get(3)?,
            present: r.get(4)?,
            by_household,
        };
        let explanation = tidy(&r.get::<_, String>(7)?);
        let (electorate, parts) = (String::new(), Vec::new());
        Ok((
            r.get::<_, String>(9)?,
            VoteRow { counts, method, rule: r.get(5)?, quorum: r.get(6)?, explanation, electorate, parts },
        ))
    })?;
    let Some((id, mut row)) = rows.next().transpose()? else { return Ok(None) };
    let (electorate, parts) = crate::votes::electorate_and_parts(conn, &id)?;
    row.electorate = electorate;
    row.parts = parts
        .into_iter()
        .map(|p| VotePart { label: p.label, agree: p.agree, oppose: p.oppose, abstain: p.abstain })
        .collect();
    Ok(Some(row))
}

/// A decision on an agenda item as it prints: "暂不实施：…" for a decision not to act.
pub(super) struct DecisionRow {
    pub id: String,
    pub text: String,
    pub act: bool,
}

/// What was decided on an agenda item, oldest first.
pub(super) fn item_decisions(conn: &Connection, item_id: &str) -> Result<Vec<DecisionRow>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT id, text, act FROM decisions WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([item_id], |r| {
        let (id, text, act): (String, String, bool) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let text = if act { text } else { format!("暂不实施：{text}") };
        Ok(DecisionRow { id, text, act })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
