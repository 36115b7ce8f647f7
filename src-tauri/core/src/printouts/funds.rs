//! 资金使用公示 from the records: the budget of a decision or a task (a task without its own
//! budget shows its decision's), or every project with a spend or a gift in a period.
//!
//! The id is a decision id, a task id, or a period: `2026` (the year), `2026-05` (a month) or
//! `2026-01-01..2026-06-30` (also with `~` or `至`). A donor who did not agree to be named
//! reaches the notice without the name (and the template withholds it too).

use chrono::{Months, NaiveDate};
use rusqlite::Connection;

use super::common::{exists, issuer, public_masking};
use super::{LoadError, LoadOptions};
use crate::funds::{self, InKind, Owner, Project, Source, SpendLine as FundsSpend};
use crate::money::Fen;
use crate::notices::{FundUseNotice, GoodsLine, LabourLine, SourceLine, SpendLine};

/// Days residents have to ask about the accounts.
const OBJECTION_DAYS: u32 = 7;

/// What a 资金使用公示 covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FundScope {
    Project(Owner),
    /// First and last day, both included.
    Period(NaiveDate, NaiveDate),
}

impl FundScope {
    /// Reads the id of a 资金使用公示: a period as written above, else a decision or task id.
    pub fn read(conn: &Connection, id: &str) -> Result<FundScope, LoadError> {
        let id = id.trim();
        if let Some(period) = period(id) {
            return period.map(|(from, to)| FundScope::Period(from, to));
        }
        if exists(conn, "decisions", id)? {
            return Ok(FundScope::Project(Owner::decision(id)));
        }
        if exists(conn, "tasks", id)? {
            let owner = match funds::budget_for_task(conn, id)? {
                Some(b) => Owner { kind: b.owner_kind, id: b.owner_id },
                None => Owner::task(id),
            };
            return Ok(FundScope::Project(owner));
        }
        Err(LoadError::NotFound { what: "决议、任务或时间段", id: id.to_string() })
    }
}

/// `2026`, `2026-05`, `2026-01-01..2026-06-30`: `None` if it does not look like a period at
/// all, an error if it does but cannot be read.
fn period(id: &str) -> Option<Result<(NaiveDate, NaiveDate), LoadError>> {
    let bad = || LoadError::BadPeriod { text: id.to_string() };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    for sep in ["..", "~", "至"] {
        if let Some((a, b)) = id.split_once(sep) {
            let day = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
            return Some(match (day(a), day(b)) {
                (Some(from), Some(to)) if from <= to => Ok((from, to)),
                _ => Err(bad()),
            });
        }
    }
    if !digits(id) || id.len() > 7 {
        return None;
    }
    let (year, month) = match id.split_once('-') {
        Some((y, m)) => (y.parse::<i32>().ok(), m.parse::<u32>().ok()),
        None => (id.parse::<i32>().ok(), None),
    };
    let Some(year) = year.filter(|y| (2000..=2100).contains(y)) else { return Some(Err(bad())) };
    let first = match month {
        None if id.contains('-') => return Some(Err(bad())),
        None => NaiveDate::from_ymd_opt(year, 1, 1),
        Some(m) => NaiveDate::from_ymd_opt(year, m, 1),
    };
    let Some(first) = first else { return Some(Err(bad())) };
    let months = if month.is_some() { 1 } else { 12 };
    let last = first.checked_add_months(Months::new(months)).and_then(|d| d.pred_opt());
    Some(last.map(|last| (first, last)).ok_or_else(bad))
}

/// 资金使用公示 of the record or period `id` (see the module doc).
pub fn fund_use(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<FundUseNotice, LoadError> {
    match FundScope::read(conn, id)? {
        FundScope::Project(owner) => project_notice(conn, &owner, opts),
        FundScope::Period(from, to) => period_notice(conn, from, to, opts),
    }
}

fn project_notice(conn: &Connection, owner: &Owner, opts: &LoadOptions) -> Result<FundUseNotice, LoadError> {
    let project = funds::project(conn, owner)?.ok_or(LoadError::NoBudget)?;
    let lines = funds::spend_lines(conn, &project.budget)?;
    let (goods, labour) = funds::contributions(conn, &project)?;
    let mut notice = blank(conn, opts)?;
    notice.project = project.title.clone();
    notice.decision = project.decision.clone();
    notice.meeting = project.meeting.clone();
    notice.decided_on = project.decided_on;
    notice.budget = project.budget.total;
    notice.balance = project.budget.balance;
    notice.sources = sources(&project, &project.budget.sources, false);
    notice.spends = lines.iter().map(|l| spend(&project, l, false)).collect();
    notice.goods = goods.iter().map(|g| goods_line(&project, g, false)).collect();
    notice.labour = labour.iter().map(|l| labour_line(&project, l, false)).collect();
    Ok(notice)
}

fn period_notice(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    opts: &LoadOptions,
) -> Result<FundUseNotice, LoadError> {
    let in_period = |d: NaiveDate| from <= d && d <= to;
    let mut notice = blank(conn, opts)?;
    notice.period = Some((from, to));
    for project in funds::projects(conn)? {
        let lines = funds::spend_lines(conn, &project.budget)?;
        let (goods, labour) = funds::contributions(conn, &project)?;
        let given = |g: &&InKind| g.given_on.is_some_and(in_period);
        let spent_in: Vec<&FundsSpend> = lines.iter().filter(|l| in_period(l.spend.spent_on)).collect();
        let goods: Vec<&InKind> = goods.iter().filter(given).collect();
        let labour: Vec<&InKind> = labour.iter().filter(given).collect();
        if spent_in.is_empty() && goods.is_empty() && labour.is_empty() {
            continue;
        }
        let until = funds::sources_on(&project.budget, &lines, to);
        notice.budget = Fen::sum([notice.budget, project.budget.total]);
        let spent_until = Fen::sum(until.iter().map(|s| s.spent));
        notice.balance = Fen::sum([notice.balance, project.budget.total - spent_until]);
        notice.sources.extend(sources(&project, &until, true));
        notice.spends.extend(spent_in.iter().map(|l| spend(&project, l, true)));
        notice.goods.extend(goods.iter().map(|g| goods_line(&project, g, true)));
        notice.labour.extend(labour.iter().map(|l| labour_line(&project, l, true)));
    }
    if notice.sources.is_empty() {
        return Err(LoadError::NothingInPeriod { from, to });
    }
    notice.spends.sort_by_key(|s| s.day);
    Ok(notice)
}

/// The notice before its money: issuer, date, masking, supervisors.
fn blank(conn: &Connection, opts: &LoadOptions) -> Result<FundUseNotice, LoadError> {
    Ok(FundUseNotice {
        paper: opts.paper,
        project: String::new(),
        decision: String::new(),
        meeting: String::new(),
        decided_on: None,
        period: None,
        budget: Fen::ZERO,
        balance: Fen::ZERO,
        sources: Vec::new(),
        spends: Vec::new(),
        goods: Vec::new(),
        labour: Vec::new(),
        // Typed at print time into “经…审核。”: a full stop of hers would be doubled.
        supervisors: opts
            .supervisors
            .trim()
            .trim_end_matches(['。', '，', '；', '、', '.', ',', ';'])
            .trim()
            .to_string(),
        objection_days: OBJECTION_DAYS,
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
    })
}

fn project_name(project: &Project, by_project: bool) -> String {
    if by_project {
        project.title.clone()
    } else {
        String::new()
    }
}

/// The sources as printed; a name without consent does not leave the store.
pub(super) fn sources(project: &Project, sources: &[Source], by_project: bool) -> Vec<SourceLine> {
    sources
        .iter()
        .map(|s| SourceLine {
            project: project_name(project, by_project),
            kind: s.kind_label.to_string(),
            name: if s.name_public { s.name.clone() } else { String::new() },
            name_public: s.name_public,
            amount: s.amount,
            per_household: s.per_household,
            households: s.households,
            spent: s.spent,
            balance: s.balance,
        })
        .collect()
}

fn spend(project: &Project, l: &FundsSpend, by_project: bool) -> SpendLine {
    SpendLine {
        day: l.spend.spent_on,
        project: project_name(project, by_project),
        what: l.spend.what.clone(),
        payee: l.spend.payee.clone(),
        source: l.spend.source_label.to_string(),
        amount: l.spend.amount,
        source_balance: l.source_balance,
        over_budget_reason: l.spend.over_budget_reason.clone(),
    }
}

fn giver(g: &InKind) -> String {
    if g.given_by_public {
        g.given_by.clone()
    } else {
        String::new()
    }
}

fn goods_line(project: &Project, g: &InKind, by_project: bool) -> GoodsLine {
    GoodsLine {
        project: project_name(project, by_project),
        what: g.what.clone(),
        quantity: g.quantity.clone(),
        value: g.value,
        given_by: giver(g),
        given_by_public: g.given_by_public,
    }
}

fn labour_line(project: &Project, l: &InKind, by_project: bool) -> LabourLine {
    LabourLine {
        project: project_name(project, by_project),
        what: l.what.clone(),
        given_by: giver(l),
        given_by_public: l.given_by_public,
        person_day_tenths: l.person_day_tenths.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::period;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_period_is_a_year_a_month_or_two_days() {
        assert_eq!(period("2026").unwrap().unwrap(), (d(2026, 1, 1), d(2026, 12, 31)));
        assert_eq!(period("2026-02").unwrap().unwrap(), (d(2026, 2, 1), d(2026, 2, 28)));
        assert_eq!(period("2026-12").unwrap().unwrap(), (d(2026, 12, 1), d(2026, 12, 31)));
        assert_eq!(period("2026-01-01..2026-06-30").unwrap().unwrap(), (d(2026, 1, 1), d(2026, 6, 30)));
        assert_eq!(period("2026-05-01 至 2026-05-31").unwrap().unwrap(), (d(2026, 5, 1), d(2026, 5, 31)));
        assert!(period("2026-06-30..2026-01-01").unwrap().is_err(), "backwards");
        assert!(period("2026-13").unwrap().is_err());
        assert!(period("1999").unwrap().is_err());
        assert!(period("0190b1c2-uuid").is_none(), "an id is not a period");
        assert!(period("019ad3f0-7c1e-7a2b-9d4e-1f2a3b4c5d6e").is_none());
    }
}
