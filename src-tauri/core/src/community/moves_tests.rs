//! People who move: dated moves, leaving, editing and ending a household, the roster of a day.

use chrono::NaiveDate;

use super::*;
use crate::error::UserFacing;
use crate::store::Store;
use crate::testing::{count, temp_store};

fn at<T>(f: impl FnOnce() -> T) -> T {
    crate::time::at("2026-12-02T02:00:00Z".parse().unwrap(), f)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn household(store: &mut Store, label: &str) -> String {
    store.write(|tx| add_household(tx, &NewHousehold { label: label.into(), place_id: None })).unwrap().id
}

fn resident(store: &mut Store, name: &str, household: &str) -> String {
    let p = NewPerson {
        name: name.into(),
        phone: String::new(),
        roles: vec![],
        household_id: Some(household.into()),
        place_id: None,
        is_core_member: false,
        note: String::new(),
    };
    store.write(|tx| add_person(tx, &p)).unwrap().id
}

fn to(household: &str, day: &str) -> NewMove {
    NewMove { to_household_id: household.into(), day: day.into(), recorded_by: "李秀英".into() }
}

fn leaving(day: &str, reason: LeaveReason, note: &str) -> Leaving {
    Leaving { day: day.into(), reason, note: note.into(), recorded_by: "李秀英".into() }
}

#[test]
fn a_move_is_dated_history_and_the_roster_of_each_day_follows_it() {
    at(|| {
        let (_d, mut store) = temp_store();
        let a = household(&mut store, "3号楼101");
        let b = household(&mut store, "5号楼302");
        let pan = resident(&mut store, "潘建国", &a);
        let moved = store.write(|tx| move_person(tx, &pan, &to(&b, "11月10日"))).unwrap();
        assert_eq!(moved.household_label, "5号楼302");
        let history = person_moves(store.conn(), &pan).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].from_label, "3号楼101");
        assert_eq!(history[0].summary, "迁入 5号楼302");
        assert_eq!(history[0].day_label, "2026年11月10日");
        assert_eq!(history[0].recorded_by, "李秀英");
        let nov9 = roster_on(store.conn(), day("2026-11-09")).unwrap();
        assert_eq!(nov9.residents[&pan].as_deref(), Some(a.as_str()));
        assert_eq!(nov9.households[&a].members, vec![pan.clone()]);
        let nov10 = roster_on(store.conn(), day("2026-11-10")).unwrap();
        assert_eq!(nov10.residents[&pan].as_deref(), Some(b.as_str()));
        assert!(!nov10.households.contains_key(&a), "registered in December, nobody known to live there since 11-10");
    });
}

#[test]
fn refused_moves_say_why_in_chinese_and_change_nothing() {
    at(|| {
        let (_d, mut store) = temp_store();
        let a = household(&mut store, "3号楼101");
        let b = household(&mut store, "5号楼302");
        let c = household(&mut store, "6号楼🏠1");
        let pan = resident(&mut store, "潘建国", &a);
        store.write(|tx| move_person(tx, &pan, &to(&b, "2026-11-10"))).unwrap();
        let rows = count(&store, "person_moves");

        let err = store.write(|tx| move_person(tx, &pan, &to(&c, "2026-11-01"))).unwrap_err();
        assert_eq!(err.code(), "community_move_before_last_move");
        assert!(err.to_string().contains("2026年11月10日"), "{err}");

        store.write(|tx| crate::community::retire(tx, Register::Household, &c, "拆迁")).unwrap();
        let err = store.write(|tx| move_person(tx, &pan, &to(&c, "2026-11-20"))).unwrap_err();
        assert_eq!(err.code(), "community_into_ended_household");
        assert!(err.to_string().contains("6号楼🏠1"), "{err}");

        let err = store.write(|tx| move_person(tx, &pan, &to(&b, "2026-11-20"))).unwrap_err();
        assert_eq!(err.code(), "community_same_household");
        let err = store.write(|tx| move_person(tx, &pan, &to(&a, ""))).unwrap_err();
        assert_eq!(err.field(), Some("迁入日期"), "{err}");
        let err = store.write(|tx| move_person(tx, &pan, &to(&a, "2026-12-25"))).unwrap_err();
        assert_eq!(err.code(), "community_move_in_future");
        assert!(err.to_string().contains("不能晚于今天"), "{err}");
        let err =
            store.write(|tx| person_leaves(tx, &pan, &leaving("2026-11-30", LeaveReason::Other, " "))).unwrap_err();
        assert_eq!(err.field(), Some("说明"), "其他 needs a word: {err}");

        store.write(|tx| person_leaves(tx, &pan, &leaving("2026-11-30", LeaveReason::MovedAway, "迁往成都"))).unwrap();
        let err = store.write(|tx| move_person(tx, &pan, &to(&a, "2026-12-01"))).unwrap_err();
        assert_eq!(err.code(), "community_already_left");
        assert!(err.to_string().contains("潘建国已于2026年11月30日离开本社区"), "{err}");
        let err = store.write(|tx| person_leaves(tx, &pan, &leaving("2026-12-01", LeaveReason::Died, ""))).unwrap_err();
        assert_eq!(err.code(), "community_already_left");
        assert_eq!(count(&store, "person_moves"), rows + 1, "only the one leave was stored");
        let err = store.write(|tx| crate::community::restore(tx, Register::Person, &pan)).unwrap_err();
        assert_eq!(err.code(), "community_left_cannot_be_restored");
    });
}

#[test]
fn someone_who_left_is_off_the_roster_from_that_day_and_out_of_the_pickers() {
    at(|| {
        let (_d, mut store) = temp_store();
        let a = household(&mut store, "3号楼101");
        let wang = resident(&mut store, "王秀兰", &a);
        let p = store.write(|tx| person_leaves(tx, &wang, &leaving("2026-11-15", LeaveReason::Died, ""))).unwrap();
        assert!(p.retired);
        assert_eq!(p.household_id, None);
        assert_eq!(p.retired_reason, "去世（2026年11月15日）");
        assert!(roster_on(store.conn(), day("2026-11-14")).unwrap().has_person(&wang));
        assert!(!roster_on(store.conn(), day("2026-11-15")).unwrap().has_person(&wang));
        assert_eq!(person_moves(store.conn(), &wang).unwrap()[0].summary, "迁出本社区（去世）");
    });
}

#[test]
fn changing_a_household_in_the_edit_form_is_refused_as_an_undated_move() {
    at(|| {
        let (_d, mut store) = temp_store();
        let a = household(&mut store, "3号楼101");
        let b = household(&mut store, "5号楼302");
        let pan = resident(&mut store, "潘建国", &a);
        let mut edit = NewPerson {
            name: "潘建国".into(),
            phone: String::new(),
            roles: vec![],
            household_id: Some(b),
            place_id: None,
            is_core_member: false,
            note: String::new(),
        };
        let err = store.write(|tx| update_person(tx, &pan, &edit)).unwrap_err();
        assert_eq!(err.code(), "community_household_change_is_a_move");
        assert!(err.to_string().contains("迁入其他户"), "{err}");
        edit.household_id = Some(a.clone());
        edit.note = "户主".into();
        assert_eq!(store.write(|tx| update_person(tx, &pan, &edit)).unwrap().household_id, Some(a));
    });
}

#[test]
fn a_household_is_edited_with_its_head_and_ended_only_when_empty() {
    at(|| {
        let (_d, mut store) = temp_store();
        let a = household(&mut store, "3号楼101");
        let b = household(&mut store, "5号楼302");
        let pan = resident(&mut store, "潘建国", &a);
        let other = resident(&mut store, "赵强", &b);
        let edit = |label: &str, head: &str| HouseholdEdit {
            label: label.into(),
            place_id: None,
            head_person_id: Some(head.into()),
        };
        let h = store.write(|tx| update_household(tx, &a, &edit("3号楼1单元101", &pan))).unwrap();
        assert_eq!((h.label.as_str(), h.head_name.as_str()), ("3号楼1单元101", "潘建国"));
        let err = store.write(|tx| update_household(tx, &a, &edit("3号楼1单元101", &other))).unwrap_err();
        assert_eq!(err.code(), "community_head_not_member");
        let err = store.write(|tx| update_household(tx, &a, &edit("5号楼302", &pan))).unwrap_err();
        assert_eq!(err.code(), "community_duplicate");
        let err = store.write(|tx| update_household(tx, &a, &edit(" ", &pan))).unwrap_err();
        assert_eq!(err.field(), Some("户名（门牌）"));

        let err = store.write(|tx| end_household(tx, &a, "2026-11-20")).unwrap_err();
        assert_eq!(err.code(), "community_household_not_empty");
        assert!(err.to_string().contains("潘建国"), "{err}");
        store.write(|tx| move_person(tx, &pan, &to(&b, "2026-11-10"))).unwrap();
        let err = store.write(|tx| end_household(tx, &a, "2026-11-01")).unwrap_err();
        assert_eq!(err.code(), "community_end_before_last_move");
        let ended = store.write(|tx| end_household(tx, &a, "2026-11-10")).unwrap();
        assert!(ended.retired);
        assert!(ended.retired_reason.contains("2026年11月10日"), "{}", ended.retired_reason);
        assert!(roster_on(store.conn(), day("2026-11-09")).unwrap().households.contains_key(&a));
        assert!(!roster_on(store.conn(), day("2026-11-10")).unwrap().households.contains_key(&a));
    });
}
