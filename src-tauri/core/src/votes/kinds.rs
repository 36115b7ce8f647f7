//! The closed lists a vote is described by.

use crate::labelled_enum;

labelled_enum! {
    /// How the votes were taken.
    VoteMethod {
        Hands = "hands": "举手",
        Household = "household": "一户一票",
        Ballot = "ballot": "投票",
    }
}

labelled_enum! {
    /// What share of whom must agree.
    VoteRule {
        MajorityPresent = "majority_present": "过半数（到会）",
        MajorityEligible = "majority_eligible": "过半数（全体）",
        TwoThirds = "two_thirds": "三分之二（到会）",
    }
}

labelled_enum! {
    /// What the count came to.
    VoteResult {
        Passed = "passed": "通过",
        Failed = "failed": "未通过",
        NoQuorum = "no_quorum": "不足法定人数",
    }
}

labelled_enum! {
    /// One household's tick in a 一户一票 vote.
    Choice {
        Agree = "agree": "同意",
        Oppose = "oppose": "反对",
        Abstain = "abstain": "弃权",
    }
}
