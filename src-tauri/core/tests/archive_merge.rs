//! Two laptops that both worked since a common archive: merged by id, newer wins, a minutes text
//! typed on both sides keeps both (one as a revision), and nothing changes on a second import.

mod archive_common;

use archive_common::*;
use rusqlite::params;
use yishi_core::archive;
use yishi_core::ids::{new_id, now_utc};
use yishi_core::store::Store;

fn pause() {
    // Timestamps have millisecond resolution: keep the order of edits unambiguous.
    std::thread::sleep(std::time::Duration::from_millis(5));
}

/// An open meeting with two agenda items, written straight into the tables.
fn open_meeting(store: &Store) -> (String, String) {
    let (m, x, y, now) = (new_id(), new_id(), new_id(), now_utc());
    store
        .conn()
        .execute_batch(&format!(
            "INSERT INTO meetings (id, kind, title, starts_at, status, created_at, updated_at) \
             VALUES ('{m}', 'bench', '12月板凳会', '2026-12-03T11:00:00.000Z', 'in_session', '{now}', '{now}');
             INSERT INTO agenda_items (id, meeting_id, position, kind, title, created_at, updated_at) \
             VALUES ('{x}', '{m}', 1, 'topic', '电动车充电桩选址', '{now}', '{now}'),
                    ('{y}', '{m}', 2, 'topic', '楼道堆物清理', '{now}', '{now}');"
        ))
        .unwrap();
    (x, y)
}

fn save_minutes(store: &mut Store, item: &str, text: &str) {
    store.write(|tx| yishi_core::minutes::save(tx, item, text)).unwrap();
}

fn retitle(store: &Store, id: &str, title: &str) {
    store
        .conn()
        .execute("UPDATE topics SET title = ?2, updated_at = ?3 WHERE id = ?1", params![id, title, now_utc()])
        .unwrap();
}

fn title(store: &Store, id: &str) -> String {
    store.conn().query_row("SELECT title FROM topics WHERE id = ?1", [id], |r| r.get(0)).unwrap()
}

fn minutes_text(store: &Store, item: &str) -> String {
    yishi_core::minutes::get(store.conn(), item).unwrap().text
}

fn revisions(store: &Store, item: &str) -> Vec<(String, String)> {
    yishi_core::minutes::list_revisions(store.conn(), item)
        .unwrap()
        .into_iter()
        .map(|r| (r.reason.as_str().to_string(), r.text))
        .collect()
}

#[test]
fn two_laptops_that_both_worked_since_a_common_archive_merge_without_losing_anything() {
    let (_b_dir, mut b) = empty_store();
    pause();
    let (_a_dir, mut a) = demo_store();
    let (x, y) = open_meeting(&a);
    save_minutes(&mut a, &y, "居民反映3号楼楼道堆放杂物，存在消防隐患。");
    let topics: Vec<String> = {
        let mut s = a.conn().prepare("SELECT id FROM topics ORDER BY raised_at LIMIT 2").unwrap();
        s.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    let (t1, t2) = (&topics[0], &topics[1]);

    // The office PC (B) takes the laptop's (A) records.
    let (_stick1, common) = export(&a);
    archive::import(&mut b, &common).unwrap();

    // Both work on: B first retitles t1, then A does (A is newer); both type minutes of x.
    pause();
    retitle(&b, t1, "B改的标题");
    pause();
    retitle(&a, t1, "A改的标题");
    pause();
    save_minutes(&mut a, &x, "A：拟在5号楼东侧设充电桩6个。");
    pause();
    save_minutes(&mut b, &x, "B：物业建议在地面停车场北侧设充电桩。");
    pause();
    save_minutes(&mut b, &y, "居民反映3号楼楼道堆放杂物，存在消防隐患。物业承诺周五前清理完毕。");
    retitle(&b, t2, "B改的第二个议题");
    let new_topic = new_id();
    b.conn()
        .execute(
            "INSERT INTO topics (id, title, description, channel, raised_at, created_at, updated_at) \
             VALUES (?1, '广场舞音响扰民', '晚上九点后音响声音过大', 'phone', ?2, ?2, ?2)",
            params![new_topic, now_utc()],
        )
        .unwrap();

    // A imports B's archive: first the dry run, then for real.
    let (_stick2, from_b) = export(&b);
    let before = dump(&a);
    let dry = archive::dry_run(&a, &from_b).unwrap();
    assert_eq!(dump(&a), before, "the dry run changes nothing");
    let summary = archive::import(&mut a, &from_b).unwrap();
    assert_eq!((summary.new, summary.updated), (dry.new, dry.updated));
    assert_eq!(summary.conflicts, dry.conflicts);

    assert_eq!(title(&a, t1), "A改的标题", "the newer edit wins");
    assert_eq!(title(&a, t2), "B改的第二个议题");
    assert_eq!(title(&a, &new_topic), "广场舞音响扰民");
    assert_eq!(minutes_text(&a, &x), "B：物业建议在地面停车场北侧设充电桩。", "B typed last");
    assert!(
        revisions(&a, &x).contains(&("import_conflict".into(), "A：拟在5号楼东侧设充电桩6个。".into())),
        "A's text is kept as a revision: {:?}",
        revisions(&a, &x)
    );
    assert_eq!(summary.conflicts.len(), 1, "{:?}", summary.conflicts);
    assert_eq!(summary.conflicts[0].table, "minutes");
    assert!(summary.conflicts[0].what.contains("电动车充电桩选址"), "{}", summary.conflicts[0].what);
    // y only changed on B (B continued A's text, which B kept as a revision): no conflict.
    assert!(minutes_text(&a, &y).ends_with("物业承诺周五前清理完毕。"));
    assert!(!revisions(&a, &y).iter().any(|(r, _)| r == "import_conflict"));
    // The search index knows B's new topic.
    let hits = yishi_core::search::search(a.conn(), &yishi_core::search::SearchQuery::new("广场舞")).unwrap();
    assert_eq!(hits.hits.first().map(|h| h.record_id.as_str()), Some(new_topic.as_str()));

    // Again: nothing changes, nothing is listed.
    let before = dump(&a);
    let again = archive::import(&mut a, &from_b).unwrap();
    assert_eq!((again.new, again.updated, again.conflicts.len()), (0, 0, 0), "{again:?}");
    assert_eq!(dump(&a), before);

    // And back to B: both laptops now tell the same story.
    let (_stick3, from_a) = export(&a);
    archive::import(&mut b, &from_a).unwrap();
    assert_eq!(title(&b, t1), "A改的标题");
    assert_eq!(minutes_text(&b, &x), minutes_text(&a, &x));
    assert!(revisions(&b, &x).contains(&("import_conflict".into(), "A：拟在5号楼东侧设充电桩6个。".into())));
    for table in ["topics", "topic_events", "people", "meetings", "agenda_items", "decisions", "tasks"] {
        assert_eq!(dump_domain(&a)[table], dump_domain(&b)[table], "{table}");
    }
}

#[test]
fn when_the_local_text_is_newer_the_archive_text_becomes_the_revision() {
    let (_b_dir, mut b) = empty_store();
    pause();
    let (_a_dir, mut a) = demo_store();
    let (x, _) = open_meeting(&a);
    let (_s, common) = export(&a);
    archive::import(&mut b, &common).unwrap();
    pause();
    save_minutes(&mut b, &x, "B先写的记录");
    pause();
    save_minutes(&mut a, &x, "A后写的记录");
    let (_s2, from_b) = export(&b);
    let summary = archive::import(&mut a, &from_b).unwrap();
    assert_eq!(minutes_text(&a, &x), "A后写的记录");
    assert!(revisions(&a, &x).contains(&("import_conflict".into(), "B先写的记录".into())));
    assert_eq!(summary.conflicts.len(), 1);
    let again = archive::import(&mut a, &from_b).unwrap();
    assert!(again.conflicts.is_empty(), "kept once, not listed again: {:?}", again.conflicts);
}
