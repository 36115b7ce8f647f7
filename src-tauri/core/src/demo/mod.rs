//! 示例社区: a realistic community for one year, so a newcomer sees a living app.
//!
//! Built only through the public functions of the domain modules (so the demo exercises the
//! same rules as the secretary's own typing), from the cases in shared/DOMAIN.md: parking chaos,
//! shared bikes and dogs, the underground garage, the village footbridge, a stairwell quarrel,
//! EV charging. It refuses a database that already holds records. Everything is deterministic
//! except ids and the moment of creation.

mod followup;
mod meetings;
mod meetings_data;
mod people;
mod points;
mod records;
mod topics;

use rusqlite::Transaction;
use serde::Serialize;
use thiserror::Error;

use crate::error::UserFacing;
use crate::store::Store;

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
        let roster = people::build(tx)?;
        let topics = topics::build(tx, &roster)?;
        points::build(tx, &roster)?;
        let meetings = meetings::build(tx, &roster, &topics)?;
        followup::build(tx)?;
        records::build(tx, &topics)?;
        points::exchanges(tx, &roster)?;
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

/// A local time in the demo year as stored UTC (China is UTC+8 all year).
pub(crate) fn at(month: u32, day: u32, hour: u32, minute: u32) -> String {
    let local = chrono::NaiveDate::from_ymd_opt(2026, month, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .unwrap_or_default();
    let utc = local - chrono::Duration::hours(8);
    format!("{}Z", utc.format("%Y-%m-%dT%H:%M:%S%.3f"))
}

#[cfg(test)]
mod tests;
