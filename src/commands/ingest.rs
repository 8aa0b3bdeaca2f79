//! `frontline ingest`: extract facts from the inputs and add them to the store.
//!
//! Documents stream through in batches so memory stays bounded: a reader
//! thread parses inputs; the main thread extracts each batch (in parallel,
//! with rayon) while the previous batch is committed as one Parquet batch.
//! Documents whose content is already stored are skipped before extraction.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::{DocumentBatch, InputArgs, StoreArgs};
use crate::document::{Document, InputProblem};
use crate::extract::Extractor;
use crate::store::{CommittedBatch, LockWait, NewDocument, StoreWriter};

#[derive(Debug, Clone, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Fail at once if another process is writing the store, instead of
    /// waiting for it.
    #[arg(long)]
    pub no_wait: bool,

    /// Most documents per batch; each batch is one Parquet file pair,
    /// committed on its own.
    #[arg(long, value_name = "N", default_value_t = 2000,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_docs: u64,

    /// Print a line on standard error as each batch is committed.
    #[arg(short, long)]
    pub verbose: bool,
}

/// A batch is cut at this much text even when it has fewer documents.
const BATCH_TEXT_BYTES: usize = 64 << 20;

/// Running totals for the progress bar and the summary line.
#[derive(Debug, Default)]
struct Tally {
    read: usize,
    duplicates: usize,
    failed: usize,
    facts: usize,
    batches: usize,
    bytes: u64,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let extractor = Extractor::new(args.input.load_lexicon()?);
    let wait = if args.no_wait {
        LockWait::NoWait
    } else {
        LockWait::Wait
    };
    let mut writer = StoreWriter::open(&args.store.store, wait, &mut |message| {
        eprintln!("frontline: {message} ...");
    })?;

    let started = Instant::now();
    let progress = progress_bar();
    let batch_docs = usize::try_from(args.batch_docs).unwrap_or(usize::MAX);
    let batches = args.input.read_in_batches(batch_docs, BATCH_TEXT_BYTES);
    let mut tally = Tally::default();
    let outcome = ingest_batches(
        &batches,
        &extractor,
        &mut writer,
        &progress,
        &mut tally,
        &args,
    );
    progress.finish_and_clear();
    // Dropping the receiver stops the reader thread if we stopped early.
    drop(batches);

    eprintln!("frontline: {}", summary(&tally, started.elapsed()));
    outcome?;
    Ok(if tally.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts each batch while the previous one is being committed, so the
/// cores stay busy during Parquet encoding and fsync.
fn ingest_batches(
    batches: &Receiver<DocumentBatch>,
    extractor: &Extractor,
    writer: &mut StoreWriter,
    progress: &ProgressBar,
    tally: &mut Tally,
    args: &IngestArgs,
) -> Result<()> {
    let started = Instant::now();
    // Content hashes taken in this run: a batch is screened before the
    // previous one reaches the writer.
    let mut accepted = HashSet::new();
    let mut pending: Option<Vec<NewDocument>> = None;
    for batch in batches {
        let documents = new_documents(batch, writer, &mut accepted, progress, tally);
        let (committed, extracted) = thread::scope(|scope| {
            let commit = scope.spawn(|| pending.take().map(|docs| writer.commit(docs)));
            let extracted: Vec<NewDocument> = documents
                .par_iter()
                .map(|document| NewDocument::new(document, extractor.extract(document)))
                .collect();
            let committed = commit
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (committed, extracted)
        });
        if let Some(committed) = committed {
            record(committed?, tally, progress, args.verbose);
        }
        pending = Some(extracted);
        progress.set_message(progress_message(tally, started.elapsed()));
    }
    if let Some(documents) = pending {
        record(writer.commit(documents)?, tally, progress, args.verbose);
    }
    Ok(())
}

/// The documents of a batch worth extracting: reports input problems and
/// counts (and drops) content that is stored or already taken.
fn new_documents(
    batch: Vec<Result<Document, InputProblem>>,
    writer: &StoreWriter,
    accepted: &mut HashSet<String>,
    progress: &ProgressBar,
    tally: &mut Tally,
) -> Vec<Document> {
    let mut documents = Vec::with_capacity(batch.len());
    for item in batch {
        match item {
            Ok(document) => {
                tally.read += 1;
                tally.bytes += document.text.len() as u64;
                for warning in &document.warnings {
                    progress.suspend(|| eprintln!("frontline: warning: {warning}"));
                }
                let fresh = !writer.is_stored(&document.content_hash)
                    && accepted.insert(document.content_hash.clone());
                if fresh {
                    documents.push(document);
                } else {
                    tally.duplicates += 1;
                }
            }
            Err(problem) if problem.is_warning => {
                progress.suspend(|| eprintln!("frontline: warning: {problem}"));
            }
            Err(problem) => {
                tally.failed += 1;
                progress.suspend(|| eprintln!("frontline: {problem}"));
            }
        }
    }
    documents
}

fn record(committed: CommittedBatch, tally: &mut Tally, progress: &ProgressBar, verbose: bool) {
    tally.facts += committed.facts;
    tally.duplicates += committed.duplicates;
    if let Some(name) = &committed.name {
        tally.batches += 1;
        if verbose {
            progress.suspend(|| {
                eprintln!(
                    "frontline: committed batch {name}: {} documents, {} facts",
                    committed.documents, committed.facts
                )
            });
        }
    }
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{elapsed}] {msg}") {
        bar.set_style(style);
    }
    bar.set_message("reading ...");
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

fn rate(bytes: u64, elapsed: Duration) -> f64 {
    let seconds = elapsed.as_secs_f64();
    if seconds > 0.0 {
        megabytes(bytes) / seconds
    } else {
        0.0
    }
}

fn progress_message(tally: &Tally, elapsed: Duration) -> String {
    format!(
        "{} documents, {} facts, {:.1} MB/s",
        tally.read,
        tally.facts,
        rate(tally.bytes, elapsed)
    )
}

fn summary(tally: &Tally, elapsed: Duration) -> String {
    format!(
        "{} documents read, {} skipped as duplicates, {} failed, {} facts added \
         ({} batch{}, {:.1} MB in {:.1} s, {:.1} MB/s)",
        tally.read,
        tally.duplicates,
        tally.failed,
        tally.facts,
        tally.batches,
        if tally.batches == 1 { "" } else { "es" },
        megabytes(tally.bytes),
        elapsed.as_secs_f64(),
        rate(tally.bytes, elapsed)
    )
}
