//! Which template a notice is: one list for the loaders, the 公示台账, the CLI and the UI.

crate::labelled_enum! {
    /// Which template a notice is printed from. The storage name is what the 公示台账 keeps in
    /// `notices.kind`, what the UI sends and what the CLI's `--kind` takes.
    NoticeKind {
        MeetingNotice = "meeting_notice": "会议通知",
        Topic = "topic": "议题公示",
        Decision = "decision": "决议公示",
        Progress = "progress": "落实情况公示",
        Minutes = "minutes": "会议记录",
        SignIn = "sign_in": "签到表",
        Points = "points": "积分榜",
        Convention = "convention": "公约",
        Supervision = "supervision": "督办清单",
        Election = "election": "选举结果公示",
        FundUse = "fund_use": "资金使用公示",
        Free = "free": "通知公告",
        MonthReview = "month_review": "月度议题研判表",
        Ballots = "ballots": "表决票",
        Tally = "tally": "计票单",
    }
}

impl NoticeKind {
    /// Whether a loader fills it from a record (every kind but the composed free notice).
    pub fn from_record(self) -> bool {
        self != NoticeKind::Free
    }

    /// Public notices go on the board and into the 公示台账; the minutes, the sign-in sheet and
    /// the 督办清单 are the committee's own records.
    pub fn is_public(self) -> bool {
        !matches!(
            self,
            NoticeKind::Minutes
                | NoticeKind::SignIn
                | NoticeKind::Supervision
                | NoticeKind::MonthReview
                | NoticeKind::Ballots
                | NoticeKind::Tally
        )
    }

    /// Reads a kind as typed: the storage name, or with hyphens (`meeting-notice`, `sign-in`, as
    /// the CLI has always spelled them).
    pub fn named(text: &str) -> Option<NoticeKind> {
        NoticeKind::parse(&text.trim().replace('-', "_"))
    }
}

#[cfg(test)]
mod tests {
    use super::NoticeKind;

    #[test]
    fn both_spellings_name_the_same_kind() {
        assert_eq!(NoticeKind::named("meeting-notice"), Some(NoticeKind::MeetingNotice));
        assert_eq!(NoticeKind::named(" sign_in "), Some(NoticeKind::SignIn));
        assert_eq!(NoticeKind::named("minute"), None);
        assert!(!NoticeKind::Free.from_record() && NoticeKind::SignIn.from_record());
        assert!(!NoticeKind::Minutes.is_public() && NoticeKind::Decision.is_public());
    }
}
