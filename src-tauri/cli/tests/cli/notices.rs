//! `yishi-cli render SPEC.json --out FILE.pdf` (a notice without a database) and
//! `yishi-cli --db PATH notice --kind KIND --id ID --out FILE.pdf` (a notice from the records).

use std::process::Command;

use yishi_core::notices::demo;

use crate::common::first_id;

fn cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_yishi-cli"))
        .args(args)
        // A database the command must not touch.
        .env("YISHI_DB", "/nonexistent/dir/yishi.db")
        .output()
        .unwrap()
}

#[test]
fn renders_a_spec_to_a_pdf_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec.json");
    std::fs::write(&spec, demo::FREE_NOTICE_JSON).unwrap();
    let out = dir.path().join("公示.pdf");
    let o = cli(&["render".as_ref(), spec.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left");
}

#[test]
fn bad_json_or_a_bad_date_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let cases = [
        ("{\"title\": \"停车", "不是有效的 JSON"),
        (r#"{"title":"t","paragraphs":[],"issuer":"i","date":"2026-02-30"}"#, "2026-02-30"),
        // An emoji prints now; a private-use character is in no bundled font.
        (r#"{"title":"t","paragraphs":["😀\uE000"],"issuer":"i","date":"2026-02-03"}"#, "没有字体可以打印"),
    ];
    for (json, expected) in cases {
        let spec = dir.path().join("spec.json");
        std::fs::write(&spec, json).unwrap();
        let o = cli(&["render".as_ref(), spec.as_os_str(), "--out".as_ref(), out.as_os_str()]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{json}");
        assert!(stderr.contains(expected), "{json}: {stderr}");
        assert!(!out.exists(), "{json}: no file");
    }
}

/// A demo community database in `dir`, filled through the CLI.
fn demo_db(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let o = cli(&["--db".as_ref(), db.as_os_str(), "demo".as_ref()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

fn notice(db: &std::path::Path, kind: &str, id: &str, out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["--db".as_ref(), db.as_os_str(), "notice".as_ref()];
    args.extend(["--kind", kind, "--id", id, "--date", "2026-11-21"].iter().map(|s| std::ffi::OsStr::new(*s)));
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    args.extend(["--out".as_ref(), out.as_os_str()]);
    cli(&args)
}

#[test]
fn every_notice_kind_prints_from_the_demo_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let meeting = first_id(&db, "SELECT id FROM meetings WHERE title = '小区停车秩序整治协商会'");
    let item = first_id(&db, "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'");
    let decision = first_id(&db, &format!("SELECT id FROM decisions WHERE agenda_item_id = '{item}'"));
    let topic = first_id(&db, "SELECT id FROM topics WHERE title = '老年食堂想增加晚餐'");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO conventions (id, title, status, created_at, updated_at) \
           VALUES ('c1', '幸福里小区居民公约', 'draft', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'); \
         INSERT INTO convention_versions (id, convention_id, version_no, chapters, created_at, updated_at) \
           VALUES ('v1', 'c1', 1, '[{\"title\":\"总则\",\"articles\":[\"遛狗牵绳。\"]}]', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');",
    )
    .unwrap();
    let cases = [
        ("meeting-notice", meeting.as_str(), "小区停车秩序整治协商会"),
        ("topic", topic.as_str(), "老年食堂想增加晚餐"),
        ("decision", item.as_str(), "同意"),
        ("decision", decision.as_str(), "临时停车位18个"),
        ("progress", decision.as_str(), "落实情况"),
        ("minutes", meeting.as_str(), "记录人"),
        ("sign-in", meeting.as_str(), "签名"),
        ("points", "2026", "积分"),
        ("convention", "c1", "遛狗牵绳"),
    ];
    for (kind, id, expected) in cases {
        let out = dir.path().join(format!("{kind}.pdf"));
        let o = notice(&db, kind, id, &out, &[]);
        assert!(o.status.success(), "{kind}: {}", String::from_utf8_lossy(&o.stderr));
        let text = crate::notices_common::page_text(&std::fs::read(&out).unwrap());
        assert!(text.contains(expected), "{kind}: {expected} not in {text}");
        assert!(text.contains("2026年11月21日") || kind == "minutes" || kind == "sign-in", "{kind}: date");
    }
    // The demo's parking decision notice: since issue 16 it also prints its 资金安排 (budget
    // and sources), which takes it onto a second page.
    let pages = crate::notices_common::pdf_pages(&std::fs::read(dir.path().join("decision.pdf")).unwrap());
    assert_eq!(pages, 2);
    assert!(
        crate::notices_common::page_text(&std::fs::read(dir.path().join("decision.pdf")).unwrap()).contains("资金安排")
    );
    let a3 = dir.path().join("a3.pdf");
    assert!(notice(&db, "decision", &item, &a3, &["--paper", "A3"]).status.success());
    let full = dir.path().join("full.pdf");
    assert!(notice(&db, "points", "2026", &full, &["--unmask-names"]).status.success());
    let masked = crate::notices_common::page_text(&std::fs::read(dir.path().join("points.pdf")).unwrap());
    let unmasked = crate::notices_common::page_text(&std::fs::read(&full).unwrap());
    assert!(masked.contains('*') && !unmasked.contains('*'), "names masked only by default");
}

#[test]
fn the_fund_use_notice_prints_for_a_project_and_for_a_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let bridge = first_id(&db, "SELECT decision_id FROM tasks WHERE title = '便民桥抬高加固'");
    let out = dir.path().join("fund.pdf");
    let o = notice(&db, "fund-use", &bridge, &out, &["--supervisors", "居务监督委员会 孙明"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = crate::notices_common::page_text(&std::fs::read(&out).unwrap());
    for want in ["县慈善协会", "镇上建材店", "孙明", "监督小组", "2026年11月21日"] {
        assert!(text.contains(want), "{want} not in {text}");
    }
    assert!(!text.contains("在外务工村民"), "a donor without consent is not named: {text}");
    let month = dir.path().join("may.pdf");
    let o = notice(&db, "fund_use", "2026-05", &month, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(crate::notices_common::page_text(&std::fs::read(&month).unwrap()).contains("李记焊接"));
    let none = dir.path().join("none.pdf");
    let o = notice(&db, "fund_use", "2025", &none, &[]);
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("没有资金支出"));
    assert!(!none.exists(), "nothing written");
}

#[test]
fn a_bad_notice_request_fails_in_chinese_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("x.pdf");
    let cases: [(&str, &str, &[&str], &str); 5] = [
        ("minutes", "nope", &[], "找不到编号为 nope 的会议"),
        ("decision", "nope", &[], "找不到编号为 nope 的"),
        ("meeting", "x", &[], "不认识的公示种类“meeting”"),
        ("points", "今年", &[], "积分年度“今年”无效"),
        ("points", "2026", &["--paper", "B5"], "纸张“B5”不支持"),
    ];
    for (kind, id, extra, expected) in cases {
        let o = notice(&db, kind, id, &out, extra);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{kind} {id}");
        assert!(stderr.contains(expected), "{kind} {id}: {stderr}");
        assert!(!out.exists(), "{kind} {id}: no file");
    }
}

#[test]
fn the_month_review_prints_for_a_month_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("month-review.pdf");
    let args: Vec<&std::ffi::OsStr> = vec![
        "--db".as_ref(),
        db.as_os_str(),
        "notice".as_ref(),
        "month-review".as_ref(),
        "--month".as_ref(),
        "2026-11".as_ref(),
        "--date".as_ref(),
        "2026-11-21".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let o = cli(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = crate::notices_common::page_text(&std::fs::read(&out).unwrap());
    for expected in
        ["幸福里社区2026年11月议题研判表", "本月共收集议题7件", "未办结的上报件", "工单号CG-2026", "参加人员"]
    {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    if let Ok(path) = std::env::var("YISHI_MONTH_REVIEW_PDF") {
        std::fs::copy(&out, path).unwrap();
    }
    let bad = dir.path().join("bad.pdf");
    for (month, expected) in [("2026-13", "月份“2026-13”看不懂"), ("abc", "请写成 2026-11"), ("2026-12", "还没有到")]
    {
        let o = notice(&db, "month_review", month, &bad, &[]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && stderr.contains(expected), "{month}: {stderr}");
        assert!(!bad.exists(), "{month}: no file");
    }
}

#[test]
fn the_out_file_s_extension_picks_pdf_word_or_a_picture() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let item = first_id(&db, "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'");
    let meeting = first_id(&db, "SELECT id FROM meetings WHERE title = '小区停车秩序整治协商会'");
    let cases = [("decision", &item, "决议公示.docx", &b"PK"[..]), ("minutes", &meeting, "会议记录.DOCX", b"PK")];
    let pictures = [("decision", &item, "决议公示.png", &b"\x89PNG"[..])];
    for (kind, id, name, magic) in cases.into_iter().chain(pictures) {
        let out = dir.path().join(name);
        let o = notice(&db, kind, id, &out, &[]);
        assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{name} is what its extension says");
    }
    let spec = dir.path().join("spec.json");
    std::fs::write(&spec, demo::FREE_NOTICE_JSON).unwrap();
    let png = dir.path().join("通知.png");
    let o = cli(&["render".as_ref(), spec.as_os_str(), "--out".as_ref(), png.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    // An extension we do not write is refused in words, and nothing is written.
    let doc = dir.path().join("决议公示.doc");
    let o = notice(&db, "decision", &item, &doc, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && stderr.contains(".docx") && stderr.contains(".png"), "{stderr}");
    assert!(!doc.exists());
}
