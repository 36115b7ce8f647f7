//! Fills the 月度议题研判表 of a month (`2026-11`) from the records, as they stood at the
//! month's end (or today, while the month is running): a topic's status then is the last status
//! event before that instant, a task's deadline then is the one before any later extension, and
//! a month's edges are midnights in the community's zone (`time`), never the machine's.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;

use super::common::{issuer, public_masking};
use super::{LoadError, LoadOptions};
use crate::casework::ANSWER_DUE;
use crate::community::load_settings;
use crate::notices::{ClassCounts, EscalatedItem, MonthReview, OverdueTask, ReviewTopic};
use crate::time::Zone;
use crate::topics::{HandlingClass, TopicStatus};

/// The statuses of a topic still being worked on by the community (not done, not passed on).
const OPEN: [TopicStatus; 6] = [
    TopicStatus::Collected,
    TopicStatus::Accepted,
    TopicStatus::OnAgenda,
    TopicStatus::Decided,
    TopicStatus::InProgress,
    TopicStatus::AwaitingEvaluation,
];

/// `2026-11` → its first and last day. Anything else is refused in Chinese.
pub fn parse_month(text: &str) -> Result<(NaiveDate, NaiveDate), LoadError> {
    let bad = || LoadError::BadMonth { text: text.to_string() };
    let t = text.trim();
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !(digits(m, 2) || digits(m, 1)) {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u32 = m.parse().map_err(|_| bad())?;
    if !(2000..=2100).contains(&year) {
        return Err(bad());
    }
    crate::time::month_bounds(year, month).ok_or_else(bad)
}

/// One topic as it stood at the cut.
struct TopicThen {
    number: String,
    title: String,
    raised_on: NaiveDate,
    class: HandlingClass,
    status: TopicStatus,
    status_note: String,
    answered: bool,
    id: String,
}

/// The 月度议题研判表 of `id` (a month, `2026-11`), dated `opts.today`.
pub fn month_review(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<MonthReview, LoadError> {
    let (first, last) = parse_month(id)?;
    if first > opts.today {
        return Err(LoadError::MonthAhead { year: first.year(), month: first.month() });
    }
    let zone = crate::community::zone(conn)?;
    let as_of = last.min(opts.today);
    let mask = public_masking(conn, opts, false)?;
    let topics = topics_then(conn, zone, as_of)?;
    let view = |t: &TopicThen, age_days: i64| ReviewTopic {
        number: t.number.clone(),
        title: mask.text(&t.title),
        raised_on: t.raised_on,
        class: t.class.label().to_string(),
        state: t.status.label().to_string(),
        age_days,
    };
    let mut counts = ClassCounts::default();
    let mut collected = Vec::new();
    let mut open_community = Vec::new();
    let mut open_escalated = Vec::new();
    let mut unanswered = Vec::new();
    for t in &topics {
        if t.raised_on >= first {
            match t.class {
                HandlingClass::Immediate => counts.immediate += 1,
                HandlingClass::Community => counts.community += 1,
                HandlingClass::Escalate => counts.escalate += 1,
            }
            collected.push(view(t, 0));
        }
        if OPEN.contains(&t.status) {
            open_community.push(view(t, (as_of - t.raised_on).num_days()));
        }
        if t.status == TopicStatus::Escalated {
            // A reply dated by the cut answers it, even when typed in later (its stated day).
            if let Some(item) = escalated(conn, t, as_of, view(t, 0), &mask)? {
                open_escalated.push(item);
            }
        }
        if ANSWER_DUE.contains(&t.status) && !t.answered {
            unanswered.push(view(t, 0));
        }
    }
    Ok(MonthReview {
        paper: opts.paper,
        community: load_settings(conn)?.name.trim().to_string(),
        year: first.year(),
        month: first.month(),
        as_of,
        counts,
        collected,
        open_community,
        open_escalated,
        overdue: overdue(conn, zone, as_of, &mask)?,
        unanswered,
        issuer: issuer(conn)?,
        date: opts.today,
    })
}

/// The instant `as_of` ends in the community's zone (the next local midnight), stored form.
fn end_of(zone: Zone, as_of: NaiveDate) -> String {
    zone.start_of_day(as_of.checked_add_days(Days::new(1)).unwrap_or(as_of))
}

/// Every topic raised by the end of `as_of`, numbered within its year (2026-001 …), with its
/// status, class at intake and answer as they were then.
fn topics_then(conn: &Connection, zone: Zone, as_of: NaiveDate) -> Result<Vec<TopicThen>, LoadError> {
    let end = end_of(zone, as_of);
    let mut stmt = conn.prepare(
        "SELECT t.id, t.title, t.raised_at, t.handling_class, t.status_note, \
           (SELECT e.to_status FROM topic_events e WHERE e.topic_id = t.id AND e.deleted_at IS NULL \
              AND julianday(e.at) < julianday(?1) ORDER BY julianday(e.at) DESC, e.id DESC LIMIT 1), \
           EXISTS (SELECT 1 FROM topic_events e WHERE e.topic_id = t.id AND e.deleted_at IS NULL \
              AND e.from_status = 'done_on_spot'), \
           EXISTS (SELECT 1 FROM topic_notes n WHERE n.topic_id = t.id AND n.is_answer = 1 \
              AND n.deleted_at IS NULL AND julianday(n.at) < julianday(?1)) \
         FROM topics t WHERE t.deleted_at IS NULL ORDER BY t.raised_at, t.id",
    )?;
    let rows = stmt.query_map([&end], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, bool>(6)?,
            r.get::<_, bool>(7)?,
        ))
    })?;
    let mut list = Vec::new();
    let (mut year, mut n) = (0, 0);
    for row in rows {
        let (id, title, raised_at, class, status_note, status, was_on_spot, answered) = row?;
        let raised = zone
            .datetime_of(&raised_at)
            .ok_or_else(|| LoadError::Damaged {
                what: "议题", detail: format!("时间“{raised_at}”无法识别")
            })?;
        let raised_on = raised.date();
        // Numbered in the order raised, whatever happens later; counted even when raised later
        // than the cut, so a number never changes with the month printed.
        if raised_on.year() != year {
            (year, n) = (raised_on.year(), 0);
        }
        n += 1;
        if raised_on > as_of {
            continue;
        }
        let bad = |what: &str| LoadError::Damaged { what: "议题", detail: format!("“{what}”无法识别") };
        let status = match status {
            Some(s) => TopicStatus::parse(&s).ok_or_else(|| bad(&s))?,
            None => TopicStatus::Collected,
        };
        // A 即办件 whose 回访 reopened it is stored as 代办 since; it was collected as 即办.
        let class = if was_on_spot {
            HandlingClass::Immediate
        } else {
            HandlingClass::parse(&class).ok_or_else(|| bad(&class))?
        };
        list.push(TopicThen {
            number: format!("{year}-{n:03}"),
            title,
            raised_on,
            class,
            status,
            status_note,
            answered,
            id,
        });
    }
    Ok(list)
}

/// An 已上报 topic at the cut: its latest 上报 record sent by then, if any; `None` when that
/// record's reply is dated by the cut.
fn escalated(
    conn: &Connection,
    t: &TopicThen,
    as_of: NaiveDate,
    mut topic: ReviewTopic,
    mask: &crate::notices::Masking,
) -> Result<Option<EscalatedItem>, LoadError> {
    let record = crate::casework::escalations(conn, &t.id)
        .map_err(|e| LoadError::Damaged { what: "上报记录", detail: e.to_string() })?
        .into_iter()
        .rfind(|e| e.sent_on <= as_of);
    let Some(e) = record else {
        topic.age_days = (as_of - t.raised_on).num_days();
        return Ok(Some(EscalatedItem {
            topic,
            sent_to: mask.text(&t.status_note),
            reference: String::new(),
            sent_on: None,
            follow_up_on: None,
            reply: "未答复".to_string(),
        }));
    };
    if e.replied_on.is_some_and(|d| d <= as_of) {
        return Ok(None);
    }
    topic.age_days = (as_of - e.sent_on).num_days();
    let reply = match e.follow_up_on {
        Some(f) if f < as_of => format!("未答复，超跟进日{}天", (as_of - f).num_days()),
        _ => "未答复".to_string(),
    };
    let name = if e.sent_to_name.trim().is_empty() {
        e.sent_to.label().to_string()
    } else {
        format!("{}（{}）", e.sent_to_name, e.sent_to.label())
    };
    Ok(Some(EscalatedItem {
        topic,
        sent_to: mask.text(&name),
        reference: mask.text(&e.reference),
        sent_on: Some(e.sent_on),
        follow_up_on: e.follow_up_on,
        reply,
    }))
}

/// Tasks overdue at the end of `as_of`: created by then, not done by then, and past the
/// deadline they had then (an extension made later does not hide it); soonest deadline first.
fn overdue(
    conn: &Connection,
    zone: Zone,
    as_of: NaiveDate,
    mask: &crate::notices::Masking,
) -> Result<Vec<OverdueTask>, LoadError> {
    let end = end_of(zone, as_of);
    let mut stmt = conn.prepare(
        "SELECT t.title, t.responsible_unit, t.person_in_charge, \
           COALESCE((SELECT c.old_value FROM task_changes c WHERE c.task_id = t.id AND c.field = 'deadline' \
              AND c.deleted_at IS NULL AND julianday(c.created_at) >= julianday(?1) \
              ORDER BY c.created_at, c.id LIMIT 1), t.deadline), \
           (SELECT count(*) FROM task_changes c WHERE c.task_id = t.id AND c.field = 'deadline' \
              AND c.deleted_at IS NULL AND julianday(c.created_at) < julianday(?1)) \
         FROM tasks t WHERE t.deleted_at IS NULL AND julianday(t.created_at) < julianday(?1) \
           AND NOT (t.status = 'done' AND (t.done_at IS NULL OR julianday(t.done_at) < julianday(?1)))",
    )?;
    let rows = stmt.query_map([&end], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut list = Vec::new();
    for row in rows {
        let (title, unit, person, deadline, extensions) = row?;
        let Some(deadline) = deadline.filter(|d| !d.is_empty()) else { continue };
        let deadline = super::common::date(&deadline, "任务")?;
        if deadline >= as_of {
            continue;
        }
        list.push(OverdueTask {
            title: mask.text(&title),
            unit: mask.text(&unit),
            person: mask.text(&person),
            deadline,
            days_overdue: (as_of - deadline).num_days(),
            extensions: extensions.max(0) as usize,
        });
    }
    list.sort_by(|a, b| a.deadline.cmp(&b.deadline).then_with(|| a.title.cmp(&b.title)));
    Ok(list)
}
