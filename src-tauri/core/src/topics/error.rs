use thiserror::Error;

use super::TopicStatus;
use crate::error::UserFacing;
use crate::validate::FieldError;

/// Why a topic could not be written or moved.
#[derive(Debug, Error)]
pub enum TopicError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    /// The same check and message as the roster's (联系电话).
    #[error(transparent)]
    BadPhone(#[from] crate::validate::BadPhone),
    #[error("没有找到这个议题（可能已被删除）。")]
    NotFound { id: String },
    #[error("议题现在是“{}”，不能直接改为“{}”。", .from.label(), .to.label())]
    IllegalMove { from: TopicStatus, to: TopicStatus },
    #[error("{}时必须写明{}。", .to.action_label(), note_name(*.to))]
    NoteRequired { to: TopicStatus },
    #[error("不能把议题合并到它自己。")]
    MergeIntoItself,
    #[error("要合并进去的议题“{title}”已经{}，请选择一个仍在办理的议题。", .status.label())]
    MergeTargetClosed { title: String, status: TopicStatus },
    #[error("议题现在是“{}”，已经有了后续办理，不能再撤回审定。", .status.label())]
    NotRevertible { status: TopicStatus },
    #[error("撤回审定时必须写明撤回原因。")]
    RevertReasonRequired,
    #[error("所选的{what}不存在，请重新选择。")]
    UnknownReference { what: &'static str },
    #[error("保存议题时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
}

fn note_name(to: TopicStatus) -> &'static str {
    match to {
        TopicStatus::Rejected => "不予受理的理由",
        TopicStatus::Escalated => "上报给谁",
        TopicStatus::DoneOnSpot => "当场办了什么",
        TopicStatus::Closed => "不经评价就办结的理由",
        _ => "原因",
    }
}

impl UserFacing for TopicError {
    fn code(&self) -> &'static str {
        match self {
            TopicError::Invalid(e) => e.code(),
            TopicError::BadPhone(_) => "topic_bad_phone",
            TopicError::NotFound { .. } => "topic_not_found",
            TopicError::IllegalMove { .. } => "topic_illegal_move",
            TopicError::NoteRequired { .. } => "topic_note_required",
            TopicError::MergeIntoItself => "topic_merge_into_itself",
            TopicError::MergeTargetClosed { .. } => "topic_merge_target_closed",
            TopicError::NotRevertible { .. } => "topic_not_revertible",
            TopicError::RevertReasonRequired => "topic_revert_reason_required",
            TopicError::UnknownReference { .. } => "topic_unknown_reference",
            TopicError::Db(_) => "db_error",
            TopicError::Search(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            TopicError::Invalid(e) => e.field(),
            TopicError::BadPhone(e) => e.field(),
            _ => None,
        }
    }
}
