//! Where a notice stands on a given day (待张贴 / 公示中 / 已到期 / 已撤下) and what needs the
//! secretary's attention. Pure: `today` is passed in, so tests can stand on any day.

use chrono::NaiveDate;

crate::labelled_enum! {
    /// Where a notice stands.
    NoticeState {
        Unposted = "unposted": "待张贴",
        Posted = "posted": "公示中",
        Expired = "expired": "已到期",
        TakenDown = "taken_down": "已撤下",
    }
}

crate::labelled_enum! {
    /// What the home screen points out.
    NoticeFlag {
        EndsSoon = "ends_soon": "公示期两天内结束",
        StillPosted = "still_posted": "公示期已过，仍在张贴，请撤下",
    }
}

/// A period ending this many days from today (or sooner) is flagged.
pub const ENDS_SOON_DAYS: i64 = 2;

/// The facts of a notice the state depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub period_to: Option<NaiveDate>,
    pub posted: bool,
    pub taken_down: bool,
    /// A newer version replaces it: an old version that was never posted needs no attention.
    pub superseded: bool,
}

pub fn state(f: Facts, today: NaiveDate) -> NoticeState {
    if f.taken_down {
        NoticeState::TakenDown
    } else if f.period_to.is_some_and(|to| today > to) {
        NoticeState::Expired
    } else if f.posted {
        NoticeState::Posted
    } else {
        NoticeState::Unposted
    }
}

pub fn flags(f: Facts, today: NaiveDate) -> Vec<NoticeFlag> {
    let Some(to) = f.period_to else { return Vec::new() };
    if f.taken_down || (f.superseded && !f.posted) {
        return Vec::new();
    }
    let days_left = (to - today).num_days();
    if (0..=ENDS_SOON_DAYS).contains(&days_left) {
        vec![NoticeFlag::EndsSoon]
    } else if days_left < 0 && f.posted {
        vec![NoticeFlag::StillPosted]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn facts(to: &str, posted: bool, taken_down: bool) -> Facts {
        Facts { period_to: Some(d(to)), posted, taken_down, superseded: false }
    }

    #[test]
    fn states_follow_posting_and_the_calendar() {
        assert_eq!(state(facts("2026-12-07", false, false), d("2026-12-01")), NoticeState::Unposted);
        assert_eq!(state(facts("2026-12-07", true, false), d("2026-12-07")), NoticeState::Posted);
        assert_eq!(state(facts("2026-12-07", true, false), d("2026-12-08")), NoticeState::Expired);
        assert_eq!(state(facts("2026-12-07", true, true), d("2026-12-08")), NoticeState::TakenDown);
        let no_period = Facts { period_to: None, posted: true, taken_down: false, superseded: false };
        assert_eq!(state(no_period, d("2030-01-01")), NoticeState::Posted);
    }

    #[test]
    fn flags_two_days_before_the_end_and_after_it_while_posted() {
        let f = facts("2026-12-07", true, false);
        assert!(flags(f, d("2026-12-04")).is_empty());
        assert_eq!(flags(f, d("2026-12-05")), vec![NoticeFlag::EndsSoon]);
        assert_eq!(flags(f, d("2026-12-07")), vec![NoticeFlag::EndsSoon]);
        assert_eq!(flags(f, d("2026-12-08")), vec![NoticeFlag::StillPosted]);
        assert!(flags(facts("2026-12-07", false, false), d("2026-12-08")).is_empty(), "never posted");
        assert!(flags(facts("2026-12-07", true, true), d("2026-12-08")).is_empty(), "taken down");
        let old = Facts { superseded: true, ..facts("2026-12-07", false, false) };
        assert!(flags(old, d("2026-12-06")).is_empty(), "an unposted old version");
    }
}
