//! Notes on a topic: a visit, a call, a WeChat message, a resident at the office.

use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{moment::happened_at, CaseworkError, ContactMethod};
use crate::attachments::{self, Attachment, OwnerKind};
use crate::ids::{new_id, now_utc};
use crate::search::{self, DocKind, SearchDoc};
use crate::store::parse_col;
use crate::time::Zone;
use crate::validate::{free_text, optional_line, required_line, FieldError};

/// What the note form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewTopicNote {
    /// When it happened, as typed; empty or absent means now.
    #[serde(default)]
    pub at: Option<String>,
    pub method: ContactMethod,
    /// Who was spoken to (a resident, a household, the 物业).
    #[serde(default)]
    pub with_whom: String,
    /// What was said.
    pub text: String,
    /// This is the answer given to whoever raised the topic (件件有回音).
    #[serde(default)]
    pub answer: bool,
    /// Photos the form stored as drafts under this key before the note existed.
    #[serde(default)]
    pub draft_key: Option<String>,
}

/// One note with its photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicNote {
    pub id: String,
    pub topic_id: String,
    pub at: String,
    pub method: ContactMethod,
    pub with_whom: String,
    pub actor: String,
    pub text: String,
    pub answer: bool,
    pub photos: Vec<Attachment>,
}

/// Adds a note to a topic at any status; the topic itself does not change.
pub fn add_note(tx: &Transaction, topic_id: &str, new: &NewTopicNote, actor: &str) -> Result<TopicNote, CaseworkError> {
    let topic = crate::topics::get(tx, topic_id)?;
    let at = happened_at(tx, new.at.as_deref(), "跟进时间")?;
    let with_whom = optional_line("跟进对象", &new.with_whom, 50)?;
    let text = free_text("谈了什么", new.text.trim())?;
    if text.is_empty() {
        return Err(FieldError::Empty { field: "谈了什么" }.into());
    }
    let actor = required_line("记录人", actor, 50)?;
    let id = new_id();
    tx.execute(
        "INSERT INTO topic_notes (id, topic_id, at, method, with_whom, actor, text, is_answer, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, topic_id, at, new.method.as_str(), with_whom, actor, text, new.answer, now_utc()],
    )?;
    if let Some(key) = new.draft_key.as_deref().filter(|k| !k.trim().is_empty()) {
        attachments::claim_drafts(tx, key, OwnerKind::TopicNote, &id)?;
    }
    let note = get(tx, &id)?;
    search::upsert(tx, &search_doc(crate::community::zone(tx)?, &topic.title, &note))?;
    Ok(note)
}

const COLUMNS: &str = "id, topic_id, at, method, with_whom, actor, text, is_answer";

/// A note from the columns [`COLUMNS`] starting at `base`.
fn read(r: &Row, base: usize) -> rusqlite::Result<TopicNote> {
    Ok(TopicNote {
        id: r.get(base)?,
        topic_id: r.get(base + 1)?,
        at: r.get(base + 2)?,
        method: parse_col(r, base + 3, ContactMethod::parse)?,
        with_whom: r.get(base + 4)?,
        actor: r.get(base + 5)?,
        text: r.get(base + 6)?,
        answer: r.get(base + 7)?,
        photos: Vec::new(),
    })
}

fn from_row(r: &Row) -> rusqlite::Result<TopicNote> {
    read(r, 0)
}

fn get(conn: &Connection, id: &str) -> Result<TopicNote, CaseworkError> {
    let mut note = conn.query_row(&format!("SELECT {COLUMNS} FROM topic_notes WHERE id = ?1"), [id], from_row)?;
    note.photos = attachments::list(conn, OwnerKind::TopicNote, id)?;
    Ok(note)
}

/// The notes of a topic with their photos, oldest first (the timeline's order).
pub fn notes(conn: &Connection, topic_id: &str) -> Result<Vec<TopicNote>, CaseworkError> {
    crate::topics::get(conn, topic_id)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM topic_notes WHERE topic_id = ?1 AND deleted_at IS NULL ORDER BY at, id"
    ))?;
    let mut list = stmt.query_map([topic_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    for n in &mut list {
        n.photos = attachments::list(conn, OwnerKind::TopicNote, &n.id)?;
    }
    Ok(list)
}

/// Every topic note as the search index holds it, for rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, CaseworkError> {
    let zone = crate::community::zone(conn)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT t.title, {} FROM topic_notes n JOIN topics t ON t.id = n.topic_id WHERE n.deleted_at IS NULL",
        COLUMNS.split(", ").map(|c| format!("n.{c}")).collect::<Vec<_>>().join(", ")
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, read(r, 1)?)))?;
    let mut docs = Vec::new();
    for row in rows {
        let (title, note) = row?;
        docs.push(search_doc(zone, &title, &note));
    }
    Ok(docs)
}

/// Found by what was said and by whom it was said with, under the topic's title.
fn search_doc(zone: Zone, topic_title: &str, note: &TopicNote) -> SearchDoc {
    let body = if note.with_whom.is_empty() {
        note.text.clone()
    } else {
        format!("{}（{}）：{}", note.with_whom, note.method.label(), note.text)
    };
    SearchDoc {
        kind: DocKind::TopicNote,
        record_id: note.id.clone(),
        title: topic_title.to_string(),
        body,
        date: zone.date_or_today(&note.at),
    }
}
