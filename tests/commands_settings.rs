//! Command tests for 设置 through the real IPC path (tauri::test).

mod common;

use common::TestApp;
use serde_json::json;

#[test]
fn app_info_reports_path_schema_and_version() {
    let app = TestApp::new();
    let info = app.invoke("app_info", json!({})).expect("app_info");
    let expected_path = app.dir.path().join("yishi.db");
    assert_eq!(info["db_path"], json!(expected_path.display().to_string()));
    assert!(info["schema_version"].as_i64().unwrap() >= 1);
    assert_eq!(info["app_version"], json!(env!("CARGO_PKG_VERSION")));
    assert!(info["tables"].is_object());
}

#[test]
fn a_locked_database_is_explained_in_chinese_not_as_a_debug_string() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("yishi.db");
    let _first = yishi_core::store::Store::open(&path).unwrap();
    let app = TestApp::with_state(dir, yishi_app::AppState::open(&path));
    let err = app.invoke("app_info", json!({})).expect_err("must fail while locked");
    assert_eq!(err["code"], json!("db_locked"));
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("另一个议事簿窗口"), "{message}");
    assert!(!message.contains("Error {") && !message.contains("Os {"), "{message}");
}
