//! SQL for topics and their events. Only this file knows the column names.

use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};

use super::{
    Channel, Checked, HandlingClass, NewTopic, Scale, Topic, TopicError, TopicEvent, TopicFilter, TopicStatus,
};
use crate::ids::{new_id, now_utc};
use crate::store::parse_col;

const COLUMNS: &str = "id, title, description, channel, raised_by_person_id, raised_by_name, \
    raised_by_phone, raised_at, place_id, category_id, handling_class, scale, status, \
    merged_into_id, status_note, created_at, updated_at";

/// `new` as typed, `c` its checked text fields.
pub(super) fn insert(conn: &Connection, id: &str, new: &NewTopic, c: &Checked, now: &str) -> Result<(), TopicError> {
    conn.execute(
        "INSERT INTO topics (id, title, description, channel, raised_by_person_id, raised_by_name, \
         raised_by_phone, raised_at, place_id, category_id, handling_class, scale, status, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'collected', ?13, ?13)",
        params![
            id,
            c.title,
            c.description,
            new.channel.as_str(),
            new.raised_by_person_id,
            c.raised_by_name,
            c.raised_by_phone,
            c.raised_at,
            new.place_id,
            new.category_id,
            new.handling_class.as_str(),
            new.scale.as_str(),
            now
        ],
    )
    .map_err(reference_error)?;
    Ok(())
}

pub(super) fn update(conn: &Connection, id: &str, new: &NewTopic, c: &Checked) -> Result<(), TopicError> {
    conn.execute(
        "UPDATE topics SET title = ?2, description = ?3, channel = ?4, raised_by_person_id = ?5, \
         raised_by_name = ?6, raised_by_phone = ?7, raised_at = ?8, place_id = ?9, category_id = ?10, \
         handling_class = ?11, scale = ?12, updated_at = ?13 WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            c.title,
            c.description,
            new.channel.as_str(),
            new.raised_by_person_id,
            c.raised_by_name,
            c.raised_by_phone,
            c.raised_at,
            new.place_id,
            new.category_id,
            new.handling_class.as_str(),
            new.scale.as_str(),
            now_utc()
        ],
    )
    .map_err(reference_error)?;
    Ok(())
}

/// A foreign-key failure means the form named a person, place or category that is not there.
fn reference_error(e: rusqlite::Error) -> TopicError {
    match e.sqlite_error() {
        Some(err) if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            TopicError::UnknownReference { what: "人员、地点或分类" }
        }
        _ => TopicError::Db(e),
    }
}

pub(super) fn set_status(
    conn: &Connection,
    id: &str,
    to: TopicStatus,
    note: &str,
    merged_into: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE topics SET status = ?2, status_note = ?3, merged_into_id = coalesce(?4, merged_into_id), \
         updated_at = ?5 WHERE id = ?1",
        params![id, to.as_str(), note, merged_into, now_utc()],
    )?;
    Ok(())
}

/// Forgets which topic this one was merged into (the merge was taken back; the timeline keeps it).
/// 即办件 → 代办件 when a 回访 finds the fix did not hold.
pub(super) fn set_handling_class(conn: &Connection, id: &str, class: HandlingClass) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE topics SET handling_class = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, class.as_str(), now_utc()],
    )?;
    Ok(())
}

pub(super) fn clear_merge(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute("UPDATE topics SET merged_into_id = NULL, updated_at = ?2 WHERE id = ?1", params![id, now_utc()])?;
    Ok(())
}

pub(super) fn insert_event(
    conn: &Connection,
    topic_id: &str,
    actor: &str,
    from: Option<TopicStatus>,
    to: TopicStatus,
    note: &str,
) -> rusqlite::Result<()> {
    let now = now_utc();
    conn.execute(
        "INSERT INTO topic_events (id, topic_id, actor, at, from_status, to_status, note, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?4)",
        params![new_id(), topic_id, actor, now, from.map(TopicStatus::as_str), to.as_str(), note],
    )?;
    Ok(())
}

pub(super) fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<Topic>> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM topics WHERE id = ?1 AND deleted_at IS NULL"), [id], from_row)
        .optional()
}

pub(super) fn list(conn: &Connection, f: &TopicFilter) -> rusqlite::Result<Vec<Topic>> {
    let mut sql = format!("SELECT {COLUMNS} FROM topics WHERE deleted_at IS NULL");
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    if !f.statuses.is_empty() {
        let marks = vec!["?"; f.statuses.len()].join(",");
        sql.push_str(&format!(" AND status IN ({marks})"));
        args.extend(f.statuses.iter().map(|s| Box::new(s.as_str()) as Box<dyn ToSql>));
    }
    let mut eq = |column: &str, value: Option<String>| {
        if let Some(v) = value {
            sql.push_str(&format!(" AND {column} = ?"));
            args.push(Box::new(v));
        }
    };
    eq("category_id", f.category_id.clone());
    eq("place_id", f.place_id.clone());
    eq("channel", f.channel.map(|c| c.as_str().to_string()));
    // Dates are the community's calendar days; raised_at is UTC, so the bounds are the UTC
    // instants of local midnights (julianday reads any stored RFC 3339 form).
    if f.from.is_some() || f.to.is_some() {
        let zone = crate::community::zone(conn)?;
        if let Some(from) = f.from {
            sql.push_str(" AND julianday(raised_at) >= julianday(?)");
            args.push(Box::new(zone.start_of_day(from)));
        }
        if let Some(next) = f.to.and_then(|to| to.succ_opt()) {
            sql.push_str(" AND julianday(raised_at) < julianday(?)");
            args.push(Box::new(zone.start_of_day(next)));
        }
    }
    sql.push_str(" ORDER BY raised_at DESC, id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), from_row)?;
    rows.collect()
}

pub(super) fn review_queue(conn: &Connection) -> rusqlite::Result<Vec<Topic>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM topics WHERE deleted_at IS NULL AND status = 'collected' \
         ORDER BY (scale = 'urgent') DESC, raised_at ASC, id ASC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.collect()
}

pub(super) fn counts_by_status(conn: &Connection) -> rusqlite::Result<Vec<(TopicStatus, i64)>> {
    let mut stmt = conn.prepare("SELECT status, count(*) FROM topics WHERE deleted_at IS NULL GROUP BY status")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut counts = Vec::new();
    for row in rows {
        let (status, n) = row?;
        if let Some(s) = TopicStatus::parse(&status) {
            counts.push((s, n));
        }
    }
    counts.sort_by_key(|(s, _)| TopicStatus::ALL.iter().position(|x| x == s));
    Ok(counts)
}

pub(super) fn events(conn: &Connection, topic_id: &str) -> rusqlite::Result<Vec<TopicEvent>> {
    let mut stmt = conn.prepare(
        "SELECT id, topic_id, actor, at, from_status, to_status, note FROM topic_events \
         WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY at, id",
    )?;
    let rows = stmt.query_map([topic_id], |r| {
        Ok(TopicEvent {
            id: r.get(0)?,
            topic_id: r.get(1)?,
            actor: r.get(2)?,
            at: r.get(3)?,
            from_status: r.get::<_, Option<String>>(4)?.as_deref().and_then(TopicStatus::parse),
            to_status: parse_col(r, 5, TopicStatus::parse)?,
            note: r.get(6)?,
        })
    })?;
    rows.collect()
}

fn from_row(r: &Row) -> rusqlite::Result<Topic> {
    Ok(Topic {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        channel: parse_col(r, 3, Channel::parse)?,
        raised_by_person_id: r.get(4)?,
        raised_by_name: r.get(5)?,
        raised_by_phone: r.get(6)?,
        raised_at: r.get(7)?,
        place_id: r.get(8)?,
        category_id: r.get(9)?,
        handling_class: parse_col(r, 10, HandlingClass::parse)?,
        scale: parse_col(r, 11, Scale::parse)?,
        status: parse_col(r, 12, TopicStatus::parse)?,
        merged_into_id: r.get(13)?,
        status_note: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}
