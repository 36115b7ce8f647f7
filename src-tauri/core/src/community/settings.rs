//! Community settings: the name, the issuing body printed under every notice, the usual place,
//! and the community's time zone (kept in `app_settings` under `time_zone`, so older files and
//! archives need no new column; absent means [`time::DEFAULT_ZONE`]).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::CommunityError;
use crate::ids::now_utc;
use crate::time::{self, Zone};
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
    /// The tz database name every date and time is shown, typed and printed in.
    #[serde(default = "default_zone_name")]
    pub time_zone: String,
}

fn default_zone_name() -> String {
    time::DEFAULT_ZONE.to_string()
}

const ZONE_KEY: &str = "time_zone";

/// The community's time zone: what every date a person sees is in.
pub fn zone(conn: &Connection) -> rusqlite::Result<Zone> {
    let stored: Option<String> = conn
        .query_row("SELECT value FROM app_settings WHERE id = ?1 AND deleted_at IS NULL", [ZONE_KEY], |r| r.get(0))
        .optional()?;
    // The value is a JSON string, validated when saved; anything else is the default zone.
    Ok(stored
        .and_then(|json| serde_json::from_str::<String>(&json).ok())
        .and_then(|name| Zone::named(&name).ok())
        .unwrap_or_default())
}

/// Today in the community's time zone, by the core's clock.
pub fn today(conn: &Connection) -> rusqlite::Result<chrono::NaiveDate> {
    Ok(zone(conn)?.today())
}

/// The settings, or empty strings before the secretary has filled them in.
pub fn load_settings(conn: &Connection) -> Result<CommunitySettings, CommunityError> {
    let row = conn
        .query_row(
            "SELECT name, issuer, default_place FROM community_settings WHERE id = ?1",
            [SETTINGS_ID],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (name, issuer, default_place) = row.unwrap_or_default();
    Ok(CommunitySettings { name, issuer, default_place, time_zone: zone(conn)?.name().to_string() })
}

pub fn save_settings(tx: &Transaction, s: &CommunitySettings) -> Result<CommunitySettings, CommunityError> {
    let checked = CommunitySettings {
        name: required_line("社区名称", &s.name, 60)?,
        issuer: required_line("落款单位", &s.issuer, 60)?,
        default_place: optional_line("常用议事地点", &s.default_place, 60)?,
        time_zone: Zone::named(&s.time_zone)?.name().to_string(),
    };
    let now = now_utc();
    tx.execute(
        "INSERT INTO community_settings (id, name, issuer, default_place, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET name = excluded.name, \
         issuer = excluded.issuer, default_place = excluded.default_place, updated_at = excluded.updated_at",
        params![SETTINGS_ID, checked.name, checked.issuer, checked.default_place, now],
    )?;
    tx.execute(
        "INSERT INTO app_settings (id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL",
        params![ZONE_KEY, serde_json::Value::from(checked.time_zone.as_str()).to_string(), now],
    )?;
    Ok(checked)
}
