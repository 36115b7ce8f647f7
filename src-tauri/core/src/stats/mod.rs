//! 统计: the figures of a year (and optionally of one place and everything below it), for the
//! statistics page, `yishi-cli stats` and the yearly report (年度协商议事工作报告).
//!
//! `stats` owns no table: it reads topics, their timelines, meetings, attendance, points and
//! evaluations, and returns a serde struct of integers and fractions ([`Rate`]) — no float is
//! stored or compared; “95.2%” and “12.5天” are made from integers. Empty sets give zeros and
//! rates shown as “—”, never NaN. Definitions (also printed under the report's tables):
//!
//! - **Year**: the local calendar year a topic was raised in, a meeting held, points earned, an
//!   evaluation made.
//! - **Place**: a topic counts by its place; a meeting when a topic of the place was on its agenda
//!   (its whole attendance then counts); points by the person's place or household's place; an
//!   evaluation by its topic's place. Without a place, everything counts.
//! - **Solved rate** = (已办结 + 即办完成) / (collected − merged − rejected), over topics raised in
//!   the year, by their status today. Escalated topics stay in the denominator.
//! - **Average days to close**: calendar days from intake to the day the topic reached 已办结 /
//!   即办完成, over the solved topics of the year.
//! - **Meetings held**: closed meetings; **participation** in person-times: each attendance once,
//!   a person with the role 党员 as 党员, everyone else (walk-ins included) as 居民.
//! - **Points given**: points earned (redemptions not subtracted).
//! - **Satisfaction**: (满意 + 基本满意) / all answers, over all evaluations of the year.
//! - **即办件 and 回访率**: topics of the year done on the spot — still 即办完成, or reopened by an
//!   unsatisfied 回访 — and the share of them with at least one 回访 (`casework`'s table).
//! - **件件有回音**: topics of the year rejected, escalated, done on the spot or closed whose
//!   raiser has no answer on record yet (a note marked as the answer, `casework`).
//! - **按期办结率 (on time, 限时办结)** = tasks done by their deadline / tasks due in the year.
//!   A task is *due in the year* when its deadline (完成时限) is a day of the year and either it
//!   is done or its deadline has passed by `today` (the day after the deadline it is late). It
//!   is *done by its deadline* when the local day it was last marked 已完成 is on or before the
//!   deadline. So a task still open past its deadline counts in the denominator and not in the
//!   numerator (逾期未办结); an open task whose deadline is still ahead is not counted yet (it can
//!   still be on time); a task done after its deadline is late even when done; a task reopened
//!   (a poor evaluation) counts by the day it was done again. Tasks without a deadline are not
//!   counted. A task counts for a place by its topic's place.
//! - **Funds** (issue 16, whole community only — a place's figures leave them empty, money
//!   has no place): *raised* = the sources of the live budgets set in the year, by source;
//!   *spent* = the spends dated in the year, by the source charged; goods' estimated value and
//!   labour days given on a day of the year (or, undated, to a budget of the year); the year's
//!   惠民资金: allocated, committed by the year's budgets, spent, left, and its projects with
//!   what each takes from the fund and has spent from it.

mod compute;
mod error;
mod load;
mod period;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

pub use crate::figures::{
    AverageDays, CountRow, Participation, YearStats, CALLBACK_RATE_DEFINITION, ON_TIME_RATE_DEFINITION,
    SOLVED_RATE_DEFINITION,
};
pub use error::StatsError;
pub use period::{Period, PeriodChoice};

use crate::figures::{AnnualFundFigures, FundFigures, FundProjectRow, FundSourceRow, Satisfaction};
use crate::funds::{self, SourceKind};
use crate::money::Fen;

/// Computes the figures of `year`, for the place `place_id` and below (None: the whole community),
/// as they stand on `today` (which tasks are late).
pub fn year_stats(
    conn: &Connection,
    year: i32,
    place_id: Option<&str>,
    today: NaiveDate,
) -> Result<YearStats, StatsError> {
    period_stats(conn, Period::year(year)?, place_id, today)
}

/// The same figures for any period: topics raised, meetings held, points given, evaluations
/// made and tasks due within it. Money is kept by budget year, so it is given for a whole
/// calendar year only (empty otherwise, as for a place).
pub fn period_stats(
    conn: &Connection,
    period: Period,
    place_id: Option<&str>,
    today: NaiveDate,
) -> Result<YearStats, StatsError> {
    let (place_name, places) = match place_id {
        None => (None, None),
        Some(id) => {
            let name = load::place_name(conn, id)?.ok_or_else(|| StatsError::PlaceNotFound { id: id.to_string() })?;
            (Some(name), Some(compute::subtree(&load::places(conn)?, id)))
        }
    };
    let in_place = |p: &Option<String>| places.as_ref().is_none_or(|ps| p.as_ref().is_some_and(|p| ps.contains(p)));

    let classes = compute::category_classes(&load::categories(conn)?);
    let topics: Vec<compute::TopicRow> = load::topics(conn)?
        .into_iter()
        .filter(|(t, place, _)| period.contains(t.raised_on) && in_place(place))
        .map(|(mut t, _, category)| {
            t.category_class = category.and_then(|c| classes.get(&c).cloned());
            t
        })
        .collect();

    let mut meetings_held = 0;
    let mut attendances = Vec::new();
    for (id, day) in load::held_meetings(conn)? {
        if !period.contains(day) {
            continue;
        }
        if places.is_some() && !load::meeting_topic_places(conn, &id)?.into_iter().any(|p| in_place(&Some(p))) {
            continue;
        }
        meetings_held += 1;
        attendances.extend(load::attendances(conn, &id)?);
    }

    let points_given = load::credits(conn)?
        .into_iter()
        .filter(|(_, day, place)| period.contains(*day) && in_place(place))
        .map(|(points, _, _)| points)
        .sum();

    let (mut s, mut b, mut u, mut evaluations) = (0u64, 0u64, 0u64, 0u64);
    for (es, eb, eu, day, place) in load::evaluations(conn)? {
        if period.contains(day) && in_place(&place) {
            (s, b, u, evaluations) = (s + u64::from(es), b + u64::from(eb), u + u64::from(eu), evaluations + 1);
        }
    }

    let tasks: Vec<compute::TaskRow> =
        load::tasks(conn)?.into_iter().filter(|(_, place)| in_place(place)).map(|(t, _)| t).collect();

    let merged_or_rejected = topics.iter().filter(|t| !compute::counts_in_denominator(t.status)).count() as u64;
    let solved_rate = compute::solved_rate(&topics);
    let callback_rate = compute::callback_rate(&topics);
    let funds = match (place_id, period.whole_year()) {
        (None, Some(year)) => fund_figures(conn, year)?,
        _ => FundFigures::default(),
    };
    Ok(YearStats {
        year: period.from.year(),
        from: period.from.format("%Y-%m-%d").to_string(),
        to: period.to.format("%Y-%m-%d").to_string(),
        period_label: period.label(),
        place_id: place_id.map(str::to_string),
        place_name,
        topics_collected: topics.len() as u64,
        by_channel: compute::by_channel(&topics),
        by_category_class: compute::by_category_class(&topics),
        by_handling_class: compute::by_handling(&topics),
        merged_or_rejected,
        solved: solved_rate.numerator,
        solved_rate,
        average_days_to_close: compute::average_days_to_close(&topics),
        on_time_rate: compute::on_time_rate(&tasks, period, today),
        done_on_spot: callback_rate.denominator,
        callback_rate,
        unanswered: compute::unanswered(&topics),
        meetings_held,
        participation: compute::participation(&attendances),
        points_given,
        evaluations,
        satisfaction: Satisfaction::new(s, b, u),
        funds,
    })
}

/// The year's money (see “Funds” in the module doc).
fn fund_figures(conn: &Connection, year: i32) -> Result<FundFigures, StatsError> {
    let totals = funds::year_totals(conn, year)?;
    let by_source = totals
        .by_source
        .iter()
        .map(|t| FundSourceRow {
            key: t.kind.as_str().to_string(),
            label: t.kind.label().to_string(),
            raised: t.raised,
            spent: t.spent,
        })
        .collect();
    let fund = funds::annual_fund(conn, year, SourceKind::Huimin)?;
    let huimin = if fund.allocated.is_none() && fund.projects.is_empty() {
        None
    } else {
        let mut projects = Vec::new();
        for p in &fund.projects {
            let owner = funds::Owner { kind: p.owner_kind, id: p.owner_id.clone() };
            let spent = funds::project(conn, &owner)?
                .map(|pr| Fen::sum(pr.budget.sources.iter().filter(|s| s.kind == SourceKind::Huimin).map(|s| s.spent)))
                .unwrap_or_default();
            let title = funds::project(conn, &owner)?.map(|pr| pr.title).unwrap_or_else(|| p.title.clone());
            projects.push(FundProjectRow { title, committed: p.committed, spent });
        }
        Some(AnnualFundFigures {
            label: fund.kind_label.to_string(),
            allocated: fund.allocated,
            committed: fund.committed,
            spent: fund.spent,
            unspent: fund.unspent,
            projects,
        })
    };
    Ok(FundFigures {
        by_source,
        raised: totals.raised,
        spent: totals.spent,
        goods_value: totals.goods_value,
        person_day_tenths: totals.person_day_tenths,
        huimin,
    })
}

#[cfg(test)]
mod tests;
