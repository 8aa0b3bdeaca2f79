//! Writes a deterministic corpus of news-like war reports for benchmarks and
//! manual testing:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 200 --out /tmp/corpus [--jsonl] [--seed 7] [--dense]
//! ```
//!
//! Figures are as frequent as in real wire copy unless `--dense` asks for the
//! stress mix (more than half the sentences hold numbers).
//!
//! Without `--jsonl`, one `Published: …` text file per article under
//! `OUT/YEAR/MONTH/`; with it, JSONL files of about 32 MB
//! (`{"id","date","url","title","text"}` per line).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Generate a news-like corpus for frontline benchmarks")]
struct Args {
    /// Megabytes (10^6 bytes) of text to write.
    #[arg(long, default_value_t = 200)]
    mb: u64,
    /// Output directory (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Write JSONL files instead of one text file per article.
    #[arg(long)]
    jsonl: bool,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The stress mix: figures in a fifth of the sentences, distractor
    /// numbers in a third.
    #[arg(long)]
    dense: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = corpus::CorpusOptions {
        bytes: args.mb * 1_000_000,
        seed: args.seed,
        jsonl: args.jsonl,
        density: if args.dense {
            corpus::Density::Dense
        } else {
            corpus::Density::Realistic
        },
    };
    match corpus::write_corpus(&args.out, options) {
        Ok(summary) => {
            eprintln!(
                "wrote {} documents in {} files, {:.1} MB, to {}",
                summary.documents,
                summary.files,
                summary.bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen_corpus: cannot write {}: {err}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
