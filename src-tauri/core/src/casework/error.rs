use thiserror::Error;

use crate::error::UserFacing;
use crate::topics::TopicStatus;
use crate::validate::FieldError;

/// Why a note or a 回访 could not be recorded.
#[derive(Debug, Error)]
pub enum CaseworkError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("{field}还没到，请填写实际发生的时间。")]
    InFuture { field: &'static str },
    #[error("议题现在是“{}”，只有“即办完成”的议题需要回访。", .status.label())]
    NotDoneOnSpot { status: TopicStatus },
    #[error("回访不满意时必须写明不满意的原因，议题将转为代办件重新办理。")]
    UnsatisfiedNeedsReason,
    #[error("议题现在是“{}”，只有“已上报”的议题才能登记上报去向和答复。", .status.label())]
    NotEscalated { status: TopicStatus },
    #[error("没有找到这条上报记录（可能已被删除）。")]
    EscalationNotFound { id: String },
    #[error("这条上报已经登记过答复了。")]
    AlreadyReplied,
    #[error("{field}{date}还没到，请填写实际的日期。")]
    DayInFuture { field: &'static str, date: chrono::NaiveDate },
    #[error(transparent)]
    Topic(#[from] crate::topics::TopicError),
    #[error(transparent)]
    Attachment(#[from] crate::attachments::AttachmentError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存跟进记录时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for CaseworkError {
    fn code(&self) -> &'static str {
        match self {
            CaseworkError::Invalid(e) => e.code(),
            CaseworkError::InFuture { .. } => "casework_in_future",
            CaseworkError::NotDoneOnSpot { .. } => "callback_not_done_on_spot",
            CaseworkError::UnsatisfiedNeedsReason => "callback_unsatisfied_needs_reason",
            CaseworkError::NotEscalated { .. } => "escalation_topic_not_escalated",
            CaseworkError::EscalationNotFound { .. } => "escalation_not_found",
            CaseworkError::AlreadyReplied => "escalation_already_replied",
            CaseworkError::DayInFuture { .. } => "casework_day_in_future",
            CaseworkError::Topic(e) => e.code(),
            CaseworkError::Attachment(e) => e.code(),
            CaseworkError::Search(e) => e.code(),
            CaseworkError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            CaseworkError::Invalid(e) => e.field(),
            CaseworkError::InFuture { field } | CaseworkError::DayInFuture { field, .. } => Some(field),
            CaseworkError::Topic(e) => e.field(),
            CaseworkError::Attachment(e) => e.field(),
            _ => None,
        }
    }
}
