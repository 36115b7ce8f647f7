//! SQL for plans: versions, opinions, comments and answers. Days are YYYY-MM-DD; a version's
//! number is its place among the topic's versions ordered by time (none is stored).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Answer, Aspect, Comment, Opinion, PlanVersion};
use crate::ids::{new_id, now_utc};
use crate::money::Fen;
use crate::store::{day_col, parse_col};

pub(super) fn insert_version(
    conn: &Connection,
    topic_id: &str,
    proposal: &str,
    cost: Option<Fen>,
    drafted_by: &str,
    note: &str,
    actor: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO plan_versions (id, topic_id, proposal, cost_fen, drafted_by, note, actor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![new_id(), topic_id, proposal, cost.map(|f| f.0), drafted_by, note, actor, now_utc()],
    )?;
    Ok(())
}

/// Every version of a topic's plan, oldest first, numbered from 1.
pub(super) fn versions(conn: &Connection, topic_id: &str) -> rusqlite::Result<Vec<PlanVersion>> {
    let mut stmt = conn.prepare(
        "SELECT id, proposal, cost_fen, drafted_by, note, actor, created_at FROM plan_versions \
         WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([topic_id], |r| {
        Ok(PlanVersion {
            id: r.get(0)?,
            version_no: 0,
            proposal: r.get(1)?,
            cost: r.get::<_, Option<i64>>(2)?.map(Fen),
            drafted_by: r.get(3)?,
            note: r.get(4)?,
            actor: r.get(5)?,
            created_at: r.get(6)?,
        })
    })?;
    let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for (i, v) in list.iter_mut().enumerate() {
        v.version_no = i + 1;
    }
    Ok(list)
}

fn number_of(versions: &[PlanVersion], version_id: &str) -> usize {
    versions.iter().find(|v| v.id == version_id).map_or(0, |v| v.version_no)
}

pub(super) fn topics_with_plans(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT topic_id FROM plan_versions WHERE deleted_at IS NULL ORDER BY topic_id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert_opinion(
    conn: &Connection,
    topic_id: &str,
    version_id: &str,
    reviewer: &str,
    aspect: Aspect,
    opinion: &str,
    given_on: NaiveDate,
    actor: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO plan_opinions (id, topic_id, version_id, reviewer, aspect, opinion, given_on, actor, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            new_id(),
            topic_id,
            version_id,
            reviewer,
            aspect.as_str(),
            opinion,
            given_on.to_string(),
            actor,
            now_utc()
        ],
    )?;
    Ok(())
}

pub(super) fn opinions(conn: &Connection, topic_id: &str, versions: &[PlanVersion]) -> rusqlite::Result<Vec<Opinion>> {
    let mut stmt = conn.prepare(
        "SELECT id, version_id, reviewer, aspect, opinion, given_on, actor FROM plan_opinions \
         WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY given_on, created_at, id",
    )?;
    let rows = stmt.query_map([topic_id], |r| {
        Ok(Opinion {
            id: r.get(0)?,
            version_no: number_of(versions, &r.get::<_, String>(1)?),
            reviewer: r.get(2)?,
            aspect: parse_col(r, 3, Aspect::parse)?,
            opinion: r.get(4)?,
            given_on: day_col(r, 5)?,
            actor: r.get(6)?,
        })
    })?;
    rows.collect()
}

pub(super) fn insert_comment(
    conn: &Connection,
    topic_id: &str,
    version_id: &str,
    received_on: NaiveDate,
    from_name: &str,
    text: &str,
    actor: &str,
) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO plan_comments (id, topic_id, version_id, received_on, from_name, text, actor, created_at, \
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, topic_id, version_id, received_on.to_string(), from_name, text, actor, now_utc()],
    )?;
    Ok(id)
}

pub(super) fn comment_topic(conn: &Connection, comment_id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT topic_id FROM plan_comments WHERE id = ?1 AND deleted_at IS NULL", [comment_id], |r| {
        r.get(0)
    })
    .optional()
}

pub(super) fn comments(conn: &Connection, topic_id: &str, versions: &[PlanVersion]) -> rusqlite::Result<Vec<Comment>> {
    let mut stmt = conn.prepare(
        "SELECT id, version_id, received_on, from_name, text, actor FROM plan_comments \
         WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY received_on, created_at, id",
    )?;
    let rows = stmt.query_map([topic_id], |r| {
        Ok(Comment {
            id: r.get(0)?,
            version_no: number_of(versions, &r.get::<_, String>(1)?),
            received_on: day_col(r, 2)?,
            from_name: r.get(3)?,
            text: r.get(4)?,
            actor: r.get(5)?,
            answer: None,
            earlier_answers: Vec::new(),
        })
    })?;
    let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for c in &mut list {
        let mut all = answers(conn, &c.id)?;
        c.answer = all.pop();
        c.earlier_answers = all;
    }
    Ok(list)
}

pub(super) fn insert_answer(
    conn: &Connection,
    comment_id: &str,
    text: &str,
    answered_by: &str,
    actor: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO plan_answers (id, comment_id, text, answered_by, actor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![new_id(), comment_id, text, answered_by, actor, now_utc()],
    )?;
    Ok(())
}

/// A comment's answers, oldest first (the last is the current one).
pub(super) fn answers(conn: &Connection, comment_id: &str) -> rusqlite::Result<Vec<Answer>> {
    let mut stmt = conn.prepare(
        "SELECT id, text, answered_by, actor, created_at FROM plan_answers \
         WHERE comment_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([comment_id], |r| {
        Ok(Answer { id: r.get(0)?, text: r.get(1)?, answered_by: r.get(2)?, actor: r.get(3)?, at: r.get(4)? })
    })?;
    rows.collect()
}
