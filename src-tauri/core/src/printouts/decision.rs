//! 决议公示 (an agenda item's decisions with the vote) and 落实情况公示 (the tasks of a decision
//! or of a topic).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::common::{exists, issuer, one, public_masking};
use super::meeting::{item_decisions, item_vote, meeting_row};
use super::{LoadError, LoadOptions};
use crate::decisions::{self, TaskFilter, TaskStatus};
use crate::money::Fen;
use crate::notices::{Decided, DecidedBudget, DecidedTask, DecisionNotice, ProgressNotice, TaskMoney, TaskRow};
use crate::votes::{VoteMethod, VoteRule};

/// Days residents have to object to a decision notice.
const OBJECTION_DAYS: u32 = 7;

/// An agenda item id as given, or the item of a decision id.
fn agenda_item_of(conn: &Connection, id: &str) -> Result<String, LoadError> {
    if exists(conn, "agenda_items", id)? {
        return Ok(id.to_string());
    }
    let sql = "SELECT agenda_item_id FROM decisions WHERE id = ?1 AND deleted_at IS NULL";
    one(conn, sql, id, "议程事项或决议", |r| r.get(0))
}

/// 决议公示 for an agenda item (or the item of a decision): all its decisions and its vote.
pub fn decision(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<DecisionNotice, LoadError> {
    let item_id = agenda_item_of(conn, id)?;
    let sql = "SELECT meeting_id, title FROM agenda_items WHERE id = ?1 AND deleted_at IS NULL";
    let (meeting_id, title): (String, String) = one(conn, sql, &item_id, "议程", |r| Ok((r.get(0)?, r.get(1)?)))?;
    let m = meeting_row(conn, &meeting_id)?;
    let vote = item_vote(conn, &item_id)?;
    let (rule, result) = match &vote {
        Some(v) => (rule_in_words(&v.method, &v.rule, v.quorum), v.explanation.clone()),
        None => (String::new(), String::new()),
    };
    let (electorate, parts) = vote.as_ref().map(|v| (v.electorate.clone(), v.parts.clone())).unwrap_or_default();
    let decisions = decided(conn, &item_id, opts.today)?;
    if decisions.is_empty() && vote.is_none() {
        return Err(LoadError::NothingDecided { title });
    }
    Ok(DecisionNotice {
        paper: opts.paper,
        topic: title,
        meeting_kind: m.title,
        held_at: m.starts_at,
        place: m.place,
        decisions,
        vote: vote.map(|v| v.counts),
        electorate,
        parts,
        rule,
        result,
        objection_days: OBJECTION_DAYS,
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
        wording: crate::notices::Wording::CURRENT,
    })
}

/// The decisions on an agenda item, each with its tasks by deadline.
fn decided(conn: &Connection, item_id: &str, today: NaiveDate) -> Result<Vec<Decided>, LoadError> {
    let mut out = Vec::new();
    for d in item_decisions(conn, item_id)? {
        let tasks = tasks(conn, TaskFilter { decision_id: Some(d.id.clone()), ..TaskFilter::default() }, today)?
            .into_iter()
            .map(|t| DecidedTask { item: t.item, unit: t.unit, person: t.person, deadline: t.deadline })
            .collect();
        let budget = match crate::funds::project(conn, &crate::funds::Owner::decision(&d.id))? {
            Some(p) => Some(DecidedBudget {
                total: p.budget.total,
                sources: super::funds::sources(&p, &p.budget.sources, false),
            }),
            None => None,
        };
        out.push(Decided { text: d.text, act: d.act, tasks, budget });
    }
    Ok(out)
}

/// The rule as printed ("到会人员过半数同意即为通过；到会不少于15人，表决方为有效"), in households
/// for 一户一票; empty for a rule this version does not know.
fn rule_in_words(method: &str, rule: &str, quorum: Option<u32>) -> String {
    let method = VoteMethod::parse(method).unwrap_or(VoteMethod::Hands);
    VoteRule::parse(rule).map_or_else(String::new, |rule| crate::votes::rule_in_words(method, rule, quorum))
}

/// 落实情况公示 for a decision id, or for a topic id (every task of its decisions).
pub fn progress(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<ProgressNotice, LoadError> {
    let (subject, tasks) = if exists(conn, "decisions", id)? {
        let sql = "SELECT a.title FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE d.id = ?1";
        let title: String = one(conn, sql, id, "决议", |r| r.get(0))?;
        (title, tasks(conn, TaskFilter { decision_id: Some(id.to_string()), ..TaskFilter::default() }, opts.today)?)
    } else {
        let sql = "SELECT title FROM topics WHERE id = ?1 AND deleted_at IS NULL";
        let title: String = one(conn, sql, id, "决议或议题", |r| r.get(0))?;
        (title, tasks(conn, TaskFilter { topic_id: Some(id.to_string()), ..TaskFilter::default() }, opts.today)?)
    };
    progress_notice(conn, format!("“{subject}”议定事项"), tasks, opts)
}

/// 落实情况公示 for tasks the secretary ticked on the task board (by deadline). Tasks of one
/// topic are titled by it; tasks of several topics are “近期议定事项”.
pub fn progress_of_tasks(
    conn: &Connection,
    task_ids: &[String],
    opts: &LoadOptions,
) -> Result<ProgressNotice, LoadError> {
    if task_ids.is_empty() {
        return Err(LoadError::NotFound { what: "任务", id: String::new() });
    }
    let mut unique = task_ids.to_vec();
    unique.sort();
    unique.dedup();
    let rows = tasks(conn, TaskFilter { ids: Some(unique.clone()), ..TaskFilter::default() }, opts.today)?;
    let ids = serde_json::Value::from(unique.clone()).to_string();
    if rows.len() != unique.len() {
        let missing = unique.iter().find(|id| !exists(conn, "tasks", id).unwrap_or(false));
        return Err(LoadError::NotFound { what: "任务", id: missing.cloned().unwrap_or_default() });
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT coalesce(tp.title, '') FROM tasks t LEFT JOIN topics tp ON tp.id = t.topic_id \
         WHERE t.id IN (SELECT value FROM json_each(?1))",
    )?;
    let topics = stmt.query_map([&ids], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let subject = match topics.as_slice() {
        [one] if !one.is_empty() => format!("“{one}”议定事项"),
        _ => "近期议定事项".to_string(),
    };
    progress_notice(conn, subject, rows, opts)
}

fn progress_notice(
    conn: &Connection,
    subject: String,
    tasks: Vec<TaskRow>,
    opts: &LoadOptions,
) -> Result<ProgressNotice, LoadError> {
    Ok(ProgressNotice {
        paper: opts.paper,
        subject,
        intro: "根据社区协商议事会议议定事项，现将各项工作的落实情况公示如下，请广大居民监督。".to_string(),
        tasks,
        feedback: Some("对落实情况有意见或建议的，可随时向社区居委会或居务监督委员会反映。".to_string()),
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
    })
}

/// The tasks `filter` selects, as a notice prints them: by deadline (`decisions::tasks`, the
/// task board's query), a task without a unit under its mode (自办…).
fn tasks(conn: &Connection, filter: TaskFilter, today: NaiveDate) -> Result<Vec<TaskRow>, LoadError> {
    let mut rows = Vec::new();
    for t in decisions::tasks(conn, &filter, today)? {
        let unit = if t.responsible_unit.trim().is_empty() { t.mode.label().to_string() } else { t.responsible_unit };
        let status = status_words(conn, &t.id, t.status, t.overdue)?;
        let money = task_money(conn, &t.id)?;
        // 责任人 is optional; a blank cell reads as forgotten where 完成时限 says "—".
        let person = if t.person_in_charge.trim().is_empty() { "—".to_string() } else { t.person_in_charge };
        rows.push(TaskRow { item: t.title, unit, person, deadline: t.deadline, status, money });
    }
    Ok(rows)
}

/// The task's budget (its own or its decision's), what this task spent and what the budget has
/// left; None for a task without money.
fn task_money(conn: &Connection, task_id: &str) -> Result<Option<TaskMoney>, LoadError> {
    let Some(budget) = crate::funds::budget_for_task(conn, task_id)? else { return Ok(None) };
    let spent = Fen::sum(crate::funds::spends(conn, task_id)?.into_iter().map(|s| s.amount));
    Ok(Some(TaskMoney { budget: budget.total, spent, balance: budget.balance }))
}

/// "进行中（已逾期）：灯具已到货" — the status, overdue if past the deadline and not done, and
/// the latest progress note.
fn status_words(conn: &Connection, task_id: &str, status: TaskStatus, overdue: bool) -> Result<String, LoadError> {
    let mut words = status.label().to_string();
    if overdue {
        words.push_str("（已逾期）");
    }
    let note = crate::followup::latest_note_text(conn, task_id)?;
    // A status change is noted as "状态由“进行中”改为“已完成”：…", or with nothing to add as
    // "状态由“进行中”改为“已完成”。"; the status is printed already, so only the words after it stay.
    let note = note.map(|n| match n.strip_prefix("状态由") {
        Some(rest) if rest.ends_with("”。") && !rest.contains("”：") => String::new(),
        Some(rest) => rest.split_once("”：").map_or(n.clone(), |(_, what)| what.to_string()),
        None => n,
    });
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        words = format!("{words}：{note}");
    }
    Ok(words)
}
