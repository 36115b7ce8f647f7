//! The community's clock: the one rule for turning stored instants into the dates and times a
//! secretary types, reads and prints.
//!
//! Every timestamp is stored in UTC (RFC 3339). Everything a person sees — forms, lists, the
//! bench, PDFs, the ledger, archive and backup folder names, "today" for overdue tasks and a
//! 公示期 — is in the **community's time zone** ([`Zone`], a setting, default Asia/Shanghai),
//! never in the zone of the laptop or of the webview. Nothing else in the core converts between
//! zones: no SQL `'localtime'` or literal offset, no `Local::now()`; a tidy test keeps it so.
//!
//! [`now`] is the only reading of the system clock for records. The demo (history written as it
//! happened) and tests move it for one thread with [`at`].
//!
//! This module also reads dates and times the way they are written in China, whatever the
//! machine's locale: `2026-12-20`, `2026/12/20`, `2026年12月20日`, `12月20日`, `19:30`,
//! `晚上7点半`.
//!
//! ```
//! use yishi_core::time::Zone;
//! let zone = Zone::default();
//! let t = zone.instant_of_local("2026-12-02T19:30", "会议时间", zone.today()).unwrap();
//! assert_eq!(t, "2026-12-02T11:30:00.000Z");
//! assert_eq!(zone.datetime_of(&t).unwrap().format("%H:%M").to_string(), "19:30");
//! ```

use std::cell::Cell;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;
use thiserror::Error;

use crate::error::UserFacing;

/// The zone a community keeps when nothing else is set: China has one.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// Earliest year a record may carry: the app did not exist before, and an earlier year is a typo.
pub const FIRST_YEAR: i32 = 2000;
/// How many years ahead a date may lie (a convention's term, a long works deadline).
pub const YEARS_AHEAD: i32 = 20;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum TimeError {
    // The examples use non-breaking hyphens (U+2011) so a narrow field never splits “2026-12-20”.
    #[error("{field}“{text}”看不懂。请写成 2026‑12‑20 或 2026年12月20日{time_hint}。")]
    Unreadable { field: String, text: String, time_hint: &'static str },
    #[error("{field}“{date}”不在合理范围内：应在{FIRST_YEAR}年以后、{YEARS_AHEAD}年以内，请检查年份。")]
    OutOfRange { field: String, date: String },
    #[error("{field}{date}早于{earliest_what}（{earliest}），请检查。")]
    TooEarly { field: String, date: String, earliest_what: &'static str, earliest: String },
    #[error("“{name}”不是已知的时区，请从列表中选择（如 Asia/Shanghai）。")]
    UnknownZone { name: String },
}

impl UserFacing for TimeError {
    fn code(&self) -> &'static str {
        match self {
            TimeError::Unreadable { .. } => "time_unreadable",
            TimeError::OutOfRange { .. } => "time_out_of_range",
            TimeError::TooEarly { .. } => "time_too_early",
            TimeError::UnknownZone { .. } => "time_unknown_zone",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            TimeError::Unreadable { field, .. }
            | TimeError::OutOfRange { field, .. }
            | TimeError::TooEarly { field, .. } => Some(field),
            TimeError::UnknownZone { .. } => Some("时区"),
        }
    }
}

thread_local! {
    static FIXED_NOW: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

/// The current instant: the system clock, or the instant [`at`] set for this thread.
pub fn now() -> DateTime<Utc> {
    FIXED_NOW.with(Cell::get).unwrap_or_else(Utc::now)
}

/// [`now`] as stored in every `created_at` / `updated_at` / event column.
pub fn now_rfc3339() -> String {
    stored(now())
}

/// An instant in the stored form: UTC, milliseconds, `Z`, so stored times sort as text.
pub fn stored(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Runs `f` with [`now`] reading `instant` on this thread (the demo writes a year of history as
/// it happened; tests pin the clock). The previous setting is restored afterwards, also when
/// `f` panics.
pub fn at<T>(instant: DateTime<Utc>, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<DateTime<Utc>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            FIXED_NOW.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(FIXED_NOW.with(|c| c.replace(Some(instant))));
    f()
}

/// A community's time zone, from the tz database (chrono-tz): DST rules included, no
/// hand-written offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(Tz);

impl Default for Zone {
    fn default() -> Zone {
        Zone(chrono_tz::Asia::Shanghai)
    }
}

impl Zone {
    /// A zone by its tz database name (`Asia/Shanghai`, `Asia/Urumqi`, `America/New_York`).
    pub fn named(name: &str) -> Result<Zone, TimeError> {
        name.trim().parse::<Tz>().map(Zone).map_err(|_| TimeError::UnknownZone { name: name.trim().to_string() })
    }

    /// The tz database name, as stored and as the UI passes it to `Intl.DateTimeFormat`.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The wall-clock time in this zone of a UTC instant.
    pub fn wall(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.0).naive_local()
    }

    /// The wall-clock time of a stored timestamp (any RFC 3339 offset), or `None` if unreadable.
    pub fn datetime_of(&self, rfc3339: &str) -> Option<NaiveDateTime> {
        DateTime::parse_from_rfc3339(rfc3339.trim()).ok().map(|t| self.wall(t.with_timezone(&Utc)))
    }

    /// The calendar day of a stored timestamp; a bare `YYYY-MM-DD` is taken as that day.
    pub fn date_of(&self, stored: &str) -> Option<NaiveDate> {
        self.datetime_of(stored).map(|t| t.date()).or_else(|| NaiveDate::parse_from_str(stored.trim(), "%Y-%m-%d").ok())
    }

    /// [`Zone::date_of`], or today here for an unreadable value (search documents and lists
    /// always need a day; a damaged timestamp must not hide the record).
    pub fn date_or_today(&self, stored: &str) -> NaiveDate {
        self.date_of(stored).unwrap_or_else(|| self.today())
    }

    /// The UTC instant of a wall-clock time here. In a DST gap the clock is read an hour later;
    /// in an overlap the earlier of the two instants is taken (what a person means first).
    pub fn utc_of(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        match self.0.from_local_datetime(&wall) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            LocalResult::None => self.utc_of(wall + TimeDelta::hours(1)),
        }
    }

    /// The first instant of a calendar day here, in the stored form (for day-range queries).
    pub fn start_of_day(&self, day: NaiveDate) -> String {
        stored(self.utc_of(day.and_time(NaiveTime::MIN)))
    }

    /// The first instant of a calendar year here, in the stored form.
    pub fn start_of_year(&self, year: i32) -> String {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|d| self.start_of_day(d)).unwrap_or_default()
    }

    /// Today here, by [`now`].
    pub fn today(&self) -> NaiveDate {
        self.wall(now()).date()
    }

    /// What the secretary typed as a moment — `2026-12-02T19:30`, `2026年12月2日 19:30`,
    /// `12月2日 晚上7点半`, or an RFC 3339 instant with its offset — as the stored UTC form.
    /// A wall-clock time is read in this zone; the date must lie in the sane range.
    pub fn instant_of_local(&self, text: &str, field: &str, today: NaiveDate) -> Result<String, TimeError> {
        if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
            let t = t.with_timezone(&Utc);
            check_range(field, self.wall(t).date(), today)?;
            return Ok(stored(t));
        }
        let wall = parse_datetime(field, text, today)?;
        check_range(field, wall.date(), today)?;
        Ok(stored(self.utc_of(wall)))
    }
}

/// A calendar date as typed in China: `2026-12-20`, `2026/12/20`, `2026.12.20`, `20261220`,
/// `2026年12月20日` (or 号), `12月20日` / `12-20` (this year by `today`); full-width digits too.
/// Checked against the sane range.
pub fn parse_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, TimeError> {
    let unreadable =
        || TimeError::Unreadable { field: field.to_string(), text: text.trim().to_string(), time_hint: "" };
    let date = read_date(&normalize(text), today).ok_or_else(unreadable)?;
    check_range(field, date, today)?;
    Ok(date)
}

/// A date and a time of day, as [`parse_date`] reads the date and `19:30`, `19：30`, `19点30`,
/// `19时30分`, `晚上7点半` the time; a date alone is midnight. Not range-checked.
pub fn parse_datetime(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDateTime, TimeError> {
    let unreadable =
        || TimeError::Unreadable { field: field.to_string(), text: text.trim().to_string(), time_hint: " 19:30" };
    let s = normalize(text);
    let (date_part, time_part) = split_date_time(&s);
    let date = read_date(date_part, today).ok_or_else(unreadable)?;
    let time = if time_part.is_empty() { Some(NaiveTime::MIN) } else { read_time(time_part) };
    Ok(date.and_time(time.ok_or_else(unreadable)?))
}

/// Refuses a date before [`FIRST_YEAR`] or more than [`YEARS_AHEAD`] years after `today`.
pub fn check_range(field: &str, date: NaiveDate, today: NaiveDate) -> Result<(), TimeError> {
    let latest = today.with_year(today.year() + YEARS_AHEAD).unwrap_or(NaiveDate::MAX);
    if date.year() < FIRST_YEAR || date > latest {
        return Err(TimeError::OutOfRange { field: field.to_string(), date: date.format("%Y-%m-%d").to_string() });
    }
    Ok(())
}

/// Refuses `date` earlier than `earliest` (a deadline before its meeting, a 公示期 that ends
/// before it starts).
pub fn check_not_before(
    field: &str,
    date: NaiveDate,
    earliest_what: &'static str,
    earliest: NaiveDate,
) -> Result<(), TimeError> {
    if date < earliest {
        return Err(TimeError::TooEarly {
            field: field.to_string(),
            date: date.format("%Y-%m-%d").to_string(),
            earliest_what,
            earliest: earliest.format("%Y-%m-%d").to_string(),
        });
    }
    Ok(())
}

/// The zones offered in 设置 → 社区信息, with the names a secretary knows them by. China keeps
/// one time; Xinjiang's communities often keep 乌鲁木齐时间 in daily life.
pub const OFFERED_ZONES: &[(&str, &str)] = &[
    ("Asia/Shanghai", "北京时间（全国统一）"),
    ("Asia/Urumqi", "乌鲁木齐时间（东六区）"),
    ("Asia/Hong_Kong", "香港时间"),
    ("Asia/Macau", "澳门时间"),
    ("Asia/Taipei", "台北时间"),
];

/// What the secretary typed into a date field, read back: the form the core stores and the
/// words she can check it by (“2026年12月20日（星期日）19:30”).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReadBack {
    /// `2026-12-20`, or `2026-12-20 19:30` with a time.
    pub value: String,
    pub label: String,
}

/// Reads a date field (or a date-and-time field, `with_time`) as typed, range-checked.
pub fn read_back(field: &str, text: &str, with_time: bool, today: NaiveDate) -> Result<ReadBack, TimeError> {
    if with_time {
        let t = parse_datetime(field, text, today)?;
        check_range(field, t.date(), today)?;
        let label = format!("{}（{}）{}", chinese_date(t.date()), weekday(t.date()), t.format("%-H:%M"));
        return Ok(ReadBack { value: t.format("%Y-%m-%d %H:%M").to_string(), label });
    }
    let d = parse_date(field, text, today)?;
    Ok(ReadBack { value: d.format("%Y-%m-%d").to_string(), label: format!("{}（{}）", chinese_date(d), weekday(d)) })
}

/// The first and last day of `month` in `year`; None when there is no such month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
    Some((first, last))
}

/// 2026年11月21日, as dates read in every Chinese document.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 星期一 … 星期日.
pub fn weekday(d: NaiveDate) -> &'static str {
    const NAMES: [&str; 7] = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
    NAMES[d.weekday().num_days_from_monday() as usize]
}

/// Full-width digits and punctuation to ASCII, trimmed: a Chinese IME types `２０２６／１２／２０`
/// or `19：30` as easily as the ASCII forms. Amounts and counts (`money`, `funds`) are read the same way.
pub(crate) fn normalize(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '：' => ':',
            '－' | '—' | '–' => '-',
            '／' => '/',
            '．' | '。' => '.',
            '　' => ' ',
            _ => c,
        })
        .collect()
}

/// Splits `2026-12-20 19:30`, `2026-12-20T19:30`, `2026年12月20日19:30` into date and time.
fn split_date_time(s: &str) -> (&str, &str) {
    if let Some(i) = s.find(['日', '号']) {
        let end = i + '日'.len_utf8();
        return (s[..end].trim(), s[end..].trim());
    }
    match s.find(['T', ' ']) {
        Some(i) => (s[..i].trim(), s[i + 1..].trim()),
        None => (s, ""),
    }
}

fn read_date(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    let numbers: Vec<&str> = s.split(['-', '/', '.', '年', '月', '日', '号']).filter(|p| !p.is_empty()).collect();
    if numbers.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4) {
        return None;
    }
    let n: Vec<u32> = numbers.iter().filter_map(|p| p.parse().ok()).collect();
    match (numbers.as_slice(), n.as_slice()) {
        // A four-digit first number is the year; two numbers are month and day of this year.
        ([y, ..], [year, month, day]) if y.len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(*year).ok()?, *month, *day)
        }
        ([m, _], [month, day]) if m.len() <= 2 => NaiveDate::from_ymd_opt(today.year(), *month, *day),
        _ => None,
    }
}

/// `19:30`, `19:30:00`, `1930`, `19点`, `19点30`, `19点30分`, `19时30分`, `7点半`, with an
/// optional 上午 / 中午 / 下午 / 晚上 / 傍晚 before it (afternoon and evening add 12 hours).
fn read_time(s: &str) -> Option<NaiveTime> {
    let mut s = s.trim();
    let mut afternoon = false;
    for (prefix, pm) in [
        ("上午", false),
        ("早上", false),
        ("凌晨", false),
        ("中午", true),
        ("下午", true),
        ("傍晚", true),
        ("晚上", true),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim();
            afternoon = pm;
        }
    }
    let (hour, minute) = if let Some((h, rest)) = s.split_once(['点', '时']) {
        let rest = rest.trim().trim_end_matches('分').trim();
        let minute = match rest {
            "" | "整" => 0,
            "半" => 30,
            m => m.parse().ok()?,
        };
        (h.trim().parse::<u32>().ok()?, minute)
    } else if let Some((h, m)) = s.split_once(':') {
        let m = m.split(':').next()?;
        (h.trim().parse().ok()?, m.trim().parse().ok()?)
    } else if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        (s[..2].parse().ok()?, s[2..].parse().ok()?)
    } else {
        return None;
    };
    // 中午12点 is noon and 晚上12点 is midnight's neighbour: only 1–11 o'clock move by 12 hours.
    let hour = if afternoon && (1..12).contains(&hour) { hour + 12 } else { hour };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

#[cfg(test)]
mod tests;
