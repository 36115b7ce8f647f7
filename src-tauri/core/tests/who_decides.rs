//! Issue 22 end to end, through the core's public functions: a saved 3+N for a 小区's meeting, a
//! vote of one building's households counted in two parts with two households recorded at home,
//! an election of a 院坝长, and its 选举结果公示 printed.

use yishi_core::community::{self, NewHousehold, NewPerson, NewPlace};
use yishi_core::elections::{self, ElectionRule, NewCandidate, NewElection};
use yishi_core::meetings::{self, MeetingKind, NewMeeting, NewPattern};
use yishi_core::notices::{Notice, NoticeKind};
use yishi_core::printouts::{self, LoadOptions};
use yishi_core::store::Store;
use yishi_core::time;
use yishi_core::votes::{self, Choice, NewPart, PartKind, PartTick, PartedVote, RecordedHow, Scope, VoteRule};

fn person(store: &mut Store, name: &str, role: &str) -> String {
    let new = NewPerson {
        name: name.into(),
        phone: String::new(),
        roles: vec![role.into()],
        household_id: None,
        place_id: None,
        is_core_member: false,
        note: String::new(),
    };
    store.write(|tx| community::add_person(tx, &new)).unwrap().id
}

#[test]
fn a_3_plus_n_meeting_votes_by_building_in_parts_and_elects_a_courtyard_head() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("yishi.db")).unwrap();
    // The story runs on 2026-11-20 in Beijing, whatever the machine's clock and zone.
    let noon = chrono::DateTime::parse_from_rfc3339("2026-11-20T04:00:00Z").unwrap().to_utc();
    time::at(noon, || story(&mut store));
}

fn story(store: &mut Store) {
    let building = store
        .write(|tx| community::add_place(tx, &NewPlace { parent_id: None, kind: "楼栋".into(), name: "3号楼".into() }))
        .unwrap();
    let households: Vec<String> = (1..=6)
        .map(|i| {
            let h = NewHousehold { label: format!("3号楼{i}01"), place_id: Some(building.id.clone()) };
            store.write(|tx| community::add_household(tx, &h)).unwrap().id
        })
        .collect();
    for (name, role) in [("李红梅", "两委成员"), ("陈国强", "物业"), ("刘建国", "业委会")] {
        person(store, name, role);
    }
    let tian = person(store, "田桂兰", "居民代表");
    let pattern = NewPattern {
        name: "幸福里小区3+N".into(),
        place_id: None,
        roles: vec!["两委成员".into(), "物业".into(), "业委会".into()],
        people: vec![],
    };
    let pattern = store.write(|tx| meetings::save_pattern(tx, &pattern)).unwrap();
    let new = NewMeeting {
        kind: MeetingKind::Courtyard,
        title: "3号楼加装电梯议事会".into(),
        starts_at: "2026-11-20 19:30".into(),
        place: "3号楼前小广场".into(),
        host_name: "李红梅".into(),
        recorder_name: "张敏".into(),
        recurrence: String::new(),
    };
    let m = store.write(|tx| meetings::create(tx, &new)).unwrap();
    let invited = store.write(|tx| meetings::apply_pattern(tx, &m.id, &pattern.id)).unwrap();
    assert_eq!(invited.len(), 3, "the 3 of 3+N");

    let item = store.write(|tx| meetings::add_other(tx, &m.id, "3号楼加装电梯")).unwrap();
    let tick = |h: &String, choice| PartTick {
        household_id: h.clone(),
        choice,
        recorded_by: String::new(),
        how: None,
        recorded_at: String::new(),
    };
    let at_home = |h: &String, how| PartTick {
        recorded_by: "网格员张敏".into(),
        how: Some(how),
        recorded_at: "11月20日 上午10点".into(),
        ..tick(h, Choice::Agree)
    };
    let onsite = NewPart {
        kind: PartKind::Onsite,
        label: String::new(),
        ticks: vec![
            tick(&households[0], Choice::Agree),
            tick(&households[1], Choice::Agree),
            tick(&households[2], Choice::Oppose),
        ],
    };
    let vote = PartedVote {
        scope: Scope::Place { place_id: building.id.clone() },
        rule: VoteRule::MajorityEligible,
        quorum: None,
        parts: vec![onsite],
    };
    let v = store.write(|tx| votes::record_in_parts(tx, &item.id, &vote)).unwrap();
    let home = NewPart {
        kind: PartKind::Visit,
        label: String::new(),
        ticks: vec![at_home(&households[3], RecordedHow::Visit), at_home(&households[4], RecordedHow::Phone)],
    };
    let v = store.write(|tx| votes::add_part(tx, &v.id, &home)).unwrap();
    assert_eq!((v.input.agree, v.input.oppose, v.input.present, v.input.eligible), (4, 1, 5, 6));

    let opts = LoadOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let notice = printouts::decision(store.conn(), &item.id, &opts).unwrap();
    assert_eq!(notice.electorate, "3号楼全体住户");
    assert_eq!(notice.parts.len(), 2);
    assert!(notice.result.contains("其中入户征求2户"), "{}", notice.result);
    assert!(notice.render().is_ok());

    let election_item = store.write(|tx| meetings::add_other(tx, &m.id, "推选院坝长")).unwrap();
    let election = NewElection {
        role: "院坝长".into(),
        seats: 1,
        method: votes::VoteMethod::Hands,
        rule: ElectionRule::MajorityPresent,
        present: 9,
        candidates: vec![
            NewCandidate { person_id: Some(tian.clone()), name: String::new(), votes: 6 },
            NewCandidate { person_id: None, name: "范老汉".into(), votes: 3 },
        ],
        term_from: "2026-11-20".into(),
        term_to: "2029-11-19".into(),
    };
    let e = store.write(|tx| elections::record(tx, &election_item.id, &election)).unwrap();
    assert!(e.candidates[0].elected);
    assert!(community::get_person(store.conn(), &tian).unwrap().roles.contains(&"院坝长".to_string()));
    let printed = printouts::load(store.conn(), NoticeKind::Election, &e.id, &opts).unwrap();
    let pdf = printed.render().unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}
