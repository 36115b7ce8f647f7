//! Holds the demo year's meetings through the meetings, minutes, votes and decisions modules,
//! then moves the recorded times back to the meeting's evening (the modules stamp "now").

use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::meetings_data::{DemoItem, DemoMeeting, DemoVote, MEETINGS};
use super::people::Roster;
use super::topics::Topics;
use super::{at, step, DemoError};
use crate::decisions::{self, NewDecision, NewTask};
use crate::meetings::{self, NewMeeting, NewSpeaker};
use crate::votes::{self, Choice, VoteInput, VoteMethod};

pub(crate) fn build(tx: &Transaction, roster: &Roster, topics: &Topics) -> Result<usize, DemoError> {
    let topic_ids: HashMap<usize, String> =
        topics.for_meetings.iter().map(|(i, t)| (*i, t.id.clone())).collect();
    for m in MEETINGS {
        hold(tx, m, roster, &topic_ids)?;
    }
    Ok(MEETINGS.len())
}

fn hold(
    tx: &Transaction,
    m: &DemoMeeting,
    roster: &Roster,
    topic_ids: &HashMap<usize, String>,
) -> Result<(), DemoError> {
    let started = crate::ids::now_utc();
    let meeting = meetings::create(tx, &NewMeeting {
        kind: m.kind,
        title: m.title.into(),
        starts_at: at(m.when.0, m.when.1, m.when.2, 0),
        place: m.place.into(),
        host_name: "李红梅".into(),
        recorder_name: "张敏".into(),
    })
    .map_err(step)?;
    let mut items = Vec::new();
    for item in m.items {
        let topic_id = topic_id(topic_ids, item.topic)?;
        let added = meetings::add_topic(tx, &meeting.id, &topic_id, "张敏").map_err(step)?;
        items.push((item, added.id, topic_id));
    }
    invite(tx, m, &meeting.id, roster, &items[0].2)?;
    if !m.closed {
        return Ok(());
    }
    let follow_up = meetings::agenda(tx, &meeting.id).map_err(step)?.into_iter().next();
    if let Some(first) = follow_up {
        crate::minutes::save(tx, &first.id, m.follow_up).map_err(step)?;
    }
    for (item, item_id, _) in &items {
        record_item(tx, &meeting.id, item, item_id, roster)?;
    }
    meetings::close(tx, &meeting.id, "张敏").map_err(step)?;
    backdate(tx, &meeting.id, m, &started)
}

fn topic_id(ids: &HashMap<usize, String>, index: usize) -> Result<String, DemoError> {
    ids.get(&index).cloned().ok_or_else(|| DemoError::Step(format!("示例议题 {index} 不在会议议题中")))
}

fn invite(tx: &Transaction, m: &DemoMeeting, meeting_id: &str, roster: &Roster, first_topic: &str) -> Result<(), DemoError> {
    for p in meetings::invite_all_core_members(tx, meeting_id).map_err(step)? {
        if m.present.contains(&p.name.as_str()) {
            meetings::sign_in(tx, &p.id).map_err(step)?;
        }
    }
    for name in m.stakeholders {
        let person = roster.id(name).ok_or_else(|| DemoError::Step(format!("示例名单里没有 {name}")))?;
        let p = meetings::invite_stakeholder(tx, meeting_id, &person, first_topic).map_err(step)?;
        if m.closed {
            meetings::sign_in(tx, &p.id).map_err(step)?;
        }
    }
    if let Some((name, role)) = m.walk_in {
        meetings::add_walk_in(tx, meeting_id, name, role).map_err(step)?;
    }
    Ok(())
}

fn record_item(tx: &Transaction, meeting_id: &str, item: &DemoItem, item_id: &str, roster: &Roster) -> Result<(), DemoError> {
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
            decisions::add_task(tx, &decision.id, &NewTask {
                title: t.title.into(),
                mode: t.mode,
                responsible_unit: t.unit.into(),
                person_in_charge: t.person.into(),
                deadline: chrono::NaiveDate::from_ymd_opt(2026, t.deadline.0, t.deadline.1),
            })
            .map_err(step)?;
        }
    }
    Ok(())
}

fn record_vote(tx: &Transaction, meeting_id: &str, item_id: &str, vote: &DemoVote, roster: &Roster) -> Result<(), DemoError> {
    match *vote {
        DemoVote::Hands { agree, oppose, abstain, rule, quorum, eligible } => {
            let attendance = meetings::attendance(tx, meeting_id).map_err(step)?;
            let present = attendance.present.len() as u32;
            let eligible = eligible.unwrap_or(present + attendance.absent.len() as u32);
            let input = VoteInput { method: VoteMethod::Hands, agree, oppose, abstain, present, eligible, rule, quorum };
            votes::record(tx, item_id, &input).map_err(step)?;
        }
        DemoVote::Household { agree, oppose, abstain } => {
            let mut households = roster.households.clone();
            households.sort();
            let choices = std::iter::repeat_n(Choice::Agree, agree)
                .chain(std::iter::repeat_n(Choice::Oppose, oppose))
                .chain(std::iter::repeat_n(Choice::Abstain, abstain));
            let ticks: Vec<(String, Choice)> = households.iter().cloned().zip(choices).collect();
            let eligible = households.len() as u32;
            votes::record_household_vote(tx, item_id, &ticks, eligible, crate::votes::VoteRule::MajorityEligible, None)
                .map_err(step)?;
        }
    }
    Ok(())
}

/// The modules stamp sign-in, close, points and timeline lines with the current time; a demo
/// meeting happened on its evening, so move what this meeting wrote back to it.
fn backdate(tx: &Transaction, meeting_id: &str, m: &DemoMeeting, started: &str) -> Result<(), DemoError> {
    let (month, day, hour) = m.when;
    let sign_in = at(month, day, hour, 5);
    let end = at(month, day, hour + 2, 30);
    tx.execute(
        "UPDATE meeting_participants SET signed_in_at = ?2 WHERE meeting_id = ?1 AND signed_in_at IS NOT NULL",
        params![meeting_id, sign_in],
    )?;
    tx.execute("UPDATE meetings SET closed_at = ?2, ends_at = ?2 WHERE id = ?1", params![meeting_id, end])?;
    tx.execute("UPDATE points_entries SET at = ?2 WHERE meeting_id = ?1", params![meeting_id, end])?;
    tx.execute(
        "UPDATE topic_events SET at = ?2 WHERE at >= ?3 AND topic_id IN \
         (SELECT topic_id FROM agenda_items WHERE meeting_id = ?1 AND topic_id IS NOT NULL)",
        params![meeting_id, end, started],
    )?;
    tx.execute(
        "UPDATE minutes_revisions SET created_at = ?2 WHERE created_at >= ?3 AND minutes_id IN \
         (SELECT mi.id FROM minutes mi JOIN agenda_items a ON a.id = mi.agenda_item_id WHERE a.meeting_id = ?1)",
        params![meeting_id, end, started],
    )?;
    Ok(())
}
