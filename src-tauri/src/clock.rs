//! Today's date as the app sees it.
//!
//! **Test clock:** `YISHI_TODAY` (set by end-to-end tests through tauri-driver) makes the app
//! believe it is another day, e.g. to see a notice flagged when its 公示期 ends. Its value is a
//! date (`YISHI_TODAY=2026-12-01`) or the path of a file holding one, which a test rewrites to
//! move the clock while the app runs. Unset or unreadable, it is the computer's local date.

use chrono::{Local, NaiveDate};

pub const TEST_TODAY: &str = "YISHI_TODAY";

pub fn today() -> NaiveDate {
    std::env::var(TEST_TODAY).ok().and_then(|v| parse(&v)).unwrap_or_else(|| Local::now().date_naive())
}

fn parse(value: &str) -> Option<NaiveDate> {
    value.trim().parse().ok().or_else(|| std::fs::read_to_string(value.trim()).ok()?.trim().parse().ok())
}
