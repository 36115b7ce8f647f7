//! Command tests for 办理, 民事民评, 积分, 公约 and 年度统计 through the real IPC path (tauri::test),
//! on the demo community with the clock at 2026-11-21.

use crate::common::TestApp;
use serde_json::{json, Value};

/// Every test of this file sees the same clock and the same “另存为” folder (the variables are
/// process-wide; a `TestApp` holds its turn while they are set).
fn app() -> TestApp {
    let app = TestApp::new();
    std::env::set_var("YISHI_TODAY", "2026-11-21");
    let saves = std::env::temp_dir().join(format!("yishi-followup-saves-{}", std::process::id()));
    std::fs::create_dir_all(&saves).expect("saves dir");
    std::env::set_var("YISHI_TEST_SAVE_PATH", &saves);
    ok(&app, "load_demo", json!({}));
    app
}

fn ok(app: &TestApp, cmd: &str, args: Value) -> Value {
    app.invoke(cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn refused(app: &TestApp, cmd: &str, args: Value) -> String {
    let e = app.invoke(cmd, args).expect_err(cmd);
    e["message"].as_str().expect("message").to_string()
}

fn table_count(app: &TestApp, table: &str) -> i64 {
    ok(app, "app_info", json!({}))["tables"][table].as_i64().unwrap_or(-1)
}

fn board(app: &TestApp, filter: Value) -> Vec<Value> {
    ok(app, "task_board", json!({ "filter": filter })).as_array().expect("board").clone()
}

fn task_id(app: &TestApp, title: &str) -> String {
    let all = board(app, json!({ "include_done": true }));
    let t = all.iter().find(|t| t["title"] == title).unwrap_or_else(|| panic!("task {title}"));
    t["id"].as_str().unwrap().to_string()
}

fn note(app: &TestApp, id: &str, date: &str, text: &str, status: Option<&str>) -> Result<Value, Value> {
    app.invoke(
        "add_task_note",
        json!({ "id": id, "actor": "张敏",
        "note": { "date": date, "text": text, "status": status } }),
    )
}

fn year(app: &TestApp) -> Value {
    ok(app, "year_stats", json!({ "year": 2026, "place_id": null }))
}

fn saved_file(saved: &Value) -> std::path::PathBuf {
    let dir = std::env::var_os("YISHI_TEST_SAVE_PATH").expect("preset");
    std::path::Path::new(&dir).join(saved["file_name"].as_str().expect("file name"))
}

#[test]
fn the_board_lists_open_tasks_overdue_first_with_days_overdue() {
    let app = app();
    let vocab = ok(&app, "followup_vocab", json!({}));
    assert_eq!(vocab["today"], json!("2026-11-21"));
    assert_eq!(vocab["eval_methods"][0], json!({ "value": "phone_callback", "label": "电话回访" }));
    assert_eq!(vocab["task_statuses"][3]["label"], json!("受阻"));
    // The demo's open work: the dog convention (受阻, overdue), the garage floor (overdue), the
    // courtyard water pipe (due on 30 November).
    let tasks = board(&app, json!({}));
    let titles: Vec<&str> = tasks.iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["起草文明养犬公约并张贴征求意见", "车库地面防水修复", "更换院坝主水管并加装保温"]);
    assert_eq!((tasks[0]["overdue"].as_bool(), tasks[0]["days_overdue"].as_i64()), (Some(true), Some(205)));
    assert_eq!(tasks[1]["days_overdue"], json!(82), "31 Aug → 21 Nov");
    assert_eq!((tasks[2]["overdue"].as_bool(), tasks[2]["days_overdue"].as_i64()), (Some(false), Some(0)));
    let counts = ok(&app, "followup_counts", json!({}));
    let figures = ["open", "overdue", "blocked", "awaiting_evaluation"].map(|k| counts[k].as_u64().unwrap());
    assert_eq!(figures, [3, 2, 1, 1]);
    // Per topic, with the finished tasks: the garage topic has its two.
    let topic = tasks[1]["topic_id"].as_str().unwrap();
    assert_eq!(board(&app, json!({ "topic_id": topic })).len(), 1);
    assert_eq!(board(&app, json!({ "topic_id": topic, "include_done": true })).len(), 2);
    let meeting = tasks[1]["meeting_id"].as_str().unwrap();
    assert!(board(&app, json!({ "meeting_id": meeting })).iter().all(|t| t["meeting_id"] == meeting));
}

#[test]
fn progress_on_an_overdue_task_until_done_then_a_survey_closes_the_topic_and_stats_move() {
    let app = app();
    let floor = task_id(&app, "车库地面防水修复");
    let before = year(&app);
    let notes_before = table_count(&app, "task_notes");

    // Refused writes change nothing.
    let msg = note(&app, &floor, "2026-12-01", "防水层施工", None).expect_err("future").to_string();
    assert!(msg.contains("还没到"), "{msg}");
    let msg =
        refused(&app, "set_task_status", json!({ "id": floor, "status": "blocked", "reason": " ", "actor": "张敏" }));
    assert!(msg.contains("原因"), "{msg}");
    assert_eq!(table_count(&app, "task_notes"), notes_before);

    let r = note(&app, &floor, "2026-11-20", "开发商已进场，防水层施工过半", None).unwrap();
    assert_eq!(
        (r["task"]["status"].as_str(), r["topic_moves"].as_array().map(Vec::len)),
        (Some("in_progress"), Some(0))
    );
    let r = ok(
        &app,
        "set_task_status",
        json!({ "id": floor, "status": "done", "reason": "防水层已做，地面找平", "actor": "张敏" }),
    );
    assert_eq!(r["topic_moves"].as_array().unwrap().last().unwrap()["to"], json!("awaiting_evaluation"), "{r}");
    let topic_id = r["task"]["topic_id"].as_str().unwrap().to_string();
    assert_eq!(ok(&app, "get_topic", json!({ "id": topic_id }))["status"], json!("awaiting_evaluation"));
    let page = ok(&app, "task_page", json!({ "id": floor }));
    assert_eq!(page["notes"][0]["text"], json!("状态由“进行中”改为“已完成”：防水层已做，地面找平"), "newest first");
    assert_eq!(page["task"]["overdue"], json!(false), "done is never overdue");
    assert_eq!(ok(&app, "followup_counts", json!({}))["overdue"], json!(1));

    let live = ok(&app, "satisfaction_rate", json!({ "satisfied": 38, "basically_satisfied": 2, "unsatisfied": 2 }));
    assert_eq!(live["rate"]["display"], json!("95.2%"));
    let survey = |s: u32| {
        json!({ "topic_id": topic_id, "satisfied": s, "basically_satisfied": 2, "unsatisfied": 2,
        "method": "site_check", "evaluator": "居务监督委员会 周大爷", "comment": "", "date": "2026-11-21" })
    };
    let evals_before = table_count(&app, "evaluations");
    let msg = refused(
        &app,
        "record_evaluation",
        json!({ "evaluation": { "topic_id": topic_id, "satisfied": 0,
        "basically_satisfied": 0, "unsatisfied": 0, "method": "site_check", "date": "2026-11-21" }, "actor": "张敏" }),
    );
    assert!(msg.contains("没有收到任何评价"), "{msg}");
    assert_eq!(table_count(&app, "evaluations"), evals_before);
    let out = ok(&app, "record_evaluation", json!({ "evaluation": survey(38), "actor": "张敏" }));
    assert_eq!(out["topic"]["status"], json!("closed"));
    assert_eq!(ok(&app, "topic_evaluations", json!({ "topic_id": topic_id }))[0]["satisfaction"]["answers"], json!(42));

    let after = year(&app);
    assert_eq!(after["solved"].as_u64().unwrap(), before["solved"].as_u64().unwrap() + 1);
    assert_eq!(after["evaluations"].as_u64().unwrap(), before["evaluations"].as_u64().unwrap() + 1);
}

#[test]
fn a_poor_result_reopens_the_task_and_closing_without_evaluation_needs_a_reason() {
    let app = app();
    let visits = task_id(&app, "楼栋长每周回访两户");
    let topic_id = ok(&app, "task_page", json!({ "id": visits }))["task"]["topic_id"].as_str().unwrap().to_string();
    let poor = json!({ "topic_id": topic_id, "task_id": visits, "satisfied": 3, "basically_satisfied": 1,
        "unsatisfied": 9, "method": "meeting", "evaluator": "院坝会", "date": "2026-11-21", "reopen": "夜间仍有噪音" });
    let out = ok(&app, "record_evaluation", json!({ "evaluation": poor, "actor": "张敏" }));
    assert_eq!(
        (out["topic"]["status"].as_str(), out["reopened_task"]["status"].as_str()),
        (Some("in_progress"), Some("in_progress"))
    );
    assert_eq!(out["evaluation"]["satisfaction"]["rate"]["display"], json!("30.8%"));

    let msg =
        refused(&app, "close_without_evaluation", json!({ "topic_id": topic_id, "reason": "  ", "actor": "张敏" }));
    assert!(msg.contains("理由"), "{msg}");
    assert_eq!(ok(&app, "get_topic", json!({ "id": topic_id }))["status"], json!("in_progress"));
    let closed = ok(
        &app,
        "close_without_evaluation",
        json!({ "topic_id": topic_id, "reason": "已移交街道统一改造", "actor": "张敏" }),
    );
    assert_eq!(closed["status"], json!("closed"));
}

fn person(app: &TestApp, name: &str) -> String {
    let people = ok(app, "list_people", json!({}));
    let p = people.as_array().unwrap().iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("{name}"));
    p["id"].as_str().unwrap().to_string()
}

#[test]
fn a_redemption_beyond_the_balance_is_refused_and_changes_nothing() {
    let app = app();
    let who = person(&app, "王秀兰");
    let ledger = ok(&app, "points_ledger", json!({ "person_id": who }));
    let balance = ledger["balance"].as_i64().unwrap();
    assert_eq!(ledger["lines"].as_array().unwrap().last().unwrap()["balance_after"].as_i64(), Some(balance));
    let entries = table_count(&app, "points_entries");
    let msg = refused(&app, "redeem_points", json!({ "person_id": who, "points": balance + 1, "what": "电饭煲" }));
    assert_eq!(msg, format!("积分不足：王秀兰现有 {balance} 分，兑换需要 {} 分。", balance + 1));
    assert_eq!(table_count(&app, "points_entries"), entries);
    assert_eq!(ok(&app, "points_ledger", json!({ "person_id": who }))["balance"].as_i64(), Some(balance));

    ok(
        &app,
        "credit_points",
        json!({ "person_id": who, "points": 3, "source": "volunteer", "reason": "清理楼道小广告" }),
    );
    let e = ok(&app, "redeem_points", json!({ "person_id": who, "points": balance + 1, "what": "电饭煲" }));
    assert_eq!(e["points"].as_i64(), Some(-(balance + 1)));
    assert_eq!(ok(&app, "points_ledger", json!({ "person_id": who }))["balance"].as_i64(), Some(2));

    let msg = refused(&app, "save_points_rules", json!({ "rules": { "attendance": 200, "speaking": 1 } }));
    assert!(msg.contains("0 到 100"), "{msg}");
    assert_eq!(ok(&app, "points_rules", json!({})), json!({ "attendance": 2, "speaking": 1 }));
    let ranking = ok(&app, "points_ranking", json!({ "year": 2026 }));
    assert!(ranking.as_array().unwrap().len() > 5, "{ranking}");
}

#[test]
fn a_convention_from_draft_to_adoption_and_the_printouts() {
    let app = app();
    let text = json!({ "preamble": "为了文明养犬，制定本公约。",
        "chapters": [{ "title": "总则", "articles": ["出门遛犬须拴绳。", "及时清理犬只粪便。"] }] });
    let c = ok(&app, "create_convention", json!({ "title": "幸福里文明养犬公约", "text": text }));
    let id = c["id"].as_str().unwrap().to_string();
    let msg = refused(
        &app,
        "add_convention_feedback",
        json!({ "id": id, "feedback": { "received_on": "2026-11-21", "text": "大型犬要戴嘴套" } }),
    );
    assert!(msg.contains("公示"), "{msg}");
    ok(&app, "post_convention", json!({ "id": id, "from": "2026-11-10", "to": "2026-11-17" }));
    let f = ok(
        &app,
        "add_convention_feedback",
        json!({ "id": id, "feedback": { "received_on": "2026-11-12", "from_name": "刘阿姨", "text": "大型犬要戴嘴套" } }),
    );
    ok(&app, "respond_convention_feedback", json!({ "feedback_id": f["id"], "response": "采纳，增加第三条" }));
    let mut v2 = text.clone();
    v2["chapters"][0]["articles"].as_array_mut().unwrap().push(json!("大型犬出门须戴嘴套。"));
    let c = ok(&app, "save_convention_version", json!({ "id": id, "text": v2, "note": "采纳居民意见，增加第三条" }));
    assert_eq!((c["status"].as_str(), c["current"]["version_no"].as_i64()), (Some("draft"), Some(2)));
    let meeting = ok(&app, "list_meetings", json!({}))[0]["id"].as_str().unwrap().to_string();
    ok(&app, "post_convention", json!({ "id": id, "from": "2026-11-18", "to": "2026-11-20" }));
    let c = ok(&app, "adopt_convention", json!({ "id": id, "version_no": 2, "meeting_id": meeting }));
    assert_eq!(c["status"], json!("adopted"));
    let page = ok(&app, "convention_page", json!({ "id": id }));
    assert_eq!(page["versions"].as_array().unwrap().len(), 2);
    assert_eq!(page["feedback"][0]["response"], json!("采纳，增加第三条"));
    let msg = refused(&app, "save_convention_version", json!({ "id": id, "text": text, "note": "" }));
    assert!(msg.contains("通过"), "{msg}");

    let pdf = |saved: Value| std::fs::read(saved_file(&saved)).expect("saved pdf");
    assert!(pdf(ok(&app, "print_convention", json!({ "id": id }))).starts_with(b"%PDF"));
    // A character no font has stops the print with its name and place; “去掉这些字符后打印”
    // (omit_missing) prints the rest. Emoji print either way.
    let odd =
        json!({ "preamble": "文明养犬👍\u{E000}。", "chapters": [{ "title": "总则", "articles": ["拴绳遛犬🐕。"] }] });
    let odd_id = ok(&app, "create_convention", json!({ "title": "养犬公约", "text": odd }))["id"].clone();
    let e = app.invoke("print_convention", json!({ "id": odd_id })).expect_err("refused");
    assert_eq!(e["code"], json!("pdf_missing_glyphs"));
    assert!(e["message"].as_str().unwrap().contains('\u{E000}'), "{e}");
    let printed = pdf(ok(&app, "print_convention", json!({ "id": odd_id, "omit_missing": true })));
    assert!(printed.starts_with(b"%PDF"));
    let ids = [task_id(&app, "车库地面防水修复"), task_id(&app, "便民桥抬高加固")];
    let saved = ok(&app, "print_progress", json!({ "task_ids": ids }));
    assert!(saved["file_name"].as_str().unwrap().starts_with("落实情况公示-近期议定事项"), "{saved}");
    assert!(pdf(saved).starts_with(b"%PDF"));
    assert!(pdf(ok(&app, "print_points_table", json!({ "year": 2026, "mask_names": true }))).starts_with(b"%PDF"));
    let report = ok(&app, "print_year_report", json!({ "year": 2026, "place_id": null }));
    assert!(report["file_name"].as_str().unwrap().contains("2026年度协商议事工作报告"), "{report}");
    let msg = refused(&app, "print_progress", json!({ "task_ids": [] }));
    assert!(msg.contains("任务"), "{msg}");
}
