//! Why a notice could not be filled from the store.

use crate::community::CommunityError;
use crate::error::UserFacing;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No record with this id (or it was deleted). `what` reads like 会议, 议题, 议定事项.
    #[error("找不到编号为 {id} 的{what}（可能已被删除）。请回到列表重新选择。")]
    NotFound { what: &'static str, id: String },
    #[error("积分年度“{text}”无效，请写四位数的年份，如 2026。")]
    BadYear { text: String },
    #[error("不认识的公示种类“{text}”。可选：{choices}。")]
    UnknownKind { text: String, choices: String },
    /// The free notice is composed in 公示 → 新建公示, not filled from a record.
    #[error("通知公告要在“公示 → 新建公示”里编写，不能从记录生成。")]
    NotFromRecord,
    /// A stored value the notice cannot read (a hand-edited database, a damaged import).
    #[error("{what}的记录有误（{detail}），无法生成公示。请在软件里重新保存这条记录。")]
    Damaged { what: &'static str, detail: String },
    /// 资金使用公示 of a decision or task without a budget.
    #[error("这条决议（任务）还没有登记预算和资金来源，无法生成资金使用公示。")]
    NoBudget,
    #[error("时间段“{text}”看不懂，请写成 2026（全年）、2026-05（一个月）或 2026-01-01..2026-06-30。")]
    BadPeriod { text: String },
    #[error("{}至{}没有资金支出，也没有物资捐赠或投工投劳，无需公示。", crate::time::chinese_date(*.from), crate::time::chinese_date(*.to))]
    NothingInPeriod { from: chrono::NaiveDate, to: chrono::NaiveDate },
    #[error("月份“{text}”看不懂，请写成 2026-11 这样的年份和月份（月份是 1 到 12）。")]
    BadMonth { text: String },
    #[error("{year}年{month}月还没有到，无法生成这个月的议题研判表。")]
    MonthAhead { year: i32, month: u32 },
    /// The number of blank ballots after `*` in a ballots id (`<议程>*30`).
    #[error("表决票张数“{text}”无效，请写 1 到 {max} 之间的整数。")]
    BadBallotCount { text: String, max: u32 },
    #[error("户籍名册里还没有住户，无法按一户一票打印表决票。请先在“住户”里登记住户，或改为投票方式打印空白票。")]
    NoHouseholds,
    /// 决议公示 of an agenda item with neither a decision nor a vote recorded: it would announce
    /// “形成决议如下：” and list nothing.
    #[error("“{title}”还没有记录议定事项或表决结果，无法生成决议公示。请先在会议里记下议定事项。")]
    NothingDecided { title: String },
    #[error(transparent)]
    Vote(#[from] crate::votes::VoteError),
    #[error(transparent)]
    Funds(#[from] crate::funds::FundsError),
    #[error(transparent)]
    Plan(#[from] crate::plans::PlanError),
    #[error(transparent)]
    Community(#[from] CommunityError),
    #[error(transparent)]
    Points(#[from] crate::points::PointsError),
    #[error(transparent)]
    Decision(#[from] crate::decisions::DecisionError),
    #[error(transparent)]
    FollowUp(#[from] crate::followup::FollowUpError),
    #[error("读取记录时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for LoadError {
    fn code(&self) -> &'static str {
        match self {
            LoadError::NotFound { .. } => "notice_source_not_found",
            LoadError::BadYear { .. } => "notice_bad_year",
            LoadError::UnknownKind { .. } => "notice_unknown_kind",
            LoadError::NotFromRecord => "notice_not_from_record",
            LoadError::Damaged { .. } => "notice_source_damaged",
            LoadError::NoBudget => "notice_no_budget",
            LoadError::BadPeriod { .. } => "notice_bad_period",
            LoadError::NothingInPeriod { .. } => "notice_nothing_in_period",
            LoadError::BadMonth { .. } => "notice_bad_month",
            LoadError::MonthAhead { .. } => "notice_month_ahead",
            LoadError::BadBallotCount { .. } => "notice_bad_ballot_count",
            LoadError::NoHouseholds => "notice_no_households",
            LoadError::NothingDecided { .. } => "notice_nothing_decided",
            LoadError::Vote(e) => e.code(),
            LoadError::Funds(e) => e.code(),
            LoadError::Plan(e) => e.code(),
            LoadError::Community(e) => e.code(),
            LoadError::Points(e) => e.code(),
            LoadError::Decision(e) => e.code(),
            LoadError::FollowUp(e) => e.code(),
            LoadError::Db(_) => "db_error",
        }
    }
}
