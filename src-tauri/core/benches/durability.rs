//! kill -9 durability of autosave, many trials (issue 3: at least 50). Each trial starts this
//! executable as an autosaving child, SIGKILLs it at a random moment, reopens the file, runs
//! `PRAGMA integrity_check` and checks every save the child reported as committed.
//! Exits non-zero on any failure.
//!
//! Run: `cargo bench -p yishi-core --bench durability` (`YISHI_PROBE_TRIALS`, `YISHI_PROBE_SEED`).

#[path = "../tests/search_corpus/mod.rs"]
#[allow(dead_code)] // only its Rng is used here
mod corpus;
#[path = "../tests/durability_probe/mod.rs"]
mod durability_probe;
#[path = "../tests/minutes_text/mod.rs"]
mod minutes_text;

use std::time::Instant;

use durability_probe::{child_from_env, run_trials, seed, Launch, Res};

const TRIALS: usize = 60;

fn main() -> Res<()> {
    if let Some(result) = child_from_env() {
        return result;
    }
    let trials = std::env::var("YISHI_PROBE_TRIALS").ok().and_then(|s| s.parse().ok()).unwrap_or(TRIALS);
    let seed = seed();
    let started = Instant::now();
    let s = run_trials(&Launch { args: Vec::new() }, trials, seed)?;
    println!("kill -9 durability, seed {seed}, {:.0?}", started.elapsed());
    println!("trials:                                  {}", s.trials);
    println!("saves reported as committed, all found:  {}", s.reported_saves);
    println!("kills inside a save (begun, unreported): {}", s.kills_inside_save);
    println!("  of which had committed before the kill: {}", s.unreported_commits);
    println!("failures:                                {}", s.failures.len());
    for f in &s.failures {
        println!("  {f}");
    }
    if s.failures.is_empty() {
        Ok(())
    } else {
        Err("durability failures".into())
    }
}
