//! 周周碰、月月议 travels: a meeting's recurrence and the meeting it was created from come
//! back from an export and import on another laptop.

mod archive_common;

use archive_common::*;
use yishi_core::{archive, meetings};

#[test]
fn a_recurring_meeting_and_its_next_one_travel_in_the_archive() {
    let (_b_dir, mut b) = empty_store();
    let (_a_dir, mut a) = demo_store();
    let council = meetings::list(a.conn()).unwrap().into_iter().find(|m| m.title == "十一月居民议事会").unwrap();
    assert_eq!(council.recurrence_label, "每月26日", "the demo council repeats monthly");
    let next = a.write(|tx| meetings::create_next(tx, &council.id, "张敏")).unwrap();
    assert_eq!(next.title, "十二月居民议事会");

    let (_stick, dir) = export(&a);
    archive::import(&mut b, &dir).unwrap();
    let back = meetings::get(b.conn(), &next.id).unwrap();
    assert_eq!(
        (back.recurrence.as_str(), back.previous_meeting_id.as_deref()),
        ("monthly:26", Some(council.id.as_str()))
    );
    assert_eq!(meetings::next_of(b.conn(), &council.id).unwrap().map(|m| m.id), Some(next.id.clone()));
    let e = b.write(|tx| meetings::create_next(tx, &council.id, "张敏")).unwrap_err();
    assert!(e.to_string().contains("已经创建"), "{e}");
}
