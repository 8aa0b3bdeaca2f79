//! The monthly report over one million facts (set `FRONTLINE_BENCH_FACTS` to
//! change the count):
//!
//! ```text
//! cargo bench --bench report
//! ```
//!
//! The facts are real extractions: documents from the seeded corpus generator
//! (`benches/support/corpus.rs`) go through the extractor until there are
//! enough facts. Three measurements, each the median of a few runs:
//!
//! 1. in memory: `Monthly::build` over `&[StoredFact]`, then the month's
//!    summary table and the wide CSV export;
//! 2. through the store: `Store::open` + `load_facts` (Parquet decoding) and
//!    the same report, from a store committed in ingest-sized batches (built
//!    once under `target/bench-store/` and reused);
//! 3. end to end: the `frontline report` binary in a child process, charts
//!    included, with its peak resident memory (`ru_maxrss` from `wait4`).

#[path = "support/corpus.rs"]
mod corpus;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
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

    let started = Instant::now();
    let documents = extracted_documents(wanted);
    let fact_count: usize = documents.iter().map(|d| d.facts.len()).sum();
    eprintln!(
        "extracted {fact_count} facts from {} documents in {:.1} s",
        documents.len(),
        started.elapsed().as_secs_f64()
    );

    let facts = in_memory_facts(&documents);
    let (build, rows) = median_of(RUNS, || report(&facts));
    println!(
        "report over {} in-memory facts: {} ({rows} summary rows)",
        facts.len(),
        ms(build)
    );
    drop(facts);

    let store_dir = ensure_store(&documents, fact_count);
    drop(documents);
    let (load, loaded) = median_of(3, || {
        let store = Store::open(&store_dir).expect("store opens");
        store.load_facts().expect("facts load").len()
    });
    let loaded_facts = Store::open(&store_dir)
        .and_then(|store| store.load_facts())
        .expect("facts load");
    let (build_loaded, _) = median_of(RUNS, || report(&loaded_facts));
    drop(loaded_facts);
    println!(
        "store ({} batches): load {loaded} facts {}, report {}, total {}",
        batch_count(&store_dir),
        ms(load),
        ms(build_loaded),
        ms(load + build_loaded)
    );

    let charts = tempfile::tempdir().expect("chart directory");
    let (cli, peak_kb) = median_of(3, || cli_report(&store_dir, charts.path()));
    println!(
        "frontline report (binary, charts included): {}, peak RSS {:.0} MB",
        ms(cli),
        peak_kb as f64 / 1024.0
    );
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}

/// Runs `work` `runs` times; the median time and the last result.
fn median_of<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(std::hint::black_box(work()));
        times.push(started.elapsed());
    }
    times.sort();
    (times[runs / 2], last.expect("at least one run"))
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

/// The facts as the store would hand them back: one ingest time per batch.
fn in_memory_facts(documents: &[NewDocument]) -> Vec<StoredFact> {
    let epoch = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).expect("valid timestamp");
    documents
        .chunks(BATCH_DOCS)
        .enumerate()
        .flat_map(|(batch, chunk)| {
            let ingested_at = epoch + chrono::Duration::minutes(batch as i64);
            chunk.iter().flat_map(move |document| {
                document.facts.iter().map(move |fact| StoredFact {
                    fact: fact.clone(),
                    ingested_at,
                    superseded: false,
                })
            })
        })
        .collect()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The store holding `documents`, committed in ingest-sized batches; built
/// once and reused while its marker says it is complete.
fn ensure_store(documents: &[NewDocument], fact_count: usize) -> PathBuf {
    let dir = target_dir()
        .join("bench-store")
        .join(format!("report-{fact_count}-facts-seed{SEED}"));
    let done = target_dir()
        .join("bench-store")
        .join(format!("report-{fact_count}-facts-seed{SEED}.complete"));
    if done.exists() {
        return dir;
    }
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
/// reports that child's own peak memory (in KiB).
fn cli_report(store: &Path, charts: &Path) -> i64 {
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
    usage.ru_maxrss
}
