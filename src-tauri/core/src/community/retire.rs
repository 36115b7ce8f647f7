//! 停用: places, households and people leave the pickers but never the records. A retired row
//! keeps its id, name and every reference to it (old topics, sign-in sheets, votes, the points
//! ledger), so history reads as it was written; 恢复 brings it back. Where a record still points
//! at the row, the reason is required: it is what a later reader sees next to the old name.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Deserialize;

use super::CommunityError;
use crate::ids::now_utc;
use crate::validate::optional_line;

/// Which register a row to retire belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Place,
    Household,
    Person,
}

impl Register {
    fn table(self) -> &'static str {
        match self {
            Register::Place => "places",
            Register::Household => "households",
            Register::Person => "people",
        }
    }

    /// The word the messages use.
    fn what(self) -> &'static str {
        match self {
            Register::Place => "地点",
            Register::Household => "户",
            Register::Person => "人员",
        }
    }

    /// The columns of other tables that point at a row of this register (SQL only ever sees
    /// these fixed names, never anything typed).
    fn referrers(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Register::Place => {
                &[("places", "parent_id"), ("households", "place_id"), ("people", "place_id"), ("topics", "place_id")]
            }
            Register::Household => &[("people", "household_id"), ("vote_households", "household_id")],
            Register::Person => &[
                ("topics", "raised_by_person_id"),
                ("meeting_participants", "person_id"),
                ("speakers", "person_id"),
                ("points_entries", "person_id"),
            ],
        }
    }
}

/// Retires a row; `reason` may be empty only when nothing points at it.
pub fn retire(tx: &Transaction, register: Register, id: &str, reason: &str) -> Result<(), CommunityError> {
    let reason = optional_line("停用原因", reason, 100)?;
    let table = register.table();
    if state(tx, register, id)? {
        return Err(CommunityError::AlreadyRetired { what: register.what() });
    }
    if register == Register::Place && active_children(tx, id)? > 0 {
        return Err(CommunityError::RetireChildrenFirst);
    }
    if reason.is_empty() && referenced(tx, register, id)? {
        return Err(CommunityError::RetireReasonRequired { what: register.what() });
    }
    tx.execute(
        &format!("UPDATE {table} SET retired_at = ?2, retired_reason = ?3, updated_at = ?2 WHERE id = ?1"),
        params![id, now_utc(), reason],
    )?;
    Ok(())
}

/// 恢复: offered in the pickers again.
pub fn restore(tx: &Transaction, register: Register, id: &str) -> Result<(), CommunityError> {
    state(tx, register, id)?;
    if register == Register::Person && super::moves::has_left(tx, id)? {
        let name = super::get_person(tx, id)?.name;
        return Err(CommunityError::LeftCannotBeRestored { name });
    }
    let table = register.table();
    tx.execute(
        &format!("UPDATE {table} SET retired_at = NULL, retired_reason = '', updated_at = ?2 WHERE id = ?1"),
        params![id, now_utc()],
    )?;
    Ok(())
}

/// Whether the row is retired; NotFound when there is no such row.
fn state(conn: &Connection, register: Register, id: &str) -> Result<bool, CommunityError> {
    let sql = format!("SELECT retired_at IS NOT NULL FROM {} WHERE id = ?1 AND deleted_at IS NULL", register.table());
    conn.query_row(&sql, [id], |r| r.get(0)).optional()?.ok_or(CommunityError::NotFound { what: register.what() })
}

fn referenced(conn: &Connection, register: Register, id: &str) -> Result<bool, CommunityError> {
    for (table, column) in register.referrers() {
        let n: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {table} WHERE {column} = ?1"), [id], |r| r.get(0))?;
        if n > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

fn active_children(conn: &Connection, id: &str) -> Result<i64, CommunityError> {
    Ok(conn.query_row(
        "SELECT count(*) FROM places WHERE parent_id = ?1 AND deleted_at IS NULL AND retired_at IS NULL",
        [id],
        |r| r.get(0),
    )?)
}
