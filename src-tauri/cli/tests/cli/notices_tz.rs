//! Done-when of issue 15: what `yishi-cli notice` prints from the demo does not depend on the
//! machine's time zone. Every notice the demo has records for is printed under TZ=UTC,
//! America/New_York and Asia/Shanghai and compared byte for byte; and a demo loaded on a
//! machine in UTC prints the same notices as one loaded in China.

use std::ffi::OsStr;
use std::path::Path;

use crate::common::{cli_with_env, demo_db_named};
use crate::notices_common::page_text;

const ZONES: [&str; 3] = ["UTC", "America/New_York", "Asia/Shanghai"];

/// (kind, SQL naming each record by a stable key and its id): every record of every kind.
const KINDS: &[(&str, &str)] = &[
    ("meeting-notice", "SELECT title, id FROM meetings"),
    ("minutes", "SELECT title, id FROM meetings WHERE status = 'closed'"),
    ("sign-in", "SELECT title, id FROM meetings"),
    // The topics that reached a meeting (a 议题公示 is posted before it is deliberated): each
    // status of the life cycle prints the same way, and printing all 30 would double the time.
    ("topic", "SELECT title, id FROM topics WHERE id IN (SELECT topic_id FROM agenda_items)"),
    (
        "decision",
        "SELECT a.title || '/' || d.text, d.id FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id",
    ),
    ("decision", "SELECT a.title, a.id FROM agenda_items a WHERE a.id IN (SELECT agenda_item_id FROM votes)"),
    (
        "progress",
        "SELECT a.title || '/' || d.text, d.id FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id",
    ),
    ("points", "SELECT '2026', '2026'"),
    ("convention", "SELECT title, id FROM conventions"),
    ("month-review", "SELECT '2026-11', '2026-11'"),
];

/// (kind, key, id) of every notice the demo database can print, in a stable order.
fn notices(db: &Path) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut all = Vec::new();
    for (kind, sql) in KINDS {
        let mut rows: Vec<(String, String)> = conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!rows.is_empty(), "the demo has no record for {kind}");
        rows.sort();
        all.extend(rows.into_iter().map(|(key, id)| (kind.to_string(), key, id)));
    }
    all
}

/// One print: a record, the machine zone, the --date (None: the community's today).
type Job<'a> = (&'a Path, &'a (String, String, String), &'a str, Option<&'a str>);

/// The PDF `yishi-cli notice` writes for one job, into `out`.
fn print((db, (kind, _, id), zone, date): Job, out: &Path) -> Vec<u8> {
    let mut args: Vec<&OsStr> =
        vec!["--db".as_ref(), db.as_os_str(), "notice".as_ref(), "--kind".as_ref(), kind.as_ref()];
    args.extend(["--id".as_ref(), OsStr::new(id.as_str())]);
    if let Some(date) = date {
        args.extend(["--date".as_ref(), OsStr::new(date)]);
    }
    args.extend(["--out".as_ref(), out.as_os_str()]);
    let o = cli_with_env(&args, &[("TZ", zone), ("LANG", "C")]);
    assert!(o.status.success(), "{kind} {id} under TZ={zone}: {}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(out).unwrap()
}

/// Runs the prints three at a time, each worker on its own copy of the database (the store
/// allows one process per file): the test takes a third of the time where cores are free.
fn print_all(jobs: &[Job], dir: &Path) -> Vec<Vec<u8>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![Vec::new(); jobs.len()]);
    std::thread::scope(|scope| {
        for worker in 0..3 {
            let (next, results) = (&next, &results);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(db, notice, zone, date)) = jobs.get(i) else { break };
                let copy = dir.join(format!("worker{worker}-{}", db.file_name().unwrap().to_string_lossy()));
                if !copy.exists() {
                    std::fs::copy(db, &copy).unwrap();
                }
                let bytes = print((&copy, notice, zone, date), &dir.join(format!("{i}.pdf")));
                results.lock().unwrap()[i] = bytes;
            });
        }
    });
    results.into_inner().unwrap()
}

fn assert_same(what: &str, a: &[u8], b: &[u8]) {
    if a != b {
        // Say what differs in words before failing on the bytes.
        assert_eq!(page_text(a), page_text(b), "{what}: the text differs");
        panic!("{what}: same text, different bytes");
    }
}

#[test]
fn every_demo_notice_prints_the_same_bytes_in_every_machine_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db_named(dir.path(), "demo.db", &[("TZ", "Asia/Shanghai")]);
    let list = notices(&db);
    assert!(list.len() >= 50, "{} notices", list.len());
    let jobs: Vec<Job> =
        list.iter().flat_map(|n| ZONES.map(|zone| (db.as_path(), n, zone, Some("2026-11-21")))).collect();
    let pdfs = print_all(&jobs, dir.path());
    for (notice, same) in list.iter().zip(pdfs.chunks(ZONES.len())) {
        for (zone, pdf) in ZONES.iter().zip(same) {
            assert_same(&format!("{} {} under TZ={zone}", notice.0, notice.1), &same[ZONES.len() - 1], pdf);
        }
    }
    // Without --date a notice is dated the community's today, not the machine's: 14 and −11
    // hours from UTC are always on two different days, but one day in China.
    let points = list.iter().find(|n| n.0 == "points").unwrap();
    let today = print_all(
        &[(db.as_path(), points, "Pacific/Kiritimati", None), (db.as_path(), points, "Pacific/Pago_Pago", None)],
        dir.path(),
    );
    assert_eq!(page_text(&today[0]), page_text(&today[1]));
}

#[test]
fn a_demo_loaded_on_a_machine_in_utc_prints_what_one_loaded_in_china_prints() {
    let dir = tempfile::tempdir().unwrap();
    let utc = demo_db_named(dir.path(), "utc.db", &[("TZ", "UTC")]);
    let china = demo_db_named(dir.path(), "china.db", &[("TZ", "Asia/Shanghai")]);
    let (a, b) = (notices(&utc), notices(&china));
    let keys =
        |l: &[(String, String, String)]| l.iter().map(|(k, key, _)| (k.clone(), key.clone())).collect::<Vec<_>>();
    assert_eq!(keys(&a), keys(&b), "the same records");
    let jobs: Vec<Job> = a
        .iter()
        .zip(&b)
        .flat_map(|(x, y)| {
            [(utc.as_path(), x, "UTC", Some("2026-11-21")), (china.as_path(), y, "UTC", Some("2026-11-21"))]
        })
        .collect();
    let pdfs = print_all(&jobs, dir.path());
    for (notice, pair) in a.iter().zip(pdfs.chunks(2)) {
        assert_same(&format!("{} {}", notice.0, notice.1), &pair[0], &pair[1]);
    }
}
