//! The count: a pure function from the numbers on the form to 通过 / 未通过 / 不足法定人数.
//!
//! Thresholds follow the wording of Chinese law (《民法典》第一千二百五十九条: “以上”包括本数,
//! “过半数”不包括本数):
//! - 过半数 means strictly more than half: 12 of 24 is not a majority, 13 is;
//! - 三分之二（以上）includes two thirds exactly: 16 of 24 passes, 15 does not.

use serde::{Deserialize, Serialize};

use super::{VoteError, VoteMethod, VoteResult, VoteRule};

/// What the vote panel sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteInput {
    pub method: VoteMethod,
    pub agree: u32,
    pub oppose: u32,
    pub abstain: u32,
    pub present: u32,
    pub eligible: u32,
    pub rule: VoteRule,
    /// The minimum number present for the vote to count, if the meeting has one.
    #[serde(default)]
    pub quorum: Option<u32>,
}

/// The result and the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteOutcome {
    pub result: VoteResult,
    /// The smallest number of 同意 votes that would have passed (0 when there was no quorum).
    pub needed: u32,
    pub explanation: String,
}

/// Checks the counts and decides the result.
pub fn evaluate(v: &VoteInput) -> Result<VoteOutcome, VoteError> {
    check_counts(v)?;
    let unit = unit(v.method);
    if let Some(quorum) = v.quorum.filter(|q| v.present < *q) {
        let explanation = format!("到会 {} {unit}，不足法定人数 {quorum} {unit}，表决无效。", v.present);
        return Ok(VoteOutcome { result: VoteResult::NoQuorum, needed: 0, explanation });
    }
    let needed = needed(v.rule, v.present, v.eligible);
    let passed = v.agree >= needed;
    let result = if passed { VoteResult::Passed } else { VoteResult::Failed };
    let explanation = explain(v, needed, passed);
    Ok(VoteOutcome { result, needed, explanation })
}

/// Votes are counted in people, or in households for 一户一票.
pub(crate) fn unit(method: VoteMethod) -> &'static str {
    if method == VoteMethod::Household { "户" } else { "人" }
}

fn check_counts(v: &VoteInput) -> Result<(), VoteError> {
    let unit = unit(v.method);
    if v.eligible == 0 {
        return Err(VoteError::NoEligible { unit });
    }
    if v.present > v.eligible {
        return Err(VoteError::PresentOverEligible { present: v.present, eligible: v.eligible, unit });
    }
    let total = u64::from(v.agree) + u64::from(v.oppose) + u64::from(v.abstain);
    if total > u64::from(v.present) {
        let (agree, oppose, abstain, present) = (v.agree, v.oppose, v.abstain, v.present);
        return Err(VoteError::VotesOverPresent { agree, oppose, abstain, total, present, unit });
    }
    if v.present == 0 {
        return Err(VoteError::NobodyPresent { unit });
    }
    match v.quorum {
        Some(quorum) if quorum > v.eligible => {
            Err(VoteError::QuorumOverEligible { quorum, eligible: v.eligible, unit })
        }
        _ => Ok(()),
    }
}

/// The smallest number of 同意 votes that passes.
fn needed(rule: VoteRule, present: u32, eligible: u32) -> u32 {
    match rule {
        VoteRule::MajorityPresent => present / 2 + 1,
        VoteRule::MajorityEligible => eligible / 2 + 1,
        // ceil(2n/3) in integers; u64 so that a huge count cannot overflow.
        VoteRule::TwoThirds => ((u64::from(present) * 2).div_ceil(3)) as u32,
    }
}

fn explain(v: &VoteInput, needed: u32, passed: bool) -> String {
    let unit = unit(v.method);
    let (base, share) = match v.rule {
        VoteRule::MajorityPresent => (format!("到会 {} {unit}", v.present), "到会人数的一半"),
        VoteRule::MajorityEligible => (format!("应到 {} {unit}，到会 {} {unit}", v.eligible, v.present), "全体的一半"),
        VoteRule::TwoThirds => (format!("到会 {} {unit}", v.present), "到会人数的三分之二"),
    };
    let share = if v.method == VoteMethod::Household { share.replace("人数", "户数") } else { share.to_string() };
    let reached = match (v.rule, passed) {
        (VoteRule::TwoThirds, true) => format!("达到{share}（{needed} 票）"),
        (VoteRule::TwoThirds, false) => format!("未达到{share}（需 {needed} 票）"),
        (_, true) => format!("超过{share}（{needed} 票）"),
        (_, false) => format!("未超过{share}（需 {needed} 票）"),
    };
    let verdict = if passed { "表决通过" } else { "表决未通过" };
    format!("{base}，同意 {} 票，{reached}，{verdict}。", v.agree)
}
