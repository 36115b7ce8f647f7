//! 方案: the plan a topic carries before the vote (issue 22).
//!
//! `plans` owns the `plan_versions`, `plan_opinions`, `plan_comments` and `plan_answers` tables
//! (v017). A topic's plan is what is proposed (free text), an estimated cost ([`Fen`], optional)
//! and who drafted it (议事攻坚小组); [`save`] writes the first version or a revision — never
//! over the older text: every version stays, with who typed it and when, and the current plan is
//! the newest. Experts or a 评审团 give opinions on its 合法性 / 合理性 / 成本 ([`add_opinion`]).
//! While it is posted (议题公示) residents' comments are recorded ([`add_comment`]) and answered
//! ([`answer`]); a second answer to a comment is refused unless it is marked as a revision
//! (`revise`), which keeps the earlier answer readable. Drafting, revising and opinions are for a
//! topic not yet decided (已收集 / 已审定 / 议事中); comments and answers only need the plan.
//! The search index holds each plan's current text with its opinions, and each comment with its
//! answer. Printing is `printouts::topic` (议题公示), which reads [`get`]. Rules: docs/PLANS.md.

mod error;
mod repo;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use error::PlanError;

use crate::labelled_enum;
use crate::money::Fen;
use crate::search::{self, DocKind, SearchDoc};
use crate::time::Zone;
use crate::topics::{self, Topic, TopicStatus};
use crate::validate::{free_text, optional_line, required_line, FieldError};

labelled_enum! {
    /// What an opinion looks at.
    Aspect {
        Legality = "legality": "合法性",
        Reasonableness = "reasonableness": "合理性",
        Cost = "cost": "成本",
        Other = "other": "其他",
    }
}

/// What the plan form sends: the whole plan as it should now read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewVersion {
    pub proposal: String,
    /// The estimated cost as typed (1800, 1.8万, ¥1,800.00); empty: not estimated.
    #[serde(default)]
    pub cost: String,
    pub drafted_by: String,
    /// What changed (“采纳居民意见，增加夜间照明”); empty for the first version.
    #[serde(default)]
    pub note: String,
}

/// One version of a plan. `version_no` is its place in time, 1 for the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanVersion {
    pub id: String,
    pub version_no: usize,
    pub proposal: String,
    pub cost: Option<Fen>,
    pub drafted_by: String,
    pub note: String,
    pub actor: String,
    pub created_at: String,
}

/// What the opinion form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewOpinion {
    pub reviewer: String,
    pub aspect: Aspect,
    pub opinion: String,
    /// The day it was given, as typed; empty: today.
    #[serde(default)]
    pub given_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Opinion {
    pub id: String,
    /// The version it was given on.
    pub version_no: usize,
    pub reviewer: String,
    pub aspect: Aspect,
    pub opinion: String,
    pub given_on: NaiveDate,
    pub actor: String,
}

/// What the comment form sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewComment {
    /// The day it was received, as typed; empty: today.
    #[serde(default)]
    pub received_on: String,
    /// Who gave it; empty for an anonymous comment (意见箱).
    #[serde(default)]
    pub from_name: String,
    pub text: String,
}

/// What the answer form sends.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewAnswer {
    pub text: String,
    /// Who answers (议事攻坚小组); empty: the person recording it.
    #[serde(default)]
    pub answered_by: String,
    /// A corrected answer to a comment already answered (the old answer is kept).
    #[serde(default)]
    pub revise: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub id: String,
    pub text: String,
    pub answered_by: String,
    pub actor: String,
    pub at: String,
}

/// A resident's comment with its current answer and the answers it replaced, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub id: String,
    /// The version it was about (the current one when it was recorded).
    pub version_no: usize,
    pub received_on: NaiveDate,
    pub from_name: String,
    pub text: String,
    pub actor: String,
    pub answer: Option<Answer>,
    pub earlier_answers: Vec<Answer>,
}

/// A topic's plan: the current version first, then the history and what was said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub topic_id: String,
    pub topic_title: String,
    pub current: PlanVersion,
    /// Every version, oldest first (the last is `current`).
    pub versions: Vec<PlanVersion>,
    pub opinions: Vec<Opinion>,
    /// In the order they were received.
    pub comments: Vec<Comment>,
}

/// A topic can get or change its plan until it is decided.
const DRAFTING: [TopicStatus; 3] = [TopicStatus::Collected, TopicStatus::Accepted, TopicStatus::OnAgenda];

/// Writes the plan of `topic_id`: its first version, or a revision kept beside the older ones.
pub fn save(tx: &Transaction, topic_id: &str, new: &NewVersion, actor: &str) -> Result<Plan, PlanError> {
    let topic = drafting(tx, topic_id)?;
    let proposal = free_text("方案内容", new.proposal.trim())?;
    if proposal.is_empty() {
        return Err(FieldError::Empty { field: "方案内容" }.into());
    }
    let cost = Fen::parse_optional("预计费用", &new.cost)?;
    let drafted_by = required_line("起草人", &new.drafted_by, 100)?;
    let note = optional_line("修改说明", &new.note, 200)?;
    let actor = required_line("记录人", actor, 50)?;
    let versions = repo::versions(tx, topic_id)?;
    if let Some(last) = versions.last() {
        if (last.proposal.as_str(), last.cost, last.drafted_by.as_str())
            == (proposal.as_str(), cost, drafted_by.as_str())
        {
            return Err(PlanError::Unchanged { version_no: last.version_no });
        }
    }
    repo::insert_version(tx, topic_id, &proposal, cost, &drafted_by, &note, &actor)?;
    after_plan_write(tx, &topic)
}

/// Records an expert's or a 评审团's opinion on the current version.
pub fn add_opinion(tx: &Transaction, topic_id: &str, new: &NewOpinion, actor: &str) -> Result<Plan, PlanError> {
    let topic = drafting(tx, topic_id)?;
    let current = current_of(tx, &topic)?;
    let reviewer = required_line("评审人", &new.reviewer, 100)?;
    let opinion = required_line("评审意见", &new.opinion, crate::validate::TEXT_MAX)?;
    let given_on = past_day(tx, "评审日期", &new.given_on)?;
    let actor = required_line("记录人", actor, 50)?;
    repo::insert_opinion(tx, topic_id, &current.id, &reviewer, new.aspect, &opinion, given_on, &actor)?;
    after_plan_write(tx, &topic)
}

/// Records a resident's comment on the current version of the plan.
pub fn add_comment(tx: &Transaction, topic_id: &str, new: &NewComment, actor: &str) -> Result<Plan, PlanError> {
    let topic = topics::get(tx, topic_id)?;
    let current = current_of(tx, &topic)?;
    let received_on = past_day(tx, "收到日期", &new.received_on)?;
    let from_name = optional_line("提意见人", &new.from_name, 50)?;
    let text = required_line("意见内容", &new.text, crate::validate::TEXT_MAX)?;
    let actor = required_line("记录人", actor, 50)?;
    let id = repo::insert_comment(tx, topic_id, &current.id, received_on, &from_name, &text, &actor)?;
    after_comment_write(tx, &topic, &id)
}

/// Answers a comment. A comment already answered takes a new answer only with `revise`; the
/// earlier answer stays in `earlier_answers`.
pub fn answer(tx: &Transaction, comment_id: &str, new: &NewAnswer, actor: &str) -> Result<Plan, PlanError> {
    let topic_id = repo::comment_topic(tx, comment_id)?.ok_or(PlanError::CommentNotFound)?;
    let topic = topics::get(tx, &topic_id)?;
    let text = required_line("答复内容", &new.text, crate::validate::TEXT_MAX)?;
    let actor = required_line("记录人", actor, 50)?;
    let answered_by = match optional_line("答复人", &new.answered_by, 100)? {
        by if by.is_empty() => actor.clone(),
        by => by,
    };
    if let Some(last) = repo::answers(tx, comment_id)?.pop() {
        if !new.revise {
            return Err(PlanError::AlreadyAnswered { answered_by: last.answered_by });
        }
        if last.text == text {
            return Err(PlanError::SameAnswer);
        }
    }
    repo::insert_answer(tx, comment_id, &text, &answered_by, &actor)?;
    after_comment_write(tx, &topic, comment_id)
}

/// The plan of a topic, if it has one.
pub fn get(conn: &Connection, topic_id: &str) -> Result<Option<Plan>, PlanError> {
    let topic = topics::get(conn, topic_id)?;
    assemble(conn, &topic)
}

fn assemble(conn: &Connection, topic: &Topic) -> Result<Option<Plan>, PlanError> {
    let versions = repo::versions(conn, &topic.id)?;
    let Some(current) = versions.last().cloned() else { return Ok(None) };
    Ok(Some(Plan {
        topic_id: topic.id.clone(),
        topic_title: topic.title.clone(),
        current,
        opinions: repo::opinions(conn, &topic.id, &versions)?,
        comments: repo::comments(conn, &topic.id, &versions)?,
        versions,
    }))
}

/// The topic, if its plan may still be drafted or changed.
fn drafting(conn: &Connection, topic_id: &str) -> Result<Topic, PlanError> {
    let topic = topics::get(conn, topic_id)?;
    if !DRAFTING.contains(&topic.status) {
        return Err(PlanError::TopicSettled { title: topic.title, status: topic.status });
    }
    Ok(topic)
}

fn current_of(conn: &Connection, topic: &Topic) -> Result<PlanVersion, PlanError> {
    repo::versions(conn, &topic.id)?.pop().ok_or_else(|| PlanError::NoPlan { title: topic.title.clone() })
}

/// A day as typed (empty: today), not after today.
fn past_day(conn: &Connection, field: &'static str, typed: &str) -> Result<NaiveDate, PlanError> {
    let today = crate::community::today(conn)?;
    if typed.trim().is_empty() {
        return Ok(today);
    }
    let day = crate::time::parse_date(field, typed, today).map_err(FieldError::from)?;
    crate::time::check_range(field, day, today).map_err(FieldError::from)?;
    if day > today {
        return Err(PlanError::DayInFuture { field, date: day });
    }
    Ok(day)
}

fn after_plan_write(tx: &Transaction, topic: &Topic) -> Result<Plan, PlanError> {
    let plan = assemble(tx, topic)?.ok_or_else(|| PlanError::NoPlan { title: topic.title.clone() })?;
    search::upsert(tx, &plan_doc(crate::community::zone(tx)?, &plan))?;
    Ok(plan)
}

fn after_comment_write(tx: &Transaction, topic: &Topic, comment_id: &str) -> Result<Plan, PlanError> {
    let plan = assemble(tx, topic)?.ok_or_else(|| PlanError::NoPlan { title: topic.title.clone() })?;
    let comment = plan.comments.iter().find(|c| c.id == comment_id).ok_or(PlanError::CommentNotFound)?;
    search::upsert(tx, &comment_doc(&plan.topic_title, comment))?;
    Ok(plan)
}

/// Every plan and every comment as the search index holds them, for rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, PlanError> {
    let zone = crate::community::zone(conn)?;
    let mut docs = Vec::new();
    for topic_id in repo::topics_with_plans(conn)? {
        let Some(plan) = get(conn, &topic_id)? else { continue };
        docs.push(plan_doc(zone, &plan));
        docs.extend(plan.comments.iter().map(|c| comment_doc(&plan.topic_title, c)));
    }
    Ok(docs)
}

/// The current text, who drafted it, and the opinions, under the topic's title.
fn plan_doc(zone: Zone, plan: &Plan) -> SearchDoc {
    let mut body = format!("{}：{}", plan.current.drafted_by, plan.current.proposal);
    for o in &plan.opinions {
        body.push_str(&format!("\n{}（{}）：{}", o.reviewer, o.aspect.label(), o.opinion));
    }
    SearchDoc {
        kind: DocKind::Plan,
        record_id: plan.topic_id.clone(),
        title: plan.topic_title.clone(),
        body,
        date: zone.date_or_today(&plan.current.created_at),
    }
}

/// A comment with its current answer.
fn comment_doc(topic_title: &str, c: &Comment) -> SearchDoc {
    let mut body = if c.from_name.is_empty() { c.text.clone() } else { format!("{}：{}", c.from_name, c.text) };
    if let Some(a) = &c.answer {
        body.push_str(&format!("\n答复（{}）：{}", a.answered_by, a.text));
    }
    SearchDoc {
        kind: DocKind::PlanComment,
        record_id: c.id.clone(),
        title: topic_title.to_string(),
        body,
        date: c.received_on,
    }
}

#[cfg(test)]
mod tests;
