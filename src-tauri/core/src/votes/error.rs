use thiserror::Error;

use crate::error::UserFacing;
use crate::meetings::MeetingError;

/// Why a vote could not be counted or stored. The count errors name the numbers as typed.
#[derive(Debug, Error)]
pub enum VoteError {
    #[error("应到{unit}数不能为 0，请填写有表决权的{unit}数。")]
    NoEligible { unit: &'static str },
    #[error("到会{unit}数不能为 0：没有人到会，无法表决。")]
    NobodyPresent { unit: &'static str },
    #[error("到会 {present} {unit}，比应到的 {eligible} {unit}还多，请核对人数。")]
    PresentOverEligible { present: u32, eligible: u32, unit: &'static str },
    #[error("同意 {agree}、反对 {oppose}、弃权 {abstain}，共 {total} 票，超过了到会的 {present} {unit}，请核对票数。")]
    VotesOverPresent { agree: u32, oppose: u32, abstain: u32, total: u64, present: u32, unit: &'static str },
    #[error("法定人数 {quorum} {unit}超过了应到的 {eligible} {unit}，这次表决永远不会有效，请核对。")]
    QuorumOverEligible { quorum: u32, eligible: u32, unit: &'static str },
    #[error("“{label}”被勾选了两次：一户只能投一票。")]
    HouseholdTwice { label: String },
    #[error("所选的户不在名册中（可能已被删除），请刷新后重新勾选。")]
    UnknownHousehold { id: String },
    #[error("一户一票的表决请逐户勾选，不能直接填票数。")]
    HouseholdNeedsTicks,
    #[error("{label}在表决当天没有登记的住户，请先在“设置 → 户”中登记，或换一个表决范围。")]
    EmptyElectorate { label: String },
    #[error("所选的地点不在名册中（可能已被删除），请刷新后重新选择。")]
    UnknownPlace { id: String },
    #[error("“{household}”不在这次表决的范围（{electorate}）内，没有保存。")]
    NotInElectorate { household: String, electorate: String },
    #[error("“{household}”已在“{part}”中计过票：一户只能投一票，这次没有保存。")]
    HouseholdInPart { household: String, part: String },
    #[error("“{part}”还没有勾选任何户，请先勾选再保存。")]
    EmptyPart { part: String },
    #[error("请至少录入一个计票点（现场、投票箱、线上或入户征求）。")]
    NoParts,
    #[error("这次表决是在会上直接填的票数，不能再分项加票；请重新按分项计票录入。")]
    NotInParts,
    #[error("入户征求请选择征求方式：入户或电话。")]
    VisitNeedsHow,
    #[error("征求时间“{when}”还没有到，请填写实际上门或打电话的时间。")]
    VisitInFuture { when: String },
    #[error(transparent)]
    Field(#[from] crate::validate::FieldError),
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    #[error(transparent)]
    Community(#[from] crate::community::CommunityError),
    #[error("保存表决结果时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for VoteError {
    fn code(&self) -> &'static str {
        match self {
            VoteError::NoEligible { .. } => "vote_no_eligible",
            VoteError::NobodyPresent { .. } => "vote_nobody_present",
            VoteError::PresentOverEligible { .. } => "vote_present_over_eligible",
            VoteError::VotesOverPresent { .. } => "vote_votes_over_present",
            VoteError::QuorumOverEligible { .. } => "vote_quorum_over_eligible",
            VoteError::HouseholdTwice { .. } => "vote_household_twice",
            VoteError::UnknownHousehold { .. } => "vote_unknown_household",
            VoteError::HouseholdNeedsTicks => "vote_household_needs_ticks",
            VoteError::EmptyElectorate { .. } => "vote_empty_electorate",
            VoteError::UnknownPlace { .. } => "vote_unknown_place",
            VoteError::NotInElectorate { .. } => "vote_not_in_electorate",
            VoteError::HouseholdInPart { .. } => "vote_household_in_part",
            VoteError::EmptyPart { .. } => "vote_empty_part",
            VoteError::NoParts => "vote_no_parts",
            VoteError::NotInParts => "vote_not_in_parts",
            VoteError::VisitNeedsHow => "vote_visit_needs_how",
            VoteError::VisitInFuture { .. } => "vote_visit_in_future",
            VoteError::Field(e) => e.code(),
            VoteError::Meeting(e) => e.code(),
            VoteError::Community(e) => e.code(),
            VoteError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            VoteError::Meeting(e) => e.field(),
            VoteError::Field(e) => e.field(),
            VoteError::Community(e) => e.field(),
            _ => None,
        }
    }
}
