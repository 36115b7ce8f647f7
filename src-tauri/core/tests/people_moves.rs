//! Issue 21 across the archive: the moves recorded on one laptop arrive on the other with the
//! same history and the same roster of every day, and a move made there comes back.

mod archive_common;

use archive_common::*;
use chrono::NaiveDate;
use yishi_core::archive;
use yishi_core::community::{self, LeaveReason, Leaving};
use yishi_core::store::Store;

fn person(store: &Store, name: &str) -> String {
    community::list_people(store.conn()).unwrap().into_iter().find(|p| p.name == name).unwrap().id
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn moves_travel_in_the_archive_and_both_laptops_read_the_same_roster_of_a_day() {
    let (_b_dir, mut b) = empty_store();
    let (_a_dir, mut a) = demo_store();
    let pan = person(&a, "潘晓东");
    assert_eq!(community::person_moves(a.conn(), &pan).unwrap().len(), 1, "the demo moves the 潘 family");

    let (_stick, from_a) = export(&a);
    archive::import(&mut b, &from_a).unwrap();
    assert_eq!(community::person_moves(b.conn(), &pan).unwrap(), community::person_moves(a.conn(), &pan).unwrap());
    for d in ["2026-11-07", "2026-11-08", "2026-11-20"] {
        assert_eq!(community::roster_on(b.conn(), day(d)).unwrap(), community::roster_on(a.conn(), day(d)).unwrap());
    }
    let nov7 = community::roster_on(b.conn(), day("2026-11-07")).unwrap();
    let old_home = nov7.residents[&pan].clone().unwrap();
    assert_eq!(nov7.households[&old_home].label, "3号楼1单元301");

    // The office records that 杜鹃 died; the laptop takes it back.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let du = person(&b, "杜鹃");
    let l = Leaving {
        day: "2026-11-18".into(),
        reason: LeaveReason::Died,
        note: String::new(),
        recorded_by: "李主任".into(),
    };
    b.write(|tx| community::person_leaves(tx, &du, &l)).unwrap();
    let (_stick2, from_b) = export(&b);
    archive::import(&mut a, &from_b).unwrap();
    let back = community::person_moves(a.conn(), &du).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].summary, "迁出本社区（去世）");
    assert!(!community::roster_on(a.conn(), day("2026-11-18")).unwrap().has_person(&du));
    assert!(community::get_person(a.conn(), &du).unwrap().retired);
}
