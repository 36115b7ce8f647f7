//! A yearly fund (惠民资金 of a year): what was allocated, what decisions committed, what was
//! spent, what is left.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::{FundsError, OwnerKind, SourceKind};
use crate::ids::{new_id, now_utc};
use crate::money::Fen;
use crate::store::parse_col;
use crate::validate::{optional_line, required_line};

/// One project the fund pays for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundProject {
    pub owner_kind: OwnerKind,
    pub owner_id: String,
    /// The decision's text or the task's title.
    pub title: String,
    pub committed: Fen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualFund {
    pub year: i32,
    pub kind: SourceKind,
    pub kind_label: &'static str,
    /// `None` until the year's allocation is entered in 设置.
    pub allocated: Option<Fen>,
    pub note: String,
    /// Σ of this kind's sources on the live budgets set in the year.
    pub committed: Fen,
    /// Σ of spends charged to this kind in the year.
    pub spent: Fen,
    /// `allocated - committed` (negative: committed more than allocated).
    pub uncommitted: Fen,
    /// `allocated - spent`.
    pub unspent: Fen,
    pub projects: Vec<FundProject>,
}

/// Enters (or corrects) the year's allocation of a fund.
pub fn set_allocation(
    tx: &Transaction,
    year: i32,
    kind: SourceKind,
    amount: &str,
    note: &str,
    actor: &str,
) -> Result<AnnualFund, FundsError> {
    if !(2000..=2100).contains(&year) {
        return Err(FundsError::BadYear { year });
    }
    let amount = Fen::parse("年度资金额度", amount)?;
    let note = optional_line("说明", note, 200)?;
    let actor = required_line("记录人", actor, 50)?;
    let now = now_utc();
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM fund_allocations WHERE year = ?1 AND kind = ?2 AND deleted_at IS NULL",
            params![year, kind.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => tx.execute(
            "UPDATE fund_allocations SET amount_fen = ?2, note = ?3, actor = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, amount.0, note, actor, now],
        )?,
        None => tx.execute(
            "INSERT INTO fund_allocations (id, year, kind, amount_fen, note, actor, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![new_id(), year, kind.as_str(), amount.0, note, actor, now],
        )?,
    };
    annual_fund(tx, year, kind)
}

/// The year's figures of one fund.
pub fn annual_fund(conn: &Connection, year: i32, kind: SourceKind) -> Result<AnnualFund, FundsError> {
    let allocation: Option<(i64, String)> = conn
        .query_row(
            "SELECT amount_fen, note FROM fund_allocations WHERE year = ?1 AND kind = ?2 AND deleted_at IS NULL",
            params![year, kind.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let projects = projects(conn, year, kind)?;
    let committed = Fen::sum(projects.iter().map(|p| p.committed));
    let spent: i64 = conn.query_row(
        "SELECT COALESCE(SUM(amount_fen), 0) FROM fund_spends WHERE deleted_at IS NULL AND source_kind = ?1 \
         AND substr(spent_on, 1, 4) = ?2",
        params![kind.as_str(), format!("{year:04}")],
        |r| r.get(0),
    )?;
    let spent = Fen(spent);
    let allocated = allocation.as_ref().map(|(a, _)| Fen(*a));
    let base = allocated.unwrap_or_default();
    Ok(AnnualFund {
        year,
        kind,
        kind_label: kind.label(),
        allocated,
        note: allocation.map(|(_, n)| n).unwrap_or_default(),
        committed,
        spent,
        uncommitted: base - committed,
        unspent: base - spent,
        projects,
    })
}

fn projects(conn: &Connection, year: i32, kind: SourceKind) -> Result<Vec<FundProject>, FundsError> {
    let mut stmt = conn.prepare(
        "SELECT b.owner_kind, b.owner_id, \
                COALESCE((SELECT d.text FROM decisions d WHERE b.owner_kind = 'decision' AND d.id = b.owner_id), \
                         (SELECT t.title FROM tasks t WHERE b.owner_kind = 'task' AND t.id = b.owner_id), ''), \
                SUM(s.amount_fen) \
         FROM fund_budgets b JOIN fund_sources s ON s.budget_id = b.id AND s.deleted_at IS NULL \
         WHERE b.deleted_at IS NULL AND b.year = ?1 AND s.kind = ?2 \
         GROUP BY b.id ORDER BY b.created_at, b.id",
    )?;
    let rows = stmt
        .query_map(params![year, kind.as_str()], |r| {
            Ok(FundProject {
                owner_kind: parse_col(r, 0, OwnerKind::parse)?,
                owner_id: r.get(1)?,
                title: r.get(2)?,
                committed: Fen(r.get(3)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
