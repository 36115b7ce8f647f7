//! 列席: present, may speak, has no vote.

use super::fixtures::{self, person};
use super::*;
use crate::error::UserFacing;
use crate::testing::temp_store;
use crate::votes::{evaluate, VoteInput, VoteMethod, VoteResult, VoteRule};

const NOV20: &str = "2026-11-20T20:00:00+08:00";

/// A meeting of three members and two 列席, everyone signed in.
fn meeting_with_observers(store: &mut crate::store::Store) -> Meeting {
    let m = fixtures::meeting(store, "议事会", NOV20);
    for (name, role) in [("王秀兰", "居民代表"), ("李建国", "党员"), ("张敏", "网格员")] {
        let p = person(store, name, role, true);
        let row = store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap();
        store.write(|tx| sign_in(tx, &row.id)).unwrap();
    }
    let street = store.write(|tx| add_walk_in(tx, &m.id, "街道办刘科长", "街道办事处")).unwrap();
    store.write(|tx| set_observer(tx, &street.id, true)).unwrap();
    let lawyer = person(store, "陈律师", "专业人士", false);
    let row = store.write(|tx| invite_core_member(tx, &m.id, &lawyer)).unwrap();
    store.write(|tx| set_observer(tx, &row.id, true)).unwrap();
    store.write(|tx| sign_in(tx, &row.id)).unwrap();
    m
}

#[test]
fn observers_are_counted_apart_in_attendance() {
    let (_d, mut store) = temp_store();
    let m = meeting_with_observers(&mut store);
    let att = attendance(store.conn(), &m.id).unwrap();
    assert_eq!((att.present.len(), att.absent.len(), att.observers.len()), (3, 0, 2));
    assert!(att.observers.iter().all(|p| p.observer && p.attended));
    assert!(att.observers.iter().any(|p| p.name == "街道办刘科长"));
}

#[test]
fn observers_never_count_in_quorum() {
    let (_d, mut store) = temp_store();
    let m = meeting_with_observers(&mut store);
    let v = voters(store.conn(), &m.id).unwrap();
    assert_eq!(v, Voters { present: 3, eligible: 3 }, "five in the room, three with a vote");
    // A quorum of 4 is not met by 3 members and 2 列席.
    let input = VoteInput {
        method: VoteMethod::Hands,
        agree: 3,
        oppose: 0,
        abstain: 0,
        present: v.present,
        eligible: v.eligible + 1,
        rule: VoteRule::MajorityPresent,
        quorum: Some(4),
    };
    assert_eq!(evaluate(&input).unwrap().result, VoteResult::NoQuorum);
    // Given their vote back, the lawyer counts again.
    let lawyer = participants(store.conn(), &m.id).unwrap().into_iter().find(|p| p.name == "陈律师").unwrap();
    let back = store.write(|tx| set_observer(tx, &lawyer.id, false)).unwrap();
    assert!(!back.observer);
    assert_eq!(voters(store.conn(), &m.id).unwrap(), Voters { present: 4, eligible: 4 });
}

#[test]
fn a_closed_meeting_refuses_seating_an_observer() {
    let (_d, mut store) = temp_store();
    let m = meeting_with_observers(&mut store);
    let someone = participants(store.conn(), &m.id).unwrap().remove(0);
    store.write(|tx| crate::proceedings::close(tx, &m.id, "张敏")).unwrap();
    let e = store.write(|tx| set_observer(tx, &someone.id, true)).unwrap_err();
    assert_eq!(e.code(), "meeting_closed");
    assert!(!participants(store.conn(), &m.id).unwrap()[0].observer, "nothing changed");
}

#[test]
fn the_minutes_and_the_sign_in_sheet_say_who_sat_as_observer() {
    let (_d, mut store) = temp_store();
    let m = meeting_with_observers(&mut store);
    let opts = crate::printouts::LoadOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let minutes = crate::printouts::minutes(store.conn(), &m.id, &opts).unwrap();
    assert_eq!(minutes.attendees.len(), 3, "列席 are not among 参会人员");
    assert_eq!(minutes.observers, vec!["陈律师".to_string(), "街道办刘科长".to_string()]);
    let doc = crate::notices::Notice::document(&minutes).unwrap();
    let line = doc.blocks.iter().find_map(|b| match b {
        crate::pdf::Block::Line { text, .. } if text.starts_with("列席人员") => Some(text.clone()),
        _ => None,
    });
    assert_eq!(line.as_deref(), Some("列席人员：陈律师、街道办刘科长（共2人）"));
    let sheet = crate::printouts::sign_in(store.conn(), &m.id, &opts).unwrap();
    let roles: Vec<&str> = sheet.invited.iter().map(|i| i.role.as_str()).collect();
    assert_eq!(roles[3..], ["专业人士（列席）", "街道办事处（列席）"], "列席 last, marked");
}

#[test]
fn a_topics_stakeholders_are_invited_again_when_it_returns_to_a_meeting() {
    let (_d, mut store) = temp_store();
    let garage = fixtures::accepted_topic(&mut store, "地下车库地面破损、照明不足");
    let first = fixtures::meeting(&mut store, "议事会", NOV20);
    let item = store.write(|tx| add_topic(tx, &first.id, &garage, "张敏")).unwrap();
    let developer = person(&mut store, "开发商刘经理", "", false);
    let resident = person(&mut store, "黄德华", "居民代表", false);
    for p in [&developer, &resident] {
        store.write(|tx| invite_stakeholder(tx, &first.id, p, &garage)).unwrap();
    }
    // Not settled: taken off this agenda, back to the next meeting.
    store.write(|tx| remove_item(tx, &item.id, "张敏")).unwrap();
    let second = fixtures::meeting(&mut store, "议事会", "2026-12-04T19:00:00+08:00");
    store.write(|tx| add_topic(tx, &second.id, &garage, "张敏")).unwrap();
    assert_eq!(past_stakeholders(store.conn(), &garage, &second.id).unwrap(), [developer.clone(), resident.clone()]);
    let invited = store.write(|tx| invite_past_stakeholders(tx, &second.id, &garage)).unwrap();
    let names: Vec<&str> = invited.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["开发商刘经理", "黄德华"]);
    assert!(invited
        .iter()
        .all(|p| p.kind == ParticipantKind::Stakeholder && p.topic_id.as_deref() == Some(garage.as_str())));
    // Asking again invites nobody twice.
    store.write(|tx| invite_past_stakeholders(tx, &second.id, &garage)).unwrap();
    assert_eq!(participants(store.conn(), &second.id).unwrap().len(), 2);
}

#[test]
fn a_saved_pattern_invites_its_roles_and_people_once() {
    let (_d, mut store) = temp_store();
    let li = person(&mut store, "李红梅", "两委成员", false);
    let chen = person(&mut store, "陈国强", "物业", false);
    person(&mut store, "林晓", "居民", false);
    let lawyer = person(&mut store, "周律师", "专业人士", false);
    let new = NewPattern {
        name: "幸福里小区3+N🏠".into(),
        place_id: None,
        roles: vec!["两委成员".into(), "property".into()],
        people: vec![lawyer.clone(), li.clone()],
    };
    let p = store.write(|tx| save_pattern(tx, &new)).unwrap();
    assert_eq!(
        (p.name.as_str(), p.roles.clone()),
        ("幸福里小区3+N🏠", vec!["两委成员".to_string(), "物业".to_string()])
    );
    assert_eq!(list_patterns(store.conn()).unwrap(), vec![p.clone()]);
    let m = fixtures::meeting(&mut store, "议事会", NOV20);
    let invited = store.write(|tx| apply_pattern(tx, &m.id, &p.id)).unwrap();
    let mut ids: Vec<&str> = invited.iter().filter_map(|x| x.person_id.as_deref()).collect();
    ids.sort();
    let mut expected = vec![li.as_str(), chen.as_str(), lawyer.as_str()];
    expected.sort();
    assert_eq!(ids, expected, "李红梅 listed and a role holder: once");
    for (name, code) in [(" ", "field_empty"), (&"模".repeat(41)[..], "field_too_long")] {
        let bad = NewPattern { name: name.into(), ..new.clone() };
        assert_eq!(store.write(|tx| save_pattern(tx, &bad)).unwrap_err().code(), code);
    }
    assert_eq!(store.write(|tx| apply_pattern(tx, &m.id, "nope")).unwrap_err().code(), "meeting_pattern_not_found");

    // Deleted: no longer offered, and deleting it again says so; the meeting keeps its invitations.
    store.write(|tx| delete_pattern(tx, &p.id)).unwrap();
    assert!(list_patterns(store.conn()).unwrap().is_empty());
    assert_eq!(store.write(|tx| delete_pattern(tx, &p.id)).unwrap_err().code(), "meeting_pattern_not_found");
    assert_eq!(store.write(|tx| apply_pattern(tx, &m.id, &p.id)).unwrap_err().code(), "meeting_pattern_not_found");
    assert_eq!(participants(store.conn(), &m.id).unwrap().len(), invited.len());
}

/// Issue 21: someone who left the community before a meeting's day has no vote in it; in a
/// meeting before they left they still count.
#[test]
fn a_person_who_left_is_not_in_a_later_meetings_voters() {
    use crate::community::{person_leaves, LeaveReason, Leaving};
    let (_d, mut store) = temp_store();
    let oct = fixtures::meeting(&mut store, "十月议事会", "2026-10-20T19:30:00+08:00");
    let dec = fixtures::meeting(&mut store, "十二月议事会", "2026-12-20T19:30:00+08:00");
    let mut rows = Vec::new();
    for (name, role) in [("王秀兰", "居民代表"), ("李建国", "党员"), ("张敏", "网格员")] {
        let p = person(&mut store, name, role, true);
        for m in [&oct, &dec] {
            rows.push(store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap());
        }
    }
    let wang = rows[0].person_id.clone().unwrap();
    store.write(|tx| sign_in(tx, &rows[0].id)).unwrap();
    crate::time::at("2026-12-02T02:00:00Z".parse().unwrap(), || {
        let l = Leaving {
            day: "2026-11-15".into(),
            reason: LeaveReason::MovedAway,
            note: "迁往成都".into(),
            recorded_by: "张敏".into(),
        };
        store.write(|tx| person_leaves(tx, &wang, &l)).unwrap();
    });
    assert_eq!(voters(store.conn(), &oct.id).unwrap(), Voters { present: 1, eligible: 3 }, "October: before she left");
    assert_eq!(voters(store.conn(), &dec.id).unwrap(), Voters { present: 0, eligible: 2 });
    let att = attendance(store.conn(), &dec.id).unwrap();
    assert!(att.absent.iter().all(|p| p.name != "王秀兰"), "not listed as 缺席 either");
    assert_eq!(att.absent.len(), 2);
}
