//! One file per subcommand (as in xsv): each owns its clap arguments and a
//! `run` function returning the process exit code. `main.rs` only dispatches.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;

use std::sync::mpsc::{sync_channel, Receiver};
use std::thread;

use crate::document::{Document, DocumentReader, InputProblem};
use crate::lexicon::Lexicon;
use crate::store::Store;

pub mod compact;
pub mod export;
pub mod extract;
pub mod facts;
pub mod ingest;
pub mod report;
pub mod sources;

/// Inputs shared by `extract` and `ingest`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories to read (`-` for standard input). Text, Markdown,
    /// JSONL (one document per line) and HTML.
    #[arg(value_name = "PATH", default_value = "-")]
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) anchoring relative expressions; overrides
    /// any date found in the documents.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,

    /// A lexicon TOML file extending the built-in one (or replacing it, with
    /// `replace = true` at its top).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

impl InputArgs {
    /// The built-in lexicon, extended or replaced by `--lexicon`.
    pub fn load_lexicon(&self) -> Result<Lexicon> {
        match &self.lexicon {
            None => Ok(Lexicon::default_lexicon()),
            Some(path) => Lexicon::from_user_file(path)
                .with_context(|| format!("cannot use lexicon {}", path.display())),
        }
    }
}

/// Documents (or the problems met reading them) in the order read.
pub type DocumentBatch = Vec<Result<Document, InputProblem>>;

impl InputArgs {
    /// Reads the inputs on a thread of its own and sends them in batches of
    /// at most `max_documents` documents or `max_bytes` of text, one batch
    /// ahead of the consumer: reading overlaps extraction, memory stays
    /// bounded.
    pub fn read_in_batches(
        &self,
        max_documents: usize,
        max_bytes: usize,
    ) -> Receiver<DocumentBatch> {
        let (sender, receiver) = sync_channel(1);
        let reader = DocumentReader::new(&self.paths, self.date);
        thread::spawn(move || {
            let mut batch = Vec::new();
            let mut batch_bytes = 0;
            for item in reader {
                if let Ok(document) = &item {
                    batch_bytes += document.text.len();
                }
                batch.push(item);
                if batch.len() >= max_documents || batch_bytes >= max_bytes {
                    if sender.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    batch_bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
        });
        receiver
    }
}

/// The exit code of a command's outcome, telling the user about an error.
/// Output closed early (`frontline extract | head`) is no error: whoever
/// reads it had what they wanted.
pub fn exit_code(outcome: Result<ExitCode>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("frontline: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => Some(io.kind()),
            // serde_json keeps the I/O error it met inside its own.
            None => cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Where the store lives, shared by every command that reads or writes it.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Store directory.
    #[arg(
        long,
        value_name = "DIR",
        env = "FRONTLINE_STORE",
        default_value = "data/store"
    )]
    pub store: PathBuf,
}

impl StoreArgs {
    /// Opens the store to read it, telling the user about files in it that
    /// are not part of it (and are ignored).
    pub fn open_to_read(&self) -> Result<Store> {
        let store = Store::open(&self.store)?;
        for warning in store.warnings() {
            eprintln!("frontline: warning: {warning}");
        }
        Ok(store)
    }

    /// Opens the store to list what it holds, as [`StoreArgs::open_to_read`],
    /// also telling the user when nothing was ingested yet.
    pub fn open_to_list(&self) -> Result<Store> {
        let store = self.open_to_read()?;
        if !store.exists() {
            eprintln!(
                "frontline: no store at {} yet; `frontline ingest` fills it",
                store.dir().display()
            );
        }
        Ok(store)
    }
}

/// Output formats for commands that print facts or tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading (default on a terminal).
    Table,
    /// One JSON object per line (default when piped).
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

impl Format {
    /// The explicit choice, else `table` on a terminal and `jsonl` when piped.
    pub fn or_default_for_stdout(choice: Option<Format>) -> Format {
        use std::io::IsTerminal;
        choice.unwrap_or(if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2025-12-02"))
}

/// Parses a `YYYY-MM` command-line month into its first day.
pub fn parse_month_arg(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a month; write it as YYYY-MM, e.g. 2025-11"))
}
