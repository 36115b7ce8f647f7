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
    s.client.set_window_size(1366, 768).await.expect("window size");
    // No passphrase yet: the export is refused and says where to set one.
    s.click("a[data-section=archive]").await;
    s.wait_for("#export-archive").await;
    s.shot("archive-empty").await;
    s.click("#export-archive").await;
    s.wait_text("#export-result.error", "归档密码").await;
    // 设置 → 归档密码: strength shown while typed, then saved.
    s.click("#nav a[data-section='settings']").await;
    let field = s.wait_for("#passphrase").await;
    field.send_keys("1234").await.unwrap();
    s.wait_text("#passphrase-strength", "太短").await;
    field.send_keys("幸福里议事会").await.unwrap();
    s.wait_text("#passphrase-strength", "强度").await;
    s.client.execute("document.getElementById('passphrase-card').scrollIntoView()", vec![]).await.expect("scroll");
    s.shot("passphrase-typed").await;
    s.click("#passphrase-save").await;
    s.wait_text("#passphrase-result", "已保存").await;
    s.shot("passphrase-saved").await;
    s.click("a[data-section=archive]").await;
    s.click("#export-archive").await;
    let done = s.wait_text("#export-result.ok", "已导出并核对无误").await;
    // Issue 14: the folder in words, and what to give the street office.
    assert!(done.contains("幸福里社区 20"), "{done}");
    let facts = s.text_of("#export-facts").await;
    assert!(facts.contains("ledger.xlsx") && facts.contains("交给街道"), "{facts}");
    s.wait_for("#open-export-folder").await;
    s.shot("exported").await;
    s.finish().await;
    let archive = std::fs::read_dir(stick.path()).unwrap().next().expect("one archive").unwrap().path();
    assert!(yishi_core::archive::verify(&archive).unwrap().encrypted);
    assert!(!archive.join("yishi.db").exists(), "only the encrypted database is on the stick");

    // The office PC, empty: preview, then import.
    let mut s = Session::start_with_env("archive_import", &[("YISHI_TEST_PICK_DIR", OsStr::new(&archive))]).await;
    s.client.set_window_size(1366, 768).await.expect("window size");
    s.click("a[data-section=archive]").await;
    // A new computer offers the demo first; she starts blank, to bring her records in.
    s.click("#welcome .choice button:not(#load-demo)").await;
    s.click("#preview-import").await;
    // This laptop does not know the passphrase: asked once, a wrong one changes nothing.
    s.wait_text("#import-result", "请输入归档密码").await;
    let field = s.wait_for("#import-passphrase").await;
    field.send_keys("不对的密码").await.unwrap();
    s.click("#import-with-passphrase").await;
    s.wait_text("#import-result", "密码不对").await;
    s.shot("import-wrong-passphrase").await;
    field.clear().await.unwrap();
    field.send_keys("1234幸福里议事会").await.unwrap();
    s.click("#import-with-passphrase").await;
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
