use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 12, 1);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn every_chinese_way_of_writing_a_date_is_read() {
    for text in [
        "2026-12-20",
        "2026-12-20 ",
        "2026/12/20",
        "2026.12.20",
        "20261220",
        "2026年12月20日",
        "2026年12月20号",
        "１２月２０日",
        "12月20日",
        "12-20",
        "12/20",
        "２０２６－１２－２０",
        "2026年12月20",
    ] {
        assert_eq!(parse_date("完成时限", text, today()), Ok(day(2026, 12, 20)), "{text}");
    }
    assert_eq!(parse_date("完成时限", "2026-1-5", today()), Ok(day(2026, 1, 5)));
}

#[test]
fn a_us_order_or_nonsense_date_is_refused_naming_the_field() {
    for text in ["12/20/2026", "2026-13-01", "2026-02-30", "明天", "", "20-12-2026", "2026年"] {
        let err = parse_date("完成时限", text, today()).unwrap_err();
        assert!(err.to_string().contains("完成时限"), "{text}: {err}");
        assert!(matches!(err, TimeError::Unreadable { .. }), "{text}: {err:?}");
    }
}

#[test]
fn a_year_before_2000_or_twenty_years_ahead_is_refused() {
    // What the webview stored from 2026-12-20 typed into an MM/DD/YYYY field under LANG=C.
    let err = parse_date("完成时限", "0020-12-12", today()).unwrap_err();
    assert!(matches!(err, TimeError::OutOfRange { .. }), "{err:?}");
    assert!(err.to_string().contains("完成时限") && err.to_string().contains("2000"), "{err}");
    assert!(parse_date("完成时限", "1999-12-31", today()).is_err());
    assert!(parse_date("完成时限", "2046-12-01", today()).is_ok());
    assert!(parse_date("完成时限", "2046-12-02", today()).is_err());
}

#[test]
fn times_of_day_read_the_chinese_way() {
    for text in [
        "2026-12-02 19:30",
        "2026-12-02T19:30",
        "2026-12-02T19:30:00",
        "2026年12月2日19:30",
        "2026年12月2日 19：30",
        "12月2日 晚上7点半",
        "12月2日19点30分",
        "2026-12-02 19时30分",
        "2026-12-02 1930",
        "12月2日 下午7:30",
    ] {
        let t = parse_datetime("会议时间", text, today()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(t, day(2026, 12, 2).and_hms_opt(19, 30, 0).unwrap(), "{text}");
    }
    let noon = parse_datetime("会议时间", "12月2日 中午12点", today()).unwrap();
    assert_eq!(noon.format("%H:%M").to_string(), "12:00");
    assert!(parse_datetime("会议时间", "2026-12-02 25:00", today()).is_err());
    assert!(parse_datetime("会议时间", "2026-12-02 晚上", today()).is_err());
}

#[test]
fn a_wall_clock_time_is_read_in_the_community_zone_whatever_the_machine_says() {
    let shanghai = Zone::default();
    let t = shanghai.instant_of_local("2026-12-02 19:30", "会议时间", today()).unwrap();
    assert_eq!(t, "2026-12-02T11:30:00.000Z");
    assert_eq!(shanghai.datetime_of(&t).unwrap(), day(2026, 12, 2).and_hms_opt(19, 30, 0).unwrap());
    let new_york = Zone::named("America/New_York").unwrap();
    let t = new_york.instant_of_local("2026-12-02 19:30", "会议时间", today()).unwrap();
    assert_eq!(t, "2026-12-03T00:30:00.000Z");
    assert_eq!(new_york.date_of(&t), Some(day(2026, 12, 2)));
    assert_eq!(shanghai.date_of(&t), Some(day(2026, 12, 3)));
    // An instant with its offset is taken as it is.
    assert_eq!(
        shanghai.instant_of_local("2026-12-02T11:30:00Z", "会议时间", today()).unwrap(),
        "2026-12-02T11:30:00.000Z"
    );
}

#[test]
fn days_start_at_local_midnight() {
    let zone = Zone::default();
    assert_eq!(zone.start_of_day(day(2026, 12, 2)), "2026-12-01T16:00:00.000Z");
    assert_eq!(zone.start_of_year(2026), "2025-12-31T16:00:00.000Z");
    assert_eq!(zone.date_of("2026-11-21"), Some(day(2026, 11, 21)));
    assert_eq!(zone.date_of("坏了"), None);
}

#[test]
fn a_dst_gap_and_overlap_resolve_to_a_real_instant() {
    let ny = Zone::named("America/New_York").unwrap();
    // 2026-03-08 02:30 does not exist in New York; it is read as 03:30 EDT.
    let gap = ny.utc_of(day(2026, 3, 8).and_hms_opt(2, 30, 0).unwrap());
    assert_eq!(stored(gap), "2026-03-08T07:30:00.000Z");
    // 2026-11-01 01:30 happens twice; the first (EDT) is taken.
    let overlap = ny.utc_of(day(2026, 11, 1).and_hms_opt(1, 30, 0).unwrap());
    assert_eq!(stored(overlap), "2026-11-01T05:30:00.000Z");
}

#[test]
fn an_unknown_zone_is_refused_in_chinese() {
    let err = Zone::named("Mars/Olympus").unwrap_err();
    assert!(err.to_string().contains("时区"), "{err}");
    assert_eq!(Zone::named(" Asia/Urumqi ").unwrap().name(), "Asia/Urumqi");
}

#[test]
fn the_clock_can_be_pinned_for_one_thread() {
    let then = Utc.with_ymd_and_hms(2026, 3, 14, 12, 0, 0).unwrap();
    let seen = at(then, now_rfc3339);
    assert_eq!(seen, "2026-03-14T12:00:00.000Z");
    assert_eq!(at(then, || Zone::default().today()), day(2026, 3, 14));
    assert_ne!(now(), then, "the pin ends with the closure");
    let other = std::thread::spawn(move || at(then, || std::thread::spawn(now).join().unwrap())).join().unwrap();
    assert_ne!(other, then, "another thread keeps the system clock");
}

#[test]
fn a_deadline_before_its_meeting_is_refused() {
    let err = check_not_before("完成时限", day(2026, 11, 30), "会议日期", day(2026, 12, 2)).unwrap_err();
    assert_eq!(err.to_string(), "完成时限2026-11-30早于会议日期（2026-12-02），请检查。");
    assert!(check_not_before("完成时限", day(2026, 12, 2), "会议日期", day(2026, 12, 2)).is_ok());
}

#[test]
fn a_field_is_read_back_in_words_she_can_check() {
    let r = read_back("完成时限", "12月20日", false, today()).unwrap();
    assert_eq!((r.value.as_str(), r.label.as_str()), ("2026-12-20", "2026年12月20日（星期日）"));
    let r = read_back("会议时间", "2026-12-02 晚上7点半", true, today()).unwrap();
    assert_eq!((r.value.as_str(), r.label.as_str()), ("2026-12-02 19:30", "2026年12月2日（星期三）19:30"));
    assert!(read_back("会议时间", "1999-12-02 19:30", true, today()).is_err());
    for (name, _) in OFFERED_ZONES {
        assert!(Zone::named(name).is_ok(), "{name}");
    }
}
