use chrono::NaiveDate;

use super::fixtures::{self, accepted_topic, person};
use super::*;
use crate::decisions::{self, NewDecision, NewTask, TaskMode};
use crate::error::UserFacing;
use crate::proceedings::{close, followup_summary};
use crate::testing::{count, temp_store};
use crate::topics::{self, TopicStatus};

const NOV20: &str = "2026-11-20T20:00:00+08:00";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

#[test]
fn a_new_meeting_is_planned_with_the_follow_up_as_item_one() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "11月板凳会", NOV20);
    assert_eq!(m.status, MeetingStatus::Planned);
    assert_eq!(m.starts_at, "2026-11-20T12:00:00.000Z", "stored in UTC");
    let items = agenda(store.conn(), &m.id).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].position, items[0].kind, items[0].title.as_str()), (1, AgendaKind::FollowUp, FOLLOW_UP_TITLE));
}

#[test]
fn meetings_list_newest_first_and_update_changes_details() {
    let (_d, mut store) = temp_store();
    let old = fixtures::meeting(&mut store, "10月议事会", "2026-10-15T19:30:00+08:00");
    let new = fixtures::meeting(&mut store, "11月板凳会", NOV20);
    let titles: Vec<String> = list(store.conn()).unwrap().into_iter().map(|m| m.title).collect();
    assert_eq!(titles, vec![new.title.clone(), old.title.clone()]);
    let mut form = fixtures::new_meeting("11月院坝会", NOV20);
    form.kind = MeetingKind::Courtyard;
    let m = store.write(|tx| update(tx, &new.id, &form)).unwrap();
    assert_eq!((m.kind, m.title.as_str()), (MeetingKind::Courtyard, "11月院坝会"));
}

#[test]
fn a_bad_form_is_refused_and_nothing_is_written() {
    let (_d, mut store) = temp_store();
    let bad_time = fixtures::new_meeting("板凳会", "11月20日晚上");
    assert_eq!(store.write(|tx| create(tx, &bad_time)).unwrap_err().code(), "time_unreadable");
    let blank = fixtures::new_meeting("   ", NOV20);
    assert_eq!(store.write(|tx| create(tx, &blank)).unwrap_err().code(), "field_empty");
    assert_eq!(count(&store, "meetings"), 0);
    assert_eq!(count(&store, "agenda_items"), 0);
}

#[test]
fn only_accepted_topics_go_on_the_agenda() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let t = accepted_topic(&mut store, "共享单车乱停放");
    let item = store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap();
    assert_eq!((item.position, item.kind, item.title.as_str()), (2, AgendaKind::Topic, "共享单车乱停放"));
    assert_eq!(topics::get(store.conn(), &t).unwrap().status, TopicStatus::OnAgenda);
    // Already on an agenda: not accepted any more.
    let e = store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap_err();
    assert_eq!(e.code(), "meeting_topic_not_accepted");
    assert!(e.to_string().contains("议事中"), "{e}");
    assert_eq!(agenda(store.conn(), &m.id).unwrap().len(), 2);
}

#[test]
fn removing_a_topic_item_returns_the_topic_and_renumbers() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let a = accepted_topic(&mut store, "遛狗不牵绳");
    let b = accepted_topic(&mut store, "楼道堆放杂物");
    let ia = store.write(|tx| add_topic(tx, &m.id, &a, "张敏")).unwrap();
    store.write(|tx| add_topic(tx, &m.id, &b, "张敏")).unwrap();
    let left = store.write(|tx| remove_item(tx, &ia.id, "张敏")).unwrap();
    let positions: Vec<(i64, &str)> = left.iter().map(|i| (i.position, i.title.as_str())).collect();
    assert_eq!(positions, vec![(1, FOLLOW_UP_TITLE), (2, "楼道堆放杂物")]);
    assert_eq!(topics::get(store.conn(), &a).unwrap().status, TopicStatus::Accepted);
    // It can go on the agenda again.
    store.write(|tx| add_topic(tx, &m.id, &a, "张敏")).unwrap();
}

#[test]
fn an_item_with_minutes_cannot_be_removed() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let item = store.write(|tx| add_other(tx, &m.id, "通报消防检查")).unwrap();
    store.write(|tx| crate::minutes::save(tx, &item.id, "李书记：通报了上周消防检查情况。")).unwrap();
    let e = store.write(|tx| remove_item(tx, &item.id, "张敏")).unwrap_err();
    assert_eq!(e.code(), "meeting_item_has_records");
    assert_eq!(agenda(store.conn(), &m.id).unwrap().len(), 2);
}

#[test]
fn reordering_keeps_the_follow_up_first() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let a = store.write(|tx| add_other(tx, &m.id, "甲")).unwrap();
    let b = store.write(|tx| add_other(tx, &m.id, "乙")).unwrap();
    let titles = |items: Vec<AgendaItem>| items.into_iter().map(|i| i.title).collect::<Vec<_>>();
    let moved = store.write(|tx| move_item(tx, &b.id, Direction::Up)).unwrap();
    assert_eq!(titles(moved), vec![FOLLOW_UP_TITLE, "乙", "甲"]);
    let e = store.write(|tx| move_item(tx, &b.id, Direction::Up)).unwrap_err();
    assert_eq!(e.code(), "meeting_follow_up_stays_first");
    let follow = agenda(store.conn(), &m.id).unwrap()[0].id.clone();
    assert_eq!(
        store.write(|tx| move_item(tx, &follow, Direction::Down)).unwrap_err().code(),
        "meeting_follow_up_stays_first"
    );
    // At the bottom, nothing moves.
    let same = store.write(|tx| move_item(tx, &a.id, Direction::Down)).unwrap();
    assert_eq!(titles(same), vec![FOLLOW_UP_TITLE, "乙", "甲"]);
    let order = vec![follow.clone(), a.id.clone(), b.id.clone()];
    assert_eq!(titles(store.write(|tx| set_order(tx, &m.id, &order)).unwrap()), vec![FOLLOW_UP_TITLE, "甲", "乙"]);
    let short = vec![follow, a.id.clone()];
    assert_eq!(store.write(|tx| set_order(tx, &m.id, &short)).unwrap_err().code(), "meeting_order_mismatch");
}

#[test]
fn core_members_and_stakeholders_are_invited_once() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "议事会", NOV20);
    person(&mut store, "李书记", "党支部", true);
    person(&mut store, "周经理", "物业", true);
    let resident = person(&mut store, "王秀兰", "居民代表", false);
    let all = store.write(|tx| invite_all_core_members(tx, &m.id)).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(store.write(|tx| invite_all_core_members(tx, &m.id)).unwrap().len(), 2, "no duplicates");
    let t = accepted_topic(&mut store, "电动车充电桩");
    let e = store.write(|tx| invite_stakeholder(tx, &m.id, &resident, &t)).unwrap_err();
    assert_eq!(e.code(), "meeting_topic_not_on_agenda");
    store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap();
    let s = store.write(|tx| invite_stakeholder(tx, &m.id, &resident, &t)).unwrap();
    assert_eq!(
        (s.kind, s.topic_id.as_deref(), s.role_label.as_str()),
        (ParticipantKind::Stakeholder, Some(t.as_str()), "居民代表")
    );
    assert_eq!(participants(store.conn(), &m.id).unwrap().len(), 3);
    assert_eq!(
        store.write(|tx| invite_core_member(tx, &m.id, "nobody")).unwrap_err().code(),
        "meeting_person_not_found"
    );
}

#[test]
fn sign_in_is_idempotent_leaves_starting_to_her_and_can_be_undone() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let p = person(&mut store, "王秀兰", "居民代表", false);
    let invited = store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap();
    assert!(!invited.attended);
    let first = store.write(|tx| sign_in(tx, &invited.id)).unwrap();
    assert!(first.attended && first.signed_in_at.is_some());
    assert_eq!(get(store.conn(), &m.id).unwrap().status, MeetingStatus::Planned);
    std::thread::sleep(std::time::Duration::from_millis(5));
    let again = store.write(|tx| sign_in(tx, &invited.id)).unwrap();
    assert_eq!(again.signed_in_at, first.signed_in_at, "the first arrival time is kept");
    let undone = store.write(|tx| undo_sign_in(tx, &invited.id)).unwrap();
    assert!(!undone.attended && undone.signed_in_at.is_none());
    let walk_in = store.write(|tx| add_walk_in(tx, &m.id, "快递小哥刘师傅", "外卖骑手")).unwrap();
    assert!(walk_in.attended && walk_in.person_id.is_none());
    let att = attendance(store.conn(), &m.id).unwrap();
    assert_eq!((att.present.len(), att.absent.len()), (1, 1));
}

#[test]
fn speakers_and_the_quick_pick_line() {
    let (_d, mut store) = temp_store();
    assert_eq!(speaker_line("王秀兰", "居民代表"), "王秀兰（居民代表）：");
    assert_eq!(speaker_line("赵大爷", ""), "赵大爷：");
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let item = store.write(|tx| add_other(tx, &m.id, "遛狗不牵绳")).unwrap();
    let p = person(&mut store, "王秀兰", "居民代表", false);
    let invited = store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap();
    store.write(|tx| add_walk_in(tx, &m.id, "赵大爷", "")).unwrap();
    let s = store.write(|tx| add_speaker(tx, &item.id, &NewSpeaker::Person { person_id: p.clone() })).unwrap();
    assert_eq!(s.line, "王秀兰（居民代表）：");
    store.write(|tx| add_speaker(tx, &item.id, &NewSpeaker::Person { person_id: p.clone() })).unwrap();
    let named = NewSpeaker::Named { name: "周经理".into(), role_label: "物业".into() };
    store.write(|tx| add_speaker(tx, &item.id, &named)).unwrap();
    store.write(|tx| add_speaker(tx, &item.id, &named)).unwrap();
    assert_eq!(speakers(store.conn(), &item.id).unwrap().len(), 2);
    let picks = quick_pick(store.conn(), &m.id).unwrap();
    assert_eq!(picks[0].line, "赵大爷：", "present first");
    assert_eq!(picks[1].person_id.as_deref(), Some(invited.person_id.as_deref().unwrap()));
}

fn decided_topic_with_task(
    store: &mut crate::store::Store,
    meeting: &Meeting,
    title: &str,
    deadline: NaiveDate,
) -> String {
    let t = accepted_topic(store, title);
    let item = store.write(|tx| add_topic(tx, &meeting.id, &t, "张敏")).unwrap();
    let d = store
        .write(|tx| decisions::add(tx, &item.id, &NewDecision { text: format!("{title}：物业负责整改"), act: true }))
        .unwrap();
    let task = NewTask {
        title: "施划停车位".into(),
        mode: TaskMode::Undertake,
        responsible_unit: "物业公司".into(),
        person_in_charge: "周经理".into(),
        deadline: Some(deadline),
    };
    store.write(|tx| decisions::add_task(tx, &d.id, &task)).unwrap();
    t
}

#[test]
fn the_follow_up_lists_earlier_decisions_not_yet_closed() {
    let (_d, mut store) = temp_store();
    let october = fixtures::meeting(&mut store, "10月议事会", "2026-10-15T19:30:00+08:00");
    let parking =
        decided_topic_with_task(&mut store, &october, "小区停车乱", NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    let finished =
        decided_topic_with_task(&mut store, &october, "路灯不亮", NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
    store.write(|tx| close(tx, &october.id, "张敏")).unwrap();
    store
        .write(|tx| {
            topics::move_to(tx, &finished, TopicStatus::InProgress, "张敏", "")?;
            topics::move_to(tx, &finished, TopicStatus::AwaitingEvaluation, "张敏", "")?;
            topics::move_to(tx, &finished, TopicStatus::Closed, "张敏", "")
        })
        .unwrap();
    let november = fixtures::meeting(&mut store, "11月板凳会", NOV20);
    let later = fixtures::meeting(&mut store, "12月板凳会", "2026-12-20T20:00:00+08:00");
    decided_topic_with_task(&mut store, &later, "不该出现", NaiveDate::from_ymd_opt(2027, 1, 10).unwrap());
    let lines = followup_summary(store.conn(), &november.id, today()).unwrap();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert_eq!(line.topic_id.as_deref(), Some(parking.as_str()));
    assert_eq!((line.topic_title.as_str(), line.topic_status_label.as_str()), ("小区停车乱", "已议定"));
    assert_eq!(line.meeting_title, "10月议事会");
    assert_eq!(line.tasks.len(), 1);
    assert!(line.tasks[0].overdue, "deadline 11-30 is before 12-01");
    let on_deadline =
        followup_summary(store.conn(), &november.id, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()).unwrap();
    assert!(!on_deadline[0].tasks[0].overdue, "due today is not overdue");
}

#[test]
fn closing_moves_topics_by_what_was_decided() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let act = accepted_topic(&mut store, "地下车库照明");
    let no_act = accepted_topic(&mut store, "加装电梯");
    let none = accepted_topic(&mut store, "广场舞噪音");
    let items: Vec<AgendaItem> =
        [&act, &no_act, &none].iter().map(|t| store.write(|tx| add_topic(tx, &m.id, t, "张敏")).unwrap()).collect();
    store
        .write(|tx| decisions::add(tx, &items[0].id, &NewDecision { text: "开发商出资修复照明".into(), act: true }))
        .unwrap();
    store
        .write(|tx| {
            decisions::add(tx, &items[1].id, &NewDecision { text: "费用超出预算，暂不实施".into(), act: false })
        })
        .unwrap();
    let report = store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    assert_eq!(report.meeting.status, MeetingStatus::Closed);
    assert!(report.meeting.closed_at.is_some());
    let status = |t: &str| topics::get(store.conn(), t).unwrap();
    assert_eq!(status(&act).status, TopicStatus::Decided);
    let closed = status(&no_act);
    assert_eq!(closed.status, TopicStatus::Closed);
    assert!(closed.status_note.contains("费用超出预算，暂不实施"), "{}", closed.status_note);
    assert_eq!(status(&none).status, TopicStatus::Accepted, "undecided topics go back to the pool");
    assert_eq!(report.topics_moved.len(), 3);
}

#[test]
fn a_closed_meeting_refuses_edits_until_reopened() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let p = person(&mut store, "王秀兰", "居民代表", false);
    let invited = store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap();
    let item = store.write(|tx| add_other(tx, &m.id, "通报")).unwrap();
    let t = accepted_topic(&mut store, "垃圾分类");
    store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    let before: Vec<i64> = ["agenda_items", "meeting_participants", "speakers", "votes", "decisions"]
        .iter()
        .map(|t| count(&store, t))
        .collect();
    let hands = crate::votes::VoteInput {
        method: crate::votes::VoteMethod::Hands,
        agree: 3,
        oppose: 0,
        abstain: 0,
        present: 3,
        eligible: 5,
        rule: crate::votes::VoteRule::MajorityPresent,
        quorum: None,
    };
    let codes = vec![
        store.write(|tx| add_other(tx, &m.id, "补充事项")).unwrap_err().code(),
        store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap_err().code(),
        store.write(|tx| remove_item(tx, &item.id, "张敏")).unwrap_err().code(),
        store.write(|tx| move_item(tx, &item.id, Direction::Up)).unwrap_err().code(),
        store.write(|tx| sign_in(tx, &invited.id)).unwrap_err().code(),
        store.write(|tx| add_walk_in(tx, &m.id, "赵大爷", "")).unwrap_err().code(),
        store.write(|tx| invite_all_core_members(tx, &m.id)).unwrap_err().code(),
        store.write(|tx| add_speaker(tx, &item.id, &NewSpeaker::Person { person_id: p.clone() })).unwrap_err().code(),
        store.write(|tx| update(tx, &m.id, &fixtures::new_meeting("改名", NOV20))).unwrap_err().code(),
        store.write(|tx| crate::votes::record(tx, &item.id, &hands)).unwrap_err().code(),
        store
            .write(|tx| decisions::add(tx, &item.id, &NewDecision { text: "补一条".into(), act: true }))
            .unwrap_err()
            .code(),
        store.write(|tx| close(tx, &m.id, "张敏")).unwrap_err().code(),
    ];
    assert!(codes.iter().all(|c| *c == "meeting_closed"), "{codes:?}");
    let after: Vec<i64> = ["agenda_items", "meeting_participants", "speakers", "votes", "decisions"]
        .iter()
        .map(|t| count(&store, t))
        .collect();
    assert_eq!(before, after);
    assert_eq!(topics::get(store.conn(), &t).unwrap().status, TopicStatus::Accepted);
    let e = store.write(|tx| sign_in(tx, &invited.id)).unwrap_err();
    assert!(e.to_string().contains("重新打开"), "{e}");
}

#[test]
fn reopening_needs_a_reason_logs_it_and_leaves_timelines_alone() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let t = accepted_topic(&mut store, "楼道照明");
    let item = store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap();
    store.write(|tx| decisions::add(tx, &item.id, &NewDecision { text: "更换声控灯".into(), act: true })).unwrap();
    assert_eq!(store.write(|tx| reopen(tx, &m.id, "改错字", "张敏")).unwrap_err().code(), "meeting_not_closed");
    store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    let events = topics::timeline(store.conn(), &t).unwrap().len();
    assert_eq!(store.write(|tx| reopen(tx, &m.id, "  ", "张敏")).unwrap_err().code(), "field_empty");
    assert_eq!(get(store.conn(), &m.id).unwrap().status, MeetingStatus::Closed);
    let r = store.write(|tx| reopen(tx, &m.id, "记录中发言人姓名写错", "张敏")).unwrap();
    assert_eq!(r.status, MeetingStatus::InSession);
    assert!(r.closed_at.is_none());
    assert!(r.reopen_note.contains("张敏重新打开：记录中发言人姓名写错"), "{}", r.reopen_note);
    assert_eq!(topics::timeline(store.conn(), &t).unwrap().len(), events, "timeline untouched");
    store.write(|tx| add_other(tx, &m.id, "更正")).unwrap();
    store.write(|tx| close(tx, &m.id, "张敏")).unwrap();
    assert_eq!(topics::get(store.conn(), &t).unwrap().status, TopicStatus::Decided, "not moved twice");
    let r = store.write(|tx| reopen(tx, &m.id, "补记表决票数", "李书记")).unwrap();
    assert_eq!(r.reopen_note.lines().count(), 2, "every reopening is kept");
}

#[test]
fn a_close_that_fails_half_way_changes_nothing() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let t = accepted_topic(&mut store, "楼道照明");
    let item = store.write(|tx| add_topic(tx, &m.id, &t, "张敏")).unwrap();
    store.write(|tx| crate::minutes::save(tx, &item.id, "王秀兰（居民代表）：灯坏了三个月。")).unwrap();
    store.write(|tx| decisions::add(tx, &item.id, &NewDecision { text: "更换声控灯".into(), act: true })).unwrap();
    let p = person(&mut store, "王秀兰", "居民代表", true);
    let invited = store.write(|tx| invite_core_member(tx, &m.id, &p)).unwrap();
    store.write(|tx| sign_in(tx, &invited.id)).unwrap();
    store.write(|tx| start(tx, &m.id)).unwrap();
    // Points are credited after the minutes are frozen and the topic moved: break the rules.
    store
        .conn()
        .execute(
            "INSERT INTO app_settings (id, value, created_at, updated_at) VALUES ('points_rules', '坏了', 'x', 'x')",
            [],
        )
        .unwrap();
    let e = store.write(|tx| close(tx, &m.id, "张敏")).unwrap_err();
    assert_eq!(e.code(), "points_rules_damaged");
    assert_eq!(get(store.conn(), &m.id).unwrap().status, MeetingStatus::InSession);
    assert_eq!(topics::get(store.conn(), &t).unwrap().status, TopicStatus::OnAgenda);
    assert_eq!(count(&store, "minutes_revisions"), 0);
    assert_eq!(count(&store, "points_entries"), 0);
}

#[test]
fn a_retired_core_member_is_not_invited_with_the_others() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "板凳会", NOV20);
    let wang = person(&mut store, "王秀兰", "居民代表", true);
    let li = person(&mut store, "李书记", "两委成员", true);
    store.write(|tx| crate::community::retire(tx, crate::community::Register::Person, &li, "调走")).unwrap();
    let invited = store.write(|tx| invite_all_core_members(tx, &m.id)).unwrap();
    let ids: Vec<_> = invited.iter().filter_map(|p| p.person_id.clone()).collect();
    assert_eq!(ids, vec![wang]);
}
