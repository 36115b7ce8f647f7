//! Command tests for 设置 through the real IPC path (tauri::test).

use crate::common::TestApp;
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
fn a_portable_copy_says_which_file_on_the_stick_is_in_use() {
    // The USB stick: yishi.exe with a yishi-data folder beside it.
    let stick = tempfile::tempdir().unwrap();
    std::fs::create_dir(stick.path().join("yishi-data")).unwrap();
    let exe = stick.path().join("yishi.exe");
    let location = yishi_core::store::location::locate(None, Some(&exe), None);
    let state = yishi_app::AppState::open_at(location);
    let app = TestApp::with_state(stick, state);
    let info = app.invoke("app_info", json!({})).expect("app_info");
    let expected = app.dir.path().join("yishi-data").join("yishi.db");
    assert_eq!(info["db_path"], json!(expected.display().to_string()));
    assert_eq!(info["location"]["mode"], json!("portable"));
    assert!(info["location"]["mode_label"].as_str().unwrap().contains("绿色版"));
    assert!(expected.exists(), "the database is created on the stick");
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

#[test]
fn the_write_ahead_log_is_copied_into_the_file_only_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("yishi.db");
    let state = yishi_app::AppState::open(&path);
    state
        .with_store(|store| {
            store.write(|tx| {
                tx.execute_batch("CREATE TABLE filler(x); INSERT INTO filler VALUES (randomblob(300000));")
                    .map_err(yishi_core::store::StoreError::from)
            })?;
            Ok(())
        })
        .unwrap();
    let size = || std::fs::metadata(&path).unwrap().len();
    let before = size();
    state.checkpoint_if_idle();
    assert_eq!(size(), before, "no checkpoint right after use: she may still be typing");
    std::thread::sleep(yishi_app::CHECKPOINT_AFTER_IDLE + std::time::Duration::from_millis(200));
    state.checkpoint_if_idle();
    assert!(size() > before + 200_000, "after a pause the log is in the file: {before} → {}", size());
}

#[test]
fn the_minutes_autosave_is_in_the_search_index_within_a_second_and_a_search_never_misses_it() {
    use tauri::Manager;
    let app = TestApp::new();
    app.invoke("load_demo", json!({})).expect("demo");
    let state = app._app.state::<yishi_app::AppState>();
    let item: String = state
        .with_store(|store| {
            let sql = "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id \
                       WHERE m.status <> 'closed' LIMIT 1";
            Ok(store.conn().query_row(sql, [], |r| r.get(0)).map_err(yishi_core::store::StoreError::from)?)
        })
        .unwrap();
    let save = |text: &str| app.invoke("save_minutes", json!({ "item_id": item, "text": text })).expect("autosave");
    let indexed = |q: &str| {
        let q = yishi_core::search::SearchQuery::new(q);
        state.with_store(|store| Ok(yishi_core::search::search(store.conn(), &q)?.total)).unwrap()
    };
    save("袁师傅下周二来修水泵房的闸阀🔧");
    // Not while she types: a pause of an hour has not passed since the save. (The real pause,
    // INDEX_AFTER_IDLE, is 0.4 s: a busy test machine could take that long between two lines.)
    state.index_if_idle_for(std::time::Duration::from_secs(3600));
    assert_eq!(indexed("水泵房的闸阀"), 0, "not while she types: the entry is written after a pause");
    std::thread::sleep(yishi_app::INDEX_AFTER_IDLE + std::time::Duration::from_millis(100));
    state.index_if_idle();
    assert_eq!(indexed("水泵房的闸阀"), 1, "after a pause the last autosave is in the index");
    // Without a pause, the search box's command writes what is owed before it looks.
    save("袁师傅下周三来修水泵房的闸阀🔧");
    let found = app.invoke("search", json!({ "query": { "text": "下周三来修" } })).expect("search");
    assert_eq!(found["hits"][0]["kind"], json!("minutes"), "{found}");
}

#[test]
fn rebuilding_the_search_index_reports_the_documents_and_keeps_search_working() {
    let app = TestApp::new();
    app.invoke("load_demo", json!({})).expect("demo");
    let n = app.invoke("rebuild_search_index", json!({})).expect("rebuild");
    assert!(n.as_u64().unwrap() > 50, "{n}");
    let found = app.invoke("search", json!({ "query": { "text": "车库" } })).expect("search");
    assert_eq!(found["hits"][0]["title"], json!("地下车库地面破损、照明不足"));
}
