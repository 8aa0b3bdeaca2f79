//! `frontline extract`: print every fact found in the inputs; stores nothing.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Format, InputArgs};
use crate::document::DocumentReader;
use crate::extract::Extractor;
use crate::output::write_facts;

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let extractor = Extractor::new(args.input.load_lexicon()?);
    let format = Format::or_default_for_stdout(args.format);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut table_facts = Vec::new();
    let mut csv_header_written = false;
    for item in DocumentReader::new(&args.input.paths, args.input.date) {
        let document = match item {
            Ok(document) => document,
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
        for warning in &document.warnings {
            eprintln!("frontline: warning: {}: {warning}", document.source);
        }
        let extraction = extractor.extract_with_warnings(&document);
        for warning in &extraction.warnings {
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
    if format == Format::Table {
        write_facts(&mut out, &table_facts, Format::Table)?;
    }
    if format == Format::Csv && !csv_header_written {
        write_facts(&mut out, &[], Format::Csv)?;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("frontline: {failed} input(s) could not be read");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
