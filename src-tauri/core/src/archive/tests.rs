use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate};

use super::backup::{retained, Backup};
use crate::testing::temp_store;

fn backups(days: &[(&str, &str)]) -> Vec<Backup> {
    // Built through real files, since `Backup` is only made by parsing a file name.
    let dir = tempfile::tempdir().unwrap().keep();
    let mut list: Vec<Backup> = days
        .iter()
        .map(|(when, reason)| {
            let path = dir.join(format!("yishi-{when}-{reason}.db"));
            std::fs::write(&path, b"x").unwrap();
            path
        })
        .map(|p| super::backup::parse_for_test(&p).unwrap())
        .collect();
    list.sort_by(|a, b| b.taken_at.cmp(&a.taken_at));
    list
}

fn names(keep: &std::collections::BTreeSet<PathBuf>) -> Vec<String> {
    let mut v: Vec<String> = keep.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn retention_keeps_seven_days_and_four_weeks_and_ten_safety_copies() {
    // 60 days of daily backups ending Saturday 2026-11-21, two on the last day.
    let end = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let mut spec: Vec<(String, &str)> =
        (0..60).map(|i| ((end - Duration::days(i)).format("%Y%m%d-080000").to_string(), "daily")).collect();
    spec.push((end.format("%Y%m%d-200000").to_string(), "daily"));
    for i in 0..12 {
        spec.push(((end - Duration::days(i)).format("%Y%m%d-120000").to_string(), "import"));
    }
    let refs: Vec<(&str, &str)> = spec.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let kept = names(&retained(&backups(&refs)));
    let daily: Vec<&String> = kept.iter().filter(|n| n.ends_with("daily.db")).collect();
    // 7 days 11-15 … 11-21 (the newer of the two on the 21st), then one per week before:
    // weeks of 11-09..11-14 already partly covered → the newest daily of each earlier week.
    assert_eq!(daily.len(), 11, "{daily:?}");
    assert!(kept.contains(&"yishi-20261121-200000-daily.db".to_string()));
    assert!(!kept.contains(&"yishi-20261121-080000-daily.db".to_string()));
    assert!(kept.contains(&"yishi-20261115-080000-daily.db".to_string()));
    assert!(!kept.contains(&"yishi-20261114-080000-daily.db".to_string()), "week of the 7 days is covered");
    assert!(kept.contains(&"yishi-20261108-080000-daily.db".to_string()), "newest of the week before");
    assert!(kept.contains(&"yishi-20261018-080000-daily.db".to_string()), "fourth week back");
    assert!(!kept.contains(&"yishi-20261011-080000-daily.db".to_string()), "fifth week back is gone");
    assert_eq!(kept.iter().filter(|n| n.ends_with("import.db")).count(), 10);
}

#[test]
fn daily_backup_is_taken_once_a_day() {
    let (_dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let today = crate::time::Zone::default().today();
    assert!(super::backup::daily(&store, today).unwrap().is_some());
    assert!(super::backup::daily(&store, today).unwrap().is_none(), "second start the same day");
    let list = super::backup::list(&store).unwrap();
    assert_eq!(list.len(), 1);
    let copy = rusqlite::Connection::open(&list[0].path).unwrap();
    let n: i64 = copy.query_row("SELECT count(*) FROM topics", [], |r| r.get(0)).unwrap();
    assert_eq!(n, crate::testing::count(&store, "topics"));
}

fn index(store: &crate::store::Store) -> BTreeMap<(String, String), (String, String, String)> {
    let mut stmt = store.conn().prepare("SELECT kind, record_id, title, body, date FROM search_docs").unwrap();
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?, r.get(4)?)))).unwrap();
    rows.map(|r| r.unwrap()).collect()
}

#[test]
fn reindex_rebuilds_what_live_writes_indexed() {
    let (_dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let live = index(&store);
    let kinds: std::collections::BTreeSet<&str> = live.keys().map(|(k, _)| k.as_str()).collect();
    for kind in ["topic", "minutes", "decision", "task_note", "evaluation", "notice", "convention", "topic_note"] {
        assert!(kinds.contains(kind), "the demo has {kind} documents to compare: {kinds:?}");
    }
    let n = store.write(crate::reindex::all).unwrap();
    let rebuilt = index(&store);
    assert_eq!(n, rebuilt.len());
    for (key, doc) in &live {
        assert_eq!(rebuilt.get(key), Some(doc), "{key:?}");
    }
    assert_eq!(live.len(), rebuilt.len());
    let found = crate::search::search(store.conn(), &crate::search::SearchQuery::new("车库")).unwrap();
    assert!(found.total > 0);
}
