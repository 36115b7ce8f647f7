//! `yishi-cli export / verify / import`: JSON or a path on success, a Chinese message and a
//! non-zero exit on every failure.

use std::path::Path;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yishi-cli")).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn export_verify_and_import_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, stick) = (dir.path().join("a.db"), dir.path().join("b.db"), dir.path().join("usb"));
    std::fs::create_dir(&stick).unwrap();
    assert!(cli(&["--db", s(&a), "demo"]).status.success());
    let out = cli(&["--db", s(&a), "export", "--to", s(&stick)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("archive_no_passphrase"), "no passphrase, no export");
    let out = cli(&["--db", s(&a), "set-passphrase", "幸福里议事 2026"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let out = cli(&["--db", s(&a), "export", "--to", s(&stick)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let archive = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(Path::new(&archive).join("manifest.json").is_file(), "prints the archive path: {archive}");

    let out = cli(&["verify", &archive]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["counts"]["topics"], 30);
    assert_eq!((report["encrypted"].as_bool(), report["database_checked"].as_bool()), (Some(true), Some(false)));
    let out = cli(&["verify", &archive, "--passphrase", "幸福里议事 2026"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["database_checked"], true);

    let out = cli(&["--db", s(&b), "import", "--from", &archive]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cli_no_database"), "a mistyped --db creates nothing");
    assert!(!b.exists());
    let out = cli(&["--db", s(&b), "--create", "import", "--from", &archive, "--dry-run"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("archive_passphrase_needed"));
    let out = cli(&["--db", s(&b), "import", "--from", &archive, "--dry-run", "--passphrase", "幸福里议事 2026"]);
    assert!(out.status.success());
    let dry: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dry["applied"], false);
    assert!(dry["new"].as_u64().unwrap() > 300);

    let out = cli(&["--db", s(&b), "import", "--from", &archive, "--passphrase", "幸福里议事 2026", "--remember"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let done: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["applied"], true);
    assert_eq!(done["new"], dry["new"]);

    let out = cli(&["--db", s(&b), "import", "--from", &archive]);
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((again["new"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)));
}

#[test]
fn failures_exit_non_zero_with_a_chinese_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["verify", s(dir.path())]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("archive_not_archive") && err.contains("不是议事簿的归档"), "{err}");
    assert!(out.stdout.is_empty());

    let db = dir.path().join("x.db");
    let out = cli(&["--db", s(&db), "--create", "import", "--from", s(&dir.path().join("nowhere"))]);
    assert!(!out.status.success());
    assert!(cli(&["--db", s(&db), "set-passphrase", "幸福里议事 2026"]).status.success());

    let out = cli(&["--db", s(&db), "export", "--to", s(&dir.path().join("no/such/stick"))]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("U盘"));
}
