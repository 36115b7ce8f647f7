use super::*;
use tempfile::TempDir;

fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sub").join("yishi.db");
    (dir, path)
}

#[test]
fn open_creates_file_at_latest_version_in_wal_mode() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("open");
    assert!(path.exists());
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn second_open_of_same_file_is_refused_until_first_closes() {
    let (_dir, path) = temp_db();
    let first = Store::open(&path).expect("open");
    let err = Store::open(&path).err().expect("second open must fail");
    assert_eq!(err.code(), "db_locked");
    assert!(err.to_string().contains("另一个议事簿窗口"), "{err}");
    drop(first);
    Store::open(&path).expect("open after the first closed");
}

#[test]
fn newer_database_is_refused_and_left_byte_identical() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", LATEST_VERSION + 5).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert_eq!(err.code(), "db_too_new");
    assert!(err.to_string().contains("升级"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn garbage_file_is_reported_corrupt_and_untouched() {
    let (_dir, path) = temp_db();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let junk = b"this is not a database, it is a shopping list: rice, oil".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert_eq!(err.code(), "db_corrupt", "{err}");
    assert!(err.to_string().contains("损坏"));
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn write_rolls_back_when_the_closure_fails() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let result: Result<(), StoreError> = store.write(|tx| {
        tx.execute(
            "INSERT INTO community_settings (id, name, issuer, created_at, updated_at) \
             VALUES ('x', '幸福社区', '幸福社区居民委员会', 'now', 'now')",
            [],
        )?;
        Err(StoreError::Sqlite(rusqlite::Error::InvalidQuery))
    });
    assert!(result.is_err());
    let n: i64 = store.conn().query_row("SELECT count(*) FROM community_settings", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "a refused write must change nothing");
}

#[test]
fn default_path_honours_yishi_db() {
    // Only the env-var branch is checked: the OS data dir differs per machine.
    std::env::set_var("YISHI_DB", "/tmp/somewhere/x.db");
    assert_eq!(Store::default_path(), PathBuf::from("/tmp/somewhere/x.db"));
    std::env::remove_var("YISHI_DB");
    assert!(Store::default_path().ends_with("yishi/yishi.db"));
}

#[test]
fn checkpoint_empties_the_write_ahead_log_into_the_file() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let auto: i64 = store.conn().query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0)).unwrap();
    assert!(auto >= 10_000, "automatic checkpoints must stay off the autosave path: {auto}");
    store
        .write(|tx| {
            tx.execute_batch("CREATE TABLE filler(x); INSERT INTO filler VALUES (randomblob(200000));")
                .map_err(StoreError::from)
        })
        .unwrap();
    let size_before = std::fs::metadata(&path).unwrap().len();
    store.checkpoint().unwrap();
    let size_after = std::fs::metadata(&path).unwrap().len();
    assert!(size_after > size_before + 100_000, "{size_before} → {size_after}: the blob must now be in the main file");
}

/// A Windows user profile named in Chinese (C:\Users\张三\AppData\Roaming\yishi) and a folder
/// deeper than Windows' classic 260-character limit: the database, its backups and an export
/// all work there.
#[test]
fn the_database_works_under_a_chinese_user_folder_and_a_path_over_260_characters() {
    let dir = tempfile::tempdir().unwrap();
    let chinese = dir.path().join("Users").join("张三").join("AppData").join("Roaming").join("yishi");
    // Over 260 characters, yet under the 512 bytes SQLite's Unix VFS takes (so the same test
    // runs on Linux): mostly ASCII folder names.
    let mut deep = dir.path().join("幸福里社区居民委员会");
    while deep.to_string_lossy().chars().count() < 270 {
        deep = deep.join("yishi-records-2026-archive");
    }
    assert!(deep.join("yishi.db").to_string_lossy().chars().count() > 260);
    for folder in [chinese, deep] {
        let path = folder.join("yishi.db");
        {
            let mut store = Store::open(&path).expect("open");
            let settings = crate::community::CommunitySettings {
                name: "幸福里社区".into(),
                issuer: "幸福里社区居民委员会".into(),
                default_place: String::new(),
                time_zone: crate::time::DEFAULT_ZONE.into(),
                public_phone: String::new(),
                qr_text: String::new(),
                qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
                qr_picture: false,
            };
            store.write(|tx| crate::community::save_settings(tx, &settings)).expect("write");
            store.write(|tx| crate::archive::passphrase::set(tx, "幸福里议事会 2026")).expect("passphrase");
            let backup =
                crate::archive::backup::take(&store, crate::archive::backup::Reason::Daily, crate::time::now())
                    .expect("backup beside it");
            assert!(backup.path.starts_with(&folder));
            let stick = folder.join("U盘");
            std::fs::create_dir(&stick).unwrap();
            let report = crate::archive::export(&store, &stick, |_| {}).expect("export");
            crate::archive::verify(&report.path).expect("verify");
        }
        let store = Store::open(&path).expect("reopen");
        let name: String = store.conn().query_row("SELECT name FROM community_settings", [], |r| r.get(0)).unwrap();
        assert_eq!(name, "幸福里社区", "{}", path.display());
    }
}
