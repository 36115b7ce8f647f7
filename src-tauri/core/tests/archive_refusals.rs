//! Archives that must be refused — newer format or schema, a tampered file, a truncated
//! database, wrong counts, a folder that is not an archive, an unfinished export — each with a
//! clear message, and the local database untouched.

mod archive_common;

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use archive_common::*;
use yishi_core::archive::{self, ArchiveError};
use yishi_core::error::UserFacing;

/// Exports the demo, lets `damage` change the copy, then checks verify, dry run and import all
/// refuse it with `code`, and that the local database did not change (no backup taken either).
fn refused(code: &str, damage: impl FnOnce(&Path)) -> String {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    damage(&folder);
    // With the passphrase, so the database's content is checked too.
    let err = archive::verify_with(&folder, Some(PASSPHRASE)).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    let (dir, mut local) = demo_store();
    let before = dump(&local);
    let file_before = std::fs::read(dir.path().join("yishi.db")).unwrap();
    assert_eq!(archive::dry_run(&local, &folder).unwrap_err().code(), code);
    assert_eq!(archive::import(&mut local, &folder).unwrap_err().code(), code);
    assert_eq!(dump(&local), before, "row-identical");
    assert_eq!(std::fs::read(dir.path().join("yishi.db")).unwrap(), file_before, "byte-identical file");
    assert!(!dir.path().join("backups").exists(), "refused before any backup");
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    assert!(leftovers.iter().all(|n| !n.to_string_lossy().starts_with(".import")), "{leftovers:?}");
    err.message()
}

/// Edits the manifest without refreshing its hashes (what a careless edit does).
fn edit_raw(folder: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = folder.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut m);
    std::fs::write(path, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
}

#[test]
fn an_archive_from_a_newer_app_is_refused() {
    let msg = refused("archive_too_new", |f| edit_raw(f, |m| m["format_version"] = 99.into()));
    assert!(msg.contains("请先升级议事簿"), "{msg}");
    let msg = refused("archive_too_new", |f| edit_raw(f, |m| m["schema_version"] = 999.into()));
    assert!(msg.contains("更新版本"), "{msg}");
}

#[test]
fn a_tampered_file_is_refused() {
    let msg = refused("archive_tampered", |f| {
        let mut file = OpenOptions::new().write(true).open(f.join("ledger.xlsx")).unwrap();
        file.seek(SeekFrom::Start(100)).unwrap();
        file.write_all(b"X").unwrap();
    });
    assert!(msg.contains("ledger.xlsx") && msg.contains("校验码"), "{msg}");
    // The same size, but an edited database: the hash catches it before SQLite reads it.
    refused("archive_tampered", |f| {
        let mut file = OpenOptions::new().write(true).open(f.join("yishi.db.age")).unwrap();
        file.seek(SeekFrom::Start(4096 * 3 + 17)).unwrap();
        file.write_all(b"\xff\xff").unwrap();
    });
}

#[test]
fn a_truncated_database_is_refused() {
    let msg = refused("archive_tampered", |f| {
        let file = OpenOptions::new().write(true).open(f.join("yishi.db.age")).unwrap();
        let len = file.metadata().unwrap().len();
        file.set_len(len / 2).unwrap();
    });
    assert!(msg.contains("yishi.db") && msg.contains("字节"), "{msg}");
}

#[test]
fn a_database_that_fits_its_manifest_but_is_damaged_is_refused() {
    // Someone rewrote the manifest to match a damaged file: the integrity check still refuses it.
    refused("archive_db_corrupt", |f| {
        let work = tempfile::tempdir().unwrap();
        let mut plain = std::fs::read(decrypt_db(f, work.path())).unwrap();
        let len = plain.len();
        plain[len - 4096 + 8..len - 4096 + 72].fill(0xAB);
        plain[4096 + 8..4096 + 72].fill(0xCD);
        replace_plain(f, &plain);
    });
}

#[test]
fn wrong_record_counts_are_refused() {
    let msg = refused("archive_count_mismatch", |f| edit_raw(f, |m| m["counts"]["topics"] = 31.into()));
    assert!(msg.contains("topics") && msg.contains("31"), "{msg}");
}

#[test]
fn a_missing_file_is_refused() {
    refused("archive_missing_file", |f| std::fs::remove_file(f.join("csv/积分.csv")).unwrap());
}

#[test]
fn a_folder_that_is_not_an_archive_is_refused() {
    let msg = refused("archive_not_archive", |f| std::fs::remove_file(f.join("manifest.json")).unwrap());
    assert!(msg.contains("不是议事簿的归档"), "{msg}");
    refused("archive_not_archive", |f| std::fs::write(f.join("manifest.json"), br#"{"name":"photos"}"#).unwrap());
    refused("archive_bad_manifest", |f| std::fs::write(f.join("manifest.json"), b"{ not json").unwrap());
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(archive::verify(empty.path()), Err(ArchiveError::NotAnArchive { .. })));
    assert!(matches!(archive::verify(&empty.path().join("nowhere")), Err(ArchiveError::NotAnArchive { .. })));
}

#[test]
fn an_unfinished_export_folder_is_refused_even_when_complete() {
    let (_s, source) = demo_store();
    let (stick, folder) = export(&source);
    let partial = stick.path().join(format!(".{}-partial", folder.file_name().unwrap().to_string_lossy()));
    std::fs::rename(&folder, &partial).unwrap();
    let err = archive::verify(&partial).unwrap_err();
    assert_eq!(err.code(), "archive_partial", "{err}");
}
