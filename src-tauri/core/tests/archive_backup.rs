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
