//! SQL for minutes and revisions.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Revision, RevisionReason};
use crate::ids::new_id;

pub(super) struct Working {
    pub minutes_id: String,
    pub text: String,
    pub updated_at: String,
    pub save_count: i64,
}

pub(super) struct ItemInfo {
    pub title: String,
    pub meeting_starts_at: String,
    pub meeting_closed: bool,
}

pub(super) struct LastRevision {
    pub text: String,
    pub created_at: String,
    pub reason: RevisionReason,
}

/// Every item's working text with its title and meeting start: (item id, title, text, starts_at).
pub(super) fn all_texts(conn: &Connection) -> rusqlite::Result<Vec<(String, String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.title, n.text, m.starts_at FROM main.minutes n \
         JOIN main.agenda_items a ON a.id = n.agenda_item_id JOIN main.meetings m ON m.id = a.meeting_id \
         WHERE n.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

pub(super) fn agenda_item(conn: &Connection, id: &str) -> rusqlite::Result<Option<ItemInfo>> {
    conn.query_row(
        "SELECT a.title, m.starts_at, m.status = 'closed' FROM agenda_items a \
         JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?1 AND a.deleted_at IS NULL",
        [id],
        |r| Ok(ItemInfo { title: r.get(0)?, meeting_starts_at: r.get(1)?, meeting_closed: r.get(2)? }),
    )
    .optional()
}

pub(super) fn working(conn: &Connection, item_id: &str) -> rusqlite::Result<Option<Working>> {
    conn.query_row("SELECT id, text, updated_at, save_count FROM minutes WHERE agenda_item_id = ?1", [item_id], |r| {
        Ok(Working { minutes_id: r.get(0)?, text: r.get(1)?, updated_at: r.get(2)?, save_count: r.get(3)? })
    })
    .optional()
}

/// Inserts or replaces the working text; returns the new save count.
pub(super) fn upsert_working(conn: &Connection, item_id: &str, text: &str, now: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "INSERT INTO minutes (id, agenda_item_id, text, save_count, created_at, updated_at) \
         VALUES (?1, ?2, ?3, 1, ?4, ?4) \
         ON CONFLICT(agenda_item_id) DO UPDATE SET text = excluded.text, \
           save_count = save_count + 1, updated_at = excluded.updated_at \
         RETURNING save_count",
        params![new_id(), item_id, text, now],
        |r| r.get(0),
    )
}

pub(super) fn insert_revision(
    conn: &Connection,
    minutes_id: &str,
    text: &str,
    reason: RevisionReason,
    now: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO minutes_revisions (id, minutes_id, text, reason, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![new_id(), minutes_id, text, reason.as_str(), now],
    )?;
    Ok(())
}

pub(super) fn last_revision(conn: &Connection, minutes_id: &str) -> rusqlite::Result<Option<LastRevision>> {
    conn.query_row(
        "SELECT text, created_at, reason FROM minutes_revisions WHERE minutes_id = ?1 \
         AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1",
        [minutes_id],
        |r| {
            Ok(LastRevision {
                text: r.get(0)?,
                created_at: r.get(1)?,
                reason: crate::store::parse_col(r, 2, RevisionReason::parse)?,
            })
        },
    )
    .optional()
}

const REVISION_SELECT: &str = "SELECT r.id, m.agenda_item_id, r.created_at, r.reason, r.text \
    FROM minutes_revisions r JOIN minutes m ON m.id = r.minutes_id";

fn revision_row(r: &rusqlite::Row) -> rusqlite::Result<Revision> {
    let text: String = r.get(4)?;
    Ok(Revision {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        created_at: r.get(2)?,
        reason: crate::store::parse_col(r, 3, RevisionReason::parse)?,
        chars: text.chars().count(),
        text,
    })
}

pub(super) fn revisions(conn: &Connection, item_id: &str) -> rusqlite::Result<Vec<Revision>> {
    let mut stmt = conn.prepare(&format!(
        "{REVISION_SELECT} WHERE m.agenda_item_id = ?1 AND r.deleted_at IS NULL \
         ORDER BY r.created_at DESC, r.id DESC"
    ))?;
    let rows = stmt.query_map([item_id], revision_row)?;
    rows.collect()
}

pub(super) fn revision(conn: &Connection, id: &str) -> rusqlite::Result<Option<Revision>> {
    conn.query_row(&format!("{REVISION_SELECT} WHERE r.id = ?1"), [id], revision_row).optional()
}
