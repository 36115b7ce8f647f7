//! The uploaded picture of a QR code (the WeChat group's own code, saved from WeChat): public
//! notices print it where they would print a code of 设置's 反馈二维码内容. Kept in `app_settings`
//! under `feedback_qr_picture` as base64 text, like the other settings: no migration, and an
//! archive carries it with them.

use base64::Engine;
use rusqlite::{Connection, Transaction};

use super::settings::{put_text_setting, text_setting};
use super::CommunityError;
use crate::ids::now_utc;

const KEY: &str = "feedback_qr_picture";
/// A WeChat group code saved from the phone is 50–300 KB; a photo of a poster may be more.
pub const QR_PICTURE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// The uploaded picture, if there is one.
pub fn qr_picture(conn: &Connection) -> rusqlite::Result<Option<Vec<u8>>> {
    let text = text_setting(conn, KEY)?.filter(|t| !t.is_empty());
    // A value that is not base64 (hand-edited) reads as no picture rather than a broken print.
    Ok(text.and_then(|t| base64::engine::general_purpose::STANDARD.decode(t).ok()))
}

/// Keeps `bytes` as the picture to print, if it is a JPEG or PNG of at most 2 MB that can be
/// printed; otherwise refuses in words and keeps what was there.
pub fn set_qr_picture(tx: &Transaction, bytes: &[u8]) -> Result<(), CommunityError> {
    if bytes.len() > QR_PICTURE_MAX_BYTES {
        return Err(CommunityError::QrPictureTooLarge { mb: bytes.len() as f64 / (1024.0 * 1024.0) });
    }
    crate::pdf::image_size(bytes).map_err(|e| CommunityError::QrPictureUnreadable { detail: e.to_string() })?;
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    put_text_setting(tx, KEY, &text, &now_utc())?;
    Ok(())
}

/// Removes the picture: notices print a code of the text again (or none without a text).
pub fn clear_qr_picture(tx: &Transaction) -> Result<(), CommunityError> {
    put_text_setting(tx, KEY, "", &now_utc())?;
    Ok(())
}

/// [`set_qr_picture`] with the file she chose; a file that cannot be read is refused in words.
pub fn set_qr_picture_file(tx: &Transaction, path: &std::path::Path) -> Result<(), CommunityError> {
    let bytes = std::fs::read(path).map_err(|e| CommunityError::QrPictureUnreadable { detail: e.to_string() })?;
    set_qr_picture(tx, &bytes)
}
