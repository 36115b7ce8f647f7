//! What every loader needs: the issuer, local times, masking defaults, "not found".

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

use super::{LoadError, LoadOptions};
use crate::community::load_settings;
use crate::notices::{FeedbackQr, Masking};

/// A stored UTC timestamp (RFC 3339) as the wall-clock time in the community's zone: a notice
/// prints what residents read on their clocks, whatever zone the laptop happens to be set to.
pub fn local_time(conn: &Connection, rfc3339: &str, what: &'static str) -> Result<NaiveDateTime, LoadError> {
    crate::community::zone(conn)?
        .datetime_of(rfc3339)
        .ok_or_else(|| LoadError::Damaged { what, detail: format!("时间“{rfc3339}”无法识别") })
}

/// A stored YYYY-MM-DD date.
pub fn date(text: &str, what: &'static str) -> Result<NaiveDate, LoadError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| LoadError::Damaged { what, detail: format!("日期“{text}”无法识别") })
}

/// The issuing body printed under a notice: the settings' 落款, else the community's name,
/// else a generic one (the secretary has not filled in 设置 yet).
pub fn issuer(conn: &Connection) -> Result<String, LoadError> {
    let s = load_settings(conn)?;
    Ok(if !s.issuer.trim().is_empty() {
        s.issuer
    } else if !s.name.trim().is_empty() {
        format!("{}居民委员会", s.name)
    } else {
        "社区居民委员会".to_string()
    })
}

/// Masking for a public notice: phones and ID numbers always, except the public contact number
/// of 设置; names as asked, else `names`.
pub fn public_masking(conn: &Connection, opts: &LoadOptions, names: bool) -> Result<Masking, LoadError> {
    let public_numbers = crate::community::public_numbers(conn)?;
    Ok(Masking { personal_data: true, names: opts.mask_names.unwrap_or(names), public_numbers })
}

/// Run a one-row query; no row becomes [`LoadError::NotFound`].
pub fn one<T>(
    conn: &Connection,
    sql: &str,
    id: &str,
    what: &'static str,
    map: impl FnOnce(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<T, LoadError> {
    conn.query_row(sql, [id], map).optional()?.ok_or_else(|| LoadError::NotFound { what, id: id.to_string() })
}

/// Whether a row with this id exists (and is not deleted) in `table`.
pub fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool, LoadError> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL)");
    Ok(conn.query_row(&sql, [id], |r| r.get(0))?)
}

/// Text written for the screen ("到会 11 人，同意 9 票") as it is set in print: no spaces between
/// Chinese characters and numbers.
pub fn tidy(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii());
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    // Drop a space with Chinese on one side and Chinese or a digit on the other; keep the one
    // between Chinese and a Latin word ("LED 灯" reads either way, "LED灯and" does not).
    let dropped = |i: usize| {
        let (before, after) = (chars.get(i.wrapping_sub(1)), chars.get(i + 1));
        (wide(before) && (wide(after) || digit(after))) || (wide(after) && digit(before))
    };
    chars.iter().enumerate().filter(|&(i, c)| *c != ' ' || !dropped(i)).map(|(_, c)| c).collect()
}

/// The 反馈二维码 of 设置 for a public notice, unless she switched it off for this print.
pub fn feedback_qr(conn: &Connection, opts: &LoadOptions) -> Result<Option<FeedbackQr>, LoadError> {
    if !opts.qr {
        return Ok(None);
    }
    Ok(crate::community::feedback_qr(conn)?)
}
