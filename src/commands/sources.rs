//! `frontline sources`: the documents table, one row per stored document
//! version, newest ingest first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Format, StoreArgs};
use crate::output::{shorten, write_table};
use crate::store::DocumentRecord;

#[derive(Debug, Clone, Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub store: StoreArgs,

    /// Also list document versions that were replaced by newer ones.
    #[arg(long)]
    pub include_superseded: bool,

    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// CSV columns (and JSONL fields), in order.
const COLUMNS: [&str; 10] = [
    "doc_id",
    "source",
    "url",
    "title",
    "date",
    "bytes",
    "content_hash",
    "ingested_at",
    "facts",
    "superseded",
];

pub fn run(args: SourcesArgs) -> Result<ExitCode> {
    let store = args.store.open_to_list()?;
    let mut documents: Vec<DocumentRecord> = store
        .load_documents()?
        .into_iter()
        .filter(|d| args.include_superseded || !d.superseded)
        .collect();
    // Stable: documents of one batch keep their reading order.
    documents.sort_by_key(|d| std::cmp::Reverse(d.ingested_at));
    let mut out = std::io::stdout().lock();
    write_documents(
        &mut out,
        &documents,
        Format::or_default_for_stdout(args.format),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn write_documents(
    out: &mut impl Write,
    documents: &[DocumentRecord],
    format: Format,
) -> Result<()> {
    match format {
        Format::Jsonl => {
            for document in documents {
                serde_json::to_writer(&mut *out, document)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record(COLUMNS)?;
            for d in documents {
                writer.write_record([
                    d.doc_id.clone(),
                    d.source.clone(),
                    d.url.clone().unwrap_or_default(),
                    d.title.clone().unwrap_or_default(),
                    d.date.map(|date| date.to_string()).unwrap_or_default(),
                    d.bytes.to_string(),
                    d.content_hash.clone(),
                    d.ingested_at.to_rfc3339(),
                    d.facts.to_string(),
                    d.superseded.to_string(),
                ])?;
            }
            writer.flush()?;
        }
        Format::Table => {
            let header = ["ingested", "date", "facts", "bytes", "source", "title"];
            let rows: Vec<[String; 6]> = documents
                .iter()
                .map(|d| {
                    let mut source = shorten(&d.source, 48);
                    if d.superseded {
                        source.push_str(" (superseded)");
                    }
                    [
                        d.ingested_at.format("%Y-%m-%d %H:%M").to_string(),
                        d.date.map(|date| date.to_string()).unwrap_or_default(),
                        d.facts.to_string(),
                        d.bytes.to_string(),
                        source,
                        shorten(d.title.as_deref().unwrap_or(""), 48),
                    ]
                })
                .collect();
            write_table(out, &header, &rows)?;
            writeln!(out, "{} document(s)", documents.len())?;
        }
    }
    out.flush()?;
    Ok(())
}
