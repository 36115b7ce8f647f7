//! 散会 and reopening for a correction.
//!
//! Closing is one transaction: freeze every item's minutes, move each topic on the agenda along
//! its life cycle, credit participation points, mark the meeting closed. If any step fails
//! nothing changes. Topics move by what was decided on them at this meeting:
//! - a decision to act: 议事中 → 已议定;
//! - only decisions not to act: 已议定 → 已办结, the decision's text as the published reason;
//! - no decision: back to 已审定, so a later meeting can take it up again.
//!
//! Reopening (`meetings::reopen`) logs why; closing again moves only topics still 议事中 and
//! credits only points not credited yet.

use rusqlite::Transaction;
use serde::Serialize;

use crate::meetings::{self, agenda, get, participants, speakers, AgendaKind, Meeting, MeetingError, MeetingStatus};
use crate::minutes::{self, RevisionReason};
use crate::points::{self, PointsEntry, PointsSource};
use crate::topics::{self, TopicMove, TopicStatus};

/// What closing did, for the confirmation the secretary sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CloseReport {
    pub meeting: Meeting,
    /// How many items' minutes were frozen as a revision.
    pub minutes_frozen: usize,
    pub topics_moved: Vec<TopicMove>,
    pub points_credited: Vec<PointsEntry>,
}

/// Closes a planned or sitting meeting (see the module doc for what that does).
pub fn close(tx: &Transaction, meeting_id: &str, actor: &str) -> Result<CloseReport, MeetingError> {
    let meeting = get(tx, meeting_id)?;
    if meeting.status == MeetingStatus::Closed {
        return Err(MeetingError::Closed { title: meeting.title });
    }
    let items = agenda(tx, meeting_id)?;
    let mut minutes_frozen = 0;
    for item in &items {
        if minutes::freeze(tx, &item.id, RevisionReason::MeetingClose)? {
            minutes_frozen += 1;
        }
    }
    let decisions = crate::decisions::topic_decisions(tx, meeting_id)?;
    let mut topics_moved = Vec::new();
    for topic_id in items.iter().filter(|i| i.kind == AgendaKind::Topic).filter_map(|i| i.topic_id.as_deref()) {
        let own: Vec<&(String, bool, String)> = decisions.iter().filter(|d| d.0 == topic_id).collect();
        if let Some(moved) = move_topic(tx, topic_id, &own, &meeting, actor)? {
            topics_moved.push(moved);
        }
    }
    let points_credited = credit_points(tx, &meeting)?;
    meetings::set_closed(tx, meeting_id)?;
    Ok(CloseReport { meeting: get(tx, meeting_id)?, minutes_frozen, topics_moved, points_credited })
}

fn move_topic(
    tx: &Transaction,
    topic_id: &str,
    decisions: &[&(String, bool, String)],
    meeting: &Meeting,
    actor: &str,
) -> Result<Option<TopicMove>, MeetingError> {
    let topic = topics::get(tx, topic_id)?;
    if topic.status != TopicStatus::OnAgenda {
        return Ok(None);
    }
    let decided = format!("会议“{}”议定", meeting.title);
    let to = if decisions.iter().any(|d| d.1) {
        topics::move_to(tx, topic_id, TopicStatus::Decided, actor, &decided)?
    } else if let Some(no_act) = decisions.first() {
        topics::move_to(tx, topic_id, TopicStatus::Decided, actor, &decided)?;
        let reason = format!("经会议“{}”议定不予实施：{}", meeting.title, no_act.2);
        topics::move_to(tx, topic_id, TopicStatus::Closed, actor, &reason)?
    } else {
        let note = format!("会议“{}”未作决定，留待以后再议", meeting.title);
        topics::move_to(tx, topic_id, TopicStatus::Accepted, actor, &note)?
    };
    Ok(Some(TopicMove { topic_id: topic_id.to_string(), title: to.title, to: to.status }))
}

/// Attendance for roster people signed in, speaking for roster people who spoke on any item.
fn credit_points(tx: &Transaction, meeting: &Meeting) -> Result<Vec<PointsEntry>, MeetingError> {
    let rules = points::get_rules(tx)?;
    let mut credited = Vec::new();
    let attended = format!("参加会议“{}”", meeting.title);
    for p in participants(tx, &meeting.id)?.into_iter().filter(|p| p.attended) {
        if let Some(person_id) = &p.person_id {
            credited.extend(points::credit_once(
                tx,
                person_id,
                rules.attendance,
                PointsSource::Attendance,
                &attended,
                &meeting.id,
            )?);
        }
    }
    let spoke = format!("在会议“{}”上发言", meeting.title);
    for item in agenda(tx, &meeting.id)? {
        for s in speakers(tx, &item.id)? {
            if let Some(person_id) = &s.person_id {
                credited.extend(points::credit_once(
                    tx,
                    person_id,
                    rules.speaking,
                    PointsSource::Speaking,
                    &spoke,
                    &meeting.id,
                )?);
            }
        }
    }
    Ok(credited)
}
