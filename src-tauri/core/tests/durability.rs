//! Autosave survives kill -9 (issue 3): a child process autosaves a growing minutes text and is
//! SIGKILLed at random moments; every save it reported as committed must be in the reopened file,
//! which must pass `PRAGMA integrity_check`, and the lock must not block the reopen. A handful of
//! trials here; `cargo bench -p yishi-core --bench durability` runs many more.
//! Replay a failure with the seed it prints: `YISHI_PROBE_SEED=<seed> cargo test --test durability`.

#[path = "search_corpus/mod.rs"]
#[allow(dead_code)] // only its Rng is used here
mod corpus;
mod durability_probe;
mod minutes_text;

use durability_probe::{child_from_env, run_trials, seed, Launch};

const TRIALS: usize = 6;

/// Not a test of its own: the process the durability test starts and kills. Without the probe's
/// environment it returns at once.
#[test]
fn probe_child() {
    if let Some(result) = child_from_env() {
        result.expect("the probe child failed");
    }
}

#[test]
fn reported_autosaves_survive_kill_9_and_the_file_reopens_intact() {
    let launch =
        Launch { args: ["--exact", "probe_child", "--nocapture", "--test-threads=1"].map(String::from).to_vec() };
    let seed = seed();
    let summary = run_trials(&launch, TRIALS, seed).expect("run the trials");
    eprintln!("seed {seed}: {summary:?}"); // shown with --nocapture
    assert!(summary.failures.is_empty(), "seed {seed}: {:#?}", summary.failures);
    assert_eq!(summary.trials, TRIALS);
    assert!(summary.reported_saves > 0, "the children never got to save: {summary:?}");
}
