//! Search against the reference meaning: a `LIKE '%term%'` (ASCII case-insensitive) in title or
//! body for every whitespace-separated term, over a synthetic community, through the real store.

#[path = "search_corpus/mod.rs"]
#[allow(dead_code)] // each user takes only part of it
mod corpus;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use corpus::Rng;
use rusqlite::Connection;
use yishi_core::search::{self, DocKind, SearchDoc, SearchError, SearchQuery, SearchResults};
use yishi_core::store::Store;

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("yishi.db")).unwrap();
    (dir, store)
}

fn filled(docs: &[SearchDoc]) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = open();
    store.write(|tx| docs.iter().try_for_each(|d| search::upsert(tx, d))).unwrap();
    reference_table(store.conn(), docs);
    (dir, store)
}

/// A plain copy of the corpus, independent of the index's own tables.
fn reference_table(conn: &Connection, docs: &[SearchDoc]) {
    conn.execute_batch("CREATE TEMP TABLE corpus (kind TEXT, record_id TEXT, title TEXT, body TEXT, date TEXT)")
        .unwrap();
    let mut stmt = conn.prepare("INSERT INTO corpus VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
    for d in docs {
        let date = d.date.to_string();
        stmt.execute((d.kind.as_str(), &d.record_id, &d.title, &d.body, date)).unwrap();
    }
}

/// (kind, record_id) of every document the query should find, by LIKE.
fn expected(conn: &Connection, q: &SearchQuery) -> BTreeSet<(String, String)> {
    let terms: Vec<String> = q.text.split_whitespace().map(like_pattern).collect();
    if !q.text.chars().any(char::is_alphanumeric) {
        return BTreeSet::new();
    }
    let mut sql = String::from("SELECT kind, record_id FROM corpus WHERE 1");
    for i in 1..=terms.len() {
        sql += &format!(" AND (title LIKE ?{i} ESCAPE '\\' OR body LIKE ?{i} ESCAPE '\\')");
    }
    if let Some(y) = q.year {
        sql += &format!(" AND date LIKE '{y}-%'");
    }
    let mut stmt = conn.prepare(&sql).unwrap();
    let rows = stmt.query_map(rusqlite::params_from_iter(&terms), |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let kinds: Vec<&str> = q.kinds.iter().map(|k| k.as_str()).collect();
    rows.map(Result::unwrap)
        .filter(|(k, _): &(String, String)| kinds.is_empty() || kinds.contains(&k.as_str()))
        .collect()
}

fn like_pattern(term: &str) -> String {
    let escaped: String = term
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

fn all(text: &str) -> SearchQuery {
    SearchQuery { limit: usize::MAX, ..SearchQuery::new(text) }
}

fn found(r: &SearchResults) -> BTreeSet<(String, String)> {
    r.hits.iter().map(|h| (h.kind.as_str().to_string(), h.record_id.clone())).collect()
}

/// Runs `q` and checks it against LIKE: same set, same total, newest first within each group.
fn assert_like(conn: &Connection, q: &SearchQuery) -> SearchResults {
    let r = search::search(conn, q).unwrap_or_else(|e| panic!("{:?}: {e}", q.text));
    let want = expected(conn, q);
    assert_eq!(found(&r), want, "query {:?}", q.text);
    assert_eq!(r.total, want.len(), "total for {:?}", q.text);
    for pair in r.hits.windows(2) {
        let key = |h: &search::SearchHit| (h.exact_phrase, h.date);
        assert!(key(&pair[0]) >= key(&pair[1]), "order for {:?}", q.text);
    }
    r
}

fn random_substring(rng: &mut Rng, docs: &[SearchDoc], len: usize) -> String {
    let d = &docs[rng.below(docs.len())];
    let chars: Vec<char> = if rng.below(5) == 0 { d.title.chars() } else { d.body.chars() }.collect();
    let start = rng.below(chars.len().saturating_sub(len).max(1));
    chars[start..(start + len).min(chars.len())].iter().collect()
}

#[test]
fn random_short_queries_equal_like() {
    let docs = corpus::corpus(7, 300, 30, 300);
    let (_dir, store) = filled(&docs);
    let mut rng = Rng::new(42);
    let alphabet: Vec<char> = "车库照明便民桥充电桩楼道垃圾EVev3号1单元，。停位的了".chars().collect();
    for i in 0..600 {
        let len = 1 + rng.below(4);
        let text = if i % 3 == 0 {
            // Random combinations: mostly misses, some odd hits.
            (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect()
        } else {
            random_substring(&mut rng, &docs, len)
        };
        assert_like(store.conn(), &all(&text));
    }
}

#[test]
fn random_multi_term_queries_equal_like_and_rank_exact_first() {
    let docs = corpus::corpus(13, 300, 30, 300);
    let (_dir, store) = filled(&docs);
    let mut rng = Rng::new(43);
    for i in 0..300 {
        let text = if i % 2 == 0 {
            // Often a real phrase with a space in it, so exact-phrase hits exist.
            let len = 3 + rng.below(4);
            let mut t = random_substring(&mut rng, &docs, len);
            if !t.contains(' ') {
                t.insert(t.char_indices().nth(1).map_or(0, |(at, _)| at), ' ');
            }
            t
        } else {
            let (a, b) = (1 + rng.below(3), 1 + rng.below(3));
            let a = random_substring(&mut rng, &docs, a);
            format!("{a} {}", random_substring(&mut rng, &docs, b))
        };
        let r = assert_like(store.conn(), &all(&text));
        let phrase = text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
        for hit in &r.hits {
            let d = docs.iter().find(|d| d.record_id == hit.record_id).unwrap();
            let has = |s: &str| s.to_ascii_lowercase().contains(&phrase);
            assert_eq!(hit.exact_phrase, has(&d.title) || has(&d.body), "{text:?}");
        }
        let page = SearchQuery { limit: 3, offset: 2, ..all(&text) };
        let p = search::search(store.conn(), &page).unwrap();
        assert_eq!(p.total, r.total);
        assert_eq!(p.hits, r.hits.iter().skip(2).take(3).cloned().collect::<Vec<_>>());
    }
}

#[test]
fn mixed_latin_digit_and_chinese_queries_equal_like() {
    let docs = corpus::corpus(8, 300, 30, 300);
    let (_dir, store) = filled(&docs);
    for text in [
        "3号楼",
        "13号楼",
        "EV充电",
        "ev",
        "Ev充",
        "v充电桩",
        "WiFi",
        "wifi信号",
        "12345",
        "2345热线",
        "1800元",
        "95%",
        "138****5678",
        "（备注）",
        "2026年11月21日",
        "号",
        "E",
        "3",
        "好的（",
    ] {
        assert_like(store.conn(), &all(text));
    }
    // "3号楼" must also find "13号楼", as a substring search does.
    let r = search::search(store.conn(), &all("3号楼")).unwrap();
    assert!(r.hits.iter().any(|h| h.title.contains("13号楼")));
}

#[test]
fn odd_queries_are_text_never_errors() {
    let docs = corpus::corpus(9, 200, 100, 900);
    let (_dir, store) = filled(&docs);
    for text in [
        "",
        "   ",
        "，。！？",
        "\"",
        "*",
        "()",
        "-",
        ":",
        "^",
        "\"车库",
        "车库*",
        "NEAR(车库 照明)",
        "-车库",
        "车库 AND 照明",
        "车库 OR",
        "(车库)",
        "body:车库",
        "^车库",
        "kind:topic",
        "topic",
        "task",
        "车库 - 照明",
        "{title}",
        "车库\"\"照明",
        "AND",
        "OR NOT",
        "*车*",
    ] {
        assert_like(store.conn(), &all(text));
    }
    let long_doc = docs.iter().find(|d| d.body.chars().count() > 600).unwrap();
    let long: String = long_doc.body.chars().skip(50).take(500).collect();
    let r = assert_like(store.conn(), &all(&long));
    assert!(r.hits.iter().any(|h| h.record_id == long_doc.record_id));
    let miss: String = "车库照明，".repeat(100);
    assert_eq!(assert_like(store.conn(), &all(&miss)).total, 0);
}

#[test]
fn punctuation_spaces_line_breaks_and_emoji_are_matched_exactly() {
    let texts = [
        "地下车库(备注)灯不亮",
        "车库（备注）灯不亮",
        "车库 照明要修",
        "车库  照明两个空格",
        "车库\n照明换行",
        "车库，照明逗号",
        "😀车库群里说的",
        "车库😀照明",
        "EV充电,3号楼",
    ];
    let docs: Vec<SearchDoc> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| doc(DocKind::Topic, &format!("t{i}"), "2026-03-01", &format!("议题|{t}")))
        .collect();
    let (_dir, store) = filled(&docs);
    for text in [
        "(备注)",
        "（备注）",
        "车库 照明",
        "车库，",
        "库，照",
        "😀车库",
        "库😀照",
        "ev充电,",
        ",3号",
        "库(",
        "注)灯",
        "车库 ，",
        "照明 车库",
    ] {
        let r = assert_like(store.conn(), &all(text));
        assert!(r.total > 0, "{text:?} finds something");
    }
    let r = assert_like(store.conn(), &all("车库 照明"));
    assert_eq!(r.hits[0].record_id, "t2", "the one with exactly one space ranks first");
    assert!(r.hits[0].exact_phrase && !r.hits[1].exact_phrase);
}

#[test]
fn filters_by_kind_and_year_and_pages() {
    let docs = corpus::corpus(10, 300, 30, 300);
    let (_dir, store) = filled(&docs);
    for (kinds, year) in [
        (vec![DocKind::Minutes], None),
        (vec![DocKind::TaskNote, DocKind::Notice], Some(2025)),
        (vec![], Some(2024)),
        (vec![], Some(1990)),
    ] {
        for text in ["车库", "楼", "EV充电", "车库，"] {
            let q = SearchQuery { kinds: kinds.clone(), year, ..all(text) };
            assert_like(store.conn(), &q);
        }
    }
    let every = search::search(store.conn(), &all("楼")).unwrap();
    let page = SearchQuery { limit: 7, offset: 5, ..SearchQuery::new("楼") };
    let r = search::search(store.conn(), &page).unwrap();
    assert_eq!(r.total, every.total);
    assert_eq!(r.hits, every.hits[5..12]);
}

#[test]
fn exact_phrase_ranks_before_newer_partial_matches() {
    let old = doc(DocKind::Minutes, "old", "2023-05-01", "会议|讨论车库照明的更换方案");
    let new = doc(DocKind::Minutes, "new", "2026-05-01", "会议|照明不足，车库地面破损");
    let (_dir, store) = filled(&[old.clone(), new.clone()]);
    let r = search::search(store.conn(), &all("车库 照明")).unwrap();
    let order: Vec<(&str, bool)> = r.hits.iter().map(|h| (h.record_id.as_str(), h.exact_phrase)).collect();
    assert_eq!(order, [("new", false), ("old", false)]);
    let r = search::search(store.conn(), &all("车库照明 更换")).unwrap();
    assert_eq!(r.total, 1);
    let r = search::search(store.conn(), &all("车库")).unwrap();
    let ids: Vec<&str> = r.hits.iter().map(|h| h.record_id.as_str()).collect();
    assert_eq!(ids, ["new", "old"]);
    assert!(r.hits.iter().all(|h| h.exact_phrase));
}

#[test]
fn exact_phrase_with_space_ranks_first() {
    let exact = doc(DocKind::Notice, "exact", "2023-01-01", "公示|EV 充电桩安装公示");
    let apart = doc(DocKind::Notice, "apart", "2026-01-01", "公示|充电桩：给EV用");
    let (_dir, store) = filled(&[exact, apart]);
    let r = assert_like(store.conn(), &all("ev 充电桩"));
    let order: Vec<(&str, bool)> = r.hits.iter().map(|h| (h.record_id.as_str(), h.exact_phrase)).collect();
    assert_eq!(order, [("exact", true), ("apart", false)]);
}

#[test]
fn snippets_show_and_mark_the_hit() {
    let docs = corpus::corpus(11, 100, 200, 900);
    let (_dir, store) = filled(&docs);
    for text in ["车库", "便民桥", "EV", "3号楼", "桥"] {
        let r = search::search(store.conn(), &all(text)).unwrap();
        assert!(r.total > 0, "{text}");
        for hit in &r.hits {
            assert!(hit.snippet.chars().count() <= 62, "{}", hit.snippet);
            let body = &docs.iter().find(|d| d.record_id == hit.record_id).unwrap().body;
            if !body.to_ascii_lowercase().contains(&text.to_ascii_lowercase()) {
                continue; // only the title matched
            }
            let (s, e) = hit.highlights[0];
            let marked: String = hit.snippet.chars().skip(s).take(e - s).collect();
            assert!(marked.to_ascii_lowercase().contains(&text.to_ascii_lowercase()), "{marked}");
        }
    }
}

/// A document from `"title|body"`, dated `"YYYY-MM-DD"`.
fn doc(kind: DocKind, id: &str, date: &str, text: &str) -> SearchDoc {
    let (title, body) = text.split_once('|').unwrap();
    SearchDoc {
        kind,
        record_id: id.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        date: date.parse().unwrap(),
    }
}

fn ids(store: &Store, text: &str) -> Vec<String> {
    let r = search::search(store.conn(), &all(text)).unwrap();
    r.hits.into_iter().map(|h| h.record_id).collect()
}

#[test]
fn upsert_replaces_and_remove_removes() {
    let mut bridge = doc(DocKind::Topic, "t1", "2025-07-01", "便民桥被淹|暴雨后便民桥被淹，要绕六七里路");
    let garage = doc(DocKind::Topic, "t2", "2025-07-01", "车库照明|地下车库灯不亮");
    let (_dir, mut store) = filled(&[bridge.clone(), garage.clone()]);
    assert_eq!(ids(&store, "便民桥"), ["t1"]);

    bridge.body = "乡贤捐款重修，已通行".into();
    bridge.title = "桥已修好".into();
    bridge.date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    store.write(|tx| search::upsert(tx, &bridge)).unwrap();
    assert!(ids(&store, "便民桥").is_empty());
    assert_eq!(ids(&store, "乡贤"), ["t1"]);
    let r = search::search(store.conn(), &all("乡贤")).unwrap();
    assert_eq!(r.hits[0].date, bridge.date);
    assert_eq!(count(&store, "search_docs"), 2);

    // Same (kind, record_id) of another kind is another document.
    let note = doc(DocKind::TaskNote, "t1", "2026-02-01", "进展|车库灯已更换");
    store.write(|tx| search::upsert(tx, &note)).unwrap();
    assert_eq!(ids(&store, "车库"), ["t1", "t2"]);

    store.write(|tx| search::remove(tx, DocKind::Topic, "t2")).unwrap();
    store.write(|tx| search::remove(tx, DocKind::Topic, "missing")).unwrap();
    assert_eq!(ids(&store, "车库"), ["t1"]);
    assert_eq!(ids(&store, "灯不亮"), Vec::<String>::new());
    assert_eq!(count(&store, "search_docs"), 2);
}

fn count(store: &Store, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn rebuild_clears_and_refills() {
    let docs = corpus::corpus(12, 100, 30, 200);
    let (_dir, mut store) = filled(&docs);
    assert!(!ids(&store, "车库").is_empty());
    let fresh = vec![
        doc(DocKind::Convention, "c1", "2024-03-01", "居民公约|第一章 总则"),
        doc(DocKind::Convention, "c1", "2024-03-02", "居民公约（修订）|第一章 总则"),
        doc(DocKind::Decision, "d1", "2024-03-03", "停车收费|一户一票通过"),
    ];
    let n = store.write(|tx| search::rebuild(tx, fresh.clone())).unwrap();
    assert_eq!(n, 2);
    assert!(ids(&store, "车库").is_empty());
    assert_eq!(ids(&store, "总则"), ["c1"]);
    assert_eq!(ids(&store, "一户"), ["d1"]);
    let r = search::search(store.conn(), &all("公约")).unwrap();
    assert_eq!(r.hits[0].title, "居民公约（修订）");
}

#[test]
fn a_rolled_back_write_leaves_no_index_entry() {
    let (_dir, mut store) = open();
    let kept = doc(DocKind::Topic, "kept", "2025-01-01", "楼道垃圾|邻里因楼道垃圾争吵");
    store.write(|tx| search::upsert(tx, &kept)).unwrap();
    let lost = doc(DocKind::Topic, "lost", "2025-02-01", "楼道垃圾|深夜音乐扰民");
    let refused: Result<(), SearchError> = store.write(|tx| {
        search::upsert(tx, &lost)?;
        search::remove(tx, DocKind::Topic, "kept")?;
        Err(SearchError::Corrupt("the domain write was refused".into()))
    });
    assert!(refused.is_err());
    assert_eq!(ids(&store, "楼道"), ["kept"]);
    assert!(ids(&store, "音乐").is_empty());
}

#[test]
fn the_index_is_part_of_the_schema_and_hidden_from_table_counts() {
    let (_dir, store) = open();
    assert_eq!(store.schema_version().unwrap(), yishi_core::store::LATEST_VERSION);
    let names: Vec<String> = store.table_counts().unwrap().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"search_docs".to_string()));
    assert!(!names.iter().any(|n| n.starts_with("search_fts")), "{names:?}");
}
