//! One evening on the bench, end to end through the core: the full-meeting scenario.

use chrono::NaiveDate;

use super::fixtures::{self, accepted_topic, household, person};
use super::*;
use crate::decisions::{self, NewDecision, NewTask, TaskMode};
use crate::error::UserFacing;
use crate::minutes::{self, RevisionReason};
use crate::points::{self, PointsSource};
use crate::proceedings::{close, followup_summary};
use crate::store::Store;
use crate::testing::{count, temp_store};
use crate::topics::{self, TopicStatus};
use crate::votes::{self, Choice, VoteInput, VoteMethod, VoteResult, VoteRule};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// October: the parking decision whose task is still open when November meets.
fn october(store: &mut Store) -> String {
    let m = fixtures::meeting(store, "10月议事会", "2026-10-15T19:30:00+08:00");
    let t = accepted_topic(store, "小区停车乱");
    let item = store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap();
    let d = store
        .write(|tx| decisions::add(tx, &item.id, &NewDecision { text: "利用闲置场地施划车位".into(), act: true }))
        .unwrap();
    let task = NewTask {
        title: "施划车位".into(),
        mode: TaskMode::Undertake,
        responsible_unit: "物业公司".into(),
        person_in_charge: "周经理".into(),
        deadline: NaiveDate::from_ymd_opt(2026, 11, 10),
    };
    store.write(|tx| decisions::add_task(tx, &d.id, &task)).unwrap();
    store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    t
}

#[test]
fn a_whole_bench_meeting_from_agenda_to_close_and_reopen() {
    let (_d, mut store) = temp_store();
    let parking = october(&mut store);

    // Before the meeting.
    let m = fixtures::meeting(&mut store, "11月板凳会", "2026-11-20T20:00:00+08:00");
    let bikes = accepted_topic(&mut store, "共享单车乱停放");
    let dogs = accepted_topic(&mut store, "遛狗不牵绳");
    let bike_item = store.write(|tx| add_topic(tx, &m.id, &bikes, "张敏")).unwrap();
    let dog_item = store.write(|tx| add_topic(tx, &m.id, &dogs, "张敏")).unwrap();
    let items = agenda(store.conn(), &m.id).unwrap();
    assert_eq!(items.iter().map(|i| i.position).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(items[0].kind, AgendaKind::FollowUp);
    let follow = followup_summary(store.conn(), &m.id, today()).unwrap();
    assert_eq!(follow.len(), 1);
    assert_eq!(
        (follow[0].topic_id.as_deref(), follow[0].decision_text.as_str()),
        (Some(parking.as_str()), "利用闲置场地施划车位")
    );
    assert!(follow[0].tasks[0].overdue);

    let secretary = person(&mut store, "李书记", "党支部书记", true);
    let wang = person(&mut store, "王秀兰", "居民代表", true);
    let zhou = person(&mut store, "周经理", "物业", true);
    let absent = person(&mut store, "吴主任", "业委会", true);
    let chen = person(&mut store, "陈阿姨", "居民", false);
    store.write(|tx| invite_all_core_members(tx, &m.id)).unwrap();
    store.write(|tx| invite_stakeholder(tx, &m.id, &chen, &dogs)).unwrap();

    // Sign-in: four on the list and one walk-in; 吴主任 does not come.
    let list = participants(store.conn(), &m.id).unwrap();
    for p in list.iter().filter(|p| p.person_id.as_deref() != Some(absent.as_str())) {
        store.write(|tx| sign_in(tx, &p.id)).unwrap();
    }
    store.write(|tx| add_walk_in(tx, &m.id, "刘师傅", "外卖骑手")).unwrap();
    let att = attendance(store.conn(), &m.id).unwrap();
    assert_eq!((att.present.len(), att.absent.len()), (5, 1));
    assert_eq!(get(store.conn(), &m.id).unwrap().status, MeetingStatus::Planned, "arriving is not starting");
    let started = store.write(|tx| start(tx, &m.id)).unwrap();
    assert_eq!(started.status, MeetingStatus::InSession);
    assert!(started.started_at.is_some());

    // Speakers and minutes on two items.
    store.write(|tx| add_speaker(tx, &bike_item.id, &NewSpeaker::Person { person_id: wang.clone() })).unwrap();
    let walk_in = NewSpeaker::Named { name: "刘师傅".into(), role_label: "外卖骑手".into() };
    store.write(|tx| add_speaker(tx, &bike_item.id, &walk_in)).unwrap();
    store.write(|tx| add_speaker(tx, &dog_item.id, &NewSpeaker::Person { person_id: chen.clone() })).unwrap();
    store.write(|tx| add_speaker(tx, &dog_item.id, &NewSpeaker::Person { person_id: wang.clone() })).unwrap();
    let bike_text = format!(
        "{}单车堵住了消防通道。\n{}可以在门口划停放区。",
        speaker_line("王秀兰", "居民代表"),
        speaker_line("刘师傅", "外卖骑手")
    );
    store.write(|tx| minutes::save(tx, &bike_item.id, &bike_text)).unwrap();
    store.write(|tx| minutes::save(tx, &dog_item.id, "陈阿姨（居民）：晚上遛狗不牵绳，孩子害怕。")).unwrap();

    // A household vote that passes, a show of hands without quorum.
    let homes: Vec<String> = (1..=6).map(|i| household(&mut store, &format!("2号楼{i}01"))).collect();
    let ticks: Vec<(String, Choice)> = vec![
        (homes[0].clone(), Choice::Agree),
        (homes[1].clone(), Choice::Agree),
        (homes[2].clone(), Choice::Agree),
        (homes[3].clone(), Choice::Agree),
        (homes[4].clone(), Choice::Oppose),
    ];
    let eligible = votes::household_count(store.conn()).unwrap();
    let passed = store
        .write(|tx| votes::record_household_vote(tx, &bike_item.id, &ticks, eligible, VoteRule::MajorityEligible, None))
        .unwrap();
    assert_eq!(passed.result, VoteResult::Passed, "{}", passed.explanation);
    let hands = VoteInput {
        method: VoteMethod::Hands,
        agree: 4,
        oppose: 0,
        abstain: 1,
        present: 5,
        eligible: 12,
        rule: VoteRule::MajorityPresent,
        quorum: Some(7),
    };
    let no_quorum = store.write(|tx| votes::record(tx, &dog_item.id, &hands)).unwrap();
    assert_eq!(no_quorum.result, VoteResult::NoQuorum);
    assert_eq!(no_quorum.explanation, "到会 5 人，不足法定人数 7 人，表决无效。");

    // Decisions.
    let d = store
        .write(|tx| {
            decisions::add(tx, &bike_item.id, &NewDecision { text: "在小区门口施划共享单车停放区".into(), act: true })
        })
        .unwrap();
    let task = NewTask {
        title: "施划停放区并联系运营企业".into(),
        mode: TaskMode::Joint,
        responsible_unit: "社区居委会、物业公司".into(),
        person_in_charge: "周经理".into(),
        deadline: NaiveDate::from_ymd_opt(2026, 12, 15),
    };
    store.write(|tx| decisions::add_task(tx, &d.id, &task)).unwrap();
    store
        .write(|tx| {
            decisions::add(
                tx,
                &dog_item.id,
                &NewDecision { text: "张贴文明养犬倡议书，下次居民会议再表决".into(), act: true },
            )
        })
        .unwrap();

    // Close.
    let report = store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    assert_eq!(report.minutes_frozen, 2);
    for t in [&bikes, &dogs] {
        assert_eq!(topics::get(store.conn(), t).unwrap().status, TopicStatus::Decided);
    }
    for item in [&bike_item, &dog_item] {
        let revs = minutes::list_revisions(store.conn(), &item.id).unwrap();
        assert_eq!(revs[0].reason, RevisionReason::MeetingClose);
    }
    assert_eq!(minutes::list_revisions(store.conn(), &bike_item.id).unwrap()[0].text, bike_text);
    let balances = |store: &Store| -> Vec<i64> {
        [&secretary, &wang, &zhou, &absent, &chen].iter().map(|p| points::balance(store.conn(), p).unwrap()).collect()
    };
    // Attendance 2 each for the four roster people present; speaking 1 for 王秀兰 (two items,
    // once) and 陈阿姨; nothing for the absent 吴主任 or the walk-in.
    assert_eq!(balances(&store), vec![2, 3, 2, 0, 3]);
    assert_eq!(report.points_credited.len(), 6);
    let wang_ledger = points::ledger(store.conn(), &wang).unwrap();
    assert_eq!(
        wang_ledger.iter().map(|l| l.entry.source).collect::<Vec<_>>(),
        vec![PointsSource::Attendance, PointsSource::Speaking]
    );

    // Closed: the bench is cleared.
    let e = store.write(|tx| add_walk_in(tx, &m.id, "迟到的人", "")).unwrap_err();
    assert_eq!(e.code(), "meeting_closed");
    assert_eq!(count(&store, "meeting_participants"), 6);

    // Reopen for a correction: 吴主任 did come after all.
    store.write(|tx| reopen(tx, &m.id, "吴主任会议中途到场，补签到", "张敏")).unwrap();
    let late = participants(store.conn(), &m.id)
        .unwrap()
        .into_iter()
        .find(|p| p.person_id.as_deref() == Some(absent.as_str()))
        .unwrap();
    store.write(|tx| sign_in(tx, &late.id)).unwrap();
    let events_before = topics::timeline(store.conn(), &bikes).unwrap().len();
    let again = store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    assert_eq!(again.points_credited.len(), 1, "only the late arrival is credited");
    assert_eq!(balances(&store), vec![2, 3, 2, 2, 3]);
    assert_eq!(again.minutes_frozen, 0, "unchanged minutes are not frozen twice");
    assert!(again.topics_moved.is_empty());
    assert_eq!(topics::timeline(store.conn(), &bikes).unwrap().len(), events_before);
}
