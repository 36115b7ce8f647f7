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
    AverageDays, CountRow, Participation, YearStats, CALLBACK_RATE_DEFINITION, ON_TIME_RATE_DEFINITION,
    SOLVED_RATE_DEFINITION,
};
