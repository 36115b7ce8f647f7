//! 示例社区: a realistic community for one year, so a newcomer sees a living app.
//!
//! Built only through the public functions of the domain modules (so the demo exercises the
//! same rules as the secretary's own typing), from the cases in shared/DOMAIN.md: parking chaos,
//! shared bikes and dogs, the underground garage, the village footbridge, a stairwell quarrel,
//! EV charging. It refuses a database that already holds records.
//!
//! **History as it happened.** Every step runs under [`time::at`] with the moment it happens in
//! the story (a topic is stamped when it was raised, a note on the evening of its day, a meeting's
//! votes and its closing on its evening), so timelines, closing days, points and the year's
//! figures are those of the story, not of the moment the demo was loaded; nothing is rewritten
//! afterwards. The story is told in [`YEAR`] and ends on [`today`]; only the meeting still being
//! prepared and the deadlines of open tasks lie after it. Everything is deterministic except ids.

mod casework;
mod elections;
mod followup;
mod funds;
mod meetings;
mod meetings_data;
mod people;
mod plans;
mod points;
mod records;
mod topics;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use rusqlite::Transaction;
use serde::Serialize;
use thiserror::Error;

use crate::error::UserFacing;
use crate::store::Store;
use crate::time::{self, Zone};

#[derive(Debug, Error)]
pub enum DemoError {
    #[error("数据库里已经有记录（{people} 位人员、{topics} 个议题），示例社区只能载入空数据库。")]
    NotEmpty { people: i64, topics: i64 },
    #[error("载入示例社区失败：{0}")]
    Step(String),
    #[error("载入示例社区失败：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for DemoError {
    fn code(&self) -> &'static str {
        match self {
            DemoError::NotEmpty { .. } => "demo_not_empty",
            DemoError::Step(_) | DemoError::Db(_) => "demo_failed",
        }
    }
}

/// Any domain error inside the demo is a bug in the demo data: report it with its message.
pub(crate) fn step<E: UserFacing>(e: E) -> DemoError {
    DemoError::Step(e.message())
}

#[derive(Debug, Serialize)]
pub struct DemoSummary {
    pub people: usize,
    pub households: usize,
    pub topics: usize,
    pub meetings: usize,
}

/// Fills an empty database with the demo community, in one transaction.
pub fn load(store: &mut Store) -> Result<DemoSummary, DemoError> {
    store.write(|tx| {
        refuse_non_empty(tx)?;
        // The committee draws up its roster and points rules in the first days of the year.
        let roster = time::at(moment(1, 4, 9, 0), || people::build(tx))?;
        time::at(moment(1, 4, 9, 30), || points::set_rules(tx))?;
        time::at(moment(1, 4, 9, 40), || elections::patterns(tx))?;
        let topics = topics::build(tx, &roster)?;
        points::build(tx, &roster)?;
        let meetings = meetings::build(tx, &roster, &topics)?;
        followup::build(tx)?;
        records::build(tx, &topics)?;
        casework::build(tx, &topics)?;
        funds::build(tx)?;
        plans::build(tx, &topics)?;
        points::exchanges(tx, &roster)?;
        time::at(moment(11, 20, 21, 0), || people::moves(tx, &roster))?;
        // The story's minutes were autosaved: their search entries are written before it ends.
        time::at(moment(11, 21, 22, 0), || crate::reindex::flush_pending(tx)).map_err(step)?;
        Ok(DemoSummary {
            people: roster.people.len(),
            households: roster.households.len(),
            topics: topics.all.len(),
            meetings,
        })
    })
}

fn refuse_non_empty(tx: &Transaction) -> Result<(), DemoError> {
    let people: i64 = tx.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
    let topics: i64 = tx.query_row("SELECT count(*) FROM topics", [], |r| r.get(0))?;
    if people + topics > 0 {
        return Err(DemoError::NotEmpty { people, topics });
    }
    Ok(())
}

/// The year the story is told in. Fixed, not the loading year: the app's tests and the
/// screenshots read the same community (年度统计 2026, the board on 2026-11-21) whenever they run.
pub(crate) const YEAR: i32 = 2026;

/// The demo's "today": the last day of its story (the next meeting is being prepared).
pub(crate) fn today() -> NaiveDate {
    day(11, 21)
}

/// A day of the demo year.
pub(crate) fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, day).unwrap_or_default()
}

/// A wall-clock moment of the demo year in the demo community's zone (its settings keep the
/// default, Asia/Shanghai), whatever the zone of the machine loading it.
pub(crate) fn moment(month: u32, day_of_month: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    let wall = day(month, day_of_month).and_hms_opt(hour, minute, 0).unwrap_or_default();
    Zone::default().utc_of(wall)
}

/// [`moment`] as stored.
pub(crate) fn at(month: u32, day_of_month: u32, hour: u32, minute: u32) -> String {
    time::stored(moment(month, day_of_month, hour, minute))
}

/// `minutes` after `t`: the steps of one evening.
pub(crate) fn later(t: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    t + TimeDelta::minutes(minutes)
}

#[cfg(test)]
mod tests;
