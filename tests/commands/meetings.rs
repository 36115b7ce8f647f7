//! Command tests for 会议: the meeting screens' commands through the real IPC path (tauri::test).

use crate::common::TestApp;
use serde_json::{json, Value};

fn ok(app: &TestApp, cmd: &str, args: Value) -> Value {
    app.invoke(cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn table_count(app: &TestApp, table: &str) -> i64 {
    ok(app, "app_info", json!({}))["tables"][table].as_i64().unwrap_or(-1)
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

fn person(app: &TestApp, name: &str, role: &str, core: bool, household: Option<&str>) -> String {
    let p = json!({ "name": name, "roles": [role], "is_core_member": core, "household_id": household });
    id(&ok(app, "add_person", json!({ "person": p })))
}

fn household(app: &TestApp, label: &str) -> String {
    id(&ok(app, "add_household", json!({ "household": { "label": label } })))
}

fn accepted_topic(app: &TestApp, title: &str) -> String {
    let topic = json!({ "title": title, "description": "", "channel": "wechat", "raised_by_name": "王秀兰",
        "handling_class": "community", "scale": "minor" });
    let t = ok(app, "create_topic", json!({ "topic": topic, "actor": "张敏" }));
    ok(app, "move_topic", json!({ "id": id(&t), "to": "accepted", "actor": "李书记", "note": "" }));
    id(&t)
}

fn new_meeting(app: &TestApp, title: &str) -> Value {
    let m = json!({ "kind": "bench", "title": title, "starts_at": "2026-11-20T20:00:00+08:00",
        "place": "3号楼前小广场", "host_name": "李书记", "recorder_name": "张敏" });
    ok(app, "create_meeting", json!({ "meeting": m }))
}

fn hands(agree: u32, present: u32, eligible: u32, quorum: Option<u32>) -> Value {
    json!({ "method": "hands", "agree": agree, "oppose": 0, "abstain": 0, "present": present,
        "eligible": eligible, "rule": "majority_present", "quorum": quorum })
}

#[test]
fn vocab_carries_the_core_labels() {
    let app = TestApp::new();
    let v = ok(&app, "meeting_vocab", json!({}));
    let kinds: Vec<&str> = v["kinds"].as_array().unwrap().iter().map(|k| k["label"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["板凳会", "院坝会", "议事会", "居民会议", "线上"]);
    assert_eq!(v["vote_methods"][1], json!({ "value": "household", "label": "一户一票" }));
    assert_eq!(v["task_modes"][0]["label"], json!("自办"));
}

#[test]
fn a_bench_meeting_from_agenda_to_close_and_reopen() {
    let app = TestApp::new();
    let h1 = household(&app, "3号楼1单元101");
    let h2 = household(&app, "3号楼1单元102");
    household(&app, "3号楼1单元201");
    let wang = person(&app, "王秀兰", "居民代表", true, Some(&h1));
    person(&app, "李建国", "物业", true, None);
    let zhao = person(&app, "赵大伟", "居民", false, Some(&h2));
    let topic = accepted_topic(&app, "共享单车乱停放");

    let meeting = new_meeting(&app, "十一月板凳会");
    let mid = id(&meeting);
    assert_eq!(meeting["status"], json!("planned"));
    let agenda = ok(&app, "meeting_agenda", json!({ "meeting_id": mid }));
    assert_eq!(agenda[0]["title"], json!("上轮议定事项落实情况"));
    assert_eq!(agenda[0]["kind"], json!("follow_up"));
    assert_eq!(ok(&app, "followup_summary", json!({ "meeting_id": mid })), json!([]));

    let item = ok(&app, "add_agenda_topic", json!({ "meeting_id": mid, "topic_id": topic, "actor": "张敏" }));
    let other = ok(&app, "add_agenda_other", json!({ "meeting_id": mid, "title": "通报停水安排" }));
    let moved = ok(&app, "move_agenda_item", json!({ "item_id": id(&other), "direction": "up" }));
    let titles: Vec<&str> = moved.as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["上轮议定事项落实情况", "通报停水安排", "共享单车乱停放"]);
    let err = app.invoke("move_agenda_item", json!({ "item_id": id(&other), "direction": "up" })).expect_err("item 1");
    assert_eq!(err["code"], json!("meeting_follow_up_stays_first"));
    assert_eq!(ok(&app, "meeting_agenda", json!({ "meeting_id": mid })), moved, "the refused move changed nothing");
    assert_eq!(ok(&app, "get_topic", json!({ "id": topic }))["status"], json!("on_agenda"));

    let invited = ok(&app, "invite_core_members", json!({ "meeting_id": mid }));
    assert_eq!(invited.as_array().unwrap().len(), 2);
    let zhao_p = ok(&app, "invite_stakeholder", json!({ "meeting_id": mid, "person_id": zhao, "topic_id": topic }));
    assert_eq!(zhao_p["kind"], json!("stakeholder"));
    let wang_p = invited.as_array().unwrap().iter().find(|p| p["person_id"] == json!(wang)).unwrap().clone();
    let signed = ok(&app, "sign_in", json!({ "participant_id": id(&wang_p) }));
    assert_eq!(signed["attended"], json!(true));
    assert!(signed["signed_in_at"].is_string());
    assert_eq!(ok(&app, "get_meeting", json!({ "id": mid }))["status"], json!("planned"), "arriving is not starting");
    let started = ok(&app, "start_meeting", json!({ "id": mid }));
    assert_eq!(started["status"], json!("in_session"));
    assert!(started["started_at"].is_string());
    ok(&app, "sign_in", json!({ "participant_id": id(&zhao_p) }));
    ok(&app, "add_walk_in", json!({ "meeting_id": mid, "name": "快递小哥", "role_label": "骑手" }));
    let attendance = ok(&app, "meeting_attendance", json!({ "meeting_id": mid }));
    assert_eq!(attendance["present"].as_array().unwrap().len(), 3);
    assert_eq!(attendance["absent"].as_array().unwrap().len(), 1);

    let picks = ok(&app, "speaker_quick_pick", json!({ "meeting_id": mid }));
    assert_eq!(picks[0]["line"], json!("王秀兰（居民代表）："));
    let item_id = id(&item);
    ok(&app, "add_speaker", json!({ "item_id": item_id, "speaker": { "by": "person", "person_id": wang } }));
    let receipt =
        ok(&app, "save_minutes", json!({ "item_id": item_id, "text": "王秀兰（居民代表）：单车堵住了消防通道。" }));
    assert_eq!(receipt["save_count"], json!(1));
    assert!(receipt["saved_at"].is_string());
    assert_eq!(
        ok(&app, "get_minutes", json!({ "item_id": item_id }))["text"],
        json!("王秀兰（居民代表）：单车堵住了消防通道。")
    );

    let ticks = json!([{ "household_id": h1, "choice": "agree" }, { "household_id": h2, "choice": "agree" }]);
    let vote = ok(
        &app,
        "record_household_vote",
        json!({ "item_id": item_id, "ticks": ticks, "eligible": 3, "rule": "majority_eligible", "quorum": null }),
    );
    assert_eq!(vote["result"], json!("passed"));
    assert_eq!(vote["households"].as_array().unwrap().len(), 2);
    let no_quorum = ok(&app, "record_vote", json!({ "item_id": item_id, "input": hands(3, 3, 4, Some(4)) }));
    assert_eq!(no_quorum["result"], json!("no_quorum"));
    assert_eq!(ok(&app, "item_votes", json!({ "item_id": item_id })).as_array().unwrap().len(), 2);

    let decision = ok(
        &app,
        "add_decision",
        json!({ "item_id": item_id, "decision": { "text": "在3号楼前划定单车停放区", "act": true } }),
    );
    let task = ok(
        &app,
        "add_task",
        json!({ "decision_id": id(&decision), "task": {
        "title": "划线并立牌", "mode": "undertake", "responsible_unit": "物业公司", "person_in_charge": "李建国",
        "deadline": "2026-12-15" } }),
    );
    assert_eq!(task["status"], json!("not_started"));
    let decisions = ok(&app, "item_decisions", json!({ "item_id": item_id }));
    assert_eq!(decisions[0]["tasks"][0]["responsible_unit"], json!("物业公司"));

    let report = ok(&app, "close_meeting", json!({ "id": mid, "actor": "张敏" }));
    assert_eq!(report["meeting"]["status"], json!("closed"));
    assert_eq!(report["minutes_frozen"], json!(1));
    assert_eq!(report["topics_moved"][0]["to"], json!("decided"));
    assert!(!report["points_credited"].as_array().unwrap().is_empty());
    let revisions = ok(&app, "minutes_revisions", json!({ "item_id": item_id }));
    assert_eq!(revisions[0]["reason"], json!("meeting_close"));

    let reopened = ok(&app, "reopen_meeting", json!({ "id": mid, "reason": "补记一位发言人", "actor": "张敏" }));
    assert_eq!(reopened["status"], json!("in_session"));
    assert!(reopened["reopen_note"].as_str().unwrap().contains("补记一位发言人"));
}

#[test]
fn the_live_count_explains_and_refuses_impossible_counts() {
    let app = TestApp::new();
    let out = ok(&app, "evaluate_vote", json!({ "input": hands(13, 24, 30, None) }));
    assert_eq!(out["result"], json!("passed"));
    assert_eq!(out["needed"], json!(13));
    assert!(out["explanation"].as_str().unwrap().contains("表决通过"));

    let err = app.invoke("evaluate_vote", json!({ "input": hands(30, 24, 30, None) })).expect_err("30 of 24 present");
    assert_eq!(err["code"], json!("vote_votes_over_present"));
    assert!(err["message"].as_str().unwrap().contains("超过了到会的 24 人"));
}

#[test]
fn a_closed_meeting_refuses_edits_and_changes_nothing() {
    let app = TestApp::new();
    let mid = id(&new_meeting(&app, "十月议事会"));
    let item = id(&ok(&app, "meeting_agenda", json!({ "meeting_id": mid }))[0]);
    ok(&app, "close_meeting", json!({ "id": mid, "actor": "张敏" }));
    let (items, votes, decisions) =
        (table_count(&app, "agenda_items"), table_count(&app, "votes"), table_count(&app, "decisions"));

    let err = app.invoke("add_agenda_other", json!({ "meeting_id": mid, "title": "补一项" })).expect_err("closed");
    assert_eq!(err["code"], json!("meeting_closed"));
    assert!(err["message"].as_str().unwrap().contains("重新打开会议"));
    let err = app.invoke("record_vote", json!({ "item_id": item, "input": hands(3, 3, 4, None) })).expect_err("closed");
    assert_eq!(err["code"], json!("meeting_closed"));
    let err = app.invoke("add_decision", json!({ "item_id": item, "decision": { "text": "x", "act": true } }));
    assert_eq!(err.expect_err("closed")["code"], json!("meeting_closed"));
    let err =
        app.invoke("reopen_meeting", json!({ "id": mid, "reason": "  ", "actor": "张敏" })).expect_err("no reason");
    assert_eq!(err["code"], json!("field_empty"));

    assert_eq!(table_count(&app, "agenda_items"), items);
    assert_eq!(table_count(&app, "votes"), votes);
    assert_eq!(table_count(&app, "decisions"), decisions);
    assert_eq!(ok(&app, "get_meeting", json!({ "id": mid }))["status"], json!("closed"));
}

#[test]
fn a_restored_revision_keeps_the_text_it_replaces() {
    let app = TestApp::new();
    let mid = id(&new_meeting(&app, "十一月院坝会"));
    let item = id(&ok(&app, "meeting_agenda", json!({ "meeting_id": mid }))[0]);
    let long = "物业说下周一前修好车库的灯，居民代表同意监督。";
    ok(&app, "save_minutes", json!({ "item_id": item, "text": long }));
    let receipt = ok(&app, "save_minutes", json!({ "item_id": item, "text": "物" }));
    assert_eq!(receipt["revision_kept"], json!(true), "a large deletion keeps the text before it");
    let revisions = ok(&app, "minutes_revisions", json!({ "item_id": item }));
    assert_eq!(revisions[0]["reason"], json!("large_deletion"));
    let restored = ok(&app, "restore_minutes_revision", json!({ "revision_id": id(&revisions[0]) }));
    assert_eq!(restored["text"], json!(long));
    let reasons: Vec<Value> = ok(&app, "minutes_revisions", json!({ "item_id": item }))
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].clone())
        .collect();
    assert!(reasons.contains(&json!("before_restore")));
}

#[test]
fn the_household_count_is_the_default_eligible() {
    let app = TestApp::new();
    assert_eq!(ok(&app, "household_count", json!({})), json!(0));
    household(&app, "5号楼2单元301");
    household(&app, "5号楼2单元302");
    assert_eq!(ok(&app, "household_count", json!({})), json!(2));
}

#[test]
fn a_decision_notice_is_saved_where_the_dialog_says() {
    let app = TestApp::new();
    let saves = app.dir.path().join("U盘");
    std::fs::create_dir(&saves).unwrap();
    // Only this test in this file prints, so the process-wide preset is not shared.
    std::env::set_var("YISHI_TEST_SAVE_PATH", &saves);
    let mid = id(&new_meeting(&app, "十一月板凳会"));
    let topic = accepted_topic(&app, "共享单车乱停放");
    let item = id(&ok(&app, "add_agenda_topic", json!({ "meeting_id": mid, "topic_id": topic, "actor": "张敏" })));
    ok(&app, "record_vote", json!({ "item_id": item, "input": hands(5, 6, 7, None) }));
    ok(&app, "add_decision", json!({ "item_id": item, "decision": { "text": "划定停放区", "act": true } }));

    let saved = ok(&app, "print_meeting_doc", json!({ "kind": "decision", "id": item, "title": "共享单车/乱停放" }));
    assert_eq!(saved["file_name"], json!("决议公示-共享单车_乱停放.pdf"));
    let bytes = std::fs::read(saves.join("决议公示-共享单车_乱停放.pdf")).expect("the PDF on disk");
    assert!(bytes.starts_with(b"%PDF"));
    let saved = ok(&app, "print_meeting_doc", json!({ "kind": "sign_in", "id": mid, "title": "十一月板凳会" }));
    assert_eq!(saved["file_name"], json!("签到表-十一月板凳会.pdf"));
    // The 决议公示 is posted publicly, so it lands in the 公示台账; the sign-in sheet does not.
    let ledger = ok(&app, "list_notices", json!({}));
    let kinds: Vec<&str> = ledger.as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["decision"], "{ledger}");

    let err = app
        .invoke("print_meeting_doc", json!({ "kind": "poster", "id": mid, "title": "x" }))
        .expect_err("unknown kind");
    assert!(err["message"].as_str().unwrap().contains("决议公示"), "{err}");
}
