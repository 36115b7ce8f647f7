//! Fills the 督办清单 from the task board: overdue and due-soon tasks as of `today`, by unit.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::common::issuer;
use super::{LoadError, LoadOptions};
use crate::followup::{self, BoardFilter, BoardTask};
use crate::notices::{SupervisedTask, SupervisionList, UnitTasks};

/// `unit`: one 承办单位 only, or empty for every unit.
pub fn supervision(conn: &Connection, unit: &str, opts: &LoadOptions) -> Result<SupervisionList, LoadError> {
    let filter = BoardFilter {
        responsible_unit: Some(unit.trim().to_string()).filter(|u| !u.is_empty()),
        ..BoardFilter::default()
    };
    let lines: Vec<BoardTask> =
        followup::board(conn, &filter, opts.today)?.into_iter().filter(|l| l.task.overdue || l.due_soon).collect();
    let overdue = lines.iter().filter(|l| l.task.overdue).count();
    let mut units: BTreeMap<String, Vec<SupervisedTask>> = BTreeMap::new();
    for l in &lines {
        let Some(deadline) = l.task.deadline else { continue };
        let when = if l.task.overdue { format!("逾期{}天", l.days_overdue) } else { "近期到期".to_string() };
        units.entry(l.task.responsible_unit.clone()).or_default().push(SupervisedTask {
            item: l.task.title.clone(),
            person: l.task.person_in_charge.clone(),
            deadline,
            first_deadline: l.first_deadline,
            state: format!("{}，{}", when, l.task.status.label()),
        });
    }
    Ok(SupervisionList {
        paper: opts.paper,
        overdue,
        due_soon: lines.len() - overdue,
        units: units.into_iter().map(|(unit, tasks)| UnitTasks { unit, tasks }).collect(),
        issuer: issuer(conn)?,
        date: opts.today,
    })
}
