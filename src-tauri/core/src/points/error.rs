use thiserror::Error;

use crate::error::UserFacing;
use crate::validate::FieldError;

/// Why points could not be credited, redeemed or the rules saved.
#[derive(Debug, Error)]
pub enum PointsError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("名册中没有找到这个人（可能已被删除）。")]
    PersonNotFound { id: String },
    #[error("积分必须是大于 0 的整数（填写的是 {points}）。")]
    NotPositive { points: i64 },
    #[error("积分不足：{name}现有 {balance} 分，兑换需要 {needed} 分。")]
    Insufficient { name: String, balance: i64, needed: i64 },
    #[error("兑换请使用“积分兑换”，不能作为加分记录。")]
    RedemptionIsNotACredit,
    #[error("{what}的积分应在 0 到 {max} 分之间（填写的是 {value}）。")]
    RuleOutOfRange { what: &'static str, value: i64, max: i64 },
    #[error("积分规则设置已损坏，请在“设置”中重新保存积分规则。")]
    RulesDamaged,
    #[error("保存积分时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for PointsError {
    fn code(&self) -> &'static str {
        match self {
            PointsError::Invalid(e) => e.code(),
            PointsError::PersonNotFound { .. } => "points_person_not_found",
            PointsError::NotPositive { .. } => "points_not_positive",
            PointsError::Insufficient { .. } => "points_insufficient",
            PointsError::RedemptionIsNotACredit => "points_redemption_is_not_a_credit",
            PointsError::RuleOutOfRange { .. } => "points_rule_out_of_range",
            PointsError::RulesDamaged => "points_rules_damaged",
            PointsError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            PointsError::Invalid(e) => e.field(),
            _ => None,
        }
    }
}
