//! Bad archives break nothing (issue 13): each class of damaged or foreign archive is refused
//! before anything is merged, in words the secretary can act on.

mod archive_common;

use std::path::{Path, PathBuf};

use archive_common::*;
use yishi_core::archive;
use yishi_core::error::UserFacing;

/// Imports a tampered copy of the demo's archive into a demo laptop; returns the refusal.
fn refused(f: impl FnOnce(&rusqlite::Connection)) -> (String, String) {
    let (_a, a) = demo_store();
    let (_stick, dir) = export(&a);
    tamper(&dir, f);
    assert!(archive::verify(&dir).is_ok(), "the forgery passes verify: only import's checks can see it");
    refused_at(&dir)
}

/// The refusal of `dir` by a demo laptop, dry run and import alike, with nothing changed.
fn refused_at(dir: &Path) -> (String, String) {
    let (_b, mut b) = demo_store();
    let before = dump(&b);
    let dry = archive::dry_run(&b, dir).expect_err("the dry run must refuse what the import refuses");
    let e = archive::import(&mut b, dir).expect_err("refused");
    assert_eq!(dry.code(), e.code());
    assert_eq!(dump(&b), before, "nothing merged");
    // Even a refusal found by the merge itself (references) leaves no backup of the same state.
    assert!(archive::backup::list(&b).unwrap().is_empty(), "no backup left by a refusal");
    assert!(!b.path().parent().unwrap().join("backups").exists(), "nor its folder");
    plain_words(&e.message());
    (e.code().to_string(), e.message())
}

/// No raw SQL, no internal error, no nonsense number in a refusal.
fn plain_words(m: &str) {
    for bad in ["SELECT", "INSERT", "constraint", "sqlite", "数据库内部错误", "18446744073709551615", "Error"] {
        assert!(!m.contains(bad), "“{bad}” in: {m}");
    }
}

#[test]
fn a_renamed_or_missing_column_is_refused_not_read_as_its_own_name() {
    let (code, m) = refused(|c| c.execute_batch("ALTER TABLE topics RENAME COLUMN title TO name").unwrap());
    assert_eq!(code, "archive_bad_schema");
    assert!(m.contains("topics") && m.contains("title"), "{m}");
    let (code, _) = refused(|c| c.execute_batch("ALTER TABLE topics DROP COLUMN description").unwrap());
    assert_eq!(code, "archive_bad_schema");
    let (code, m) =
        refused(|c| c.execute_batch("CREATE TABLE strange (id TEXT PRIMARY KEY, updated_at TEXT)").unwrap());
    assert_eq!(code, "archive_bad_schema", "{m}");
    let (code, _) = refused(|c| c.execute_batch("PRAGMA application_id = 1234").unwrap());
    assert_eq!(code, "archive_bad_schema");
}

#[test]
fn every_row_is_checked_as_strictly_as_the_apps_own_writes() {
    let cases: &[(&str, &str)] = &[
        ("UPDATE topics SET id = NULL WHERE rowid = 3", "没有编号"),
        ("UPDATE topics SET updated_at = '9999-12-31T00:00:00.000Z' WHERE rowid = 2", "不可能"),
        ("UPDATE topics SET updated_at = 'not-a-date' WHERE rowid = 2", "不是有效的时间"),
        ("UPDATE points_entries SET points = 'ten' WHERE rowid = 1", "应为整数"),
        ("UPDATE people SET roles = '[党员' WHERE rowid = 1", "JSON"),
        ("UPDATE votes SET agree = -5 WHERE rowid = 1", "允许的范围"),
    ];
    for (sql, words) in cases {
        let (code, m) = refused(|c| {
            // A forger's file: no CHECK or NOT NULL stands in the way of this UPDATE.
            c.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON").unwrap();
            c.execute_batch(sql).unwrap();
        });
        assert_eq!(code, "archive_bad_row", "{sql}: {m}");
        assert!(m.contains(words), "{sql}: {m}");
        assert!(m.contains("第 ") && m.contains("（"), "names table and row: {m}");
    }
}

#[test]
fn the_dry_run_runs_the_deferred_reference_check_like_the_import() {
    let (code, m) = refused(|c| {
        c.execute_batch(
            "PRAGMA foreign_keys = OFF; DELETE FROM decisions WHERE id = (SELECT decision_id FROM tasks LIMIT 1)",
        )
        .unwrap()
    });
    assert_eq!(code, "archive_broken_references", "{m}");
}

#[test]
fn another_communitys_archive_is_refused_by_name() {
    let (_a, mut a) = demo_store();
    a.write(|tx| {
        let mut s = yishi_core::community::load_settings(tx).unwrap();
        s.name = "光明村".into();
        yishi_core::community::save_settings(tx, &s)
    })
    .unwrap();
    let (_stick, dir) = export(&a);
    let (code, m) = refused_at(&dir);
    assert_eq!(code, "archive_other_community");
    assert!(m.contains("光明村") && m.contains("幸福里社区"), "{m}");
    // A new laptop with no community yet takes it.
    let (_c, mut c) = empty_store();
    assert!(archive::import(&mut c, &dir).is_ok());
}

#[cfg(unix)]
#[test]
fn links_pipes_and_devices_in_the_archive_are_refused_without_reading_them() {
    let (_a, a) = demo_store();
    let (_stick, dir) = export(&a);
    let ledger = dir.join("ledger.xlsx");
    let ledger_bytes = std::fs::read(&ledger).unwrap();
    std::fs::remove_file(&ledger).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", &ledger).unwrap();
    edit_manifest(&dir, |_| {});
    let e = archive::verify(&dir).unwrap_err();
    assert_eq!(e.code(), "archive_not_regular_file", "{}", e.message());
    assert!(e.message().contains("ledger.xlsx"));

    std::fs::remove_file(&ledger).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&ledger).status().unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let d: PathBuf = dir.clone();
    std::thread::spawn(move || tx.send(archive::verify(&d).map(|_| ()).map_err(|e| e.code())).unwrap());
    let got = rx.recv_timeout(std::time::Duration::from_secs(20)).expect("verify of a FIFO must not hang");
    assert_eq!(got, Err("archive_not_regular_file"));

    std::fs::remove_file(&ledger).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &ledger).unwrap();
    assert_eq!(archive::verify(&dir).unwrap_err().code(), "archive_not_regular_file");
    // A linked folder too (csv/ → elsewhere).
    std::fs::remove_file(&ledger).unwrap();
    std::fs::write(&ledger, &ledger_bytes).unwrap();
    let real = dir.parent().unwrap().join("elsewhere");
    std::fs::rename(dir.join("csv"), &real).unwrap();
    std::os::unix::fs::symlink(&real, dir.join("csv")).unwrap();
    edit_manifest(&dir, |_| {});
    let e = archive::verify(&dir).unwrap_err();
    assert_eq!(e.code(), "archive_not_regular_file", "{}", e.message());
}

#[test]
fn text_the_app_accepts_never_makes_an_export_fail() {
    let (_a, mut a) = demo_store();
    let long: String = "这段议题描述很长，".chars().cycle().take(200_000).collect();
    let id: String = a.conn().query_row("SELECT id FROM topics LIMIT 1", [], |r| r.get(0)).unwrap();
    a.write(|tx| tx.execute("UPDATE topics SET description = ?1 WHERE id = ?2", rusqlite::params![long, id])).unwrap();
    let (_stick, dir) = export(&a);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(dir.join("ledger.xlsx")).unwrap();
    use calamine::Reader;
    let names = book.sheet_names().to_vec();
    let mut longest = 0;
    let mut marked = false;
    for n in names {
        let range = book.worksheet_range(&n).unwrap();
        for cell in range.cells() {
            let text = cell.2.to_string();
            longest = longest.max(text.encode_utf16().count());
            marked |= text.ends_with(archive::ledger::XLSX_CUT_MARKER);
        }
    }
    assert!(longest <= archive::ledger::XLSX_CELL_LIMIT, "{longest}");
    assert!(marked, "the cut cell says so");
    let csv_has_all = std::fs::read_dir(dir.join("csv"))
        .unwrap()
        .any(|f| String::from_utf8_lossy(&std::fs::read(f.unwrap().path()).unwrap()).contains(&long[..]));
    assert!(csv_has_all, "the CSV keeps the whole text");
}

#[test]
fn verify_writes_nothing_even_into_a_write_ahead_log_database() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("yishi-archive-幸福里社区-20261202-0530");
    copy_tree(&fixture_v1(), &dir);
    tamper(&dir, |c| {
        c.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).unwrap();
    });
    let before = listing(&dir);
    archive::verify(&dir).unwrap();
    let (_b, b) = empty_store();
    let _ = archive::dry_run(&b, &dir);
    assert_eq!(listing(&dir), before, "no -shm, no -wal, no journal");
}

#[test]
fn leftovers_of_killed_exports_and_imports_are_cleaned() {
    let (dir, a) = demo_store();
    std::fs::write(dir.path().join(".snapshot-0190.db"), vec![0u8; 4096]).unwrap();
    std::fs::create_dir(dir.path().join(".import-0190")).unwrap();
    std::fs::write(dir.path().join(".import-0190/yishi.db"), b"x").unwrap();
    let removed = archive::leftovers::clean_local(&a);
    assert_eq!(removed.len(), 2);
    assert!(listing(dir.path()).iter().all(|(n, _)| !n.starts_with(".snapshot") && !n.starts_with(".import")));
    let stick = tempfile::tempdir().unwrap();
    std::fs::create_dir(stick.path().join(".yishi-archive-幸福里社区-20260101-0900-partial")).unwrap();
    std::fs::create_dir(stick.path().join("别的文件夹")).unwrap();
    archive::export(&a, stick.path(), |_| {}).unwrap();
    let names: Vec<String> = listing(stick.path()).into_iter().map(|(n, _)| n).filter(|n| !n.contains('/')).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| !n.ends_with("-partial")));
}

#[test]
fn refusals_of_a_bad_manifest_say_what_is_wrong() {
    let (_a, a) = demo_store();
    let (_stick, dir) = export(&a);
    std::fs::write(dir.join("manifest.json"), br#"{"format":"yishi-archive","format_version":"x"}"#).unwrap();
    let e = archive::verify(&dir).unwrap_err();
    assert_eq!(e.code(), "archive_bad_manifest");
    assert!(e.message().contains("格式版本号"), "{}", e.message());
    plain_words(&e.message());
    std::fs::write(dir.join("manifest.json"), br#"{"format":"yishi-archive","format_version":2,"files":[]}"#).unwrap();
    let e = archive::verify(&dir).unwrap_err();
    plain_words(&e.message());
}
