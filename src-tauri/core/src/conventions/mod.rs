//! 公约: residents' and courtyard conventions, drafted together, posted for comment, adopted.
//!
//! `conventions` owns the `conventions`, `convention_versions` and `convention_feedback` tables
//! (v002 + v004). Life cycle: a draft ([`create`], version 1) gets new versions
//! ([`save_version`], each with a note of what changed); [`post`] puts the current version up for
//! comment with a 公示期; opinions received are recorded one by one ([`add_feedback`], with the
//! drafting group's answer, [`respond_to_feedback`]), against the version posted; saving a new
//! version ends the posting (back to 草案, the next posting shows the new text); [`adopt`]
//! records which version a meeting adopted. An adopted convention is final: no more versions,
//! postings or feedback. It can only be adopted after it was posted at least once (that is the
//! point of 公示). The search index holds the current text of each convention.
//!
//! Printing belongs to `notices` ([`notices::Convention`]); [`notice`] fills it from the store.

mod error;
mod repo;
mod text;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

pub use error::ConventionError;

use crate::labelled_enum;
use crate::meetings;
use crate::notices::{self, Chapter, Masking};
use crate::search::{self, DocKind, SearchDoc};
use crate::validate::{free_text, optional_line, required_line, FieldError, TITLE_MAX};

labelled_enum! {
    /// Where a convention stands.
    ConventionStatus {
        Draft = "draft": "草案",
        Posted = "posted": "公示中",
        Adopted = "adopted": "已通过",
    }
}

/// The text of one version: a preamble (序言, may be empty) and chapters of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConventionText {
    #[serde(default)]
    pub preamble: String,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConventionVersion {
    pub version_no: i64,
    #[serde(flatten)]
    pub text: ConventionText,
    /// What changed in this version (e.g. “采纳居民意见，修改第十二条”).
    pub note: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Convention {
    pub id: String,
    pub title: String,
    pub status: ConventionStatus,
    /// The version last posted for comment, and its 公示期 (first and last day included).
    pub posted_version_no: Option<i64>,
    pub posted_from: Option<NaiveDate>,
    pub posted_to: Option<NaiveDate>,
    pub adopted_version_no: Option<i64>,
    pub adopted_meeting_id: Option<String>,
    pub adopted_at: Option<String>,
    /// The newest version.
    pub current: ConventionVersion,
}

/// What the feedback form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewFeedback {
    pub received_on: NaiveDate,
    /// Who gave it; empty for an anonymous opinion (意见箱).
    #[serde(default)]
    pub from_name: String,
    pub text: String,
    /// The drafting group's answer, if already decided.
    #[serde(default)]
    pub response: String,
}

/// One opinion received on a posted version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    pub id: String,
    pub convention_id: String,
    pub version_no: i64,
    pub received_on: NaiveDate,
    pub from_name: String,
    pub text: String,
    pub response: String,
}

/// Starts a convention: a draft with its first version.
pub fn create(tx: &Transaction, title: &str, text: &ConventionText) -> Result<Convention, ConventionError> {
    let title = required_line("公约名称", title, TITLE_MAX)?;
    let text = text::check(text)?;
    let id = repo::insert(tx, &title)?;
    repo::insert_version(tx, &id, 1, &text, "初稿")?;
    after_write(tx, &id)
}

/// Saves the edited text as the next version; a posting in progress ends (back to 草案).
pub fn save_version(
    tx: &Transaction,
    id: &str,
    text: &ConventionText,
    note: &str,
) -> Result<Convention, ConventionError> {
    let c = editable(tx, id)?;
    let text = text::check(text)?;
    let note = optional_line("修改说明", note, 200)?;
    repo::insert_version(tx, id, c.current.version_no + 1, &text, &note)?;
    repo::set_draft(tx, id)?;
    after_write(tx, id)
}

/// Posts the current version for comment from `from` to `to` (both days included).
pub fn post(tx: &Transaction, id: &str, from: NaiveDate, to: NaiveDate) -> Result<Convention, ConventionError> {
    let c = editable(tx, id)?;
    let today = crate::community::today(tx)?;
    crate::time::check_range("公示开始日期", from, today).map_err(FieldError::from)?;
    crate::time::check_range("公示结束日期", to, today).map_err(FieldError::from)?;
    if to < from {
        return Err(ConventionError::BadPeriod { from, to });
    }
    repo::set_posted(tx, id, c.current.version_no, from, to)?;
    after_write(tx, id)
}

/// Records an opinion on the version last posted.
pub fn add_feedback(tx: &Transaction, id: &str, new: &NewFeedback) -> Result<Feedback, ConventionError> {
    let c = editable(tx, id)?;
    let version_no = c.posted_version_no.ok_or(ConventionError::NotPostedYet { title: c.title })?;
    crate::time::check_range("收到日期", new.received_on, crate::community::today(tx)?).map_err(FieldError::from)?;
    let from_name = optional_line("提意见人", &new.from_name, 50)?;
    let text = required_line("意见内容", &new.text, crate::validate::TEXT_MAX)?;
    let response = free_text("答复", new.response.trim())?;
    let fid = repo::insert_feedback(tx, id, version_no, new, &from_name, &text, &response)?;
    repo::feedback_by_id(tx, &fid)?.ok_or(ConventionError::FeedbackNotFound)
}

/// Records (or corrects) how the drafting group answered an opinion.
pub fn respond_to_feedback(tx: &Transaction, feedback_id: &str, response: &str) -> Result<Feedback, ConventionError> {
    let f = repo::feedback_by_id(tx, feedback_id)?.ok_or(ConventionError::FeedbackNotFound)?;
    editable(tx, &f.convention_id)?;
    repo::set_response(tx, feedback_id, &free_text("答复", response.trim())?)?;
    repo::feedback_by_id(tx, feedback_id)?.ok_or(ConventionError::FeedbackNotFound)
}

/// Records that a meeting adopted `version_no` (the convention must have been posted first).
pub fn adopt(tx: &Transaction, id: &str, version_no: i64, meeting_id: &str) -> Result<Convention, ConventionError> {
    let c = editable(tx, id)?;
    if c.posted_version_no.is_none() {
        return Err(ConventionError::NotPostedYet { title: c.title });
    }
    repo::version(tx, id, version_no)?.ok_or(ConventionError::NoSuchVersion { version_no })?;
    meetings::get(tx, meeting_id)?;
    repo::set_adopted(tx, id, version_no, meeting_id)?;
    after_write(tx, id)
}

pub fn get(conn: &Connection, id: &str) -> Result<Convention, ConventionError> {
    let head = repo::head(conn, id)?.ok_or_else(|| ConventionError::NotFound { id: id.to_string() })?;
    with_current(conn, head)
}

/// Every convention, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Convention>, ConventionError> {
    repo::heads(conn)?.into_iter().map(|h| with_current(conn, h)).collect()
}

/// Every version of a convention, oldest first.
pub fn versions(conn: &Connection, id: &str) -> Result<Vec<ConventionVersion>, ConventionError> {
    get(conn, id)?;
    repo::versions(conn, id)
}

/// The opinions received, in the order they came.
pub fn feedback(conn: &Connection, id: &str) -> Result<Vec<Feedback>, ConventionError> {
    get(conn, id)?;
    Ok(repo::feedback(conn, id)?)
}

/// The printable convention: the adopted version once adopted (with the meeting under the
/// title), else the posted version while posted (征求意见稿 with its period), else the current
/// draft.
pub fn notice(
    conn: &Connection,
    id: &str,
    issuer: &str,
    date: NaiveDate,
) -> Result<notices::Convention, ConventionError> {
    let c = get(conn, id)?;
    let (version_no, draft_period, adopted) = match c.status {
        ConventionStatus::Adopted => (c.adopted_version_no, None, adopted_line(conn, &c)?),
        ConventionStatus::Posted => (c.posted_version_no, c.posted_from.zip(c.posted_to), None),
        ConventionStatus::Draft => (None, None, None),
    };
    let version = match version_no {
        Some(n) => repo::version(conn, id, n)?.ok_or(ConventionError::NoSuchVersion { version_no: n })?,
        None => c.current,
    };
    Ok(notices::Convention {
        paper: Default::default(),
        title: c.title,
        draft_period,
        adopted,
        preamble: text::preamble_paragraphs(&version.text.preamble),
        chapters: version.text.chapters,
        issuer: issuer.to_string(),
        date,
        masking: Masking::default(),
        qr: None,
    })
}

/// “2026年11月20日经幸福里社区居民会议通过”.
fn adopted_line(conn: &Connection, c: &Convention) -> Result<Option<String>, ConventionError> {
    let Some(meeting_id) = &c.adopted_meeting_id else { return Ok(None) };
    let m = meetings::get(conn, meeting_id)?;
    let day = notices::fmt_date(crate::community::zone(conn)?.date_or_today(&m.starts_at));
    Ok(Some(format!("{day}经{}通过", m.title)))
}

fn with_current(conn: &Connection, head: repo::Head) -> Result<Convention, ConventionError> {
    let latest = repo::latest_version_no(conn, &head.id)?;
    let current =
        repo::version(conn, &head.id, latest)?.ok_or(ConventionError::NoSuchVersion { version_no: latest })?;
    Ok(Convention {
        id: head.id,
        title: head.title,
        status: head.status,
        posted_version_no: head.posted_version_no,
        posted_from: head.posted_from,
        posted_to: head.posted_to,
        adopted_version_no: head.adopted_version_no,
        adopted_meeting_id: head.adopted_meeting_id,
        adopted_at: head.adopted_at,
        current,
    })
}

/// The convention, if it may still change.
fn editable(conn: &Connection, id: &str) -> Result<Convention, ConventionError> {
    let c = get(conn, id)?;
    if c.status == ConventionStatus::Adopted {
        return Err(ConventionError::AlreadyAdopted { title: c.title });
    }
    Ok(c)
}

fn after_write(tx: &Transaction, id: &str) -> Result<Convention, ConventionError> {
    let c = get(tx, id)?;
    search::upsert(tx, &search_doc(crate::community::zone(tx)?, &c))?;
    Ok(c)
}

/// Every convention's current text as the search index holds it, for rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, ConventionError> {
    let zone = crate::community::zone(conn)?;
    Ok(list(conn)?.iter().map(|c| search_doc(zone, c)).collect())
}

fn search_doc(zone: crate::time::Zone, c: &Convention) -> SearchDoc {
    SearchDoc {
        kind: DocKind::Convention,
        record_id: c.id.clone(),
        title: c.title.clone(),
        body: text::search_body(&c.current.text),
        date: zone.date_or_today(&c.current.created_at),
    }
}

#[cfg(test)]
mod tests;
