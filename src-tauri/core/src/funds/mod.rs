//! 资金怎么用 (issue 16): the money, goods and labour behind each decision.
//!
//! `funds` owns the `fund_*` tables. Every amount is whole fen ([`Fen`](crate::money::Fen)),
//! from what she types to what is printed; no float anywhere.
//! - A decision (to be acted on) or a task has at most one live [`Budget`]: its total and its
//!   sources (集体资金, 惠民资金, 专项维修基金, 物业, 开发商, 慈善协会, 捐资, 居民筹资 — per
//!   household or in all), whose sum may fall short of the total (the gap shows) but never exceed
//!   it. Changing a budget needs a reason and keeps the old one ([`history`]).
//! - Goods and labour days ([`add_in_kind`]) are recorded beside it.
//! - A spend ([`record_spend`]) is charged to one source of the task's budget — its own, else
//!   its decision's — and keeps the running balance per source; a spend past the balance needs a
//!   reason and flags the task ([`over_budget_tasks`]). Receipts are photos (attachments with
//!   owner kind `fund_spend`, photos taken on the form are claimed with the spend).
//! - [`task_funds`] is what a task's page shows: its budget, spends and contributions.
//! - A yearly fund (惠民资金) has its allocation per year ([`set_allocation`]); [`annual_fund`]
//!   gives what the year's budgets committed, what was spent and what is left.
//! - What the notices, the 台账 and the year figures read ([`projects`], [`spend_lines`] with the
//!   running balance of each spend's source, [`year_totals`]) is in `account.rs`.

mod account;
mod annual;
mod budget;
mod error;
mod in_kind;
mod kinds;
mod spends;
mod view;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use account::{
    contributions, project, projects, sources_on, spend_lines, year_totals, Project, SourceTotal, SpendLine, YearTotals,
};
pub use annual::{annual_fund, set_allocation, AnnualFund, FundProject};
pub use budget::{budget, budget_for_task, history, set_budget, Budget, NewBudget, NewSource, Source};
pub use error::FundsError;
pub use in_kind::{add_in_kind, days_words, in_kind, person_day_tenths, InKind, NewInKind};
pub use kinds::{InKindKind, OwnerKind, SourceKind};
pub use spends::{over_budget_tasks, record_spend, search_docs, spends, NewSpend, Spend, SpendReport};
pub use view::{task_funds, TaskFunds};

/// What a budget or a contribution belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub kind: OwnerKind,
    pub id: String,
}

impl Owner {
    pub fn decision(id: &str) -> Owner {
        Owner { kind: OwnerKind::Decision, id: id.to_string() }
    }

    pub fn task(id: &str) -> Owner {
        Owner { kind: OwnerKind::Task, id: id.to_string() }
    }
}

/// A day as typed that has already come (a spend, a contribution): read as every date is, never
/// in the future.
fn past_day(field: &'static str, typed: &str, today: NaiveDate) -> Result<NaiveDate, FundsError> {
    let day = crate::time::parse_date(field, typed, today)?;
    if day > today {
        return Err(FundsError::DayInFuture { field, date: day });
    }
    Ok(day)
}

#[cfg(test)]
mod tests;
