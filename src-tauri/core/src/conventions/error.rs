use chrono::NaiveDate;
use thiserror::Error;

use crate::error::UserFacing;
use crate::validate::FieldError;

/// Why a convention could not be written.
#[derive(Debug, Error)]
pub enum ConventionError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有找到这份公约（可能已被删除）。")]
    NotFound { id: String },
    #[error("公约至少要有一章，每章至少一条。")]
    NoChapters,
    #[error("第{chapter}章还没有写标题。")]
    ChapterUntitled { chapter: usize },
    #[error("第{chapter}章还没有任何条文。")]
    ChapterEmpty { chapter: usize },
    #[error("第{chapter}章第{article}条是空的，请填写内容或删除这一条。")]
    ArticleEmpty { chapter: usize, article: usize },
    #[error("公约“{title}”已经通过，不能再修改、公示或收集意见；如需修订请起草新的公约。")]
    AlreadyAdopted { title: String },
    #[error("公示期结束日期{to}早于开始日期{from}，请重新选择。")]
    BadPeriod { from: NaiveDate, to: NaiveDate },
    #[error("公约“{title}”还没有公示征求意见，请先公示，再记录意见或提交会议通过。")]
    NotPostedYet { title: String },
    #[error("这份公约没有第{version_no}稿。")]
    NoSuchVersion { version_no: i64 },
    #[error("没有找到这条意见（可能已被删除）。")]
    FeedbackNotFound,
    #[error(transparent)]
    Meeting(#[from] crate::meetings::MeetingError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("公约内容无法读写（记录可能已损坏）：{0}")]
    Json(#[from] serde_json::Error),
    #[error("保存公约时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for ConventionError {
    fn code(&self) -> &'static str {
        match self {
            ConventionError::Invalid(e) => e.code(),
            ConventionError::NotFound { .. } => "convention_not_found",
            ConventionError::NoChapters => "convention_no_chapters",
            ConventionError::ChapterUntitled { .. } => "convention_chapter_untitled",
            ConventionError::ChapterEmpty { .. } => "convention_chapter_empty",
            ConventionError::ArticleEmpty { .. } => "convention_article_empty",
            ConventionError::AlreadyAdopted { .. } => "convention_already_adopted",
            ConventionError::BadPeriod { .. } => "convention_bad_period",
            ConventionError::NotPostedYet { .. } => "convention_not_posted_yet",
            ConventionError::NoSuchVersion { .. } => "convention_no_such_version",
            ConventionError::FeedbackNotFound => "convention_feedback_not_found",
            ConventionError::Meeting(e) => e.code(),
            ConventionError::Search(e) => e.code(),
            ConventionError::Json(_) => "convention_damaged",
            ConventionError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            ConventionError::Invalid(e) => e.field(),
            ConventionError::Meeting(e) => e.field(),
            _ => None,
        }
    }
}
