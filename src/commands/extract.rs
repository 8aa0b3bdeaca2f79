//! `frontline extract`: print every fact found in the inputs; stores nothing.

use std::io::Write;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;

use anyhow::Result;
use clap::Args;

use rayon::prelude::*;

use super::{Format, InputArgs};
use crate::document::{Document, InputProblem};
use crate::extract::{Extraction, Extractor};
use crate::output::write_facts;

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Documents extracted together, on every core, while the next ones are
/// read; output keeps their order. The byte cap keeps memory bounded.
const CHUNK_DOCUMENTS: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;

/// Extracted documents of one chunk, in input order, or why one was not read.
type ExtractedChunk = Vec<Result<(Document, Extraction), InputProblem>>;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let extractor = Extractor::new(args.input.load_lexicon()?);
    let format = Format::or_default_for_stdout(args.format);
    // One chunk is written while the next is extracted (they took turns,
    // leaving the cores idle while the facts were written).
    let (sender, receiver) = std::sync::mpsc::sync_channel::<ExtractedChunk>(1);
    let failed = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_chunks(receiver, format));
        for chunk in args.input.read_in_batches(CHUNK_DOCUMENTS, CHUNK_BYTES) {
            let extracted: ExtractedChunk = chunk
                .into_par_iter()
                .map(|item| {
                    item.map(|document| {
                        let extraction = extractor.extract_with_warnings(&document);
                        (document, extraction)
                    })
                })
                .collect();
            if sender.send(extracted).is_err() {
                // The writer stopped on an error, which it returns.
                break;
            }
        }
        drop(sender);
        writer.join().expect("the writer thread does not panic")
    })?;
    if failed > 0 {
        eprintln!("frontline: {failed} input(s) could not be read");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the facts of each chunk received, in order, with the warnings and
/// problems of its documents; returns how many inputs could not be read.
fn write_chunks(chunks: Receiver<ExtractedChunk>, format: Format) -> Result<usize> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut table_facts = Vec::new();
    let mut csv_header_written = false;
    for extracted in chunks {
        for item in extracted {
            let (document, extraction) = match item {
                Ok(extracted) => extracted,
                Err(problem) => {
                    if problem.is_warning {
                        eprintln!("frontline: warning: {problem}");
                    } else {
                        eprintln!("frontline: error: {problem}");
                        failed += 1;
                    }
                    continue;
                }
            };
            for warning in document.warnings.iter().chain(&extraction.warnings) {
                eprintln!("frontline: warning: {}: {warning}", document.source);
            }
            match format {
                // Streamed, so output starts before the last document is read.
                Format::Jsonl => write_facts(&mut out, &extraction.facts, Format::Jsonl)?,
                Format::Csv => {
                    let mut buffer = Vec::new();
                    write_facts(&mut buffer, &extraction.facts, Format::Csv)?;
                    let body = if csv_header_written {
                        buffer
                            .iter()
                            .position(|&b| b == b'\n')
                            .map(|i| buffer[i + 1..].to_vec())
                            .unwrap_or_default()
                    } else {
                        buffer
                    };
                    csv_header_written = true;
                    out.write_all(&body)?;
                }
                Format::Table => table_facts.extend(extraction.facts),
            }
        }
    }
    if format == Format::Table {
        write_facts(&mut out, &table_facts, Format::Table)?;
    }
    if format == Format::Csv && !csv_header_written {
        write_facts(&mut out, &[], Format::Csv)?;
    }
    out.flush()?;
    Ok(failed)
}
