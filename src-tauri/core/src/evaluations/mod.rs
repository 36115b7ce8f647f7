//! 评事 (民事民评): satisfaction surveys of finished work, and closing topics.
//!
//! `evaluations` owns the `evaluations` table. The supervision committee's survey of a topic
//! (optionally of one of its tasks) is entered as counts of 满意 / 基本满意 / 不满意, how it
//! was collected, by whom, with a comment. Recording it is one transaction that also moves the
//! topic (through `topics::move_to`): 待评价 → 已办结; or, when `reopen` gives a reason for a
//! poor result, back to 办理中 (and the named task back to 进行中, through `followup`).
//! [`close_without_evaluation`] closes a topic with an explicit reason instead.
//!
//! The satisfaction rate is (满意 + 基本满意) / all answers, kept as a fraction ([`Rate`]); a
//! survey with no answers at all is refused. Totals over a year belong to `stats`.

mod error;
mod repo;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use crate::figures::{Rate, Satisfaction};
pub use error::EvaluationError;

use crate::decisions::{Task, TaskStatus};
use crate::followup;
use crate::labelled_enum;
use crate::search::{self, DocKind, SearchDoc};
use crate::topics::{self, Topic, TopicStatus};
use crate::validate::{free_text, optional_line, FieldError};

labelled_enum! {
    /// How the answers were collected.
    EvalMethod {
        PhoneCallback = "phone_callback": "电话回访",
        SiteCheck = "site_check": "实地验收",
        Meeting = "meeting": "会议测评",
    }
}

/// What the evaluation form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewEvaluation {
    pub topic_id: String,
    /// The task surveyed, if the survey was about one task.
    #[serde(default)]
    pub task_id: Option<String>,
    pub satisfied: u32,
    pub basically_satisfied: u32,
    pub unsatisfied: u32,
    pub method: EvalMethod,
    #[serde(default)]
    pub evaluator: String,
    #[serde(default)]
    pub comment: String,
    /// The day of the call-back or check (not after today).
    pub date: NaiveDate,
    /// A poor result: reopen the work for this reason instead of closing the topic.
    #[serde(default)]
    pub reopen: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub id: String,
    pub topic_id: Option<String>,
    pub task_id: Option<String>,
    pub method: EvalMethod,
    pub evaluator: String,
    pub comment: String,
    pub date: NaiveDate,
    pub satisfaction: Satisfaction,
}

/// What recording did: the evaluation, the topic as it now stands, the task if it was reopened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvaluationOutcome {
    pub evaluation: Evaluation,
    pub topic: Topic,
    pub reopened_task: Option<Task>,
}

/// Records a survey of a topic waiting for evaluation, and closes or reopens the topic.
pub fn record(
    tx: &Transaction,
    new: &NewEvaluation,
    today: NaiveDate,
    actor: &str,
) -> Result<EvaluationOutcome, EvaluationError> {
    let satisfaction = Satisfaction::new(new.satisfied.into(), new.basically_satisfied.into(), new.unsatisfied.into());
    if satisfaction.answers == 0 {
        return Err(EvaluationError::NoAnswers);
    }
    if new.date > today {
        return Err(EvaluationError::DateInFuture { date: new.date });
    }
    crate::time::check_range("评价日期", new.date, today).map_err(FieldError::from)?;
    let topic = topics::get(tx, &new.topic_id)?;
    if topic.status != TopicStatus::AwaitingEvaluation {
        return Err(EvaluationError::NotAwaitingEvaluation { title: topic.title, status: topic.status });
    }
    if let Some(task_id) = &new.task_id {
        if repo::task_topic(tx, task_id)?.as_deref() != Some(topic.id.as_str()) {
            return Err(EvaluationError::TaskNotOfTopic);
        }
    }
    let reopen = match &new.reopen {
        Some(reason) if reason.trim().is_empty() => return Err(EvaluationError::ReopenNeedsReason),
        Some(reason) => Some(free_text("重新办理的原因", reason.trim())?),
        None => None,
    };
    let evaluator = optional_line("评价人", &new.evaluator, 50)?;
    let comment = free_text("评价意见", new.comment.trim())?;
    let id = repo::insert(tx, new, &evaluator, &comment)?;
    let evaluation = get(tx, &id)?;
    search::upsert(tx, &search_doc(&evaluation, &topic.title))?;
    let summary = summary_line(&evaluation);
    let (topic, reopened_task) = match reopen {
        None => (topics::move_to(tx, &topic.id, TopicStatus::Closed, actor, &summary)?, None),
        Some(reason) => reopen_work(tx, &topic.id, new.task_id.as_deref(), &summary, &reason, today, actor)?,
    };
    Ok(EvaluationOutcome { evaluation, topic, reopened_task })
}

/// A poor result: the named task back to 进行中 (which takes the topic back to 办理中 through
/// `followup`), or, without a task, the topic itself.
fn reopen_work(
    tx: &Transaction,
    topic_id: &str,
    task_id: Option<&str>,
    summary: &str,
    reason: &str,
    today: NaiveDate,
    actor: &str,
) -> Result<(Topic, Option<Task>), EvaluationError> {
    let why = format!("{summary}，重新办理：{reason}");
    let task = match task_id {
        Some(task_id) => Some(followup::set_status(tx, task_id, TaskStatus::InProgress, &why, today, actor)?.task),
        None => None,
    };
    let topic = topics::get(tx, topic_id)?;
    if topic.status == TopicStatus::AwaitingEvaluation {
        return Ok((topics::move_to(tx, topic_id, TopicStatus::InProgress, actor, &why)?, task));
    }
    Ok((topic, task))
}

/// Closes a topic that will not be evaluated (办理中 or 待评价; 已议定 when nothing will be
/// done). The reason is required and goes to the topic's timeline.
pub fn close_without_evaluation(
    tx: &Transaction,
    topic_id: &str,
    reason: &str,
    actor: &str,
) -> Result<Topic, EvaluationError> {
    if reason.trim().is_empty() {
        return Err(EvaluationError::CloseNeedsReason);
    }
    let reason = free_text("办结理由", reason.trim())?;
    Ok(topics::move_to(tx, topic_id, TopicStatus::Closed, actor, &format!("未经评价办结：{reason}"))?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Evaluation, EvaluationError> {
    Ok(repo::get(conn, id)?)
}

/// The evaluations of a topic, newest first.
pub fn for_topic(conn: &Connection, topic_id: &str) -> Result<Vec<Evaluation>, EvaluationError> {
    Ok(repo::for_topic(conn, topic_id)?)
}

/// Every evaluation as the search index holds it, for rebuilding the index (archive import).
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, EvaluationError> {
    let mut stmt = conn.prepare(
        "SELECT e.id, coalesce(t.title, '') FROM evaluations e LEFT JOIN topics t ON t.id = e.topic_id \
         WHERE e.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut docs = Vec::new();
    for row in rows {
        let (id, title) = row?;
        docs.push(search_doc(&get(conn, &id)?, &title));
    }
    Ok(docs)
}

/// “民事民评：满意率95.2%（满意38、基本满意2、不满意2，电话回访）”, the topic's closing note.
fn summary_line(e: &Evaluation) -> String {
    let s = &e.satisfaction;
    format!(
        "民事民评：满意率{}（满意{}、基本满意{}、不满意{}，{}）",
        s.rate.display,
        s.satisfied,
        s.basically_satisfied,
        s.unsatisfied,
        e.method.label()
    )
}

fn search_doc(e: &Evaluation, topic_title: &str) -> SearchDoc {
    let body = [summary_line(e), e.evaluator.clone(), e.comment.clone()].join("\n");
    SearchDoc {
        kind: DocKind::Evaluation,
        record_id: e.id.clone(),
        title: format!("评价：{topic_title}"),
        body,
        date: e.date,
    }
}

#[cfg(test)]
mod tests;
