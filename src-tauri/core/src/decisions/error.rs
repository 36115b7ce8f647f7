use thiserror::Error;

use crate::error::UserFacing;
use crate::meetings::MeetingError;
use crate::validate::FieldError;

/// Why a decision or a task could not be written.
#[derive(Debug, Error)]
pub enum DecisionError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有找到这项决定（可能已被删除）。")]
    NotFound { id: String },
    #[error("这项决定是“不予实施”，不能为它安排办理任务。")]
    NoActNoTasks,
    #[error("这项决定已安排了 {tasks} 项办理任务，不能改为“不予实施”。")]
    HasTasks { tasks: usize },
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存决定时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for DecisionError {
    fn code(&self) -> &'static str {
        match self {
            DecisionError::Invalid(e) => e.code(),
            DecisionError::NotFound { .. } => "decision_not_found",
            DecisionError::NoActNoTasks => "decision_no_act_no_tasks",
            DecisionError::HasTasks { .. } => "decision_has_tasks",
            DecisionError::Meeting(e) => e.code(),
            DecisionError::Search(e) => e.code(),
            DecisionError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            DecisionError::Invalid(e) => e.field(),
            DecisionError::Meeting(e) => e.field(),
            _ => None,
        }
    }
}
