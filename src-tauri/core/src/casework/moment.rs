//! When a contact happened, as the secretary typed it.

use rusqlite::Connection;

use super::CaseworkError;
use crate::validate::FieldError;

/// The stored UTC instant of a moment typed in the community's zone (`2026-11-21 19:30`,
/// `11月21日 晚上7点半`); empty means now. A moment still to come is refused: these forms record
/// what already happened.
pub(super) fn happened_at(
    conn: &Connection,
    typed: Option<&str>,
    field: &'static str,
) -> Result<String, CaseworkError> {
    let Some(text) = typed.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(crate::ids::now_utc());
    };
    let zone = crate::community::zone(conn)?;
    let at = zone.instant_of_local(text, field, zone.today()).map_err(FieldError::from)?;
    // Stored instants are RFC 3339 UTC of one width, so text order is time order.
    if at > crate::ids::now_utc() {
        return Err(CaseworkError::InFuture { field });
    }
    Ok(at)
}
