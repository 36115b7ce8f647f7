//! 公示台账: every notice the community issues, from the first print to taking it down.
//!
//! `bulletin` owns the `notices` table (migration v002, versions since v005) and the free-notice
//! composer's `notice_drafts` and `notice_templates`. Issuing a notice renders its spec (the JSON of
//! a `crate::notices` template, or a composed free notice), stores the spec and the PDF's sha256
//! and indexes its text for search, in the caller's transaction; a reprint renders the stored spec
//! again and must give the same bytes. A correction is a re-issue: a new row, the next version,
//! naming the row it replaces. Posting (which board, which day, a photo of the sheet) and taking
//! down are recorded on the row; where a notice stands on a given day is [`state`].
//!
//! It leaves to others: what a notice says and how it is laid out (`notices`, `pdf`), filling a
//! template from a topic or meeting (the domain modules' loaders), photos (`attachments`), files
//! and dialogs (the shell).

mod drafts;
mod error;
mod from_record;
mod reference;
mod repo;
mod spec;
pub mod state;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use crate::notices::NoticeKind;
pub use drafts::{
    discard_draft, get_draft, list_drafts, list_templates, remove_template, save_draft, save_template,
    start_from_template, Draft, DraftReceipt, Template,
};
pub use error::BulletinError;
pub use from_record::{
    issue_from_record, print_progress_of_tasks, print_progress_of_tasks_to, print_record, print_record_as,
    print_record_to,
};
pub use reference::NoticeRef;
pub use spec::{Composed, PhotoRef};
pub use state::{NoticeFlag, NoticeState};

use crate::attachments::{self, OwnerKind};
use crate::notices::NoticeError;
use crate::pdf::{self, Fonts, PdfError, Unprintable};
use crate::search::{self, DocKind, SearchDoc};
use crate::validate::{required_line, FieldError};

/// What to issue: a template kind and its spec, and the record it was printed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    pub kind: NoticeKind,
    /// The JSON the PDF is rendered from (a template struct, or the composer's free notice).
    pub spec: String,
    /// What it was printed from; `None` for a free notice.
    pub reference: Option<NoticeRef>,
}

/// One line of the 公示台账, with its state on the day asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeEntry {
    pub id: String,
    pub kind: NoticeKind,
    pub kind_label: &'static str,
    pub title: String,
    pub version: i64,
    pub replaces_id: Option<String>,
    /// The version that replaced this one, if it was re-issued.
    pub superseded_by: Option<i64>,
    /// What it was printed from (`{kind, id}`, or `{kind: "tasks", ids}`); none for a free notice.
    pub reference: Option<NoticeRef>,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    /// UTC, RFC 3339.
    pub issued_at: String,
    pub pdf_sha256: String,
    pub posted_where: String,
    /// YYYY-MM-DD.
    pub posted_at: Option<String>,
    /// YYYY-MM-DD.
    pub taken_down_at: Option<String>,
    pub state: NoticeState,
    pub state_label: &'static str,
    pub flags: Vec<NoticeFlag>,
    pub flag_labels: Vec<&'static str>,
    /// Photos of the posted sheet (evidence).
    pub photo_count: usize,
}

/// An issued notice and its PDF.
#[derive(Debug, Clone)]
pub struct IssuedNotice {
    pub entry: NoticeEntry,
    pub pdf: Vec<u8>,
}

/// Characters the fonts cannot print, and where they are (shown before printing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingChars {
    pub chars: String,
    pub location: String,
}

/// What the preview says before the PDF: characters that cannot be printed, and how many phone
/// and ID numbers the notice hides (“已隐去 2 个电话号码”).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeCheck {
    pub missing: Option<MissingChars>,
    pub masked_phones: u32,
    pub masked_ids: u32,
}

/// The PDF of a spec, without storing anything (the preview). A free notice is rendered with
/// the public contact number of 设置 left whole, as it will be issued; with
/// [`Unprintable::Omit`] the characters no font has are left out, as they will be when it is
/// issued so.
pub fn preview(
    conn: &Connection,
    kind: NoticeKind,
    spec: &str,
    unprintable: Unprintable,
) -> Result<Vec<u8>, BulletinError> {
    spec::render(conn, kind, &as_issued(conn, kind, spec)?, unprintable)
}

/// Whether every character of a spec can be printed, and how many numbers it masks; other
/// problems (a bad date…) are errors.
pub fn check(conn: &Connection, kind: NoticeKind, spec: &str) -> Result<NoticeCheck, BulletinError> {
    let spec = as_issued(conn, kind, spec)?;
    let doc = spec::document(conn, kind, &spec)?;
    let missing = match pdf::check_glyphs(&doc, Fonts::get()) {
        Ok(()) => None,
        Err(PdfError::MissingGlyphs { chars, location }) => Some(MissingChars { chars, location }),
        Err(e) => return Err(NoticeError::from(e).into()),
    };
    let masked = spec::masked_numbers(conn, kind, &spec)?;
    Ok(NoticeCheck { missing, masked_phones: masked.phones, masked_ids: masked.ids })
}

/// The composer's free notice with today's public contact number and 反馈二维码 of 设置; template
/// specs come from the loaders with them already.
fn as_issued(conn: &Connection, kind: NoticeKind, spec: &str) -> Result<String, BulletinError> {
    if kind == NoticeKind::Free {
        spec::with_settings(conn, spec)
    } else {
        Ok(spec.to_string())
    }
}

/// Renders and records a notice (version 1) and indexes its text.
pub fn issue(tx: &Transaction, new: &NewNotice, today: NaiveDate) -> Result<IssuedNotice, BulletinError> {
    store_issue(tx, new.kind, &new.spec, new.reference.as_ref(), (1, None), today)
}

/// Issues a corrected notice as the next version of `id` (same kind and reference). Without a
/// new spec the stored one is rendered again (e.g. after the program was updated).
pub fn reissue(
    tx: &Transaction,
    id: &str,
    spec: Option<&str>,
    today: NaiveDate,
) -> Result<IssuedNotice, BulletinError> {
    let old = repo::get(tx, id)?;
    if let Some(version) = old.superseded_by {
        return Err(BulletinError::Superseded { version });
    }
    let spec = spec.unwrap_or(&old.spec);
    store_issue(tx, old.kind, spec, old.reference.as_ref(), (old.version + 1, Some(id)), today)
}

/// Issues what the composer holds (a free notice), as a new notice or a new version of
/// `replaces`, and discards the draft it came from, in one transaction. With
/// [`Unprintable::Omit`] the characters no font has are left out of the stored notice.
pub fn issue_composed(
    tx: &Transaction,
    content: &str,
    draft_id: Option<&str>,
    replaces: Option<&str>,
    today: NaiveDate,
    unprintable: Unprintable,
) -> Result<IssuedNotice, BulletinError> {
    let content = spec::with_settings(tx, content)?;
    let content = spec::printable_spec(tx, NoticeKind::Free, &content, unprintable)?;
    let issued = match replaces {
        Some(id) => reissue(tx, id, Some(&content), today)?,
        None => issue(tx, &NewNotice { kind: NoticeKind::Free, spec: content, reference: None }, today)?,
    };
    if let Some(draft) = draft_id {
        drafts::discard_if_present(tx, draft)?;
    }
    Ok(issued)
}

fn store_issue(
    tx: &Transaction,
    kind: NoticeKind,
    spec_json: &str,
    reference: Option<&NoticeRef>,
    (version, replaces_id): (i64, Option<&str>),
    today: NaiveDate,
) -> Result<IssuedNotice, BulletinError> {
    let doc = spec::document(tx, kind, spec_json)?;
    let pdf = pdf::render(&doc).map_err(NoticeError::from)?;
    let sha256 = sha256_hex(&pdf);
    let period = spec::period(kind, spec_json).map(|(f, t)| (f.to_string(), t.to_string()));
    let id = repo::insert(
        tx,
        &repo::Insert {
            kind,
            title: &doc.title,
            version,
            replaces_id,
            reference,
            period,
            sha256: &sha256,
            spec: spec_json,
        },
    )?;
    let body = spec::plain_text(&doc);
    search::upsert(
        tx,
        &SearchDoc { kind: DocKind::Notice, record_id: id.clone(), title: doc.title.clone(), body, date: today },
    )?;
    Ok(IssuedNotice { entry: get(tx, &id, today)?, pdf })
}

/// Every issued notice as the search index holds it (the printed text, dated the day it was
/// issued in the community's zone), for rebuilding the index.
pub fn search_docs(conn: &Connection, zone: crate::time::Zone) -> Result<Vec<SearchDoc>, BulletinError> {
    let mut docs = Vec::new();
    for row in repo::all(conn)? {
        let doc = spec::document(conn, row.kind, &row.spec)?;
        let body = spec::plain_text(&doc);
        docs.push(SearchDoc {
            kind: DocKind::Notice,
            record_id: row.id,
            title: doc.title,
            body,
            date: zone.date_or_today(&row.issued_at),
        });
    }
    Ok(docs)
}

/// The PDF of an issued notice, rendered again from its stored spec: the same bytes as when it
/// was issued, checked against the stored sha256.
pub fn reprint(conn: &Connection, id: &str) -> Result<Vec<u8>, BulletinError> {
    prepare_reprint(conn, id)?.render()
}

/// [`reprint`] in two halves: what needs the database (the document, the issued sha256) now,
/// the rendering later and on any thread (an export renders many notices at once).
pub struct Reprint {
    document: pdf::Document,
    sha256: String,
}

/// The first half of [`reprint`].
pub fn prepare_reprint(conn: &Connection, id: &str) -> Result<Reprint, BulletinError> {
    let row = repo::get(conn, id)?;
    // A notice issued without its unprintable characters stored its spec without them.
    let document = spec::document(conn, row.kind, &row.spec)?;
    Ok(Reprint { document, sha256: row.pdf_sha256 })
}

impl Reprint {
    /// The sha256 the notice's PDF had when it was issued.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The PDF, checked against the sha256 it had when issued.
    pub fn render(&self) -> Result<Vec<u8>, BulletinError> {
        let pdf = pdf::render_as(&self.document, Unprintable::Refuse).map_err(NoticeError::from)?;
        if sha256_hex(&pdf) != self.sha256 {
            return Err(BulletinError::ReprintDiffers);
        }
        Ok(pdf)
    }

    /// The notice in `format`: [`Reprint::render`] for a PDF, else drawn from the same document
    /// (a Word file or a picture has no issued sha256 to check against).
    pub fn render_in(&self, format: crate::notices::Format) -> Result<Vec<u8>, BulletinError> {
        match format {
            crate::notices::Format::Pdf => self.render(),
            _ => Ok(crate::notices::render_document(&self.document, format, Unprintable::Refuse)?),
        }
    }
}

/// The stored spec of an issued notice (to correct it in the composer and re-issue).
pub fn spec_of(conn: &Connection, id: &str) -> Result<(NoticeKind, String), BulletinError> {
    let row = repo::get(conn, id)?;
    Ok((row.kind, row.spec))
}

/// Records where and on which day a notice was posted, with an optional photo of the sheet on
/// the board. Recording again corrects the place or day.
pub fn record_posting(
    tx: &Transaction,
    id: &str,
    place: &str,
    on: &str,
    photo: Option<&Path>,
    today: NaiveDate,
) -> Result<NoticeEntry, BulletinError> {
    let place = required_line("张贴位置", place, 60)?;
    let on = parse_day("张贴日期", on, today)?;
    let row = repo::get(tx, id)?;
    if let Some(version) = row.superseded_by {
        return Err(BulletinError::Superseded { version });
    }
    if let Some(down) = row.taken_down_at {
        return Err(BulletinError::AlreadyTakenDown { on: down });
    }
    repo::set_posted(tx, id, &place, &on.to_string())?;
    if let Some(path) = photo {
        attachments::add_image_file(tx, OwnerKind::Notice, id, path)?;
    }
    get(tx, id, today)
}

/// Records the day a posted notice was taken down from the board.
pub fn record_taken_down(tx: &Transaction, id: &str, on: &str, today: NaiveDate) -> Result<NoticeEntry, BulletinError> {
    let on = parse_day("撤下日期", on, today)?;
    let row = repo::get(tx, id)?;
    if let Some(down) = row.taken_down_at {
        return Err(BulletinError::AlreadyTakenDown { on: down });
    }
    let posted = row.posted_at.ok_or(BulletinError::NotPosted)?;
    if on.to_string() < posted {
        return Err(BulletinError::TakenDownBeforePosted { posted });
    }
    repo::set_taken_down(tx, id, &on.to_string())?;
    get(tx, id, today)
}

/// One notice as the 台账 shows it on `today`.
pub fn get(conn: &Connection, id: &str, today: NaiveDate) -> Result<NoticeEntry, BulletinError> {
    entry(conn, repo::get(conn, id)?, today)
}

/// The 公示台账, newest first, with each notice's state on `today`.
pub fn list(conn: &Connection, today: NaiveDate) -> Result<Vec<NoticeEntry>, BulletinError> {
    repo::all(conn)?.into_iter().map(|row| entry(conn, row, today)).collect()
}

/// The notices the home screen points out on `today`: a 公示期 ending within two days, or
/// ended while the sheet is still on the board.
pub fn home_flags(conn: &Connection, today: NaiveDate) -> Result<Vec<NoticeEntry>, BulletinError> {
    Ok(list(conn, today)?.into_iter().filter(|e| !e.flags.is_empty()).collect())
}

/// “停水通知-20261201.pdf”, “停水通知-20261201-第2版.pdf”: the file a saved notice gets, dated
/// the community's day it was issued (issued_at is UTC: before 08:00 China time it is
/// “yesterday”); no characters a file system refuses.
pub fn file_name(conn: &Connection, entry: &NoticeEntry) -> Result<String, BulletinError> {
    let title = crate::pdf::file_name_part(&entry.title);
    let day = crate::community::zone(conn)?.date_or_today(&entry.issued_at).format("%Y%m%d");
    let version = if entry.version > 1 { format!("-第{}版", entry.version) } else { String::new() };
    Ok(format!("{title}-{day}{version}.pdf"))
}

/// Boards used before, most used first.
pub fn boards(conn: &Connection) -> Result<Vec<String>, BulletinError> {
    repo::boards(conn)
}

fn entry(conn: &Connection, row: repo::Row, today: NaiveDate) -> Result<NoticeEntry, BulletinError> {
    let facts = state::Facts {
        period_to: row.period_to.as_deref().and_then(|d| d.parse().ok()),
        posted: row.posted_at.is_some(),
        taken_down: row.taken_down_at.is_some(),
        superseded: row.superseded_by.is_some(),
    };
    let st = state::state(facts, today);
    let flags = state::flags(facts, today);
    let photo_count = attachments::list(conn, OwnerKind::Notice, &row.id)?.len();
    Ok(NoticeEntry {
        kind_label: row.kind.label(),
        kind: row.kind,
        title: row.title,
        version: row.version,
        replaces_id: row.replaces_id,
        superseded_by: row.superseded_by,
        reference: row.reference,
        period_from: row.period_from,
        period_to: row.period_to,
        issued_at: row.issued_at,
        pdf_sha256: row.pdf_sha256,
        posted_where: row.posted_where,
        posted_at: row.posted_at,
        taken_down_at: row.taken_down_at,
        state: st,
        state_label: st.label(),
        flag_labels: flags.iter().map(|f| f.label()).collect(),
        flags,
        photo_count,
        id: row.id,
    })
}

/// A day as typed in the 台账 (2026-12-01, 12月1日 …), within the sane range.
fn parse_day(field: &'static str, text: &str, today: NaiveDate) -> Result<NaiveDate, BulletinError> {
    Ok(crate::time::parse_date(field, text, today).map_err(FieldError::from)?)
}

/// Lower-case hex sha256, as stored and shown.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod qr_tests;
#[cfg(test)]
mod tests;
