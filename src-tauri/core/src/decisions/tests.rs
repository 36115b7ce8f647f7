use chrono::NaiveDate;

use super::*;
use crate::error::UserFacing;
use crate::meetings::{self, fixtures};
use crate::search::{self as find, SearchQuery};
use crate::store::Store;
use crate::testing::{count, temp_store};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn task(title: &str, deadline: Option<NaiveDate>) -> NewTask {
    NewTask {
        title: title.into(),
        mode: TaskMode::Joint,
        responsible_unit: "社区居委会、物业公司".into(),
        person_in_charge: "周经理".into(),
        deadline,
    }
}

fn topic_item(store: &mut Store) -> (String, meetings::AgendaItem) {
    let m = fixtures::meeting(store, "11月议事会", "2026-11-20T20:00:00+08:00");
    let t = fixtures::accepted_topic(store, "电动车充电桩");
    let item = store.write(|tx| meetings::add_topic(tx, &m.id, &t, "张敏")).unwrap();
    (m.id, item)
}

#[test]
fn a_decision_carries_its_topic_and_tasks() {
    let (_d, mut store) = temp_store();
    let (_m, item) = topic_item(&mut store);
    let d = store
        .write(|tx| add(tx, &item.id, &NewDecision { text: "在5号楼北侧安装充电桩10个".into(), act: true }))
        .unwrap();
    assert_eq!(d.topic_id, item.topic_id);
    let t = store.write(|tx| add_task(tx, &d.id, &task("联系供电所报装", Some(day(12, 15))))).unwrap();
    assert_eq!((t.mode.label(), t.status), ("共办", TaskStatus::NotStarted));
    assert_eq!(t.topic_id, item.topic_id);
    let listed = for_item(store.conn(), &item.id, day(12, 1)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].tasks, vec![t]);
}

#[test]
fn decisions_are_found_by_search_with_their_tasks() {
    let (_d, mut store) = temp_store();
    let (_m, item) = topic_item(&mut store);
    let d = store.write(|tx| add(tx, &item.id, &NewDecision { text: "安装充电桩".into(), act: true })).unwrap();
    store.write(|tx| add_task(tx, &d.id, &task("联系供电所报装", None))).unwrap();
    let hits = find::search(store.conn(), &SearchQuery::new("供电所")).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].record_id.as_str()), (find::DocKind::Decision, d.id.as_str()));
    store.write(|tx| update(tx, &d.id, &NewDecision { text: "安装慢充桩".into(), act: true })).unwrap();
    assert_eq!(find::search(store.conn(), &SearchQuery::new("慢充")).unwrap().total, 1);
}

#[test]
fn a_decision_not_to_act_takes_no_tasks() {
    let (_d, mut store) = temp_store();
    let (_m, item) = topic_item(&mut store);
    let d =
        store.write(|tx| add(tx, &item.id, &NewDecision { text: "场地不足，暂不安装".into(), act: false })).unwrap();
    let e = store.write(|tx| add_task(tx, &d.id, &task("安装", None))).unwrap_err();
    assert_eq!(e.code(), "decision_no_act_no_tasks");
    assert_eq!(count(&store, "tasks"), 0);
    let acting = store.write(|tx| add(tx, &item.id, &NewDecision { text: "安装".into(), act: true })).unwrap();
    store.write(|tx| add_task(tx, &acting.id, &task("安装", None))).unwrap();
    let e = store.write(|tx| update(tx, &acting.id, &NewDecision { text: "不装了".into(), act: false })).unwrap_err();
    assert_eq!(e.code(), "decision_has_tasks");
    assert_eq!(get(store.conn(), &acting.id).unwrap().text, "安装");
}

#[test]
fn blank_decisions_and_tasks_are_refused() {
    let (_d, mut store) = temp_store();
    let (_m, item) = topic_item(&mut store);
    let e = store.write(|tx| add(tx, &item.id, &NewDecision { text: " \n ".into(), act: true })).unwrap_err();
    assert_eq!(e.code(), "field_empty");
    let d = store.write(|tx| add(tx, &item.id, &NewDecision { text: "安装".into(), act: true })).unwrap();
    assert_eq!(store.write(|tx| add_task(tx, &d.id, &task("", None))).unwrap_err().code(), "field_empty");
    assert_eq!(
        store.write(|tx| add(tx, "no-item", &NewDecision { text: "x".into(), act: true })).unwrap_err().code(),
        "meeting_item_not_found"
    );
    assert_eq!((count(&store, "decisions"), count(&store, "tasks")), (1, 0));
}

#[test]
fn overdue_means_past_the_deadline_and_not_done() {
    let today = day(12, 1);
    assert!(is_overdue(Some(day(11, 30)), TaskStatus::InProgress, today));
    assert!(is_overdue(Some(day(11, 30)), TaskStatus::Blocked, today));
    assert!(!is_overdue(Some(day(12, 1)), TaskStatus::NotStarted, today), "due today");
    assert!(!is_overdue(Some(day(11, 1)), TaskStatus::Done, today));
    assert!(!is_overdue(None, TaskStatus::NotStarted, today));
}

#[test]
fn task_lists_filter_by_meeting_topic_and_state() {
    let (_d, mut store) = temp_store();
    let (meeting_id, item) = topic_item(&mut store);
    let d = store.write(|tx| add(tx, &item.id, &NewDecision { text: "安装".into(), act: true })).unwrap();
    let late = store.write(|tx| add_task(tx, &d.id, &task("报装", Some(day(11, 25))))).unwrap();
    let done = store.write(|tx| add_task(tx, &d.id, &task("选址", Some(day(11, 21))))).unwrap();
    store.write(|tx| add_task(tx, &d.id, &task("验收", None))).unwrap();
    store.conn().execute("UPDATE tasks SET status = 'done' WHERE id = ?1", [&done.id]).unwrap();
    let today = day(12, 1);
    let all =
        tasks(store.conn(), &TaskFilter { meeting_id: Some(meeting_id), ..TaskFilter::default() }, today).unwrap();
    let titles: Vec<&str> = all.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["选址", "报装", "验收"], "soonest deadline first, none last");
    let open = tasks(
        store.conn(),
        &TaskFilter { topic_id: item.topic_id.clone(), open_only: true, ..TaskFilter::default() },
        today,
    )
    .unwrap();
    assert_eq!(open.len(), 2);
    let overdue = tasks(store.conn(), &TaskFilter { overdue_only: true, ..TaskFilter::default() }, today).unwrap();
    assert_eq!(overdue.iter().map(|t| t.id.clone()).collect::<Vec<_>>(), vec![late.id]);
    assert_eq!(overdue_count(store.conn(), today).unwrap(), 1);
    assert_eq!(overdue_count(store.conn(), day(11, 25)).unwrap(), 0);
    let other =
        tasks(store.conn(), &TaskFilter { meeting_id: Some("other".into()), ..TaskFilter::default() }, today).unwrap();
    assert!(other.is_empty());
}

#[test]
fn a_deadline_before_its_meeting_or_in_year_20_is_refused_and_nothing_is_written() {
    let (_d, mut store) = temp_store();
    let (_m, item) = topic_item(&mut store);
    let d = store.write(|tx| add(tx, &item.id, &NewDecision { text: "施划停车位".into(), act: true })).unwrap();
    let before = store.write(|tx| add_task(tx, &d.id, &task("施划", Some(day(11, 19))))).unwrap_err();
    assert_eq!(before.code(), "time_too_early");
    assert!(before.message().contains("限时办结") && before.message().contains("会议日期"), "{}", before.message());
    // What an MM/DD/YYYY date field under LANG=C stored for “2026-12-20”.
    let typo = NaiveDate::from_ymd_opt(20, 12, 12).unwrap();
    let err = store.write(|tx| add_task(tx, &d.id, &task("施划", Some(typo)))).unwrap_err();
    assert_eq!(err.code(), "time_out_of_range");
    assert!(err.message().contains("限时办结"), "{}", err.message());
    assert_eq!(count(&store, "tasks"), 0);
    let same_day = store.write(|tx| add_task(tx, &d.id, &task("施划", Some(day(11, 20))))).unwrap();
    assert_eq!(same_day.deadline, Some(day(11, 20)));
}
