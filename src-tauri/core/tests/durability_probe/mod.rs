//! The kill -9 harness for autosave (issue 3), shared by `tests/durability.rs` (a few trials) and
//! `benches/durability.rs` (many).
//!
//! The harness re-runs its own executable as the child (an env var selects child mode), so it
//! never depends on another target having been built. The child opens the store and autosaves a
//! growing minutes text in a loop; after each committed save it prints `MARK n` (n = the save
//! count) and flushes. Save `n` always writes `Script::text(n)`, so the parent can recompute what
//! any save wrote. The parent SIGKILLs the child at a random moment, reopens the file with
//! `Store::open` (lock, quick_check, migrations), runs `PRAGMA integrity_check` and checks that the
//! stored text is exactly save `k`'s text with `last reported ≤ k ≤ last reported + 1` (one save
//! may have committed without getting to say so). Then it opens the file as the app does
//! (`reindex::open`) and searches: the index must hold exactly the stored text, although the
//! child only ever deferred its index entries (`search::pending`) and never wrote them.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use yishi_core::minutes;
use yishi_core::search::{self, SearchQuery};
use yishi_core::store::Store;

use crate::corpus::Rng;
use crate::minutes_text::{insert_agenda_item, minutes_text, typed_lengths};

const DB_ENV: &str = "YISHI_PROBE_DB";
const ITEM_ENV: &str = "YISHI_PROBE_ITEM";
const INTERVAL_ENV: &str = "YISHI_PROBE_INTERVAL_MS";
/// Mark the child's lines (libtest may print its own text around them): a save starts / committed.
const BEGIN: &str = "yishi-probe-begin ";
const MARK: &str = "yishi-probe-saved ";
const TEXT_SEED: u64 = 11;
/// The first save already holds this much, so every commit is a near-20,000-character one.
const START_CHARS: usize = 18_000;
const TEXT_CHARS: usize = 60_000;
const SCRIPTED_SAVES: usize = 20_000;

/// Autosave intervals tried in turn, with the longest random wait before the kill for each: the
/// short ones put far more kills inside a commit.
const PACES: [(u64, usize); 3] = [(200, 1_500), (20, 600), (0, 400)];

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// What save number `n` writes; the same in parent and child.
pub struct Script {
    text: String,
    lengths: Vec<usize>,
}

impl Script {
    pub fn new() -> Script {
        let mut rng = Rng::new(TEXT_SEED);
        let text = minutes_text(&mut rng, TEXT_CHARS);
        let lengths = typed_lengths(&mut rng, &text, START_CHARS, SCRIPTED_SAVES);
        Script { text, lengths }
    }

    /// The text of save `n` (1-based; 0 = nothing saved yet). Past the script the text stays whole.
    pub fn text(&self, n: i64) -> &str {
        let Some(i) = usize::try_from(n).ok().and_then(|n| n.checked_sub(1)) else { return "" };
        &self.text[..self.lengths.get(i).copied().unwrap_or(self.text.len())]
    }
}

/// In the child process (the env var is set): autosaves until killed; returns only on an error.
/// Outside it: `None`.
pub fn child_from_env() -> Option<Res<()>> {
    let db = std::env::var_os(DB_ENV)?;
    let item = std::env::var(ITEM_ENV).unwrap_or_default();
    let ms = std::env::var(INTERVAL_ENV).ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    Some(autosave_forever(Path::new(&db), &item, Duration::from_millis(ms)))
}

fn autosave_forever(db: &Path, item: &str, interval: Duration) -> Res<()> {
    let script = Script::new();
    let mut store = Store::open(db)?;
    let mut n = minutes::get(store.conn(), item)?.save_count;
    let mut out = std::io::stdout().lock();
    loop {
        n += 1;
        writeln!(out, "\n{BEGIN}{n}")?;
        out.flush()?;
        let receipt = store.write(|tx| minutes::save(tx, item, script.text(n)))?;
        if receipt.save_count != n {
            return Err(format!("save {n} was stored as save {}", receipt.save_count).into());
        }
        // Only now, after COMMIT returned, may the save be reported as kept.
        writeln!(out, "\n{MARK}{n}")?;
        out.flush()?;
        std::thread::sleep(interval);
    }
}

/// How to start the child: this executable with `args` (e.g. libtest's filter for the child test).
pub struct Launch {
    pub args: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub trials: usize,
    /// Saves the child reported as committed; every one was found after the kill.
    pub reported_saves: usize,
    /// Kills after which the stored text was one save past the last report: the kill fell between
    /// COMMIT and the report line.
    pub unreported_commits: usize,
    /// Kills that fell inside a save (after its start was reported, before its commit was).
    pub kills_inside_save: usize,
    pub failures: Vec<String>,
}

/// Runs `trials` kill -9 trials on one database (each child continues where the last one was
/// killed); stops at the first failure.
pub fn run_trials(launch: &Launch, trials: usize, seed: u64) -> Res<Summary> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("yishi.db");
    let item = insert_agenda_item(Store::open(&db)?.conn())?;
    let script = Script::new();
    let mut rng = Rng::new(seed);
    let mut summary = Summary::default();
    let mut verified = 0;
    for trial in 0..trials {
        let (interval_ms, max_wait_ms) = PACES[trial % PACES.len()];
        let wait = Duration::from_millis(rng.below(max_wait_ms) as u64);
        summary.trials += 1;
        let killed = kill_after(launch, &db, &item, interval_ms, wait)?;
        let checked = reopen_and_check(&db, &item, &script, verified, &killed);
        let context = format!("trial {trial} (seed {seed}, every {interval_ms} ms, kill after {wait:?})");
        match checked {
            Ok(stored) => {
                summary.reported_saves += killed.reported.len();
                summary.unreported_commits += usize::from(stored > killed.last_or(verified));
                summary.kills_inside_save += usize::from(killed.inside_save);
                verified = stored;
            }
            Err(e) => {
                summary.failures.push(format!("{context}: {e}"));
                break;
            }
        }
    }
    Ok(summary)
}

/// What the parent knows when the child is dead.
struct Killed {
    reported: Vec<i64>,
    inside_save: bool,
    stderr: String,
}

impl Killed {
    fn last_or(&self, before: i64) -> i64 {
        self.reported.last().copied().unwrap_or(before)
    }
}

fn kill_after(launch: &Launch, db: &Path, item: &str, interval_ms: u64, wait: Duration) -> Res<Killed> {
    let mut child = Command::new(std::env::current_exe()?)
        .args(&launch.args)
        .env(DB_ENV, db)
        .env(ITEM_ENV, item)
        .env(INTERVAL_ENV, interval_ms.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let started = Instant::now();
    std::thread::sleep(wait);
    let exited_early = child.try_wait()?;
    child.kill()?; // SIGKILL on Unix: no destructor, no COMMIT finishing, no lock release by us
    child.wait()?;
    let (mut out, mut err) = (String::new(), String::new());
    if let Some(mut s) = child.stdout.take() {
        s.read_to_string(&mut out)?;
    }
    if let Some(mut s) = child.stderr.take() {
        s.read_to_string(&mut err)?;
    }
    if let Some(status) = exited_early {
        return Err(format!("the child exited by itself after {:?} ({status}): {err}", started.elapsed()).into());
    }
    let reported = numbers(&out, MARK)?;
    let begun = numbers(&out, BEGIN)?;
    let inside_save = begun.last() > reported.last();
    Ok(Killed { reported, inside_save, stderr: err })
}

fn numbers(out: &str, mark: &str) -> Res<Vec<i64>> {
    let lines = out.lines().filter_map(|l| l.split_once(mark));
    Ok(lines.map(|(_, n)| n.trim().parse::<i64>()).collect::<Result<_, _>>()?)
}

/// Reopens after the kill and checks the file and the text; returns the stored save count.
fn reopen_and_check(db: &Path, item: &str, script: &Script, before: i64, killed: &Killed) -> Res<i64> {
    let store =
        Store::open(db).map_err(|e| format!("reopen after SIGKILL failed: {e}; child stderr: {}", killed.stderr))?;
    let integrity: Vec<String> =
        store.conn().prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    if integrity != ["ok"] {
        return Err(format!("integrity_check: {integrity:?}").into());
    }
    let stored = minutes::get(store.conn(), item)?;
    let last = killed.last_or(before);
    if stored.save_count < last || stored.save_count > last + 1 {
        return Err(format!("stored save {} but the last reported save was {last}", stored.save_count).into());
    }
    if stored.text != script.text(stored.save_count) {
        return Err(format!(
            "save {} holds {} characters, not the {} that save wrote",
            stored.save_count,
            stored.text.chars().count(),
            script.text(stored.save_count).chars().count()
        )
        .into());
    }
    drop(store);
    search_finds(db, item, &stored.text)?;
    Ok(stored.save_count)
}

/// Opens `db` as the app does and checks that a search finds `text`, the last saved minutes.
fn search_finds(db: &Path, item: &str, text: &str) -> Res<()> {
    let store = yishi_core::reindex::open(db).map_err(|e| format!("the app's open after SIGKILL failed: {e}"))?;
    let indexed: Option<String> = store
        .conn()
        .query_row("SELECT body FROM search_docs WHERE kind = 'minutes' AND record_id = ?1", [item], |r| r.get(0))
        .ok();
    if !text.is_empty() && indexed.as_deref() != Some(text) {
        let chars = indexed.map(|t| t.chars().count());
        return Err(format!("the index holds {chars:?} characters, not the {} saved", text.chars().count()).into());
    }
    let tail: String = text.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    let hits = search::search(store.conn(), &SearchQuery::new(tail.trim()))?.hits;
    if !tail.trim().is_empty() && !hits.iter().any(|h| h.record_id == item) {
        return Err(format!("searching the last saved words “{tail}” found nothing").into());
    }
    Ok(())
}

/// `YISHI_PROBE_SEED` to replay a run, else a fresh seed from the clock.
pub fn seed() -> u64 {
    std::env::var("YISHI_PROBE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    })
}
