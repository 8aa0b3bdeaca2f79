//! Ingest throughput and peak memory of the real `frontline ingest` binary on
//! a generated corpus of news-like text (default 200 MB; set
//! `FRONTLINE_BENCH_MB` to change it):
//!
//! ```text
//! cargo bench --bench ingest
//! ```
//!
//! The corpus (realistic density, see `Density` in `support/corpus.rs`) is
//! generated once (deterministically, seed 1) under
//! `target/bench-corpus/` and reused. Each run ingests it into a fresh store
//! in a child process and reports MB/s (corpus bytes on disk over wall time,
//! and per CPU-second, which other load on the machine does not skew) and the
//! child's peak resident memory (`ru_maxrss` from `wait4`); a second run over
//! the same store measures the all-duplicates path.

// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_MB: u64 = 200;
const SEED: u64 = 1;
const DENSITY: corpus::Density = corpus::Density::Realistic;

fn main() {
    let mb = std::env::var("FRONTLINE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_MB);
    let corpus_dir = target_dir()
        .join("bench-corpus")
        .join(format!("jsonl-{mb}mb-seed{SEED}-{}", DENSITY.name()));
    let corpus_bytes = ensure_corpus(&corpus_dir, mb);
    let store = tempfile::tempdir().expect("temporary store directory");
    let store_path = store.path().join("store");

    println!(
        "corpus: {} ({:.1} MB of JSONL)",
        corpus_dir.display(),
        corpus_bytes as f64 / 1e6
    );
    let first = ingest(&corpus_dir, &store_path);
    report("ingest, empty store", corpus_bytes, &first);
    let second = ingest(&corpus_dir, &store_path);
    report("re-ingest, all duplicates", corpus_bytes, &second);
}

struct Run {
    elapsed: Duration,
    /// User plus system CPU time of the child: unlike wall time, unaffected
    /// by other load on the machine.
    cpu: Duration,
    peak_rss_kb: i64,
    summary: String,
}

fn report(label: &str, corpus_bytes: u64, run: &Run) {
    let seconds = run.elapsed.as_secs_f64();
    println!("{label}:");
    println!("  {}", run.summary);
    let cpu_seconds = run.cpu.as_secs_f64();
    let megabytes = corpus_bytes as f64 / 1e6;
    println!(
        "  wall {seconds:.2} s, {:.1} MB/s; CPU {cpu_seconds:.2} s, {:.1} MB per CPU-second; peak RSS {:.0} MB",
        megabytes / seconds,
        megabytes / cpu_seconds,
        run.peak_rss_kb as f64 / 1024.0
    );
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Generates the corpus unless a complete one is already there; returns its
/// size in bytes.
fn ensure_corpus(dir: &Path, mb: u64) -> u64 {
    let done = dir.join("COMPLETE");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(dir);
        eprintln!("generating a {mb} MB corpus in {} ...", dir.display());
        let options = corpus::CorpusOptions {
            bytes: mb * 1_000_000,
            seed: SEED,
            jsonl: true,
            density: DENSITY,
        };
        let summary = corpus::write_corpus(dir, options).expect("corpus written");
        std::fs::write(&done, format!("{}\n", summary.documents)).expect("marker written");
    }
    std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum()
}

/// Runs `frontline ingest` as a child and waits for it with `wait4`, which
/// reports that child's own peak memory.
// `wait4` reaps the child, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn ingest(corpus: &Path, store: &Path) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("ingest")
        .arg("--store")
        .arg(store)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("frontline ingest starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let lines: Vec<String> = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .collect();

    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into locals that outlive the call.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "frontline ingest failed:\n{}",
        lines.join("\n")
    );
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        elapsed,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_rss_kb: usage.ru_maxrss,
        summary: lines.last().cloned().unwrap_or_default(),
    }
}
