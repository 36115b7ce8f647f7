//! Scoped electorates, 应到 as of the vote's day, parts that add up, 入户征求.

use super::*;
use crate::error::UserFacing;
use crate::ids::new_id;
use crate::meetings::{self, fixtures};
use crate::store::Store;
use crate::testing::{count, temp_store};

const NOV20: &str = "2026-11-20T20:00:00+08:00";

fn place(store: &Store, name: &str, parent: Option<&str>) -> String {
    let id = new_id();
    store
        .conn()
        .execute(
            "INSERT INTO places (id, parent_id, kind, name, created_at, updated_at) \
             VALUES (?1, ?2, 'building', ?3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            rusqlite::params![id, parent, name],
        )
        .unwrap();
    id
}

/// A household registered at `created` (UTC), retired at `retired` if given.
fn household(store: &Store, label: &str, place: &str, created: &str, retired: Option<&str>) -> String {
    let id = new_id();
    store
        .conn()
        .execute(
            "INSERT INTO households (id, label, place_id, created_at, updated_at, retired_at) \
             VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
            rusqlite::params![id, label, place, created, retired],
        )
        .unwrap();
    id
}

const JAN: &str = "2026-01-05T02:00:00.000Z";

struct Estate {
    building: String,
    /// 3号楼101, 3号楼2单元501, 3号楼103 (retired after the vote), 3号楼2单元502 (registered 23:30
    /// on the vote's day, Beijing time).
    voters: Vec<String>,
    other_building: String,
    late: String,
}

fn estate(store: &Store) -> Estate {
    let building = place(store, "3号楼", None);
    let unit = place(store, "2单元", Some(&building));
    let other = place(store, "5号楼", None);
    let voters = vec![
        household(store, "3号楼101", &building, JAN, None),
        household(store, "3号楼2单元501", &unit, JAN, None),
        household(store, "3号楼103", &building, JAN, Some("2026-11-25T01:00:00.000Z")),
        household(store, "3号楼2单元502", &unit, "2026-11-20T15:30:00.000Z", None),
    ];
    household(store, "3号楼102", &building, JAN, Some("2026-11-10T01:00:00.000Z"));
    // 00:30 on 11-21 in Beijing, though still 11-20 in UTC.
    let late = household(store, "3号楼104", &building, "2026-11-20T16:30:00.000Z", None);
    let gone = household(store, "3号楼105", &building, JAN, None);
    store.conn().execute("UPDATE households SET deleted_at = ?2 WHERE id = ?1", [&gone, JAN]).unwrap();
    let other_building = household(store, "5号楼302", &other, JAN, None);
    Estate { building, voters, other_building, late }
}

fn tick(id: &str, choice: Choice) -> PartTick {
    PartTick { household_id: id.to_string(), choice, recorded_by: String::new(), how: None, recorded_at: String::new() }
}

fn visit(id: &str, choice: Choice, how: RecordedHow) -> PartTick {
    PartTick {
        recorded_by: "网格员张敏".into(),
        how: Some(how),
        recorded_at: "2026-11-21 10:00".into(),
        ..tick(id, choice)
    }
}

fn part(kind: PartKind, label: &str, ticks: Vec<PartTick>) -> NewPart {
    NewPart { kind, label: label.into(), ticks }
}

fn item(store: &mut Store) -> String {
    let m = fixtures::meeting(store, "院坝会", NOV20);
    store.write(|tx| meetings::add_other(tx, &m.id, "3号楼加装电梯")).unwrap().id
}

fn building_vote(e: &Estate, parts: Vec<NewPart>) -> PartedVote {
    PartedVote {
        scope: Scope::Place { place_id: e.building.clone() },
        rule: VoteRule::MajorityEligible,
        quorum: None,
        parts,
    }
}

#[test]
fn the_electorate_of_a_place_is_its_households_on_the_votes_day() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let v = building_vote(&e, vec![part(PartKind::Onsite, "", vec![tick(&e.voters[0], Choice::Agree)])]);
    let vote = store.write(|tx| record_in_parts(tx, &item, &v)).unwrap();
    // 101, 2单元501 (a unit below the building), 103 (retired after the vote), 2单元502
    // (registered late on the vote's day); not 102 (retired before), 104 (the next day in
    // Beijing), 105 (deleted) or 5号楼.
    assert_eq!(vote.input.eligible, 4);
    assert_eq!(vote.electorate, ElectorateKind::Place);
    assert_eq!(vote.electorate_label, "3号楼全体住户");
    assert_eq!(vote.input.method, VoteMethod::Household);
    let el = electorate(store.conn(), &Scope::Place { place_id: e.building.clone() }, "2026-12-01T16:00:00.000Z");
    assert!(el.unwrap().households.contains(&e.late), "on a later day 104 is on the roster");
}

#[test]
fn a_household_outside_the_electorate_or_counted_twice_is_refused_and_nothing_changes() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let outside = building_vote(&e, vec![part(PartKind::Onsite, "", vec![tick(&e.other_building, Choice::Agree)])]);
    let err = store.write(|tx| record_in_parts(tx, &item, &outside)).unwrap_err();
    assert_eq!(err.code(), "vote_not_in_electorate");
    assert_eq!(err.to_string(), "“5号楼302”不在这次表决的范围（3号楼全体住户）内，没有保存。");
    let late = building_vote(&e, vec![part(PartKind::Onsite, "", vec![tick(&e.late, Choice::Agree)])]);
    assert_eq!(store.write(|tx| record_in_parts(tx, &item, &late)).unwrap_err().code(), "vote_not_in_electorate");
    let twice = building_vote(
        &e,
        vec![
            part(PartKind::Onsite, "", vec![tick(&e.voters[0], Choice::Agree)]),
            part(PartKind::Online, "微信群投票", vec![tick(&e.voters[0], Choice::Oppose)]),
        ],
    );
    let err = store.write(|tx| record_in_parts(tx, &item, &twice)).unwrap_err();
    assert_eq!(err.code(), "vote_household_in_part");
    assert_eq!(err.to_string(), "“3号楼101”已在“现场”中计过票：一户只能投一票，这次没有保存。");
    for table in ["votes", "vote_parts", "vote_households"] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
}

#[test]
fn parts_add_up_and_a_household_cannot_count_twice() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let v = building_vote(
        &e,
        vec![
            part(PartKind::Onsite, "", vec![tick(&e.voters[0], Choice::Agree)]),
            part(PartKind::Online, "微信群投票", vec![tick(&e.voters[1], Choice::Oppose)]),
        ],
    );
    let first = store.write(|tx| record_in_parts(tx, &item, &v)).unwrap();
    assert_eq!((first.input.agree, first.input.oppose, first.input.present), (1, 1, 2));
    let home = part(
        PartKind::Visit,
        "",
        vec![
            visit(&e.voters[2], Choice::Agree, RecordedHow::Visit),
            visit(&e.voters[3], Choice::Agree, RecordedHow::Phone),
        ],
    );
    let vote = store.write(|tx| add_part(tx, &first.id, &home)).unwrap();
    assert_eq!((vote.input.agree, vote.input.oppose, vote.input.abstain, vote.input.present), (3, 1, 0, 4));
    assert_eq!(vote.result, VoteResult::Passed, "3 of 4 households: over half of all");
    assert!(vote.explanation.ends_with("表决通过。其中入户征求 2 户。"), "{}", vote.explanation);
    let labels: Vec<&str> = vote.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["现场", "微信群投票", "入户征求"]);
    let sum: u32 = vote.parts.iter().map(|p| p.agree + p.oppose + p.abstain).sum();
    assert_eq!(sum, vote.input.present, "the parts add up to the total");
    let phoned = vote.households.iter().find(|t| t.household_id == e.voters[3]).unwrap();
    assert_eq!((phoned.recorded_by.as_str(), phoned.recorded_how), ("网格员张敏", Some(RecordedHow::Phone)));
    assert_eq!(phoned.recorded_at.as_deref(), Some("2026-11-21T02:00:00.000Z"), "10:00 Beijing time");
    // A second entry for 3号楼101, from a ballot box opened the next morning.
    let again = part(PartKind::Box, "1号投票箱", vec![tick(&e.voters[0], Choice::Oppose)]);
    let err = store.write(|tx| add_part(tx, &vote.id, &again)).unwrap_err();
    assert_eq!(err.to_string(), "“3号楼101”已在“现场”中计过票：一户只能投一票，这次没有保存。");
    assert_eq!(get(store.conn(), &vote.id).unwrap(), vote, "nothing changed");
    assert_eq!(count(&store, "vote_parts"), 3);
}

#[test]
fn a_home_visit_says_who_how_and_when() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let cases = [
        (
            PartTick { recorded_by: "  ".into(), ..visit(&e.voters[0], Choice::Agree, RecordedHow::Visit) },
            "field_empty",
        ),
        (PartTick { how: None, ..visit(&e.voters[0], Choice::Agree, RecordedHow::Visit) }, "vote_visit_needs_how"),
        (
            PartTick { recorded_at: String::new(), ..visit(&e.voters[0], Choice::Agree, RecordedHow::Visit) },
            "field_empty",
        ),
        (
            PartTick {
                recorded_at: "2036-01-01 10:00".into(),
                ..visit(&e.voters[0], Choice::Agree, RecordedHow::Visit)
            },
            "vote_visit_in_future",
        ),
    ];
    for (t, code) in cases {
        let v = building_vote(&e, vec![part(PartKind::Visit, "", vec![t])]);
        assert_eq!(store.write(|tx| record_in_parts(tx, &item, &v)).unwrap_err().code(), code);
    }
    assert_eq!(count(&store, "votes"), 0);
}

#[test]
fn a_list_electorate_and_the_part_label_are_checked() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let scope = Scope::List { household_ids: vec![e.voters[0].clone(), e.other_building.clone()] };
    let ticks = vec![tick(&e.other_building, Choice::Agree)];
    let v = PartedVote {
        scope,
        rule: VoteRule::MajorityPresent,
        quorum: None,
        parts: vec![part(PartKind::Box, "📦1号箱", ticks)],
    };
    let vote = store.write(|tx| record_in_parts(tx, &item, &v)).unwrap();
    assert_eq!((vote.input.eligible, vote.electorate_label.as_str()), (2, "指定的2户"));
    assert_eq!(vote.parts[0].label, "📦1号箱", "emoji kept");
    let long = part(PartKind::Box, &"箱".repeat(41), vec![tick(&e.voters[0], Choice::Agree)]);
    assert_eq!(store.write(|tx| add_part(tx, &vote.id, &long)).unwrap_err().code(), "field_too_long");
    let empty = part(PartKind::Box, "2号箱", vec![]);
    assert_eq!(store.write(|tx| add_part(tx, &vote.id, &empty)).unwrap_err().code(), "vote_empty_part");
    let nobody = PartedVote { scope: Scope::List { household_ids: vec![e.late.clone()] }, ..v };
    let err = store.write(|tx| record_in_parts(tx, &item, &nobody)).unwrap_err();
    assert_eq!(err.code(), "vote_empty_electorate");
}

#[test]
fn the_decision_notice_says_whose_vote_it_was_and_shows_the_parts() {
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let item = item(&mut store);
    let home = vec![
        visit(&e.voters[2], Choice::Agree, RecordedHow::Visit),
        visit(&e.voters[3], Choice::Oppose, RecordedHow::Phone),
    ];
    let v = building_vote(
        &e,
        vec![part(PartKind::Onsite, "", vec![tick(&e.voters[0], Choice::Agree)]), part(PartKind::Visit, "", home)],
    );
    store.write(|tx| record_in_parts(tx, &item, &v)).unwrap();
    let opts = crate::printouts::LoadOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let n = crate::printouts::decision(store.conn(), &item, &opts).unwrap();
    assert_eq!(n.electorate, "3号楼全体住户");
    let rows: Vec<(&str, u32)> = n.parts.iter().map(|p| (p.label.as_str(), p.agree + p.oppose + p.abstain)).collect();
    assert_eq!(rows, [("现场", 1), ("入户征求", 2)]);
    assert!(n.result.ends_with("其中入户征求2户。"), "{}", n.result);
    let minutes = crate::printouts::minutes(store.conn(), &fixtures_meeting_of(&store, &item), &opts).unwrap();
    let printed = format!("{:?}", crate::notices::Notice::document(&minutes).unwrap().blocks);
    assert!(printed.contains("表决范围：3号楼全体住户。"), "{printed}");
    assert!(printed.contains("分项计票：现场 1 户（同意 1、反对 0、弃权 0）；入户征求 2 户"), "{printed}");
}

fn fixtures_meeting_of(store: &Store, item: &str) -> String {
    store.conn().query_row("SELECT meeting_id FROM agenda_items WHERE id = ?1", [item], |r| r.get(0)).unwrap()
}

/// Issue 21: a 一户一票 vote held in October keeps its 应到 and its households after a family
/// moves out of one of them in November and that household is ended.
#[test]
fn a_move_keeps_an_old_household_vote_right() {
    use crate::community::{self, end_household, move_person, NewMove, NewPerson};
    let (_d, mut store) = temp_store();
    let e = estate(&store);
    let oct = fixtures::meeting(&mut store, "十月院坝会", "2026-10-20T19:30:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &oct.id, "3号楼外墙维修")).unwrap().id;
    let v = building_vote(
        &e,
        vec![part(PartKind::Onsite, "", vec![tick(&e.voters[0], Choice::Agree), tick(&e.voters[1], Choice::Oppose)])],
    );
    let before = store.write(|tx| record_in_parts(tx, &item, &v)).unwrap();
    // 101, 2单元501, 103 and 102 (ended only on 11-10); not 2单元502 (registered 11-20).
    assert_eq!(before.input.eligible, 4);
    let scope = Scope::Place { place_id: e.building.clone() };
    let oct20 = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    let electorate_before = electorate_on(store.conn(), &scope, oct20).unwrap().households;

    // The 潘 family of 3号楼101 moves into a household registered in December, dated 11-10,
    // and 101 is ended that day.
    crate::time::at("2026-12-02T02:00:00Z".parse().unwrap(), || {
        let new_home = store
            .write(|tx| {
                community::add_household(
                    tx,
                    &community::NewHousehold { label: "3号楼2单元601".into(), place_id: Some(e.building.clone()) },
                )
            })
            .unwrap();
        let pan = store
            .write(|tx| {
                community::add_person(
                    tx,
                    &NewPerson {
                        name: "潘建国".into(),
                        phone: String::new(),
                        roles: vec![],
                        household_id: Some(e.voters[0].clone()),
                        place_id: None,
                        is_core_member: false,
                        note: String::new(),
                    },
                )
            })
            .unwrap();
        let m =
            NewMove { to_household_id: new_home.id.clone(), day: "2026-11-10".into(), recorded_by: "李秀英".into() };
        store.write(|tx| move_person(tx, &pan.id, &m)).unwrap();
        store.write(|tx| end_household(tx, &e.voters[0], "2026年11月10日")).unwrap();

        let after = get(store.conn(), &before.id).unwrap();
        assert_eq!(after.input.eligible, 4, "应到 of the October vote is unchanged");
        assert_eq!(after.households, before.households, "the same households, the same numbers");
        assert_eq!(after.households[0].label, "3号楼101");
        assert_eq!(electorate_on(store.conn(), &scope, oct20).unwrap().households, electorate_before);
        let nov20 = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let later = electorate_on(store.conn(), &scope, nov20).unwrap().households;
        assert!(later.contains(&new_home.id), "the new home counts from the move on");
        assert!(!later.contains(&e.voters[0]), "the ended household does not");
    });
}
