//! Photos attached to records (a topic's 随手拍, task notes, notices, receipts, and a meeting's
//! bench, signed sign-in sheet and board for the inspectors), kept inside the
//! one database file so the USB archive carries them.
//!
//! `attachments` owns the `attachments` table: it checks that what is added is a JPEG or PNG
//! (by its first bytes, not by its name) of at most [`MAX_BYTES`], stores it whole, lists what a
//! record has and hands the bytes back. It does not open files or dialogs (the shell does) and
//! knows of its owners only which table each kind of owner lives in.
//!
//! **No thumbnails are computed.** Decoding JPEG/PNG would need an image crate (and its decoders)
//! in the core for a picture the webview can already scale: the UI shows the stored image scaled
//! down by CSS. The `thumbnail` column stays NULL; a later version may fill it without a migration.
//!
//! **Drafts.** The intake form takes photos before the topic exists: they are stored with owner
//! [`OwnerKind::Draft`] and a key the form made up, and [`claim_drafts`] hands them to the new
//! record in the transaction that creates it.

mod error;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

pub use error::AttachmentError;

use crate::ids::{new_id, now_utc};
use crate::validate::required_line;

/// The largest photo accepted: 10 MB (10 × 1024 × 1024 bytes).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

crate::labelled_enum! {
    /// What kind of record a photo belongs to.
    OwnerKind {
        Draft = "draft": "未保存的表单",
        Topic = "topic": "议题",
        TaskNote = "task_note": "办理记录",
        TopicNote = "topic_note": "跟进记录",
        Notice = "notice": "公示",
        FundSpend = "fund_spend": "支出凭证",
        Meeting = "meeting": "会议",
    }
}

impl OwnerKind {
    /// The table the owner lives in; drafts have none (their key is made up by the form).
    fn table(self) -> Option<&'static str> {
        match self {
            OwnerKind::Draft => None,
            OwnerKind::Topic => Some("topics"),
            OwnerKind::TaskNote => Some("task_notes"),
            OwnerKind::TopicNote => Some("topic_notes"),
            OwnerKind::Notice => Some("notices"),
            OwnerKind::FundSpend => Some("fund_spends"),
            OwnerKind::Meeting => Some("meetings"),
        }
    }
}

/// What the screen needs to show a photo, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: String,
    pub owner_kind: OwnerKind,
    pub owner_id: String,
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    pub created_at: String,
}

/// A photo's bytes and their MIME type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageData {
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// Stores a JPEG or PNG for a record; anything else, or anything over 10 MB, is refused.
pub fn add_image(
    tx: &Transaction,
    owner_kind: OwnerKind,
    owner_id: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<Attachment, AttachmentError> {
    let file_name = required_line("文件名", file_name, 200)?;
    let owner_id = required_line("所属记录", owner_id, 100)?;
    if bytes.len() > MAX_BYTES {
        return Err(AttachmentError::TooLarge { bytes: bytes.len() });
    }
    let mime = sniff(bytes).ok_or(AttachmentError::NotAnImage { file_name: file_name.clone() })?;
    owner_exists(tx, owner_kind, &owner_id)?;
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO attachments (id, owner_kind, owner_id, file_name, mime, size, data, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, owner_kind.as_str(), owner_id, file_name, mime, bytes.len() as i64, bytes, now],
    )?;
    get(tx, &id)
}

/// Reads a photo file the user picked (the shell's dialog chose the path) and stores it.
/// The size is checked before reading, so a huge file is refused without loading it.
pub fn add_image_file(
    tx: &Transaction,
    owner_kind: OwnerKind,
    owner_id: &str,
    path: &Path,
) -> Result<Attachment, AttachmentError> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let unreadable = |_| AttachmentError::Unreadable { file_name: file_name.clone() };
    let len = std::fs::metadata(path).map_err(unreadable)?.len();
    if len > MAX_BYTES as u64 {
        return Err(AttachmentError::TooLarge { bytes: usize::try_from(len).unwrap_or(usize::MAX) });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    add_image(tx, owner_kind, owner_id, &file_name, &bytes)
}

/// The photos of one record, oldest first.
pub fn list(conn: &Connection, owner_kind: OwnerKind, owner_id: &str) -> Result<Vec<Attachment>, AttachmentError> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted_at IS NULL ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map(params![owner_kind.as_str(), owner_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The stored bytes of one photo.
pub fn get_data(conn: &Connection, id: &str) -> Result<ImageData, AttachmentError> {
    let bytes: Vec<u8> = conn
        .query_row("SELECT data FROM attachments WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?
        .ok_or(AttachmentError::NotFound)?;
    let mime = sniff(&bytes).unwrap_or("application/octet-stream");
    Ok(ImageData { mime, bytes })
}

/// Takes a photo off its record (soft delete: the bytes stay in the file, like every record).
pub fn remove(tx: &Transaction, id: &str) -> Result<(), AttachmentError> {
    let now = now_utc();
    let n = tx.execute(
        "UPDATE attachments SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        Err(AttachmentError::NotFound)
    } else {
        Ok(())
    }
}

/// Hands the photos taken in a form (drafts under `draft_key`) to the record the form created.
pub fn claim_drafts(
    tx: &Transaction,
    draft_key: &str,
    owner_kind: OwnerKind,
    owner_id: &str,
) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE attachments SET owner_kind = ?3, owner_id = ?4, updated_at = ?5 \
         WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted_at IS NULL",
        params![OwnerKind::Draft.as_str(), draft_key, owner_kind.as_str(), owner_id, now_utc()],
    )
}

/// The MIME type told by the file's first bytes, for the two formats a camera or phone sends.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(PNG) {
        Some("image/png")
    } else {
        None
    }
}

fn owner_exists(conn: &Connection, kind: OwnerKind, id: &str) -> Result<(), AttachmentError> {
    let Some(table) = kind.table() else { return Ok(()) };
    let n: i64 =
        conn.query_row(&format!("SELECT count(*) FROM {table} WHERE id = ?1 AND deleted_at IS NULL"), [id], |r| {
            r.get(0)
        })?;
    if n == 0 {
        Err(AttachmentError::OwnerNotFound { what: kind.label() })
    } else {
        Ok(())
    }
}

const SELECT: &str = "SELECT id, owner_kind, owner_id, file_name, mime, size, created_at FROM attachments";

fn get(conn: &Connection, id: &str) -> Result<Attachment, AttachmentError> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row).optional()?.ok_or(AttachmentError::NotFound)
}

fn from_row(r: &Row) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        owner_kind: crate::store::parse_col(r, 1, OwnerKind::parse)?,
        owner_id: r.get(2)?,
        file_name: r.get(3)?,
        mime: r.get(4)?,
        size: r.get(5)?,
        created_at: r.get(6)?,
    })
}

#[cfg(test)]
mod tests;
