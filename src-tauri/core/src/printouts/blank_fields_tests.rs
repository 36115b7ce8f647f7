//! What the notices say when an optional field is empty, zero, or typed with its own full stop:
//! never a sentence that reads as a mistake on the notice board.

use super::place_tests::without_places;
use super::tests::{demo, id_of, opts, text, today};
use super::*;
use crate::error::UserFacing;
use crate::money::Fen;
use crate::notices::{demo as samples, Decided, DecidedBudget, Notice, SourceLine, Wording};

const ITEM: &str = "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'";

#[test]
fn a_status_changed_without_a_note_is_said_once_on_the_progress_notice() {
    let (_d, mut store) = demo();
    let task = id_of(store.conn(), "SELECT id FROM tasks WHERE status = 'in_progress' AND deleted_at IS NULL LIMIT 1");
    store
        .write(|tx| crate::followup::set_status(tx, &task, crate::decisions::TaskStatus::Done, "", today(), "秘书"))
        .unwrap();
    let n = progress_of_tasks(store.conn(), std::slice::from_ref(&task), &opts()).unwrap();
    assert_eq!(n.tasks[0].status, "已完成", "not 已完成：状态由“…”改为“已完成”。");
}

#[test]
fn an_item_with_nothing_decided_is_refused_in_words_instead_of_an_empty_decision_notice() {
    let (_d, store) = demo();
    let conn = store.conn();
    let item = id_of(
        conn,
        "SELECT a.id FROM agenda_items a WHERE a.deleted_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = a.id AND d.deleted_at IS NULL) \
         AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.agenda_item_id = a.id) LIMIT 1",
    );
    let err = decision(conn, &item, &opts()).expect_err("refused");
    assert_eq!(err.code(), "notice_nothing_decided");
    assert!(err.message().contains("还没有记录议定事项或表决结果"), "{}", err.message());
}

#[test]
fn a_topic_raised_by_another_channel_says_other_channels_not_a_person() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = id_of(conn, "SELECT id FROM topics WHERE deleted_at IS NULL LIMIT 1");
    conn.execute("UPDATE topics SET channel = 'other' WHERE id = ?1", [&id]).unwrap();
    let printed = text(&topic(conn, &id, &opts()).unwrap().document().unwrap());
    assert!(printed.contains("经其他渠道提出"), "{printed}");
}

#[test]
fn a_points_rule_set_to_zero_is_left_out_of_the_points_table() {
    let (_d, mut store) = demo();
    let zero = crate::points::PointsRules { attendance: 0, speaking: 1 };
    store.write(|tx| crate::points::set_rules(tx, &zero)).unwrap();
    let printed = text(&points(store.conn(), "2026", &opts()).unwrap().document().unwrap());
    assert!(!printed.contains("计0分") && printed.contains("在会上发言每次会议计1分"), "{printed}");
    let none = crate::points::PointsRules { attendance: 0, speaking: 0 };
    store.write(|tx| crate::points::set_rules(tx, &none)).unwrap();
    let printed = text(&points(store.conn(), "2026", &opts()).unwrap().document().unwrap());
    assert!(printed.contains("积分由社区按志愿服务等实际情况记分。") && !printed.contains("0分"), "{printed}");
}

#[test]
fn a_task_without_a_person_in_charge_shows_a_dash_like_a_missing_deadline() {
    let (_d, store) = demo();
    let conn = store.conn();
    conn.execute("UPDATE tasks SET person_in_charge = ''", []).unwrap();
    let n = decision(conn, &id_of(conn, ITEM), &opts()).unwrap();
    let persons: Vec<&str> = n.decisions.iter().flat_map(|d| &d.tasks).map(|t| t.person.as_str()).collect();
    assert!(!persons.is_empty() && persons.iter().all(|p| *p == "—"), "{persons:?}");
}

#[test]
fn the_election_result_is_printed_without_screen_spaces() {
    let (_d, store) = demo();
    let conn = store.conn();
    let e = election(conn, &id_of(conn, "SELECT id FROM elections LIMIT 1"), &opts()).unwrap();
    assert!(!e.result.contains(" 名") && !e.result.contains(" 票"), "{}", e.result);
}

#[test]
fn an_unnamed_residents_contribution_is_bracketed_once() {
    let source = SourceLine {
        project: String::new(),
        kind: "居民筹资".into(),
        name: String::new(),
        name_public: true,
        amount: Fen(150_000),
        per_household: Some(Fen(5_000)),
        households: Some(30),
        spent: Fen::ZERO,
        balance: Fen::ZERO,
    };
    let mut n = samples::decision_notice();
    n.decisions = vec![Decided {
        budget: Some(DecidedBudget { total: Fen(150_000), sources: vec![source] }),
        ..Decided::text("楼道照明改造，费用由本楼住户分摊。")
    }];
    let printed = text(&n.document().unwrap());
    assert!(printed.contains("居民筹资（每户50元×30户）1500元"), "{printed}");
    n.wording = Wording::FIRST;
    assert!(text(&n.document().unwrap()).contains("（（"), "a notice issued before keeps its words");
}

#[test]
fn minutes_printed_before_sign_in_say_so_and_a_sign_in_sheet_without_a_place_has_a_line_for_it() {
    let (_d, store) = demo();
    let conn = store.conn();
    let meeting = id_of(conn, "SELECT id FROM meetings WHERE title = '小区停车秩序整治协商会'");
    conn.execute("UPDATE meeting_participants SET attended = 0", []).unwrap();
    let printed = text(&minutes(conn, &meeting, &opts()).unwrap().document().unwrap());
    assert!(printed.contains("未登记签到") && !printed.contains("（共0人）"), "{printed}");
    without_places(conn);
    let sheet = text(&sign_in(conn, &meeting, &opts()).unwrap().document().unwrap());
    assert!(sheet.contains("地点：________________"), "{sheet}");
}

#[test]
fn a_month_review_gives_the_year_of_a_date_from_another_year() {
    let (_d, store) = demo();
    let mut review = month_review(store.conn(), "2026-11", &opts()).unwrap();
    assert!(!review.open_community.is_empty() && !review.collected.is_empty(), "the demo has both");
    review.open_community[0].raised_on = chrono::NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
    review.collected[0].raised_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    let printed = text(&review.document().unwrap());
    assert!(printed.contains("2025年12月20日"), "{printed}");
    assert!(printed.contains("11月3日"), "{printed}");
    assert!(!printed.contains("2026年11月3日"), "this year's dates stay short: {printed}");
}
