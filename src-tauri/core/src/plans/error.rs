use thiserror::Error;

use crate::error::UserFacing;
use crate::topics::TopicStatus;
use crate::validate::FieldError;

/// Why a plan, an opinion, a comment or an answer could not be recorded.
#[derive(Debug, Error)]
pub enum PlanError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
    #[error("议题“{title}”还没有方案，请先在议题页的“方案”里写下拟定方案，再记录意见。")]
    NoPlan { title: String },
    #[error("议题“{title}”现在是“{}”，方案只能在议题议定之前起草和修改。", .status.label())]
    TopicSettled { title: String, status: TopicStatus },
    #[error("方案内容、预计费用和起草人都和当前第{version_no}稿一样，没有保存新的一稿。")]
    Unchanged { version_no: usize },
    #[error("没有找到这条意见（可能已被删除）。")]
    CommentNotFound,
    #[error("这条意见{answered_by}已经答复过了。如需更正，请点“修改答复”，原来的答复会保留。")]
    AlreadyAnswered { answered_by: String },
    #[error("新的答复和原来的答复一样，不用再保存。")]
    SameAnswer,
    #[error("{field}{date}还没到，请填写实际的日期。")]
    DayInFuture { field: &'static str, date: chrono::NaiveDate },
    #[error(transparent)]
    Topic(#[from] crate::topics::TopicError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存方案时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for PlanError {
    fn code(&self) -> &'static str {
        match self {
            PlanError::Invalid(e) => e.code(),
            PlanError::Money(e) => e.code(),
            PlanError::NoPlan { .. } => "plan_missing",
            PlanError::TopicSettled { .. } => "plan_topic_settled",
            PlanError::Unchanged { .. } => "plan_unchanged",
            PlanError::CommentNotFound => "plan_comment_not_found",
            PlanError::AlreadyAnswered { .. } => "plan_comment_already_answered",
            PlanError::SameAnswer => "plan_same_answer",
            PlanError::DayInFuture { .. } => "plan_day_in_future",
            PlanError::Topic(e) => e.code(),
            PlanError::Search(e) => e.code(),
            PlanError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            PlanError::Invalid(e) => e.field(),
            PlanError::Money(e) => e.field(),
            PlanError::DayInFuture { field, .. } => Some(field),
            PlanError::Topic(e) => e.field(),
            _ => None,
        }
    }
}
