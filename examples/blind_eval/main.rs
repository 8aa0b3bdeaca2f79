//! Blind evaluation: scores extraction against passages that helpers wrote,
//! with the facts they expected written down before the tool first read
//! them (`tests/data/blind/`, one JSONL file per family of text; see its README).
//!
//! ```text
//! cargo run --release --example blind_eval [-- [FOLDER] [--family NAME] [--verbose | --right-list]]
//! ```
//!
//! Prints one line per family, `FAMILY passages right/total, facts exact/total,
//! N extra`, and a last `overall` line; `--verbose` lists every passage that
//! is not fully right with its missing and extra facts. `--right-list` prints
//! instead the passages read right, in the form of `tests/data/blind/right.txt`,
//! the list the ratchet test holds the extractor to.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use frontline::extract::Extractor;
use frontline::lexicon::Lexicon;

mod score;

use score::Tally;

#[derive(Parser)]
struct Args {
    /// The folder of family files (`*.jsonl`).
    #[arg(default_value = "tests/data/blind")]
    folder: PathBuf,
    /// Only this family (the file name without `.jsonl`).
    #[arg(long)]
    family: Option<String>,
    /// List the passages that are not fully right.
    #[arg(long)]
    verbose: bool,
    /// Print the passages read right, one line per family, for `right.txt`.
    #[arg(long, conflicts_with = "verbose")]
    right_list: bool,
}

fn run(args: &Args) -> Result<()> {
    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut overall = Tally::default();
    for (name, path) in score::family_files(&args.folder)? {
        if args.family.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        let passages = score::read_family(&path)?;
        let mut family = Tally::default();
        let mut right = Vec::new();
        for passage in &passages {
            let outcome = score::judge(&extractor, passage);
            family.count(&outcome);
            overall.count(&outcome);
            if outcome.is_right() {
                right.push(outcome.id);
            } else if args.verbose {
                println!("{}", outcome.differences(&name));
            }
        }
        if args.right_list {
            println!("{name}: {}", right.join(" "));
        } else {
            println!("{}", family.line(&name));
        }
    }
    if !args.right_list {
        println!("{}", overall.line("overall"));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("blind_eval: {error:#}");
            ExitCode::FAILURE
        }
    }
}
