//! What a task's page shows of its money, read in one go.

use rusqlite::Connection;
use serde::Serialize;

use super::budget::{budget_for_task, task_decision, Budget};
use super::in_kind::{in_kind, InKind};
use super::spends::{spends, Spend};
use super::{FundsError, Owner};

/// A task's money: the budget its spends are charged to (its own, else its decision's), its
/// spends oldest first, and the goods and labour given to it or to its decision's project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskFunds {
    pub budget: Option<Budget>,
    pub spends: Vec<Spend>,
    pub in_kind: Vec<InKind>,
}

pub fn task_funds(conn: &Connection, task_id: &str) -> Result<TaskFunds, FundsError> {
    Ok(TaskFunds {
        budget: budget_for_task(conn, task_id)?,
        spends: spends(conn, task_id)?,
        in_kind: given(conn, task_id)?,
    })
}

/// What was given to the task and to its decision's project (the footbridge's labour days are
/// the project's, whichever task they served), the task's first.
fn given(conn: &Connection, task_id: &str) -> Result<Vec<InKind>, FundsError> {
    let mut all = in_kind(conn, &Owner::task(task_id))?;
    if let Some(decision) = task_decision(conn, task_id)? {
        all.extend(in_kind(conn, &Owner::decision(&decision))?);
    }
    Ok(all)
}
