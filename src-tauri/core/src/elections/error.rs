use thiserror::Error;

use crate::community::CommunityError;
use crate::error::UserFacing;
use crate::meetings::MeetingError;
use crate::time::TimeError;
use crate::validate::FieldError;

/// Why an election could not be counted or stored.
#[derive(Debug, Error)]
pub enum ElectionError {
    #[error("请至少填写一名候选人。")]
    NoCandidates,
    #[error("应选名额不能为 0，请填写要选出几名。")]
    NoSeats,
    #[error("到会人数不能为 0：没有人到会，无法选举。")]
    NobodyPresent,
    #[error("{name}得 {votes} 票，比到会的 {present} 人还多，请核对票数。")]
    VotesOverPresent { name: String, votes: u32, present: u32 },
    #[error("候选人共得 {total} 票，超过了到会 {present} 人每人最多投 {seats} 票的总数，请核对票数。")]
    BallotsOverPresent { total: u64, present: u32, seats: u32 },
    #[error("候选人“{name}”填了两次，请合并为一行。")]
    CandidateTwice { name: String },
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error(transparent)]
    Community(#[from] CommunityError),
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    #[error("保存选举结果时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl From<TimeError> for ElectionError {
    fn from(e: TimeError) -> ElectionError {
        ElectionError::Field(FieldError::from(e))
    }
}

impl UserFacing for ElectionError {
    fn code(&self) -> &'static str {
        match self {
            ElectionError::NoCandidates => "election_no_candidates",
            ElectionError::NoSeats => "election_no_seats",
            ElectionError::NobodyPresent => "election_nobody_present",
            ElectionError::VotesOverPresent { .. } => "election_votes_over_present",
            ElectionError::BallotsOverPresent { .. } => "election_ballots_over_present",
            ElectionError::CandidateTwice { .. } => "election_candidate_twice",
            ElectionError::Field(e) => e.code(),
            ElectionError::Community(e) => e.code(),
            ElectionError::Meeting(e) => e.code(),
            ElectionError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            ElectionError::Field(e) => e.field(),
            ElectionError::Community(e) => e.field(),
            ElectionError::Meeting(e) => e.field(),
            _ => None,
        }
    }
}
