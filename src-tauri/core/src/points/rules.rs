//! The rules for automatic credit, kept in `app_settings` under `points_rules` as JSON and edited
//! in 设置. A key missing from the JSON takes its default, so older files keep working.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::PointsError;
use crate::ids::now_utc;

const KEY: &str = "points_rules";
/// No single automatic credit is worth more than this (a typo guard: 200 instead of 2).
pub const RULE_MAX: i64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PointsRules {
    /// For signing in at a meeting.
    pub attendance: i64,
    /// For speaking at a meeting (once per meeting, however many items).
    pub speaking: i64,
}

impl Default for PointsRules {
    fn default() -> Self {
        PointsRules { attendance: 2, speaking: 1 }
    }
}

/// The rules in force (the defaults until someone saves others).
pub fn get_rules(conn: &Connection) -> Result<PointsRules, PointsError> {
    let stored: Option<String> = conn
        .query_row("SELECT value FROM app_settings WHERE id = ?1 AND deleted_at IS NULL", [KEY], |r| r.get(0))
        .optional()?;
    match stored {
        None => Ok(PointsRules::default()),
        Some(json) => serde_json::from_str(&json).map_err(|_| PointsError::RulesDamaged),
    }
}

/// Saves the rules; each is 0 (no credit) to [`RULE_MAX`].
pub fn set_rules(tx: &Transaction, rules: &PointsRules) -> Result<PointsRules, PointsError> {
    for (what, value) in [("参会", rules.attendance), ("发言", rules.speaking)] {
        if !(0..=RULE_MAX).contains(&value) {
            return Err(PointsError::RuleOutOfRange { what, value, max: RULE_MAX });
        }
    }
    let json = serde_json::json!({ "attendance": rules.attendance, "speaking": rules.speaking }).to_string();
    tx.execute(
        "INSERT INTO app_settings (id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL",
        params![KEY, json, now_utc()],
    )?;
    get_rules(tx)
}
