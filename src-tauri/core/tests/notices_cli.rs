//! `yishi-cli render SPEC.json --out FILE.pdf`: a notice without a database.

use std::process::Command;

use yishi_core::notices::demo;

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
        (r#"{"title":"t","paragraphs":["😀"],"issuer":"i","date":"2026-02-03"}"#, "无法打印"),
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
