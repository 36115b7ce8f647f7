//! Command tests for 公示 through the real IPC path (tauri::test): preview bytes, characters the
//! fonts lack, issue, print and 另存为 with the test presets, posting with a photo, flags as the
//! test clock moves, drafts and templates.

use crate::common::TestApp;
use serde_json::json;

/// Tests that depend on the app's clock (`YISHI_TODAY`, set by one of them) take turns.
static CLOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn water_notice(issuer: &str) -> String {
    json!({
        "paper": "A4", "title": "停水通知", "salutation": "各位居民：",
        "paragraphs": ["因二次供水设施检修，3号楼暂停供水。"],
        "table": {"columns": ["楼栋", "停水时间"], "rows": [["3号楼", "12月3日 9:00-17:00"]]},
        "closing": "特此通知。", "issuer": issuer, "date": "2026-12-01",
        "period": {"from": "2026-12-01", "to": "2026-12-07"}, "mask_personal_data": true, "photo": null
    })
    .to_string()
}

fn count(app: &TestApp, table: &str) -> i64 {
    let info = app.invoke("app_info", json!({})).expect("app_info");
    info["tables"][table].as_i64().unwrap_or(-1)
}

#[test]
fn preview_gives_pdf_bytes_and_missing_characters_are_named_before_printing() {
    let app = TestApp::new();
    let pdf = app.invoke_bytes("preview_notice", json!({ "content": water_notice("幸福里社区居民委员会") })).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let ok = app.invoke("check_notice", json!({ "content": water_notice("幸福里社区居民委员会") })).unwrap();
    assert_eq!(ok, json!({ "missing": null, "masked_phones": 0, "masked_ids": 0 }));
    // Emoji print (Noto Emoji); a private-use character from an input method is in no font.
    let emoji = water_notice("幸福里社区居民委员会").replace("暂停供水", "暂停供水😀");
    assert_eq!(app.invoke("check_notice", json!({ "content": emoji })).unwrap()["missing"], json!(null));
    let bad = water_notice("幸福里社区居民委员会").replace("暂停供水", "暂停供水😀\u{E000}");
    let missing = app.invoke("check_notice", json!({ "content": bad })).unwrap();
    assert_eq!(missing["missing"], json!({ "chars": "\u{E000}", "location": "第1段" }));
    let err = app.invoke("issue_notice", json!({ "content": bad, "draft_id": null, "replaces": null })).unwrap_err();
    assert_eq!(err["code"], json!("pdf_missing_glyphs"));
    assert!(err["message"].as_str().unwrap().contains("第1段"), "{err}");
    assert_eq!(count(&app, "notices"), 0, "nothing issued");
    // “去掉这些字符后打印”: the preview and the issued notice leave out just that character.
    let preview = app.invoke_bytes("preview_notice", json!({ "content": bad, "omit_missing": true })).unwrap();
    let e = app
        .invoke("issue_notice", json!({ "content": bad, "draft_id": null, "replaces": null, "omit_missing": true }))
        .unwrap();
    let reprinted = app.invoke_bytes("notice_pdf", json!({ "id": e["id"] })).unwrap();
    assert_eq!(reprinted, preview, "the reprint is what the preview showed");
    let spec = app.invoke("notice_spec", json!({ "id": e["id"] })).unwrap();
    assert!(spec.as_str().unwrap().contains("暂停供水😀。"), "{spec}");
}

#[test]
fn issue_save_as_print_post_and_flag_with_the_test_presets() {
    let _clock = CLOCK.lock().unwrap_or_else(|p| p.into_inner());
    let app = TestApp::new();
    let dir = tempfile::tempdir().unwrap();
    let today = dir.path().join("today");
    std::fs::write(&today, "2026-12-01").unwrap();
    let photo = dir.path().join("board.png");
    std::fs::write(&photo, yishi_core::notices::demo::garage_photo()).unwrap();
    let log = dir.path().join("opened.log");
    // SAFETY: the tests that read these variables hold CLOCK; nothing else reads them.
    unsafe {
        std::env::set_var("YISHI_TODAY", &today);
        std::env::set_var("YISHI_TEST_SAVE_PATH", dir.path());
        std::env::set_var("YISHI_TEST_PICK_FILE", &photo);
        std::env::set_var("YISHI_TEST_OPEN_LOG", &log);
    }
    let defaults = app.invoke("notice_defaults", json!({})).unwrap();
    assert_eq!(defaults["today"], json!("2026-12-01"));

    app.invoke("save_notice_draft", json!({ "id": "draft-1", "content": water_notice("居委会") })).unwrap();
    let e = app
        .invoke("issue_notice", json!({ "content": water_notice("居委会"), "draft_id": "draft-1", "replaces": null }))
        .unwrap();
    assert_eq!((e["state_label"].clone(), e["version"].clone()), (json!("待张贴"), json!(1)));
    assert_eq!(app.invoke("list_notice_drafts", json!({})).unwrap(), json!([]), "the draft was used up");
    let id = e["id"].as_str().unwrap().to_string();

    let name = app.invoke("save_notice_as", json!({ "id": id })).unwrap();
    let saved = std::fs::read(dir.path().join(name.as_str().unwrap())).unwrap();
    let again = app.invoke_bytes("notice_pdf", json!({ "id": id })).unwrap();
    assert_eq!(saved, again, "另存为 and a reprint give the same bytes");
    app.invoke("print_notice", json!({ "id": id })).unwrap();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(std::fs::read(opened.trim()).unwrap(), saved);

    let posted = app
        .invoke(
            "record_notice_posting",
            json!({ "id": id, "posted_where": "3号楼公示栏", "posted_at": "2026-12-01", "with_photo": true }),
        )
        .unwrap();
    assert_eq!((posted["state_label"].clone(), posted["photo_count"].clone()), (json!("公示中"), json!(1)));
    assert_eq!(app.invoke("notice_boards", json!({})).unwrap(), json!(["3号楼公示栏"]));
    assert_eq!(app.invoke("notice_home_flags", json!({})).unwrap(), json!([]));

    std::fs::write(&today, "2026-12-08").unwrap();
    let flagged = app.invoke("notice_home_flags", json!({})).unwrap();
    assert_eq!(flagged[0]["flags"], json!(["still_posted"]));
    let err = app.invoke("record_notice_taken_down", json!({ "id": id, "taken_down_at": "2026-11-30" })).unwrap_err();
    assert_eq!(err["code"], json!("notice_taken_down_before_posted"));
    app.invoke("record_notice_taken_down", json!({ "id": id, "taken_down_at": "2026-12-08" })).unwrap();
    assert_eq!(app.invoke("notice_home_flags", json!({})).unwrap(), json!([]));
}

#[test]
fn a_template_starts_a_new_draft_and_a_correction_is_a_new_version() {
    let app = TestApp::new();
    let t =
        app.invoke("save_notice_template", json!({ "name": "停水通知", "content": water_notice("居委会") })).unwrap();
    let d = app.invoke("start_notice_from_template", json!({ "template_id": t["id"], "draft_id": "draft-2" })).unwrap();
    assert_eq!(d["title"], json!("停水通知"));
    let err = app.invoke("save_notice_template", json!({ "name": " ", "content": "{}" })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("模板名称"));
    assert_eq!(app.invoke("list_notice_templates", json!({})).unwrap().as_array().unwrap().len(), 1);

    let v1 = app
        .invoke("issue_notice", json!({ "content": water_notice("居委会"), "draft_id": null, "replaces": null }))
        .unwrap();
    let spec = app.invoke("notice_spec", json!({ "id": v1["id"] })).unwrap();
    let corrected = spec.as_str().unwrap().replace("3号楼", "6号楼");
    let v2 =
        app.invoke("issue_notice", json!({ "content": corrected, "draft_id": null, "replaces": v1["id"] })).unwrap();
    assert_eq!((v2["version"].clone(), v2["replaces_id"].clone()), (json!(2), v1["id"].clone()));
    let list = app.invoke("list_notices", json!({})).unwrap();
    let old = list.as_array().unwrap().iter().find(|n| n["id"] == v1["id"]).unwrap();
    assert_eq!(old["superseded_by"], json!(2));
}

#[test]
fn a_record_printed_from_its_section_lands_in_the_ledger() {
    let _clock = CLOCK.lock().unwrap_or_else(|p| p.into_inner());
    let app = TestApp::new();
    app.invoke("load_demo", json!({})).expect("load_demo");
    let topics = app.invoke("list_topics", json!({ "filter": {} })).unwrap();
    let topic = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"] == json!("小区停车乱，消防通道被占"))
        .expect("demo topic");
    let e = app.invoke("issue_notice_from_record", json!({ "kind": "topic", "id": topic["id"] })).unwrap();
    assert_eq!(e["kind_label"], json!("议题公示"));
    assert_eq!(e["reference"], json!({ "kind": "topic", "id": topic["id"] }));
    let again = app.invoke("issue_notice_from_record", json!({ "kind": "topic", "id": topic["id"] })).unwrap();
    assert_eq!(again["id"], e["id"], "printing again is the same notice");
    let pdf = app.invoke_bytes("notice_pdf", json!({ "id": e["id"] })).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let err = app.invoke("issue_notice_from_record", json!({ "kind": "free", "id": "x" })).unwrap_err();
    assert_eq!(err["code"], json!("notice_not_from_record"));
}

#[test]
fn the_preview_says_how_many_numbers_it_hides_and_keeps_the_public_one() {
    let app = TestApp::new();
    let settings = json!({ "name": "幸福里社区", "issuer": "幸福里社区居民委员会", "public_phone": "0531-86001234" });
    app.invoke("save_community_settings", json!({ "settings": settings })).unwrap();
    let content = water_notice("幸福里社区居民委员会")
        .replace("3号楼暂停供水。", "3号楼暂停供水。咨询0531-86001234，维修师傅13812345678、13987654321。");
    let check = app.invoke("check_notice", json!({ "content": content })).unwrap();
    assert_eq!((check["masked_phones"].clone(), check["masked_ids"].clone()), (json!(2), json!(0)), "{check}");
    let pdf = app.invoke_bytes("preview_notice", json!({ "content": content })).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}
