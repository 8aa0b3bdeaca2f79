//! The extraction data table: every case in `tests/data/extraction_cases.toml`
//! is run through the default extractor and its facts are compared, as a
//! multiset, with the facts the case expects.
//!
//! Fields left out of an expected fact are not checked, except `region`, whose
//! absence means a national figure (`None`). In the data, the string `"none"`
//! expects an empty value (for `actor`, `period`, `unit`, `value_low`,
//! `value_high`, `change_pct`), and `region = "*"` leaves the region unchecked.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use frontline::document::Document;
use frontline::extract::Extractor;
use frontline::fact::Fact;
use frontline::lexicon::Lexicon;
use serde::Deserialize;

const CASES_PATH: &str = "tests/data/extraction_cases.toml";

/// Relative tolerance for values converted from another unit (square miles,
/// hectares): the text rounds, so 270 square miles may stand for 701 km².
const CONVERTED_TOLERANCE: f64 = 0.005;
/// Absolute tolerance on `change_pct`, so "down a third" can be written -33.33.
const CHANGE_PCT_TOLERANCE: f64 = 0.01;

const KNOWN_QUALIFIERS: &[&str] = &["exact", "approx", "at_least", "at_most"];

#[derive(Debug, Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    group: String,
    /// Publication date; absent to test the no-anchor behaviour.
    date: Option<toml::value::Datetime>,
    text: String,
    facts: Vec<ExpectedFact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFact {
    metric: String,
    actor: Option<String>,
    region: Option<String>,
    value: Option<f64>,
    unit: Option<String>,
    period: Option<String>,
    qualifier: Option<String>,
    value_low: Option<NumberOrNone>,
    value_high: Option<NumberOrNone>,
    change_pct: Option<NumberOrNone>,
    /// The text gives the figure in another unit: compare `value` with
    /// [`CONVERTED_TOLERANCE`].
    #[serde(default)]
    converted: bool,
}

/// A number, or the string `"none"` for an expected empty value.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum NumberOrNone {
    Number(f64),
    Word(String),
}

const NONE: &str = "none";
const ANY_REGION: &str = "*";

impl Case {
    fn publication_date(&self) -> Result<Option<NaiveDate>, String> {
        let Some(datetime) = &self.date else {
            return Ok(None);
        };
        let date = datetime
            .date
            .ok_or_else(|| format!("date {datetime} has no calendar date"))?;
        NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .map(Some)
        .ok_or_else(|| format!("date {datetime} does not exist"))
    }
}

/// Problems in the table itself (typos), reported before anything is run.
fn table_problems(cases: &[Case]) -> Vec<String> {
    let lexicon = Lexicon::default_lexicon();
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for case in cases {
        if let Some(previous) = seen.insert(case.name.as_str(), case.group.as_str()) {
            problems.push(format!(
                "case name {:?} used twice (groups {previous}, {})",
                case.name, case.group
            ));
        }
        if case.text.trim().is_empty() {
            problems.push(format!("{}: empty text", case.name));
        }
        if let Err(problem) = case.publication_date() {
            problems.push(format!("{}: {problem}", case.name));
        }
        for fact in &case.facts {
            // A metric the default lexicon does not define is a typo.
            if lexicon.metric(&fact.metric).is_none() {
                problems.push(format!("{}: unknown metric {:?}", case.name, fact.metric));
            }
            if let Some(qualifier) = &fact.qualifier {
                if !KNOWN_QUALIFIERS.contains(&qualifier.as_str()) {
                    problems.push(format!("{}: unknown qualifier {qualifier:?}", case.name));
                }
            }
            for (field, number) in [
                ("value_low", &fact.value_low),
                ("value_high", &fact.value_high),
                ("change_pct", &fact.change_pct),
            ] {
                if let Some(NumberOrNone::Word(word)) = number {
                    if word != NONE {
                        problems.push(format!(
                            "{}: {field} = {word:?}; write a number or \"none\"",
                            case.name
                        ));
                    }
                }
            }
        }
    }
    problems
}

fn load_cases() -> Vec<Case> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES_PATH);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let file: CaseFile = toml::from_str(&text)
        .unwrap_or_else(|err| panic!("{} is not valid: {err}", path.display()));
    file.case
}

fn same_text(expected: &str, actual: Option<&str>) -> bool {
    if expected == NONE {
        actual.is_none()
    } else {
        actual.is_some_and(|actual| actual.eq_ignore_ascii_case(expected))
    }
}

/// "Donetsk Oblast", "the Donetsk region" and "donetsk" name the same region.
fn region_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut key = lower.strip_prefix("the ").unwrap_or(&lower).trim();
    for suffix in [" oblast", " region", " province"] {
        if let Some(stripped) = key.strip_suffix(suffix) {
            key = stripped.trim();
        }
    }
    key.to_string()
}

fn same_region(expected: Option<&str>, actual: Option<&str>) -> bool {
    match (expected, actual) {
        (Some(ANY_REGION), _) => true,
        (None, None) => true,
        (Some(expected), Some(actual)) => region_key(expected) == region_key(actual),
        (Some(expected), None) => expected == NONE,
        (None, Some(_)) => false,
    }
}

fn same_number(expected: &NumberOrNone, actual: Option<f64>, tolerance: f64) -> bool {
    match (expected, actual) {
        (NumberOrNone::Word(_), actual) => actual.is_none(),
        (NumberOrNone::Number(_), None) => false,
        (NumberOrNone::Number(expected), Some(actual)) => (expected - actual).abs() <= tolerance,
    }
}

fn value_tolerance(expected: f64, converted: bool) -> f64 {
    if converted {
        expected.abs() * CONVERTED_TOLERANCE
    } else {
        1e-9 * expected.abs().max(1.0)
    }
}

fn matches(expected: &ExpectedFact, actual: &Fact) -> bool {
    if actual.metric != expected.metric {
        return false;
    }
    if let Some(actor) = &expected.actor {
        if !same_text(actor, actual.actor.as_deref()) {
            return false;
        }
    }
    if !same_region(expected.region.as_deref(), actual.region.as_deref()) {
        return false;
    }
    if let Some(value) = expected.value {
        if (value - actual.value).abs() > value_tolerance(value, expected.converted) {
            return false;
        }
    }
    if let Some(unit) = &expected.unit {
        if !same_text(unit, Some(actual.unit.as_str())) {
            return false;
        }
    }
    if let Some(period) = &expected.period {
        if !same_text(period, actual.period.as_deref()) {
            return false;
        }
    }
    if let Some(qualifier) = &expected.qualifier {
        if actual.qualifier.as_str() != qualifier {
            return false;
        }
    }
    for (wanted, got) in [
        (&expected.value_low, actual.value_low),
        (&expected.value_high, actual.value_high),
    ] {
        if let Some(wanted) = wanted {
            let tolerance = match wanted {
                NumberOrNone::Number(n) => value_tolerance(*n, expected.converted),
                NumberOrNone::Word(_) => 0.0,
            };
            if !same_number(wanted, got, tolerance) {
                return false;
            }
        }
    }
    if let Some(change) = &expected.change_pct {
        if !same_number(change, actual.change_pct, CHANGE_PCT_TOLERANCE) {
            return false;
        }
    }
    true
}

/// Size of a maximum matching between expected and actual facts (Kuhn's
/// augmenting paths): a greedy pairing could fail when a loosely specified
/// expectation grabs the fact a stricter one needed.
fn matched_pairs(expected: &[ExpectedFact], actual: &[Fact]) -> usize {
    fn augment(
        e: usize,
        fits: &[Vec<usize>],
        owner: &mut [Option<usize>],
        visited: &mut [bool],
    ) -> bool {
        for &a in &fits[e] {
            if visited[a] {
                continue;
            }
            visited[a] = true;
            if owner[a].is_none_or(|other| augment(other, fits, owner, visited)) {
                owner[a] = Some(e);
                return true;
            }
        }
        false
    }
    let fits: Vec<Vec<usize>> = expected
        .iter()
        .map(|e| {
            (0..actual.len())
                .filter(|&a| matches(e, &actual[a]))
                .collect()
        })
        .collect();
    let mut owner = vec![None; actual.len()];
    (0..expected.len())
        .filter(|&e| augment(e, &fits, &mut owner, &mut vec![false; actual.len()]))
        .count()
}

fn describe_expected(fact: &ExpectedFact) -> String {
    let mut out = fact.metric.clone();
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            let _ = write!(out, " {name}={value}");
        }
    };
    field("actor", fact.actor.clone());
    field(
        "region",
        Some(fact.region.clone().unwrap_or_else(|| "(national)".into())),
    );
    field("value", fact.value.map(|v| v.to_string()));
    field("unit", fact.unit.clone());
    field("period", fact.period.clone());
    field("qualifier", fact.qualifier.clone());
    let number = |n: &Option<NumberOrNone>| {
        n.as_ref().map(|n| match n {
            NumberOrNone::Number(v) => v.to_string(),
            NumberOrNone::Word(w) => w.clone(),
        })
    };
    field("low", number(&fact.value_low));
    field("high", number(&fact.value_high));
    field("change_pct", number(&fact.change_pct));
    out
}

fn describe_actual(fact: &Fact) -> String {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| NONE.into());
    let number = |v: Option<f64>| v.map_or_else(|| NONE.into(), |v| v.to_string());
    format!(
        "{} actor={} region={} value={} unit={} period={} qualifier={} low={} high={} change_pct={} text={:?}",
        fact.metric,
        show(&fact.actor),
        show(&fact.region),
        fact.value,
        fact.unit,
        show(&fact.period),
        fact.qualifier.as_str(),
        number(fact.value_low),
        number(fact.value_high),
        number(fact.change_pct),
        fact.original_text,
    )
}

#[test]
fn case_table_is_well_formed() {
    let cases = load_cases();
    let problems = table_problems(&cases);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(cases.len() >= 200, "only {} cases", cases.len());
    let negatives = cases.iter().filter(|c| c.facts.is_empty()).count();
    assert!(negatives >= 40, "only {negatives} negative cases");
}

#[test]
fn extraction_matches_every_case() {
    let cases = load_cases();
    let problems = table_problems(&cases);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut per_group: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let mut document = Document::from_text(case.name.as_str(), case.text.as_str());
        if let Ok(Some(date)) = case.publication_date() {
            document = document.with_date(date);
        }
        let actual = extractor.extract(&document);
        let paired = matched_pairs(&case.facts, &actual);
        let passed = paired == case.facts.len() && paired == actual.len();
        let tally = per_group.entry(case.group.as_str()).or_default();
        tally.1 += 1;
        if passed {
            tally.0 += 1;
            continue;
        }
        let mut report = format!(
            "--- {} [{}] date={}\n    text: {:?}\n    expected:\n",
            case.name,
            case.group,
            case.date
                .map_or_else(|| NONE.to_string(), |d| d.to_string()),
            case.text
        );
        if case.facts.is_empty() {
            report.push_str("      (nothing)\n");
        }
        for fact in &case.facts {
            let _ = writeln!(report, "      {}", describe_expected(fact));
        }
        report.push_str("    got:\n");
        if actual.is_empty() {
            report.push_str("      (nothing)\n");
        }
        for fact in &actual {
            let _ = writeln!(report, "      {}", describe_actual(fact));
        }
        failures.push(report);
    }

    for failure in &failures {
        println!("{failure}");
    }
    println!("per group (passed/total):");
    for (group, (passed, total)) in &per_group {
        println!("  {group:<20} {passed:>4}/{total}");
    }
    let passed: usize = per_group.values().map(|(p, _)| p).sum();
    println!("  {:<20} {passed:>4}/{}", "all", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} extraction cases failed (run with --nocapture to see them)",
        failures.len(),
        cases.len()
    );
}
