use super::fixtures::{day, decided_topic};
use super::*;
use crate::error::UserFacing;
use crate::testing::{count, temp_store};

#[test]
fn an_extension_keeps_the_first_deadline_the_reason_and_a_note_and_the_counts_stay_honest() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 20))]);
    let r = store
        .write(|tx| extend_deadline(tx, &tasks[0], day(12, 10), "灯具缺货，厂家12月初到货", day(11, 22), "张敏"))
        .unwrap();
    assert_eq!(r.task.deadline, Some(day(12, 10)));
    assert!(!r.task.overdue, "the new deadline is ahead");
    assert_eq!(r.note.text, "完成时限由2026年11月20日延至2026年12月10日：灯具缺货，厂家12月初到货");
    let history = changes(store.conn(), &tasks[0]).unwrap();
    assert_eq!((history[0].old_value.as_str(), history[0].new_value.as_str()), ("2026-11-20", "2026-12-10"));
    let lines = board(store.conn(), &BoardFilter::default(), day(11, 22)).unwrap();
    assert_eq!(lines[0].first_deadline, Some(day(11, 20)));
    let counts = home_counts(store.conn(), day(11, 22)).unwrap();
    assert_eq!((counts.overdue, counts.extended_past_first_deadline), (0, 1), "late on the first deadline, shown");
    // A second extension keeps the meeting's deadline as the first.
    store.write(|tx| extend_deadline(tx, &tasks[0], day(12, 20), "施工队排期", day(11, 25), "张敏")).unwrap();
    let lines = board(store.conn(), &BoardFilter::default(), day(11, 25)).unwrap();
    assert_eq!(lines[0].first_deadline, Some(day(11, 20)));
}

#[test]
fn an_extension_must_be_later_with_a_reason_and_a_refusal_changes_nothing() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 30))]);
    let before = (count(&store, "task_changes"), count(&store, "task_notes"));
    let earlier =
        store.write(|tx| extend_deadline(tx, &tasks[0], day(11, 28), "提前", day(11, 22), "张敏")).unwrap_err();
    assert_eq!((earlier.code(), earlier.field()), ("task_deadline_not_later", Some("新的完成时限")));
    let past = store.write(|tx| extend_deadline(tx, &tasks[0], day(11, 21), "x", day(11, 22), "张敏")).unwrap_err();
    assert_eq!(past.code(), "task_deadline_in_past");
    let no_reason =
        store.write(|tx| extend_deadline(tx, &tasks[0], day(12, 30), "  ", day(11, 22), "张敏")).unwrap_err();
    assert_eq!(no_reason.field(), Some("延期原因"));
    let huge = "慢".repeat(200_001);
    let too_long =
        store.write(|tx| extend_deadline(tx, &tasks[0], day(12, 30), &huge, day(11, 22), "张敏")).unwrap_err();
    assert_eq!(too_long.field(), Some("延期原因"));
    assert_eq!((count(&store, "task_changes"), count(&store, "task_notes")), before);
    assert_eq!(task(store.conn(), &tasks[0], day(11, 22)).unwrap().deadline, Some(day(11, 30)));
}

#[test]
fn a_reassignment_keeps_who_had_it_and_the_board_filters_by_unit_and_person() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 30)), Some(day(11, 30))]);
    let r = store
        .write(|tx| reassign(tx, &tasks[0], "社区居委会", "周经理", "物业合同到期，由居委会牵头", day(11, 22), "张敏"))
        .unwrap();
    assert_eq!(r.task.responsible_unit, "社区居委会");
    assert_eq!(r.note.text, "承办单位由“物业公司”改为“社区居委会”：物业合同到期，由居委会牵头");
    assert_eq!(changes(store.conn(), &tasks[0]).unwrap().len(), 1, "the person did not change");
    let same = store.write(|tx| reassign(tx, &tasks[0], "社区居委会", "周经理", "再次", day(11, 22), "张敏"));
    assert_eq!(same.unwrap_err().code(), "task_nothing_reassigned");
    let by = |unit: Option<&str>, person: Option<&str>| {
        let f = BoardFilter {
            responsible_unit: unit.map(str::to_string),
            person_in_charge: person.map(str::to_string),
            ..BoardFilter::default()
        };
        board(store.conn(), &f, day(11, 22)).unwrap().into_iter().map(|l| l.task.id).collect::<Vec<_>>()
    };
    assert_eq!(by(Some("社区居委会"), None), vec![tasks[0].clone()]);
    assert_eq!(by(Some("物业公司"), Some("周经理")), vec![tasks[1].clone()]);
    assert_eq!(by(None, Some("周经理")).len(), 2);
}

#[test]
fn a_done_task_is_not_extended() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 30)), None]);
    store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "灯已换好", day(11, 21), "张敏")).unwrap();
    let e = store.write(|tx| extend_deadline(tx, &tasks[0], day(12, 30), "x", day(11, 22), "张敏")).unwrap_err();
    assert_eq!(e.code(), "task_change_done");
}

#[test]
fn a_task_added_after_the_meeting_closed_says_who_and_why_and_reopens_a_topic_waiting_for_evaluation() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 30))]);
    store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "灯已换好", day(11, 21), "张敏")).unwrap();
    assert_eq!(
        crate::topics::get(store.conn(), &topic).unwrap().status,
        crate::topics::TopicStatus::AwaitingEvaluation
    );
    let decision = task(store.conn(), &tasks[0], day(11, 22)).unwrap().decision_id.unwrap();
    let new = crate::decisions::NewTask {
        title: "车库出口加装反光镜".into(),
        mode: crate::decisions::TaskMode::SelfRun,
        responsible_unit: "社区居委会".into(),
        person_in_charge: "张敏".into(),
        deadline: Some(day(12, 15)),
    };
    let empty = store.write(|tx| add_task_after_meeting(tx, &decision, &new, " ", day(11, 22), "张敏")).unwrap_err();
    assert_eq!(empty.field(), Some("增补原因"));
    let r = store
        .write(|tx| add_task_after_meeting(tx, &decision, &new, "居民反映出口拐弯看不见来车", day(11, 22), "张敏"))
        .unwrap();
    assert_eq!(r.note.text, "会后增补（张敏）：居民反映出口拐弯看不见来车");
    assert_eq!(r.topic_moves.iter().map(|m| m.to).collect::<Vec<_>>(), vec![crate::topics::TopicStatus::InProgress]);
    let c = changes(store.conn(), &r.task.id).unwrap();
    assert_eq!(
        (c[0].field.as_str(), c[0].new_value.as_str(), c[0].actor.as_str()),
        ("added", "车库出口加装反光镜", "张敏")
    );
}
