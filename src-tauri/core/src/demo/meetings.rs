//! Holds the demo year's meetings through the meetings, minutes, votes and decisions modules, each
//! step at its moment in the story: the agenda and invitations some days before, sign-in at the
//! start, the items through the evening, 散会 two and a half hours after the start.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::Transaction;

use super::meetings_data::{DemoItem, DemoMeeting, DemoVote, MEETINGS};
use super::people::Roster;
use super::topics::{reviewed_at, Topics, TOPICS};
use super::{at, day, later, step, DemoError};
use crate::decisions::{self, NewDecision, NewTask};
use crate::meetings::{self, NewMeeting, NewSpeaker, ParticipantKind};
use crate::proceedings;
use crate::time;
use crate::votes::{self, Choice, VoteInput, VoteMethod};

pub(crate) fn build(tx: &Transaction, roster: &Roster, topics: &Topics) -> Result<usize, DemoError> {
    let topic_ids: HashMap<usize, String> = topics.for_meetings.iter().map(|(i, t)| (*i, t.id.clone())).collect();
    for m in MEETINGS {
        hold(tx, m, roster, &topic_ids)?;
    }
    Ok(MEETINGS.len())
}

/// The agenda is set and people invited six days ahead, but never before its topics were sorted
/// (急事立议: the burst pipe met two days after it was reported).
fn prepared_at(m: &DemoMeeting, start: DateTime<Utc>) -> DateTime<Utc> {
    let sorted = m.items.iter().filter_map(|i| TOPICS.get(i.topic)).map(reviewed_at).max();
    let ahead = start - TimeDelta::days(6);
    sorted.map_or(ahead, |s| ahead.max(s + TimeDelta::hours(1)))
}

fn hold(
    tx: &Transaction,
    m: &DemoMeeting,
    roster: &Roster,
    topic_ids: &HashMap<usize, String>,
) -> Result<(), DemoError> {
    let (month, day_of_month, hour) = m.when;
    let start = super::moment(month, day_of_month, hour, 0);
    let (meeting_id, items) = time::at(prepared_at(m, start), || prepare(tx, m, roster, topic_ids))?;
    if !m.closed {
        return Ok(());
    }
    time::at(later(start, 5), || sign_in(tx, m, &meeting_id))?;
    let follow_up = meetings::agenda(tx, &meeting_id).map_err(step)?.into_iter().next();
    if let Some(first) = follow_up {
        time::at(later(start, 10), || crate::minutes::save(tx, &first.id, m.follow_up)).map_err(step)?;
    }
    for (k, (item, item_id)) in (0..).zip(&items) {
        time::at(later(start, 20 + 40 * k), || record_item(tx, &meeting_id, item, item_id, roster))?;
    }
    if m.title == super::elections::AT_MEETING {
        time::at(later(start, 140), || super::elections::hold(tx, &meeting_id, roster))?;
    }
    time::at(later(start, 150), || proceedings::close(tx, &meeting_id, "张敏")).map_err(step)?;
    Ok(())
}

/// The demo meetings that repeat (周周碰、月月议): the monthly council meets on the 26th.
const REPEATS: &[(&str, &str)] = &[("十一月居民议事会", "monthly:26")];

/// An agenda item of the demo data with the id it got.
type Item<'a> = (&'a DemoItem, String);

/// Creates the meeting, puts its topics on the agenda and invites the core members and the
/// stakeholders of its first topic; returns the meeting and each item's id.
fn prepare<'a>(
    tx: &Transaction,
    m: &'a DemoMeeting,
    roster: &Roster,
    topic_ids: &HashMap<usize, String>,
) -> Result<(String, Vec<Item<'a>>), DemoError> {
    let meeting = meetings::create(
        tx,
        &NewMeeting {
            kind: m.kind,
            title: m.title.into(),
            starts_at: at(m.when.0, m.when.1, m.when.2, 0),
            place: m.place.into(),
            host_name: "李红梅".into(),
            recorder_name: "张敏".into(),
            recurrence: REPEATS.iter().find(|(t, _)| *t == m.title).map(|(_, r)| (*r).to_string()).unwrap_or_default(),
        },
    )
    .map_err(step)?;
    let mut items = Vec::new();
    let mut first_topic = None;
    for item in m.items {
        let topic_id = topic_id(topic_ids, item.topic)?;
        let added = meetings::add_topic(tx, &meeting.id, &topic_id, "张敏").map_err(step)?;
        first_topic.get_or_insert(topic_id);
        items.push((item, added.id));
    }
    meetings::invite_all_core_members(tx, &meeting.id).map_err(step)?;
    let first_topic = first_topic.ok_or_else(|| DemoError::Step(format!("示例会议“{}”没有议题", m.title)))?;
    for name in m.stakeholders {
        let person = roster.id(name).ok_or_else(|| DemoError::Step(format!("示例名单里没有 {name}")))?;
        meetings::invite_stakeholder(tx, &meeting.id, &person, &first_topic).map_err(step)?;
    }
    Ok((meeting.id, items))
}

/// Those present sign in as the meeting starts (stakeholders all came); a walk-in is added then.
fn sign_in(tx: &Transaction, m: &DemoMeeting, meeting_id: &str) -> Result<(), DemoError> {
    for p in meetings::participants(tx, meeting_id).map_err(step)? {
        let came = match p.kind {
            ParticipantKind::Core => m.present.contains(&p.name.as_str()),
            ParticipantKind::Stakeholder => true,
            ParticipantKind::WalkIn => false,
        };
        if came {
            meetings::sign_in(tx, &p.id).map_err(step)?;
        }
    }
    if let Some((name, role)) = m.walk_in {
        meetings::add_walk_in(tx, meeting_id, name, role).map_err(step)?;
    }
    Ok(())
}

fn topic_id(ids: &HashMap<usize, String>, index: usize) -> Result<String, DemoError> {
    ids.get(&index).cloned().ok_or_else(|| DemoError::Step(format!("示例议题 {index} 不在会议议题中")))
}

fn record_item(
    tx: &Transaction,
    meeting_id: &str,
    item: &DemoItem,
    item_id: &str,
    roster: &Roster,
) -> Result<(), DemoError> {
    crate::minutes::save(tx, item_id, item.minutes).map_err(step)?;
    for name in item.speakers {
        let speaker = match roster.id(name) {
            Some(person_id) => NewSpeaker::Person { person_id },
            None => NewSpeaker::Named { name: name.to_string(), role_label: String::new() },
        };
        meetings::add_speaker(tx, item_id, &speaker).map_err(step)?;
    }
    if let Some(vote) = &item.vote {
        record_vote(tx, meeting_id, item_id, vote, roster)?;
    }
    if let Some((text, act)) = item.decision {
        let decision = decisions::add(tx, item_id, &NewDecision { text: text.into(), act }).map_err(step)?;
        for t in item.tasks {
            decisions::add_task(
                tx,
                &decision.id,
                &NewTask {
                    title: t.title.into(),
                    mode: t.mode,
                    responsible_unit: t.unit.into(),
                    person_in_charge: t.person.into(),
                    deadline: Some(day(t.deadline.0, t.deadline.1)),
                },
            )
            .map_err(step)?;
        }
    }
    Ok(())
}

/// The roster's households as the list of a 一户一票 vote: the first four ticks were taken at
/// home by the grid worker the morning before (入户征求: they could not come), the rest at the
/// meeting.
fn household_parts(households: &[String], ticks: &[(String, Choice)]) -> votes::PartedVote {
    let (home, met) = ticks.split_at(ticks.len().min(4));
    let tick = |(household_id, choice): &(String, Choice), home: bool| votes::PartTick {
        household_id: household_id.clone(),
        choice: *choice,
        recorded_by: if home { "张敏".to_string() } else { String::new() },
        how: home.then_some(votes::RecordedHow::Visit),
        recorded_at: if home { "2月9日 上午10点".to_string() } else { String::new() },
    };
    let part = |kind, ticks: &[(String, Choice)], home| votes::NewPart {
        kind,
        label: String::new(),
        ticks: ticks.iter().map(|t| tick(t, home)).collect(),
    };
    votes::PartedVote {
        scope: votes::Scope::List { household_ids: households.to_vec() },
        rule: crate::votes::VoteRule::MajorityEligible,
        quorum: None,
        parts: vec![part(votes::PartKind::Onsite, met, false), part(votes::PartKind::Visit, home, true)],
    }
}

fn record_vote(
    tx: &Transaction,
    meeting_id: &str,
    item_id: &str,
    vote: &DemoVote,
    roster: &Roster,
) -> Result<(), DemoError> {
    match *vote {
        DemoVote::Hands { agree, oppose, abstain, rule, quorum, eligible } => {
            let attendance = meetings::attendance(tx, meeting_id).map_err(step)?;
            let present = attendance.present.len() as u32;
            let eligible = eligible.unwrap_or(present + attendance.absent.len() as u32);
            let input =
                VoteInput { method: VoteMethod::Hands, agree, oppose, abstain, present, eligible, rule, quorum };
            votes::record(tx, item_id, &input).map_err(step)?;
        }
        DemoVote::Household { agree, oppose, abstain } => {
            let mut households = roster.households.clone();
            households.sort();
            let choices = std::iter::repeat_n(Choice::Agree, agree)
                .chain(std::iter::repeat_n(Choice::Oppose, oppose))
                .chain(std::iter::repeat_n(Choice::Abstain, abstain));
            let ticks: Vec<(String, Choice)> = households.iter().cloned().zip(choices).collect();
            votes::record_in_parts(tx, item_id, &household_parts(&households, &ticks)).map_err(step)?;
        }
    }
    Ok(())
}
