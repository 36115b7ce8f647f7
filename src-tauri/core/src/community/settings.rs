//! Community settings: the name, the issuing body printed under every notice, the usual place.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::CommunityError;
use crate::ids::now_utc;
use crate::validate::{optional_line, required_line};

/// The single settings row has this fixed id, so two laptops' settings merge into one row.
const SETTINGS_ID: &str = "community";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunitySettings {
    /// e.g. 幸福里社区
    pub name: String,
    /// 落款, e.g. 幸福里社区居民委员会
    pub issuer: String,
    #[serde(default)]
    pub default_place: String,
}

/// The settings, or empty strings before the secretary has filled them in.
pub fn load_settings(conn: &Connection) -> Result<CommunitySettings, CommunityError> {
    let row = conn
        .query_row(
            "SELECT name, issuer, default_place FROM community_settings WHERE id = ?1",
            [SETTINGS_ID],
            |r| Ok(CommunitySettings { name: r.get(0)?, issuer: r.get(1)?, default_place: r.get(2)? }),
        )
        .optional()?;
    Ok(row.unwrap_or(CommunitySettings { name: String::new(), issuer: String::new(), default_place: String::new() }))
}

pub fn save_settings(tx: &Transaction, s: &CommunitySettings) -> Result<CommunitySettings, CommunityError> {
    let checked = CommunitySettings {
        name: required_line("社区名称", &s.name, 60)?,
        issuer: required_line("落款单位", &s.issuer, 60)?,
        default_place: optional_line("常用议事地点", &s.default_place, 60)?,
    };
    let now = now_utc();
    tx.execute(
        "INSERT INTO community_settings (id, name, issuer, default_place, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET name = excluded.name, \
         issuer = excluded.issuer, default_place = excluded.default_place, updated_at = excluded.updated_at",
        params![SETTINGS_ID, checked.name, checked.issuer, checked.default_place, now],
    )?;
    Ok(checked)
}
