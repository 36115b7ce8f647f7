//! Issuing a template notice from its record (the print buttons of 议题, 会议, 办理, 积分, 公约):
//! the loaders of `notices::load` fill the template, its JSON becomes the stored spec. Printing
//! the same record again gives the notice already issued when nothing changed, and a new
//! version of it when something did (a later date, a corrected decision…). [`print_record`] is
//! what every print button calls: public notices land in the 公示台账, the internal minutes and
//! sign-in sheet are printed without an entry.

use std::path::Path;

use rusqlite::Transaction;

use super::{reissue, repo, store_issue, BulletinError, IssuedNotice, NoticeRef};
use crate::notices::{Format, NoticeKind};
use crate::printouts::{self, LoadOptions};

/// The PDF a print button saves: recorded in the 公示台账 for public notices (会议通知, 议题公示,
/// 决议公示, 落实情况公示, 积分榜, 公约), rendered without an entry for the internal 会议记录 and
/// 签到表.
pub fn print_record(
    tx: &Transaction,
    kind: NoticeKind,
    id: &str,
    opts: &LoadOptions,
) -> Result<Vec<u8>, BulletinError> {
    if !kind.is_public() {
        return Ok(printouts::load(tx, kind, id, opts)?.render_as(opts.unprintable)?);
    }
    Ok(issue_from_record(tx, kind, id, opts)?.pdf)
}

/// [`print_record`] as a file in `format`: a Word file or a picture of a public notice records
/// the same 公示台账 entry as its PDF (it is the same notice, posted in the WeChat group or handed to
/// the street office) and is drawn from that entry's stored spec.
pub fn print_record_as(
    tx: &Transaction,
    kind: NoticeKind,
    id: &str,
    opts: &LoadOptions,
    format: Format,
) -> Result<Vec<u8>, BulletinError> {
    if format == Format::Pdf {
        return print_record(tx, kind, id, opts);
    }
    if !kind.is_public() {
        return Ok(printouts::load(tx, kind, id, opts)?.render_in(format, opts.unprintable)?);
    }
    let issued = issue_from_record(tx, kind, id, opts)?;
    in_format(tx, issued, format)
}

/// The issued notice's bytes in `format`: its PDF as issued, or the other format drawn from its
/// stored spec.
fn in_format(tx: &Transaction, issued: IssuedNotice, format: Format) -> Result<Vec<u8>, BulletinError> {
    match format {
        Format::Pdf => Ok(issued.pdf),
        _ => super::prepare_reprint(tx, &issued.entry.id)?.render_in(format),
    }
}

/// [`print_record`] into the file she chose, in the format its extension names (.pdf, .docx,
/// .png); returns the file's size. The file is written inside the transaction that records the
/// notice, so a file that could not be written (stick full, pulled out) leaves no 台账 entry behind.
pub fn print_record_to(
    tx: &Transaction,
    kind: NoticeKind,
    id: &str,
    opts: &LoadOptions,
    path: &Path,
) -> Result<usize, BulletinError> {
    let format = Format::of_path(path)?;
    let bytes = print_record_as(tx, kind, id, opts, format)?;
    save_printed(path, &bytes)
}

/// [`print_progress_of_tasks`] into the file she chose (its extension names the format),
/// recorded only if the file was written.
pub fn print_progress_of_tasks_to(
    tx: &Transaction,
    task_ids: &[String],
    opts: &LoadOptions,
    path: &Path,
) -> Result<usize, BulletinError> {
    let format = Format::of_path(path)?;
    let (issued, _) = issue_progress_of_tasks(tx, task_ids, opts)?;
    save_printed(path, &in_format(tx, issued, format)?)
}

fn save_printed(path: &Path, bytes: &[u8]) -> Result<usize, BulletinError> {
    crate::pdf::write_atomically(path, bytes).map_err(|e| BulletinError::Notice(e.into()))?;
    Ok(bytes.len())
}

/// 落实情况公示 of tasks ticked on the task board, recorded in the 公示台账 under those tasks.
pub fn print_progress_of_tasks(
    tx: &Transaction,
    task_ids: &[String],
    opts: &LoadOptions,
) -> Result<(Vec<u8>, String), BulletinError> {
    let (issued, subject) = issue_progress_of_tasks(tx, task_ids, opts)?;
    Ok((issued.pdf, subject))
}

fn issue_progress_of_tasks(
    tx: &Transaction,
    task_ids: &[String],
    opts: &LoadOptions,
) -> Result<(IssuedNotice, String), BulletinError> {
    let notice = printouts::progress_of_tasks(tx, task_ids, opts)?;
    let spec = serde_json::to_string(&notice).map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })?;
    let issued = issue_or_reuse(tx, NoticeKind::Progress, spec, &NoticeRef::tasks(task_ids), opts)?;
    Ok((issued, notice.subject))
}

/// Fills the template of `kind` for record `id` (a year such as "2026" for points) and issues
/// it, or returns the current version if its spec is unchanged.
pub fn issue_from_record(
    tx: &Transaction,
    kind: NoticeKind,
    id: &str,
    opts: &LoadOptions,
) -> Result<IssuedNotice, BulletinError> {
    let reference = NoticeRef::of(kind, id).ok_or(BulletinError::NotFromRecord)?;
    let spec = load_spec(tx, kind, id, opts)?;
    issue_or_reuse(tx, kind, spec, &reference, opts)
}

/// Issues `spec`, or returns the current notice for the same record if its spec is unchanged,
/// or a new version of it if the spec changed.
fn issue_or_reuse(
    tx: &Transaction,
    kind: NoticeKind,
    spec: String,
    reference: &NoticeRef,
    opts: &LoadOptions,
) -> Result<IssuedNotice, BulletinError> {
    let spec = super::spec::printable_spec(tx, kind, &spec, opts.unprintable)?;
    match repo::current_for(tx, kind, reference)? {
        Some(row) if row.spec == spec => {
            let pdf = super::reprint(tx, &row.id)?;
            Ok(IssuedNotice { entry: super::get(tx, &row.id, opts.today)?, pdf })
        }
        Some(row) => reissue(tx, &row.id, Some(&spec), opts.today),
        None => store_issue(tx, kind, &spec, Some(reference), (1, None), opts.today),
    }
}

fn load_spec(tx: &Transaction, kind: NoticeKind, id: &str, opts: &LoadOptions) -> Result<String, BulletinError> {
    let json = match kind {
        NoticeKind::MeetingNotice => serde_json::to_string(&printouts::meeting_notice(tx, id, opts)?),
        NoticeKind::Topic => serde_json::to_string(&printouts::topic(tx, id, opts)?),
        NoticeKind::Decision => serde_json::to_string(&printouts::decision(tx, id, opts)?),
        NoticeKind::Progress => serde_json::to_string(&printouts::progress(tx, id, opts)?),
        NoticeKind::Minutes => serde_json::to_string(&printouts::minutes(tx, id, opts)?),
        NoticeKind::SignIn => serde_json::to_string(&printouts::sign_in(tx, id, opts)?),
        NoticeKind::Points => serde_json::to_string(&printouts::points(tx, id, opts)?),
        NoticeKind::Convention => serde_json::to_string(&printouts::convention(tx, id, opts)?),
        NoticeKind::Supervision => serde_json::to_string(&printouts::supervision(tx, id, opts)?),
        NoticeKind::Election => serde_json::to_string(&printouts::election(tx, id, opts)?),
        NoticeKind::FundUse => serde_json::to_string(&printouts::fund_use(tx, id, opts)?),
        NoticeKind::MonthReview => serde_json::to_string(&printouts::month_review(tx, id, opts)?),
        NoticeKind::Ballots => serde_json::to_string(&printouts::ballots(tx, id, opts)?),
        NoticeKind::Tally => serde_json::to_string(&printouts::tally(tx, id, opts)?),
        NoticeKind::Free => return Err(BulletinError::NotFromRecord),
    };
    json.map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })
}
