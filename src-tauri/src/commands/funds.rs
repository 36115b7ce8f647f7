//! 资金怎么用: budgets of decisions and tasks, spends with receipts, goods and labour, the year's
//! 惠民资金. Amounts travel as typed text one way and as whole fen the other; the core reads and
//! checks every one.

use chrono::Datelike;
use serde::Serialize;
use tauri::State;
use yishi_core::funds::{
    self, AnnualFund, Budget, InKind, InKindKind, NewBudget, NewInKind, NewSpend, Owner, SourceKind, SpendReport,
    TaskFunds,
};

use super::topics::{choices, Choice};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct FundsVocab {
    /// Who pays: 集体资金, 惠民资金, 专项维修基金 …
    sources: Vec<Choice>,
    /// 物资 / 投工投劳.
    in_kind: Vec<Choice>,
    /// The sources whose name is a private person's, printed only with consent.
    personal_sources: Vec<&'static str>,
    /// This year in the community's calendar, for the allocation form.
    year: i32,
}

#[tauri::command(rename_all = "snake_case")]
pub fn funds_vocab(state: State<'_, AppState>) -> FundsVocab {
    FundsVocab {
        sources: choices(SourceKind::ALL, SourceKind::as_str, SourceKind::label),
        in_kind: choices(InKindKind::ALL, InKindKind::as_str, InKindKind::label),
        personal_sources: SourceKind::ALL.iter().filter(|k| k.names_a_person()).map(|k| k.as_str()).collect(),
        year: state.today().year(),
    }
}

/// The live budget of a decision or a task, with its earlier versions (oldest first).
#[derive(Serialize)]
pub struct BudgetPage {
    budget: Option<Budget>,
    history: Vec<Budget>,
}

#[tauri::command(rename_all = "snake_case")]
pub fn fund_budget(state: State<'_, AppState>, owner: Owner) -> CommandResult<BudgetPage> {
    state.with_store(|store| {
        let conn = store.conn();
        let history = funds::history(conn, &owner)?.into_iter().filter(|b| b.replaced_at.is_some()).collect();
        Ok(BudgetPage { budget: funds::budget(conn, &owner)?, history })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_fund_budget(
    state: State<'_, AppState>,
    owner: Owner,
    budget: NewBudget,
    actor: String,
) -> CommandResult<Budget> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| funds::set_budget(tx, &owner, &budget, &actor, today))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn task_funds(state: State<'_, AppState>, task_id: String) -> CommandResult<TaskFunds> {
    state.with_store(|store| Ok(funds::task_funds(store.conn(), &task_id)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_fund_spend(
    state: State<'_, AppState>,
    task_id: String,
    spend: NewSpend,
    actor: String,
) -> CommandResult<SpendReport> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| funds::record_spend(tx, &task_id, &spend, &actor, today))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_fund_in_kind(
    state: State<'_, AppState>,
    owner: Owner,
    item: NewInKind,
    actor: String,
) -> CommandResult<InKind> {
    let today = state.today();
    state.with_store(|store| Ok(store.write(|tx| funds::add_in_kind(tx, &owner, &item, &actor, today))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn annual_fund(state: State<'_, AppState>, year: i32, kind: SourceKind) -> CommandResult<AnnualFund> {
    state.with_store(|store| Ok(funds::annual_fund(store.conn(), year, kind)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_fund_allocation(
    state: State<'_, AppState>,
    year: i32,
    kind: SourceKind,
    amount: String,
    note: String,
    actor: String,
) -> CommandResult<AnnualFund> {
    state.with_store(|store| Ok(store.write(|tx| funds::set_allocation(tx, year, kind, &amount, &note, &actor))?))
}

/// The tasks whose spends went past their budget, for the board's 超预算 flag.
#[tauri::command(rename_all = "snake_case")]
pub fn over_budget_tasks(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    state.with_store(|store| Ok(funds::over_budget_tasks(store.conn())?))
}
