use chrono::{TimeZone, Utc};

use super::*;
use crate::attachments::{self, OwnerKind};
use crate::error::UserFacing;
use crate::search::{self, DocKind, SearchQuery};
use crate::store::Store;
use crate::testing::{count, temp_store};
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale, Topic, TopicStatus};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn topic(store: &mut Store, title: &str, class: HandlingClass) -> Topic {
    let new = NewTopic {
        title: title.into(),
        description: "楼道里堆满了旧家具和纸箱，消防通道被堵。".into(),
        channel: Channel::Wechat,
        raised_by_person_id: None,
        raised_by_name: "张桂英".into(),
        raised_by_phone: String::new(),
        raised_at: None,
        place_id: None,
        category_id: None,
        handling_class: class,
        scale: Scale::Minor,
    };
    store.write(|tx| topics::create(tx, &new, "王秀兰")).unwrap()
}

fn done_on_spot(store: &mut Store, title: &str) -> Topic {
    let t = topic(store, title, HandlingClass::Immediate);
    store.write(|tx| topics::move_to(tx, &t.id, TopicStatus::DoneOnSpot, "王秀兰", "当场联系物业清走了杂物")).unwrap()
}

fn note(text: &str) -> NewTopicNote {
    NewTopicNote {
        at: None,
        method: ContactMethod::Visit,
        with_whom: "3号楼2单元 刘大爷".into(),
        text: text.into(),
        answer: false,
        draft_key: None,
    }
}

#[test]
fn a_rejected_or_done_topic_is_unanswered_until_a_note_marked_as_the_answer() {
    let (_d, mut store) = temp_store();
    let done = done_on_spot(&mut store, "楼道堆物堵住消防通道");
    let open = topic(&mut store, "希望增设快递柜", HandlingClass::Community);
    let ids = |store: &Store| unanswered(store.conn()).unwrap().into_iter().map(|u| u.topic_id).collect::<Vec<_>>();
    assert_eq!(ids(&store), vec![done.id.clone()], "an open topic owes no answer yet");
    store.write(|tx| add_note(tx, &done.id, &note("顺路看了一眼"), "王秀兰")).unwrap();
    assert_eq!(ids(&store).len(), 1, "an ordinary note is not the answer");
    let mut answer = note("电话告诉张阿姨杂物已清走");
    answer.method = ContactMethod::Phone;
    answer.answer = true;
    let n = store.write(|tx| add_note(tx, &done.id, &answer, "王秀兰")).unwrap();
    assert!(n.answer);
    assert!(ids(&store).is_empty());
    assert!(answer_due(TopicStatus::Rejected) && !answer_due(open.status));
}

fn callback(satisfied: bool, note: &str) -> NewCallback {
    NewCallback { at: None, method: ContactMethod::Phone, satisfied, note: note.into() }
}

#[test]
fn a_note_on_an_escalated_topic_leaves_its_status_and_shows_on_its_history_with_the_photo() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Escalate);
    let t = store.write(|tx| topics::move_to(tx, &t.id, TopicStatus::Escalated, "王秀兰", "报街道城管科")).unwrap();
    store.write(|tx| attachments::add_image(tx, OwnerKind::Draft, "form-1", "楼道.png", PNG)).unwrap();
    let mut new = note("刘大爷说杂物是楼上租户的，已经通知房东。");
    new.draft_key = Some("form-1".into());
    let n = store.write(|tx| add_note(tx, &t.id, &new, "王秀兰")).unwrap();
    assert_eq!(n.photos.len(), 1, "the draft photo belongs to the note now");
    assert_eq!(
        (n.method, n.actor.as_str(), n.with_whom.as_str()),
        (ContactMethod::Visit, "王秀兰", "3号楼2单元 刘大爷")
    );
    let after = topics::get(store.conn(), &t.id).unwrap();
    assert_eq!((after.status, after.updated_at), (TopicStatus::Escalated, t.updated_at), "a note moves nothing");
    let lines = history(store.conn(), &t.id).unwrap();
    assert_eq!(lines.len(), 3, "登记, 上报, the note");
    assert!(matches!(&lines[2], HistoryLine::Note(x) if x.id == n.id));
    let json = serde_json::to_value(&lines[2]).unwrap();
    assert_eq!((json["kind"].as_str(), json["method"].as_str()), (Some("note"), Some("visit")));
}

#[test]
fn a_note_is_found_by_what_was_said_and_again_after_a_rebuild() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Community);
    let n = store.write(|tx| add_note(tx, &t.id, &note("房东答应周六前搬走旧沙发"), "王秀兰")).unwrap();
    let find = |store: &Store| {
        let mut q = SearchQuery::new("旧沙发");
        q.kinds = vec![DocKind::TopicNote];
        search::search(store.conn(), &q).unwrap().hits.into_iter().map(|h| h.record_id).collect::<Vec<_>>()
    };
    assert_eq!(find(&store), vec![n.id.clone()]);
    store.write(crate::reindex::all).unwrap();
    assert_eq!(find(&store), vec![n.id.clone()]);
    let at = crate::navigate::locate(store.conn(), DocKind::TopicNote, &n.id).unwrap().unwrap();
    assert_eq!((at.section, at.id.as_str()), ("topics", t.id.as_str()));
}

#[test]
fn a_note_must_say_what_was_said_and_a_refused_note_writes_nothing() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Community);
    let before = (count(&store, "topic_notes"), count(&store, "search_docs"));
    let empty = store.write(|tx| add_note(tx, &t.id, &note("  \n "), "王秀兰")).unwrap_err();
    assert_eq!(empty.field(), Some("谈了什么"));
    let mut long_name = note("说好了");
    long_name.with_whom = "刘".repeat(51);
    let too_long = store.write(|tx| add_note(tx, &t.id, &long_name, "王秀兰")).unwrap_err();
    assert_eq!(too_long.field(), Some("跟进对象"));
    let huge = store.write(|tx| add_note(tx, &t.id, &note(&"很".repeat(200_001)), "王秀兰")).unwrap_err();
    assert_eq!(huge.field(), Some("谈了什么"));
    let missing = store.write(|tx| add_note(tx, "no-such-topic", &note("说好了"), "王秀兰")).unwrap_err();
    assert_eq!(missing.code(), "topic_not_found");
    assert_eq!((count(&store, "topic_notes"), count(&store, "search_docs")), before);
}

#[test]
fn a_pasted_50000_character_note_with_emoji_is_kept_whole() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Community);
    let text = format!("{}👨‍👩‍👧 谢谢社区😀", "居民反映楼道里的纸箱又堆起来了。".repeat(3200));
    assert!(text.chars().count() > 50_000);
    let n = store.write(|tx| add_note(tx, &t.id, &note(&format!("\u{feff}{text}")), "王秀兰")).unwrap();
    assert_eq!(n.text, text, "the BOM of the paste is stripped, the emoji kept");
}

#[test]
fn the_time_typed_is_read_in_the_community_zone_and_a_time_to_come_is_refused() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Community);
    // 22:00 in Shanghai on 21 November: 14:00 UTC, whatever the laptop's TZ says.
    let evening = Utc.with_ymd_and_hms(2026, 11, 21, 14, 0, 0).unwrap();
    let mut new = note("晚上在院坝里聊了这件事");
    new.at = Some("2026年11月21日 晚上7点半".into());
    let n = crate::time::at(evening, || store.write(|tx| add_note(tx, &t.id, &new, "王秀兰"))).unwrap();
    assert_eq!(n.at, "2026-11-21T11:30:00.000Z");
    new.at = Some("2026-11-21 23:00".into());
    let later = crate::time::at(evening, || store.write(|tx| add_note(tx, &t.id, &new, "王秀兰"))).unwrap_err();
    assert_eq!((later.code(), later.field()), ("casework_in_future", Some("跟进时间")));
}

#[test]
fn an_unsatisfied_callback_reopens_the_topic_as_a_community_case_with_the_reason() {
    let (_d, mut store) = temp_store();
    let t = done_on_spot(&mut store, "楼道堆物堵住消防通道");
    let r = store.write(|tx| record_callback(tx, &t.id, &callback(false, "没过三天又堆满了"), "李书记")).unwrap();
    assert!(!r.callback.satisfied);
    assert_eq!(r.topic_move.as_ref().map(|m| m.to), Some(TopicStatus::Accepted));
    let after = topics::get(store.conn(), &t.id).unwrap();
    assert_eq!((after.status, after.handling_class), (TopicStatus::Accepted, HandlingClass::Community));
    let events = topics::timeline(store.conn(), &t.id).unwrap();
    let last = events.last().unwrap();
    assert_eq!((last.from_status, last.to_status), (Some(TopicStatus::DoneOnSpot), TopicStatus::Accepted));
    assert!(last.note.contains("没过三天又堆满了"), "{}", last.note);
    let lines = history(store.conn(), &t.id).unwrap();
    assert!(lines.iter().any(|l| matches!(l, HistoryLine::Callback(c) if c.id == r.callback.id)));
    // The year's figures still count it as a 即办件, and as called back.
    let today = crate::time::Zone::default().today();
    let stats = crate::stats::year_stats(store.conn(), chrono::Datelike::year(&today), None, today).unwrap();
    assert_eq!((stats.done_on_spot, stats.callback_rate.numerator), (1, 1));
    // It can now go to a meeting like any 代办件.
    store.write(|tx| topics::move_to(tx, &t.id, TopicStatus::OnAgenda, "李书记", "")).unwrap();
}

#[test]
fn a_satisfied_callback_keeps_the_topic_done_and_an_unsatisfied_one_needs_a_reason() {
    let (_d, mut store) = temp_store();
    let t = done_on_spot(&mut store, "楼道堆物堵住消防通道");
    let before = (count(&store, "topic_callbacks"), count(&store, "topic_events"));
    let refused = store.write(|tx| record_callback(tx, &t.id, &callback(false, " "), "李书记")).unwrap_err();
    assert_eq!(refused.code(), "callback_unsatisfied_needs_reason");
    assert_eq!((count(&store, "topic_callbacks"), count(&store, "topic_events")), before);
    let ok = store.write(|tx| record_callback(tx, &t.id, &callback(true, "楼道干净了"), "李书记")).unwrap();
    assert_eq!(ok.topic_move, None);
    assert_eq!(topics::get(store.conn(), &t.id).unwrap().status, TopicStatus::DoneOnSpot);
    assert_eq!(callbacks(store.conn(), &t.id).unwrap().len(), 1);
}

#[test]
fn only_a_topic_done_on_the_spot_is_called_back() {
    let (_d, mut store) = temp_store();
    let t = topic(&mut store, "楼道堆物堵住消防通道", HandlingClass::Community);
    let e = store.write(|tx| record_callback(tx, &t.id, &callback(true, ""), "李书记")).unwrap_err();
    assert_eq!(e.code(), "callback_not_done_on_spot");
    assert!(e.message().contains("已收集"), "{}", e.message());
    // And the follow-through path does not open a topic the review has not finished.
    let moved = store.write(|tx| topics::follow_through(tx, &t.id, TopicStatus::Accepted, "李书记", "原因"));
    assert!(moved.is_err());
}

fn escalated(store: &mut Store, title: &str) -> Topic {
    let t = topic(store, title, HandlingClass::Escalate);
    store.write(|tx| topics::move_to(tx, &t.id, TopicStatus::Escalated, "王秀兰", "报街道城管科")).unwrap()
}

fn d(month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn sent(follow_up_on: Option<chrono::NaiveDate>) -> NewEscalation {
    NewEscalation {
        sent_to: EscalatedTo::Street,
        sent_to_name: "街道城管科".into(),
        sent_on: d(11, 2),
        reference: "JD-2026-1102-07".into(),
        follow_up_on,
    }
}

#[test]
fn an_unanswered_escalation_is_flagged_on_its_follow_up_day_and_not_before() {
    let (_d, mut store) = temp_store();
    let t = escalated(&mut store, "小区门口道路坑洼");
    let e = store.write(|tx| record_escalation(tx, &t.id, &sent(Some(d(11, 16))), "王秀兰", d(11, 2))).unwrap();
    assert_eq!((e.reference.as_str(), e.replied_on), ("JD-2026-1102-07", None));
    assert!(awaiting_reply(store.conn(), d(11, 15)).unwrap().is_empty(), "the day before it is not late");
    let flagged = awaiting_reply(store.conn(), d(11, 16)).unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!((flagged[0].topic_title.as_str(), flagged[0].days_past), ("小区门口道路坑洼", 0));
    assert_eq!(awaiting_reply(store.conn(), d(11, 21)).unwrap()[0].days_past, 5);
    // Without a follow-up day nothing is chased; the topic itself stays 已上报.
    let other = escalated(&mut store, "希望小区通公交");
    store.write(|tx| record_escalation(tx, &other.id, &sent(None), "王秀兰", d(11, 2))).unwrap();
    assert_eq!(awaiting_reply(store.conn(), d(12, 31)).unwrap().len(), 1);
    assert_eq!(topics::get(store.conn(), &t.id).unwrap().status, TopicStatus::Escalated);
}

#[test]
fn a_reply_closes_the_topic_or_brings_it_back_to_the_agenda_and_ends_the_flag() {
    let (_d, mut store) = temp_store();
    let road = escalated(&mut store, "小区门口道路坑洼");
    let bus = escalated(&mut store, "希望小区通公交");
    let e1 = store.write(|tx| record_escalation(tx, &road.id, &sent(Some(d(11, 16))), "王秀兰", d(11, 2))).unwrap();
    let e2 = store.write(|tx| record_escalation(tx, &bus.id, &sent(Some(d(11, 16))), "王秀兰", d(11, 2))).unwrap();
    let reply = |text: &str, outcome| NewReply { replied_on: d(11, 18), reply: text.into(), outcome };
    let r = store
        .write(|tx| record_reply(tx, &e1.id, &reply("市政已补好坑洼", ReplyOutcome::Close), "王秀兰", d(11, 18)))
        .unwrap();
    assert_eq!(r.topic_move.to, TopicStatus::Closed);
    let last = topics::timeline(store.conn(), &road.id).unwrap().pop().unwrap();
    assert!(last.note.contains("街道城管科答复（2026年11月18日）：市政已补好坑洼"), "{}", last.note);
    let r = store
        .write(|tx| {
            record_reply(
                tx,
                &e2.id,
                &reply("线路不改，建议社区协调接驳车", ReplyOutcome::BackToAgenda),
                "王秀兰",
                d(11, 18),
            )
        })
        .unwrap();
    assert_eq!(topics::get(store.conn(), &r.topic_move.topic_id).unwrap().status, TopicStatus::Accepted);
    assert!(awaiting_reply(store.conn(), d(11, 30)).unwrap().is_empty());
    let again = store.write(|tx| record_reply(tx, &e1.id, &reply("又一次", ReplyOutcome::Close), "王秀兰", d(11, 18)));
    assert_eq!(again.unwrap_err().code(), "escalation_already_replied");
    let lines = history(store.conn(), &road.id).unwrap();
    assert!(lines.iter().any(|l| matches!(l, HistoryLine::Escalation(x) if x.reply == "市政已补好坑洼")));
}

#[test]
fn escalation_dates_and_fields_are_checked_and_a_refusal_writes_nothing() {
    let (_d, mut store) = temp_store();
    let t = escalated(&mut store, "小区门口道路坑洼");
    let before = count(&store, "topic_escalations");
    let early = store.write(|tx| record_escalation(tx, &t.id, &sent(Some(d(11, 1))), "王秀兰", d(11, 2))).unwrap_err();
    assert_eq!(early.field(), Some("跟进日期"));
    let future = store.write(|tx| record_escalation(tx, &t.id, &sent(None), "王秀兰", d(11, 1))).unwrap_err();
    assert_eq!((future.code(), future.field()), ("casework_day_in_future", Some("上报日期")));
    let mut long = sent(None);
    long.reference = "号".repeat(51);
    let long = store.write(|tx| record_escalation(tx, &t.id, &long, "王秀兰", d(11, 2))).unwrap_err();
    assert_eq!(long.field(), Some("工单号"));
    let open = topic(&mut store, "楼道堆物", HandlingClass::Community);
    let not = store.write(|tx| record_escalation(tx, &open.id, &sent(None), "王秀兰", d(11, 2))).unwrap_err();
    assert_eq!(not.code(), "escalation_topic_not_escalated");
    assert_eq!(count(&store, "topic_escalations"), before);
    let e = store.write(|tx| record_escalation(tx, &t.id, &sent(None), "王秀兰", d(11, 2))).unwrap();
    let empty = NewReply { replied_on: d(11, 3), reply: " ".into(), outcome: ReplyOutcome::Close };
    let refused = store.write(|tx| record_reply(tx, &e.id, &empty, "王秀兰", d(11, 3))).unwrap_err();
    assert_eq!(refused.field(), Some("答复内容"));
    assert_eq!(topics::get(store.conn(), &t.id).unwrap().status, TopicStatus::Escalated);
}
