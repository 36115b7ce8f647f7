//! A decision's or a task's budget and who pays it.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{FundsError, Owner, OwnerKind, SourceKind};
use crate::ids::{new_id, now_utc};
use crate::money::Fen;
use crate::store::parse_col;
use crate::validate::{optional_line, required_line};

/// One source as the budget form sends it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewSource {
    pub kind: SourceKind,
    /// The charity, the developer, the donor; required for 慈善协会 and 乡贤 / 个人捐资.
    #[serde(default)]
    pub name: String,
    /// A donor's name is printed on notices only when this is set (consent asked).
    #[serde(default = "yes")]
    pub name_public: bool,
    /// As typed; may be empty for 居民筹资 given per household.
    #[serde(default)]
    pub amount: String,
    /// 居民筹资: per household, as typed.
    #[serde(default)]
    pub per_household: String,
    #[serde(default)]
    pub households: Option<u32>,
}

fn yes() -> bool {
    true
}

/// What the budget form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewBudget {
    /// The total, as typed (1800、1,800.00、1.8万).
    pub total: String,
    pub sources: Vec<NewSource>,
    #[serde(default)]
    pub note: String,
    /// Required when a budget replaces an earlier one.
    #[serde(default)]
    pub change_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub kind_label: &'static str,
    pub name: String,
    pub name_public: bool,
    pub amount: Fen,
    pub per_household: Option<Fen>,
    pub households: Option<u32>,
    /// Spent from it so far (spends are charged to a kind; several sources of one kind are
    /// drawn in their order).
    pub spent: Fen,
    /// `amount - spent`; negative when over.
    pub balance: Fen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Budget {
    pub id: String,
    pub owner_kind: OwnerKind,
    pub owner_id: String,
    pub year: i32,
    pub total: Fen,
    pub note: String,
    pub change_reason: String,
    pub actor: String,
    pub created_at: String,
    /// Set on a budget that a later one replaced.
    pub replaced_at: Option<String>,
    pub sources: Vec<Source>,
    /// `total - Σ sources`: what no source covers yet (资金缺口), never negative.
    pub uncovered: Fen,
    pub spent: Fen,
    /// `total - spent`; negative when over.
    pub balance: Fen,
    /// A spend took the budget or one of its sources past its amount (with a reason).
    pub over_budget: bool,
}

/// Sets the budget of a decision (to be acted on) or a task. Replacing a budget needs a reason;
/// the old one stays readable in [`history`].
pub fn set_budget(
    tx: &Transaction,
    owner: &Owner,
    new: &NewBudget,
    actor: &str,
    today: NaiveDate,
) -> Result<Budget, FundsError> {
    check_owner(tx, owner)?;
    let total = Fen::parse("预算金额", &new.total)?;
    let sources = read_sources(&new.sources)?;
    let covered = Fen::sum(sources.iter().map(|s| s.amount));
    if covered > total {
        return Err(FundsError::SourcesExceedBudget { sources: covered, total });
    }
    let note = optional_line("预算说明", &new.note, 200)?;
    let actor = required_line("记录人", actor, 50)?;
    let reason = optional_line("改动原因", &new.change_reason, 200)?;
    let now = now_utc();
    if let Some(old) = live_row(tx, owner)? {
        if reason.is_empty() {
            return Err(FundsError::ChangeNeedsReason { old: old.total });
        }
        tx.execute("UPDATE fund_budgets SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1", params![old.id, now])?;
        tx.execute(
            "UPDATE fund_sources SET deleted_at = ?2, updated_at = ?2 WHERE budget_id = ?1 AND deleted_at IS NULL",
            params![old.id, now],
        )?;
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO fund_budgets (id, owner_kind, owner_id, year, total_fen, note, change_reason, actor, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, owner.kind.as_str(), owner.id, today.year(), total.0, note, reason, actor, now],
    )?;
    for (position, s) in sources.iter().enumerate() {
        tx.execute(
            "INSERT INTO fund_sources (id, budget_id, position, kind, name, name_public, amount_fen, \
             per_household_fen, households, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![
                new_id(),
                id,
                position as i64,
                s.kind.as_str(),
                s.name,
                s.name_public,
                s.amount.0,
                s.per_household.map(|f| f.0),
                s.households,
                now
            ],
        )?;
    }
    budget(tx, owner)?.ok_or(FundsError::NotFound { what: "预算" })
}

struct ReadSource {
    kind: SourceKind,
    name: String,
    name_public: bool,
    amount: Fen,
    per_household: Option<Fen>,
    households: Option<u32>,
}

fn read_sources(typed: &[NewSource]) -> Result<Vec<ReadSource>, FundsError> {
    if typed.is_empty() {
        return Err(FundsError::NoSources);
    }
    typed.iter().enumerate().map(|(i, s)| read_source(i + 1, s)).collect()
}

fn read_source(position: usize, s: &NewSource) -> Result<ReadSource, FundsError> {
    let name = optional_line("出资单位或出资人", &s.name, 50)?;
    if name.is_empty() && matches!(s.kind, SourceKind::Charity | SourceKind::Donation) {
        return Err(FundsError::SourceNeedsName { position, kind: s.kind.label() });
    }
    let per_household = Fen::parse_optional("每户筹资", &s.per_household)?;
    let households = s.households.filter(|&n| n > 0);
    let computed = match (per_household, households) {
        (Some(per), Some(n)) => Some(Fen(per.0.saturating_mul(i64::from(n)))),
        _ => None,
    };
    let typed = Fen::parse_optional("来源金额", &s.amount)?;
    let amount = match (typed, computed) {
        (Some(t), Some(c)) if t != c => {
            return Err(FundsError::HouseholdSumMismatch {
                position,
                per: per_household.unwrap_or_default(),
                households: households.unwrap_or_default(),
                computed: c,
                typed: t,
            })
        }
        (Some(t), _) => t,
        (None, Some(c)) => c,
        (None, None) => Fen::parse("来源金额", &s.amount)?,
    };
    Ok(ReadSource { kind: s.kind, name, name_public: s.name_public, amount, per_household, households })
}

pub(super) fn check_owner(conn: &Connection, owner: &Owner) -> Result<(), FundsError> {
    match owner.kind {
        OwnerKind::Decision => {
            let act: Option<bool> = conn
                .query_row("SELECT act FROM decisions WHERE id = ?1 AND deleted_at IS NULL", [&owner.id], |r| r.get(0))
                .optional()?;
            match act {
                None => Err(FundsError::NotFound { what: "决议" }),
                Some(false) => Err(FundsError::DecisionNotActed),
                Some(true) => Ok(()),
            }
        }
        OwnerKind::Task => {
            let found: Option<i64> = conn
                .query_row("SELECT 1 FROM tasks WHERE id = ?1 AND deleted_at IS NULL", [&owner.id], |r| r.get(0))
                .optional()?;
            found.map(|_| ()).ok_or(FundsError::NotFound { what: "任务" })
        }
    }
}

/// The owner's live budget with its sources, spends and balances; `None` if it has none.
pub fn budget(conn: &Connection, owner: &Owner) -> Result<Option<Budget>, FundsError> {
    match live_row(conn, owner)? {
        Some(row) => Ok(Some(complete(conn, row)?)),
        None => Ok(None),
    }
}

/// Every budget the owner has had, the live one last.
pub fn history(conn: &Connection, owner: &Owner) -> Result<Vec<Budget>, FundsError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM fund_budgets WHERE owner_kind = ?1 AND owner_id = ?2 \
         ORDER BY deleted_at IS NULL, created_at, id"
    ))?;
    let rows = stmt.query_map(params![owner.kind.as_str(), owner.id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|row| complete(conn, row)).collect()
}

/// The budget a task's spends are charged to: its own, else its decision's.
pub fn budget_for_task(conn: &Connection, task_id: &str) -> Result<Option<Budget>, FundsError> {
    if let Some(own) = budget(conn, &Owner::task(task_id))? {
        return Ok(Some(own));
    }
    match task_decision(conn, task_id)? {
        None => Ok(None),
        Some(decision_id) => budget(conn, &Owner::decision(&decision_id)),
    }
}

/// The decision a live task was given by (`None` for a task without one); a task that is gone is
/// [`FundsError::NotFound`].
pub(super) fn task_decision(conn: &Connection, task_id: &str) -> Result<Option<String>, FundsError> {
    let decision: Option<Option<String>> = conn
        .query_row("SELECT decision_id FROM tasks WHERE id = ?1 AND deleted_at IS NULL", [task_id], |r| r.get(0))
        .optional()?;
    decision.ok_or(FundsError::NotFound { what: "任务" })
}

const COLUMNS: &str = "id, owner_kind, owner_id, year, total_fen, note, change_reason, actor, created_at, deleted_at";

fn live_row(conn: &Connection, owner: &Owner) -> Result<Option<Budget>, FundsError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM fund_budgets WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted_at IS NULL"
            ),
            params![owner.kind.as_str(), owner.id],
            from_row,
        )
        .optional()?)
}

fn from_row(r: &Row) -> rusqlite::Result<Budget> {
    Ok(Budget {
        id: r.get(0)?,
        owner_kind: parse_col(r, 1, OwnerKind::parse)?,
        owner_id: r.get(2)?,
        year: r.get(3)?,
        total: Fen(r.get(4)?),
        note: r.get(5)?,
        change_reason: r.get(6)?,
        actor: r.get(7)?,
        created_at: r.get(8)?,
        replaced_at: r.get(9)?,
        sources: Vec::new(),
        uncovered: Fen::ZERO,
        spent: Fen::ZERO,
        balance: Fen::ZERO,
        over_budget: false,
    })
}

/// Fills in the sources and what was spent against them.
fn complete(conn: &Connection, mut b: Budget) -> Result<Budget, FundsError> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, name, name_public, amount_fen, per_household_fen, households FROM fund_sources \
         WHERE budget_id = ?1 ORDER BY position, id",
    )?;
    let mut sources = stmt
        .query_map([&b.id], |r| {
            let kind = parse_col(r, 1, SourceKind::parse)?;
            Ok(Source {
                id: r.get(0)?,
                kind,
                kind_label: kind.label(),
                name: r.get(2)?,
                name_public: r.get(3)?,
                amount: Fen(r.get(4)?),
                per_household: r.get::<_, Option<i64>>(5)?.map(Fen),
                households: r.get(6)?,
                spent: Fen::ZERO,
                balance: Fen::ZERO,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let spent_by_kind = super::spends::spent_by_kind(conn, &b)?;
    for (kind, spent) in &spent_by_kind {
        draw(&mut sources, *kind, *spent);
    }
    for s in &mut sources {
        s.balance = s.amount - s.spent;
    }
    b.spent = Fen::sum(spent_by_kind.iter().map(|(_, f)| *f));
    b.balance = b.total - b.spent;
    b.uncovered = Fen((b.total - Fen::sum(sources.iter().map(|s| s.amount))).0.max(0));
    b.over_budget = b.balance.0 < 0 || sources.iter().any(|s| s.balance.0 < 0);
    b.sources = sources;
    Ok(b)
}

/// Spreads what was spent from a kind over its sources in order; what is left over lands on the
/// last one (and shows as over).
pub(super) fn draw(sources: &mut [Source], kind: SourceKind, mut spent: Fen) {
    let of_kind: Vec<usize> = (0..sources.len()).filter(|&i| sources[i].kind == kind).collect();
    let Some(&last) = of_kind.last() else { return };
    for &i in &of_kind {
        let take = if i == last { spent } else { Fen(spent.0.min(sources[i].amount.0)) };
        sources[i].spent = take;
        spent = spent - take;
    }
}
