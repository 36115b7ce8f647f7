use thiserror::Error;

use crate::error::UserFacing;
use crate::validate::FieldError;

#[derive(Debug, Error)]
pub enum MinutesError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("找不到这个议程项（可能已被删除），记录没有保存。")]
    NoSuchItem { id: String },
    #[error("这次会议已经散会，会议记录已定稿。如需更正，请先重新打开会议并写明原因。")]
    MeetingClosed,
    #[error("找不到这个历史版本。")]
    NoSuchRevision { id: String },
    #[error("会议记录保存失败：{}。文字仍保留在页面上，程序会继续尝试保存。", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
}

impl UserFacing for MinutesError {
    fn code(&self) -> &'static str {
        match self {
            MinutesError::Invalid(e) => e.code(),
            MinutesError::NoSuchItem { .. } => "minutes_no_such_item",
            MinutesError::MeetingClosed => "minutes_meeting_closed",
            MinutesError::NoSuchRevision { .. } => "minutes_no_such_revision",
            MinutesError::Db(_) => "minutes_db",
            MinutesError::Search(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            MinutesError::Invalid(e) => e.field(),
            _ => None,
        }
    }
}
