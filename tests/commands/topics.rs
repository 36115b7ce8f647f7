//! Command tests for 议题 and 设置 (roster, catalogue) through the real IPC path (tauri::test).

use crate::common::TestApp;
use serde_json::{json, Value};

fn topic(title: &str, scale: &str) -> Value {
    json!({
        "title": title,
        "description": "晚上回家看不见路",
        "channel": "wechat",
        "raised_by_name": "王秀兰",
        "raised_by_phone": "13812345678",
        "handling_class": "community",
        "scale": scale,
    })
}

fn create(app: &TestApp, title: &str, scale: &str) -> Value {
    app.invoke("create_topic", json!({ "topic": topic(title, scale), "actor": "王秀兰" })).expect("create_topic")
}

fn table_count(app: &TestApp, table: &str) -> i64 {
    let info = app.invoke("app_info", json!({})).expect("app_info");
    info["tables"][table].as_i64().unwrap_or(-1)
}

#[test]
fn a_topic_is_created_listed_and_moved_with_its_timeline() {
    let app = TestApp::new();
    let t = create(&app, "3号楼地下车库灯不亮", "minor");
    assert_eq!(t["status"], json!("collected"));
    let id = t["id"].as_str().unwrap();

    let listed = app.invoke("list_topics", json!({ "filter": { "statuses": ["collected"] } })).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["title"], json!("3号楼地下车库灯不亮"));

    let moved = app.invoke("move_topic", json!({ "id": id, "to": "accepted", "actor": "李书记", "note": "" })).unwrap();
    assert_eq!(moved["status"], json!("accepted"));
    let timeline = app.invoke("topic_timeline", json!({ "id": id })).unwrap();
    let actors: Vec<&str> = timeline.as_array().unwrap().iter().map(|e| e["actor"].as_str().unwrap()).collect();
    assert_eq!(actors, ["王秀兰", "李书记"]);
    let counts = app.invoke("topic_counts", json!({})).unwrap();
    assert_eq!(counts, json!([{ "status": "accepted", "count": 1 }]));
}

#[test]
fn a_refused_move_returns_a_chinese_message_and_changes_nothing() {
    let app = TestApp::new();
    let id = create(&app, "楼道堆放杂物", "minor")["id"].as_str().unwrap().to_string();
    let events = table_count(&app, "topic_events");

    let err = app
        .invoke("move_topic", json!({ "id": id, "to": "rejected", "actor": "李书记", "note": "   " }))
        .expect_err("an empty reason is refused");
    assert_eq!(err["code"], json!("topic_note_required"));
    assert_eq!(err["message"], json!("不予受理时必须写明不予受理的理由。"));

    let err = app
        .invoke("move_topic", json!({ "id": id, "to": "closed", "actor": "李书记", "note": "x" }))
        .expect_err("no skipping ahead");
    assert_eq!(err["code"], json!("topic_illegal_move"));
    assert!(err["message"].as_str().unwrap().contains("已收集"), "{err}");
    assert!(err.get("field").is_none(), "a refused move is about no single field: {err}");

    assert_eq!(table_count(&app, "topic_events"), events);
    let t = app.invoke("get_topic", json!({ "id": id })).unwrap();
    assert_eq!(t["status"], json!("collected"));
}

#[test]
fn an_empty_title_is_refused_with_the_field_named() {
    let app = TestApp::new();
    let err = app
        .invoke("create_topic", json!({ "topic": topic("  ", "minor"), "actor": "王秀兰" }))
        .expect_err("empty title");
    assert_eq!(err["code"], json!("field_empty"));
    assert_eq!(err["message"], json!("请填写议题标题。"));
    // The form shows it under the field with this label (ui/js/forms.js showError).
    assert_eq!(err["field"], json!("议题标题"));
    assert_eq!(table_count(&app, "topics"), 0);
}

#[test]
fn the_review_queue_puts_urgent_first_and_merge_takes_a_duplicate() {
    let app = TestApp::new();
    let first = create(&app, "共享单车乱停放", "minor");
    let urgent = create(&app, "便民桥被洪水冲坏", "urgent");
    let dup = create(&app, "单车乱停堵住消防通道", "minor");
    let queue = app.invoke("review_queue", json!({})).unwrap();
    let ids: Vec<&Value> = queue.as_array().unwrap().iter().map(|t| &t["id"]).collect();
    assert_eq!(ids, [&urgent["id"], &first["id"], &dup["id"]]);

    let similar = app.invoke("similar_topics", json!({ "title": "单车乱停" })).unwrap();
    assert!(similar.as_array().unwrap().iter().any(|t| t["id"] == first["id"]), "{similar}");

    let merged =
        app.invoke("merge_topic", json!({ "id": dup["id"], "into_id": first["id"], "actor": "李书记" })).unwrap();
    assert_eq!(merged["status"], json!("merged"));
    assert_eq!(merged["merged_into_id"], first["id"]);
    let err = app
        .invoke("merge_topic", json!({ "id": first["id"], "into_id": first["id"], "actor": "李书记" }))
        .expect_err("into itself");
    assert_eq!(err["message"], json!("不能把议题合并到它自己。"));
}

#[test]
fn a_merge_is_taken_back_through_revert_topic() {
    let app = TestApp::new();
    let a = create(&app, "车库灯不亮", "minor");
    let b = create(&app, "车库的灯坏了", "minor");
    app.invoke("merge_topic", json!({ "id": b["id"], "into_id": a["id"], "actor": "王秀兰" })).unwrap();
    let back = app.invoke("revert_topic", json!({ "id": b["id"], "actor": "王秀兰", "reason": "点错了" })).unwrap();
    assert_eq!((back["status"].clone(), back["merged_into_id"].clone()), (json!("collected"), json!(null)));
    let err =
        app.invoke("revert_topic", json!({ "id": b["id"], "actor": "王秀兰", "reason": "再撤一次" })).unwrap_err();
    assert_eq!(err["code"], json!("topic_not_revertible"));
}

#[test]
fn the_vocabulary_carries_the_chinese_labels() {
    let app = TestApp::new();
    let vocab = app.invoke("topic_vocab", json!({})).unwrap();
    assert_eq!(vocab["channels"].as_array().unwrap().len(), 9);
    assert_eq!(vocab["channels"][2], json!({ "value": "hotline_12345", "label": "12345热线" }));
    let accepted = vocab["statuses"].as_array().unwrap().iter().find(|s| s["value"] == "accepted").unwrap();
    assert_eq!((accepted["action"].clone(), accepted["open"].clone()), (json!("受理"), json!(true)));
    let community = app.invoke("community_vocab", json!({})).unwrap();
    assert!(community["roles"].as_array().unwrap().contains(&json!("楼栋长")));
}

#[test]
fn a_person_is_listed_with_the_phone_masked_and_a_bad_phone_is_refused() {
    let app = TestApp::new();
    let person =
        json!({ "name": "张建国", "phone": "13912345678", "roles": ["党员", "楼栋长"], "is_core_member": true });
    let added = app.invoke("add_person", json!({ "person": person })).unwrap();
    assert_eq!(added["phone_masked"], json!("139****5678"));
    let people = app.invoke("list_people", json!({})).unwrap();
    assert_eq!(people[0]["phone_masked"], json!("139****5678"));

    let bad = json!({ "name": "李四", "phone": "一三九" });
    let err = app.invoke("add_person", json!({ "person": bad })).expect_err("letters in a phone");
    assert_eq!(err["code"], json!("community_bad_phone"));
    assert_eq!(app.invoke("list_people", json!({})).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn the_catalogue_is_renamed_extended_and_retired() {
    let app = TestApp::new();
    let added = app.invoke("add_category", json!({ "parent_id": null, "name": "移风易俗" })).unwrap();
    let id = added["id"].as_str().unwrap();
    app.invoke("rename_category", json!({ "id": id, "name": "移风易俗与红白事" })).unwrap();
    app.invoke("retire_category", json!({ "id": id })).unwrap();
    let offered = app.invoke("list_categories", json!({ "include_retired": false })).unwrap();
    assert!(!offered.as_array().unwrap().iter().any(|c| c["id"] == added["id"]));
    let all = app.invoke("list_categories", json!({ "include_retired": true })).unwrap();
    let kept = all.as_array().unwrap().iter().find(|c| c["id"] == added["id"]).unwrap();
    assert_eq!((kept["name"].clone(), kept["retired"].clone()), (json!("移风易俗与红白事"), json!(true)));
    let err =
        app.invoke("add_category", json!({ "parent_id": null, "name": "移风易俗与红白事" })).expect_err("duplicate");
    assert_eq!(err["code"], json!("community_duplicate"));
}

#[test]
fn settings_and_places_round_trip() {
    let app = TestApp::new();
    let err = app
        .invoke("save_community_settings", json!({ "settings": { "name": "", "issuer": "x" } }))
        .expect_err("name required");
    assert_eq!(err["message"], json!("请填写社区名称。"));
    let s = json!({ "name": "幸福里社区", "issuer": "幸福里社区居民委员会", "default_place": "3号楼前院坝" });
    app.invoke("save_community_settings", json!({ "settings": s })).unwrap();
    let mut expected = s.clone();
    expected["time_zone"] = json!("Asia/Shanghai");
    expected["public_phone"] = json!("");
    expected["qr_text"] = json!("");
    expected["qr_caption"] = json!("扫码进群反馈意见");
    expected["qr_picture"] = json!(false);
    assert_eq!(app.invoke("community_settings", json!({})).unwrap(), expected, "the zone defaults to China's");

    let estate = app.invoke("add_place", json!({ "place": { "kind": "小区", "name": "幸福里小区" } })).unwrap();
    let building = app
        .invoke("add_place", json!({ "place": { "parent_id": estate["id"], "kind": "楼栋", "name": "3号楼" } }))
        .unwrap();
    assert_eq!(building["path"], json!("幸福里小区 / 3号楼"));
    let h = app
        .invoke("add_household", json!({ "household": { "label": "3号楼2单元301", "place_id": building["id"] } }))
        .unwrap();
    assert_eq!(h["members"], json!(0));
}

#[test]
fn draft_photos_follow_the_topic_and_non_images_never_arrive() {
    let app = TestApp::new();
    // pick_photo reads the preset instead of opening a dialog (see src-tauri/src/dialogs.rs).
    let photo = app.dir.path().join("车库.png");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::env::set_var("YISHI_TEST_PICK_FILE", &photo);
    let a = app.invoke("pick_photo", json!({ "owner_kind": "draft", "owner_id": "form-1" })).unwrap();
    assert_eq!(a["file_name"], json!("车库.png"));

    let t = app
        .invoke(
            "create_topic",
            json!({ "topic": topic("地下车库照明损坏", "minor"), "actor": "王秀兰", "draft_key": "form-1" }),
        )
        .unwrap();
    let photos = app.invoke("list_attachments", json!({ "owner_kind": "topic", "owner_id": t["id"] })).unwrap();
    assert_eq!(photos.as_array().unwrap().len(), 1);
    assert_eq!(photos[0]["mime"], json!("image/png"));

    let text = app.dir.path().join("说明.txt");
    std::fs::write(&text, "不是图片").unwrap();
    std::env::set_var("YISHI_TEST_PICK_FILE", &text);
    let err = app.invoke("pick_photo", json!({ "owner_kind": "topic", "owner_id": t["id"] })).expect_err("text");
    assert_eq!(err["code"], json!("attachment_not_an_image"));
    std::env::remove_var("YISHI_TEST_PICK_FILE");
    let photos = app.invoke("list_attachments", json!({ "owner_kind": "topic", "owner_id": t["id"] })).unwrap();
    assert_eq!(photos.as_array().unwrap().len(), 1);
}

#[test]
fn the_public_phone_is_a_setting_checked_like_a_roster_phone() {
    let app = TestApp::new();
    let mut s = json!({ "name": "幸福里社区", "issuer": "幸福里社区居民委员会", "default_place": "", "public_phone": "86001234" });
    let err = app.invoke("save_community_settings", json!({ "settings": s })).expect_err("no area code");
    assert_eq!(err["code"], json!("community_bad_public_phone"));
    assert!(err["message"].as_str().unwrap().contains("公开联系电话"), "{err}");
    s["public_phone"] = json!("0531-86001234");
    app.invoke("save_community_settings", json!({ "settings": s })).unwrap();
    assert_eq!(app.invoke("community_settings", json!({})).unwrap()["public_phone"], json!("0531-86001234"));
}

#[test]
fn the_feedback_qr_is_a_setting_refused_when_too_long_to_scan() {
    let app = TestApp::new();
    let mut s = json!({ "name": "幸福里社区", "issuer": "幸福里社区居民委员会", "qr_text": "群".repeat(151) });
    let err = app.invoke("save_community_settings", json!({ "settings": s })).expect_err("too long");
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("community_qr_text_too_long"), Some("反馈二维码内容"))
    );
    s["qr_text"] = json!("https://example.cn/群?id=1😊");
    s["qr_caption"] = json!("扫码反馈");
    app.invoke("save_community_settings", json!({ "settings": s })).unwrap();
    let saved = app.invoke("community_settings", json!({})).unwrap();
    assert_eq!(
        (saved["qr_text"].as_str(), saved["qr_caption"].as_str()),
        (Some("https://example.cn/群?id=1😊"), Some("扫码反馈"))
    );
}

#[test]
fn the_topic_notice_masks_the_raiser_unless_the_switch_asks_for_the_full_name() {
    let app = TestApp::new();
    let saves = app.dir.path().join("U盘");
    std::fs::create_dir(&saves).unwrap();
    // Only this test in this file prints, so the process-wide preset is not shared.
    std::env::set_var("YISHI_TEST_SAVE_PATH", &saves);
    let t = create(&app, "楼道灯不亮", "minor");
    let print = |mask: Value, name: &str| {
        let dir = saves.join(name);
        std::fs::create_dir(&dir).unwrap();
        std::env::set_var("YISHI_TEST_SAVE_PATH", &dir);
        let args = json!({ "kind": "topic", "id": t["id"], "title": "楼道灯不亮", "choices": { "mask_names": mask } });
        let saved = app.invoke("print_meeting_doc", args).expect("print");
        let out = std::process::Command::new("pdftotext")
            .args([dir.join(saved["file_name"].as_str().unwrap()).as_os_str(), std::ffi::OsStr::new("-")])
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect::<String>()
    };
    let default = print(Value::Null, "default");
    assert!(default.contains("该议题由王*兰于") && !default.contains("王秀兰"), "{default}");
    let full = print(json!(false), "full");
    assert!(full.contains("该议题由王秀兰于"), "{full}");
}
