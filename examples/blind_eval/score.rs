//! Scoring of blind passages against their expected facts, shared by the
//! `blind_eval` example and the ratchet test (`tests/it/blind_ratchet.rs`).
//!
//! A fact is exact when metric, side, region, period and qualifier are equal
//! and the value is within 1.1%; a passage is right when every expected fact
//! is found and nothing else is.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use frontline::document::Document;
use frontline::extract::Extractor;
use frontline::fact::Fact;
use serde::Deserialize;

/// One passage as the helper wrote it.
#[derive(Deserialize)]
pub struct Passage {
    pub id: String,
    date: NaiveDate,
    text: String,
    expected: Vec<ExpectedFact>,
}

#[derive(Deserialize)]
pub struct ExpectedFact {
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

/// How the extractor read one passage.
pub struct Outcome<'a> {
    pub id: &'a str,
    expected: usize,
    missing: Vec<&'a ExpectedFact>,
    extra: Vec<Fact>,
}

impl Outcome<'_> {
    pub fn is_right(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty()
    }

    /// What is wrong, one line per missing or extra fact, under a
    /// `family/id: DIFF` heading.
    pub fn differences(&self, family: &str) -> String {
        let mut lines = vec![format!("  {family}/{}: DIFF", self.id)];
        for expected in &self.missing {
            lines.push(format!("     missing: {}", expected.describe()));
        }
        for fact in &self.extra {
            let found = ExpectedFact::of(fact).describe();
            lines.push(format!("     extra:   {found} | {}", fact.sentence));
        }
        lines.join("\n")
    }
}

/// Counts of passages right, facts exact and facts extra.
#[derive(Default)]
pub struct Tally {
    passages: usize,
    passages_right: usize,
    facts: usize,
    facts_exact: usize,
    extra: usize,
}

impl Tally {
    pub fn count(&mut self, outcome: &Outcome) {
        self.passages += 1;
        self.passages_right += usize::from(outcome.is_right());
        self.facts += outcome.expected;
        self.facts_exact += outcome.expected - outcome.missing.len();
        self.extra += outcome.extra.len();
    }

    /// `NAME passages right/total, facts exact/total, N extra`.
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name:12} passages {}/{}, facts {}/{}, {} extra",
            self.passages_right, self.passages, self.facts_exact, self.facts, self.extra
        )
    }
}

/// Reads the passages of one family file.
pub fn read_family(path: &Path) -> Result<Vec<Passage>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut passages = Vec::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let passage = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a passage", path.display(), number + 1))?;
        passages.push(passage);
    }
    Ok(passages)
}

/// The family files of a folder (`*.jsonl`), by name, sorted.
pub fn family_files(folder: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut families: Vec<(String, PathBuf)> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot list {}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .map(|path| {
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            (name.into_owned(), path)
        })
        .collect();
    families.sort();
    Ok(families)
}

/// Reads a passage and compares its facts, as a multiset, with the expected.
pub fn judge<'a>(extractor: &Extractor, passage: &'a Passage) -> Outcome<'a> {
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
    Outcome {
        id: &passage.id,
        expected: passage.expected.len(),
        missing,
        extra,
    }
}
