//! Money spent on a task, against its budget.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::budget::{budget_for_task, Budget};
use super::{past_day, FundsError, OwnerKind, SourceKind};
use crate::attachments;
use crate::ids::{new_id, now_utc};
use crate::money::Fen;
use crate::search::{self, DocKind, SearchDoc};
use crate::store::{day_col, parse_col};
use crate::validate::{optional_line, required_line};

/// What the spending form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewSpend {
    /// The day, as typed (2026-12-01, 12月1日).
    pub spent_on: String,
    pub what: String,
    pub amount: String,
    pub payee: String,
    /// Which of the budget's sources pays it.
    pub source: SourceKind,
    /// Required when the spend takes the budget or its source past the amount.
    #[serde(default)]
    pub over_budget_reason: String,
    /// The key of receipt photos taken on the form before the spend existed: claimed by the
    /// spend in the same transaction.
    #[serde(default)]
    pub draft_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spend {
    pub id: String,
    pub task_id: String,
    pub spent_on: NaiveDate,
    pub what: String,
    pub amount: Fen,
    pub payee: String,
    pub source: SourceKind,
    pub source_label: &'static str,
    pub over_budget_reason: String,
    pub actor: String,
}

/// What recording a spend did: the spend, and the budget with its new balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpendReport {
    pub spend: Spend,
    pub budget: Budget,
}

/// Records a spend on a task, charged to one source of the task's budget (its own, else its
/// decision's). Past the budget or the source's balance only with a reason; the task is then
/// flagged 超预算 on the board.
pub fn record_spend(
    tx: &Transaction,
    task_id: &str,
    new: &NewSpend,
    actor: &str,
    today: NaiveDate,
) -> Result<SpendReport, FundsError> {
    let budget = budget_for_task(tx, task_id)?.ok_or(FundsError::NoBudget)?;
    let spent_on = past_day("支出日期", &new.spent_on, today)?;
    let what = required_line("支出事项", &new.what, 100)?;
    let amount = Fen::parse("支出金额", &new.amount)?;
    let payee = required_line("收款方", &new.payee, 50)?;
    let reason = optional_line("超支原因", &new.over_budget_reason, 200)?;
    let actor = required_line("记录人", actor, 50)?;
    let of_kind: Vec<_> = budget.sources.iter().filter(|s| s.kind == new.source).collect();
    if of_kind.is_empty() {
        let available = budget.sources.iter().map(|s| s.kind_label).collect::<Vec<_>>().join("、");
        return Err(FundsError::SourceNotInBudget { source_kind: new.source.label(), available });
    }
    let source_left = Fen::sum(of_kind.iter().map(|s| s.balance));
    let (what_left, left) = if source_left < budget.balance {
        (format!("“{}”", new.source.label()), source_left)
    } else {
        ("预算".to_string(), budget.balance)
    };
    let over = amount > left;
    if over && reason.is_empty() {
        return Err(FundsError::OverBudgetNeedsReason { amount, what: what_left, left });
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO fund_spends (id, task_id, spent_on, what, amount_fen, payee, source_kind, over_budget_reason, \
         actor, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            task_id,
            spent_on.to_string(),
            what,
            amount.0,
            payee,
            new.source.as_str(),
            if over { reason } else { String::new() },
            actor,
            now_utc()
        ],
    )?;
    let spend = tx.query_row(&format!("SELECT {COLUMNS} FROM fund_spends WHERE id = ?1"), [&id], from_row)?;
    if let Some(key) = new.draft_key.as_deref().filter(|k| !k.trim().is_empty()) {
        attachments::claim_drafts(tx, key, attachments::OwnerKind::FundSpend, &id)?;
    }
    let title: String = tx.query_row("SELECT title FROM tasks WHERE id = ?1", [task_id], |r| r.get(0))?;
    search::upsert(tx, &search_doc(&title, &spend))?;
    let budget = budget_for_task(tx, task_id)?.ok_or(FundsError::NoBudget)?;
    Ok(SpendReport { spend, budget })
}

/// Every spend as the search index holds it, for rebuilding the index.
pub fn search_docs(conn: &Connection) -> Result<Vec<SearchDoc>, FundsError> {
    let columns = prefixed_columns();
    let mut stmt = conn.prepare(&format!(
        "SELECT t.title, {columns} FROM fund_spends s JOIN tasks t ON t.id = s.task_id WHERE s.deleted_at IS NULL"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, read(r, 1)?)))?;
    let mut docs = Vec::new();
    for row in rows {
        let (title, spend) = row?;
        docs.push(search_doc(&title, &spend));
    }
    Ok(docs)
}

/// Found by what was bought and who was paid, under the task's title.
fn search_doc(task_title: &str, spend: &Spend) -> SearchDoc {
    SearchDoc {
        kind: DocKind::FundSpend,
        record_id: spend.id.clone(),
        title: task_title.to_string(),
        body: format!("{}，付给{}，{}（{}）", spend.what, spend.payee, spend.amount.words(), spend.source_label),
        date: spend.spent_on,
    }
}

/// A task's spends, oldest first.
pub fn spends(conn: &Connection, task_id: &str) -> Result<Vec<Spend>, FundsError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM fund_spends WHERE task_id = ?1 AND deleted_at IS NULL ORDER BY spent_on, created_at"
    ))?;
    let rows = stmt.query_map([task_id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The tasks with a spend past their budget (the board's 超预算 flag).
pub fn over_budget_tasks(conn: &Connection) -> Result<Vec<String>, FundsError> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT task_id FROM fund_spends WHERE deleted_at IS NULL AND over_budget_reason <> '' ORDER BY task_id",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What was spent against `budget`, by source kind: a task's own spends for a task's budget; for
/// a decision's, the spends of its tasks that have no budget of their own.
pub(super) fn spent_by_kind(conn: &Connection, budget: &Budget) -> Result<Vec<(SourceKind, Fen)>, FundsError> {
    let scope = charged_to(budget.owner_kind);
    let mut stmt = conn.prepare(&format!(
        "SELECT s.source_kind, SUM(s.amount_fen) FROM fund_spends s WHERE s.deleted_at IS NULL AND {scope} \
         GROUP BY s.source_kind ORDER BY s.source_kind"
    ))?;
    let rows = stmt
        .query_map([&budget.owner_id], |r| Ok((parse_col(r, 0, SourceKind::parse)?, Fen(r.get(1)?))))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The SQL condition on `s.task_id` that selects the spends charged to the budget of the owner
/// `?1`: a task's own spends for a task's budget; for a decision's, the spends of its tasks that
/// have no budget of their own.
pub(super) fn charged_to(owner: OwnerKind) -> &'static str {
    match owner {
        OwnerKind::Task => "s.task_id = ?1",
        OwnerKind::Decision => {
            "s.task_id IN (SELECT t.id FROM tasks t WHERE t.decision_id = ?1 AND t.deleted_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM fund_budgets b WHERE b.owner_kind = 'task' AND b.owner_id = t.id \
             AND b.deleted_at IS NULL))"
        }
    }
}

/// A spend read from `COLUMNS` prefixed with `s.`, as [`charged_to`] names the table.
pub(super) fn prefixed_columns() -> String {
    COLUMNS.split(", ").map(|c| format!("s.{c}")).collect::<Vec<_>>().join(", ")
}

const COLUMNS: &str = "id, task_id, spent_on, what, amount_fen, payee, source_kind, over_budget_reason, actor";

fn from_row(r: &Row) -> rusqlite::Result<Spend> {
    read(r, 0)
}

/// A spend from the columns [`COLUMNS`] starting at `base`.
pub(super) fn read(r: &Row, base: usize) -> rusqlite::Result<Spend> {
    let source = parse_col(r, base + 6, SourceKind::parse)?;
    Ok(Spend {
        id: r.get(base)?,
        task_id: r.get(base + 1)?,
        spent_on: day_col(r, base + 2)?,
        what: r.get(base + 3)?,
        amount: Fen(r.get(base + 4)?),
        payee: r.get(base + 5)?,
        source,
        source_label: source.label(),
        over_budget_reason: r.get(base + 7)?,
        actor: r.get(base + 8)?,
    })
}
