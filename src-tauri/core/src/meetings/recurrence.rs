//! 周周碰、月月议: how a meeting repeats, and the day of the next one.
//!
//! Stored in `meetings.recurrence` as text: `''` (不重复), `weekly:N` and `biweekly:N` (N = 1 星期一
//! … 7 星期日), `monthly:D` (D = 1…31). Days are community days (`time::Zone`), never the
//! computer's local zone. A monthly day 29–31 falls on the last day of a shorter month (每月31日
//! in February is 2月28日, or 29日 in a leap year).

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::MeetingError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Recurrence {
    None,
    /// Every week on this weekday (1 = 星期一 … 7 = 星期日).
    Weekly {
        weekday: u8,
    },
    /// Every other week on this weekday.
    Biweekly {
        weekday: u8,
    },
    /// Every month on this day (1…31; 29–31 clamp to the month's last day).
    Monthly {
        day: u8,
    },
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

impl Recurrence {
    /// What the form sends: `none` or `''`, `weekly` / `biweekly` (on the meeting's own weekday,
    /// `meeting_day`), `weekly:N`, `biweekly:N`, `monthly:D`. A bad rule or day is a clear error.
    pub fn parse(text: &str, meeting_day: NaiveDate) -> Result<Recurrence, MeetingError> {
        let text = crate::time::normalize(text);
        let (rule, arg) = match text.split_once(':') {
            Some((r, a)) => (r.trim(), Some(a.trim())),
            None => (text.as_str(), None),
        };
        let own_weekday = meeting_day.weekday().number_from_monday() as u8;
        let weekday = |arg: Option<&str>| -> Result<u8, MeetingError> {
            match arg {
                None | Some("") => Ok(own_weekday),
                Some(a) => match a.parse::<u8>() {
                    Ok(n @ 1..=7) => Ok(n),
                    _ => Err(MeetingError::BadRecurrenceWeekday { text: a.to_string() }),
                },
            }
        };
        match rule {
            "" | "none" => Ok(Recurrence::None),
            "weekly" => Ok(Recurrence::Weekly { weekday: weekday(arg)? }),
            "biweekly" => Ok(Recurrence::Biweekly { weekday: weekday(arg)? }),
            "monthly" => {
                let a = arg.unwrap_or("");
                match a.parse::<u8>() {
                    Ok(d @ 1..=31) => Ok(Recurrence::Monthly { day: d }),
                    _ if a.is_empty() => Err(MeetingError::MissingRecurrenceDay),
                    _ => Err(MeetingError::BadRecurrenceDay { text: a.to_string() }),
                }
            }
            _ => Err(MeetingError::UnknownRecurrence { text: text.clone() }),
        }
    }

    /// Reads the stored text; an unreadable value (a newer app's rule) is 不重复.
    pub fn from_stored(text: &str) -> Recurrence {
        let any_day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
        Recurrence::parse(text, any_day).unwrap_or(Recurrence::None)
    }

    pub fn stored(&self) -> String {
        match self {
            Recurrence::None => String::new(),
            Recurrence::Weekly { weekday } => format!("weekly:{weekday}"),
            Recurrence::Biweekly { weekday } => format!("biweekly:{weekday}"),
            Recurrence::Monthly { day } => format!("monthly:{day}"),
        }
    }

    /// 不重复 / 每周三 / 每两周三 / 每月20日 (每月31日 says that short months use their last day).
    pub fn label(&self) -> String {
        let wd = |n: u8| WEEKDAYS.get(usize::from(n.max(1)) - 1).copied().unwrap_or("一");
        match self {
            Recurrence::None => "不重复".into(),
            Recurrence::Weekly { weekday } => format!("每周{}", wd(*weekday)),
            Recurrence::Biweekly { weekday } => format!("每两周{}", wd(*weekday)),
            Recurrence::Monthly { day } if *day >= 29 => format!("每月{day}日（小月为当月最后一天）"),
            Recurrence::Monthly { day } => format!("每月{day}日"),
        }
    }

    /// The first meeting day strictly after `day` (a community day), or None for 不重复.
    pub fn next_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        match *self {
            Recurrence::None => None,
            Recurrence::Weekly { weekday } => first_weekday_after(day, weekday),
            Recurrence::Biweekly { weekday } => first_weekday_after(day.checked_add_days(Days::new(7))?, weekday),
            Recurrence::Monthly { day: d } => {
                let this_month = on_day(day.year(), day.month(), d)?;
                if this_month > day {
                    return Some(this_month);
                }
                let (y, m) = if day.month() == 12 { (day.year() + 1, 1) } else { (day.year(), day.month() + 1) };
                on_day(y, m, d)
            }
        }
    }
}

fn first_weekday_after(day: NaiveDate, weekday: u8) -> Option<NaiveDate> {
    (1..=7u64)
        .filter_map(|n| day.checked_add_days(Days::new(n)))
        .find(|d| d.weekday().number_from_monday() as u8 == weekday)
}

/// Day `d` of the month, or its last day when the month is shorter.
fn on_day(year: i32, month: u32, d: u8) -> Option<NaiveDate> {
    (1..=u32::from(d)).rev().find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::UserFacing;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn monthly_on_a_day_comes_this_month_or_next() {
        let r = Recurrence::Monthly { day: 20 };
        assert_eq!(r.next_after(day(2026, 11, 10)), Some(day(2026, 11, 20)));
        assert_eq!(r.next_after(day(2026, 11, 20)), Some(day(2026, 12, 20)));
        assert_eq!(r.next_after(day(2026, 12, 26)), Some(day(2027, 1, 20)), "over the year end");
        assert_eq!(r.label(), "每月20日");
    }

    #[test]
    fn a_day_29_to_31_falls_on_the_last_day_of_a_short_month() {
        let r = Recurrence::Monthly { day: 31 };
        assert_eq!(r.next_after(day(2027, 1, 31)), Some(day(2027, 2, 28)));
        assert_eq!(r.next_after(day(2028, 1, 31)), Some(day(2028, 2, 29)), "leap year");
        assert_eq!(r.next_after(day(2027, 2, 28)), Some(day(2027, 3, 31)), "back to the 31st");
        assert_eq!(r.next_after(day(2026, 11, 15)), Some(day(2026, 11, 30)));
        assert_eq!(
            Recurrence::Monthly { day: 29 }.next_after(day(2100, 1, 29)),
            Some(day(2100, 2, 28)),
            "2100 is no leap year"
        );
        assert!(r.label().contains("小月为当月最后一天"), "{}", r.label());
    }

    #[test]
    fn weekly_keeps_the_weekday_and_biweekly_skips_a_week() {
        // 2026-12-02 is a Wednesday.
        let wed = day(2026, 12, 2);
        let weekly = Recurrence::parse("weekly", wed).unwrap();
        assert_eq!(weekly, Recurrence::Weekly { weekday: 3 });
        assert_eq!(weekly.label(), "每周三");
        assert_eq!(weekly.next_after(wed), Some(day(2026, 12, 9)));
        assert_eq!(weekly.next_after(day(2026, 12, 30)), Some(day(2027, 1, 6)));
        let biweekly = Recurrence::parse("biweekly", wed).unwrap();
        assert_eq!(biweekly.next_after(wed), Some(day(2026, 12, 16)));
        assert_eq!(biweekly.label(), "每两周三");
        let sunday = Recurrence::parse("weekly:7", wed).unwrap();
        assert_eq!(sunday.next_after(wed), Some(day(2026, 12, 6)));
        assert_eq!(Recurrence::None.next_after(wed), None);
    }

    #[test]
    fn stored_text_reads_back() {
        for r in [
            Recurrence::None,
            Recurrence::Weekly { weekday: 3 },
            Recurrence::Biweekly { weekday: 6 },
            Recurrence::Monthly { day: 26 },
        ] {
            assert_eq!(Recurrence::from_stored(&r.stored()), r);
        }
        assert_eq!(
            Recurrence::parse("ｍonthly：２０", day(2026, 1, 1)).ok(),
            None,
            "a full-width letter is not a rule"
        );
        assert_eq!(Recurrence::parse("monthly：２０", day(2026, 1, 1)).unwrap(), Recurrence::Monthly { day: 20 });
    }

    #[test]
    fn a_bad_day_or_rule_is_a_clear_chinese_error() {
        let d = day(2026, 12, 2);
        for (text, words) in [
            ("monthly:0", "1到31"),
            ("monthly:32", "1到31"),
            ("monthly:二十", "1到31"),
            ("monthly", "哪一天"),
            ("daily", "重复方式"),
            ("weekly:8", "星期"),
            ("🎉", "重复方式"),
        ] {
            let e = Recurrence::parse(text, d).unwrap_err();
            assert!(e.to_string().contains(words), "{text}: {e}");
            assert!(e.code().starts_with("meeting_recurrence"), "{text}: {}", e.code());
        }
    }
}
