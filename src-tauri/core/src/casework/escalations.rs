//! 上报件 followed up: to whom, when, the reference number, the day to chase, the reply.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{CaseworkError, EscalatedTo, ReplyOutcome};
use crate::ids::{new_id, now_utc};
use crate::store::{day_col, optional_day_col, parse_col};
use crate::time::{check_not_before, check_range};
use crate::topics::{self, TopicMove, TopicStatus};
use crate::validate::{free_text, optional_line, required_line, FieldError};

/// What the 上报 form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewEscalation {
    pub sent_to: EscalatedTo,
    /// Which office or department (街道城管科, 区交通运输局).
    #[serde(default)]
    pub sent_to_name: String,
    pub sent_on: NaiveDate,
    /// 工单号 / 文号.
    #[serde(default)]
    pub reference: String,
    /// The day to chase it if no reply has come.
    #[serde(default)]
    pub follow_up_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    pub id: String,
    pub topic_id: String,
    pub sent_to: EscalatedTo,
    pub sent_to_name: String,
    pub sent_on: NaiveDate,
    pub reference: String,
    pub follow_up_on: Option<NaiveDate>,
    pub reply: String,
    pub replied_on: Option<NaiveDate>,
    pub actor: String,
    /// When it was recorded (its place in the topic's history).
    pub at: String,
}

/// What the reply form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewReply {
    pub replied_on: NaiveDate,
    pub reply: String,
    pub outcome: ReplyOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyReport {
    pub escalation: Escalation,
    pub topic_move: TopicMove,
}

/// A 上报件 still waiting for its reply on or after its follow-up day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwaitingReply {
    pub escalation: Escalation,
    pub topic_title: String,
    /// 0 on the follow-up day itself.
    pub days_past: i64,
}

/// Records where an 已上报 topic went; the topic stays 已上报.
pub fn record_escalation(
    tx: &Transaction,
    topic_id: &str,
    new: &NewEscalation,
    actor: &str,
    today: NaiveDate,
) -> Result<Escalation, CaseworkError> {
    let topic = topics::get(tx, topic_id)?;
    if topic.status != TopicStatus::Escalated {
        return Err(CaseworkError::NotEscalated { status: topic.status });
    }
    past_day("上报日期", new.sent_on, today)?;
    if let Some(day) = new.follow_up_on {
        check_range("跟进日期", day, today).map_err(FieldError::from)?;
        check_not_before("跟进日期", day, "上报日期", new.sent_on).map_err(FieldError::from)?;
    }
    let name = optional_line("上报单位", &new.sent_to_name, 50)?;
    let reference = optional_line("工单号", &new.reference, 50)?;
    let actor = required_line("记录人", actor, 50)?;
    let id = new_id();
    tx.execute(
        "INSERT INTO topic_escalations (id, topic_id, sent_to, sent_to_name, sent_on, reference, follow_up_on, \
         actor, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            topic_id,
            new.sent_to.as_str(),
            name,
            new.sent_on.to_string(),
            reference,
            new.follow_up_on.map(|d| d.to_string()),
            actor,
            now_utc()
        ],
    )?;
    get(tx, &id)
}

/// Records the reply to a 上报件; it closes the topic (已办结) or brings it back to the agenda
/// (已审定), with the reply in the topic's timeline.
pub fn record_reply(
    tx: &Transaction,
    escalation_id: &str,
    new: &NewReply,
    actor: &str,
    today: NaiveDate,
) -> Result<ReplyReport, CaseworkError> {
    let before = get(tx, escalation_id)?;
    if before.replied_on.is_some() {
        return Err(CaseworkError::AlreadyReplied);
    }
    past_day("答复日期", new.replied_on, today)?;
    check_not_before("答复日期", new.replied_on, "上报日期", before.sent_on).map_err(FieldError::from)?;
    let reply = free_text("答复内容", new.reply.trim())?;
    if reply.is_empty() {
        return Err(FieldError::Empty { field: "答复内容" }.into());
    }
    let actor = required_line("记录人", actor, 50)?;
    tx.execute(
        "UPDATE topic_escalations SET reply = ?2, replied_on = ?3, updated_at = ?4 WHERE id = ?1",
        params![escalation_id, reply, new.replied_on.to_string(), now_utc()],
    )?;
    let to = match new.outcome {
        ReplyOutcome::Close => TopicStatus::Closed,
        ReplyOutcome::BackToAgenda => TopicStatus::Accepted,
    };
    let from = before.sent_to_name.as_str();
    let from = if from.is_empty() { before.sent_to.label() } else { from };
    let note = format!("{from}答复（{}）：{reply}", crate::time::chinese_date(new.replied_on));
    let moved = topics::follow_through(tx, &before.topic_id, to, &actor, &note)?;
    let topic_move = TopicMove { topic_id: moved.id, title: moved.title, to: moved.status };
    Ok(ReplyReport { escalation: get(tx, escalation_id)?, topic_move })
}

fn past_day(field: &'static str, day: NaiveDate, today: NaiveDate) -> Result<(), CaseworkError> {
    check_range(field, day, today).map_err(FieldError::from)?;
    if day > today {
        return Err(CaseworkError::DayInFuture { field, date: day });
    }
    Ok(())
}

const COLUMNS: &str = "e.id, e.topic_id, e.sent_to, e.sent_to_name, e.sent_on, e.reference, e.follow_up_on, \
    e.reply, e.replied_on, e.actor, e.created_at";

fn from_row(r: &Row) -> rusqlite::Result<Escalation> {
    Ok(Escalation {
        id: r.get(0)?,
        topic_id: r.get(1)?,
        sent_to: parse_col(r, 2, EscalatedTo::parse)?,
        sent_to_name: r.get(3)?,
        sent_on: day_col(r, 4)?,
        reference: r.get(5)?,
        follow_up_on: optional_day_col(r, 6)?,
        reply: r.get(7)?,
        replied_on: optional_day_col(r, 8)?,
        actor: r.get(9)?,
        at: r.get(10)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Escalation, CaseworkError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM topic_escalations e WHERE e.id = ?1 AND e.deleted_at IS NULL"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CaseworkError::EscalationNotFound { id: id.to_string() })
}

/// The 上报 records of a topic, oldest first.
pub fn escalations(conn: &Connection, topic_id: &str) -> Result<Vec<Escalation>, CaseworkError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM topic_escalations e WHERE e.topic_id = ?1 AND e.deleted_at IS NULL ORDER BY e.created_at, e.id"
    ))?;
    let list = stmt.query_map([topic_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list)
}

/// 上报件 still 已上报 without a reply whose follow-up day is `today` or past, longest waiting
/// first: the home screen's “该催办了”.
pub fn awaiting_reply(conn: &Connection, today: NaiveDate) -> Result<Vec<AwaitingReply>, CaseworkError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS}, t.title FROM topic_escalations e JOIN topics t ON t.id = e.topic_id \
         WHERE e.deleted_at IS NULL AND t.deleted_at IS NULL AND t.status = ?1 AND e.replied_on IS NULL \
           AND e.follow_up_on IS NOT NULL AND e.follow_up_on <= ?2 \
         ORDER BY e.follow_up_on, e.created_at, e.id"
    ))?;
    let rows = stmt.query_map(params![TopicStatus::Escalated.as_str(), today.to_string()], |r| {
        Ok((from_row(r)?, r.get::<_, String>(11)?))
    })?;
    let mut list = Vec::new();
    for row in rows {
        let (escalation, topic_title) = row?;
        let days_past = escalation.follow_up_on.map_or(0, |d| (today - d).num_days());
        list.push(AwaitingReply { escalation, topic_title, days_past });
    }
    Ok(list)
}
