//! Issuing a template notice from its record (the print buttons of 议题, 会议, 办理, 积分, 公约):
//! the loaders of `notices::load` fill the template, its JSON becomes the stored spec. Printing
//! the same record again gives the notice already issued when nothing changed, and a new
//! version of it when something did (a later date, a corrected decision…).

use rusqlite::Transaction;

use super::spec::NoticeKind;
use super::{repo, reissue, store_issue, BulletinError, IssuedNotice};
use crate::notices::load::{self, LoadOptions};

/// Fills the template of `kind` for record `id` (a year such as "2026" for points) and issues
/// it, or returns the current version if its spec is unchanged.
pub fn issue_from_record(
    tx: &Transaction,
    kind: NoticeKind,
    id: &str,
    opts: &LoadOptions,
) -> Result<IssuedNotice, BulletinError> {
    let spec = load_spec(tx, kind, id, opts)?;
    let ref_kind = ref_kind(kind);
    match repo::current_for(tx, kind, ref_kind, id)? {
        Some(row) if row.spec == spec => {
            let pdf = super::reprint(tx, &row.id)?;
            Ok(IssuedNotice { entry: super::get(tx, &row.id, opts.today)?, pdf })
        }
        Some(row) => reissue(tx, &row.id, Some(&spec), opts.today),
        None => store_issue(tx, kind, &spec, Some((ref_kind, id)), (1, None), opts.today),
    }
}

/// What a notice of `kind` refers to, as stored in `notices.ref_kind`.
fn ref_kind(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::MeetingNotice | NoticeKind::SignIn | NoticeKind::Minutes => "meeting",
        NoticeKind::Topic => "topic",
        NoticeKind::Decision | NoticeKind::Progress => "decision",
        NoticeKind::Points => "points",
        NoticeKind::Convention => "convention",
        NoticeKind::Free => "free",
    }
}

fn load_spec(tx: &Transaction, kind: NoticeKind, id: &str, opts: &LoadOptions) -> Result<String, BulletinError> {
    let json = match kind {
        NoticeKind::MeetingNotice => serde_json::to_string(&load::meeting_notice(tx, id, opts)?),
        NoticeKind::Topic => serde_json::to_string(&load::topic(tx, id, opts)?),
        NoticeKind::Decision => serde_json::to_string(&load::decision(tx, id, opts)?),
        NoticeKind::Progress => serde_json::to_string(&load::progress(tx, id, opts)?),
        NoticeKind::Minutes => serde_json::to_string(&load::minutes(tx, id, opts)?),
        NoticeKind::SignIn => serde_json::to_string(&load::sign_in(tx, id, opts)?),
        NoticeKind::Points => serde_json::to_string(&load::points(tx, id, opts)?),
        NoticeKind::Convention => serde_json::to_string(&load::convention(tx, id, opts)?),
        NoticeKind::Free => return Err(BulletinError::NotFromRecord),
    };
    json.map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })
}
