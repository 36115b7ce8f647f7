//! The 月度议题研判表: counts by class, ages at the month's end, the month in China time.

use chrono::{DateTime, NaiveDate, Utc};

use super::tests::{demo, id_of, opts, text};
use super::*;
use crate::notices::Notice;
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
}

#[test]
fn the_demo_november_counts_topics_by_class_and_ages_the_open_escalations() {
    let (_d, store) = demo();
    let conn = store.conn();
    let r = month_review(conn, "2026-11", &opts()).unwrap();
    assert_eq!(r.title(), "幸福里社区2026年11月议题研判表");
    assert_eq!(r.as_of, d(2026, 11, 21), "the month is running: today");
    assert_eq!(r.counts.total(), 7, "{:?}", r.collected);
    assert_eq!(r.counts.community, 7);
    assert!(r.collected.iter().any(|t| t.title == "楼下烧烤油烟" && t.state == "已收集"));
    // The two 上报件 of May and September wait for their replies: aged from the day sent.
    let street = r.open_escalated.iter().find(|e| e.sent_on == Some(d(2026, 5, 21))).expect("May's 上报");
    assert_eq!(street.topic.age_days, 184);
    assert_eq!(street.reference, "CG-2026-0521-03");
    assert!(street.sent_to.contains("街道城管科") && street.reply == "未答复，超跟进日169天", "{street:?}");
    assert_eq!(r.open_escalated.len(), 3, "with August's, escalated before 上报 records were kept");
    // The open 代办: the water pipe raised on 11-02 (China time) is 19 days old.
    let pipe = r.open_community.iter().find(|t| t.title == "院坝自来水管漏水").unwrap();
    assert_eq!((pipe.raised_on, pipe.age_days), (d(2026, 11, 2), 19));
    assert!(r.overdue.iter().any(|t| t.title == "车库地面防水修复" && t.days_overdue == 82), "{:?}", r.overdue);
    // For the running month the sheet agrees with the live 件件有回音 list.
    assert_eq!(r.unanswered.len(), crate::casework::unanswered(conn).unwrap().len());
    let printed = text(&r.document().unwrap());
    assert!(printed.contains("本月共收集议题7件，其中即办件0件、代办件7件、上报件0件"), "{printed}");
    assert!(printed.contains("主持人（签字）") && printed.contains("参加人员（签字）"));
    let bytes = load(conn, NoticeKind::MonthReview, "2026-11", &opts()).unwrap().render().unwrap();
    if let Ok(path) = std::env::var("YISHI_MONTH_REVIEW_PDF") {
        std::fs::write(path, &bytes).unwrap();
    }
}

fn raise(store: &mut crate::store::Store, title: &str, raised_at: &str, class: HandlingClass) {
    let new = NewTopic {
        title: title.to_string(),
        description: String::new(),
        channel: Channel::Phone,
        raised_by_person_id: None,
        raised_by_name: "王秀兰".to_string(),
        raised_by_phone: "13812345678".to_string(),
        raised_at: Some(raised_at.to_string()),
        place_id: None,
        category_id: None,
        handling_class: class,
        scale: Scale::Minor,
    };
    crate::time::at(at("2026-12-02T02:00:00Z"), || store.write(|tx| topics::create(tx, &new, "张敏"))).unwrap();
}

#[test]
fn a_topic_raised_at_half_past_eleven_on_november_30th_china_time_is_novembers() {
    let (_d, mut store) = crate::testing::temp_store();
    raise(&mut store, "楼道灯不亮，电话13812345678", "2026-11-30T23:30:00+08:00", HandlingClass::Immediate);
    raise(&mut store, "垃圾桶满了", "2026-12-01T00:30:00+08:00", HandlingClass::Escalate);
    let mut o = opts();
    o.today = d(2026, 12, 3);
    let nov = month_review(store.conn(), "2026-11", &o).unwrap();
    assert_eq!((nov.counts.immediate, nov.counts.escalate), (1, 0), "{:?}", nov.collected);
    assert_eq!(nov.as_of, d(2026, 11, 30));
    assert_eq!(nov.collected[0].raised_on, d(2026, 11, 30));
    assert_eq!(nov.collected[0].number, "2026-001");
    // Entered on 12-02: at November's end it was 已收集 and open, aged 0 days.
    assert_eq!(nov.open_community[0].age_days, 0);
    assert!(nov.collected[0].title.contains("138****5678"), "phone numbers are masked: {:?}", nov.collected[0]);
    let dec = month_review(store.conn(), "2026-12", &o).unwrap();
    assert_eq!((dec.counts.immediate, dec.counts.escalate), (0, 1));
    assert_eq!(dec.collected[0].number, "2026-002");
    assert_eq!(dec.open_community.len(), 2, "both still open on 12-03");
    assert_eq!(dec.open_community[0].age_days, 3);
}

#[test]
fn an_extension_made_after_the_month_does_not_hide_that_the_task_was_overdue_then() {
    let (_d, mut store) = demo();
    let task = id_of(store.conn(), "SELECT id FROM tasks WHERE title = '车库地面防水修复'");
    let today = d(2026, 12, 2);
    crate::time::at(at("2026-12-02T02:00:00Z"), || {
        store.write(|tx| crate::followup::extend_deadline(tx, &task, d(2026, 12, 31), "开发商材料未到", today, "张敏"))
    })
    .unwrap();
    let mut o = opts();
    o.today = d(2026, 12, 3);
    let nov = month_review(store.conn(), "2026-11", &o).unwrap();
    let garage = nov.overdue.iter().find(|t| t.title == "车库地面防水修复").expect("overdue at November's end");
    assert_eq!((garage.deadline, garage.days_overdue, garage.extensions), (d(2026, 8, 31), 91, 0));
    let dec = month_review(store.conn(), "2026-12", &o).unwrap();
    assert!(!dec.overdue.iter().any(|t| t.title == "车库地面防水修复"), "extended to 12-31: {:?}", dec.overdue);
}

#[test]
fn a_bad_or_future_month_is_refused_in_chinese() {
    let (_d, store) = crate::testing::temp_store();
    for bad in ["2026-13", "abc", "", "2026-00", "2026/11", "26-11", "２０２６-11"] {
        let err = month_review(store.conn(), bad, &opts()).unwrap_err();
        assert!(matches!(err, LoadError::BadMonth { .. }), "{bad}: {err}");
        assert!(err.to_string().contains("请写成 2026-11"), "{err}");
    }
    let err = month_review(store.conn(), "2026-12", &opts()).unwrap_err();
    assert_eq!(err.to_string(), "2026年12月还没有到，无法生成这个月的议题研判表。");
    assert!(month_review(store.conn(), " 2026-1 ", &opts()).is_ok(), "a one-digit month is read");
    assert!(kind_named("month-review").is_ok());
}

#[test]
fn a_reply_typed_in_december_but_dated_november_answers_the_escalation_in_november() {
    let (_d, mut store) = demo();
    let id = id_of(store.conn(), "SELECT id FROM topic_escalations WHERE reference = 'CG-2026-0521-03'");
    let reply = crate::casework::NewReply {
        replied_on: d(2026, 11, 28),
        reply: "街道已安排修补坑洼".to_string(),
        outcome: crate::casework::ReplyOutcome::Close,
    };
    crate::time::at(at("2026-12-02T02:00:00Z"), || {
        store.write(|tx| crate::casework::record_reply(tx, &id, &reply, "张敏", d(2026, 12, 2)))
    })
    .unwrap();
    let mut o = opts();
    o.today = d(2026, 12, 3);
    let nov = month_review(store.conn(), "2026-11", &o).unwrap();
    assert_eq!(nov.open_escalated.len(), 2, "{:?}", nov.open_escalated);
    assert!(!nov.open_escalated.iter().any(|e| e.reference == "CG-2026-0521-03"));
    // Before the reply's day it was still waiting: October's sheet lists it.
    let oct = month_review(store.conn(), "2026-10", &o).unwrap();
    let street = oct.open_escalated.iter().find(|e| e.reference == "CG-2026-0521-03").unwrap();
    assert_eq!(street.topic.age_days, 163, "sent 05-21, counted to 10-31");
}
