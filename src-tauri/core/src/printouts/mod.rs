//! Filling the notice templates from the store, by id: the meeting, topic, agenda item,
//! decision, year or convention a notice is about is read with plain SQL, and the result is the
//! template struct of `crate::notices`, ready to render. Nothing is written. The templates are
//! pure (text → `pdf::Document`) and sit low in the core; these loaders read the records and sit
//! above the domain modules and `stats` (the yearly report, [`year_report`]).
//!
//! Issuer and date default from the community settings and `today` (a parameter, so tests
//! control the clock); times print in the community's time zone (`time`). Public notices mask phone and ID
//! numbers; names are masked on the points table unless asked otherwise
//! ([`LoadOptions::mask_names`]). The minutes and the sign-in sheet are internal and unmasked.
//!
//! ```no_run
//! use yishi_core::printouts::{load, LoadOptions, NoticeKind};
//! # let store = yishi_core::store::Store::open(std::path::Path::new("/tmp/yishi.db"))?;
//! let today = yishi_core::community::today(store.conn())?;
//! let notice = load(store.conn(), NoticeKind::Decision, "0190…", &LoadOptions::new(today))?;
//! let bytes = notice.render()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ballots;
mod boards;
mod common;
mod decision;
mod election;
mod error;
mod funds;
mod meeting;
mod month_review;
mod supervision;
mod topic;
mod year;

#[cfg(test)]
mod ballots_tests;
#[cfg(test)]
mod blank_fields_tests;
#[cfg(test)]
mod funds_tests;
#[cfg(test)]
mod month_review_tests;
#[cfg(test)]
mod place_tests;
#[cfg(test)]
mod qr_tests;
#[cfg(test)]
mod tests;

pub use ballots::{ballots, tally, BLANK_BALLOTS};
pub use boards::{convention, points};
pub use decision::{decision, progress, progress_of_tasks};
pub use election::election;
pub use error::LoadError;
pub use funds::{fund_use, FundScope};
pub use meeting::{meeting_notice, minutes, sign_in};
pub use month_review::{month_review, parse_month};
pub use supervision::supervision;
pub use topic::topic;
pub use year::year_report;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::notices::Notice;
use crate::pdf::{Paper, Unprintable};

pub use crate::notices::NoticeKind;

/// The kind a user typed (CLI `--kind`): a refusal lists the choices.
pub fn kind_named(text: &str) -> Result<NoticeKind, LoadError> {
    NoticeKind::named(text).filter(|k| k.from_record()).ok_or_else(|| {
        let choices: Vec<String> = NoticeKind::ALL
            .iter()
            .filter(|k| k.from_record())
            .map(|k| format!("{}（{}）", k.as_str(), k.label()))
            .collect();
        LoadError::UnknownKind { text: text.to_string(), choices: choices.join("、") }
    })
}

/// Choices that are not in the records.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    /// The notice's date (落款日期) and the start of a default 公示期.
    pub today: NaiveDate,
    pub paper: Paper,
    /// Mask given names (王*兰) on public notices: None = the template's default (only the
    /// points table masks names). Ignored by the internal minutes and sign-in sheet.
    pub mask_names: Option<bool>,
    /// 公示期 of a topic notice, first and last day; None = today to today + 7 days.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Characters no font has: refused (named, with where they are) unless she chose to print
    /// without them. A public notice then stores its spec without them, so a reprint is the
    /// same PDF.
    pub unprintable: Unprintable,
    /// 资金使用公示: who checked the accounts (监督小组 or 居务监督委员会 and its members), as
    /// typed; empty leaves only the 监督小组 signature line.
    pub supervisors: String,
    /// Print 设置's 反馈二维码 beside the issuer of a public notice (default on). Without a QR
    /// text in 设置 nothing is printed either way.
    pub qr: bool,
}

impl LoadOptions {
    pub fn new(today: NaiveDate) -> LoadOptions {
        LoadOptions {
            today,
            paper: Paper::A4,
            mask_names: None,
            period: None,
            unprintable: Unprintable::Refuse,
            supervisors: String::new(),
            qr: true,
        }
    }
}

/// Fill the template of `kind` for the record `id` (a year such as "2026" for points).
pub fn load(conn: &Connection, kind: NoticeKind, id: &str, opts: &LoadOptions) -> Result<Box<dyn Notice>, LoadError> {
    Ok(match kind {
        NoticeKind::MeetingNotice => Box::new(meeting_notice(conn, id, opts)?),
        NoticeKind::Topic => Box::new(topic(conn, id, opts)?),
        NoticeKind::Decision => Box::new(decision(conn, id, opts)?),
        NoticeKind::Progress => Box::new(progress(conn, id, opts)?),
        NoticeKind::Minutes => Box::new(minutes(conn, id, opts)?),
        NoticeKind::SignIn => Box::new(sign_in(conn, id, opts)?),
        NoticeKind::Points => Box::new(points(conn, id, opts)?),
        NoticeKind::Convention => Box::new(convention(conn, id, opts)?),
        NoticeKind::Supervision => Box::new(supervision(conn, id, opts)?),
        NoticeKind::Election => Box::new(election(conn, id, opts)?),
        NoticeKind::FundUse => Box::new(fund_use(conn, id, opts)?),
        NoticeKind::MonthReview => Box::new(month_review(conn, id, opts)?),
        NoticeKind::Ballots => Box::new(ballots(conn, id, opts)?),
        NoticeKind::Tally => Box::new(tally(conn, id, opts)?),
        NoticeKind::Free => return Err(LoadError::NotFromRecord),
    })
}
