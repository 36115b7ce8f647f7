//! The kinds of record the index holds.

use serde::{Deserialize, Serialize};

/// What a document is; part of its identity in the index, shown beside each hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Topic,
    Minutes,
    Decision,
    TaskNote,
    Evaluation,
    Notice,
    Convention,
    TopicNote,
    FundSpend,
    Plan,
    PlanComment,
}

impl DocKind {
    pub const ALL: [DocKind; 11] = [
        DocKind::Topic,
        DocKind::Minutes,
        DocKind::Decision,
        DocKind::TaskNote,
        DocKind::Evaluation,
        DocKind::Notice,
        DocKind::Convention,
        DocKind::TopicNote,
        DocKind::FundSpend,
        DocKind::Plan,
        DocKind::PlanComment,
    ];

    /// The stored (and serialized) name, e.g. `task_note`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Topic => "topic",
            DocKind::Minutes => "minutes",
            DocKind::Decision => "decision",
            DocKind::TaskNote => "task_note",
            DocKind::Evaluation => "evaluation",
            DocKind::Notice => "notice",
            DocKind::Convention => "convention",
            DocKind::TopicNote => "topic_note",
            DocKind::FundSpend => "fund_spend",
            DocKind::Plan => "plan",
            DocKind::PlanComment => "plan_comment",
        }
    }

    /// The inverse of [`DocKind::as_str`].
    pub fn parse(name: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The Chinese name shown in the results list.
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Topic => "议题",
            DocKind::Minutes => "会议记录",
            DocKind::Decision => "决定",
            DocKind::TaskNote => "办理进展",
            DocKind::Evaluation => "评价",
            DocKind::Notice => "公示",
            DocKind::Convention => "公约",
            DocKind::TopicNote => "跟进记录",
            DocKind::FundSpend => "资金支出",
            DocKind::Plan => "方案",
            DocKind::PlanComment => "方案意见",
        }
    }
}
