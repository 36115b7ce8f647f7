//! Autosave of a growing ~20,000-character minutes text (issue 3, then issue 19): target p99
//! ≤ 3 ms per `store.write(|tx| minutes::save(tx, item, text))`, each save the whole text so
//! far, typed a few characters at a time. The save defers its search-index entry; the row
//! “deferred index entry” times writing it, as the app's idle timer does a moment later. Compares WAL + synchronous=FULL (what the store ships) with NORMAL, then
//! splits the FULL cost (minutes row alone, search index alone, commit, checkpoints) to show where
//! the time goes.
//!
//! Run: `cargo bench -p yishi-core --bench autosave`

#[path = "../tests/search_corpus/mod.rs"]
#[allow(dead_code)] // only its Rng is used here
mod corpus;
#[path = "../tests/minutes_text/mod.rs"]
mod minutes_text;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use corpus::Rng;
use yishi_core::minutes;
use yishi_core::search::{self, DocKind, SearchDoc};
use yishi_core::store::Store;

const SAVES: usize = 1_000;
/// Characters already typed when the timed saves start: they end just past 20,000.
const START_CHARS: usize = 17_000;
const SEED: u64 = 20_261_120;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// What one timed save does.
#[derive(Clone, Copy)]
enum Op {
    /// The real autosave: `minutes::save` (revision check, minutes row, search index).
    Save,
    /// Only the minutes row's UPDATE, as `minutes::save` writes it.
    RowOnly,
    /// Only `search::upsert` of the same text.
    SearchOnly,
    /// The index entry a save deferred, written as the app's idle timer does (`reindex::flush`,
    /// off the typing path); the save before it is not timed.
    Flush,
}

/// Who copies the WAL back into the database file.
#[derive(Clone, Copy, PartialEq)]
enum Checkpoint {
    /// SQLite's default: the commit that takes the WAL past 1,000 pages does it.
    Auto,
    /// Nobody (shows the commit without checkpoints, and how much WAL a save writes).
    Off,
    /// A second connection in a background thread, `wal_checkpoint(PASSIVE)` every second.
    Background,
}

struct Variant {
    label: &'static str,
    synchronous: &'static str,
    checkpoint: Checkpoint,
    op: Op,
}

/// Per save: the whole `store.write` call, and the part spent before `COMMIT` (the rest is the
/// commit: WAL write, fsync and, every ~1,000 WAL pages, a checkpoint).
struct Timings {
    total: Vec<Duration>,
    work: Vec<Duration>,
    wal_frames_per_save: Option<f64>,
}

fn main() -> Res<()> {
    let mut rng = Rng::new(SEED);
    let text = minutes_text::minutes_text(&mut rng, 25_000);
    let lengths = minutes_text::typed_lengths(&mut rng, &text, START_CHARS, SAVES);
    let chars = |end: usize| text[..end].chars().count();
    println!(
        "{SAVES} saves, text {}…{} characters ({:.0}–{:.0} KB UTF-8), back to back; load average {}",
        chars(lengths[0]),
        chars(lengths[SAVES - 1]),
        lengths[0] as f64 / 1e3,
        lengths[SAVES - 1] as f64 / 1e3,
        load_average(),
    );
    let variants = [
        Variant {
            label: "minutes::save  WAL+FULL (shipped)",
            synchronous: "FULL",
            checkpoint: Checkpoint::Auto,
            op: Op::Save,
        },
        Variant {
            label: "minutes::save  WAL+NORMAL",
            synchronous: "NORMAL",
            checkpoint: Checkpoint::Auto,
            op: Op::Save,
        },
        Variant {
            label: "  deferred index entry (idle timer)",
            synchronous: "FULL",
            checkpoint: Checkpoint::Auto,
            op: Op::Flush,
        },
        Variant {
            label: "  FULL, minutes row only",
            synchronous: "FULL",
            checkpoint: Checkpoint::Auto,
            op: Op::RowOnly,
        },
        Variant {
            label: "  FULL, search::upsert only",
            synchronous: "FULL",
            checkpoint: Checkpoint::Auto,
            op: Op::SearchOnly,
        },
        Variant {
            label: "  FULL, no checkpoint at all",
            synchronous: "FULL",
            checkpoint: Checkpoint::Off,
            op: Op::Save,
        },
        Variant {
            label: "  FULL, row only, no checkpoint",
            synchronous: "FULL",
            checkpoint: Checkpoint::Off,
            op: Op::RowOnly,
        },
        Variant {
            label: "  FULL, search only, no checkpoint",
            synchronous: "FULL",
            checkpoint: Checkpoint::Off,
            op: Op::SearchOnly,
        },
        Variant {
            label: "  FULL, checkpoint in background",
            synchronous: "FULL",
            checkpoint: Checkpoint::Background,
            op: Op::Save,
        },
        Variant {
            label: "  NORMAL, checkpoint in background",
            synchronous: "NORMAL",
            checkpoint: Checkpoint::Background,
            op: Op::Save,
        },
    ];
    println!(
        "{:<36} {:>7} {:>7} {:>7} {:>7} | before COMMIT p50/p99 | commit p50/p99",
        "ms", "p50", "p95", "p99", "max"
    );
    for v in &variants {
        let t = run(v, &text, &lengths)?;
        report(v.label, &t);
    }
    Ok(())
}

fn run(v: &Variant, text: &str, lengths: &[usize]) -> Res<Timings> {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR"))?;
    let db: PathBuf = dir.path().join("yishi.db");
    let mut store = Store::open(&db)?;
    // Per-connection settings: the store itself is untouched, only this connection differs.
    store.conn().pragma_update(None, "synchronous", v.synchronous)?;
    if v.checkpoint != Checkpoint::Auto {
        store.conn().pragma_update(None, "wal_autocheckpoint", 0)?;
    }
    let item = minutes_text::insert_agenda_item(store.conn())?;
    // Untimed: the text typed so far is already saved (the minutes row and index entry exist).
    let start = &text[..text.char_indices().nth(START_CHARS).map_or(text.len(), |(i, _)| i)];
    store.write(|tx| minutes::save(tx, &item, start))?;
    yishi_core::reindex::flush(&mut store)?;
    let wal_before = wal_len(&db);
    let mut t = Timings { total: Vec::new(), work: Vec::new(), wal_frames_per_save: None };
    let checkpointer = (v.checkpoint == Checkpoint::Background).then(|| Checkpointer::start(&db));
    for &end in lengths {
        let (total, work) = save_once(&mut store, v.op, &item, &text[..end])?;
        t.total.push(total);
        t.work.push(work);
    }
    if let Some(c) = checkpointer {
        c.stop()?;
    }
    if v.checkpoint == Checkpoint::Off {
        let page: i64 = store.conn().query_row("PRAGMA page_size", [], |r| r.get(0))?;
        let grown = wal_len(&db).saturating_sub(wal_before) as f64;
        t.wal_frames_per_save = Some(grown / (page as f64 + 24.0) / lengths.len() as f64);
    }
    Ok(t)
}

fn save_once(store: &mut Store, op: Op, item: &str, text: &str) -> Res<(Duration, Duration)> {
    if let Op::Flush = op {
        store.write(|tx| minutes::save(tx, item, text))?;
    }
    let started = Instant::now();
    let mut work = Duration::ZERO;
    match op {
        Op::Flush => store.write(|tx| {
            let r = yishi_core::reindex::flush_pending(tx).map(drop);
            work = started.elapsed();
            r
        })?,
        Op::Save => store.write(|tx| {
            let r = minutes::save(tx, item, text).map(drop);
            work = started.elapsed();
            r
        })?,
        Op::RowOnly => store.write(|tx| {
            let r = tx
                .execute(
                    "UPDATE minutes SET text = ?1, save_count = save_count + 1, updated_at = ?2 \
                     WHERE agenda_item_id = ?3",
                    [text, &yishi_core::ids::now_utc(), item],
                )
                .map(drop);
            work = started.elapsed();
            r
        })?,
        Op::SearchOnly => store.write(|tx| {
            let doc = SearchDoc {
                kind: DocKind::Minutes,
                record_id: item.to_string(),
                title: "地下车库照明和停车位".to_string(),
                body: text.to_string(),
                date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
            };
            let r = search::upsert(tx, &doc);
            work = started.elapsed();
            r
        })?,
    }
    Ok((started.elapsed(), work))
}

/// `wal_checkpoint(PASSIVE)` every second on its own connection: WAL writers are not blocked by
/// it, so the autosave commit no longer pays for copying pages and syncing the database file.
struct Checkpointer {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<rusqlite::Result<()>>,
}

impl Checkpointer {
    fn start(db: &std::path::Path) -> Checkpointer {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (flag, db) = (stop.clone(), db.to_path_buf());
        let thread = std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&db)?;
            conn.busy_timeout(Duration::from_secs(5))?;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_secs(1));
                conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            }
            Ok(())
        });
        Checkpointer { stop, thread }
    }

    fn stop(self) -> Res<()> {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().map_err(|_| "checkpoint thread panicked")??;
        Ok(())
    }
}

fn report(label: &str, t: &Timings) {
    let commit: Vec<Duration> = t.total.iter().zip(&t.work).map(|(a, b)| *a - *b).collect();
    let (total, work, commit) = (sorted(&t.total), sorted(&t.work), sorted(&commit));
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let frames = t.wal_frames_per_save.map_or(String::new(), |f| format!("  ({f:.0} WAL pages per save)"));
    println!(
        "{label:<36} {:>7.2} {:>7.2} {:>7.2} {:>7.2} | {:>6.2} / {:>6.2}        | {:>5.2} / {:>5.2}{frames}",
        ms(pct(&total, 50.0)),
        ms(pct(&total, 95.0)),
        ms(pct(&total, 99.0)),
        ms(pct(&total, 100.0)),
        ms(pct(&work, 50.0)),
        ms(pct(&work, 99.0)),
        ms(pct(&commit, 50.0)),
        ms(pct(&commit, 99.0)),
    );
}

fn sorted(v: &[Duration]) -> Vec<Duration> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// Nearest-rank percentile of a sorted, non-empty list.
fn pct(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn wal_len(db: &std::path::Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).map_or(0, |m| m.len())
}

/// Other engineers build on the same 2 cores: the load average says how noisy the figures are.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
