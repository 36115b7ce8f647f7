//! End-to-end journeys through the real desktop app (see tests/e2e/e2e_support.rs).

use crate::e2e_support::{Session, SERIAL};

const SECTIONS: [&str; 7] = ["议题", "会议", "办理", "公示", "积分", "台账与备份", "设置"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_opens_with_seven_sections_and_settings_shows_the_database() {
    let _serial = SERIAL.lock().await;
    let mut s = Session::start("app_frame").await;

    let nav = s.text_of("#nav").await;
    for name in SECTIONS {
        assert!(nav.contains(name), "section {name} missing from the navigation: {nav}");
    }
    s.shot("frame").await;

    s.click("#nav a[data-section='settings']").await;
    let path = s.text_of("#db-path").await;
    assert_eq!(path, s.db.display().to_string());
    let schema = s.text_of("#schema-version").await;
    assert!(schema.parse::<i64>().map(|v| v >= 1).unwrap_or(false), "schema version: {schema}");
    assert_eq!(s.text_of("#app-version").await, env!("CARGO_PKG_VERSION"));
    s.shot("settings").await;
    s.finish().await;
}
