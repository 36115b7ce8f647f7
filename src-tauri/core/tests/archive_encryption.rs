//! The archive's database is encrypted with the committee passphrase (format 2): a lost stick
//! leaks no resident's name, phone or ID number; a wrong passphrase changes nothing; archives
//! of format 1 still import.

mod archive_common;

use archive_common::*;
use yishi_core::archive::{self, passphrase};
use yishi_core::error::UserFacing;

#[test]
fn export_then_import_on_another_laptop_with_the_passphrase_typed_once() {
    let (_a, a) = demo_store();
    let (_stick, archive) = export(&a);
    let (_b, mut b) = bare_store();

    let e = archive::dry_run(&b, &archive).unwrap_err();
    assert_eq!(e.code(), "archive_passphrase_needed", "{}", e.message());
    assert!(e.message().contains("ledger.xlsx"), "explains what opens without it: {}", e.message());

    let dry = archive::dry_run_with(&b, &archive, Some(PASSPHRASE)).unwrap();
    let done = archive::import_with(&mut b, &archive, Some(PASSPHRASE), true).unwrap();
    assert_eq!(done.new, dry.new);
    assert_eq!(dump_domain(&b).get("topics"), dump_domain(&a).get("topics"));
    assert_eq!(count(&b, "people"), count(&a, "people"));
    // Remembered: this laptop now has the committee's passphrase and needs no typing.
    assert_eq!(passphrase::get(b.conn()).unwrap().as_deref(), Some(PASSPHRASE));
    let again = archive::import(&mut b, &archive).unwrap();
    assert_eq!((again.new, again.updated), (0, 0));
}

#[test]
fn a_wrong_passphrase_is_refused_in_chinese_and_changes_nothing() {
    let (_a, a) = demo_store();
    let (_stick, archive) = export(&a);
    let (dir_b, mut b) = demo_store_with("另一台电脑的密码 9");
    let before = dump(&b);
    let files_before = listing(dir_b.path());

    for attempt in [
        archive::import_with(&mut b, &archive, Some("幸福里议事会 2025"), true).map(|_| ()),
        archive::dry_run_with(&b, &archive, Some("幸福里议事会 2025")).map(|_| ()),
    ] {
        let e = attempt.unwrap_err();
        assert_eq!(e.code(), "archive_wrong_passphrase");
        assert!(e.message().contains("密码不对") && e.message().contains("没有任何改动"), "{}", e.message());
    }
    // Without a typed one, the laptop's own (wrong) passphrase is tried and she is asked.
    assert_eq!(archive::import(&mut b, &archive).unwrap_err().code(), "archive_passphrase_needed");
    assert_eq!(dump(&b), before, "nothing merged, no passphrase remembered");
    assert_eq!(listing(dir_b.path()), files_before, "no backup taken, no staging left");
}

#[test]
fn the_stick_holds_no_resident_name_phone_id_number_or_passphrase_in_the_clear() {
    let (_a, a) = demo_store();
    let (_stick, archive) = export(&a);
    assert!(!archive.join("yishi.db").exists(), "no plain database on the stick");
    let db = std::fs::read(archive.join("yishi.db.age")).unwrap();
    assert!(db.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    let mut stmt = a.conn().prepare("SELECT name, phone, id_number FROM people").unwrap();
    let people: Vec<(String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect();
    assert!(people.len() >= 30);
    let contains =
        |hay: &[u8], needle: &str| !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_bytes());
    for (name, phone, id) in &people {
        for secret in [name, phone, id] {
            assert!(!contains(&db, secret), "{secret} is readable in yishi.db.age");
        }
    }
    // Nothing on the stick holds a whole phone or ID number; the passphrase is nowhere.
    for (file, _) in listing(&archive) {
        let path = archive.join(&file);
        if path.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        assert!(!contains(&bytes, PASSPHRASE), "passphrase in {file}");
        for (_, phone, id) in &people {
            assert!(!contains(&bytes, phone) && !contains(&bytes, id), "{phone}/{id} in {file}");
        }
    }
    // Not even inside the encrypted database: the passphrase row is deleted and zeroed.
    let work = tempfile::tempdir().unwrap();
    let plain = std::fs::read(decrypt_db(&archive, work.path())).unwrap();
    assert!(contains(&plain, &people[0].1), "the decrypted database is the full record");
    assert!(!contains(&plain, PASSPHRASE));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(archive.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["format_version"], 2);
    assert_eq!(m["protected"][0]["path"], "yishi.db.age");
    assert_eq!(m["protected"][0]["scheme"], "age-v1-scrypt");
}

#[test]
fn no_passphrase_no_export_and_nothing_written() {
    let (_a, mut a) = bare_store();
    yishi_core::demo::load(&mut a).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let e = archive::export(&a, stick.path(), |_| {}).unwrap_err();
    assert_eq!(e.code(), "archive_no_passphrase");
    assert!(e.message().contains("设置"), "{}", e.message());
    assert!(listing(stick.path()).is_empty());
    assert!(listing(_a.path()).iter().all(|(n, _)| !n.starts_with(".snapshot")));
}

#[test]
fn verify_checks_without_the_passphrase_what_it_can_and_says_so() {
    let (_a, a) = demo_store();
    let (_stick, archive) = export(&a);
    let r = archive::verify(&archive).unwrap();
    assert!(r.encrypted && !r.database_checked);
    assert!(r.unchecked.iter().any(|s| s.contains("归档密码")), "{:?}", r.unchecked);
    let full = archive::verify_with(&archive, Some(PASSPHRASE)).unwrap();
    assert!(full.database_checked, "{:?}", full.checked);
    assert_eq!(archive::verify_with(&archive, Some("不对的密码 123")).unwrap_err().code(), "archive_wrong_passphrase");
    assert!(archive::verify_here(a.conn(), &archive).unwrap().database_checked, "this laptop's own passphrase");
    let (_b, b) = bare_store();
    let here = archive::verify_here(b.conn(), &archive).unwrap();
    assert!(!here.database_checked && !here.unchecked.is_empty());

    // One byte of the ciphertext changed: the manifest's sha256 catches it without the passphrase.
    let path = archive.join("yishi.db.age");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x40;
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(archive::verify(&archive).unwrap_err().code(), "archive_tampered");
    // …and with the hashes forged, the authenticated decryption still refuses it.
    edit_manifest(&archive, |_| {});
    assert!(archive::verify(&archive).is_ok(), "without the passphrase this cannot be seen");
    let e = archive::verify_with(&archive, Some(PASSPHRASE)).unwrap_err();
    assert_eq!(e.code(), "archive_encrypted_damaged", "{}", e.message());
}

#[test]
fn an_archive_written_before_encryption_still_imports_and_verify_writes_nothing() {
    let fixture = fixture_v1();
    let before = listing(&fixture);
    let r = archive::verify(&fixture).unwrap();
    assert_eq!((r.format_version, r.encrypted, r.database_checked), (1, false, true));
    let (_b, mut b) = bare_store();
    let summary = archive::import(&mut b, &fixture).unwrap();
    assert!(summary.new > 300, "{summary:?}");
    assert_eq!(count(&b, "topics"), 30);
    assert_eq!(listing(&fixture), before, "neither verify nor import wrote into the archive");
}

#[test]
fn the_passphrase_sheet_is_a_one_page_pdf_with_the_passphrase() {
    let (_a, a) = demo_store();
    let pdf = passphrase::sheet(a.conn(), chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(out) = std::env::var_os("YISHI_SHEET_OUT") {
        std::fs::write(out, &pdf).unwrap();
    }
    let (_b, b) = bare_store();
    assert_eq!(
        passphrase::sheet(b.conn(), chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap_err().code(),
        "archive_no_passphrase"
    );
}
