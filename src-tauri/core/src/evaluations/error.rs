use chrono::NaiveDate;
use thiserror::Error;

use crate::error::UserFacing;
use crate::topics::TopicStatus;
use crate::validate::FieldError;

/// Why an evaluation could not be recorded, or a topic not closed.
#[derive(Debug, Error)]
pub enum EvaluationError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有收到任何评价，无法计算满意度。")]
    NoAnswers,
    #[error("议题“{title}”现在是“{}”，只有办理完成、待评价的议题才能录入评价。", .status.label())]
    NotAwaitingEvaluation { title: String, status: TopicStatus },
    #[error("所选任务不属于这个议题，请重新选择。")]
    TaskNotOfTopic,
    #[error("评价不满意、要求重新办理时，请写明原因。")]
    ReopenNeedsReason,
    #[error("不经评价就办结议题，必须写明理由（会公开在议题记录里）。")]
    CloseNeedsReason,
    #[error("评价日期{date}还没到，请填写实际回访或验收的日期。")]
    DateInFuture { date: NaiveDate },
    #[error(transparent)]
    Topic(#[from] crate::topics::TopicError),
    #[error(transparent)]
    FollowUp(#[from] crate::followup::FollowUpError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存评价时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for EvaluationError {
    fn code(&self) -> &'static str {
        match self {
            EvaluationError::Invalid(e) => e.code(),
            EvaluationError::NoAnswers => "evaluation_no_answers",
            EvaluationError::NotAwaitingEvaluation { .. } => "evaluation_topic_not_awaiting",
            EvaluationError::TaskNotOfTopic => "evaluation_task_not_of_topic",
            EvaluationError::ReopenNeedsReason => "evaluation_reopen_needs_reason",
            EvaluationError::CloseNeedsReason => "evaluation_close_needs_reason",
            EvaluationError::DateInFuture { .. } => "evaluation_date_in_future",
            EvaluationError::Topic(e) => e.code(),
            EvaluationError::FollowUp(e) => e.code(),
            EvaluationError::Search(e) => e.code(),
            EvaluationError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            EvaluationError::Invalid(e) => e.field(),
            EvaluationError::Topic(e) => e.field(),
            EvaluationError::FollowUp(e) => e.field(),
            _ => None,
        }
    }
}
