use super::*;
use crate::error::UserFacing;
use crate::store::Store;
use crate::testing::{count, temp_store};
use TopicStatus::*;

fn new_topic(title: &str) -> NewTopic {
    NewTopic {
        title: title.into(),
        description: "3号楼地下车库灯不亮，地面破损，晚上回家很危险。".into(),
        channel: Channel::Wechat,
        raised_by_person_id: None,
        raised_by_name: "王秀兰".into(),
        raised_by_phone: "13812345678".into(),
        raised_at: None,
        place_id: None,
        category_id: None,
        handling_class: HandlingClass::Community,
        scale: Scale::Minor,
    }
}

fn create_one(store: &mut Store, title: &str) -> Topic {
    store.write(|tx| create(tx, &new_topic(title), "王秀兰")).expect("create")
}

fn step(store: &mut Store, id: &str, to: TopicStatus, note: &str) -> Result<Topic, TopicError> {
    store.write(|tx| move_to(tx, id, to, "李书记", note))
}

#[test]
fn a_new_topic_is_collected_with_a_first_timeline_line() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "地下车库照明损坏");
    assert_eq!(t.status, Collected);
    let events = timeline(store.conn(), &t.id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].to_status, Collected);
    assert_eq!(events[0].actor, "王秀兰");
}

#[test]
fn the_whole_main_line_writes_one_event_per_step() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "小区停车乱");
    for to in [Accepted, OnAgenda, Decided, InProgress, AwaitingEvaluation, Closed] {
        let moved = step(&mut store, &t.id, to, "").unwrap_or_else(|e| panic!("{to:?}: {e}"));
        assert_eq!(moved.status, to);
    }
    let events = timeline(store.conn(), &t.id).unwrap();
    assert_eq!(events.len(), 7);
    assert_eq!(events[6].from_status, Some(AwaitingEvaluation));
}

#[test]
fn every_side_exit_and_back_step_is_reachable() {
    let (_d, mut store) = temp_store();
    let cases: &[(&[TopicStatus], TopicStatus, &str)] = &[
        (&[], DoneOnSpot, "网格员当场清理了楼道杂物"),
        (&[], Escalated, "上报街道城管科"),
        (&[Accepted], Escalated, "上报区住建局"),
        (&[], Rejected, "属于业主私人纠纷，建议走法律途径"),
        (&[Accepted], Rejected, "重复提出"),
        (&[Accepted, OnAgenda], Accepted, ""),
        (&[Accepted, OnAgenda, Decided], Closed, "经议定不予实施：费用超出预算"),
        (&[Accepted, OnAgenda, Decided, InProgress], Closed, "居民已搬离，不再评价"),
        (&[Accepted, OnAgenda, Decided, InProgress, AwaitingEvaluation], InProgress, "回访不满意，返工"),
    ];
    for (path, to, note) in cases {
        let t = create_one(&mut store, "楼道堆放杂物");
        for s in path.iter() {
            step(&mut store, &t.id, *s, "").unwrap();
        }
        let moved = step(&mut store, &t.id, *to, note).unwrap_or_else(|e| panic!("{path:?} → {to:?}: {e}"));
        assert_eq!(moved.status, *to);
        assert_eq!(moved.status_note, *note);
    }
}

#[test]
fn illegal_moves_are_typed_errors_and_change_nothing() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "共享单车乱停");
    let events_before = count(&store, "topic_events");
    for to in [OnAgenda, Decided, InProgress, AwaitingEvaluation, Closed, Collected] {
        let err = step(&mut store, &t.id, to, "理由").unwrap_err();
        assert!(matches!(err, TopicError::IllegalMove { from: Collected, .. }), "{to:?}: {err}");
        assert_eq!(err.code(), "topic_illegal_move");
        assert!(err.to_string().contains("已收集"), "{err}");
    }
    step(&mut store, &t.id, Rejected, "不属于社区职责").unwrap();
    let err = step(&mut store, &t.id, Accepted, "").unwrap_err();
    assert!(matches!(err, TopicError::IllegalMove { from: Rejected, to: Accepted }));
    assert_eq!(count(&store, "topic_events"), events_before + 1);
    assert_eq!(get(store.conn(), &t.id).unwrap().status, Rejected);
}

#[test]
fn rejection_without_a_reason_is_refused() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "遛狗不牵绳");
    for note in ["", "   ", "\n"] {
        let err = step(&mut store, &t.id, Rejected, note).unwrap_err();
        assert!(matches!(err, TopicError::NoteRequired { to: Rejected }), "{err}");
        assert!(err.to_string().contains("不予受理的理由"), "{err}");
    }
    assert_eq!(get(store.conn(), &t.id).unwrap().status, Collected);
}

#[test]
fn merge_moves_the_duplicate_and_notes_both_timelines() {
    let (_d, mut store) = temp_store();
    let keep = create_one(&mut store, "电动车充电桩");
    let dup = create_one(&mut store, "想装充电桩");
    let merged = store.write(|tx| merge(tx, &dup.id, &keep.id, "李书记")).unwrap();
    assert_eq!(merged.status, Merged);
    assert_eq!(merged.merged_into_id.as_deref(), Some(keep.id.as_str()));
    let kept_events = timeline(store.conn(), &keep.id).unwrap();
    assert!(kept_events.last().unwrap().note.contains("想装充电桩"));
}

#[test]
fn merge_into_itself_or_into_a_closed_topic_is_refused() {
    let (_d, mut store) = temp_store();
    let a = create_one(&mut store, "夜间广场舞音乐扰民");
    let b = create_one(&mut store, "广场舞太吵");
    let err = store.write(|tx| merge(tx, &a.id, &a.id, "李书记")).unwrap_err();
    assert!(matches!(err, TopicError::MergeIntoItself));
    step(&mut store, &b.id, Rejected, "已调解").unwrap();
    let err = store.write(|tx| merge(tx, &a.id, &b.id, "李书记")).unwrap_err();
    assert!(matches!(err, TopicError::MergeTargetClosed { .. }), "{err}");
    assert_eq!(get(store.conn(), &a.id).unwrap().status, Collected);
}

#[test]
fn empty_invisible_or_too_long_titles_are_refused_and_nothing_is_written() {
    let (_d, mut store) = temp_store();
    for title in ["", "   ", "\u{FEFF}\u{200B}", &"长".repeat(201)] {
        let err = store.write(|tx| create(tx, &new_topic(title), "王秀兰")).unwrap_err();
        assert!(matches!(err, TopicError::Invalid(_)), "{title:?}: {err}");
    }
    assert_eq!(count(&store, "topics"), 0);
    assert_eq!(count(&store, "topic_events"), 0);
    assert_eq!(count(&store, "search_docs"), 0);
}

#[test]
fn emoji_rare_characters_sql_and_long_text_are_stored_faithfully() {
    let (_d, mut store) = temp_store();
    let mut t = new_topic("𠀀䶮 路灯坏了😀 '); DROP TABLE topics;--");
    t.description = "夜里路灯不亮。".repeat(7200);
    let saved = store.write(|tx| create(tx, &t, "王秀兰")).unwrap();
    let read = get(store.conn(), &saved.id).unwrap();
    assert_eq!(read.title, t.title);
    assert_eq!(read.description, t.description);
    assert!(read.description.chars().count() >= 50_000);
}

#[test]
fn a_title_pasted_from_wechat_saves_without_its_invisible_characters_and_is_found() {
    let (_d, mut store) = temp_store();
    let mut t = new_topic("\u{FEFF}车库\u{200B}照明\u{0000}不足");
    t.description = "灯坏了\u{200D}\r\n一家人👨\u{200D}👩\u{200D}👧都怕黑".into();
    let saved = store.write(|tx| create(tx, &t, "王秀兰")).unwrap();
    let read = get(store.conn(), &saved.id).unwrap();
    assert_eq!(read.title, "车库照明不足");
    assert_eq!(read.description, "灯坏了\n一家人👨\u{200D}👩\u{200D}👧都怕黑", "the emoji family stays whole");
    let found = crate::search::search(store.conn(), &crate::search::SearchQuery::new("车库照明")).unwrap();
    assert!(found.hits.iter().any(|h| h.record_id == saved.id), "found by the clean title");
}

#[test]
fn an_unknown_category_is_refused_with_a_clear_message() {
    let (_d, mut store) = temp_store();
    let mut t = new_topic("便民桥被水淹");
    t.category_id = Some("no-such-category".into());
    let err = store.write(|tx| create(tx, &t, "王秀兰")).unwrap_err();
    assert!(matches!(err, TopicError::UnknownReference { .. }), "{err}");
    assert_eq!(count(&store, "topics"), 0);
}

#[test]
fn editing_keeps_the_old_text_in_the_timeline() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "车库照明");
    let mut edit = new_topic("地下车库照明和地面破损");
    edit.description = "补充：地面有积水。".into();
    let updated = store.write(|tx| update(tx, &t.id, &edit, "张敏")).unwrap();
    assert_eq!(updated.title, "地下车库照明和地面破损");
    let last = timeline(store.conn(), &t.id).unwrap().pop().unwrap();
    assert!(last.note.contains("车库照明"), "{}", last.note);
    assert!(last.note.contains("3号楼地下车库灯不亮"), "{}", last.note);
}

#[test]
fn review_queue_puts_urgent_first_then_oldest() {
    let (_d, mut store) = temp_store();
    let mut old = new_topic("老问题");
    old.raised_at = Some("2026-03-01T08:00:00Z".into());
    let mut newer = new_topic("新问题");
    newer.raised_at = Some("2026-05-01T08:00:00Z".into());
    let mut urgent = new_topic("便民桥被水冲坏");
    urgent.scale = Scale::Urgent;
    urgent.raised_at = Some("2026-06-01T08:00:00Z".into());
    for t in [&newer, &old, &urgent] {
        store.write(|tx| create(tx, t, "王秀兰")).unwrap();
    }
    let titles: Vec<_> = review_queue(store.conn()).unwrap().into_iter().map(|t| t.title).collect();
    assert_eq!(titles, ["便民桥被水冲坏", "老问题", "新问题"]);
}

#[test]
fn list_filters_by_status_and_date_and_counts_by_status() {
    let (_d, mut store) = temp_store();
    let a = create_one(&mut store, "甲");
    create_one(&mut store, "乙");
    step(&mut store, &a.id, Accepted, "").unwrap();
    let accepted = list(store.conn(), &TopicFilter { statuses: vec![Accepted], ..Default::default() }).unwrap();
    assert_eq!(accepted.len(), 1);
    let far_future = chrono::NaiveDate::from_ymd_opt(2999, 1, 1);
    let none = list(store.conn(), &TopicFilter { from: far_future, ..Default::default() }).unwrap();
    assert!(none.is_empty());
    assert_eq!(counts_by_status(store.conn()).unwrap(), vec![(Collected, 1), (Accepted, 1)]);
}

#[test]
fn topics_are_found_by_search_right_after_they_are_written() {
    let (_d, mut store) = temp_store();
    let t = create_one(&mut store, "地下车库照明损坏");
    let found = crate::search::search(store.conn(), &crate::search::SearchQuery::new("车库")).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].record_id, t.id);
}

#[test]
fn closed_lists_serialize_as_their_storage_names() {
    for c in Channel::ALL {
        let json = serde_json::to_string(c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
        assert_eq!(serde_json::from_str::<Channel>(&json).unwrap(), *c);
    }
    assert!(serde_json::from_str::<Channel>("\"carrier_pigeon\"").is_err());
}

#[test]
fn a_topic_takes_phones_as_the_roster_does_and_names_the_field_when_refusing() {
    let (_d, mut store) = temp_store();
    let mut new = new_topic("楼道灯不亮");
    new.raised_by_phone = "１３８ １２３４ ５６７８".into();
    let t = store.write(|tx| create(tx, &new, "张敏")).unwrap();
    assert_eq!(t.raised_by_phone, "138 1234 5678", "full-width digits stored as ASCII, spacing kept");
    for bad in ["5678", "138123456", "一三八"] {
        new.raised_by_phone = bad.into();
        let err = store.write(|tx| create(tx, &new, "张敏")).unwrap_err();
        assert_eq!(err.code(), "topic_bad_phone");
        assert!(err.message().starts_with(&format!("联系电话“{bad}”")), "{}", err.message());
        // The roster refuses the same number with the same words.
        let person = crate::community::NewPerson {
            name: "王秀兰".into(),
            phone: bad.into(),
            roles: Vec::new(),
            household_id: None,
            place_id: None,
            is_core_member: false,
            note: String::new(),
        };
        let roster = store.write(|tx| crate::community::add_person(tx, &person)).unwrap_err();
        assert_eq!(roster.message(), err.message());
        let edit = store.write(|tx| update(tx, &t.id, &new, "张敏")).unwrap_err();
        assert_eq!(edit.code(), "topic_bad_phone", "an edit is checked too");
    }
    assert_eq!(count(&store, "topics"), 1, "nothing written for a refused phone");
    assert_eq!(get(store.conn(), &t.id).unwrap().raised_by_phone, "138 1234 5678", "the refused edit changed nothing");
    new.raised_by_phone = "0531-88886666".into();
    assert_eq!(store.write(|tx| update(tx, &t.id, &new, "张敏")).unwrap().raised_by_phone, "0531-88886666");
}

#[test]
fn a_review_decision_is_taken_back_with_its_reason_and_both_steps_stay_in_the_timeline() {
    let (_dir, mut store) = temp_store();
    let t = create_one(&mut store, "车库灯不亮");
    step(&mut store, &t.id, Rejected, "不属于社区事务").unwrap();
    let back = store.write(|tx| revert_review(tx, &t.id, "王秀兰", "点错了")).unwrap();
    assert_eq!(back.status, Collected);
    assert_eq!(back.status_note, "");
    let events = timeline(store.conn(), &t.id).unwrap();
    let last = events.last().unwrap();
    assert_eq!((last.from_status, last.to_status), (Some(Rejected), Collected));
    assert!(last.note.contains("撤回“不予受理”：点错了"), "{}", last.note);
    assert_eq!(events.len(), 3, "registered, rejected, taken back");
}

#[test]
fn a_merge_is_taken_back_on_both_topics() {
    let (_dir, mut store) = temp_store();
    let keep = create_one(&mut store, "车库灯不亮");
    let dup = create_one(&mut store, "车库的灯坏了");
    store.write(|tx| merge(tx, &dup.id, &keep.id, "李书记")).unwrap();
    let back = store.write(|tx| revert_review(tx, &dup.id, "李书记", "不是同一件事")).unwrap();
    assert_eq!(back.status, Collected);
    assert_eq!(back.merged_into_id, None);
    let kept = timeline(store.conn(), &keep.id).unwrap();
    assert!(kept.last().unwrap().note.contains("撤回了合并"), "{kept:?}");
}

#[test]
fn only_the_last_step_of_review_can_be_taken_back_and_only_with_a_reason() {
    let (_dir, mut store) = temp_store();
    let t = create_one(&mut store, "车库灯不亮");
    let err = store.write(|tx| revert_review(tx, &t.id, "王秀兰", "点错了")).unwrap_err();
    assert_eq!(err.code(), "topic_not_revertible");
    step(&mut store, &t.id, Accepted, "").unwrap();
    let err = store.write(|tx| revert_review(tx, &t.id, "王秀兰", "  ")).unwrap_err();
    assert_eq!(err.code(), "topic_revert_reason_required");
    assert!(err.to_string().contains("撤回原因"), "{err}");
    step(&mut store, &t.id, OnAgenda, "").unwrap();
    let err = store.write(|tx| revert_review(tx, &t.id, "王秀兰", "点错了")).unwrap_err();
    assert_eq!(err.code(), "topic_not_revertible");
    assert_eq!(get(store.conn(), &t.id).unwrap().status, OnAgenda, "a refused revert changes nothing");
}
