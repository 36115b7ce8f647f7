use super::fixtures::{day, decided_topic};
use super::*;
use crate::error::UserFacing;
use crate::search::{self as find, SearchQuery};
use crate::testing::{count, temp_store};
use crate::topics::{self, TopicStatus};

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];

fn note(text: &str, status: Option<TaskStatus>) -> NewNote {
    NewNote { date: day(11, 20), text: text.into(), status, photos: Vec::new(), draft_key: None }
}

#[test]
fn first_task_started_moves_topic_to_in_progress_and_all_done_to_awaiting_evaluation() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "地下车库照明", &[Some(day(11, 30)), None]);
    assert_eq!(topics::get(store.conn(), &topic).unwrap().status, TopicStatus::Decided);

    let r = store.write(|tx| set_status(tx, &tasks[0], TaskStatus::InProgress, "", day(11, 21), "张敏")).unwrap();
    assert_eq!(r.task.status, TaskStatus::InProgress);
    assert_eq!(r.topic_moves.iter().map(|m| m.to).collect::<Vec<_>>(), vec![TopicStatus::InProgress]);

    let r = store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "灯已换好", day(11, 21), "张敏")).unwrap();
    assert!(r.task.done_at.is_some());
    assert!(r.topic_moves.is_empty(), "one task is still open");
    let r = store.write(|tx| set_status(tx, &tasks[1], TaskStatus::Done, "地面已修补", day(11, 21), "张敏")).unwrap();
    assert_eq!(r.topic_moves.iter().map(|m| m.to).collect::<Vec<_>>(), vec![TopicStatus::AwaitingEvaluation]);
    let timeline = topics::timeline(store.conn(), &topic).unwrap();
    let last = timeline.last().unwrap();
    assert_eq!((last.to_status, last.note.as_str()), (TopicStatus::AwaitingEvaluation, "全部2项任务已完成"));
}

#[test]
fn finishing_a_single_task_at_once_takes_both_steps() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "楼道杂物", &[None]);
    let r = store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "", day(11, 21), "张敏")).unwrap();
    let moved: Vec<_> = r.topic_moves.iter().map(|m| m.to).collect();
    assert_eq!(moved, vec![TopicStatus::InProgress, TopicStatus::AwaitingEvaluation]);
    assert_eq!(topics::get(store.conn(), &topic).unwrap().status, TopicStatus::AwaitingEvaluation);
}

#[test]
fn reopening_a_done_task_takes_the_topic_back_to_in_progress() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "楼道杂物", &[None]);
    store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "", day(11, 21), "张敏")).unwrap();
    let r = store
        .write(|tx| add_note(tx, &tasks[0], &note("又堆满了", Some(TaskStatus::InProgress)), day(11, 22), "张敏"))
        .unwrap();
    assert_eq!(r.topic_moves[0].to, TopicStatus::InProgress);
    assert!(r.task.done_at.is_none());
    let last = topics::timeline(store.conn(), &topic).unwrap().pop().unwrap();
    assert!(last.note.contains("又堆满了"), "{}", last.note);
}

#[test]
fn blocked_needs_a_reason_and_a_refusal_changes_nothing() {
    let (_d, mut store) = temp_store();
    let (topic, tasks) = decided_topic(&mut store, "充电桩", &[None]);
    let notes_before = count(&store, "task_notes");
    let e = store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Blocked, "  ", day(11, 21), "张敏")).unwrap_err();
    assert_eq!(e.code(), "task_blocked_needs_reason");
    assert!(e.to_string().contains("受阻"));
    assert_eq!(count(&store, "task_notes"), notes_before);
    assert_eq!(followup_status(&store, &tasks[0]), TaskStatus::NotStarted);
    assert_eq!(topics::get(store.conn(), &topic).unwrap().status, TopicStatus::Decided);

    let r =
        store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Blocked, "供电所未批复", day(11, 21), "张敏")).unwrap();
    assert_eq!(r.note.text, "状态由“未开始”改为“受阻”：供电所未批复");
    let e =
        store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Blocked, "再说一次", day(11, 21), "张敏")).unwrap_err();
    assert_eq!(e.code(), "task_status_unchanged");
}

fn followup_status(store: &crate::store::Store, task_id: &str) -> TaskStatus {
    task(store.conn(), task_id, day(11, 21)).unwrap().status
}

#[test]
fn a_note_keeps_photos_is_searchable_and_refuses_future_dates_and_blank_text() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "车库地面", &[None]);
    let mut n = note("车库地面已铺设防滑层", None);
    n.photos.push(NewPhoto { file_name: "施工后.jpg".into(), bytes: JPEG.to_vec() });
    let r = store.write(|tx| add_note(tx, &tasks[0], &n, day(11, 20), "张敏")).unwrap();
    assert_eq!(r.note.photos.len(), 1);
    assert_eq!(r.task.status, TaskStatus::NotStarted, "a note alone does not move the task");
    assert_eq!(notes(store.conn(), &tasks[0]).unwrap()[0].photos[0].file_name, "施工后.jpg");
    let hits = find::search(store.conn(), &SearchQuery::new("防滑层")).unwrap().hits;
    assert_eq!((hits[0].kind, hits[0].record_id.as_str()), (find::DocKind::TaskNote, r.note.id.as_str()));

    let before = (count(&store, "task_notes"), count(&store, "attachments"));
    let mut bad = n.clone();
    bad.date = day(11, 25);
    let e = store.write(|tx| add_note(tx, &tasks[0], &bad, day(11, 20), "张敏")).unwrap_err();
    assert_eq!(e.code(), "task_note_date_in_future");
    let e = store.write(|tx| add_note(tx, &tasks[0], &note(" ", None), day(11, 20), "张敏")).unwrap_err();
    assert_eq!(e.code(), "field_empty");
    let mut not_image = note("照片", None);
    not_image.photos.push(NewPhoto { file_name: "a.txt".into(), bytes: b"hello".to_vec() });
    let e = store.write(|tx| add_note(tx, &tasks[0], &not_image, day(11, 20), "张敏")).unwrap_err();
    assert_eq!(e.code(), "attachment_not_an_image");
    assert_eq!((count(&store, "task_notes"), count(&store, "attachments")), before);
}

#[test]
fn board_flags_overdue_and_due_soon_and_counts_them_for_the_home_screen() {
    let (_d, mut store) = temp_store();
    let today = day(11, 21);
    let (topic, tasks) = decided_topic(
        &mut store,
        "车库",
        &[Some(day(11, 18)), Some(day(11, 21)), Some(day(11, 24)), Some(day(11, 25)), None],
    );
    let lines =
        board(store.conn(), &BoardFilter { topic_id: Some(topic.clone()), ..Default::default() }, today).unwrap();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0].task.id, tasks[0]);
    assert_eq!((lines[0].task.overdue, lines[0].days_overdue, lines[0].due_soon), (true, 3, false));
    assert_eq!((lines[1].task.overdue, lines[1].due_soon), (false, true), "due today is not overdue");
    assert!(lines[2].due_soon && !lines[3].due_soon && !lines[4].due_soon);
    assert_eq!(lines[0].meeting_title.as_deref(), Some("11月议事会"));
    let c = home_counts(store.conn(), today).unwrap();
    assert_eq!((c.open, c.overdue, c.due_soon, c.blocked), (5, 1, 2, 0));

    store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Done, "", today, "张敏")).unwrap();
    let c = home_counts(store.conn(), today).unwrap();
    assert_eq!((c.open, c.overdue), (4, 0));
    let all = board(store.conn(), &BoardFilter { include_done: true, ..Default::default() }, today).unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all.iter().find(|l| l.task.id == tasks[0]).unwrap().last_note.as_ref().unwrap().0, today);
}

#[test]
fn board_per_meeting_and_tasks_of_finished_topics_leave_the_board() {
    let (_d, mut store) = temp_store();
    let today = day(11, 21);
    let (topic, _tasks) = decided_topic(&mut store, "电动车", &[Some(day(11, 10))]);
    let (_other, _) = decided_topic(&mut store, "养犬", &[Some(day(11, 12))]);
    let meeting_id = board(store.conn(), &BoardFilter::default(), today).unwrap()[0].meeting_id.clone();
    let per_meeting = board(store.conn(), &BoardFilter { meeting_id, ..Default::default() }, today).unwrap();
    assert_eq!(per_meeting.len(), 1);
    store.write(|tx| topics::move_to(tx, &topic, TopicStatus::Closed, "张敏", "居民自行协商解决")).unwrap();
    assert_eq!(home_counts(store.conn(), today).unwrap().overdue, 1);
}

/// What `search_docs` gives for rebuilding the index is what live writes indexed.
pub(crate) fn assert_index_matches(store: &crate::store::Store, kind: &str, docs: &[crate::search::SearchDoc]) {
    let mut stmt = store
        .conn()
        .prepare("SELECT record_id, title, body, date FROM search_docs WHERE kind = ?1 ORDER BY record_id")
        .unwrap();
    let live: Vec<(String, String, String, String)> = stmt
        .query_map([kind], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut rebuilt: Vec<_> =
        docs.iter().map(|d| (d.record_id.clone(), d.title.clone(), d.body.clone(), d.date.to_string())).collect();
    rebuilt.sort();
    assert!(!live.is_empty());
    assert_eq!(live, rebuilt);
}

#[test]
fn search_docs_rebuild_what_notes_indexed() {
    let (_d, mut store) = temp_store();
    let (_topic, tasks) = decided_topic(&mut store, "车库", &[None]);
    store.write(|tx| add_note(tx, &tasks[0], &note("已联系施工队", None), day(11, 20), "张敏")).unwrap();
    store.write(|tx| set_status(tx, &tasks[0], TaskStatus::Blocked, "等待报价", day(11, 21), "张敏")).unwrap();
    assert_index_matches(&store, "task_note", &search_docs(store.conn()).unwrap());
}
