//! A corpus of damaged and foreign archives (issue 13), imported into a demo laptop: every one
//! must be refused with nothing changed, in plain words, and none may hang. Prints the table
//! tried / refused / partial / hung / wrongly merged / badly worded.
//!
//! `cargo test -p yishi-core --test archive_corpus -- --nocapture` runs one case of each kind
//! (≈ 50); `YISHI_CORPUS=full` runs every kind on every table (≈ 210, several minutes).

mod archive_common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use archive_common::*;
use yishi_core::archive;
use yishi_core::error::UserFacing;

type Mutation = Box<dyn Fn(&Path) + Send>;

fn sql(batch: &'static str) -> Mutation {
    Box::new(move |dir: &Path| {
        tamper(dir, |c| {
            c.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON").unwrap();
            c.execute_batch(batch).unwrap();
        })
    })
}

fn sql_owned(batch: String) -> Mutation {
    Box::new(move |dir: &Path| {
        let b = batch.clone();
        tamper(dir, move |c| {
            c.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON").unwrap();
            c.execute_batch(&b).unwrap();
        })
    })
}

fn manifest(f: fn(&mut serde_json::Value)) -> Mutation {
    Box::new(move |dir: &Path| edit_manifest(dir, f))
}

fn raw_manifest(text: &'static str) -> Mutation {
    Box::new(move |dir: &Path| std::fs::write(dir.join("manifest.json"), text).unwrap())
}

#[cfg(unix)]
fn link(file: &'static str, to: &'static str) -> Mutation {
    Box::new(move |dir: &Path| {
        std::fs::remove_file(dir.join(file)).unwrap();
        std::os::unix::fs::symlink(to, dir.join(file)).unwrap();
        edit_manifest(dir, |_| {});
    })
}

/// A table's columns: name and declared type (upper case). (No case puts a NULL in a NOT NULL
/// column: SQLite refuses to write it into the archive's file already, and a table declared
/// without the NOT NULL is a schema the import refuses.)
type Columns = Vec<(String, String)>;

fn cases(full: bool, tables: &[(String, Columns)]) -> Vec<(String, &'static str, Mutation)> {
    let mut v: Vec<(String, &'static str, Mutation)> = Vec::new();
    let mut add = |name: String, class: &'static str, m: Mutation| v.push((name, class, m));
    // Rows: every table in the full run, topics otherwise.
    for (t, cols) in tables.iter().filter(|(t, _)| full || t == "topics") {
        add(
            format!("{t}: NULL id"),
            "row",
            sql_owned(format!("UPDATE \"{t}\" SET id = NULL WHERE rowid = (SELECT min(rowid) FROM \"{t}\")")),
        );
        add(format!("{t}: updated_at 9999"), "row", sql_owned(format!("UPDATE \"{t}\" SET updated_at = '9999-12-31T00:00:00.000Z' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")")));
        add(
            format!("{t}: updated_at not-a-date"),
            "row",
            sql_owned(format!(
                "UPDATE \"{t}\" SET updated_at = 'not-a-date' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")"
            )),
        );
        add(format!("{t}: created_at 1970"), "row", sql_owned(format!("UPDATE \"{t}\" SET created_at = '1970-01-01T00:00:00.000Z' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")")));
        // A number would be stored as text ('42': TEXT affinity), a valid id; a blob is not.
        add(
            format!("{t}: id binary"),
            "row",
            sql_owned(format!("UPDATE \"{t}\" SET id = x'2a' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")")),
        );
        if let Some((c, _)) = cols.iter().find(|(c, d)| d.contains("INT") && c != "id") {
            add(
                format!("{t}: {c} as text"),
                "row",
                sql_owned(format!("UPDATE \"{t}\" SET \"{c}\" = 'ten' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")")),
            );
        } else if let Some((c, _)) = cols.iter().find(|(c, d)| d.contains("TEXT") && !c.ends_with("_at") && c != "id") {
            add(
                format!("{t}: {c} as binary data"),
                "row",
                sql_owned(format!(
                    "UPDATE \"{t}\" SET \"{c}\" = x'DEADBEEF' WHERE rowid = (SELECT min(rowid) FROM \"{t}\")"
                )),
            );
        }
        if full || t == "topics" {
            if let Some((c, _)) =
                cols.iter().find(|(c, _)| !["id", "updated_at", "created_at", "deleted_at"].contains(&c.as_str()))
            {
                add(
                    format!("{t}: column {c} renamed"),
                    "schema",
                    sql_owned(format!("ALTER TABLE \"{t}\" RENAME COLUMN \"{c}\" TO \"{c}_old\"")),
                );
            }
        }
    }
    add("topics: column dropped".into(), "schema", sql("ALTER TABLE topics DROP COLUMN description"));
    add("extra table".into(), "schema", sql("CREATE TABLE extra (id TEXT PRIMARY KEY, updated_at TEXT)"));
    add("table dropped".into(), "schema", sql("DROP TABLE speakers"));
    add("another program's application_id".into(), "schema", sql("PRAGMA application_id = 42"));
    add("votes: agree = -5".into(), "check", sql("UPDATE votes SET agree = -5 WHERE rowid = 1"));
    add("votes: agree > present".into(), "check", sql("UPDATE votes SET agree = present + 9 WHERE rowid = 1"));
    add("evaluations: satisfied = -1".into(), "check", sql("UPDATE evaluations SET satisfied = -1 WHERE rowid = 1"));
    add("people: roles not JSON".into(), "json", sql("UPDATE people SET roles = '[党员' WHERE rowid = 1"));
    add(
        "app_settings: value not JSON".into(),
        "json",
        sql("UPDATE app_settings SET value = '{' WHERE rowid = (SELECT min(rowid) FROM app_settings)"),
    );
    add(
        "convention_versions: chapters not JSON".into(),
        "json",
        sql("UPDATE convention_versions SET chapters = 'x' WHERE rowid = 1"),
    );
    add(
        "notice_drafts: content not JSON".into(),
        "json",
        sql("UPDATE notice_drafts SET content = '[' WHERE rowid = 1"),
    );
    add("notices: spec not JSON".into(), "json", sql("UPDATE notices SET spec = '{\"title\":' WHERE rowid = 1"));
    add(
        "tasks → missing decision".into(),
        "reference",
        sql("DELETE FROM decisions WHERE id = (SELECT decision_id FROM tasks WHERE decision_id IS NOT NULL LIMIT 1)"),
    );
    add(
        "agenda_items → missing meeting".into(),
        "reference",
        sql("DELETE FROM meetings WHERE id = (SELECT meeting_id FROM agenda_items LIMIT 1)"),
    );
    add("people → missing household".into(), "reference", sql("DELETE FROM households WHERE id = (SELECT household_id FROM people WHERE household_id IS NOT NULL LIMIT 1)"));
    add("another community".into(), "community", sql("UPDATE community_settings SET name = '光明村'"));
    add("manifest: another community".into(), "community", manifest(|m| m["community"] = "光明村".into()));
    add(
        "manifest: format_version missing".into(),
        "manifest",
        manifest(|m| {
            m.as_object_mut().unwrap().remove("format_version");
        }),
    );
    add("manifest: format_version text".into(), "manifest", manifest(|m| m["format_version"] = "二".into()));
    add("manifest: format_version 2^64-1".into(), "manifest", manifest(|m| m["format_version"] = u64::MAX.into()));
    add("manifest: format_version 99".into(), "manifest", manifest(|m| m["format_version"] = 99.into()));
    add("manifest: schema 99".into(), "manifest", manifest(|m| m["schema_version"] = 99.into()));
    add("manifest: not JSON".into(), "manifest", raw_manifest("{\"format\": \"yishi-archive\", "));
    add("manifest: empty".into(), "manifest", raw_manifest(""));
    add("manifest: another format".into(), "manifest", raw_manifest("{\"format\":\"other\"}"));
    add("manifest: ../ path".into(), "manifest", manifest(|m| m["files"][1]["path"] = "../ledger.xlsx".into()));
    add("manifest: absolute path".into(), "manifest", manifest(|m| m["files"][1]["path"] = "/etc/passwd".into()));
    add(
        "manifest: no database listed".into(),
        "manifest",
        manifest(|m| {
            m["files"].as_array_mut().unwrap().remove(0);
        }),
    );
    add(
        "manifest: protected removed".into(),
        "manifest",
        manifest(|m| {
            m.as_object_mut().unwrap().remove("protected");
        }),
    );
    add("manifest: unknown scheme".into(), "crypto", manifest(|m| m["protected"][0]["scheme"] = "rot13".into()));
    add("manifest: plain sha256 wrong".into(), "crypto", manifest(|m| m["protected"][0]["plain_sha256"] = "00".into()));
    add(
        "manifest: count wrong".into(),
        "manifest",
        Box::new(|dir: &Path| {
            let p = dir.join("manifest.json");
            let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            m["counts"]["topics"] = 31.into();
            std::fs::write(p, serde_json::to_vec(&m).unwrap()).unwrap();
        }),
    );
    add(
        "ciphertext: byte flipped, hashes forged".into(),
        "crypto",
        Box::new(|dir: &Path| {
            let p = dir.join("yishi.db.age");
            let mut b = std::fs::read(&p).unwrap();
            let at = b.len() - 5000;
            b[at] ^= 1;
            std::fs::write(&p, b).unwrap();
            edit_manifest(dir, |_| {});
        }),
    );
    add(
        "ciphertext: truncated, hashes forged".into(),
        "crypto",
        Box::new(|dir: &Path| {
            let p = dir.join("yishi.db.age");
            let b = std::fs::read(&p).unwrap();
            std::fs::write(&p, &b[..b.len() / 2]).unwrap();
            edit_manifest(dir, |_| {});
        }),
    );
    add(
        "ciphertext: header garbage".into(),
        "crypto",
        Box::new(|dir: &Path| {
            std::fs::write(dir.join("yishi.db.age"), b"age-encryption.org/v1\n-> X25519 abc\n--- xyz\n").unwrap();
            edit_manifest(dir, |_| {});
        }),
    );
    add(
        "ciphertext: plain SQLite instead".into(),
        "crypto",
        Box::new(|dir: &Path| {
            std::fs::copy(fixture_v1().join("yishi.db"), dir.join("yishi.db.age")).unwrap();
            edit_manifest(dir, |_| {});
        }),
    );
    add(
        "ciphertext: another passphrase".into(),
        "crypto",
        Box::new(|dir: &Path| {
            let work = tempfile::tempdir().unwrap();
            let plain = std::fs::read(decrypt_db(dir, work.path())).unwrap();
            let mut enc = archive::crypto::Encrypting::new(&plain[..], "别人的密码 12345").unwrap();
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut enc, &mut out).unwrap();
            std::fs::write(dir.join("yishi.db.age"), out).unwrap();
            edit_manifest(dir, |_| {});
        }),
    );
    add("file missing".into(), "files", Box::new(|dir: &Path| std::fs::remove_file(dir.join("ledger.xlsx")).unwrap()));
    add("file changed".into(), "files", Box::new(|dir: &Path| std::fs::write(dir.join("ledger.xlsx"), b"PK").unwrap()));
    add("folder named -partial".into(), "files", Box::new(|_| {}));
    #[cfg(unix)]
    {
        add("ledger → /etc/passwd".into(), "files", link("ledger.xlsx", "/etc/passwd"));
        add("database → /etc/passwd".into(), "files", link("yishi.db.age", "/etc/passwd"));
        add("ledger → /dev/zero".into(), "files", link("ledger.xlsx", "/dev/zero"));
        add(
            "ledger is a FIFO".into(),
            "files",
            Box::new(|dir: &Path| {
                std::fs::remove_file(dir.join("ledger.xlsx")).unwrap();
                assert!(std::process::Command::new("mkfifo").arg(dir.join("ledger.xlsx")).status().unwrap().success());
            }),
        );
        add(
            "ledger is a device file".into(),
            "files",
            Box::new(|dir: &Path| {
                std::fs::remove_file(dir.join("ledger.xlsx")).unwrap();
                let mut mknod = std::process::Command::new("mknod");
                mknod.arg(dir.join("ledger.xlsx")).args(["c", "1", "3"]);
                // Only root may make a device node; elsewhere a link to one stands in for it.
                if !mknod.status().is_ok_and(|s| s.success()) {
                    std::os::unix::fs::symlink("/dev/null", dir.join("ledger.xlsx")).unwrap();
                }
            }),
        );
        add(
            "manifest is a FIFO".into(),
            "files",
            Box::new(|dir: &Path| {
                std::fs::remove_file(dir.join("manifest.json")).unwrap();
                assert!(std::process::Command::new("mkfifo")
                    .arg(dir.join("manifest.json"))
                    .status()
                    .unwrap()
                    .success());
            }),
        );
        add(
            "csv/ → another folder".into(),
            "files",
            Box::new(|dir: &Path| {
                let elsewhere = dir.parent().unwrap().join(format!("elsewhere-{}", std::process::id()));
                std::fs::rename(dir.join("csv"), &elsewhere).unwrap();
                std::os::unix::fs::symlink(&elsewhere, dir.join("csv")).unwrap();
            }),
        );
    }
    v
}

/// The file names in a laptop's data folder but SQLite's own -wal/-shm (they come and go).
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        listing(dir).into_iter().map(|(n, _)| n).filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm")).collect();
    v.sort();
    v
}

#[derive(Default, Debug)]
struct Tally {
    tried: usize,
    refused: usize,
    partial: usize,
    hung: usize,
    merged: usize,
    badly_worded: usize,
}

#[test]
fn every_damaged_or_foreign_archive_is_refused_and_changes_nothing() {
    let full = std::env::var("YISHI_CORPUS").is_ok_and(|v| v == "full");
    let (_a, a) = demo_store();
    let (_stick, original) = export(&a);
    let tables: Vec<(String, Columns)> = {
        let mut stmt = a.conn().prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'search%' ORDER BY name").unwrap();
        let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        names
            .into_iter()
            .map(|t| {
                let mut s = a.conn().prepare("SELECT name, upper(type) FROM pragma_table_info(?1)").unwrap();
                let cols = s.query_map([&t], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
                (t, cols)
            })
            .collect()
    };
    // Every case starts from the same demo laptop (a copy of its file), so one wrong merge
    // cannot make the next case look right.
    let (_b, b) = demo_store();
    let pristine = b.path().to_path_buf();
    drop(b);
    let work = tempfile::tempdir().unwrap();
    let mut tally = Tally::default();
    let mut by_class: std::collections::BTreeMap<&str, Tally> = Default::default();
    let mut problems = Vec::new();
    for (i, (name, class, mutate)) in cases(full, &tables).into_iter().enumerate() {
        if std::env::var("YISHI_CORPUS_ONLY").is_ok_and(|only| !name.contains(only.as_str())) {
            continue;
        }
        let folder = if name.contains("-partial") {
            format!("case-{i}-partial")
        } else {
            format!("yishi-archive-幸福里社区-{i}")
        };
        let dir: PathBuf = work.path().join(folder);
        copy_tree(&original, &dir);
        mutate(&dir);
        let laptop = work.path().join(format!("laptop-{i}"));
        std::fs::create_dir(&laptop).unwrap();
        std::fs::copy(&pristine, laptop.join("yishi.db")).unwrap();
        let (tx, rx) = mpsc::channel();
        let (db, d) = (laptop.join("yishi.db"), dir.clone());
        std::thread::spawn(move || {
            let mut store = yishi_core::store::Store::open(&db).unwrap();
            let before = dump(&store);
            let (archive_before, laptop_before) = (listing(&d), names(db.parent().unwrap()));
            let dry = archive::dry_run(&store, &d).map(|_| ()).map_err(|e| (e.code(), e.message()));
            let real = archive::import(&mut store, &d).map(|_| ()).map_err(|e| (e.code(), e.message()));
            let changed = dump(&store) != before;
            drop(store);
            // Verify (inside both) writes nothing into the archive; a refusal leaves no staging.
            let wrote = listing(&d) != archive_before;
            let after = names(db.parent().unwrap());
            let left: Vec<String> = after.into_iter().filter(|n| !laptop_before.contains(n)).collect();
            let _ = tx.send((dry, real, changed, wrote, left));
        });
        let t = by_class.entry(class).or_default();
        tally.tried += 1;
        t.tried += 1;
        match rx.recv_timeout(Duration::from_secs(60)) {
            Err(mpsc::RecvTimeoutError::Timeout) => {
                tally.hung += 1;
                t.hung += 1;
                problems.push(format!("HUNG {name}"));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                tally.partial += 1;
                t.partial += 1;
                problems.push(format!("PANICKED {name}"));
            }
            Ok((_, Ok(()), _, _, _)) => {
                tally.merged += 1;
                t.merged += 1;
                problems.push(format!("MERGED {name}"));
            }
            Ok((dry, Err((code, message)), changed, wrote, left)) => {
                if wrote {
                    problems.push(format!("WROTE INTO THE ARCHIVE {name}"));
                }
                if !left.is_empty() {
                    problems.push(format!("LEFT FILES ON THE LAPTOP {name}: {left:?}"));
                }
                if changed {
                    tally.partial += 1;
                    t.partial += 1;
                    problems.push(format!("PARTIAL {name}"));
                } else {
                    tally.refused += 1;
                    t.refused += 1;
                }
                if dry.is_ok() {
                    problems.push(format!("DRY RUN PASSED {name} ({code})"));
                }
                let bad = ["SELECT", "INSERT", "sqlite", "constraint", "数据库内部错误", "18446744073709551615"]
                    .iter()
                    .any(|w| message.contains(w));
                if bad {
                    tally.badly_worded += 1;
                    t.badly_worded += 1;
                    problems.push(format!("WORDING {name}: {message}"));
                }
                println!("{name:<45} {code:<28} {}", message.chars().take(70).collect::<String>());
            }
        }
    }
    println!(
        "\n| class | tried | refused | partial | hung | wrongly merged | badly worded |\n|---|---|---|---|---|---|---|"
    );
    for (class, t) in &by_class {
        println!(
            "| {class} | {} | {} | {} | {} | {} | {} |",
            t.tried, t.refused, t.partial, t.hung, t.merged, t.badly_worded
        );
    }
    println!(
        "| **all** | {} | {} | {} | {} | {} | {} |",
        tally.tried, tally.refused, tally.partial, tally.hung, tally.merged, tally.badly_worded
    );
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(tally.refused, tally.tried);
}

fn free_notice(store: &mut yishi_core::store::Store, spec: serde_json::Value) {
    let new = yishi_core::bulletin::NewNotice {
        kind: yishi_core::bulletin::NoticeKind::Free,
        spec: spec.to_string(),
        reference: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    store.write(|tx| yishi_core::bulletin::issue(tx, &new, today)).unwrap();
}

/// Gives the demo topic `rowid` a new title and description (as long as the app accepts:
/// `validate` counts characters, so these are written as it would store them).
fn retitle(store: &yishi_core::store::Store, rowid: i64, title: &str, description: &str) {
    let sql = "UPDATE topics SET title = ?2, description = ?3, updated_at = ?4 WHERE rowid = ?1";
    let now = yishi_core::ids::now_utc();
    assert_eq!(store.conn().execute(sql, rusqlite::params![rowid, title, description, now]).unwrap(), 1);
}

/// The other side of the corpus: archives that must import, whole, with the dry run saying
/// exactly what the import then does. Text at the limits the app accepts (a 200-character
/// title, a 33,000- and a 200,000-character description: the xlsx cell limit is 32,767), and free
/// notices the engine must print without dropping a cell (more cells than columns, no columns,
/// invisible characters pasted in).
#[test]
fn good_archives_import_whole_and_the_dry_run_says_what_the_import_does() {
    let (_a, mut a) = demo_store();
    let work = tempfile::tempdir().unwrap();
    let laptop = work.path().join("laptop.db");
    a.conn().execute("VACUUM INTO ?1", [laptop.to_str().unwrap()]).unwrap();
    let (_p, pristine) = export(&a);
    let title = format!("{}😀", "车".repeat(199));
    let long = "楼道堆物影响消防通道😀".repeat(3_000);
    let longest = "停".repeat(200_000);
    retitle(&a, 1, &title, &long);
    retitle(&a, 2, "超长说明", &longest);
    free_notice(
        &mut a,
        serde_json::json!({"title": "\u{FEFF}停车\u{200B}收费公示", "issuer": "幸福里社区居民委员会", "date": "2026-11-21",
            "paragraphs": ["经协商议定，收费如下。"],
            "table": {"columns": ["车位", "月租"], "rows": [["A区", "150元", "含管理费", "另计"], ["B区"]]}}),
    );
    free_notice(
        &mut a,
        serde_json::json!({"title": "无表头公示", "issuer": "幸福里社区居民委员会", "date": "2026-11-21",
            "table": {"columns": [], "rows": [["甲栏", "乙栏"]]}}),
    );
    let (_l, limits) = export(&a);
    let csv_holds_it = std::fs::read_dir(limits.join("csv"))
        .unwrap()
        .any(|f| String::from_utf8_lossy(&std::fs::read(f.unwrap().path()).unwrap()).contains(&long));
    assert!(csv_holds_it, "the CSV keeps the whole 33,000-character text");

    let mut parity = 0;
    for (name, folder) in [("the demo's own archive", &pristine), ("text at every limit, free notices", &limits)] {
        let db = work.path().join(format!("{parity}.db"));
        std::fs::copy(&laptop, &db).unwrap();
        let mut store = yishi_core::store::Store::open(&db).unwrap();
        let dry = archive::dry_run(&store, folder).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
        let real = archive::import(&mut store, folder).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
        let said = |s: &archive::ImportSummary| (serde_json::to_value(&s.tables).unwrap(), s.new, s.updated);
        assert_eq!(said(&dry), said(&real), "{name}: the dry run says what the import does");
        parity += 1;
        println!("{name:<45} imported: {} new, {} updated, dry run = import", real.new, real.updated);
    }
    let store = yishi_core::store::Store::open(&work.path().join("1.db")).unwrap();
    let text: String =
        store.conn().query_row("SELECT description FROM topics WHERE title = ?1", [&title], |r| r.get(0)).unwrap();
    assert_eq!(text, long, "the 33,000-character text arrives whole");
    let text: String =
        store.conn().query_row("SELECT description FROM topics WHERE title = '超长说明'", [], |r| r.get(0)).unwrap();
    assert_eq!(text.chars().count(), 200_000);
    let notices = |like: &str| -> i64 {
        let sql = "SELECT count(*) FROM notices WHERE spec LIKE ?1";
        store.conn().query_row(sql, [format!("%{like}%")], |r| r.get(0)).unwrap()
    };
    assert_eq!((notices("另计"), notices("乙栏")), (1, 1), "every cell travels with the notices");
    println!("\n| good archives (must import) | tried 2 | imported 2 | dry run = import {parity} |");
}
