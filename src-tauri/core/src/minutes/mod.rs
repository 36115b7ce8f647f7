//! Minutes that never lose a keystroke.
//!
//! `minutes` owns the `minutes` (working text per agenda item) and `minutes_revisions` tables.
//! The UI calls [`save`] about once a second while the secretary types: one small transaction
//! that replaces the working text. Older text is never silently lost: a revision of the text
//! being replaced is kept when the last revision is more than [`REVISION_INTERVAL_SECS`] old, and
//! whenever a save would remove a large part of it (an accidental select-all + delete). Closing a
//! meeting calls [`freeze`]; [`restore_revision`] keeps the current text as a revision first.
//! Meetings own agenda items; this module only reads an item's title and meeting date for search.

mod error;
mod repo;

use rusqlite::{Connection, Transaction};
use serde::Serialize;

pub use error::MinutesError;

use crate::ids::now_utc;
use crate::search::{self, DocKind, SearchDoc};
use crate::validate::free_text;

/// A revision is kept at least this often while someone is typing.
pub const REVISION_INTERVAL_SECS: i64 = 5 * 60;

/// The working text of one agenda item's minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Minutes {
    pub agenda_item_id: String,
    pub text: String,
    /// When the text was last saved (UTC, RFC 3339); empty if never.
    pub updated_at: String,
    pub save_count: i64,
}

/// What the autosave indicator needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveReceipt {
    pub saved_at: String,
    pub save_count: i64,
    /// A revision of the previous text was kept by this save.
    pub revision_kept: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionReason {
    /// Kept while typing, at most every few minutes.
    Interval,
    /// The save removed much of the text: the text before it is kept.
    LargeDeletion,
    /// Frozen when the meeting closed.
    MeetingClose,
    /// The text that was current before a revision was restored.
    BeforeRestore,
    /// Another laptop's text for the same item, kept when an archive was merged.
    ImportConflict,
}

impl RevisionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::Interval => "interval",
            RevisionReason::LargeDeletion => "large_deletion",
            RevisionReason::MeetingClose => "meeting_close",
            RevisionReason::BeforeRestore => "before_restore",
            RevisionReason::ImportConflict => "import_conflict",
        }
    }

    pub fn parse(s: &str) -> Option<RevisionReason> {
        use RevisionReason::*;
        [Interval, LargeDeletion, MeetingClose, BeforeRestore, ImportConflict].into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            RevisionReason::Interval => "自动保留",
            RevisionReason::LargeDeletion => "大段删除前",
            RevisionReason::MeetingClose => "散会定稿",
            RevisionReason::BeforeRestore => "恢复前的版本",
            RevisionReason::ImportConflict => "导入时另一台电脑的版本",
        }
    }
}

/// One kept version, as listed in the revisions panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub id: String,
    pub agenda_item_id: String,
    pub created_at: String,
    pub reason: RevisionReason,
    pub text: String,
    pub chars: usize,
}

/// Autosave: replaces the working text of an agenda item's minutes in one small transaction.
pub fn save(tx: &Transaction, agenda_item_id: &str, text: &str) -> Result<SaveReceipt, MinutesError> {
    let text = free_text("会议记录", text)?;
    editable_item(tx, agenda_item_id)?;
    let now = now_utc();
    let current = repo::working(tx, agenda_item_id)?;
    let mut revision_kept = false;
    if let Some(cur) = &current {
        if let Some(reason) = keep_reason(tx, cur, &text, &now)? {
            repo::insert_revision(tx, &cur.minutes_id, &cur.text, reason, &now)?;
            revision_kept = true;
        }
    }
    let save_count = repo::upsert_working(tx, agenda_item_id, &text, &now)?;
    // The index entry follows within a second (`index_pending`): tokenizing 20,000 characters
    // here would cost more than the save itself, once a second while she types.
    search::defer(tx, DocKind::Minutes, agenda_item_id)?;
    Ok(SaveReceipt { saved_at: now, save_count, revision_kept })
}

/// The agenda item, if its minutes may still change: a closed meeting's minutes are frozen until
/// the meeting is reopened for a correction (with a reason, in `meetings::reopen`).
fn editable_item(conn: &Connection, agenda_item_id: &str) -> Result<repo::ItemInfo, MinutesError> {
    let item = repo::agenda_item(conn, agenda_item_id)?
        .ok_or_else(|| MinutesError::NoSuchItem { id: agenda_item_id.to_string() })?;
    if item.meeting_closed {
        return Err(MinutesError::MeetingClosed);
    }
    Ok(item)
}

/// Whether the text about to be replaced must be kept as a revision first.
fn keep_reason(
    conn: &Connection,
    cur: &repo::Working,
    new_text: &str,
    now: &str,
) -> Result<Option<RevisionReason>, MinutesError> {
    if cur.text.is_empty() || cur.text == new_text {
        return Ok(None);
    }
    let old_len = cur.text.chars().count();
    let new_len = new_text.chars().count();
    if old_len >= 20 && new_len * 2 < old_len {
        return Ok(Some(RevisionReason::LargeDeletion));
    }
    let last = repo::last_revision(conn, &cur.minutes_id)?;
    let due = match &last {
        None => true,
        Some(r) => seconds_between(&r.created_at, now) >= REVISION_INTERVAL_SECS,
    };
    let unchanged_since = last.as_ref().is_some_and(|r| r.text == cur.text);
    Ok((due && !unchanged_since).then_some(RevisionReason::Interval))
}

fn seconds_between(earlier: &str, later: &str) -> i64 {
    let parse = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
    match (parse(earlier), parse(later)) {
        (Some(a), Some(b)) => (b - a).num_seconds(),
        // An unreadable timestamp must not stop revisions from being kept.
        _ => i64::MAX,
    }
}

/// The working text (empty if nothing was typed yet).
pub fn get(conn: &Connection, agenda_item_id: &str) -> Result<Minutes, MinutesError> {
    repo::agenda_item(conn, agenda_item_id)?
        .ok_or_else(|| MinutesError::NoSuchItem { id: agenda_item_id.to_string() })?;
    Ok(match repo::working(conn, agenda_item_id)? {
        Some(w) => Minutes {
            agenda_item_id: agenda_item_id.into(),
            text: w.text,
            updated_at: w.updated_at,
            save_count: w.save_count,
        },
        None => Minutes {
            agenda_item_id: agenda_item_id.into(),
            text: String::new(),
            updated_at: String::new(),
            save_count: 0,
        },
    })
}

/// Kept versions, newest first.
pub fn list_revisions(conn: &Connection, agenda_item_id: &str) -> Result<Vec<Revision>, MinutesError> {
    Ok(repo::revisions(conn, agenda_item_id)?)
}

/// Makes a kept version the working text again; the current text is kept as a revision first.
pub fn restore_revision(tx: &Transaction, revision_id: &str) -> Result<Minutes, MinutesError> {
    let rev =
        repo::revision(tx, revision_id)?.ok_or_else(|| MinutesError::NoSuchRevision { id: revision_id.to_string() })?;
    editable_item(tx, &rev.agenda_item_id)?;
    let now = now_utc();
    if let Some(cur) = repo::working(tx, &rev.agenda_item_id)? {
        if !cur.text.is_empty() && cur.text != rev.text {
            repo::insert_revision(tx, &cur.minutes_id, &cur.text, RevisionReason::BeforeRestore, &now)?;
        }
    }
    save_without_revision(tx, &rev.agenda_item_id, &rev.text, &now)?;
    get(tx, &rev.agenda_item_id)
}

/// Keeps the current text as a revision with `reason` (meeting close, import conflict).
/// Returns whether anything was kept (nothing is kept for empty minutes or an unchanged text).
pub fn freeze(tx: &Transaction, agenda_item_id: &str, reason: RevisionReason) -> Result<bool, MinutesError> {
    let Some(cur) = repo::working(tx, agenda_item_id)? else { return Ok(false) };
    if cur.text.is_empty() {
        return Ok(false);
    }
    let last = repo::last_revision(tx, &cur.minutes_id)?;
    if reason == RevisionReason::MeetingClose
        && last.is_some_and(|r| r.reason == RevisionReason::MeetingClose && r.text == cur.text)
    {
        return Ok(false);
    }
    repo::insert_revision(tx, &cur.minutes_id, &cur.text, reason, &now_utc())?;
    Ok(true)
}

fn save_without_revision(tx: &Transaction, item_id: &str, text: &str, now: &str) -> Result<(), MinutesError> {
    let item = repo::agenda_item(tx, item_id)?.ok_or_else(|| MinutesError::NoSuchItem { id: item_id.into() })?;
    repo::upsert_working(tx, item_id, text, now)?;
    index(tx, item_id, item, text.to_string())
}

/// Keeps the search index in step with an agenda item's minutes (one document per item).
fn index(tx: &Transaction, item_id: &str, item: repo::ItemInfo, text: String) -> Result<(), MinutesError> {
    let zone = crate::community::zone(tx)?;
    search::upsert(tx, &search_doc(zone, item_id.to_string(), item.title, text, &item.meeting_starts_at))?;
    Ok(())
}

/// Writes the index entries `save` deferred (see `search::pending`); returns how many.
pub fn index_pending(tx: &Transaction) -> Result<usize, MinutesError> {
    let ids = search::pending::take(tx, DocKind::Minutes)?;
    for item_id in &ids {
        let item = repo::agenda_item(tx, item_id)?;
        match (item, repo::working(tx, item_id)?) {
            (Some(item), Some(w)) => index(tx, item_id, item, w.text)?,
            // The item went away since (an archive merge replaced it): nothing to find.
            _ => search::remove(tx, DocKind::Minutes, item_id)?,
        }
    }
    Ok(ids.len())
}

/// Every agenda item's minutes as the search index holds them, for rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, MinutesError> {
    let zone = crate::community::zone(conn)?;
    let mut docs = Vec::new();
    for (item_id, title, text, starts_at) in repo::all_texts(conn)? {
        docs.push(search_doc(zone, item_id, title, text, &starts_at));
    }
    Ok(docs)
}

/// One document per agenda item: its title, the text, the day of its meeting.
fn search_doc(zone: crate::time::Zone, item_id: String, title: String, text: String, starts_at: &str) -> SearchDoc {
    SearchDoc { kind: DocKind::Minutes, record_id: item_id, title, body: text, date: zone.date_or_today(starts_at) }
}

#[cfg(test)]
mod tests;
