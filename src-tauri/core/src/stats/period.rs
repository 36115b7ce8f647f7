//! The days a set of figures covers: a year, a month, or any range of days (both ends included).
//! The year figures are one case of it; the 统计 page shows 全年, 按月 and 自定日期 with it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::StatsError;
use crate::time::{chinese_date, month_bounds, parse_date};

/// The widest range offered: ten years of figures is already more than any report asks for.
const MAX_DAYS: i64 = 3660;

/// The fields of 自定日期, as the page labels them (errors land under them).
pub const FROM: &str = "开始日期";
pub const TO: &str = "结束日期";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn year(year: i32) -> Result<Period, StatsError> {
        let bad = || StatsError::BadYear { year };
        if !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
        Ok(Period { from, to })
    }

    /// `month` as typed by the page: 2026-11 (or 2026年11月).
    pub fn month(month: &str) -> Result<Period, StatsError> {
        let bad = || StatsError::BadMonth { month: month.trim().to_string() };
        let digits: Vec<u32> = month
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        let [y, m] = digits[..] else { return Err(bad()) };
        let year = i32::try_from(y).map_err(|_| bad())?;
        Period::year(year)?;
        let (from, to) = month_bounds(year, m).ok_or_else(bad)?;
        Ok(Period { from, to })
    }

    /// Any range of days as typed (2026-03-01, 2026年3月1日, 3月1日 …), both ends included.
    pub fn range(from: &str, to: &str, today: NaiveDate) -> Result<Period, StatsError> {
        let (from, to) = (parse_date(FROM, from, today)?, parse_date(TO, to, today)?);
        if to < from {
            return Err(StatsError::RangeBackwards { from, to });
        }
        if (to - from).num_days() > MAX_DAYS {
            return Err(StatsError::RangeTooLong);
        }
        Ok(Period { from, to })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// A whole calendar year, when the period is one (the money figures are kept by budget year).
    pub fn whole_year(&self) -> Option<i32> {
        let y = self.from.year();
        (self.from.ordinal() == 1 && self.to.year() == y && self.to.succ_opt().is_some_and(|n| n.year() != y))
            .then_some(y)
    }

    /// 2026年, 2026年11月, or 2026年3月1日至2026年6月30日.
    pub fn label(&self) -> String {
        let (f, t) = (self.from, self.to);
        if let Some(y) = self.whole_year() {
            return format!("{y}年");
        }
        let month_end = t.succ_opt().is_some_and(|n| n.day() == 1);
        if f.day() == 1 && f.year() == t.year() && f.month() == t.month() && month_end {
            return format!("{}年{}月", f.year(), f.month());
        }
        format!("{}至{}", chinese_date(f), chinese_date(t))
    }
}

/// The period as the 统计 page sends it: 全年, 按月 or 自定日期.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PeriodChoice {
    Year { year: i32 },
    Month { month: String },
    Range { from: String, to: String },
}

impl PeriodChoice {
    pub fn period(&self, today: NaiveDate) -> Result<Period, StatsError> {
        match self {
            PeriodChoice::Year { year } => Period::year(*year),
            PeriodChoice::Month { month } => Period::month(month),
            PeriodChoice::Range { from, to } => Period::range(from, to, today),
        }
    }
}
