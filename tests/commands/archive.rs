//! Command tests for 台账与备份 through the real IPC path; the folder dialog is preset with
//! `YISHI_TEST_PICK_DIR` (one test, so the process-wide variable is not shared).

use crate::common::TestApp;
use serde_json::{json, Value};
use yishi_app::AppState;

fn demo_app() -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("yishi.db");
    let mut store = yishi_core::store::Store::open(&db).expect("store");
    yishi_core::demo::load(&mut store).expect("demo");
    drop(store);
    TestApp::with_state(dir, AppState::open(&db))
}

fn topics(app: &TestApp) -> i64 {
    app.invoke("app_info", json!({})).expect("app_info")["tables"]["topics"].as_i64().unwrap_or(-1)
}

#[test]
fn export_preview_import_and_restore_through_commands() {
    let stick = tempfile::tempdir().expect("stick");
    let source = demo_app();
    std::env::set_var("YISHI_TEST_PICK_DIR", stick.path());
    let err = source.invoke("export_archive", json!({})).unwrap_err();
    assert_eq!(err["code"], "archive_no_passphrase");
    assert_eq!(source.invoke("passphrase_state", json!({})).unwrap()["set"], false);
    let weak = source.invoke("passphrase_strength", json!({ "passphrase": "1234" })).unwrap();
    assert_eq!((weak["level"].as_str(), weak["acceptable"].as_bool()), (Some("too_short"), Some(false)));
    let err = source.invoke("set_passphrase", json!({ "passphrase": "1234" })).unwrap_err();
    assert_eq!(err["code"], "archive_passphrase_too_short");
    source.invoke("set_passphrase", json!({ "passphrase": "幸福里议事会 2026" })).expect("set");
    assert_eq!(source.invoke("passphrase_state", json!({})).unwrap()["set"], true);
    let report = source.invoke("export_archive", json!({})).expect("export");
    let archive = report["path"].as_str().expect("path").to_string();
    assert!(archive.contains("yishi-archive-幸福里社区-"), "{archive}");
    assert_eq!(source.invoke("archive_progress", json!({})).unwrap(), Value::Null, "no export running");

    std::env::set_var("YISHI_TEST_PICK_DIR", &archive);
    let verified = source.invoke("verify_archive", json!({})).expect("verify");
    assert_eq!(verified["community"], "幸福里社区");
    assert_eq!(verified["database_checked"], true, "with this laptop's passphrase");

    let target = TestApp::new();
    let err = target.invoke("confirm_import", json!({})).unwrap_err();
    assert_eq!(err["code"], "archive_no_preview", "no import without a preview first");
    let err = target.invoke("preview_import", json!({})).unwrap_err();
    assert_eq!(err["code"], "archive_passphrase_needed");
    let err = target
        .invoke("preview_import_with_passphrase", json!({ "passphrase": "不对的密码 1", "remember": true }))
        .unwrap_err();
    assert_eq!(err["code"], "archive_wrong_passphrase");
    let preview = target
        .invoke("preview_import_with_passphrase", json!({ "passphrase": "幸福里议事会 2026", "remember": true }))
        .expect("preview");
    assert_eq!(preview["applied"], false);
    assert_eq!(target.invoke("passphrase_state", json!({})).unwrap()["set"], false, "remembered only on import");
    assert_eq!(topics(&target), 0, "the preview changes nothing");
    let done = target.invoke("confirm_import", json!({})).expect("import");
    assert_eq!(done["new"], preview["new"]);
    assert_eq!(topics(&target), 30);
    assert_eq!(target.invoke("passphrase_state", json!({})).unwrap()["set"], true, "remembered");

    // The import backed up the empty state; restoring it empties the database again.
    assert!(target.dir.path().join("backups").is_dir(), "backups beside the database");
    let backups = target.invoke("list_backups", json!({})).expect("backups");
    assert_eq!(backups[0]["reason"], "import");
    let name = backups[0]["file_name"].as_str().unwrap();
    target.invoke("restore_backup", json!({ "file_name": name })).expect("restore");
    assert_eq!(topics(&target), 0, "the store was reopened on the restored file");
    let err = target.invoke("restore_backup", json!({ "file_name": "nope.db" })).unwrap_err();
    assert_eq!(err["code"], "backup_missing");
    assert_eq!(topics(&target), 0);

    // Restoring from the archive brings the demo back.
    assert_eq!(target.invoke("restore_from_archive", json!({})).expect("restore archive"), true);
    assert_eq!(topics(&target), 30);

    // A folder that is not an archive: refused with the core's message.
    std::env::set_var("YISHI_TEST_PICK_DIR", stick.path());
    let err = target.invoke("preview_import", json!({})).unwrap_err();
    assert_eq!(err["code"], "archive_not_archive");
    assert!(err["message"].as_str().unwrap().contains("不是议事簿的归档"));
}

/// 每日备份也加密 in 设置: refused without a passphrase; once on, a backup is written encrypted,
/// listed as such, and restores with this laptop's passphrase.
#[test]
fn encrypted_backups_through_commands() {
    use tauri::Manager;
    let app = demo_app();
    let err = app.invoke("set_backups_encrypted", json!({ "on": true })).unwrap_err();
    assert_eq!(err["code"], "backup_encrypt_no_passphrase");
    assert_eq!(app.invoke("passphrase_state", json!({})).unwrap()["backups_encrypted"], false);
    app.invoke("set_passphrase", json!({ "passphrase": "幸福里议事会 2026" })).expect("set");
    app.invoke("set_backups_encrypted", json!({ "on": true })).expect("switch on");
    assert_eq!(app.invoke("passphrase_state", json!({})).unwrap()["backups_encrypted"], true);

    let taken = app.window.state::<AppState>().with_store(|store| {
        Ok(yishi_core::archive::backup::take(
            store,
            yishi_core::archive::backup::Reason::Daily,
            yishi_core::time::now(),
        )?)
    });
    assert!(taken.expect("backup").encrypted);
    let backups = app.invoke("list_backups", json!({})).expect("backups");
    assert_eq!(backups[0]["encrypted"], true);
    let name = backups[0]["file_name"].as_str().unwrap().to_string();
    assert!(name.ends_with("-daily.db.age"), "{name}");
    app.invoke("restore_backup", json!({ "file_name": name })).expect("restore");
    assert_eq!(topics(&app), 30);

    app.invoke("set_backups_encrypted", json!({ "on": false })).expect("switch off");
    assert_eq!(app.invoke("passphrase_state", json!({})).unwrap()["backups_encrypted"], false);
}
