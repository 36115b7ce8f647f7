use chrono::NaiveDate;
use thiserror::Error;

use crate::decisions::TaskStatus;
use crate::error::UserFacing;
use crate::validate::FieldError;

/// Why a task's progress could not be recorded.
#[derive(Debug, Error)]
pub enum FollowUpError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有找到这项任务（可能已被删除）。")]
    TaskNotFound { id: String },
    #[error("任务标为“受阻”时必须写明受阻的原因，方便下次会议跟进。")]
    BlockedNeedsReason,
    #[error("任务已经是“{}”了。", .status.label())]
    Unchanged { status: TaskStatus },
    #[error("办理记录的日期{date}还没到，请填写实际办理的日期。")]
    DateInFuture { date: NaiveDate },
    #[error("这项任务已经完成，不能再延期或调整承办人。如需返工，请先把它改回“进行中”。")]
    TaskDone,
    #[error("新的完成时限{new}不晚于原来的{old}，延期请选更晚的日期。")]
    NotLater { old: NaiveDate, new: NaiveDate },
    #[error("新的完成时限{date}已经过了，请选今天或以后的日期。")]
    DeadlineInPast { date: NaiveDate },
    #[error("承办单位和负责人都没有变化。")]
    NothingReassigned,
    #[error(transparent)]
    Topic(#[from] crate::topics::TopicError),
    #[error(transparent)]
    Decision(#[from] crate::decisions::DecisionError),
    #[error(transparent)]
    Attachment(#[from] crate::attachments::AttachmentError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存办理情况时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for FollowUpError {
    fn code(&self) -> &'static str {
        match self {
            FollowUpError::Invalid(e) => e.code(),
            FollowUpError::TaskNotFound { .. } => "task_not_found",
            FollowUpError::BlockedNeedsReason => "task_blocked_needs_reason",
            FollowUpError::Unchanged { .. } => "task_status_unchanged",
            FollowUpError::DateInFuture { .. } => "task_note_date_in_future",
            FollowUpError::TaskDone => "task_change_done",
            FollowUpError::NotLater { .. } => "task_deadline_not_later",
            FollowUpError::DeadlineInPast { .. } => "task_deadline_in_past",
            FollowUpError::NothingReassigned => "task_nothing_reassigned",
            FollowUpError::Topic(e) => e.code(),
            FollowUpError::Decision(e) => e.code(),
            FollowUpError::Attachment(e) => e.code(),
            FollowUpError::Search(e) => e.code(),
            FollowUpError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            FollowUpError::Invalid(e) => e.field(),
            FollowUpError::NotLater { .. } | FollowUpError::DeadlineInPast { .. } => Some("新的完成时限"),
            FollowUpError::Topic(e) => e.field(),
            FollowUpError::Decision(e) => e.field(),
            FollowUpError::Attachment(e) => e.field(),
            _ => None,
        }
    }
}
