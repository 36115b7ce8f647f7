use thiserror::Error;

use crate::error::UserFacing;
use crate::money::{Fen, MoneyError};
use crate::time::TimeError;
use crate::validate::FieldError;

/// Why a budget, a spend or an allocation could not be recorded.
#[derive(Debug, Error)]
pub enum FundsError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error(transparent)]
    Amount(#[from] MoneyError),
    #[error(transparent)]
    Date(#[from] TimeError),
    #[error("没有找到这条{what}（可能已被删除）。")]
    NotFound { what: &'static str },
    #[error("这条决议写明“不实施”，不需要预算。")]
    DecisionNotActed,
    #[error("请至少填写一个资金来源（谁出钱、出多少）。")]
    NoSources,
    #[error("资金来源合计 {} 超过了预算 {}，请核对各来源的金额。", .sources.yuan(), .total.yuan())]
    SourcesExceedBudget { sources: Fen, total: Fen },
    #[error("第 {position} 个资金来源：按户筹资 {} × {households} 户 = {}，和填写的金额 {} 不一致。", .per.yuan(), .computed.yuan(), .typed.yuan())]
    HouseholdSumMismatch { position: usize, per: Fen, households: u32, computed: Fen, typed: Fen },
    #[error("第 {position} 个资金来源“{}”需要写明出资单位或出资人。", .kind)]
    SourceNeedsName { position: usize, kind: &'static str },
    #[error("改预算时请写明改动的原因（原预算 {}）。", .old.yuan())]
    ChangeNeedsReason { old: Fen },
    #[error("这项任务和它的决议都还没有预算，请先在决议里登记预算和资金来源，再记支出。")]
    NoBudget,
    #[error("预算里没有“{}”这个来源，这笔支出只能记在：{available}。", .source_kind)]
    SourceNotInBudget { source_kind: &'static str, available: String },
    #[error("这笔支出 {} 会超出预算（{what}还剩 {}）。确需超支时请写明超支原因，任务会标为“超预算”。", .amount.yuan(), .left.yuan())]
    OverBudgetNeedsReason { amount: Fen, what: String, left: Fen },
    #[error("投工投劳请填写人日数（例如 2 或 2.5）。")]
    LabourNeedsDays,
    #[error("人日数“{text}”看不懂，请写成 2 或 2.5 这样的数（最多一位小数，不超过 10000）。")]
    BadDays { text: String },
    #[error("{field}{date}还没到，请填写实际的日期。")]
    DayInFuture { field: &'static str, date: chrono::NaiveDate },
    #[error("年份 {year} 不在 2000—2100 之间。")]
    BadYear { year: i32 },
    #[error(transparent)]
    Attachment(#[from] crate::attachments::AttachmentError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error("保存资金记录时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for FundsError {
    fn code(&self) -> &'static str {
        match self {
            FundsError::Invalid(e) => e.code(),
            FundsError::Amount(e) => e.code(),
            FundsError::Date(e) => e.code(),
            FundsError::NotFound { .. } => "funds_not_found",
            FundsError::DecisionNotActed => "funds_decision_not_acted",
            FundsError::NoSources => "funds_no_sources",
            FundsError::SourcesExceedBudget { .. } => "funds_sources_exceed_budget",
            FundsError::HouseholdSumMismatch { .. } => "funds_household_sum_mismatch",
            FundsError::SourceNeedsName { .. } => "funds_source_needs_name",
            FundsError::ChangeNeedsReason { .. } => "funds_change_needs_reason",
            FundsError::NoBudget => "funds_no_budget",
            FundsError::SourceNotInBudget { .. } => "funds_source_not_in_budget",
            FundsError::OverBudgetNeedsReason { .. } => "funds_over_budget_needs_reason",
            FundsError::LabourNeedsDays => "funds_labour_needs_days",
            FundsError::BadDays { .. } => "funds_bad_days",
            FundsError::DayInFuture { .. } => "funds_day_in_future",
            FundsError::BadYear { .. } => "funds_bad_year",
            FundsError::Attachment(e) => e.code(),
            FundsError::Search(e) => e.code(),
            FundsError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            FundsError::Invalid(e) => e.field(),
            FundsError::Amount(e) => e.field(),
            FundsError::Date(e) => e.field(),
            FundsError::ChangeNeedsReason { .. } => Some("改动原因"),
            FundsError::OverBudgetNeedsReason { .. } => Some("超支原因"),
            FundsError::LabourNeedsDays | FundsError::BadDays { .. } => Some("人日数"),
            FundsError::DayInFuture { field, .. } => Some(field),
            FundsError::Attachment(e) => e.field(),
            _ => None,
        }
    }
}
