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
pub fn unit(method: VoteMethod) -> &'static str {
    if method == VoteMethod::Household {
        "户"
    } else {
        "人"
    }
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
    // 一户一票 counts households: each vote is a household (同意 20 户), the shares are of
    // households (到会户数). Hands and ballots count people, each casting one vote (票).
    let (share_present, share_all, vote) = if v.method == VoteMethod::Household {
        ("到会户数", "全体户数", "户")
    } else {
        ("到会人数", "全体", "票")
    };
    let (base, share) = match v.rule {
        VoteRule::MajorityPresent => (format!("到会 {} {unit}", v.present), format!("{share_present}的一半")),
        VoteRule::MajorityEligible => {
            (format!("应到 {} {unit}，到会 {} {unit}", v.eligible, v.present), format!("{share_all}的一半"))
        }
        VoteRule::TwoThirds => (format!("到会 {} {unit}", v.present), format!("{share_present}的三分之二")),
    };
    let reached = match (v.rule, passed) {
        (VoteRule::TwoThirds, true) => format!("达到{share}（{needed} {vote}）"),
        (VoteRule::TwoThirds, false) => format!("未达到{share}（需 {needed} {vote}）"),
        (_, true) => format!("超过{share}（{needed} {vote}）"),
        (_, false) => format!("未超过{share}（需 {needed} {vote}）"),
    };
    let verdict = if passed { "表决通过" } else { "表决未通过" };
    format!("{base}，同意 {} {vote}，{reached}，{verdict}。", v.agree)
}

/// The rule as printed on a notice: "到会人员过半数同意即为通过", in households for 一户一票
/// ("到会户数过半数同意即为通过"), with the quorum if the meeting has one.
pub fn rule_in_words(method: VoteMethod, rule: VoteRule, quorum: Option<u32>) -> String {
    let household = method == VoteMethod::Household;
    let base = match (rule, household) {
        (VoteRule::MajorityPresent, false) => "到会人员过半数同意即为通过",
        (VoteRule::MajorityPresent, true) => "到会户数过半数同意即为通过",
        (VoteRule::MajorityEligible, false) => "全体有表决权的人员过半数同意即为通过",
        (VoteRule::MajorityEligible, true) => "全体户数过半数同意即为通过",
        (VoteRule::TwoThirds, false) => "到会人员三分之二以上同意即为通过",
        (VoteRule::TwoThirds, true) => "到会户数三分之二以上同意即为通过",
    };
    match quorum {
        Some(q) if q > 0 => format!("{base}；到会不少于{q}{}，表决方为有效", unit(method)),
        _ => base.to_string(),
    }
}
