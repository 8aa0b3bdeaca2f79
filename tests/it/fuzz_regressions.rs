//! Replays, on stable, the inputs that once crashed a fuzz target (and a few
//! hand-written edge cases), through the same harness the fuzzers run
//! (`fuzz/src/lib.rs`): no panic, and the invariants it checks hold.
//! The inputs live in `tests/data/fuzz/TARGET/`.

#[path = "../../fuzz/src/lib.rs"]
mod harness;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every input of `target` through `run`, naming the file that fails.
fn replay(target: &str, run: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no inputs for {target}");
    for file in files {
        let bytes = std::fs::read(&file).expect("input readable");
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} fails again", file.display());
    }
}

#[test]
fn extract_bytes_inputs_replay_cleanly() {
    replay("extract_bytes", harness::extract_bytes);
}

#[test]
fn jsonl_inputs_replay_cleanly() {
    replay("jsonl_input", harness::jsonl_input);
}

#[test]
fn html_inputs_replay_cleanly() {
    replay("html_input", harness::html_input);
}
