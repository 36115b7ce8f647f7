//! Community settings: the name, the issuing body printed under every notice, the usual place,
//! the community's time zone and the public contact number. The last two are kept in
//! `app_settings` (under `time_zone` and `public_phone`), so older files and archives need no
//! new column; an absent zone means [`time::DEFAULT_ZONE`], an absent number none. So is the
//! 反馈二维码 public notices print (`feedback_qr_text`, `feedback_qr_caption`; docs/QR.md).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::CommunityError;
use crate::ids::now_utc;
use crate::notices::FeedbackQr;
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
    /// 公开联系电话: the committee's or grid worker's number residents are to call. Printed
    /// whole on every public notice, where every other phone number is masked. May be empty.
    #[serde(default)]
    pub public_phone: String,
    /// 反馈二维码: what residents scan to give feedback (a WeChat group invite link, a phone
    /// number…). Empty: no notice prints a QR code.
    #[serde(default)]
    pub qr_text: String,
    /// The line printed under the QR code; saved empty it reads [`DEFAULT_QR_CAPTION`].
    #[serde(default)]
    pub qr_caption: String,
    /// Whether a picture of a QR code was uploaded (`qr_picture.rs`): printed instead of a
    /// code of `qr_text`. Read only here: saving the settings leaves the picture as it is.
    #[serde(default)]
    pub qr_picture: bool,
}

/// The caption under the QR code unless 设置 says otherwise.
pub const DEFAULT_QR_CAPTION: &str = "扫码进群反馈意见";
/// Most characters a QR text may have: at 28 mm a code of more stops being readable.
pub const QR_TEXT_MAX_CHARS: usize = 300;
/// Most bytes (UTF-8: a Chinese character or an emoji takes 3–4) the code holds at that size.
pub const QR_TEXT_MAX_BYTES: usize = 450;

fn default_zone_name() -> String {
    time::DEFAULT_ZONE.to_string()
}

const ZONE_KEY: &str = "time_zone";
const PUBLIC_PHONE_KEY: &str = "public_phone";
const QR_TEXT_KEY: &str = "feedback_qr_text";
const QR_CAPTION_KEY: &str = "feedback_qr_caption";

/// A text value of `app_settings` (stored as a JSON string); None when absent or not text.
pub(super) fn text_setting(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    let stored: Option<String> = conn
        .query_row("SELECT value FROM app_settings WHERE id = ?1 AND deleted_at IS NULL", [key], |r| r.get(0))
        .optional()?;
    Ok(stored.and_then(|json| serde_json::from_str::<String>(&json).ok()))
}

pub(super) fn put_text_setting(tx: &Transaction, key: &str, value: &str, now: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO app_settings (id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL",
        params![key, serde_json::Value::from(value).to_string(), now],
    )?;
    Ok(())
}

/// The community's time zone: what every date a person sees is in.
pub fn zone(conn: &Connection) -> rusqlite::Result<Zone> {
    // Validated when saved; anything else is the default zone.
    Ok(text_setting(conn, ZONE_KEY)?.and_then(|name| Zone::named(&name).ok()).unwrap_or_default())
}

/// The public contact number of 设置 (empty when none is set): the one number public notices
/// print whole.
pub fn public_phone(conn: &Connection) -> rusqlite::Result<String> {
    Ok(text_setting(conn, PUBLIC_PHONE_KEY)?.unwrap_or_default())
}

/// The numbers a public notice prints whole: the public contact number, if one is set.
pub fn public_numbers(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let phone = public_phone(conn)?;
    Ok(if phone.is_empty() { Vec::new() } else { vec![phone] })
}

/// The 反馈二维码 public notices print: the text, its caption and the uploaded picture (printed
/// instead of a code of the text), or None when neither a text nor a picture is set.
pub fn feedback_qr(conn: &Connection) -> rusqlite::Result<Option<FeedbackQr>> {
    let text = text_setting(conn, QR_TEXT_KEY)?.unwrap_or_default();
    let picture = super::qr_picture(conn)?;
    if text.is_empty() && picture.is_none() {
        return Ok(None);
    }
    let caption = text_setting(conn, QR_CAPTION_KEY)?.filter(|c| !c.is_empty());
    Ok(Some(FeedbackQr { text, caption: caption.unwrap_or_else(|| DEFAULT_QR_CAPTION.to_string()), picture }))
}

/// Today in the community's time zone, by the core's clock.
pub fn today(conn: &Connection) -> rusqlite::Result<chrono::NaiveDate> {
    Ok(zone(conn)?.today())
}

/// The settings, or empty strings before the secretary has filled them in.
pub fn load_settings(conn: &Connection) -> Result<CommunitySettings, CommunityError> {
    let row = conn
        .query_row("SELECT name, issuer, default_place FROM community_settings WHERE id = ?1", [SETTINGS_ID], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let (name, issuer, default_place) = row.unwrap_or_default();
    Ok(CommunitySettings {
        name,
        issuer,
        default_place,
        time_zone: zone(conn)?.name().to_string(),
        public_phone: public_phone(conn)?,
        qr_text: text_setting(conn, QR_TEXT_KEY)?.unwrap_or_default(),
        qr_caption: text_setting(conn, QR_CAPTION_KEY)?
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| DEFAULT_QR_CAPTION.to_string()),
        qr_picture: super::qr_picture(conn)?.is_some(),
    })
}

pub fn save_settings(tx: &Transaction, s: &CommunitySettings) -> Result<CommunitySettings, CommunityError> {
    let checked = CommunitySettings {
        name: required_line("社区名称", &s.name, 60)?,
        issuer: required_line("落款单位", &s.issuer, 60)?,
        default_place: optional_line("常用议事地点", &s.default_place, 60)?,
        time_zone: Zone::named(&s.time_zone)?.name().to_string(),
        public_phone: checked_public_phone(&s.public_phone)?,
        qr_text: checked_qr_text(&s.qr_text)?,
        qr_caption: optional_line("二维码说明", &s.qr_caption, 20)?,
        qr_picture: super::qr_picture(tx)?.is_some(),
    };
    let now = now_utc();
    tx.execute(
        "INSERT INTO community_settings (id, name, issuer, default_place, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET name = excluded.name, \
         issuer = excluded.issuer, default_place = excluded.default_place, updated_at = excluded.updated_at",
        params![SETTINGS_ID, checked.name, checked.issuer, checked.default_place, now],
    )?;
    put_text_setting(tx, ZONE_KEY, &checked.time_zone, &now)?;
    put_text_setting(tx, PUBLIC_PHONE_KEY, &checked.public_phone, &now)?;
    put_text_setting(tx, QR_TEXT_KEY, &checked.qr_text, &now)?;
    put_text_setting(tx, QR_CAPTION_KEY, &checked.qr_caption, &now)?;
    let qr_caption = if checked.qr_caption.is_empty() { DEFAULT_QR_CAPTION.to_string() } else { checked.qr_caption };
    Ok(CommunitySettings { qr_caption, ..checked })
}

/// Empty, or a number residents can dial (as the roster's phones: an 11-digit mobile or a
/// landline with its area code), trimmed.
fn checked_public_phone(value: &str) -> Result<String, CommunityError> {
    optional_line("公开联系电话", value, 30)?;
    // The roster's and topic form's one phone rule, with the message naming this field.
    crate::validate::phone(value).map_err(|e| CommunityError::BadPublicPhone { value: e.value })
}

/// Empty (no QR code), or a text short enough that its code stays readable at 28 mm, trimmed;
/// one line (a link or a number: no line breaks).
fn checked_qr_text(value: &str) -> Result<String, CommunityError> {
    let text = crate::validate::strip_invisible(value).trim().to_string();
    let chars = text.chars().count();
    if chars > QR_TEXT_MAX_CHARS || text.len() > QR_TEXT_MAX_BYTES {
        return Err(CommunityError::QrTextTooLong { chars, max: QR_TEXT_MAX_CHARS });
    }
    if text.contains(['\n', '\r']) {
        return Err(CommunityError::QrTextMultiline);
    }
    Ok(text)
}
