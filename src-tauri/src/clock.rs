//! Today's date as the app sees it: the community's calendar day (its time zone is a setting,
//! `yishi_core::community::zone`), never the laptop's.
//!
//! **Test clock:** `YISHI_TODAY` (set by end-to-end tests through tauri-driver) makes the app
//! believe it is another day, e.g. to see a notice flagged when its 公示期 ends. Its value is a
//! date (`YISHI_TODAY=2026-12-01`) or the path of a file holding one, which a test rewrites to
//! move the clock while the app runs. Unset or unreadable, it is the community's date.

use chrono::NaiveDate;
use yishi_core::store::Store;
use yishi_core::time::Zone;

pub const TEST_TODAY: &str = "YISHI_TODAY";

/// Today in the community of the open database.
pub fn today(store: &Store) -> NaiveDate {
    test_today()
        .unwrap_or_else(|| yishi_core::community::today(store.conn()).unwrap_or_else(|_| Zone::default().today()))
}

/// Today when no database is open: the default zone's day.
pub fn today_without_store() -> NaiveDate {
    test_today().unwrap_or_else(|| Zone::default().today())
}

fn test_today() -> Option<NaiveDate> {
    std::env::var(TEST_TODAY).ok().and_then(|v| parse(&v))
}

fn parse(value: &str) -> Option<NaiveDate> {
    value.trim().parse().ok().or_else(|| std::fs::read_to_string(value.trim()).ok()?.trim().parse().ok())
}
