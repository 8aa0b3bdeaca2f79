//! Blind evaluation: scores extraction against passages that helpers wrote,
//! with the facts they expected written down before the tool first read
//! them (`tests/data/blind/`, one JSONL file per family of text; see its README).
//!
//! ```text
//! cargo run --release --example blind_eval [-- [FOLDER] [--family NAME] [--verbose]]
//! ```
//!
//! Prints one line per family, `FAMILY passages right/total, facts exact/total,
//! N extra`, and a last `overall` line; `--verbose` lists every passage that
//! is not fully right with its missing and extra facts. A fact is exact when
//! metric, side, region, period and qualifier are equal and the value is
//! within 1.1%.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Parser;
use frontline::document::Document;
use frontline::extract::Extractor;
use frontline::fact::Fact;
use frontline::lexicon::Lexicon;
use serde::Deserialize;

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
}

/// One passage as the helper wrote it.
#[derive(Deserialize)]
struct Passage {
    id: String,
    date: NaiveDate,
    text: String,
    expected: Vec<ExpectedFact>,
}

#[derive(Deserialize)]
struct ExpectedFact {
    metric: String,
    actor: Option<String>,
    region: Option<String>,
    value: f64,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    qualifier: String,
}

impl ExpectedFact {
    fn matches(&self, fact: &Fact) -> bool {
        self.metric == fact.metric
            && self.actor == fact.actor
            && self.region == fact.region
            && (self.value - fact.value).abs() <= (0.011 * self.value.abs()).max(1e-6)
            && self.start == fact.period_start
            && self.end == fact.period_end
            && self.qualifier == fact.qualifier.as_str()
    }

    fn describe(&self) -> String {
        let day = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
        format!(
            "{} actor={} region={} value={} {}..{} {}",
            self.metric,
            self.actor.as_deref().unwrap_or("-"),
            self.region.as_deref().unwrap_or("-"),
            self.value,
            day(self.start),
            day(self.end),
            self.qualifier
        )
    }

    /// A fact the tool found, in the form of an expected one.
    fn of(fact: &Fact) -> ExpectedFact {
        ExpectedFact {
            metric: fact.metric.clone(),
            actor: fact.actor.clone(),
            region: fact.region.clone(),
            value: fact.value,
            start: fact.period_start,
            end: fact.period_end,
            qualifier: fact.qualifier.as_str().to_string(),
        }
    }
}

#[derive(Default)]
struct Score {
    passages: usize,
    passages_right: usize,
    facts: usize,
    facts_exact: usize,
    extra: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.passages += other.passages;
        self.passages_right += other.passages_right;
        self.facts += other.facts;
        self.facts_exact += other.facts_exact;
        self.extra += other.extra;
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:12} passages {}/{}, facts {}/{}, {} extra",
            self.passages_right, self.passages, self.facts_exact, self.facts, self.extra
        )
    }
}

fn score_family(extractor: &Extractor, name: &str, path: &Path, verbose: bool) -> Result<Score> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut score = Score::default();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let passage: Passage = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a passage", path.display(), number + 1))?;
        let document =
            Document::from_text(passage.id.clone(), passage.text.clone()).with_date(passage.date);
        let mut extra = extractor.extract(&document);
        let mut missing = Vec::new();
        for expected in &passage.expected {
            match extra.iter().position(|fact| expected.matches(fact)) {
                Some(found) => {
                    extra.remove(found);
                }
                None => missing.push(expected),
            }
        }
        score.passages += 1;
        score.facts += passage.expected.len();
        score.facts_exact += passage.expected.len() - missing.len();
        score.extra += extra.len();
        if missing.is_empty() && extra.is_empty() {
            score.passages_right += 1;
        } else if verbose {
            println!("  {name}/{}: DIFF", passage.id);
            for expected in missing {
                println!("     missing: {}", expected.describe());
            }
            for fact in &extra {
                println!(
                    "     extra:   {} | {}",
                    ExpectedFact::of(fact).describe(),
                    fact.sentence
                );
            }
        }
    }
    Ok(score)
}

fn run(args: &Args) -> Result<()> {
    let mut families: Vec<PathBuf> = std::fs::read_dir(&args.folder)
        .with_context(|| format!("cannot list {}", args.folder.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    families.sort();
    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut overall = Score::default();
    for path in families {
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        if args.family.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        let score = score_family(&extractor, &name, &path, args.verbose)?;
        println!("{}", score.line(&name));
        overall.add(&score);
    }
    println!("{}", overall.line("overall"));
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
