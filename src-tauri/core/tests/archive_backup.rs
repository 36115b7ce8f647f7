//! Backups before an import, and restoring from a backup or an archive (current state backed up
//! first; the store is reopened on the restored file).

mod archive_common;

use archive_common::*;
use yishi_core::archive::{self, backup};
use yishi_core::store::Store;

fn reopen(store: Store, pending: backup::PendingRestore) -> Store {
    drop(store);
    let path = pending.apply().unwrap();
    Store::open(&path).unwrap()
}

#[test]
fn an_import_takes_a_backup_first_and_restoring_it_undoes_the_import() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let (_t, mut target) = empty_store();
    let empty = dump_domain(&target);
    let summary = archive::import(&mut target, &folder).unwrap();
    let list = backup::list(&target).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, backup::Reason::Import);
    assert_eq!(summary.backup.as_deref(), Some(list[0].path.to_str().unwrap()));
    assert_eq!(count(&target, "topics"), 30);

    let pending = backup::prepare_restore(&target, &list[0].path).unwrap();
    assert_eq!(count(&target, "topics"), 30, "nothing replaced before the store closes");
    let target = reopen(target, pending);
    assert_eq!(dump_domain(&target), empty, "back to the state before the import");
    let list = backup::list(&target).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, backup::Reason::Restore, "the replaced state was backed up first");
}

#[test]
fn restoring_from_an_archive_gives_its_records() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let (_t, target) = empty_store();
    let pending = backup::prepare_restore(&target, &folder).unwrap();
    let target = reopen(target, pending);
    let without_secrets = |s: &Store| {
        let mut d = dump_domain(s);
        d.remove("app_settings");
        d
    };
    assert_eq!(without_secrets(&target), without_secrets(&source));
    assert_eq!(count(&target, "app_settings"), count(&source, "app_settings"));
    // This laptop keeps its own passphrase across the restore.
    assert_eq!(archive::passphrase::get(target.conn()).unwrap().as_deref(), Some(PASSPHRASE));
}

#[test]
fn a_damaged_backup_is_not_restored() {
    let (dir, target) = demo_store();
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, vec![7u8; 8192]).unwrap();
    let before = dump(&target);
    let err = backup::prepare_restore(&target, &bad).unwrap_err();
    assert_eq!(yishi_core::error::UserFacing::code(&err), "archive_db_corrupt");
    assert_eq!(dump(&target), before);
    assert!(backup::list(&target).unwrap().is_empty(), "refused before backing up");
}

/// Windows cannot rename over a file SQLite holds open: a restore applied before the store is
/// closed is refused and changes nothing; once the store is closed it goes through.
#[test]
fn a_restore_replaces_the_database_file_only_once_the_store_has_let_go_of_it() {
    let (_t, empty) = empty_store();
    let empty_backup = backup::take(&empty, backup::Reason::Daily, yishi_core::time::now()).unwrap();
    let (_s, target) = demo_store();
    if cfg!(windows) {
        let pending = backup::prepare_restore(&target, &empty_backup.path).unwrap();
        let err = pending.apply().expect_err("the open database cannot be replaced on Windows");
        assert_eq!(yishi_core::error::UserFacing::code(&err), "backup_replace_busy", "{err}");
        assert!(err.to_string().contains("数据库保持原样"), "{err}");
        assert_eq!(count(&target, "topics"), 30, "the open database is untouched");
    }
    let pending = backup::prepare_restore(&target, &empty_backup.path).unwrap();
    let path = target.path().to_path_buf();
    let target = reopen(target, pending);
    assert_eq!(target.path(), path);
    assert_eq!(count(&target, "topics"), 0, "the restored (empty) file is the one in use");
    assert_eq!(target.conn().query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap(), "ok");
}

fn encrypt_backups(store: &mut Store) {
    store.write(|tx| archive::passphrase::set_backups_encrypted(tx, true)).unwrap();
}

fn demo_phones(store: &Store) -> Vec<String> {
    let mut stmt = store.conn().prepare("SELECT phone FROM people WHERE phone <> ''").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn holds(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn backups_are_plain_by_default_and_encrypted_only_with_the_switch_on() {
    let (_d, mut store) = demo_store();
    let phones = demo_phones(&store);
    assert!(!phones.is_empty());
    let plain = backup::take(&store, backup::Reason::Daily, yishi_core::time::now()).unwrap();
    assert!(!plain.encrypted && plain.file_name.ends_with("-daily.db"));
    assert!(holds(&std::fs::read(&plain.path).unwrap(), &phones[0]), "plain: same disk as the live file");

    encrypt_backups(&mut store);
    let sealed = backup::take(&store, backup::Reason::Import, yishi_core::time::now()).unwrap();
    assert!(sealed.encrypted && sealed.file_name.ends_with("-import.db.age"), "{}", sealed.file_name);
    let bytes = std::fs::read(&sealed.path).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    for phone in &phones {
        assert!(!holds(&bytes, phone), "{phone} in the encrypted backup");
    }
    assert!(!holds(&bytes, PASSPHRASE) && !holds(&bytes, "王秀兰"));
    let names: Vec<String> = std::fs::read_dir(backup::dir(&store))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no plain .partial left beside it: {names:?}");
    assert_eq!(backup::list(&store).unwrap().len(), 2, "both listed");
}

#[test]
fn the_switch_needs_a_passphrase() {
    let (_d, mut store) = bare_store();
    let err = store.write(|tx| archive::passphrase::set_backups_encrypted(tx, true)).unwrap_err();
    assert_eq!(yishi_core::error::UserFacing::code(&err), "backup_encrypt_no_passphrase");
    assert!(err.to_string().contains("归档密码"), "{err}");
    assert!(!archive::passphrase::backups_encrypted(store.conn()).unwrap());
}

#[test]
fn an_encrypted_backup_restores_with_the_laptops_passphrase() {
    let (_d, mut store) = demo_store();
    encrypt_backups(&mut store);
    let before = dump_domain(&store);
    let sealed = backup::take(&store, backup::Reason::Daily, yishi_core::time::now()).unwrap();
    store.conn().execute("DELETE FROM topic_events", []).unwrap();
    let pending = backup::prepare_restore(&store, &sealed.path).unwrap();
    assert!(pending.backup.encrypted, "the replaced state is backed up encrypted too");
    let store = reopen(store, pending);
    assert_eq!(dump_domain(&store), before);
    assert!(archive::passphrase::backups_encrypted(store.conn()).unwrap(), "the switch stays on");
    assert_eq!(archive::passphrase::get(store.conn()).unwrap().as_deref(), Some(PASSPHRASE));
}

#[test]
fn an_old_passphrase_still_opens_the_backups_it_encrypted() {
    let (_d, mut store) = demo_store();
    encrypt_backups(&mut store);
    let sealed = backup::take(&store, backup::Reason::Daily, yishi_core::time::now()).unwrap();
    store.write(|tx| archive::passphrase::set(tx, "新的归档密码 2027 冬")).unwrap();
    let pending = backup::prepare_restore(&store, &sealed.path).unwrap();
    let store = reopen(store, pending);
    assert_eq!(archive::passphrase::get(store.conn()).unwrap().as_deref(), Some("新的归档密码 2027 冬"));
}

/// On another laptop (another passphrase, or none), an encrypted backup is refused in Chinese
/// and nothing changes: no backup of the current state, no staged copy.
#[test]
fn an_encrypted_backup_with_a_wrong_or_missing_passphrase_changes_nothing() {
    let (_d, mut source) = demo_store();
    encrypt_backups(&mut source);
    let sealed = backup::take(&source, backup::Reason::Daily, yishi_core::time::now()).unwrap();
    let (_o, other) = demo_store_with("另一台电脑的密码 9");
    let (_b, bare) = bare_store();
    for (target, code) in [(&other, "backup_wrong_passphrase"), (&bare, "backup_passphrase_needed")] {
        let before = dump(target);
        let files_before = listing(target.path().parent().unwrap());
        let err = backup::prepare_restore(target, &sealed.path).unwrap_err();
        assert_eq!(yishi_core::error::UserFacing::code(&err), code, "{err}");
        assert!(err.to_string().contains("本机数据没有任何改动") && err.to_string().contains("归档密码"), "{err}");
        assert_eq!(dump(target), before);
        assert_eq!(listing(target.path().parent().unwrap()), files_before, "no backup, no staged copy");
    }
}

#[test]
fn a_killed_encrypted_backup_leaves_no_plain_copy_after_the_next_start() {
    let (_d, store) = demo_store();
    let dir = backup::dir(&store);
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("yishi-20261201-080000-daily.db.partial");
    std::fs::write(&plain, b"SQLite format 3\0").unwrap();
    std::fs::write(dir.join("yishi-20261201-080000-daily.db.age.partial"), b"age").unwrap();
    let removed = archive::leftovers::clean_local(&store);
    assert_eq!(removed.len(), 2, "{removed:?}");
    assert!(!plain.exists());
}
