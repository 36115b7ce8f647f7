//! The figures of a year as plain data: what `stats` computes, the statistics page shows and
//! the yearly report (`notices::YearReport`) prints. No SQL and no rule for computing them: the
//! definitions are in `stats`' module doc and printed under the report's tables.

use serde::{Deserialize, Serialize};

use super::{Rate, Satisfaction};
use crate::money::Fen;

/// The solved-rate definition, as printed under the report's figures.
pub const SOLVED_RATE_DEFINITION: &str =
    "办结率 =（已办结 + 即办完成）÷（收集议题 − 合并 − 不予受理），上报件计入分母。";

/// The on-time definition, as printed under the report's figures.
pub const ON_TIME_RATE_DEFINITION: &str =
    "按期办结率 = 在完成时限内办结的任务 ÷ 本年到期的任务；逾期未办结的计入分母，未填完成时限的不计。";

/// The 回访 definition, as printed under the report's figures.
pub const CALLBACK_RATE_DEFINITION: &str =
    "即办件 = 本年收集、即办完成的议题（回访不满意转为代办的也算）；回访率 = 有回访记录的即办件 ÷ 即办件。";

/// One bar of a chart: a stored key, its Chinese label, a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountRow {
    pub key: String,
    pub label: String,
    pub count: u64,
}

impl CountRow {
    pub(crate) fn new(key: &str, label: &str, count: usize) -> CountRow {
        CountRow { key: key.to_string(), label: label.to_string(), count: count as u64 }
    }
}

/// The figures of one year (see the module doc for every definition).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearStats {
    /// The year the period starts in (the whole period for the year figures).
    pub year: i32,
    /// The days covered, both included (2026-01-01 … 2026-12-31 for a year), and how they read:
    /// 2026年, 2026年11月, 2026年3月1日至2026年6月30日.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub period_label: String,
    pub place_id: Option<String>,
    pub place_name: Option<String>,
    pub topics_collected: u64,
    pub by_channel: Vec<CountRow>,
    pub by_category_class: Vec<CountRow>,
    pub by_handling_class: Vec<CountRow>,
    pub merged_or_rejected: u64,
    pub solved: u64,
    pub solved_rate: Rate,
    pub average_days_to_close: AverageDays,
    /// 按期办结率: tasks done by their deadline / tasks due in the year.
    pub on_time_rate: Rate,
    /// 即办件 done on the spot (those a 回访 reopened included) and how many were called back.
    pub done_on_spot: u64,
    pub callback_rate: Rate,
    /// 件件有回音: topics rejected, escalated, done on the spot or closed still without an answer.
    pub unanswered: u64,
    pub meetings_held: u64,
    pub participation: Participation,
    pub points_given: i64,
    pub evaluations: u64,
    pub satisfaction: Satisfaction,
    /// The year's money, goods and labour (issue 16); whole community only (empty for a place).
    #[serde(default)]
    pub funds: FundFigures,
}

/// The year's money: raised (the sources of the budgets set in the year) and spent (the spends
/// dated in the year) by source, the goods' estimated value and the labour days given, and the
/// year's 惠民资金 with its projects. Whole fen and tenths of a person-day only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundFigures {
    pub by_source: Vec<FundSourceRow>,
    pub raised: Fen,
    pub spent: Fen,
    pub goods_value: Fen,
    pub person_day_tenths: i64,
    /// 惠民资金 of the year, when it was allocated or committed.
    pub huimin: Option<AnnualFundFigures>,
}

/// One source kind's money in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundSourceRow {
    pub key: String,
    pub label: String,
    pub raised: Fen,
    pub spent: Fen,
}

/// A yearly fund: allocated, committed by the year's budgets, spent, left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualFundFigures {
    pub label: String,
    pub allocated: Option<Fen>,
    pub committed: Fen,
    pub spent: Fen,
    pub unspent: Fen,
    pub projects: Vec<FundProjectRow>,
}

/// A project the fund pays for: what the budget takes from the fund and what was spent from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundProjectRow {
    pub title: String,
    pub committed: Fen,
    pub spent: Fen,
}

/// Average calendar days from intake to 办结 (or 即办完成), over the solved topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AverageDays {
    pub topics: u64,
    pub total_days: u64,
    /// The average in tenths of a day, half rounded up; None without solved topics.
    pub tenths: Option<u64>,
    /// e.g. “12.5天”, or “—”.
    pub display: String,
}

/// 参与人次: every attendance at a meeting held counts once; a person with the role 党员 counts
/// as 党员, everyone else (other roles, residents, walk-ins not on the roster) as 居民.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub party_members: u64,
    pub residents: u64,
    pub total: u64,
}
