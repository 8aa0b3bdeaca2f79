//! Date half of the peer evaluation: scores `frontline::time` against the
//! Recognizers-Text English DateTime specs (`DatePeriodParser.json`,
//! `DateTimeModel.json`), read from disk and never copied into the project.
//!
//! Each expected date or date range is one item. It passes when one of our
//! expressions overlapping its span resolves (against the case's reference
//! date) to one of the expected readings. Items outside what a news parser
//! needs are skipped with a counted reason; everything else counts.
//!
//! Recognizers and frontline spell a few periods differently; the comparison
//! accepts exactly these conventions and nothing looser:
//! - Recognizers ends calendar periods exclusively ("November" ends on
//!   December 1) but day ranges sometimes inclusively; both are accepted.
//! - Recognizers closes a range at the start of its last element ("2014 to
//!   2018" ends on 2018-01-01); frontline includes the whole last month or year.
//! - Rolling windows ("the past 3 weeks"): Recognizers ends them the day before
//!   the reference date, frontline on it (news published on a day reports that
//!   night's attacks).
//! - Parts of a period ("late November", "the end of 2000"): Recognizers splits
//!   a month in halves, frontline in thirds; ours must lie inside theirs.
//! - "this week", "earlier this year": frontline stops at the reference date.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use anyhow::Context as _;
use chrono::{Datelike, Days, NaiveDate};
use frontline::fact::Period;
use frontline::time::{find_time_expressions, TimeMatch, TimeValue};
use regex::Regex;
use serde_json::Value;

use super::Score;

/// `DatePeriodParser.json`: one expected date range per input, with past and
/// future readings; the past reading is the one a news parser must give.
pub fn evaluate_date_period_parser(path: &Path) -> anyhow::Result<Score> {
    let mut score = new_score();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let reference = reference_date(&case);
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            score_negative(&mut score, input, reference);
            continue;
        }
        for result in &results {
            let text = result["Text"].as_str().unwrap_or_default();
            let start = result["Start"].as_u64().unwrap_or(0) as usize;
            let length = result["Length"].as_u64().unwrap_or(0) as usize;
            let past = &result["Value"]["PastResolution"];
            let expected: Vec<Expected> =
                range_of(past, "startDate", "endDate").into_iter().collect();
            let item = Item {
                input,
                text,
                char_span: (start, start + length),
                reference,
                expected,
                timex: result["Value"]["Timex"].as_str().unwrap_or_default(),
                type_name: "daterange",
                modifier: "",
                not_supported: case["NotSupported"].as_str().unwrap_or_default(),
            };
            score_item(&mut score, &item);
        }
    }
    Ok(score)
}

/// `DateTimeModel.json`: every kind of date-time expression; only dates and
/// date ranges are scored, the rest is skipped as out of scope.
pub fn evaluate_datetime_model(path: &Path) -> anyhow::Result<Score> {
    let mut score = new_score();
    for case in read_cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let reference = reference_date(&case);
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            score_negative(&mut score, input, reference);
            continue;
        }
        for result in &results {
            let type_name = result["TypeName"]
                .as_str()
                .or_else(|| result["Typename"].as_str())
                .unwrap_or_default()
                .trim_start_matches("datetimeV2.");
            if type_name != "date" && type_name != "daterange" {
                skip(
                    &mut score,
                    &format!("{type_name} (not a date or date range)"),
                );
                continue;
            }
            let values = result["Resolution"]["values"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let modifier = values
                .iter()
                .find_map(|v| v["Mod"].as_str())
                .unwrap_or_default();
            let expected: Vec<Expected> = values
                .iter()
                .filter_map(|v| {
                    if type_name == "date" {
                        let day = parse_date(v["value"].as_str()?)?;
                        Some(Expected::Day(day))
                    } else {
                        range_of(v, "start", "end")
                    }
                })
                .collect();
            let timex = values
                .first()
                .and_then(|v| v["timex"].as_str())
                .unwrap_or_default();
            let start = result["Start"].as_u64().unwrap_or(0) as usize;
            let end = result["End"].as_u64().unwrap_or(0) as usize + 1;
            let item = Item {
                input,
                text: result["Text"].as_str().unwrap_or_default(),
                char_span: (start, end),
                reference,
                expected,
                timex,
                type_name,
                modifier,
                not_supported: case["NotSupported"].as_str().unwrap_or_default(),
            };
            score_item(&mut score, &item);
        }
    }
    Ok(score)
}

fn new_score() -> Score {
    Score {
        passed: 0,
        failed: 0,
        skipped: BTreeMap::new(),
        failures: Vec::new(),
    }
}

fn read_cases(path: &Path) -> anyhow::Result<Vec<Value>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let json: Value = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))?;
    Ok(json.as_array().cloned().unwrap_or_default())
}

fn reference_date(case: &Value) -> Option<NaiveDate> {
    parse_date(case["Context"]["ReferenceDateTime"].as_str()?)
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// One expected reading.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expected {
    Day(NaiveDate),
    /// `end` is missing for open ranges ("since August").
    Range {
        start: NaiveDate,
        end: Option<NaiveDate>,
    },
}

fn range_of(value: &Value, start: &str, end: &str) -> Option<Expected> {
    Some(Expected::Range {
        start: parse_date(value[start].as_str()?)?,
        end: value[end].as_str().and_then(parse_date),
    })
}

struct Item<'a> {
    input: &'a str,
    text: &'a str,
    /// Character offsets, end exclusive.
    char_span: (usize, usize),
    reference: Option<NaiveDate>,
    expected: Vec<Expected>,
    timex: &'a str,
    type_name: &'a str,
    modifier: &'a str,
    not_supported: &'a str,
}

fn skip(score: &mut Score, reason: &str) {
    *score.skipped.entry(reason.to_string()).or_default() += 1;
}

/// A case that expects no date at all: it passes when we find no period either.
fn score_negative(score: &mut Score, input: &str, reference: Option<NaiveDate>) {
    let found: Vec<String> = find_time_expressions(input, reference)
        .iter()
        .filter(|m| matches!(m.value, TimeValue::Period(_)))
        .map(|m| describe(input, m))
        .collect();
    if found.is_empty() {
        score.passed += 1;
    } else {
        score.failed += 1;
        score.failures.push(format!(
            "{input:?}: expected no date, got {}",
            found.join(", ")
        ));
    }
}

fn score_item(score: &mut Score, item: &Item) {
    if let Some(reason) = skip_reason(item) {
        skip(score, reason);
        return;
    }
    let found = find_time_expressions(item.input, item.reference);
    let (start, end) = byte_span(item.input, item.char_span);
    let overlapping: Vec<&TimeMatch> = found
        .iter()
        .filter(|m| m.start < end && start < m.end)
        .collect();
    let passed = overlapping.iter().any(|m| match m.value {
        TimeValue::Period(period) => item
            .expected
            .iter()
            .any(|expected| accepts(item, *expected, period)),
        _ => false,
    });
    if passed {
        score.passed += 1;
    } else {
        score.failed += 1;
        let got: Vec<String> = overlapping
            .iter()
            .map(|m| describe(item.input, m))
            .collect();
        score.failures.push(format!(
            "{:?} [{}] ref {}: expected {:?} = {}, got {}",
            item.input,
            item.type_name,
            item.reference.map_or("none".to_string(), |d| d.to_string()),
            item.text,
            item.expected
                .iter()
                .map(expected_label)
                .collect::<Vec<_>>()
                .join(" | "),
            if got.is_empty() {
                "nothing".to_string()
            } else {
                got.join(", ")
            }
        ));
    }
}

/// Why an item is outside what a news parser for past figures has to read.
fn skip_reason(item: &Item) -> Option<&'static str> {
    static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)christmas|thanksgiving|easter|independence day|new year|mother'?s day|father'?s day|valentine|halloween|memorial day|labou?r day|martin luther king|holiday|black friday|cyber monday|clean monday|tomb sweeping|boxing day|ramadan|eid\b|diwali|juneteenth|\b(?:earth|freedom|jubilee|workers'?|victory|veterans|columbus|election|remembrance|armistice|unity|flag|constitution|groundhog|pi) day\b")
            .expect("valid pattern")
    });
    static SCHEDULING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:rest of|rest the|remaining of|within|from (?:today|now|tomorrow)|after today|before today|before yesterday|after tomorrow|later (?:this|in the)|hence|in the future|business days?|w/c|week (?:commencing|starting|beginning)|starting|as (?:early|late) as|(?:the )?week of the|week after next|after (?:the )?next|\d+ (?:days?|weeks?|months?|years?) (?:from|after|before))\b")
            .expect("valid pattern")
    });
    static WORDY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:century|centuries|decades?|seventies|eighties|nineties|sixties|forties|noughties|(?:nineteen|twenty) (?:hundred|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)|two thousand|one thousand|seventeen hundred|thousands|tens\b)|(?:^|\s)'?\d0'?s\b|\byear \d{1,3}\b|\byear (?:one|two) hundred")
            .expect("valid pattern")
    });
    static NUMERIC_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\d{1,2}\s*[/.]\s*\d{1,2}\b|\b\d{4}\.\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b")
            .expect("valid pattern")
    });
    static NUMERIC_PAIR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^\d-])\d{1,2}-\d{1,2}\b").expect("valid pattern"));
    static MONTH_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
            .expect("valid pattern")
    });
    static WEEK_NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bweek\s+\d+").expect("valid pattern"));
    static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:my|the|that|same)?\s*(?:week|weekend|month|year|day|fortnight)$|\b(?:same|that) (?:week|month|year|weekend)\b")
            .expect("valid pattern")
    });
    if item.not_supported.to_ascii_lowercase().contains("dotnet") {
        return Some("not supported by the reference implementation either");
    }
    let lower = item.text.to_ascii_lowercase();
    if matches!(item.modifier, "before" | "after" | "until" | "ref_undef")
        || lower.starts_with("after ")
        || lower.starts_with("before ")
        || lower.contains(" or later")
        || lower.contains(" or earlier")
        || lower.contains(" and greater")
        || lower.contains(" and after")
    {
        return Some("open-ended or undefined reference (before/after/until)");
    }
    if item.expected.is_empty() {
        return Some("no calendar resolution given (seasons, invalid dates)");
    }
    if HOLIDAY.is_match(item.text) || HOLIDAY.is_match(item.timex) {
        return Some("holiday");
    }
    if SCHEDULING.is_match(item.text) {
        return Some("scheduling phrase (durations from a day, rest of, within)");
    }
    if WORDY_YEAR.is_match(item.text) {
        return Some("decades, centuries, spelled-out or three-digit years");
    }
    // "Friday 7-6": numbers only, no month name to say which is the day.
    let month_named = MONTH_NAME.is_match(item.text);
    if NUMERIC_DAY_MONTH.is_match(item.text)
        || !month_named && NUMERIC_PAIR.is_match(item.text) && !lower.contains(" month")
    {
        return Some("ambiguous numeric date (day/month order)");
    }
    if WEEK_NUMBER.is_match(item.text) {
        return Some("week numbers of a year");
    }
    if VAGUE.is_match(item.text.trim()) {
        return Some("bare unit with no determiner (the week, that month)");
    }
    if let Some(reference) = item.reference {
        static NOW: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:now|today|tomorrow|tmrw|tonight)\b").expect("valid pattern")
        });
        let runs_past_tomorrow = item.expected.iter().all(|e| match e {
            Expected::Range { end: Some(end), .. } => reference
                .checked_add_days(Days::new(1))
                .is_some_and(|d| *end >= d),
            _ => false,
        });
        if NOW.is_match(item.text) && runs_past_tomorrow {
            return Some("range from now into the future");
        }
        let all_future = item.expected.iter().all(|e| match e {
            Expected::Day(day) => *day > reference,
            Expected::Range { start, .. } => *start > reference,
        });
        if all_future {
            return Some("future reading only (news reports the past)");
        }
    }
    None
}

/// Whether our period is the expected reading, under the conventions listed
/// in the module documentation.
fn accepts(item: &Item, expected: Expected, ours: Period) -> bool {
    match expected {
        Expected::Day(day) => ours.start == day && ours.end == day,
        Expected::Range { start, end: None } => {
            // "since August": an open range from its start; ours ends at the reference.
            // "since late July": our part of July starts later within that month.
            let same_start = ours.start == start
                || is_part(&item.text.to_ascii_lowercase())
                    && ours.start > start
                    && (ours.start.year(), ours.start.month()) == (start.year(), start.month());
            same_start && Some(ours.end) == item.reference
        }
        Expected::Range {
            start,
            end: Some(end),
        } => {
            let text = item.text.to_ascii_lowercase();
            let next_day = |d: NaiveDate| d.checked_add_days(Days::new(1));
            if ours.start == start && (ours.end == end || next_day(ours.end) == Some(end)) {
                return true;
            }
            if is_range(&text) && ours.start == start && closes_at_start_of_last(ours.end, end) {
                return true;
            }
            if is_rolling(&text)
                && Some(ours.end) == item.reference
                && item.reference == Some(end)
                && next_day(start) == Some(ours.start)
            {
                return true;
            }
            if is_part(&text)
                && start <= ours.start
                && ours.end < end
                && ours != Period::new(start, end)
            {
                return true;
            }
            is_to_date(&text)
                && ours.start == start
                && Some(ours.end) == item.reference
                && ours.end < end
        }
    }
}

fn is_range(text: &str) -> bool {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:to|through|thru|till|until|and)\b|[-–~]").expect("valid pattern")
    });
    RANGE.is_match(text)
}

fn is_rolling(text: &str) -> bool {
    static ROLLING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:past|last|previous|recent)\b").expect("valid pattern"));
    ROLLING.is_match(text)
}

fn is_part(text: &str) -> bool {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:early|mid|late|beginning|start|middle|end|close)\b")
            .expect("valid pattern")
    });
    PART.is_match(text)
}

fn is_to_date(text: &str) -> bool {
    static TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:this|current|earlier|so far)\b").expect("valid pattern")
    });
    TO_DATE.is_match(text)
}

/// Recognizers ends "… to March 2019" on 2019-03-01, "… to 2018" on
/// 2018-01-01 and "… to 2018 Q1" on 2018-01-01; frontline ends them on the
/// last day of that month, quarter, half or year.
fn closes_at_start_of_last(ours_end: NaiveDate, expected_end: NaiveDate) -> bool {
    if expected_end.day() != 1 {
        return false;
    }
    [0, 2, 5, 11].iter().any(|months| {
        expected_end
            .checked_add_months(chrono::Months::new(*months))
            .and_then(|m| frontline::fact::last_day_of_month(m.year(), m.month()))
            == Some(ours_end)
    })
}

fn byte_span(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let byte_at = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(byte, _)| byte)
    };
    (byte_at(start), byte_at(end))
}

fn describe(text: &str, m: &TimeMatch) -> String {
    let surface = text.get(m.start..m.end).unwrap_or("?");
    match m.value {
        TimeValue::Period(period) => format!("{surface:?} = {}", period.label()),
        TimeValue::RelativeToContext { months, days } => {
            format!("{surface:?} = context {months:+} months {days:+} days")
        }
        TimeValue::BeforeContext { months } => {
            format!("{surface:?} = {months} months before the context")
        }
        TimeValue::SinceContext => format!("{surface:?} = since the context"),
        TimeValue::OpeningOfContext { months, days } => {
            format!("{surface:?} = the first {months} months {days} days from the context")
        }
        TimeValue::Unresolved => format!("{surface:?} = unresolved"),
    }
}

fn expected_label(expected: &Expected) -> String {
    match expected {
        Expected::Day(day) => day.to_string(),
        Expected::Range {
            start,
            end: Some(end),
        } => format!("{start}..{end}"),
        Expected::Range { start, end: None } => format!("{start}.."),
    }
}
