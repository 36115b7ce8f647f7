use chrono::NaiveDate;

use super::compute::{self, TopicRow};
use super::*;
use crate::decisions::TaskStatus;
use crate::error::UserFacing;
use crate::evaluations::{self, EvalMethod, NewEvaluation};
use crate::followup::{self, fixtures::day};
use crate::meetings::{self, fixtures};
use crate::notices::Notice;
use crate::printouts::year_report;
use crate::proceedings;
use crate::store::Store;
use crate::testing::temp_store;
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale, TopicStatus};

fn row(status: TopicStatus, raised: NaiveDate, since: Option<NaiveDate>) -> TopicRow {
    TopicRow {
        channel: Channel::Wechat,
        category_class: None,
        handling: HandlingClass::Community,
        status,
        raised_on: raised,
        status_since: since,
        called_back: false,
        answered: false,
    }
}

#[test]
fn the_callback_rate_counts_topics_done_on_the_spot_and_those_a_callback_reopened() {
    let day = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap();
    let called = |status| TopicRow { called_back: true, ..row(status, day, None) };
    let topics = [
        row(TopicStatus::DoneOnSpot, day, Some(day)),
        called(TopicStatus::DoneOnSpot),
        // Reopened as a 代办件 by an unsatisfied 回访: still one of the year's 即办件, called back.
        called(TopicStatus::Accepted),
        row(TopicStatus::Closed, day, Some(day)),
    ];
    let r = compute::callback_rate(&topics);
    assert_eq!((r.numerator, r.denominator, r.display.as_str()), (2, 3, "66.7%"));
    assert_eq!(compute::callback_rate(&[]).display, "—");
}

#[test]
fn solved_rate_leaves_merged_and_rejected_out_of_the_denominator() {
    let d = day(3, 1);
    let topics = [
        row(TopicStatus::Closed, d, Some(d)),
        row(TopicStatus::DoneOnSpot, d, Some(d)),
        row(TopicStatus::Escalated, d, None),
        row(TopicStatus::InProgress, d, None),
        row(TopicStatus::Merged, d, None),
        row(TopicStatus::Rejected, d, None),
    ];
    let r = compute::solved_rate(&topics);
    assert_eq!((r.numerator, r.denominator, r.display.as_str()), (2, 4, "50.0%"));
    assert_eq!(compute::solved_rate(&[]).display, "—");
    assert_eq!(compute::solved_rate(&[row(TopicStatus::Merged, d, None)]).per_mille, None);
}

#[test]
fn average_days_count_calendar_days_of_solved_topics_only() {
    let topics = [
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 11))),    // 10
        row(TopicStatus::DoneOnSpot, day(3, 1), Some(day(3, 1))), // 0
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 6))),     // 5
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 2))),     // 1
        row(TopicStatus::InProgress, day(1, 1), Some(day(12, 1))),
    ];
    let a = compute::average_days_to_close(&topics);
    assert_eq!((a.topics, a.total_days, a.tenths, a.display.as_str()), (4, 16, Some(40), "4.0天"));
    let thirds = [
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 2))),
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 1))),
        row(TopicStatus::Closed, day(3, 1), Some(day(3, 1))),
    ];
    assert_eq!(compute::average_days_to_close(&thirds).display, "0.3天");
    let none = compute::average_days_to_close(&[]);
    assert_eq!((none.tenths, none.display.as_str()), (None, "—"));
}

fn task(deadline: Option<NaiveDate>, done_on: Option<NaiveDate>) -> compute::TaskRow {
    compute::TaskRow { deadline, done_on }
}

#[test]
fn on_time_rate_counts_tasks_due_in_the_year_and_done_by_their_deadline() {
    let y2025 = |m, d| NaiveDate::from_ymd_opt(2025, m, d);
    let y2027 = |m, d| NaiveDate::from_ymd_opt(2027, m, d);
    let tasks = [
        task(Some(day(3, 31)), Some(day(3, 31))), // on time: done on the deadline itself
        task(Some(day(3, 31)), Some(day(4, 1))),  // late by a day
        task(Some(day(5, 31)), None),             // still open past its deadline: due, late
        task(Some(day(6, 15)), None),             // due today, not late yet: not counted
        task(Some(day(9, 30)), Some(day(6, 1))),  // done early, deadline ahead: on time
        task(Some(day(9, 30)), None),             // deadline ahead, open: not counted yet
        task(None, Some(day(2, 1))),              // no deadline: never counted
        task(y2025(12, 31), Some(day(1, 5))),     // due last year: not this year's
        task(Some(day(12, 31)), y2027(1, 5)),     // due this year, done the next: late
    ];
    let year = |y| Period::year(y).unwrap();
    let r = compute::on_time_rate(&tasks, year(2026), day(6, 15));
    assert_eq!((r.numerator, r.denominator, r.display.as_str()), (2, 5, "40.0%"));
    // A day later the task due on 6-15 is late too.
    assert_eq!(compute::on_time_rate(&tasks, year(2026), day(6, 16)).display, "33.3%");
    assert_eq!(compute::on_time_rate(&tasks, year(2025), day(6, 15)).display, "0.0%");
    // March alone: the two due on 3-31, one of them on time.
    let march = compute::on_time_rate(&tasks, Period::month("2026-03").unwrap(), day(6, 15));
    assert_eq!((march.numerator, march.denominator), (1, 2));
    let none = compute::on_time_rate(&[task(None, None)], year(2026), day(6, 15));
    assert_eq!((none.per_mille, none.display.as_str()), (None, "—"));
}

#[test]
fn participation_counts_party_members_by_role_and_everyone_else_as_residents() {
    let roles = |r: &[&str]| Some(r.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    // As stored (community::kinds): keys of offered roles; a typed “党员” is stored as the key too.
    let attendances = vec![
        roles(&["party_member", "two_committees"]),
        roles(&["resident_rep"]),
        roles(&[]),
        None,
        roles(&["property", "party_member"]),
    ];
    let p = compute::participation(&attendances);
    assert_eq!((p.party_members, p.residents, p.total), (2, 3, 5));
    assert_eq!(compute::participation(&[]), Participation::default());
}

#[test]
fn categories_roll_up_to_their_class_and_places_to_their_subtree() {
    let cats = vec![
        ("a".to_string(), None, "基础设施建设".to_string()),
        ("a1".to_string(), Some("a".to_string()), "停车管理".to_string()),
        ("a11".to_string(), Some("a1".to_string()), "地面车位".to_string()),
        ("x".to_string(), Some("y".to_string()), "孤儿".to_string()),
        ("y".to_string(), Some("x".to_string()), "循环".to_string()),
    ];
    let classes = compute::category_classes(&cats);
    assert_eq!(classes["a11"], ("a".to_string(), "基础设施建设".to_string()));
    assert_eq!(classes["a"].1, "基础设施建设");
    assert!(classes.contains_key("x"), "a damaged cycle still ends");
    let places = vec![
        ("estate".to_string(), None),
        ("b3".to_string(), Some("estate".to_string())),
        ("b3u2".to_string(), Some("b3".to_string())),
        ("other".to_string(), None),
    ];
    let mut sub = compute::subtree(&places, "estate");
    sub.sort();
    assert_eq!(sub, vec!["b3", "b3u2", "estate"]);
}

#[test]
fn counts_by_channel_keep_zero_bars_and_classes_put_uncategorised_last() {
    let mut a = row(TopicStatus::Collected, day(1, 1), None);
    a.category_class = Some(("default-cat-02".into(), "人居环境".into()));
    let mut b = a.clone();
    b.channel = Channel::Hotline12345;
    let c = row(TopicStatus::Collected, day(1, 1), None);
    let channels = compute::by_channel(&[a.clone(), b.clone(), c.clone()]);
    assert_eq!(channels.len(), Channel::ALL.len());
    assert_eq!(channels.iter().find(|r| r.key == "wechat").unwrap().count, 2);
    let classes = compute::by_category_class(&[a, b, c]);
    let rows: Vec<_> = classes.iter().map(|r| (r.key.as_str(), r.label.as_str(), r.count)).collect();
    assert_eq!(rows, vec![("default-cat-02", "人居环境", 2), ("", "未分类", 1)]);
}

#[test]
fn an_empty_year_gives_zeros_and_dashes_not_nan() {
    let (_d, store) = temp_store();
    let s = year_stats(store.conn(), 2026, None, day(12, 31)).unwrap();
    assert_eq!(
        (s.topics_collected, s.meetings_held, s.participation.total, s.points_given, s.evaluations),
        (0, 0, 0, 0, 0)
    );
    assert_eq!((s.solved_rate.display.as_str(), s.satisfaction.rate.display.as_str()), ("—", "—"));
    assert_eq!(s.average_days_to_close.display, "—");
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("NaN"), "{json}");
    assert_eq!(year_stats(store.conn(), 1800, None, day(12, 31)).unwrap_err().code(), "stats_bad_year");
    assert_eq!(
        year_stats(store.conn(), 2026, Some("nowhere"), day(12, 31)).unwrap_err().code(),
        "stats_place_not_found"
    );
    let pdf = year_report(store.conn(), 2026, None, day(12, 31)).unwrap().render().unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

fn topic_at(store: &mut Store, title: &str, place: Option<&str>, raised_at: &str) -> String {
    let new = NewTopic {
        title: title.into(),
        description: String::new(),
        channel: Channel::Hotline12345,
        raised_by_person_id: None,
        raised_by_name: String::new(),
        raised_by_phone: String::new(),
        raised_at: Some(raised_at.into()),
        place_id: place.map(str::to_string),
        category_id: Some("default-cat-01-03".into()),
        handling_class: HandlingClass::Immediate,
        scale: Scale::Minor,
    };
    store.write(|tx| topics::create(tx, &new, "张敏")).unwrap().id
}

#[test]
fn topics_count_by_year_and_place_subtree() {
    let (_d, mut store) = temp_store();
    let (estate, building, other) = store
        .write(|tx| {
            use crate::community::{add_place, NewPlace};
            let estate = add_place(tx, &NewPlace { parent_id: None, kind: "小区".into(), name: "幸福里小区".into() })?;
            let b = add_place(
                tx,
                &NewPlace { parent_id: Some(estate.id.clone()), kind: "楼栋".into(), name: "3号楼".into() },
            )?;
            let o = add_place(tx, &NewPlace { parent_id: None, kind: "小区".into(), name: "和平苑".into() })?;
            Ok::<_, crate::community::CommunityError>((estate.id, b.id, o.id))
        })
        .unwrap();
    topic_at(&mut store, "楼道灯", Some(&building), "2026-03-01T10:00:00+08:00");
    topic_at(&mut store, "路灯", Some(&other), "2026-04-01T10:00:00+08:00");
    topic_at(&mut store, "去年的", Some(&building), "2025-12-31T10:00:00+08:00");
    let all = year_stats(store.conn(), 2026, None, day(12, 31)).unwrap();
    assert_eq!(all.topics_collected, 2);
    assert_eq!(all.by_category_class[0].label, "基础设施建设");
    assert_eq!(all.by_handling_class[0].count, 2);
    let here = year_stats(store.conn(), 2026, Some(&estate), day(12, 31)).unwrap();
    assert_eq!((here.topics_collected, here.place_name.as_deref()), (1, Some("幸福里小区")));
    assert_eq!(year_stats(store.conn(), 2025, None, day(12, 31)).unwrap().topics_collected, 1);
}

/// The journey of the issue: progress on an overdue task until done, a survey, the topic closed,
/// and the statistics change at each step.
#[test]
fn an_overdue_task_done_and_evaluated_changes_the_figures() {
    let (_d, mut store) = temp_store();
    let party = fixtures::person(&mut store, "李红梅", "党员", true);
    let m = fixtures::meeting(&mut store, "11月议事会", "2026-11-05T20:00:00+08:00");
    let topic = fixtures::accepted_topic(&mut store, "地下车库照明");
    let item = store
        .write(|tx| {
            let signed = meetings::invite_core_member(tx, &m.id, &party)?;
            meetings::sign_in(tx, &signed.id)?;
            let walk_in = meetings::add_walk_in(tx, &m.id, "赵大爷", "3号楼居民")?;
            meetings::sign_in(tx, &walk_in.id)?;
            meetings::add_topic(tx, &m.id, &topic, "张敏")
        })
        .unwrap();
    let task = store
        .write(|tx| {
            use crate::decisions::{add, add_task, NewDecision, NewTask, TaskMode};
            let d = add(tx, &item.id, &NewDecision { text: "更换车库灯具".into(), act: true })?;
            let deadline = Some(day(11, 10));
            let new = NewTask {
                title: "更换灯具".into(),
                mode: TaskMode::Undertake,
                responsible_unit: "物业公司".into(),
                person_in_charge: "周经理".into(),
                deadline,
            };
            add_task(tx, &d.id, &new)
        })
        .unwrap()
        .id;
    store.write(|tx| proceedings::close(tx, &m.id, "张敏")).unwrap();
    let today = day(11, 21);
    assert_eq!(followup::home_counts(store.conn(), today).unwrap().overdue, 1);
    let s = year_stats(store.conn(), 2026, None, today).unwrap();
    assert_eq!((s.meetings_held, s.participation.party_members, s.participation.residents), (1, 1, 1));
    assert_eq!(s.on_time_rate.display, "0.0%", "the task is 11 days overdue");
    assert_eq!(
        year_stats(store.conn(), 2026, None, day(11, 10)).unwrap().on_time_rate.display,
        "—",
        "not due yet on its deadline"
    );
    assert_eq!((s.solved, s.solved_rate.display.as_str()), (0, "0.0%"));
    assert!(s.points_given > 0, "attendance points were credited at closing");

    store.write(|tx| followup::set_status(tx, &task, TaskStatus::InProgress, "已采购灯具", today, "张敏")).unwrap();
    let evening = crate::time::Zone::default().utc_of(today.and_hms_opt(18, 0, 0).unwrap());
    crate::time::at(evening, || {
        store.write(|tx| followup::set_status(tx, &task, TaskStatus::Done, "已全部更换", today, "张敏"))
    })
    .unwrap();
    assert_eq!(followup::home_counts(store.conn(), today).unwrap().overdue, 0);
    let survey = NewEvaluation {
        topic_id: topic.clone(),
        task_id: None,
        satisfied: 38,
        basically_satisfied: 2,
        unsatisfied: 2,
        method: EvalMethod::PhoneCallback,
        evaluator: "陈淑珍".into(),
        comment: String::new(),
        date: today,
        reopen: None,
    };
    store.write(|tx| evaluations::record(tx, &survey, today, "张敏")).unwrap();
    let s = year_stats(store.conn(), 2026, None, today).unwrap();
    assert_eq!((s.solved, s.solved_rate.display.as_str()), (1, "100.0%"));
    assert_eq!((s.on_time_rate.numerator, s.on_time_rate.denominator), (0, 1), "done on 11-21, due 11-10: late");
    assert_eq!((s.evaluations, s.satisfaction.rate.display.as_str()), (1, "95.2%"));
    assert_eq!(s.average_days_to_close.topics, 1);
    let report = year_report(store.conn(), 2026, None, day(12, 31)).unwrap();
    assert!(report.render().unwrap().starts_with(b"%PDF"));
}

#[test]
fn periods_read_as_typed_and_refuse_what_is_not_a_period() {
    let today = day(11, 21);
    let nov = Period::month("2026-11").unwrap();
    assert_eq!((nov.from, nov.to, nov.label()), (day(11, 1), day(11, 30), "2026年11月".to_string()));
    assert_eq!(Period::month("2026年2月").unwrap().to, day(2, 28));
    assert_eq!(Period::month("2026-12").unwrap().to, day(12, 31));
    assert_eq!(Period::year(2026).unwrap().label(), "2026年");
    assert_eq!(Period::year(2026).unwrap().whole_year(), Some(2026));
    let spring = Period::range("2026年3月1日", "６月30日", today).unwrap();
    assert_eq!((spring.from, spring.to), (day(3, 1), day(6, 30)));
    assert_eq!(spring.label(), "2026年3月1日至2026年6月30日");
    assert_eq!(spring.whole_year(), None);
    // A range that happens to be one whole month or year reads as one.
    assert_eq!(Period::range("2026-11-01", "2026-11-30", today).unwrap().label(), "2026年11月");
    assert_eq!(Period::range("2026-01-01", "2026-12-31", today).unwrap().whole_year(), Some(2026));

    for bad in ["", "2026", "2026-13", "十一月", "2026-11-05-01", "🗓️"] {
        let e = Period::month(bad).unwrap_err();
        assert_eq!(e.code(), "stats_bad_month", "{bad}");
    }
    let backwards = Period::range("2026-06-30", "2026-03-01", today).unwrap_err();
    assert_eq!((backwards.code(), backwards.field()), ("stats_range_backwards", Some("结束日期")));
    assert!(backwards.to_string().contains("早于开始日期"), "{backwards}");
    let unreadable = Period::range("上个月", "2026-03-01", today).unwrap_err();
    assert_eq!(unreadable.field(), Some("开始日期"), "{unreadable}");
    assert_eq!(Period::range("2001-01-01", "2026-01-01", today).unwrap_err().code(), "stats_range_too_long");
}

#[test]
fn a_month_or_a_range_counts_only_its_days() {
    let (_d, mut store) = temp_store();
    topic_at(&mut store, "十月底", None, "2026-10-31T23:30:00+08:00");
    topic_at(&mut store, "十一月初", None, "2026-11-01T00:10:00+08:00");
    topic_at(&mut store, "十一月底", None, "2026-11-30T22:00:00+08:00");
    topic_at(&mut store, "十二月", None, "2026-12-01T08:00:00+08:00");
    let count = |p: Period| period_stats(store.conn(), p, None, day(12, 31)).unwrap();
    let nov = count(Period::month("2026-11").unwrap());
    assert_eq!((nov.topics_collected, nov.period_label.as_str()), (2, "2026年11月"));
    assert_eq!((nov.from.as_str(), nov.to.as_str()), ("2026-11-01", "2026-11-30"));
    let range = count(Period::range("2026-10-31", "2026-11-01", day(12, 31)).unwrap());
    assert_eq!(range.topics_collected, 2, "both ends are included");
    let year = year_stats(store.conn(), 2026, None, day(12, 31)).unwrap();
    assert_eq!((year.topics_collected, year.period_label.as_str()), (4, "2026年"));
}
