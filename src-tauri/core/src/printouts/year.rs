//! Filling the yearly report (年度协商议事工作报告) from the store.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::community;
use crate::notices::YearReport;
use crate::stats::{year_stats, StatsError};

/// The report of `year` (for a place and below, or the whole community), issued by the body
/// named in the community settings, dated `date` (also the day the tasks' lateness is judged on).
pub fn year_report(
    conn: &Connection,
    year: i32,
    place_id: Option<&str>,
    date: NaiveDate,
) -> Result<YearReport, StatsError> {
    let settings = community::load_settings(conn)?;
    Ok(YearReport {
        paper: Default::default(),
        community: settings.name,
        stats: year_stats(conn, year, place_id, date)?,
        remarks: Vec::new(),
        issuer: settings.issuer,
        date,
    })
}
