//! How dates and numbers read in a Chinese notice.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// 2026年11月21日
pub fn fmt_date(date: NaiveDate) -> String {
    crate::time::chinese_date(date)
}

/// 2026年11月21日（星期六）19:30
pub fn fmt_datetime(at: NaiveDateTime) -> String {
    format!("{}（{}）{}:{:02}", fmt_date(at.date()), crate::time::weekday(at.date()), at.hour(), at.minute())
}

/// Chinese numerals for list and article numbers: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五.
pub fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n % 10] }),
        20..=99 => {
            let ones = if n.is_multiple_of(10) { "" } else { DIGITS[n % 10] };
            format!("{}十{ones}", DIGITS[n / 10])
        }
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest]),
                10..=19 => format!("一{}", cn_number(rest)),
                _ => cn_number(rest),
            };
            format!("{}百{tail}", DIGITS[n / 100])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_chinese_way() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(fmt_date(d), "2026年11月21日");
        assert_eq!(fmt_datetime(d.and_hms_opt(19, 5, 0).unwrap()), "2026年11月21日（星期六）19:05");
    }

    #[test]
    fn numerals() {
        let cases = [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")];
        for (n, s) in cases {
            assert_eq!(cn_number(n), s);
        }
        assert_eq!(cn_number(100), "一百");
        assert_eq!(cn_number(105), "一百零五");
        assert_eq!(cn_number(110), "一百一十");
        assert_eq!(cn_number(123), "一百二十三");
    }
}
