//! 数字: figures as the reports print them, kept as integers and fractions ([`Rate`]); “95.2%”
//! and “12.5天” are made from integers, never from a float.
//!
//! `figures` is plain data at the bottom of the core: `evaluations` counts a survey into a
//! [`Satisfaction`], `stats` computes a [`YearStats`], and the notice templates print both.
//! It owns no table and reads nothing.

mod rate;
mod year;

pub use rate::{Rate, Satisfaction};
pub use year::{
    AnnualFundFigures, AverageDays, CountRow, FundFigures, FundProjectRow, FundSourceRow, Participation, YearStats,
    CALLBACK_RATE_DEFINITION, ON_TIME_RATE_DEFINITION, SOLVED_RATE_DEFINITION,
};

/// Tenths as printed: `25` → `2.5`, `30` → `3` (labour days are kept in tenths of a person-day).
pub fn tenths_words(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    match abs % 10 {
        0 => format!("{sign}{}", abs / 10),
        t => format!("{sign}{}.{t}", abs / 10),
    }
}
