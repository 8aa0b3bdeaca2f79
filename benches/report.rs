//! The monthly report over one million facts (set `FRONTLINE_BENCH_FACTS` to
//! change the count):
//!
//! ```text
//! cargo bench --bench report
//! ```
//!
//! The facts are real extractions: documents from the seeded corpus generator
//! (`benches/support/corpus.rs`) go through the extractor until there are
//! enough facts, and are committed in ingest-sized batches to a store built
//! once under `target/bench-store/` and reused. Each measurement is the
//! median of a few runs (freeing the facts afterwards is not timed):
//!
//! 1. the full load: `Store::open` + `load_facts`, every field (what
//!    `frontline facts` and the long export read);
//! 2. the report's load: `Store::open` + `load_report_facts` (only the
//!    fields the report reads, only facts not superseded);
//! 3. the report in memory over those facts: `Monthly::build`, the month's
//!    summary table and the wide CSV export;
//! 4. 2 and 3 together: what `frontline report` does before drawing charts;
//! 5. end to end (measured first): the `frontline report` binary in a child
//!    process, charts included, with its peak resident memory (`ru_maxrss`
//!    from `wait4`).
//!
//! Wall-clock times vary with whatever else the machine runs; each line also
//! gives the CPU time. The run that builds the store also extracts, which
//! inflates the end-to-end peak memory it reports: run it again.

// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontline::document::Document;
use frontline::extract::Extractor;
use frontline::fact::StoredFact;
use frontline::lexicon::Lexicon;
use frontline::report::{export, MonthSummary, Monthly, Policy};
use frontline::store::{LockWait, NewDocument, Store, StoreWriter};
use rayon::prelude::*;

const DEFAULT_FACTS: usize = 1_000_000;
const SEED: u64 = 1;
/// Documents per committed batch: `frontline ingest`'s default.
const BATCH_DOCS: usize = 2000;
const RUNS: usize = 5;

fn main() {
    let wanted = std::env::var("FRONTLINE_BENCH_FACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_FACTS);
    let store_dir = ensure_store(wanted);
    let open = || Store::open(&store_dir).expect("store opens");

    // First, while this process is small: a child's peak memory counts the
    // pages it shares with its parent between fork and exec.
    let charts = tempfile::tempdir().expect("chart directory");
    let (cli, (child_cpu, peak_kb)) = median_of(3, || cli_report(&store_dir, charts.path()));
    println!(
        "frontline report (binary, charts included): {} (its CPU {}), peak RSS {:.0} MB",
        ms(cli.wall),
        ms(child_cpu),
        peak_kb as f64 / 1024.0
    );

    let (full_load, facts) = median_of(3, || open().load_facts().expect("facts load"));
    println!(
        "store ({} batches): full load of {} facts: {full_load}",
        batch_count(&store_dir),
        facts.len(),
    );
    drop(facts);

    let (load, facts) = median_of(RUNS, || {
        open().load_report_facts().expect("report facts load")
    });
    let (build, rows) = median_of(RUNS, || report(&facts));
    println!(
        "report fields of {} current facts: load {load}, report in memory {build} ({rows} summary rows)",
        facts.len(),
    );
    drop(facts);
    let (total, _) = median_of(RUNS, || {
        let facts = open().load_report_facts().expect("report facts load");
        report(&facts);
        facts
    });
    println!("open + load + report: {total}");
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}

/// The median wall-clock time of a measurement, and the median CPU time of
/// this process (all threads, user and system) over the same runs. On a busy
/// machine the wall time varies with the other load; the CPU time much less.
#[derive(Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: Duration,
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (CPU {})", ms(self.wall), ms(self.cpu))
    }
}

/// User plus system time this process has used so far.
fn process_cpu_time() -> Duration {
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into a local that outlives the call.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    timeval_duration(usage.ru_utime) + timeval_duration(usage.ru_stime)
}

fn timeval_duration(time: libc::timeval) -> Duration {
    Duration::from_secs(time.tv_sec as u64) + Duration::from_micros(time.tv_usec as u64)
}

/// Runs `work` `runs` times; the median times and the last result. Each
/// result is dropped after its time is taken.
fn median_of<T>(runs: usize, mut work: impl FnMut() -> T) -> (Timing, T) {
    let mut walls = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let (started, cpu_before) = (Instant::now(), process_cpu_time());
        let result = std::hint::black_box(work());
        walls.push(started.elapsed());
        cpus.push(process_cpu_time().saturating_sub(cpu_before));
        last = Some(result);
    }
    walls.sort();
    cpus.sort();
    let timing = Timing {
        wall: walls[runs / 2],
        cpu: cpus[runs / 2],
    };
    (timing, last.expect("at least one run"))
}

/// What `frontline report` computes once the facts are loaded; returns the
/// number of summary rows.
fn report(facts: &[StoredFact]) -> usize {
    let monthly = Monthly::build(facts, Policy::Latest);
    let month = monthly
        .latest_month()
        .expect("the facts make at least one month");
    let summary = MonthSummary::new(&monthly, month);
    let table = summary.to_table();
    let mut csv = Vec::new();
    export::write_wide(&monthly, &mut csv).expect("CSV written to memory");
    std::hint::black_box((table, csv));
    summary.rows.len()
}

/// Generated documents and their facts, until there are `wanted` facts (the
/// last document's are cut to hit the count exactly). Syndicated copies are
/// left out, as the store would drop them, so the store holds every fact.
fn extracted_documents(wanted: usize) -> Vec<NewDocument> {
    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut articles = corpus::ArticleGenerator::new(SEED, corpus::Density::Dense);
    let mut documents = Vec::new();
    let mut seen = HashSet::new();
    let mut facts = 0;
    while facts < wanted {
        let chunk: Vec<Document> = articles
            .by_ref()
            .take(4096)
            .map(|article| {
                let mut document =
                    Document::from_text(article.url.clone(), article.text).with_date(article.date);
                document.id = article.id;
                document.url = Some(article.url);
                document
            })
            .collect();
        let extracted: Vec<NewDocument> = chunk
            .par_iter()
            .map(|document| NewDocument::new(document, extractor.extract(document)))
            .collect();
        for mut document in extracted {
            if facts >= wanted {
                break;
            }
            if !seen.insert(document.content_hash.clone()) {
                continue;
            }
            document.facts.truncate(wanted - facts);
            facts += document.facts.len();
            documents.push(document);
        }
    }
    documents
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The store of `wanted` facts, committed in ingest-sized batches; built
/// once (extracting the documents) and reused while its marker says it is
/// complete.
fn ensure_store(wanted: usize) -> PathBuf {
    let dir = target_dir()
        .join("bench-store")
        .join(format!("report-{wanted}-facts-seed{SEED}"));
    let done = target_dir()
        .join("bench-store")
        .join(format!("report-{wanted}-facts-seed{SEED}.complete"));
    if done.exists() {
        return dir;
    }
    let started = Instant::now();
    let documents = extracted_documents(wanted);
    eprintln!(
        "extracted {wanted} facts from {} documents in {:.1} s",
        documents.len(),
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
    let started = Instant::now();
    let mut writer =
        StoreWriter::open(&dir, LockWait::NoWait, &mut |_| {}).expect("bench store opens");
    for chunk in documents.chunks(BATCH_DOCS) {
        writer.commit(chunk.to_vec()).expect("batch committed");
    }
    drop(writer);
    std::fs::write(&done, b"").expect("marker written");
    eprintln!(
        "built the store {} in {:.1} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    dir
}

fn batch_count(store: &Path) -> usize {
    Store::open(store)
        .and_then(|store| store.batches())
        .map(|batches| batches.len())
        .unwrap_or(0)
}

/// Runs `frontline report` as a child and waits for it with `wait4`, which
/// reports that child's own CPU time and peak memory (in KiB).
fn cli_report(store: &Path, charts: &Path) -> (Duration, i64) {
    // Reaped by `wait4` below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("report")
        .arg("--store")
        .arg(store)
        .arg("--out")
        .arg(charts)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("frontline report starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into locals that outlive the call.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "frontline report failed"
    );
    (
        timeval_duration(usage.ru_utime) + timeval_duration(usage.ru_stime),
        usage.ru_maxrss,
    )
}
