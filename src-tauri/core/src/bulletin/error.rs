use thiserror::Error;

use crate::attachments::AttachmentError;
use crate::error::UserFacing;
use crate::notices::NoticeError;
use crate::search::SearchError;
use crate::validate::FieldError;

/// Why a notice could not be issued, reprinted or tracked.
#[derive(Debug, Error)]
pub enum BulletinError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    /// The notice engine refused (characters the fonts lack, a bad period, a bad photo…).
    #[error(transparent)]
    Notice(#[from] NoticeError),
    #[error(transparent)]
    Photo(#[from] AttachmentError),
    #[error("没有找到这份公示（可能已被删除）。")]
    NotFound,
    /// A template could not be filled from its record.
    #[error(transparent)]
    Load(#[from] crate::printouts::LoadError),
    #[error("自由撰写的通知没有对应的记录，请在“公示 · 撰写”里发布。")]
    NotFromRecord,
    #[error("没有找到这份草稿（可能已经发布或删除）。")]
    DraftNotFound,
    #[error("没有找到这个模板（可能已被删除）。")]
    TemplateNotFound,
    #[error("草稿内容有误，无法读取：{detail}")]
    BadDraft { detail: String },
    #[error("这份公示保存的内容无法读取（{detail}），不能重新打印。请重新撰写后发布。")]
    BadStoredSpec { detail: String },
    #[error("重新生成的文件与发布时的不一致（可能是程序已更新）。请“重新发布”为新版本，再打印新版本。")]
    ReprintDiffers,
    #[error("这份公示已有新版本（第{version}版），请在新版本上操作。")]
    Superseded { version: i64 },
    #[error("这份公示还没有记录张贴，不能记录撤下。")]
    NotPosted,
    #[error("这份公示已在 {on} 撤下。")]
    AlreadyTakenDown { on: String },
    #[error("撤下日期不能早于张贴日期（{posted}）。")]
    TakenDownBeforePosted { posted: String },
    #[error("保存公示时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Search(#[from] SearchError),
}

impl UserFacing for BulletinError {
    fn code(&self) -> &'static str {
        match self {
            BulletinError::Invalid(e) => e.code(),
            BulletinError::Notice(e) => e.code(),
            BulletinError::Photo(e) => e.code(),
            BulletinError::NotFound => "notice_not_found",
            BulletinError::Load(e) => e.code(),
            BulletinError::NotFromRecord => "notice_not_from_record",
            BulletinError::DraftNotFound => "notice_draft_not_found",
            BulletinError::TemplateNotFound => "notice_template_not_found",
            BulletinError::BadDraft { .. } => "notice_bad_draft",
            BulletinError::BadStoredSpec { .. } => "notice_bad_stored_spec",
            BulletinError::ReprintDiffers => "notice_reprint_differs",
            BulletinError::Superseded { .. } => "notice_superseded",
            BulletinError::NotPosted => "notice_not_posted",
            BulletinError::AlreadyTakenDown { .. } => "notice_already_taken_down",
            BulletinError::TakenDownBeforePosted { .. } => "notice_taken_down_before_posted",
            BulletinError::Db(_) => "db_error",
            BulletinError::Search(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            BulletinError::Invalid(e) => e.field(),
            BulletinError::Notice(e) => e.field(),
            BulletinError::Photo(e) => e.field(),
            _ => None,
        }
    }
}
