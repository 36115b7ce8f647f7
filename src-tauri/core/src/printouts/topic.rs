//! 议题公示: a topic and the proposed plan, posted for comment.

use chrono::TimeDelta;
use rusqlite::{Connection, OptionalExtension};

use super::common::{issuer, local_time, one, public_masking};
use super::{LoadError, LoadOptions};
use crate::notices::fmt_datetime;
use crate::notices::{OpinionLine, Photo, PlanText, TopicNotice, TopicOrigin};
use crate::topics::Channel;

const WHAT: &str = "议题";
/// A default 公示期 runs from today to this many days later.
const PERIOD_DAYS: i64 = 7;

/// 议题公示 for the topic `id`. The plan is what a meeting decided on it, else the meeting it is
/// on the agenda of; 公示期 as given, else today to today + 7 days.
pub fn topic(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<TopicNotice, LoadError> {
    let sql = "SELECT t.title, t.description, t.channel, t.raised_at, coalesce(p.name, ''), \
                      coalesce(nullif(trim(t.raised_by_name), ''), r.name, '') FROM topics t \
               LEFT JOIN places p ON p.id = t.place_id LEFT JOIN people r ON r.id = t.raised_by_person_id \
               WHERE t.id = ?1 AND t.deleted_at IS NULL";
    type Row = (String, String, String, String, String, String);
    let (title, description, channel, raised_at, place, raised_by): Row =
        one(conn, sql, id, WHAT, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
    let background: Vec<String> =
        description.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    let origin = TopicOrigin {
        raised_by,
        raised_on: local_time(conn, &raised_at, WHAT)?.date(),
        // “经其他提出” reads as a person named 其他.
        channel: Channel::parse(&channel)
            .filter(|c| *c != Channel::Other)
            .map_or("其他渠道", |c| c.label())
            .to_string(),
        place,
    };
    let (from, to) = opts.period.unwrap_or((opts.today, opts.today + TimeDelta::days(PERIOD_DAYS)));
    let issuer = issuer(conn)?;
    Ok(TopicNotice {
        paper: opts.paper,
        topic: title,
        background,
        plan: plan(conn, id)?,
        proposal: proposal(conn, id)?,
        period_from: from,
        period_to: to,
        feedback: feedback(&issuer, &crate::community::public_phone(conn)?),
        photo: photo(conn, id)?,
        origin: Some(origin),
        issuer,
        date: opts.today,
        // The raiser is a private person: 王*兰 unless the secretary asks for the full name.
        masking: public_masking(conn, opts, true)?,
        qr: super::common::feedback_qr(conn, opts)?,
    })
}

/// The topic's own 方案 (`plans`), its current version with every opinion, if it has one.
fn proposal(conn: &Connection, topic_id: &str) -> Result<Option<PlanText>, LoadError> {
    let Some(p) = crate::plans::get(conn, topic_id)? else { return Ok(None) };
    let zone = crate::community::zone(conn)?;
    Ok(Some(PlanText {
        proposal: p.current.proposal.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect(),
        cost: p.current.cost,
        drafted_by: p.current.drafted_by.clone(),
        version_no: p.current.version_no,
        revised_on: zone.date_or_today(&p.current.created_at),
        opinions: p
            .opinions
            .iter()
            .map(|o| OpinionLine {
                reviewer: o.reviewer.clone(),
                aspect: o.aspect.label().to_string(),
                opinion: o.opinion.clone(),
                given_on: o.given_on,
            })
            .collect(),
    }))
}

/// What was decided on the topic; else the meeting that will take it up.
fn plan(conn: &Connection, topic_id: &str) -> Result<Vec<String>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT text FROM decisions WHERE topic_id = ?1 AND act = 1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let decided: Vec<String> = stmt.query_map([topic_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if !decided.is_empty() {
        return Ok(decided);
    }
    let next: Option<(String, String, String)> = conn
        .query_row(
            "SELECT m.title, m.starts_at, m.place FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id \
             WHERE a.topic_id = ?1 AND a.deleted_at IS NULL AND m.deleted_at IS NULL AND m.status != 'closed' \
             ORDER BY m.starts_at LIMIT 1",
            [topic_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let hearing = "届时将听取居民和各有关方面的意见，形成具体方案后另行公示。";
    Ok(vec![match next {
        Some((title, starts, place)) => {
            let when = fmt_datetime(local_time(conn, &starts, "会议")?);
            let at = if place.is_empty() { String::new() } else { format!("在{place}") };
            format!("拟于{when}{at}召开的{title}上协商议定，{hearing}")
        }
        None => format!("拟提交社区议事会协商议定，{hearing}"),
    }])
}

/// How residents can comment: by the public contact number of 设置 when there is one (no number
/// is invented when there is none).
fn feedback(issuer: &str, phone: &str) -> Vec<String> {
    let call = if phone.is_empty() {
        format!("当面或来电：工作日向{issuer}反映")
    } else {
        format!("当面或来电：工作日向{issuer}反映，电话{phone}")
    };
    vec![call, "书面意见：投入小区意见箱".to_string(), "网格反映：告知所在网格的网格员".to_string()]
}

/// The topic's first photo, if any.
fn photo(conn: &Connection, topic_id: &str) -> Result<Option<Photo>, LoadError> {
    Ok(conn
        .query_row(
            "SELECT data FROM attachments WHERE owner_kind = 'topic' AND owner_id = ?1 AND deleted_at IS NULL \
             AND mime IN ('image/jpeg', 'image/png') ORDER BY created_at, id LIMIT 1",
            [topic_id],
            |r| r.get::<_, Vec<u8>>(0),
        )
        .optional()?
        .map(|bytes| Photo { bytes, caption: Some("现场照片".to_string()) }))
}
