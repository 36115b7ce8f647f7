//! End-to-end: 台账与备份 — export the demo community to a “USB stick” (the folder dialog is
//! preset with `YISHI_TEST_PICK_DIR`), then import that archive on a fresh app and see the
//! dry-run summary before confirming.

use std::ffi::OsStr;

use crate::e2e_support::{Session, SERIAL};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_the_demo_to_a_stick_then_import_it_on_a_fresh_laptop() {
    let _serial = SERIAL.lock().await;
    let seeded = tempfile::tempdir().unwrap();
    let db = seeded.path().join("yishi.db");
    let mut store = yishi_core::store::Store::open(&db).unwrap();
    yishi_core::demo::load(&mut store).unwrap();
    drop(store);
    let stick = tempfile::tempdir().unwrap();

    // The secretary's laptop: export.
    let mut s = Session::restart_on("archive_export", &db, &[("YISHI_TEST_PICK_DIR", stick.path().as_os_str())]).await;
    s.client.set_window_size(1280, 900).await.expect("window size");
    s.click("a[data-section=archive]").await;
    s.wait_for("#export-archive").await;
    s.shot("archive-empty").await;
    s.click("#export-archive").await;
    let done = s.wait_text("#export-result.ok", "已导出并核对无误").await;
    assert!(done.contains("yishi-archive-幸福里社区-"), "{done}");
    s.shot("exported").await;
    s.finish().await;
    let archive = std::fs::read_dir(stick.path()).unwrap().next().expect("one archive").unwrap().path();
    assert!(yishi_core::archive::verify(&archive).is_ok());

    // The office PC, empty: preview, then import.
    let mut s = Session::start_with_env("archive_import", &[("YISHI_TEST_PICK_DIR", OsStr::new(&archive))]).await;
    s.client.set_window_size(1280, 900).await.expect("window size");
    s.click("a[data-section=archive]").await;
    // A new computer offers the demo first; she starts blank, to bring her records in.
    s.click("#welcome .choice button:not(#load-demo)").await;
    s.click("#preview-import").await;
    let summary = s.wait_text("#import-summary", "新增").await;
    assert!(summary.contains("更新 0 条"), "{summary}");
    let tables = s.text_of("#import-tables").await;
    assert!(tables.contains("议题") && tables.contains("30"), "{tables}");
    s.client.execute("document.getElementById('export-card').scrollIntoView()", vec![]).await.expect("scroll");
    s.shot("import-preview").await;
    s.click("#confirm-import").await;
    let imported = s.wait_text("#import-result.ok", "已导入").await;
    assert!(imported.contains("导入前的状态已备份"), "{imported}");
    let backups = s.text_of("#backups").await;
    assert!(backups.contains("导入前备份"), "{backups}");
    s.shot("imported").await;
    s.finish().await;
}
