//! 账目: what the 资金使用公示, the 台账 and the year figures read — every live budget with its
//! project's name, a budget's spends in order with the running balance of their source, and a
//! year's totals by source. Reads only; every amount stays whole fen.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::budget::{budget, draw, Budget, Source};
use super::spends::{charged_to, prefixed_columns, read, Spend};
use super::{in_kind, FundsError, InKind, InKindKind, Owner, OwnerKind, SourceKind};
use crate::money::Fen;

/// A budget with what it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Project {
    /// A task's title; a decision's: its one task's title, else the agenda item it was made on.
    pub title: String,
    /// The decision's text (for a task: its decision's), empty if none.
    pub decision: String,
    /// The meeting that decided it and its day; empty / None for a task without a decision.
    pub meeting: String,
    pub decided_on: Option<NaiveDate>,
    pub budget: Budget,
}

/// A spend with the task it was for and what its source had left after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpendLine {
    pub spend: Spend,
    /// The task's title.
    pub task: String,
    /// The amount of the spend's source kind in the budget, minus every spend charged to that
    /// kind up to and including this one (negative when over).
    pub source_balance: Fen,
}

/// The owner's budget as a project; `None` when it has no budget.
pub fn project(conn: &Connection, owner: &Owner) -> Result<Option<Project>, FundsError> {
    let Some(budget) = budget(conn, owner)? else { return Ok(None) };
    let decision_id = match owner.kind {
        OwnerKind::Decision => Some(owner.id.clone()),
        OwnerKind::Task => conn
            .query_row("SELECT decision_id FROM tasks WHERE id = ?1", [&owner.id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten(),
    };
    let decided: Option<(String, String, String, String)> = match &decision_id {
        None => None,
        Some(id) => conn
            .query_row(
                "SELECT d.text, a.title, m.title, m.starts_at FROM decisions d \
                 JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id \
                 WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?,
    };
    let zone = crate::community::zone(conn)?;
    let (decision, item, meeting, decided_on) = match decided {
        Some((text, item, meeting, at)) => (text, item, meeting, zone.datetime_of(&at).map(|t| t.date())),
        None => (String::new(), String::new(), String::new(), None),
    };
    let title = match owner.kind {
        // A decision carried out by one task is known by that task (“便民桥抬高加固”), else by
        // the agenda item it was made on.
        OwnerKind::Decision => {
            let mut stmt = conn.prepare(
                "SELECT title FROM tasks WHERE decision_id = ?1 AND deleted_at IS NULL ORDER BY created_at LIMIT 2",
            )?;
            let tasks = stmt.query_map([&owner.id], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
            match tasks.as_slice() {
                [only] => only.clone(),
                _ => item,
            }
        }
        OwnerKind::Task => {
            conn.query_row("SELECT title FROM tasks WHERE id = ?1", [&owner.id], |r| r.get::<_, String>(0))?
        }
    };
    Ok(Some(Project { title, decision, meeting, decided_on, budget }))
}

/// Every live budget as a project, in the order they were set.
pub fn projects(conn: &Connection) -> Result<Vec<Project>, FundsError> {
    let mut stmt =
        conn.prepare("SELECT owner_kind, owner_id FROM fund_budgets WHERE deleted_at IS NULL ORDER BY created_at, id")?;
    let owners = stmt
        .query_map([], |r| Ok(Owner { kind: crate::store::parse_col(r, 0, OwnerKind::parse)?, id: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
    for owner in owners {
        out.extend(project(conn, &owner)?);
    }
    Ok(out)
}

/// The spends charged to `budget`, by day, each with its source's balance after it.
pub fn spend_lines(conn: &Connection, budget: &Budget) -> Result<Vec<SpendLine>, FundsError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT t.title, {} FROM fund_spends s JOIN tasks t ON t.id = s.task_id \
         WHERE s.deleted_at IS NULL AND {} ORDER BY s.spent_on, s.created_at, s.id",
        prefixed_columns(),
        charged_to(budget.owner_kind)
    ))?;
    let rows = stmt
        .query_map([&budget.owner_id], |r| Ok((r.get::<_, String>(0)?, read(r, 1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    let mut left: Vec<(SourceKind, Fen)> = Vec::new();
    for s in &budget.sources {
        match left.iter_mut().find(|(k, _)| *k == s.kind) {
            Some((_, amount)) => *amount = Fen::sum([*amount, s.amount]),
            None => left.push((s.kind, s.amount)),
        }
    }
    let mut lines = Vec::with_capacity(rows.len());
    for (task, spend) in rows {
        let balance = match left.iter_mut().find(|(k, _)| *k == spend.source) {
            Some((_, amount)) => {
                *amount = *amount - spend.amount;
                *amount
            }
            None => Fen::ZERO - spend.amount,
        };
        lines.push(SpendLine { spend, task, source_balance: balance });
    }
    Ok(lines)
}

/// What was given to the project that is not money: goods first, then labour, each in the order
/// recorded.
pub fn contributions(conn: &Connection, project: &Project) -> Result<(Vec<InKind>, Vec<InKind>), FundsError> {
    let owner = Owner { kind: project.budget.owner_kind, id: project.budget.owner_id.clone() };
    let (goods, labour) = in_kind(conn, &owner)?.into_iter().partition(|g| g.kind == InKindKind::Goods);
    Ok((goods, labour))
}

/// A year's money by source: raised (the sources of the live budgets set in the year) and spent
/// (the spends dated in the year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceTotal {
    pub kind: SourceKind,
    pub raised: Fen,
    pub spent: Fen,
}

/// The year's totals: by source in the order of [`SourceKind::ALL`] (only those with money),
/// the goods' estimated value and the labour days (tenths) given on a day of the year (or,
/// without a day, to a budget of the year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearTotals {
    pub by_source: Vec<SourceTotal>,
    pub raised: Fen,
    pub spent: Fen,
    pub goods_value: Fen,
    pub person_day_tenths: i64,
}

pub fn year_totals(conn: &Connection, year: i32) -> Result<YearTotals, FundsError> {
    let by_kind = |sql: &str, key: &dyn rusqlite::ToSql| -> Result<Vec<(SourceKind, Fen)>, FundsError> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt
            .query_map([key], |r| Ok((crate::store::parse_col(r, 0, SourceKind::parse)?, Fen(r.get(1)?))))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    };
    let raised = by_kind(
        "SELECT s.kind, SUM(s.amount_fen) FROM fund_sources s JOIN fund_budgets b ON b.id = s.budget_id \
         WHERE s.deleted_at IS NULL AND b.deleted_at IS NULL AND b.year = ?1 GROUP BY s.kind",
        &year,
    )?;
    let spent = by_kind(
        "SELECT source_kind, SUM(amount_fen) FROM fund_spends WHERE deleted_at IS NULL \
         AND substr(spent_on, 1, 4) = ?1 GROUP BY source_kind",
        &format!("{year:04}"),
    )?;
    let of = |rows: &[(SourceKind, Fen)], kind: SourceKind| {
        rows.iter().find(|(k, _)| *k == kind).map(|(_, f)| *f).unwrap_or_default()
    };
    let by_source: Vec<SourceTotal> = SourceKind::ALL
        .iter()
        .map(|&kind| SourceTotal { kind, raised: of(&raised, kind), spent: of(&spent, kind) })
        .filter(|t| t.raised.0 > 0 || t.spent.0 > 0)
        .collect();
    let (goods_value, tenths): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(g.value_fen), 0), COALESCE(SUM(g.person_day_tenths), 0) FROM fund_in_kind g \
         WHERE g.deleted_at IS NULL AND (substr(g.given_on, 1, 4) = ?1 OR (g.given_on IS NULL AND EXISTS \
         (SELECT 1 FROM fund_budgets b WHERE b.owner_kind = g.owner_kind AND b.owner_id = g.owner_id \
          AND b.deleted_at IS NULL AND b.year = ?2)))",
        params![format!("{year:04}"), year],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(YearTotals {
        raised: Fen::sum(by_source.iter().map(|t| t.raised)),
        spent: Fen::sum(by_source.iter().map(|t| t.spent)),
        by_source,
        goods_value: Fen(goods_value),
        person_day_tenths: tenths,
    })
}

/// The budget's sources with what was spent from each up to `day` (included), drawn as
/// [`Budget::sources`] are: several sources of one kind in their order.
pub fn sources_on(budget: &Budget, lines: &[SpendLine], day: NaiveDate) -> Vec<Source> {
    let mut sources = budget.sources.clone();
    let mut kinds: Vec<SourceKind> = sources.iter().map(|s| s.kind).collect();
    kinds.dedup();
    for s in &mut sources {
        s.spent = Fen::ZERO;
    }
    for kind in kinds {
        let spent = Fen::sum(
            lines.iter().filter(|l| l.spend.source == kind && l.spend.spent_on <= day).map(|l| l.spend.amount),
        );
        draw(&mut sources, kind, spent);
    }
    for s in &mut sources {
        s.balance = s.amount - s.spent;
    }
    sources
}
