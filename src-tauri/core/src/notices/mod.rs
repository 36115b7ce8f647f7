//! The documents the secretary prints: notices for the board (公示栏) and internal records.
//!
//! Each template is a plain data struct (serde, no database handles) and implements [`Notice`]:
//! `document()` builds a [`pdf::Document`](crate::pdf::Document), `render()` gives PDF bytes.
//! `printouts` fills these structs from the store by id (plain SQL reads); the templates themselves
//! only know what a notice says and how it is arranged. Public notices mask phone and ID numbers by
//! default ([`Masking`]); the minutes and the sign-in sheet are internal and print what they get.
//!
//! ```no_run
//! use yishi_core::notices::{Notice, demo};
//! let bytes = demo::meeting_notice().render()?;
//! yishi_core::pdf::write_atomically(std::path::Path::new("/tmp/会议通知.pdf"), &bytes)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ballots;
mod boards;
pub mod demo;
mod election;
mod format;
mod fund_use;
mod kind;
mod month_review;
mod output;
mod plan;
mod public;
mod records;
mod spec;
mod supervision;
mod vote_parts;
mod wording;
mod year_report;

pub use ballots::{BallotQuestion, Ballots, TallySheet, BALLOTS_PER_PAGE};
pub use boards::{Chapter, Convention, PointsEntry, PointsTable};
pub use election::{ElectionNotice, ElectionRow};
pub use format::{cn_number, fmt_date, fmt_datetime};
pub use fund_use::{FundUseNotice, GoodsLine, LabourLine, SourceLine, SpendLine, UNNAMED_DONOR};
pub use kind::NoticeKind;
pub use month_review::{ClassCounts, EscalatedItem, MonthReview, OverdueTask, ReviewTopic};
pub use output::{render_document, Format};
pub use plan::{OpinionLine, PlanText};
pub use public::{
    Decided, DecidedBudget, DecidedTask, DecisionNotice, MeetingNotice, Photo, ProgressNotice, TaskMoney, TaskRow,
    TopicNotice, TopicOrigin, VoteCounts,
};
pub use records::{AgendaItem, Invitee, Minutes, SignInSheet, Speech};
pub use spec::{FreeNotice, Period, SpecTable};
pub use supervision::{SupervisedTask, SupervisionList, UnitTasks};
pub use vote_parts::VotePart;
pub use wording::Wording;
pub use year_report::YearReport;

use serde::{Deserialize, Serialize};

use crate::error::UserFacing;
use crate::pdf::{self, Document, PdfError};
use crate::privacy;

/// Why a notice could not be made.
#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Docx(#[from] crate::docx::DocxError),
    /// The free-notice description (JSON) could not be read.
    #[error("公示内容文件有误：{detail}")]
    BadSpec { detail: String },
    /// A field has a value the notice cannot print sensibly.
    #[error("{field}填写有误：{problem}")]
    Invalid { field: &'static str, problem: String },
}

impl UserFacing for NoticeError {
    fn code(&self) -> &'static str {
        match self {
            NoticeError::Pdf(e) => e.code(),
            NoticeError::Docx(e) => e.code(),
            NoticeError::BadSpec { .. } => "notice_bad_spec",
            NoticeError::Invalid { .. } => "notice_invalid",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            NoticeError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// A printable notice or record.
pub trait Notice {
    /// Arrange the content as blocks on pages (masking already applied).
    fn document(&self) -> Result<Document, NoticeError>;

    /// The PDF bytes. Same struct → same bytes.
    fn render(&self) -> Result<Vec<u8>, NoticeError> {
        Ok(pdf::render(&self.document()?)?)
    }

    /// [`Notice::render`], leaving out characters no font has if `unprintable` says so.
    fn render_as(&self, unprintable: pdf::Unprintable) -> Result<Vec<u8>, NoticeError> {
        Ok(pdf::render_as(&self.document()?, unprintable)?)
    }

    /// The notice as a file in `format` (PDF, Word or a picture), from the same document.
    fn render_in(&self, format: Format, unprintable: pdf::Unprintable) -> Result<Vec<u8>, NoticeError> {
        render_document(&self.document()?, format, unprintable)
    }
}

/// What residents scan to give feedback (设置's 反馈二维码: a WeChat group link, a phone
/// number…) and the line under it. Kept in the spec, so a reprint shows what was posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackQr {
    pub text: String,
    pub caption: String,
    /// The uploaded picture of a code (the WeChat group's own), printed instead of a code of
    /// `text`; left out of the spec when there is none, so older specs read the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<Vec<u8>>,
}

/// The QR block after the issuer, if the notice carries one.
pub(crate) fn push_qr(doc: &mut Document, qr: &Option<FeedbackQr>) {
    if let Some(q) = qr {
        doc.push(pdf::Block::Qr { text: q.text.clone(), caption: q.caption.clone(), picture: q.picture.clone() });
    }
}

/// What to hide in a public notice. Default: phone and ID numbers masked, names shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Masking {
    /// Mask phone numbers (138****5678, 010-****5678) and ID card numbers, also inside free text.
    pub personal_data: bool,
    /// Mask given names in name fields (王秀兰 → 王*兰).
    pub names: bool,
    /// Numbers printed whole although personal data is masked: the public contact number of
    /// 设置 (the committee's or grid worker's number residents are to call). Kept in the spec,
    /// so a reprint masks what it masked when issued even after the setting changes.
    pub public_numbers: Vec<String>,
}

impl Default for Masking {
    fn default() -> Masking {
        Masking { personal_data: true, names: false, public_numbers: Vec::new() }
    }
}

impl Masking {
    /// Nothing masked: internal documents.
    pub const NONE: Masking = Masking { personal_data: false, names: false, public_numbers: Vec::new() };

    /// Free text as it may be printed.
    pub fn text(&self, text: &str) -> String {
        if self.personal_data {
            privacy::mask_text_keeping(text, &self.public_numbers).text
        } else {
            text.to_string()
        }
    }

    /// A person's name as it may be printed.
    pub fn name(&self, name: &str) -> String {
        let name = if self.names { privacy::mask_name(name) } else { name.to_string() };
        self.text(&name)
    }
}
