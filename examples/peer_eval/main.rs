//! Peer evaluation: scores frontline's number and date parsers against test
//! suites written by other projects (Microsoft Recognizers-Text, quantulum3),
//! read from a folder given on the command line and never copied into the
//! project.
//!
//! ```text
//! cargo run --release --example peer_eval -- ../shared/peer-specs [--verbose]
//! ```
//!
//! Prints `FILE passed/total` per file (total counts in-scope cases only),
//! then the skipped cases per file with their reasons, the failures when
//! `--verbose` is given, and last `overall passed/total`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

mod dates;
mod numbers;

/// The outcome of one peer file.
#[derive(Debug, Default)]
pub struct Score {
    pub passed: usize,
    pub failed: usize,
    /// Out-of-scope cases, counted by reason.
    pub skipped: BTreeMap<String, usize>,
    /// One line per failed case: input, expected, got.
    pub failures: Vec<String>,
}

impl Score {
    /// In-scope cases.
    pub fn total(&self) -> usize {
        self.passed + self.failed
    }

    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    /// Counts one in-scope case; `describe` is called only for a failure.
    pub fn record(&mut self, passed: bool, describe: impl FnOnce() -> String) {
        if passed {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.failures.push(describe());
        }
    }
}

#[derive(Debug, Parser)]
#[command(about = "Scores frontline's parsers against peer test suites")]
struct Args {
    /// The peer-specs folder (with recognizers-text/ and quantulum3/).
    specs: PathBuf,
    /// List every failed case (input, expected, got).
    #[arg(long)]
    verbose: bool,
}

type Evaluator = fn(&Path) -> anyhow::Result<Score>;

const SUITES: &[(&str, Evaluator)] = &[
    (
        "recognizers-text/Specs/Number/English/NumberModel.json",
        numbers::evaluate_number_model,
    ),
    (
        "recognizers-text/Specs/Number/English/PercentModel.json",
        numbers::evaluate_percent_model,
    ),
    (
        "recognizers-text/Specs/Number/English/NumberRangeModel.json",
        numbers::evaluate_number_range_model,
    ),
    (
        "recognizers-text/Specs/NumberWithUnit/English/DimensionModel.json",
        numbers::evaluate_dimension_model,
    ),
    ("quantulum3/quantities.json", numbers::evaluate_quantulum),
    (
        "recognizers-text/Specs/DateTime/English/DatePeriodParser.json",
        dates::evaluate_date_period_parser,
    ),
    (
        "recognizers-text/Specs/DateTime/English/DateTimeModel.json",
        dates::evaluate_datetime_model,
    ),
];

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let mut scores = Vec::new();
    for (file, evaluate) in SUITES {
        let score = evaluate(&args.specs.join(file))?;
        println!("{file} {}/{}", score.passed, score.total());
        scores.push((*file, score));
    }
    for (file, score) in &scores {
        let skipped: usize = score.skipped.values().sum();
        println!("{file} skipped {skipped}:");
        for (reason, count) in &score.skipped {
            println!("  {count:>4}  {reason}");
        }
    }
    if args.verbose {
        for (file, score) in &scores {
            println!("{file} failed {}:", score.failed);
            for failure in &score.failures {
                println!("  {failure}");
            }
        }
    }
    let passed: usize = scores.iter().map(|(_, s)| s.passed).sum();
    let total: usize = scores.iter().map(|(_, s)| s.total()).sum();
    println!("overall {passed}/{total}");
    Ok(())
}
