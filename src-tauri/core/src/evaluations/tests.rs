use super::*;
use crate::error::UserFacing;
use crate::followup::fixtures::{day, decided_topic};
use crate::search::{self as find, SearchQuery};
use crate::store::Store;
use crate::testing::{count, temp_store};

const TODAY: (u32, u32) = (11, 21);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1)
}

/// A topic whose single task is done: 待评价.
fn awaiting(store: &mut Store) -> (String, String) {
    let (topic, tasks) = decided_topic(store, "地下车库照明", &[Some(day(11, 15))]);
    store.write(|tx| followup::set_status(tx, &tasks[0], TaskStatus::Done, "灯已换好", today(), "张敏")).unwrap();
    (topic, tasks[0].clone())
}

fn survey(topic: &str, s: u32, b: u32, u: u32) -> NewEvaluation {
    NewEvaluation {
        topic_id: topic.into(),
        task_id: None,
        satisfied: s,
        basically_satisfied: b,
        unsatisfied: u,
        method: EvalMethod::PhoneCallback,
        evaluator: "居务监督委员会 陈淑珍".into(),
        comment: "灯很亮，晚上回家安心多了".into(),
        date: today(),
        reopen: None,
    }
}

#[test]
fn a_survey_closes_the_topic_with_the_rate_in_its_timeline() {
    let (_d, mut store) = temp_store();
    let (topic, _) = awaiting(&mut store);
    let out = store.write(|tx| record(tx, &survey(&topic, 38, 2, 2), today(), "张敏")).unwrap();
    assert_eq!(out.evaluation.satisfaction.rate.display, "95.2%");
    assert_eq!(out.evaluation.satisfaction.rate.per_mille, Some(952));
    assert_eq!(out.topic.status, TopicStatus::Closed);
    let last = topics::timeline(store.conn(), &topic).unwrap().pop().unwrap();
    assert_eq!(last.note, "民事民评：满意率95.2%（满意38、基本满意2、不满意2，电话回访）");
    assert_eq!(for_topic(store.conn(), &topic).unwrap(), vec![out.evaluation.clone()]);
    let hits = find::search(store.conn(), &SearchQuery::new("回家安心")).unwrap().hits;
    assert_eq!((hits[0].kind, hits[0].record_id.as_str()), (find::DocKind::Evaluation, out.evaluation.id.as_str()));
}

#[test]
fn no_answers_is_refused_and_changes_nothing() {
    let (_d, mut store) = temp_store();
    let (topic, _) = awaiting(&mut store);
    let e = store.write(|tx| record(tx, &survey(&topic, 0, 0, 0), today(), "张敏")).unwrap_err();
    assert_eq!(e.code(), "evaluation_no_answers");
    assert_eq!(e.to_string(), "没有收到任何评价，无法计算满意度。");
    assert_eq!(count(&store, "evaluations"), 0);
    assert_eq!(topics::get(store.conn(), &topic).unwrap().status, TopicStatus::AwaitingEvaluation);
}

#[test]
fn a_poor_result_reopens_the_task_and_the_topic_with_the_reason() {
    let (_d, mut store) = temp_store();
    let (topic, task) = awaiting(&mut store);
    let mut poor = survey(&topic, 3, 2, 9);
    poor.task_id = Some(task.clone());
    poor.method = EvalMethod::SiteCheck;
    poor.reopen = Some("B区仍有三盏灯不亮".into());
    let out = store.write(|tx| record(tx, &poor, today(), "张敏")).unwrap();
    assert_eq!(out.evaluation.satisfaction.rate.display, "35.7%");
    assert_eq!(out.topic.status, TopicStatus::InProgress);
    assert_eq!(out.reopened_task.unwrap().status, TaskStatus::InProgress);
    let last = topics::timeline(store.conn(), &topic).unwrap().pop().unwrap();
    assert!(last.note.contains("B区仍有三盏灯不亮"), "{}", last.note);
    // Done again → 待评价 again, and a second survey can close it.
    store.write(|tx| followup::set_status(tx, &task, TaskStatus::Done, "已全部更换", today(), "张敏")).unwrap();
    let out = store.write(|tx| record(tx, &survey(&topic, 12, 1, 0), today(), "张敏")).unwrap();
    assert_eq!(out.topic.status, TopicStatus::Closed);
    assert_eq!(for_topic(store.conn(), &topic).unwrap().len(), 2);
}

#[test]
fn reopen_without_a_task_moves_only_the_topic_and_a_blank_reason_is_refused() {
    let (_d, mut store) = temp_store();
    let (topic, task) = awaiting(&mut store);
    let mut poor = survey(&topic, 0, 1, 5);
    poor.reopen = Some("  ".into());
    let e = store.write(|tx| record(tx, &poor, today(), "张敏")).unwrap_err();
    assert_eq!(e.code(), "evaluation_reopen_needs_reason");
    assert_eq!(count(&store, "evaluations"), 0);
    poor.reopen = Some("居民仍不满意".into());
    let out = store.write(|tx| record(tx, &poor, today(), "张敏")).unwrap();
    assert_eq!((out.topic.status, out.reopened_task), (TopicStatus::InProgress, None));
    assert_eq!(followup::task(store.conn(), &task, today()).unwrap().status, TaskStatus::Done);
}

#[test]
fn only_topics_awaiting_evaluation_take_a_survey_and_the_task_must_be_theirs() {
    let (_d, mut store) = temp_store();
    let (open_topic, open_tasks) = decided_topic(&mut store, "充电桩", &[None]);
    let e = store.write(|tx| record(tx, &survey(&open_topic, 5, 0, 0), today(), "张敏")).unwrap_err();
    assert_eq!(e.code(), "evaluation_topic_not_awaiting");
    assert!(e.to_string().contains("已议定"), "{e}");
    let (topic, _) = awaiting(&mut store);
    let mut wrong = survey(&topic, 5, 0, 0);
    wrong.task_id = Some(open_tasks[0].clone());
    assert_eq!(
        store.write(|tx| record(tx, &wrong, today(), "张敏")).unwrap_err().code(),
        "evaluation_task_not_of_topic"
    );
    let mut future = survey(&topic, 5, 0, 0);
    future.date = day(12, 1);
    assert_eq!(store.write(|tx| record(tx, &future, today(), "张敏")).unwrap_err().code(), "evaluation_date_in_future");
    assert_eq!(count(&store, "evaluations"), 0);
}

#[test]
fn closing_without_evaluation_needs_a_reason() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "养犬", &[None]);
    store.write(|tx| followup::set_status(tx, &tasks[0], TaskStatus::InProgress, "", today(), "张敏")).unwrap();
    let events = topics::timeline(store.conn(), &topic).unwrap().len();
    let e = store.write(|tx| close_without_evaluation(tx, &topic, " ", "张敏")).unwrap_err();
    assert_eq!(e.code(), "evaluation_close_needs_reason");
    assert_eq!(topics::timeline(store.conn(), &topic).unwrap().len(), events);
    let t = store.write(|tx| close_without_evaluation(tx, &topic, "养犬人已搬离", "张敏")).unwrap();
    assert_eq!(t.status, TopicStatus::Closed);
    assert_eq!(t.status_note, "未经评价办结：养犬人已搬离");
}

#[test]
fn search_docs_rebuild_what_evaluations_indexed() {
    let (_d, mut store) = temp_store();
    let (topic, _) = awaiting(&mut store);
    store.write(|tx| record(tx, &survey(&topic, 9, 1, 0), today(), "张敏")).unwrap();
    crate::followup::tests::assert_index_matches(&store, "evaluation", &search_docs(store.conn()).unwrap());
}
