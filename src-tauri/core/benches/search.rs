//! Search over a synthetic 100,000-record community (demo vocabulary, 300–2,000 characters each).
//! Targets (issue 19): every query class, newest 20 hits and the total (counted up to
//! `search::COUNT_CAP`) p95 ≤ 50 ms. The generated database is cached under target/ between runs.
//!
//! Run: `cargo bench -p yishi-core --bench search`

#[path = "../tests/search_corpus/mod.rs"]
#[allow(dead_code)] // each user takes only part of it
mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus::Rng;
use yishi_core::search::{self, SearchQuery};
use yishi_core::store::Store;

const DOCS: usize = 100_000;
const SEED: u64 = 2026;
const ROUNDS: usize = 20;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let path = database()?;
    let store = Store::open(&path)?;
    sizes(&store)?;
    let two = ["车库", "楼道", "充电", "便民", "乡贤", "律师", "照明", "垃圾", "火箭", "噪音"];
    report("2-char, newest 20 + total", &two, 20, &store)?;
    report("2-char, count only", &two, 0, &store)?;
    report("1-char, newest 20 + total", &["车", "桥", "灯", "电", "鹅"], 20, &store)?;
    report("3–4-char, newest 20 + total", &["充电桩", "地下车库", "便民桥头", "楼道堆物"], 20, &store)?;
    report("mixed, newest 20 + total", &["3号楼", "EV充电", "12345", "wifi"], 20, &store)?;
    report("punctuation, newest 20 + total", &["车库，", "（备注）", "充电桩。", "3号楼、"], 20, &store)?;
    report("several terms, newest 20 + total", &["车库 照明", "充电 楼道 便民", "EV 3号楼"], 20, &store)?;
    report("no match, newest 20 + total", &["火箭发射", "zzqx", "鹅鹅鹅"], 20, &store)?;
    Ok(())
}

/// The cached database, generated on first use (a few minutes).
fn database() -> Res<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // The index's version too: a migration may change how the index is built (v008 did); the
    // later ones only add tables, which opening the cached file adds in a moment.
    let schema = yishi_core::store::SEARCH_INDEX_VERSION;
    let path = dir.join(format!("search-bench-{DOCS}-{SEED}-v{}-s{schema}.db", corpus::VERSION));
    if path.exists() {
        return Ok(path);
    }
    let partial = dir.join("search-bench-partial.db");
    for stale in ["", "-wal", "-shm", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{stale}", partial.display()));
    }
    let started = Instant::now();
    {
        let mut store = Store::open(&partial)?;
        let mut rng = Rng::new(SEED);
        let docs = (0..DOCS).map(move |i| corpus::doc(&mut rng, i, 300, 2000));
        store.write(|tx| search::rebuild(tx, docs))?;
    }
    println!("generated {DOCS} documents in {:.0?}", started.elapsed());
    std::fs::rename(&partial, &path)?;
    Ok(path)
}

fn sizes(store: &Store) -> Res<()> {
    let conn = store.conn();
    let text: i64 = conn.query_row(
        "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM search_docs",
        [],
        |r| r.get(0),
    )?;
    let pages = |like: &str| -> rusqlite::Result<i64> {
        conn.query_row("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?1 ESCAPE '\\'", [like], |r| r.get(0))
    };
    let (fts, docs) = (pages("search\\_fts%")?, pages("search\\_docs%")?);
    let mb = |b: i64| b as f64 / 1e6;
    println!("text (title + body, UTF-8): {:.1} MB", mb(text));
    println!("FTS index (search_fts*):   {:.1} MB = {:.2}× text", mb(fts), fts as f64 / text as f64);
    println!("search_docs (text copy):  {:.1} MB", mb(docs));
    Ok(())
}

fn report(label: &str, queries: &[&str], limit: usize, store: &Store) -> Res<()> {
    let mut times: Vec<Duration> = Vec::new();
    let mut totals = Vec::new();
    for q in queries {
        let query = SearchQuery { limit, ..SearchQuery::new(*q) };
        totals.push(search::search(store.conn(), &query)?.total); // warm-up
        for _ in 0..ROUNDS {
            let started = Instant::now();
            search::search(store.conn(), &query)?;
            times.push(started.elapsed());
        }
    }
    times.sort();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!("{label:<30} p50 {:>7.2?}  p95 {:>7.2?}  max {:>7.2?}  hits {:?}", at(50), at(95), at(100), totals);
    Ok(())
}
