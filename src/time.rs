//! Time expressions in English news text, resolved against the publication
//! date and preferring the past, as news does: "in November", "November 2024",
//! "last month", "the previous month", "since the start of the year", "over the
//! past week", "on Monday", "overnight", plain dates, ranges, quarters.
//!
//! Recognition runs in two stages. Atomic expressions ("November", "3 November
//! 2025", "last week", "Q3 2024") are found by a table of regular expressions,
//! each with a resolver that also checks the context (so "may" the verb and
//! "2024 drones" the count are left alone). Composite expressions are then
//! built from neighbouring atoms: a month followed by its year ("November last
//! year"), a part of a period ("late November", "the first half of 2025"),
//! "since …", and ranges ("from October to November").
//!
//! Expressions that only point forward ("next week", "tomorrow") are not
//! reported: news reports figures about the past.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex, RegexSet};

use crate::fact::{last_day_of_month, Period};

/// How a time expression was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeValue {
    /// A calendar period ("November 2024"; "in November" with a publication date).
    Period(Period),
    /// Relative to the period being talked about, not to the publication date:
    /// "the previous month" (-1 months), "a year earlier" (-12), "the following
    /// month" (1), "a week earlier" (-7 days).
    RelativeToContext { months: i32, days: i32 },
    /// The `months` months right before the period being talked about: "the
    /// previous three months" after "in September, October and November".
    BeforeContext { months: u32 },
    /// From the start of the period being talked about to the publication
    /// date: "since then".
    SinceContext,
    /// The first `months` months and `days` days from a day being talked
    /// about: "in its first week" after "the incursion, which began on
    /// August 6".
    OpeningOfContext { months: u32, days: u32 },
    /// Needs a publication date that the document does not have ("last month").
    Unresolved,
}

/// One time expression found in a text, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMatch {
    pub start: usize,
    pub end: usize,
    pub value: TimeValue,
}

/// Every time expression in `text`, in order, not overlapping. `anchor` is the
/// publication date; without it, relative expressions come back
/// [`TimeValue::Unresolved`].
pub fn find_time_expressions(text: &str, anchor: Option<NaiveDate>) -> Vec<TimeMatch> {
    let atoms = find_atoms(text, anchor);
    let atoms = attach_years(text, atoms);
    let atoms = date_in_the_leading_year(text, atoms);
    let atoms = from_before_to(text, atoms, anchor);
    let atoms = elliptical_quarters(text, atoms);
    let atoms = apply_parts(text, atoms, anchor);
    let atoms = apply_since(text, atoms, anchor);
    let atoms = join_night_windows(text, atoms, anchor);
    let atoms = join_overnight_dates(text, atoms);
    let atoms = join_ranges(text, atoms, anchor);
    let atoms = take_restatements(text, atoms);
    let atoms = counted_after_an_event(text, atoms);
    // Widening atoms by their parts can make two overlap ("start of week of
    // Monday": "start of week" and "week of Monday"): the longer stays.
    let atoms = select_longest(atoms);
    atoms
        .into_iter()
        .map(|atom| TimeMatch {
            start: atom.start,
            end: atom.end,
            value: match atom.spec {
                Spec::Context { months, days } => TimeValue::RelativeToContext { months, days },
                Spec::BeforeContext { months } => TimeValue::BeforeContext { months },
                Spec::SinceContext => TimeValue::SinceContext,
                Spec::OpeningOfContext { months, days } => {
                    TimeValue::OpeningOfContext { months, days }
                }
                spec => spec
                    .resolve(anchor)
                    .map_or(TimeValue::Unresolved, TimeValue::Period),
            },
        })
        .collect()
}

/// Resolves `text` as one time expression: `Some` only when a single
/// expression covers all of it (surrounding spaces and punctuation aside).
pub fn resolve(text: &str, anchor: Option<NaiveDate>) -> Option<TimeValue> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || ",.;:".contains(c));
    match find_time_expressions(trimmed, anchor).as_slice() {
        [only] if only.start == 0 && only.end == trimmed.len() => Some(only.value),
        _ => None,
    }
}

/// Parses a whole string as one calendar date: "2 December 2025",
/// "December 2, 2025", "Dec. 2, 2025", "Tuesday, 2 December 2025",
/// "2025-12-02", "2025-12-02T10:00:00Z". A time of day after the date is
/// allowed ("2 December 2025, 10:32 GMT"). Without a year ("Saturday, 1
/// June") the date is the latest on or before `reference`, if given.
pub fn parse_calendar_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,.]*(?:(?:at|-|–|\|)\s*)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}|[+-]\d{2}:?\d{2})?\s*)?$")
            .expect("time-of-day pattern is valid")
    });
    let trimmed = text.trim();
    // Every calendar date has a year or a day in digits; most lines tried
    // (titles, first lines) have none.
    if !trimmed.bytes().any(|byte| byte.is_ascii_digit()) {
        return None;
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(trimmed) {
        return Some(dt.date_naive());
    }
    let found = find_time_expressions(trimmed, reference);
    let first = found.first()?;
    if first.start != 0 || !TIME_OF_DAY.is_match(&trimmed[first.end..]) {
        return None;
    }
    match first.value {
        TimeValue::Period(period) if period.start == period.end => Some(period.start),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Specs: what an expression means before it is resolved.

/// A time expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    /// A calendar period with its year given or already resolved.
    Fixed(Period),
    /// A period with no year, like "November" or "3 November": resolved to the
    /// latest occurrence that starts on or before the reference date. Days
    /// `<= 0` count back from the month's last day (0 is the last day); an end
    /// month before the start month crosses into the next year.
    Yearless { from: (u32, i32), to: (u32, i32) },
    /// "the 18th": the latest such day on or before the reference date.
    DayOfMonth(u32),
    /// "Monday" (latest on or before the reference), "last Monday" (the
    /// Monday of the week before the reference's week).
    Weekday { day: Weekday, last_week: bool },
    /// "Monday 13th": the latest Monday that fell on a 13th.
    WeekdayAndDay { day: Weekday, day_of_month: u32 },
    /// "the previous month", "a week earlier": relative to the period under
    /// discussion.
    Context { months: i32, days: i32 },
    /// "the previous three months": the months right before the period under
    /// discussion.
    BeforeContext { months: u32 },
    /// "since then": from the period under discussion to the reference date.
    SinceContext,
    /// "in its first week": from a day under discussion on.
    OpeningOfContext { months: u32, days: u32 },
    /// Relative to a publication date that is not known.
    Unresolved,
}

impl Spec {
    /// "the previous month" (-1), "a year earlier" (-12): months from the
    /// period under discussion.
    fn context_months(months: i32) -> Spec {
        Spec::Context { months, days: 0 }
    }

    /// Whether the expression is placed by the period under discussion, not
    /// by a date.
    fn is_context(self) -> bool {
        matches!(
            self,
            Spec::Context { .. }
                | Spec::BeforeContext { .. }
                | Spec::SinceContext
                | Spec::OpeningOfContext { .. }
        )
    }

    fn resolve(self, reference: Option<NaiveDate>) -> Option<Period> {
        match self {
            Spec::Fixed(period) => Some(period),
            Spec::Yearless { from, to } => {
                let reference = reference?;
                (0..8)
                    .filter_map(|back| yearless_in(from, to, reference.year() - back))
                    .find(|period| period.start <= reference)
            }
            Spec::DayOfMonth(day) => {
                let reference = reference?;
                (0..12)
                    .filter_map(|back| {
                        let month = reference.checked_sub_months(Months::new(back))?;
                        NaiveDate::from_ymd_opt(month.year(), month.month(), day)
                    })
                    .find(|date| *date <= reference)
                    .map(Period::day)
            }
            Spec::Weekday {
                day,
                last_week: false,
            } => {
                let reference = reference?;
                let back = (7 + reference.weekday().num_days_from_monday()
                    - day.num_days_from_monday())
                    % 7;
                reference
                    .checked_sub_days(Days::new(u64::from(back)))
                    .map(Period::day)
            }
            Spec::Weekday {
                day,
                last_week: true,
            } => {
                let reference = reference?;
                let monday = reference.checked_sub_days(Days::new(
                    u64::from(reference.weekday().num_days_from_monday()) + 7,
                ))?;
                monday
                    .checked_add_days(Days::new(u64::from(day.num_days_from_monday())))
                    .map(Period::day)
            }
            Spec::WeekdayAndDay { day, day_of_month } => {
                let reference = reference?;
                (0..28)
                    .filter_map(|back| {
                        let month = reference.checked_sub_months(Months::new(back))?;
                        NaiveDate::from_ymd_opt(month.year(), month.month(), day_of_month)
                    })
                    .find(|date| *date <= reference && date.weekday() == day)
                    .map(Period::day)
            }
            Spec::Context { .. }
            | Spec::BeforeContext { .. }
            | Spec::SinceContext
            | Spec::OpeningOfContext { .. }
            | Spec::Unresolved => None,
        }
    }

    /// The earliest occurrence starting on or after `reference`: the end of a
    /// range whose start is already placed ("from December 20 to January 5").
    fn resolve_after(self, reference: NaiveDate) -> Option<Period> {
        match self {
            Spec::Yearless { from, to } => (0..8)
                .filter_map(|ahead| yearless_in(from, to, reference.year() + ahead))
                .find(|period| period.start >= reference),
            Spec::DayOfMonth(day) => (0..12)
                .filter_map(|ahead| {
                    let month = reference.checked_add_months(Months::new(ahead))?;
                    NaiveDate::from_ymd_opt(month.year(), month.month(), day)
                })
                .find(|date| *date >= reference)
                .map(Period::day),
            Spec::Weekday { day, .. } => {
                let ahead = (7 + day.num_days_from_monday()
                    - reference.weekday().num_days_from_monday())
                    % 7;
                reference
                    .checked_add_days(Days::new(u64::from(ahead)))
                    .map(Period::day)
            }
            Spec::WeekdayAndDay { day, day_of_month } => (0..28)
                .filter_map(|ahead| {
                    let month = reference.checked_add_months(Months::new(ahead))?;
                    NaiveDate::from_ymd_opt(month.year(), month.month(), day_of_month)
                })
                .find(|date| *date >= reference && date.weekday() == day)
                .map(Period::day),
            Spec::Fixed(period) => Some(period),
            Spec::Context { .. }
            | Spec::BeforeContext { .. }
            | Spec::SinceContext
            | Spec::OpeningOfContext { .. }
            | Spec::Unresolved => None,
        }
    }

    /// Whether the expression names its own year (or needs none).
    fn is_fixed(self) -> bool {
        matches!(self, Spec::Fixed(_))
    }
}

/// A yearless period placed in `year`.
fn yearless_in(from: (u32, i32), to: (u32, i32), year: i32) -> Option<Period> {
    let start = day_in_month(year, from.0, from.1)?;
    let end_year = if to.0 < from.0 { year + 1 } else { year };
    let end = day_in_month(end_year, to.0, to.1)?;
    (start <= end).then(|| Period::new(start, end))
}

/// Day `day` of a month, where `day <= 0` counts back from the last day.
fn day_in_month(year: i32, month: u32, day: i32) -> Option<NaiveDate> {
    if day > 0 {
        NaiveDate::from_ymd_opt(year, month, u32::try_from(day).ok()?)
    } else {
        last_day_of_month(year, month)?.checked_sub_days(Days::new(u64::from(day.unsigned_abs())))
    }
}

/// Granularity of an expression, which decides what "early" or "the first
/// half of" mean for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Atom {
    start: usize,
    end: usize,
    spec: Spec,
    unit: Unit,
}

fn fixed(period: Option<Period>) -> Option<Spec> {
    period.map(Spec::Fixed)
}

fn month_period(year: i32, month: u32) -> Option<Spec> {
    fixed(Period::month(year, month))
}

/// The first day of the full-scale invasion, which "since the invasion",
/// "the war's third year" and "day 1,000" count from.
fn invasion_day() -> Option<NaiveDate> {
    date(2022, 2, 24)
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

// ---------------------------------------------------------------------------
// Stage 1: atomic expressions.

const MONTH: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)";
const DAY: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b";
/// A day written as an ordinal word: "the fourth of July", "April ninth".
const DAY_WORD: &str = r"(?:(?:twenty|thirty)[-\s]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b";
/// A year: "2025", or its last two digits after an apostrophe ("Nov '25",
/// "H1 '24"; read as 19xx from '70 on).
const YEAR: &str = r"(?:(?:19|20)\d{2}|['’]\d{2})\b";
const WEEKDAY_PREFIX: &str = r"(?:(?:overnight\s+(?:into|on|to)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?,?\s+(?:the\s+)?)?";
const COUNT: &str = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|few|couple(?:\s+of)?)";
const RANGE_SEP: &str = r"\s*(?:-|–|—|~|to|through|thru|till|until|and)\s*";

struct Context<'a> {
    text: &'a str,
    anchor: Option<NaiveDate>,
    start: usize,
    end: usize,
}

impl Context<'_> {
    fn prev_word(&self) -> Cow<'_, str> {
        prev_word(self.text, self.start)
    }

    /// True when the word before the match makes a bare month or year read as time.
    fn has_time_cue(&self) -> bool {
        TIME_CUES.contains(&self.prev_word().as_ref())
            || PART_TAIL.is_match(tail(self.text, self.start, 48))
    }

    /// Runs `f` with the anchor, or says the expression cannot be resolved.
    fn anchored(&self, f: impl FnOnce(NaiveDate) -> Option<Spec>) -> Option<Spec> {
        match self.anchor {
            Some(anchor) => f(anchor),
            None => Some(Spec::Unresolved),
        }
    }
}

/// Words after which a bare month or year is a time expression.
const TIME_CUES: &[&str] = &[
    "in",
    "during",
    "since",
    "of",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "by",
    "last",
    "this",
    "early",
    "late",
    "mid",
    "between",
    "and",
    "to",
    "before",
    "after",
    "for",
    "on",
    "that",
    "over",
    "across",
    "end",
    "start",
    "beginning",
    "middle",
    "year",
    "summer",
    "spring",
    "autumn",
    "winter",
    "fall",
    "or",
    // "-9% m/m vs Oct's 556 km²"
    "vs",
    "versus",
];

type Resolver = fn(&Captures, &Context) -> Option<(Spec, Unit)>;

struct Rule {
    pattern: Regex,
    resolve: Resolver,
}

fn rule(pattern: &str, resolve: Resolver) -> Rule {
    let pattern = pattern
        .replace("{MONTH}", MONTH)
        .replace("{DAYX}", r"(?:the\s+)?(?:{DAY}|{DAY_WORD})")
        .replace("{DAY_WORD}", DAY_WORD)
        .replace("{DAY}", DAY)
        .replace("{YEAR}", YEAR)
        .replace("{WEEKDAY_PREFIX}", WEEKDAY_PREFIX)
        .replace("{COUNT}", COUNT)
        .replace("{SEP}", RANGE_SEP)
        // ASCII word boundaries let the regex engine use its DFAs; Unicode
        // ones force the slow PikeVM on every sentence (measured: 50x).
        .replace(r"\b", r"(?-u:\b)")
        // Unicode \d (every script's digits) makes the automata many times
        // larger, and only ASCII digits parse as numbers anyway.
        .replace(r"\d", "[0-9]");
    Rule {
        pattern: Regex::new(&format!("(?i){pattern}")).expect("time pattern is valid"),
        resolve,
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        // 2025-12-02, 2025-12-02T10:00:00Z, 2019-aug-1
        rule(
            r"\b(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
            |c, _| {
                let d = date(num(c, "y")?, num(c, "m")?, num(c, "d")?)?;
                Some((Spec::Fixed(Period::day(d)), Unit::Day))
            },
        ),
        rule(
            r"\b(?P<y>{YEAR})[-/](?P<m>{MONTH})[-/](?P<d>\d{1,2})\b",
            |c, _| {
                let d = date(
                    num(c, "y")?,
                    month_number(c.name("m")?.as_str())?,
                    num(c, "d")?,
                )?;
                Some((Spec::Fixed(Period::day(d)), Unit::Day))
            },
        ),
        // "Week 12 of 2025", "week 32, 2024": an ISO week, Monday to Sunday
        rule(
            r"\bweek\s+(?P<w>\d{1,2})(?:\s+of|,)?\s+(?P<y>{YEAR})\b",
            |c, _| {
                let (year, week) = (num(c, "y")?, num(c, "w")?);
                let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
                Some((Spec::Fixed(Period::new(monday, sunday)), Unit::Span))
            },
        ),
        // 31.03–06.04.2025, 24.02-02.03.2025: a range of dotted dates, day
        // first, the year written once at its end
        rule(
            r"\b(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.?\s?[-–—]\s?(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y>{YEAR})\b",
            |c, ctx| {
                if preceded_by_digit_group(ctx.text, ctx.start) {
                    return None;
                }
                let year = num(c, "y")?;
                let (m1, m2): (u32, u32) = (num(c, "m1")?, num(c, "m2")?);
                let start_year = if m1 > m2 { year - 1 } else { year };
                let start = date(start_year, m1, num(c, "d1")?)?;
                let end = date(year, m2, num(c, "d2")?)?;
                (start <= end).then_some((Spec::Fixed(Period::new(start, end)), Unit::Span))
            },
        ),
        // 29/11/2025, 29.11.2025, 11/29/2025: numeric dates whose order a
        // day past the 12th gives away (5/11/2025 could be either: left out);
        // with dots, day first (04.10.2025: no one writes months first so)
        rule(
            r"\b(?P<a>\d{1,2})(?P<s1>[/.])(?P<b>\d{1,2})(?P<s2>[/.])(?P<y>{YEAR})",
            |c, ctx| {
                if c.name("s1")?.as_str() != c.name("s2")?.as_str()
                    || preceded_by_digit_group(ctx.text, ctx.start)
                {
                    return None;
                }
                let (a, b): (u32, u32) = (num(c, "a")?, num(c, "b")?);
                let dotted = c.name("s1")?.as_str() == ".";
                let year = num(c, "y")?;
                let (day, month) = match (a > 12, b > 12) {
                    (true, false) => (a, b),
                    (false, false) if dotted => (a, b),
                    (false, true) => (b, a),
                    _ if a == b => (a, b),
                    // ("4/3/2025" read on 7 March 2025: not 3 April, which
                    // was still to come.)
                    (false, false) => {
                        let past = |(day, month)| {
                            date(year, month, day)
                                .is_some_and(|d| ctx.anchor.is_some_and(|anchor| d <= anchor))
                        };
                        match (past((a, b)), past((b, a))) {
                            (true, false) => (a, b),
                            (false, true) => (b, a),
                            _ => return None,
                        }
                    }
                    _ => return None,
                };
                let d = date(year, month, day)?;
                Some((Spec::Fixed(Period::day(d)), Unit::Day))
            },
        ),
        // 2016-11, 2016/11, 11/2016
        rule(r"\b(?P<y>{YEAR})\s?[-/]\s?(?P<m>\d{1,2})\b", |c, ctx| {
            if followed_by_digit_group(ctx.text, ctx.end) {
                return None;
            }
            Some((month_period(num(c, "y")?, num(c, "m")?)?, Unit::Month))
        }),
        rule(r"\b(?P<m>\d{1,2})\s?[-/]\s?(?P<y>{YEAR})", |c, ctx| {
            if preceded_by_digit_group(ctx.text, ctx.start) {
                return None;
            }
            Some((month_period(num(c, "y")?, num(c, "m")?)?, Unit::Month))
        }),
        // 2 December 2025, 3rd of November, Tuesday, 2 December 2025
        rule(
            r"\b{WEEKDAY_PREFIX}(?:the\s+)?(?:(?P<d>{DAY})(?:\s+of\s+|\s*[-/]\s*|\s+)|(?P<dw>{DAY_WORD})\s+of\s+)(?P<m>{MONTH})(?:(?:\s+of|\s*,)?\s*(?P<y>{YEAR})|[-/](?P<y2>{YEAR}))?",
            |c, ctx| {
                if preceded_by_digit_group(ctx.text, ctx.start)
                    || preceded_by_currency(ctx.text, ctx.start)
                {
                    return None;
                }
                month_day(c, ctx)
            },
        ),
        // December 2, 2025; Dec. 2; Tuesday March 7
        rule(
            r"\b{WEEKDAY_PREFIX}(?P<m>{MONTH})(?:\s*[/-]\s*|\s*)(?:the\s+)?(?:(?P<d>{DAY})|(?P<dw>{DAY_WORD}))(?:\s*,?\s*(?P<y>{YEAR}))?",
            |c, ctx| {
                // "In November 14 drones were downed": a month, then a count.
                if c.name("y").is_none()
                    && (followed_by_digit_group(ctx.text, ctx.end)
                        || c.name("d")
                            .is_some_and(|d| d.as_str().ends_with(|ch: char| ch.is_ascii_digit()))
                            && counted_noun_follows(ctx.text, ctx.end))
                {
                    return None;
                }
                month_day(c, ctx)
            },
        ),
        // November 1-7, between November 1 and 7, November 19 to 20 2016
        rule(
            r"\b(?:(?:between|from)\s+)?(?P<m>{MONTH})\s*(?P<d1>{DAYX}){SEP}(?P<d2>{DAYX})(?:\s*,?\s*(?P<y>{YEAR}))?",
            day_range,
        ),
        // November between 19 and 20
        rule(
            r"\b(?P<m>{MONTH})\s+between\s+(?P<d1>{DAYX}){SEP}(?P<d2>{DAYX})(?:\s*,?\s*(?P<y>{YEAR}))?",
            day_range,
        ),
        // 1–7 November 2025, from 3 until 12 of Sept
        rule(
            r"\b(?:(?:between|from)\s+)?(?P<d1>{DAYX}){SEP}(?P<d2>{DAYX})(?:\s+of)?\s+(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR}))?",
            day_range,
        ),
        // from 4 to January 22, 1995
        rule(
            r"\b(?:(?:between|from)\s+)?(?P<d1>{DAY}){SEP}(?P<m>{MONTH})\s*(?P<d2>{DAY})(?:\s*,?\s*(?P<y>{YEAR}))?",
            |c, ctx| {
                // "Sept 1 and Nov 30", "Sept. 1 and Nov. 30": the first day
                // has its own month.
                let before = ctx.text[..ctx.start].trim_end();
                let before = before.strip_suffix('.').unwrap_or(before);
                if month_number(&prev_word(before, before.len())).is_some() {
                    return None;
                }
                day_range(c, ctx)
            },
        ),
        // from 4 to 22 this month
        rule(
            r"\b(?:(?:between|from)\s+)?(?P<d1>{DAY}){SEP}(?P<d2>{DAY})\s+(?:of\s+|in\s+)?(?P<which>this|last|the\s+previous|the\s+current)\s+month\b",
            |c, ctx| {
                ctx.anchored(|anchor| {
                    let month = if c.name("which")?.as_str().eq_ignore_ascii_case("this")
                        || c.name("which")?
                            .as_str()
                            .to_lowercase()
                            .ends_with("current")
                    {
                        anchor
                    } else {
                        anchor.checked_sub_months(Months::new(1))?
                    };
                    let start = date(month.year(), month.month(), num(c, "d1")?)?;
                    let end = date(month.year(), month.month(), num(c, "d2")?)?;
                    (start <= end).then(|| Spec::Fixed(Period::new(start, end)))
                })
                .map(|s| (s, Unit::Span))
            },
        ),
        // November 2024, Nov. 2024, November of 2024, November , 2016
        rule(
            r"\b(?P<m>{MONTH})\s*(?:,|\s+of|-|/)?\s*(?P<y>{YEAR})",
            |c, _| {
                let month = month_number(c.name("m")?.as_str())?;
                if !month_word_ok(c.name("m")?.as_str(), true, false) {
                    return None;
                }
                Some((month_period(num(c, "y")?, month)?, Unit::Month))
            },
        ),
        // 2016 June, 2016, nov
        rule(r"\b(?P<y>{YEAR})\s*,?\s*(?P<m>{MONTH})", |c, _| {
            let month = month_number(c.name("m")?.as_str())?;
            if !month_word_ok(c.name("m")?.as_str(), true, false) {
                return None;
            }
            Some((month_period(num(c, "y")?, month)?, Unit::Month))
        }),
        // November, in November, last November, this September
        rule(r"\b(?:(?P<which>last|this)\s+)?(?P<m>{MONTH})", |c, ctx| {
            let word = c.name("m")?.as_str();
            let month = month_number(word)?;
            let which = c.name("which").map(|w| w.as_str().to_lowercase());
            // "February 463 km², March 240 km²": a capitalised month after a
            // list mark is no verb.
            let after_list_mark = ctx.text[..ctx.start]
                .trim_end()
                .ends_with([',', ';', ':', '(', '•', '-', '–']);
            // "March: 240 sq km": a month labelling a figure.
            let labels_figure = ctx.text[ctx.end..].starts_with(':');
            // "surpassing May's 4,198": the verb takes no possessive; nor a
            // determiner ("its May offensive", "Russia's March push").
            let possessive = || {
                ["'s ", "’s "]
                    .iter()
                    .any(|mark| ctx.text[ctx.end..].starts_with(mark))
                    || matches!(
                        ctx.prev_word().as_ref(),
                        "the"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "russia's"
                            | "ukraine's"
                            | "russia’s"
                            | "ukraine’s"
                            | "moscow's"
                            | "kyiv's"
                    )
            };
            // "May was another grinding month", "March saw": the month as a
            // subject (the verb "may" is never followed by these).
            let subject_of = crate::text::next_words(&ctx.text[ctx.end..], 1)
                .first()
                .is_some_and(|verb| {
                    matches!(
                        verb.as_ref(),
                        "was" | "saw" | "brought" | "proved" | "marked" | "became" | "ended"
                    )
                });
            let cue = which.is_some()
                || ctx.has_time_cue()
                || starts_month_range(ctx.text, ctx.end)
                || after_list_mark
                || labels_figure
                || subject_of
                || possessive();
            if !month_word_ok(word, false, cue) {
                return None;
            }
            let spec = match which.as_deref() {
                Some("this") => ctx.anchored(|anchor| month_period(anchor.year(), month))?,
                // "last November" read in November is the November before.
                Some(_) => ctx.anchored(|anchor| {
                    let before_this_month = anchor.with_day(1)?.pred_opt()?;
                    Spec::Yearless {
                        from: (month, 1),
                        to: (month, 0),
                    }
                    .resolve(Some(before_this_month))
                    .map(Spec::Fixed)
                })?,
                None => Spec::Yearless {
                    from: (month, 1),
                    to: (month, 0),
                },
            };
            Some((spec, Unit::Month))
        }),
        // in 2024 (a bare year only where it reads as time)
        rule(r"\b(?:the\s+year\s+(?:of\s+)?)?(?P<y>{YEAR})", |c, ctx| {
            let year: i32 = num(c, "y")?;
            let explicit = c.get(0)?.as_str().len() > 4;
            if !explicit && !bare_year_is_time(ctx) {
                return None;
            }
            Some((fixed(Period::year(year))?, Unit::Year))
        }),
        // 2014-2018, 2022-23, between 2014 and 2018
        rule(
            r"\b(?:(?P<open>between|from|in)\s+)?(?P<y1>{YEAR})(?P<sep>{SEP})(?P<y2>{YEAR}|\d{2}\b)",
            |c, ctx| {
                if preceded_by_digit_group(ctx.text, ctx.start)
                    || followed_by_digit_group(ctx.text, ctx.end)
                    || month_number(&ctx.prev_word()).is_some()
                {
                    return None;
                }
                let sep = c.name("sep")?.as_str().trim().to_ascii_lowercase();
                let open = c.name("open").map(|o| o.as_str().to_ascii_lowercase());
                // "in 2007 and 2009" names two years, not the span between them.
                if sep == "and" && open.as_deref() != Some("between") {
                    return None;
                }
                let first: i32 = num(c, "y1")?;
                let second_text = c.name("y2")?.as_str();
                let mut second: i32 =
                    parse_year(second_text).or_else(|| second_text.parse().ok())?;
                if second_text.len() == 2 {
                    // "2022-23"; "2015 - 32" is not a span of years.
                    second += first - first % 100;
                    if c.name("sep")?.as_str().contains(char::is_whitespace) || second - first > 5 {
                        return None;
                    }
                }
                if second <= first || second - first > 50 {
                    return None;
                }
                let start = date(first, 1, 1)?;
                let end = date(second, 12, 31)?;
                Some((Spec::Fixed(Period::new(start, end)), Unit::Span))
            },
        ),
        // the 1990s
        rule(r"\b(?:the\s+)?(?P<y>(?:19|20)\d0)'?s\b", |c, _| {
            let year: i32 = num(c, "y")?;
            Some((
                Spec::Fixed(Period::new(date(year, 1, 1)?, date(year + 9, 12, 31)?)),
                Unit::Span,
            ))
        }),
        // the year (only as the object of "the end of", "the first half of", …)
        rule(
            r"\b(?:the\s+)?(?:current\s+)?(?P<u>year|month|week)\b",
            |c, ctx| {
                if !PART_TAIL.is_match(tail(ctx.text, ctx.start, 48)) {
                    return None;
                }
                let unit = c.name("u")?.as_str().to_ascii_lowercase();
                ctx.anchored(|anchor| this_unit(&unit, anchor, false))
                    .map(|s| (s, unit_of(&unit)))
            },
        ),
        // Q3 2025, Q3, 2016 Q3, H1 2025, 2016H2
        rule(
            r"\b(?P<kind>[qh])(?P<n>[1-4])(?:\s*(?:,|of|-)?\s*(?P<y>{YEAR}))?\b",
            |c, _| {
                let kind = c.name("kind")?.as_str().to_ascii_lowercase();
                quarter_or_half(&kind, num(c, "n")?, c.name("y"))
            },
        ),
        rule(
            r"\b(?P<y>(?:19|20)\d{2})\s*-?\s*(?P<kind>[qh])(?P<n>[1-4])\b",
            |c, _| {
                let kind = c.name("kind")?.as_str().to_ascii_lowercase();
                quarter_or_half(&kind, num(c, "n")?, c.name("y"))
            },
        ),
        // the second half (of 2024), in the first half ("the second half of
        // the night" is no half of a year)
        rule(
            r"\b(?:the|a)\s+(?P<n>first|second|1st|2nd)\s+half(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
            |c, ctx| {
                let of_something_else = c.name("y").is_none()
                    && crate::text::next_words(&ctx.text[ctx.end..], 1)
                        .first()
                        .is_some_and(|word| word == "of");
                if of_something_else {
                    return None;
                }
                let n = match c.name("n")?.as_str().to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    _ => 2,
                };
                months_of_year(n * 6 - 5, n * 6, c.name("y"))
            },
        ),
        // "in the first seven months": of this year, as "the first half" is
        // ("of the year", "of 2025" are read as parts of what follows; "of
        // the war", "after the invasion" count from something else)
        rule(r"\bthe\s+first\s+(?P<n>{COUNT})\s+months\b", |c, ctx| {
            let counts_from_something = crate::text::next_words(&ctx.text[ctx.end..], 1)
                .first()
                .is_some_and(|word| {
                    matches!(
                        word.as_ref(),
                        "of" | "after" | "since" | "following" | "from" | "into"
                    )
                });
            let n = count_value(c.name("n")?.as_str())?;
            if counts_from_something || !(2..=11).contains(&n) {
                return None;
            }
            months_of_year(1, n, None)
        }),
        // the third quarter (of 2024), the last quarter
        rule(
            r"\b(?:(?:the|a)\s+)?(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th|previous|current|this)\s+quarter(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
            |c, ctx| {
                let word = c.name("n")?.as_str().to_lowercase();
                let n = match word.as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    "fourth" | "4th" | "final" => 4,
                    "last" if c.name("y").is_some() => 4,
                    _ => {
                        // "last quarter", "this quarter": relative to the anchor.
                        return ctx
                            .anchored(|anchor| {
                                let this = (anchor.month0() / 3) as i32;
                                let back = if word == "last" || word == "previous" {
                                    1
                                } else {
                                    0
                                };
                                let index = anchor.year() * 4 + this - back;
                                let (year, q) = (index.div_euclid(4), index.rem_euclid(4) as u32);
                                let start = date(year, q * 3 + 1, 1)?;
                                let end = last_day_of_month(year, q * 3 + 3)?;
                                Some(Spec::Fixed(Period::new(start, end)))
                            })
                            .map(|s| (s, Unit::Quarter));
                    }
                };
                quarter_or_half("q", n, c.name("y"))
            },
        ),
        // summer 2024, the spring of 2022, last winter, its 2024 summer offensive
        rule(
            r"\b(?:(?P<which>last|this|the)\s+)?(?:(?P<y0>{YEAR})\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
            |c, ctx| {
                let season = c.name("s")?.as_str().to_lowercase();
                let year_named = c.name("y").or(c.name("y0"));
                let (from, to) = match season.as_str() {
                    "spring" => (3, 5),
                    "summer" => (6, 8),
                    "autumn" | "fall" => (9, 11),
                    _ => (12, 2),
                };
                let which = c.name("which").map(|w| w.as_str().to_lowercase());
                if year_named.is_none() && which.is_none() && !ctx.has_time_cue() {
                    return None;
                }
                // "in the summer" is a time; "the spring offensive" is a name.
                if year_named.is_none() && which.as_deref() == Some("the") && !ctx.has_time_cue() {
                    return None;
                }
                if season == "fall" && year_named.is_none() && which.is_none() {
                    return None;
                }
                // "since the fall of Avdiivka": the fall of a town, not autumn.
                if season == "fall"
                    && year_named.is_none()
                    && crate::text::next_words(&ctx.text[ctx.end..], 1)
                        .first()
                        .is_some_and(|word| word == "of")
                {
                    return None;
                }
                let spec = match year_named {
                    Some(year) => {
                        let year: i32 = parse_year(year.as_str())?;
                        Spec::Fixed(yearless_in((from, 1), (to, 0), year)?)
                    }
                    None => {
                        let yearless = Spec::Yearless {
                            from: (from, 1),
                            to: (to, 0),
                        };
                        if which.as_deref() == Some("last") {
                            // The last complete season before the publication date.
                            ctx.anchored(|anchor| {
                                let current = yearless.resolve(Some(anchor))?;
                                if current.end < anchor {
                                    Some(Spec::Fixed(current))
                                } else {
                                    let previous = anchor.checked_sub_months(Months::new(12))?;
                                    yearless.resolve(Some(previous)).map(Spec::Fixed)
                                }
                            })?
                        } else {
                            yearless
                        }
                    }
                };
                Some((spec, Unit::Span))
            },
        ),
        // last month, the past week, the last 7 days, the previous month, previous 3 weeks
        rule(
            r"\b(?P<the>the\s+)?(?P<w>past|last|previous|preceding|prior|recent)\s+(?:(?P<n>{COUNT})\s*)?(?P<u>days?|weeks?|fortnights?|months?|quarters?|years?|hours?|hrs?|h|d)\b",
            rolling_or_calendar,
        ),
        // the 5 past years
        rule(
            r"\b(?P<the>the\s+)?(?P<n>{COUNT})\s+(?P<w>past|last|previous|preceding)\s+(?P<u>days|weeks|months|quarters|years)\b",
            rolling_or_calendar,
        ),
        // 3 days ago, two weeks ago
        rule(
            r"\b(?P<n>{COUNT})\s+(?P<u>days?|weeks?)\s+ago\b",
            |c, ctx| {
                let count = u64::from(count_value(c.name("n")?.as_str())?);
                let days = if c.name("u")?.as_str().to_ascii_lowercase().starts_with('w') {
                    count * 7
                } else {
                    count
                };
                ctx.anchored(|anchor| {
                    anchor
                        .checked_sub_days(Days::new(days))
                        .map(|d| Spec::Fixed(Period::day(d)))
                })
                .map(|s| (s, Unit::Day))
            },
        ),
        // "during the week": the week the report covers, the seven days up
        // to publication ("the week to Monday" names another end)
        rule(r"\b(?:during|over|throughout)\s+the\s+week\b", |_, ctx| {
            let after = ctx.text[ctx.end..].trim_start().to_ascii_lowercase();
            let names_its_end = [
                "to ", "ending", "before", "after", "of ", "through", "until",
            ]
            .iter()
            .any(|word| after.starts_with(word));
            if names_its_end {
                return None;
            }
            ctx.anchored(|anchor| {
                let start = anchor.checked_sub_days(Days::new(6))?;
                Some(Spec::Fixed(Period::new(start, anchor)))
            })
            .map(|spec| (spec, Unit::Span))
        }),
        // this week, this month, this year, earlier this month, so far this year
        rule(
            r"\b(?P<how>earlier\s+|so\s+far\s+)?(?:this|(?:the\s+)?current|(?P<the>the))\s+(?:calendar\s+)?(?P<u>week|month|year)(?P<sofar>\s+so\s+far|\s+to\s+date)?\b",
            |c, ctx| {
                let unit = c.name("u")?.as_str().to_lowercase();
                let to_date = c.name("how").is_some() || c.name("sofar").is_some();
                if c.name("the").is_some() {
                    // "the week" alone is not a time expression; "earlier in the week" is.
                    return None;
                }
                ctx.anchored(|anchor| this_unit(&unit, anchor, to_date))
                    .map(|s| (s, unit_of(&unit)))
            },
        ),
        rule(
            r"\b(?:earlier\s+in|so\s+far\s+in)\s+the\s+(?P<u>week|month|year)\b",
            |c, ctx| {
                let unit = c.name("u")?.as_str().to_lowercase();
                ctx.anchored(|anchor| this_unit(&unit, anchor, true))
                    .map(|s| (s, unit_of(&unit)))
            },
        ),
        rule(r"\b(?:year[\s-]to[\s-]date|ytd)\b", |_, ctx| {
            ctx.anchored(|anchor| this_unit("year", anchor, true))
                .map(|s| (s, Unit::Span))
        }),
        // since the start of the full-scale invasion, since the war began, since
        // the start of the special military operation (its Russian name)
        rule(
            r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|onset|launch)\s+of\s+)?(?:russia's\s+|moscow's\s+|the\s+)?(?:full[-\s]scale\s+)?(?:russian\s+)?(?:invasion|war|special\s+military\s+operation)(?:\s+(?:began|started|of\s+ukraine|in\s+ukraine|on\s+ukraine|against\s+ukraine))?\b",
            |_, ctx| {
                ctx.anchored(|anchor| {
                    let start = invasion_day()?;
                    (start <= anchor).then(|| Spec::Fixed(Period::new(start, anchor)))
                })
                .map(|s| (s, Unit::Span))
            },
        ),
        // "on day 1,350 of the full-scale invasion", "Day 1,000": the day
        // counted from the invasion's first (24 February 2022 is day 1);
        // "day 120 of the Kursk operation" counts from something else
        rule(
            r"\bday\s+(?P<n>\d{1,2},\d{3}|\d{1,4})(?P<of>\s+of\s+(?:the\s+|russia['’]s\s+)?[a-z-]+(?:\s+(?:russian\s+)?(?:war|invasion))?)?\b",
            |c, _| {
                let day: u32 = c.name("n")?.as_str().replace(',', "").parse().ok()?;
                let of_the_war = c.name("of").map(|of| {
                    let of = of.as_str().to_ascii_lowercase();
                    of.ends_with("war") || of.ends_with("invasion")
                });
                // (A bare "day 12" is of something else; the war's days are
                // many hundreds.)
                let counts_the_war = of_the_war.unwrap_or(day >= 300);
                if !counts_the_war || day == 0 || day > 10_000 {
                    return None;
                }
                let date =
                    invasion_day()?.checked_add_days(chrono::Days::new(u64::from(day - 1)))?;
                Some((Spec::Fixed(Period::day(date)), Unit::Day))
            },
        ),
        // "the war's third year", "the second year of the full-scale
        // invasion", "year two of the war": counted from the invasion's day
        rule(
            r"\b(?:the\s+)?(?:(?:war|invasion|conflict)['’]s\s+(?P<o1>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+year|(?P<o2>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+year\s+of\s+(?:the\s+|russia['’]s\s+)?(?:full[-\s]scale\s+)?(?:russian\s+)?(?:war|invasion)|year\s+(?P<n>one|two|three|four|five|six|[1-6])\s+of\s+(?:the\s+)?(?:full[-\s]scale\s+)?(?:war|invasion))\b",
            |c, ctx| {
                // ("third", "3rd"; "year two")
                let count = match c.name("o1").or(c.name("o2")) {
                    Some(ordinal) => day_value(ordinal.as_str())?,
                    None => count_value(c.name("n")?.as_str())?,
                };
                let invasion = invasion_day()?;
                let start = invasion.checked_add_months(chrono::Months::new(12 * (count - 1)))?;
                let end = start
                    .checked_add_months(chrono::Months::new(12))?
                    .pred_opt()?;
                ctx.anchored(|anchor| {
                    (start <= anchor).then_some(Spec::Fixed(Period::new(start, end)))
                })
                .map(|s| (s, Unit::Span))
            },
        ),
        // the previous month, a year earlier, the same month last year
        rule(
            r"\b(?:the\s+(?:previous|preceding|prior)\s+(?P<u1>month|year)|the\s+(?P<u2>month|year)\s+before|(?P<n>{COUNT})\s+(?P<u3>months?|years?)\s+(?:earlier|before|prior|previously|ago)|the\s+same\s+(?:month|period|time|quarter)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year|the\s+year\s+before)|the\s+same\s+(?:month|period|time|quarter)\s+(?:of|in)\s+(?P<y>{YEAR})|(?P<same>the\s+same\s+(?:period|month)))\b",
            |c, ctx| {
                // "the same period of 2024", read in 2025: a year before the
                // period the text is about.
                if let Some(year) = c.name("y") {
                    let years_back = ctx.anchor?.year() - parse_year(year.as_str())?;
                    return (1..=10)
                        .contains(&years_back)
                        .then_some((Spec::context_months(-12 * years_back), Unit::Span));
                }
                // "Over the same period, he said, …": the period the text is
                // about.
                if c.name("same").is_some() {
                    return Some((Spec::context_months(0), Unit::Span));
                }
                // "the same month last year" names no unit: a year.
                let unit = c.name("u1").or(c.name("u2")).or(c.name("u3"));
                let months = counted_months(c, unit.map_or("year", |u| u.as_str()))?;
                // "up from 18.9% a year ago": counted back from the day of
                // writing, as "a week ago" is, whatever the text is about.
                let ago = c.name("u3").is_some()
                    && c.get(0)?.as_str().to_ascii_lowercase().ends_with("ago");
                if ago {
                    let day = ctx.anchored(|anchor| {
                        Some(Spec::Fixed(Period::day(
                            anchor.checked_sub_months(Months::new(months))?,
                        )))
                    })?;
                    return Some((day, Unit::Day));
                }
                Some((Spec::context_months(-(months as i32)), Unit::Span))
            },
        ),
        // a week earlier, two weeks before, a day earlier: counted back from
        // the period the text is about ("the previous week" is the calendar
        // week before publication, "a week ago" seven days before it)
        rule(
            r"\b(?:(?P<n>{COUNT})\s+(?P<u>days?|weeks?)\s+(?:earlier|before|prior|previously)|the\s+(?P<u0>week)\s+before)\b",
            |c, _| {
                // ("the week before": one week.)
                let count = match c.name("n") {
                    Some(n) => i32::try_from(count_value(n.as_str())?).ok()?,
                    None => 1,
                };
                let in_weeks = c
                    .name("u")
                    .or(c.name("u0"))?
                    .as_str()
                    .to_ascii_lowercase()
                    .starts_with("week");
                Some((
                    Spec::Context {
                        months: 0,
                        days: -count * if in_weeks { 7 } else { 1 },
                    },
                    Unit::Span,
                ))
            },
        ),
        // "A day later, Russia sent 142 drones", "the next day": the days
        // after the one the text is about ("a day after Moscow launched …"
        // dates its own clause, elsewhere)
        rule(
            r"\b(?:(?P<n>{COUNT})\s+days?\s+later|the\s+(?:next|following)\s+day)\b",
            |c, _| {
                let days = match c.name("n") {
                    Some(count) => i32::try_from(count_value(count.as_str())?).ok()?,
                    None => 1,
                };
                Some((Spec::Context { months: 0, days }, Unit::Day))
            },
        ),
        // "The map has been updated.", "captured 4.2 km² since the previous
        // update": a map update counts what changed since the one before,
        // told on the day of writing (and later sentences tell the same day)
        rule(
            r"\b(?:(?:the\s+)?map\s+(?:has\s+been|was|is|had\s+been)\s+updated|since\s+(?:the\s+|our\s+)?(?:previous|last)\s+(?:map\s+)?update)\b",
            the_day_of_writing,
        ),
        // "Since then, Russia has launched 2,000 of them": from the time the
        // text is about to the day of writing
        rule(
            r"\b(?:ever\s+)?since\s+(?:then|that\s+(?:day|date|time|month))\b",
            |_, _| Some((Spec::SinceContext, Unit::Span)),
        ),
        // "in its first week", "in the first ten days of the offensive":
        // from a day the text is about (the day it began) on
        rule(
            r"\b(?:(?:its|their)\s+first\s+(?:(?P<n>{COUNT})\s+)?(?P<u>days?|weeks?|months?)|the\s+first\s+(?:(?P<n2>{COUNT})\s+)?(?P<u2>days?|weeks?|months?)\s+of\s+(?:the|its|their)\s+(?:[a-z]+\s+)?(?:incursion|offensive|counteroffensive|counter-offensive|invasion|war|operation|assault|campaign))\b",
            |c, _| {
                let count = match c.name("n").or(c.name("n2")) {
                    Some(count) => count_value(count.as_str())?,
                    None => 1,
                };
                let unit = c.name("u").or(c.name("u2"))?.as_str().to_ascii_lowercase();
                let (months, days) = match unit.as_bytes()[0] {
                    b'm' => (count, 0),
                    b'w' => (0, count.checked_mul(7)?),
                    _ => (0, count),
                };
                Some((Spec::OpeningOfContext { months, days }, Unit::Span))
            },
        ),
        // "The same day, Syrskyi said …": the day the text is about
        rule(r"\b(?:that\s+)?(?:the\s+)?same\s+day\b", |_, _| {
            Some((Spec::Context { months: 0, days: 0 }, Unit::Day))
        }),
        // "By the end of that year", "over the course of the year", "over
        // the year": the year the text is about (the extractor finds which).
        rule(
            r"\b(?:that\s+year|the\s+same\s+year|(?:over|during|in|throughout)\s+the\s+course\s+of\s+the\s+year|(?:over|during|throughout)\s+the\s+year)\b",
            |_, _| Some((Spec::Context { months: 0, days: 0 }, Unit::Span)),
        ),
        // the following month, two months later: after the period the text
        // is about ("the next month" is left out: news uses it for what is
        // to come)
        rule(
            r"\b(?:the\s+(?:following|subsequent)\s+(?P<u1>month|year)|(?P<n>{COUNT})\s+(?P<u2>months?|years?)\s+later)\b",
            |c, _| {
                let months = counted_months(c, c.name("u1").or(c.name("u2"))?.as_str())?;
                Some((
                    Spec::context_months(i32::try_from(months).ok()?),
                    Unit::Span,
                ))
            },
        ),
        // today, yesterday, last night, overnight, this morning, "the night
        // was hard" (a governor's morning post); the hours of
        // a day reported on, "from 20:00 to 23:59 Moscow time", "between 7
        // a.m. and 9 a.m.", "since midnight" (with a colon or a.m./p.m.:
        // "from 22.11 to 28.11" may be days)
        rule(
            r"\b(?:the\s+day\s+before\s+yesterday|the\s+(?:previous|preceding)\s+day|the\s+day\s+before|(?:earlier\s+)?today|yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|overnight|tonight|this\s+(?:morning|afternoon|evening)|(?:over|during)\s+the\s+(?:past|last)\s+night|during\s+the\s+(?:night|day)|at\s+night|the\s+night\s+(?:was|passed|has\s+passed)|(?:over|in)\s+the\s+course\s+of\s+the\s+day|(?:from|between)\s+(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})\s*(?:to|and|until|till|-|–)\s*(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})(?:\s+(?:moscow|kyiv|local)\s+time)?|since\s+(?:midnight|\d{1,2}\s*[ap]\.?m\.?|\d{1,2}:\d{2}))\b",
            |c, ctx| {
                let words = c.get(0)?.as_str().to_lowercase();
                let back = if words.ends_with("before yesterday") {
                    2
                } else if words.starts_with("yesterday")
                    || words.contains("previous")
                    || words.contains("preceding")
                    || words.ends_with("day before")
                {
                    1
                } else {
                    0
                };
                ctx.anchored(|anchor| {
                    anchor
                        .checked_sub_days(Days::new(back))
                        .map(|d| Spec::Fixed(Period::day(d)))
                })
                .map(|s| (s, Unit::Day))
            },
        ),
        // on Christmas Day, Christmas Eve 2024, New Year's night, Orthodox
        // Easter: the last one on or before the anchor, unless a year is given
        rule(
            r"\b(?P<o>orthodox\s+|western\s+|catholic\s+)?(?P<h>christmas|easter|new\s+year['’]?s)(?:\s+(?P<part>eve|day|morning|night|sunday))?(?:,?\s+(?P<y>{YEAR}))?\b",
            holiday,
        ),
        // on the eve of the full-scale invasion: the day before it
        rule(
            r"\b(?:on\s+)?the\s+eve\s+of\s+(?:the\s+|russia's\s+)?(?:full[-\s]scale\s+)?(?:russian\s+)?(?:invasion|war)\b",
            |_, _| {
                Some((
                    Spec::Fixed(Period::day(invasion_day()?.pred_opt()?)),
                    Unit::Day,
                ))
            },
        ),
        // now (only as the end of a range: "between January and now")
        rule(r"\bnow\b", |_, ctx| {
            if !["to", "and", "until", "till", "through"].contains(&ctx.prev_word().as_ref()) {
                return None;
            }
            ctx.anchored(|anchor| Some(Spec::Fixed(Period::day(anchor))))
                .map(|s| (s, Unit::Day))
        }),
        // on Monday, last Friday, Tuesday night, overnight into Tuesday
        rule(
            r"\b(?:(?P<over>overnight\s+(?:into|on|to)\s+)|(?P<which>last|this|previous)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
            |c, _| {
                let day = weekday(c.name("wd")?.as_str())?;
                let last_week = c.name("which").is_some_and(|w| {
                    w.as_str().eq_ignore_ascii_case("last")
                        || w.as_str().eq_ignore_ascii_case("previous")
                });
                Some((Spec::Weekday { day, last_week }, Unit::Day))
            },
        ),
        // Monday 13th, Friday the 11th
        rule(
            r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+(?:the\s+(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b",
            |c, _| {
                let name = c.name("wd")?.as_str();
                if name.len() <= 5 && !name.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                    return None;
                }
                let day = weekday(name)?;
                let day_of_month = num(c, "d1").or_else(|| num(c, "d2"))?;
                Some((Spec::WeekdayAndDay { day, day_of_month }, Unit::Day))
            },
        ),
        // Tuesday of last week, on Monday last week
        rule(
            r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of\s+)?(?P<which>last|this|the\s+previous)\s+week\b",
            |c, ctx| {
                let day = weekday(c.name("wd")?.as_str())?;
                let back_weeks = if c.name("which")?.as_str().eq_ignore_ascii_case("this") {
                    0
                } else {
                    7
                };
                ctx.anchored(|anchor| {
                    let monday = anchor.checked_sub_days(Days::new(
                        u64::from(anchor.weekday().num_days_from_monday()) + back_weeks,
                    ))?;
                    monday
                        .checked_add_days(Days::new(u64::from(day.num_days_from_monday())))
                        .map(|d| Spec::Fixed(Period::day(d)))
                })
                .map(|s| (s, Unit::Day))
            },
        ),
        // "in the 24 hours to 8 a.m.": the day of the report
        rule(
            r"\bthe\s+(?:past\s+|last\s+)?(?:24|twenty-four)\s+hours\s+(?:to|until|till|through)\b",
            the_day_of_writing,
        ),
        // last weekend, this weekend, over the weekend
        rule(r"\b(?P<which>last|this|the|past)\s+weekend\b", |c, ctx| {
            let which = c.name("which")?.as_str().to_lowercase();
            // "at the weekend" is British for "over the weekend".
            if which == "the" && !ctx.has_time_cue() && ctx.prev_word() != "at" {
                return None;
            }
            ctx.anchored(|anchor| {
                let from_monday = anchor.weekday().num_days_from_monday();
                let saturday = if from_monday >= 5 && which != "last" {
                    anchor.checked_sub_days(Days::new(u64::from(from_monday - 5)))?
                } else {
                    anchor.checked_sub_days(Days::new(u64::from(from_monday + 2)))?
                };
                let sunday = saturday.checked_add_days(Days::new(1))?.min(anchor);
                Some(Spec::Fixed(Period::new(saturday, sunday)))
            })
            .map(|s| (s, Unit::Span))
        }),
        // on the 18th
        rule(r"\bthe\s+(?P<d>{DAY})", |c, ctx| {
            let text = c.get(0)?.as_str();
            if !text.ends_with(|ch: char| ch.is_ascii_alphabetic()) {
                return None;
            }
            if !["on", "since", "from", "until", "till", "by"].contains(&ctx.prev_word().as_ref()) {
                return None;
            }
            let rest = &ctx.text[ctx.end..];
            if rest
                .trim_start()
                .starts_with(|ch: char| ch.is_alphanumeric())
            {
                return None;
            }
            Some((Spec::DayOfMonth(num(c, "d")?), Unit::Day))
        }),
    ]
});

/// All rule patterns in one automaton: one pass over the text says which
/// rules can match at all, and only those run with captures.
static RULE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(RULES.iter().map(|rule| rule.pattern.as_str())).expect("time patterns are valid")
});

fn find_atoms(text: &str, anchor: Option<NaiveDate>) -> Vec<Atom> {
    let mut candidates = Vec::new();
    for index in RULE_SET.matches(text).iter() {
        let Some(rule) = RULES.get(index) else {
            continue;
        };
        for caps in rule.pattern.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let ctx = Context {
                text,
                anchor,
                start: whole.start(),
                end: whole.end(),
            };
            if FORWARD_WORDS.contains(&ctx.prev_word().as_ref())
                || ends_inside_word(text, ctx.end)
                || ends_inside_number(text, ctx.end)
            {
                continue;
            }
            if let Some((spec, unit)) = (rule.resolve)(&caps, &ctx) {
                candidates.push(Atom {
                    start: whole.start(),
                    end: whole.end(),
                    spec,
                    unit,
                });
            }
        }
    }
    select_longest(candidates)
}

/// A holiday (group `h`, with an `o` "Orthodox", a `part` "eve" or "morning"
/// and a year `y`, each optional) as the day it fell on.
fn holiday(c: &Captures, ctx: &Context) -> Option<(Spec, Unit)> {
    let holiday = c.name("h")?.as_str().to_ascii_lowercase();
    let part = c.name("part").map(|p| p.as_str().to_ascii_lowercase());
    let orthodox = c
        .name("o")
        .is_some_and(|o| o.as_str().to_ascii_lowercase().starts_with("orthodox"));
    let new_year = holiday.starts_with("new");
    let eve = part.as_deref() == Some("eve");
    // "New Year's" needs its day ("New Year's resolutions"); a bare
    // "Christmas" or "Easter" its preposition ("a Christmas tree").
    let cued = [
        "on", "at", "over", "since", "until", "till", "before", "after", "by",
    ]
    .contains(&ctx.prev_word().as_ref());
    if (new_year && part.is_none()) || (part.is_none() && !cued) {
        return None;
    }
    let day_in = |year: i32| -> Option<NaiveDate> {
        // (New Year's Eve is the last day of the year it is named in.)
        if new_year && eve {
            return date(year, 12, 31);
        }
        let day = match (holiday.as_str(), orthodox) {
            _ if new_year => date(year, 1, 1),
            ("christmas", true) => date(year, 1, 7),
            ("christmas", false) => date(year, 12, 25),
            (_, orthodox) => easter_sunday(year, orthodox),
        }?;
        if eve {
            day.pred_opt()
        } else {
            Some(day)
        }
    };
    let spec = match c.name("y") {
        Some(year) => Spec::Fixed(Period::day(day_in(parse_year(year.as_str())?)?)),
        None => ctx.anchored(|anchor| {
            let this_year = day_in(anchor.year())?;
            let day = if this_year <= anchor {
                this_year
            } else {
                day_in(anchor.year() - 1)?
            };
            Some(Spec::Fixed(Period::day(day)))
        })?,
    };
    Some((spec, Unit::Day))
}

/// Easter Sunday of `year`, in the Gregorian calendar: the Western date
/// (the anonymous Gregorian computus), or the Orthodox one (the Julian
/// computus, 13 days on from 1900 to 2099).
fn easter_sunday(year: i32, orthodox: bool) -> Option<NaiveDate> {
    if orthodox {
        let (a, b, c) = (year % 4, year % 7, year % 19);
        let d = (19 * c + 15) % 30;
        let e = (2 * a + 4 * b - d + 34) % 7;
        let month = (d + e + 114) / 31;
        let day = (d + e + 114) % 31 + 1;
        let julian = date(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
        return julian.checked_add_days(Days::new(13));
    }
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Words before an expression that point it to the future or make it a set.
const FORWARD_WORDS: &[&str] = &[
    "next",
    "coming",
    "following",
    "upcoming",
    "every",
    "each",
    "per",
    "tomorrow",
];

/// "overnight on 6–7 May", "overnight into 7 May": the date says which
/// night; "overnight" and the date are one time, which starts at
/// "overnight". So does the day of a window of hours: "between 20:00 and
/// 23:50 Moscow time on Monday".
fn join_overnight_dates(text: &str, atoms: Vec<Atom>) -> Vec<Atom> {
    let mut joined: Vec<Atom> = Vec::with_capacity(atoms.len());
    for atom in atoms {
        // (Atoms may still overlap here: only one after another are joined.)
        if let Some(overnight) = joined.last().filter(|last| last.end <= atom.start) {
            let said = &text[overnight.start..overnight.end];
            let gap = &text[overnight.end..atom.start];
            let dated = matches!(atom.spec, Spec::Fixed(_) | Spec::Yearless { .. });
            let hours = ["between ", "from "].iter().any(|opening| {
                said.get(..opening.len())
                    .is_some_and(|lead| lead.eq_ignore_ascii_case(opening))
            }) && said.bytes().any(|byte| byte.is_ascii_digit());
            let a_day = atom.unit == Unit::Day;
            if (dated && said.eq_ignore_ascii_case("overnight") || hours && a_day)
                && matches!(gap.trim().to_ascii_lowercase().as_str(), "on" | "into")
            {
                let start = overnight.start;
                joined.pop();
                joined.push(Atom { start, ..atom });
                continue;
            }
        }
        joined.push(atom);
    }
    joined
}

/// "Four years after the full-scale invasion began on 24 February 2022":
/// the day that many units after the event's, not the event's.
fn counted_after_an_event(text: &str, mut atoms: Vec<Atom>) -> Vec<Atom> {
    static COUNTED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(?P<n>{COUNT})\s+(?P<u>years?|months?|weeks?|days?)\s+after\b"
        ))
        .expect("valid pattern")
    });
    if !text.contains("after") && !text.contains("After") {
        return atoms;
    }
    for atom in &mut atoms {
        let Spec::Fixed(day) = atom.spec else {
            continue;
        };
        if day.days() != 1 {
            continue;
        }
        // (Within the clause of the date, and the event's start named
        // right before it.)
        let lead_start = text[..atom.start]
            .rfind([',', ';', '.'])
            .map_or(0, |at| at + 1);
        let lead = &text[lead_start..atom.start];
        // (Most dates have no "after" in their clause: the cheap look first.)
        if !lead.contains("after") && !lead.contains("After") {
            continue;
        }
        // ("Three years after tanks rolled across the border on February
        // 24, 2022": any event, told with the day it happened on.)
        let event_named = crate::text::ends_with_any_word(lead, &["on", "began in", "started in"]);
        if !event_named {
            continue;
        }
        let Some(found) = COUNTED_AFTER.captures_iter(lead).last() else {
            continue;
        };
        let (Some(whole), Some(count), Some(unit)) =
            (found.get(0), found.name("n"), found.name("u"))
        else {
            continue;
        };
        let Some(count) = count_value(count.as_str()) else {
            continue;
        };
        let unit = unit.as_str().to_ascii_lowercase();
        let later = if unit.starts_with("year") {
            day.start.checked_add_months(Months::new(12 * count))
        } else if unit.starts_with("month") {
            day.start.checked_add_months(Months::new(count))
        } else if unit.starts_with("week") {
            day.start.checked_add_days(Days::new(7 * u64::from(count)))
        } else {
            day.start.checked_add_days(Days::new(u64::from(count)))
        };
        if let Some(later) = later {
            atom.start = lead_start + whole.start();
            atom.spec = Spec::Fixed(Period::day(later));
        }
    }
    atoms
}

/// Times restated right after them, one expression over both. "The past
/// week (Jun 2–8)", "last month (October)": the period in brackets says
/// exactly which, and its meaning is kept. "on Aug. 12, six days later,":
/// an offset from the time before, right after a date, keeps the date's.
/// `atoms` are in text order.
fn take_restatements(text: &str, atoms: Vec<Atom>) -> Vec<Atom> {
    let mut taken: Vec<Atom> = Vec::with_capacity(atoms.len());
    for atom in atoms {
        if let Some(restated) = taken.last_mut() {
            // (Atoms may still overlap here; only one after another count.)
            let gap = text.get(restated.end..atom.start);
            let opens_brackets = gap.is_some_and(|gap| gap.trim_start() == "(");
            if opens_brackets && text[atom.end..].starts_with(')') {
                *restated = Atom {
                    start: restated.start,
                    end: atom.end + 1,
                    ..atom
                };
                continue;
            }
            let after_a_comma = gap.is_some_and(|gap| gap.trim() == ",");
            if after_a_comma && atom.spec.is_context() && !restated.spec.is_context() {
                restated.end = atom.end;
                continue;
            }
        }
        taken.push(atom);
    }
    taken
}

/// Keeps the longest of overlapping candidates (the earliest on ties), in text order.
fn select_longest(mut candidates: Vec<Atom>) -> Vec<Atom> {
    candidates.sort_by_key(|atom| (std::cmp::Reverse(atom.end - atom.start), atom.start));
    let mut chosen: Vec<Atom> = Vec::new();
    for atom in candidates {
        if chosen
            .iter()
            .all(|other| atom.end <= other.start || other.end <= atom.start)
        {
            chosen.push(atom);
        }
    }
    chosen.sort_by_key(|atom| atom.start);
    chosen
}

/// "two months", "a year", "3 years": the months in the count (group `n`,
/// one when absent) of `unit` (months or years).
fn counted_months(caps: &Captures, unit: &str) -> Option<u32> {
    let count = match caps.name("n") {
        Some(n) => count_value(n.as_str())?,
        None => 1,
    };
    let in_months = unit
        .get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("month"));
    Some(if in_months { count } else { count * 12 })
}

fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    let text = caps.name(name)?.as_str();
    if text.starts_with(['\'', '’']) {
        return parse_year(text)?.to_string().parse().ok();
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse().ok()
}

/// A year as [`YEAR`] matches it: "2025", or "'25" (2025; "'98" is 1998).
fn parse_year(text: &str) -> Option<i32> {
    match text.strip_prefix(['\'', '’']) {
        Some(short) => {
            let short: i32 = short.parse().ok()?;
            Some(if short < 70 {
                2000 + short
            } else {
                1900 + short
            })
        }
        None => text.parse().ok(),
    }
}

/// The months, in lower case.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week, in lower case.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let position = MONTH_NAMES.iter().position(|name| {
        name.starts_with(lower.as_str()) && (lower.len() == name.len() || lower.len() <= 4)
    })?;
    Some(position as u32 + 1)
}

/// Whether a month word is a month here: "May" and "March" are also verbs, and
/// abbreviations are also other words, so those need a capital letter and a
/// date or a preposition around them.
fn month_word_ok(word: &str, has_day_or_year: bool, has_cue: bool) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    match lower.as_str() {
        "may" | "march" | "mar" => capitalised && (has_day_or_year || has_cue),
        "august" => capitalised || has_day_or_year || has_cue,
        "jan" | "feb" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" => {
            has_day_or_year || has_cue
        }
        _ => true,
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    word.to_ascii_lowercase().parse().ok()
}

fn count_value(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if let Ok(n) = lower.parse() {
        return Some(n);
    }
    let value = match lower.split_whitespace().next()? {
        "a" | "an" | "one" => 1,
        "two" | "couple" => 2,
        "three" | "few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
    };
    Some(value)
}

/// A day of the month as written: "7", "7th", "the seventh".
fn day_value(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    let word = lower
        .strip_prefix("the")
        .map_or(lower.as_str(), str::trim_start);
    match word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
    {
        Ok(day) if word.starts_with(|c: char| c.is_ascii_digit()) => Some(day),
        _ => ordinal_value(word),
    }
}

/// A rule's reading that is the day of writing itself.
fn the_day_of_writing(_: &Captures, ctx: &Context) -> Option<(Spec, Unit)> {
    ctx.anchored(|anchor| Some(Spec::Fixed(Period::day(anchor))))
        .map(|spec| (spec, Unit::Day))
}

/// "first" → 1 … "thirty-first" → 31.
fn ordinal_value(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let lower = word.to_ascii_lowercase().replace(['-', ' '], "");
    let value = match lower.as_str() {
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            let (tens, rest) = match lower.strip_prefix("twenty") {
                Some(rest) => (20, rest),
                None => match lower.strip_prefix("thirty") {
                    Some(rest) => (30, rest),
                    None => (0, lower.as_str()),
                },
            };
            tens + ORDINALS.iter().position(|o| *o == rest)? as u32 + 1
        }
    };
    (1..=31).contains(&value).then_some(value)
}

fn unit_of(word: &str) -> Unit {
    match word {
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

fn month_day(c: &Captures, ctx: &Context) -> Option<(Spec, Unit)> {
    let word = c.name("m")?.as_str();
    let month = month_number(word)?;
    let day: u32 = match c.name("dw") {
        Some(ordinal) => {
            // "November second-largest" is not a date.
            if ctx.text[ctx.end..].starts_with('-') {
                return None;
            }
            ordinal_value(ordinal.as_str())?
        }
        None => num(c, "d")?,
    };
    if !month_word_ok(word, true, ctx.has_time_cue()) {
        return None;
    }
    let spec = match c.name("y").or(c.name("y2")) {
        Some(year) => Spec::Fixed(Period::day(date(parse_year(year.as_str())?, month, day)?)),
        None => {
            // Validate the day against a leap year so "29 February" stays possible.
            date(2024, month, day)?;
            Spec::Yearless {
                from: (month, day as i32),
                to: (month, day as i32),
            }
        }
    };
    Some((spec, Unit::Day))
}

fn day_range(c: &Captures, ctx: &Context) -> Option<(Spec, Unit)> {
    let word = c.name("m")?.as_str();
    let month = month_number(word)?;
    if !month_word_ok(word, true, ctx.has_time_cue()) {
        return None;
    }
    let first = day_value(c.name("d1")?.as_str())?;
    let last = day_value(c.name("d2")?.as_str())?;
    if first >= last {
        return None;
    }
    let spec = match c.name("y") {
        Some(year) => {
            let year = parse_year(year.as_str())?;
            Spec::Fixed(Period::new(
                date(year, month, first)?,
                date(year, month, last)?,
            ))
        }
        None => {
            date(2024, month, last)?;
            Spec::Yearless {
                from: (month, first as i32),
                to: (month, last as i32),
            }
        }
    };
    Some((spec, Unit::Span))
}

/// "Q3 2024", "H1 2025", "the second quarter": `kind` is `q` or `h`.
fn quarter_or_half(kind: &str, n: u32, year: Option<regex::Match>) -> Option<(Spec, Unit)> {
    let (from, to) = match kind {
        "q" if (1..=4).contains(&n) => (n * 3 - 2, n * 3),
        // "H2" alone is too often something else (a hydrogen, a heading).
        "h" if (1..=2).contains(&n) && year.is_some() => (n * 6 - 5, n * 6),
        _ => return None,
    };
    months_of_year(from, to, year)
}

/// Months `from` to `to` of `year`, whole.
fn months_of(year: i32, from: u32, to: u32) -> Option<Period> {
    Some(Period::new(
        date(year, from, 1)?,
        last_day_of_month(year, to)?,
    ))
}

/// Months `from` to `to` of `year`, or of the year the anchor says when no
/// year is given: a quarter or a half.
fn months_of_year(from: u32, to: u32, year: Option<regex::Match>) -> Option<(Spec, Unit)> {
    let spec = match year {
        Some(year) => Spec::Fixed(months_of(parse_year(year.as_str())?, from, to)?),
        None => Spec::Yearless {
            from: (from, 1),
            to: (to, 0),
        },
    };
    Some((spec, Unit::Quarter))
}

/// "last month" (the calendar month), "the past week" (a rolling window
/// ending on the publication date), "previous 3 weeks".
fn rolling_or_calendar(c: &Captures, ctx: &Context) -> Option<(Spec, Unit)> {
    if ctx.text[ctx.end..]
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("of ")
    {
        // "the last week of July" is a part of July, not a rolling week.
        return None;
    }
    let which = c.name("w")?.as_str().to_lowercase();
    let unit_word = c.name("u")?.as_str().to_lowercase();
    let plural = unit_word.ends_with('s');
    let has_the = c.name("the").is_some();
    let count = match c.name("n") {
        Some(n) => Some(count_value(n.as_str())?),
        None => None,
    };
    // "the past 24h", "last 7d": shorthand units, after a count only.
    let unit = match unit_word.trim_end_matches('s') {
        "h" | "hr" if count.is_some() => "hour".to_string(),
        "d" if count.is_some() => "day".to_string(),
        "h" | "hr" | "d" => return None,
        unit => unit.to_string(),
    };
    if count.is_none() {
        if plural {
            // "recent weeks", "the past months": no definite length.
            return None;
        }
        if which == "last" && !has_the && matches!(unit.as_str(), "week" | "month" | "year") {
            return ctx
                .anchored(|anchor| last_calendar_unit(&unit, anchor))
                .map(|s| (s, unit_of(&unit)));
        }
        if matches!(which.as_str(), "previous" | "preceding" | "prior") {
            return match unit.as_str() {
                "month" => Some((Spec::context_months(-1), Unit::Span)),
                "year" => Some((Spec::context_months(-12), Unit::Span)),
                // ("The previous week, the air force had counted 1,270
                // drones": the week before the one the text is about.)
                "week" if has_the => Some((
                    Spec::Context {
                        months: 0,
                        days: -7,
                    },
                    Unit::Span,
                )),
                _ => None,
            };
        }
        if which == "recent" {
            return None;
        }
    }
    // "the previous three months": before the period the text is about.
    if let (Some(months), true) = (
        count,
        matches!(which.as_str(), "previous" | "preceding" | "prior"),
    ) {
        if unit == "month" && months > 1 {
            return Some((Spec::BeforeContext { months }, Unit::Span));
        }
    }
    // ("Over the past day, the enemy attacked the Kharkiv region with 12
    // UAVs", in a morning report: the day before it, as the General Staff
    // counts "the past day"; "the past 24 hours" run to the report.)
    // ("Over the past week, the enemy launched almost 1,300 drones", said on
    // a Monday: the week that ended the day before, Monday to Sunday.)
    if count.is_none() && which == "past" && unit == "week" && !plural {
        let ended_yesterday = ctx.anchored(|anchor| {
            (anchor.weekday() == Weekday::Mon).then(|| {
                Some(Spec::Fixed(Period::new(
                    anchor.checked_sub_days(Days::new(7))?,
                    anchor.pred_opt()?,
                )))
            })?
        });
        if let Some(spec) = ended_yesterday {
            return Some((spec, Unit::Span));
        }
    }
    if count.is_none() && which == "past" && unit == "day" && !plural {
        return ctx
            .anchored(|anchor| Some(Spec::Fixed(Period::day(anchor.pred_opt()?))))
            .map(|spec| (spec, Unit::Day));
    }
    let count = count.unwrap_or(1).max(1);
    if unit == "quarter" {
        // Quarters are reported whole: the last N complete quarters.
        return ctx
            .anchored(|anchor| {
                let current = anchor.year() * 4 + (anchor.month0() / 3) as i32;
                let first = current - count as i32;
                let start = date(first.div_euclid(4), first.rem_euclid(4) as u32 * 3 + 1, 1)?;
                let this_quarter = date(anchor.year(), (anchor.month0() / 3) * 3 + 1, 1)?;
                Some(Spec::Fixed(Period::new(start, this_quarter.pred_opt()?)))
            })
            .map(|s| (s, Unit::Span));
    }
    ctx.anchored(|anchor| {
        let start = match unit.as_str() {
            "hour" => anchor.checked_sub_days(Days::new(u64::from(count.div_ceil(24)) - 1))?,
            "day" => anchor.checked_sub_days(Days::new(u64::from(count) - 1))?,
            "week" => anchor.checked_sub_days(Days::new(u64::from(count) * 7 - 1))?,
            "fortnight" => anchor.checked_sub_days(Days::new(u64::from(count) * 14 - 1))?,
            "month" if count == 1 => anchor.checked_sub_days(Days::new(29))?,
            "month" => anchor
                .checked_sub_months(Months::new(count))?
                .checked_add_days(Days::new(1))?,
            _ => anchor
                .checked_sub_months(Months::new(count * 12))?
                .checked_add_days(Days::new(1))?,
        };
        Some(Spec::Fixed(Period::new(start, anchor)))
    })
    .map(|s| (s, Unit::Span))
}

fn last_calendar_unit(unit: &str, anchor: NaiveDate) -> Option<Spec> {
    match unit {
        "week" => {
            let monday = anchor.checked_sub_days(Days::new(
                u64::from(anchor.weekday().num_days_from_monday()) + 7,
            ))?;
            Some(Spec::Fixed(Period::new(
                monday,
                monday.checked_add_days(Days::new(6))?,
            )))
        }
        "month" => {
            let previous = anchor.checked_sub_months(Months::new(1))?;
            month_period(previous.year(), previous.month())
        }
        _ => fixed(Period::year(anchor.year() - 1)),
    }
}

/// "this week" (Monday to the publication date), "this month", "this year";
/// with `to_date`, the period stops at the publication date.
fn this_unit(unit: &str, anchor: NaiveDate, to_date: bool) -> Option<Spec> {
    let period = match unit {
        "week" => {
            let monday = anchor.checked_sub_days(Days::new(u64::from(
                anchor.weekday().num_days_from_monday(),
            )))?;
            return Some(Spec::Fixed(Period::new(monday, anchor)));
        }
        "month" => Period::month(anchor.year(), anchor.month())?,
        _ => Period::year(anchor.year())?,
    };
    if to_date {
        Some(Spec::Fixed(Period::new(period.start, anchor)))
    } else {
        Some(Spec::Fixed(period))
    }
}

/// A bare four-digit year counts as a year when a preposition or a part word
/// precedes it, or when it ends a clause; "2024 drones" is a count.
fn bare_year_is_time(ctx: &Context) -> bool {
    if preceded_by_digit_group(ctx.text, ctx.start) || followed_by_digit_group(ctx.text, ctx.end) {
        return false;
    }
    let rest = &ctx.text[ctx.end..];
    if rest.trim_start().starts_with('%') {
        return false;
    }
    let prev = ctx.prev_word();
    if [
        "in",
        "during",
        "since",
        "throughout",
        "until",
        "till",
        "early",
        "late",
        "mid",
        "year",
    ]
    .contains(&prev.as_ref())
        || PART_TAIL.is_match(tail(ctx.text, ctx.start, 48))
    {
        return true;
    }
    // "over the whole of 2025", "in all of 2024", "in the course of 2023"
    if prev == "of" {
        let lead = tail(ctx.text, ctx.start, 16).to_ascii_lowercase();
        if ["whole of ", "all of ", "course of "]
            .iter()
            .any(|phrase| lead.trim_start().ends_with(phrase) || lead.ends_with(phrase))
        {
            return true;
        }
    }
    let next_word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let ends_clause = rest.trim_start().is_empty()
        || rest.starts_with(|c: char| ",.;:)!?]\"'’".contains(c))
        || rest.starts_with(" -")
        || rest.starts_with(" –");
    let function_word_follows = [
        "and",
        "to",
        "through",
        "until",
        "when",
        "while",
        "as",
        "the",
        "was",
        "were",
        "had",
        "has",
        "have",
        "in",
        "on",
        "at",
        "compared",
        "against",
        "versus",
        "vs",
        "before",
        "after",
        "but",
        "or",
        "alone",
        "saw",
        "with",
        "for",
        "amid",
        "during",
        "respectively",
        "than",
        "is",
    ]
    .contains(&next_word.as_str());
    // "the 2023 figure of 565 sq km": the year of a figure named after it.
    if prev == "the"
        && matches!(
            next_word.as_str(),
            "figure" | "total" | "tally" | "count" | "level" | "number"
        )
    {
        return true;
    }
    if TIME_CUES.contains(&prev.as_ref()) {
        return ends_clause || function_word_follows;
    }
    ends_clause
        && !prev.is_empty()
        && prev.chars().all(|c| c.is_alphabetic())
        && !matches!(
            prev.as_ref(),
            "about" | "around" | "nearly" | "some" | "over" | "than" | "least" | "total"
        )
}

/// The lower-case word just before `pos`, skipping spaces and a hyphen ("mid-").
fn prev_word(text: &str, pos: usize) -> Cow<'_, str> {
    let before = text.get(..pos).unwrap_or("");
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'')
        .last()
        .map_or(before.len(), |(at, _)| at);
    let word = &before[start..];
    // Most words before a time are already in lower case: no copy for them.
    if word
        .bytes()
        .all(|byte| !byte.is_ascii_uppercase() && byte.is_ascii())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Up to `max` bytes of `text` before `pos`, cut at a character boundary.
fn tail(text: &str, pos: usize, max: usize) -> &str {
    let mut from = pos.saturating_sub(max);
    while from < pos && !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..pos).unwrap_or("")
}

/// "Nov-Feb 2017": a month that opens a range of months.
fn starts_month_range(text: &str, end: usize) -> bool {
    static DASH_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^\s*[-–—]\s*{MONTH}")).expect("valid pattern"));
    text.get(end..)
        .is_some_and(|rest| DASH_MONTH.is_match(rest))
}

/// A plural noun right after a number makes the number a count: "14 drones".
fn counted_noun_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.len() > 3
        && word.chars().all(|c| c.is_lowercase())
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !matches!(
            word.as_str(),
            "this" | "thus" | "alongside" | "whereas" | "besides"
        )
}

/// "Jan" in "Janet": the match stops in the middle of a word.
fn ends_inside_word(text: &str, end: usize) -> bool {
    let before = text.get(..end).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
}

/// "from 18.6% on January 1 to 19.3%": a match whose last digit goes on as
/// a decimal or a share ends inside a number, not a day.
fn ends_inside_number(text: &str, end: usize) -> bool {
    let ends_with_digit = text.as_bytes()[..end]
        .last()
        .is_some_and(u8::is_ascii_digit);
    let after = &text.as_bytes()[end..];
    ends_with_digit
        && match after {
            [b'%', ..] => true,
            [b'.', digit, ..] => digit.is_ascii_digit(),
            _ => false,
        }
}

/// "$12 December": a sum of money, not a day.
fn preceded_by_currency(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .unwrap_or("")
        .trim_end()
        .ends_with(['$', '€', '£', '₴'])
}

/// "5,2024" or "1.2024": the match continues a number.
fn preceded_by_digit_group(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").as_bytes();
    match before {
        [.., d, b',' | b'.' | b'/' | b'-'] if d.is_ascii_digit() => true,
        [.., d] if d.is_ascii_digit() => true,
        _ => false,
    }
}

/// "2024,5" or "2024-05-…": the match runs on into more digits.
fn followed_by_digit_group(text: &str, pos: usize) -> bool {
    let after = text.get(pos..).unwrap_or("").as_bytes();
    match after {
        [b',' | b'.' | b'/' | b'-' | b':', d, ..] if d.is_ascii_digit() => true,
        [d, ..] if d.is_ascii_digit() => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Stage 2: composite expressions.

/// "November last year", "Q3 this year", "November of 2024" when the year
/// came as its own expression.
fn attach_years(text: &str, atoms: Vec<Atom>) -> Vec<Atom> {
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:,|of|in)?\s*$").expect("valid pattern"));
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    let mut iter = atoms.into_iter().peekable();
    while let Some(atom) = iter.next() {
        if let (Spec::Yearless { from, to }, Some(next)) = (atom.spec, iter.peek()) {
            if let (Unit::Year, Spec::Fixed(year)) = (next.unit, next.spec) {
                if year.is_year() && GAP.is_match(&text[atom.end..next.start]) {
                    if let Some(period) = yearless_in(from, to, year.start.year()) {
                        out.push(Atom {
                            start: atom.start,
                            end: next.end,
                            spec: Spec::Fixed(period),
                            unit: atom.unit,
                        });
                        iter.next();
                        continue;
                    }
                }
            }
            if let (Unit::Year, Spec::Unresolved) = (next.unit, next.spec) {
                if GAP.is_match(&text[atom.end..next.start]) {
                    out.push(Atom {
                        start: atom.start,
                        end: next.end,
                        spec: Spec::Unresolved,
                        unit: atom.unit,
                    });
                    iter.next();
                    continue;
                }
            }
        }
        out.push(atom);
    }
    out
}

/// "In 2024, Russia launched 500 drones on March 5": a date with no year,
/// after the whole year the text opens with, is in that year (not the
/// latest March 5 before the anchor).
fn date_in_the_leading_year(text: &str, mut atoms: Vec<Atom>) -> Vec<Atom> {
    let is_whole_year = |atom: &Atom| matches!((atom.unit, atom.spec), (Unit::Year, Spec::Fixed(year)) if year.is_year());
    let mut years = atoms.iter().filter(|atom| is_whole_year(atom));
    let (Some(leading), None) = (years.next(), years.next()) else {
        return atoms;
    };
    let lead = text[..leading.start].trim().to_ascii_lowercase();
    if !matches!(
        lead.as_str(),
        "" | "in" | "over" | "during" | "throughout" | "across" | "in all of" | "over all of"
    ) {
        return atoms;
    }
    let (Spec::Fixed(year), leading_end) = (leading.spec, leading.end) else {
        return atoms;
    };
    for atom in atoms.iter_mut().filter(|atom| atom.start >= leading_end) {
        if let Spec::Yearless { from, to } = atom.spec {
            if let Some(period) = yearless_in(from, to, year.start.year()) {
                atom.spec = Spec::Fixed(period);
            }
        }
    }
    atoms
}

/// "1,157 km² in the first quarter of 2025, 1,629 km² in the second and
/// 1,480 km² in the third": an ordinal alone, after a quarter or a half of a
/// year, is that quarter or half of the same year.
fn elliptical_quarters(text: &str, mut atoms: Vec<Atom>) -> Vec<Atom> {
    static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:in|for|during|over)\s+the\s+(second|third|fourth|last|final)(?-u:\b)",
        )
        .expect("valid pattern")
    });
    // How many such parts its year has, when `period` is a quarter or a
    // half. (A half may come as a part of its year: "the first half of
    // 2025".)
    let parts_of_its_year = |period: Period| {
        let whole_months = period.start.day() == 1
            && period.end.succ_opt().is_some_and(|next| next.day() == 1)
            && period.start.year() == period.end.year();
        let months = (period.end.month() + 1).checked_sub(period.start.month())?;
        match months {
            3 | 6 if whole_months && period.start.month0().is_multiple_of(months) => {
                Some(12 / months)
            }
            _ => None,
        }
    };
    let Some((named_end, parts, year)) = atoms.iter().find_map(|atom| match atom.spec {
        Spec::Fixed(period) => Some((atom.end, parts_of_its_year(period)?, period.start.year())),
        _ => None,
    }) else {
        return atoms;
    };
    let mut found = Vec::new();
    for caps in ORDINAL.captures_iter(&text[named_end..]) {
        let (Some(whole), Some(ordinal)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let (start, end) = (named_end + whole.start(), named_end + whole.end());
        // ("in the third round": the ordinal of something else.)
        let next = crate::text::next_words(&text[end..], 1);
        let stands_alone = next
            .first()
            .is_none_or(|word| matches!(&**word, "and" | "or" | "while" | "when" | "with" | "but"));
        let taken = atoms
            .iter()
            .any(|atom| atom.start < end && start < atom.end);
        let n = match ordinal.as_str().to_ascii_lowercase().as_str() {
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            _ => parts,
        };
        if !stands_alone || taken || n > parts {
            continue;
        }
        let length = 12 / parts;
        let first_month = (n - 1) * length + 1;
        let Some(period) = months_of(year, first_month, first_month + length - 1) else {
            continue;
        };
        found.push(Atom {
            start,
            end,
            spec: Spec::Fixed(period),
            unit: Unit::Quarter,
        });
    }
    if !found.is_empty() {
        atoms.extend(found);
        atoms.sort_by_key(|atom| atom.start);
    }
    atoms
}

/// "from 18.6% on 1 January to 19.3% on 31 December", written on 2
/// January: the date after "from" comes before the one after "to", so a
/// date with no year is the last one on or before the later date, not
/// before the anchor.
fn from_before_to(text: &str, mut atoms: Vec<Atom>, anchor: Option<NaiveDate>) -> Vec<Atom> {
    for later in 1..atoms.len() {
        let (head, tail) = atoms.split_at_mut(later);
        let (from, to) = (&mut head[later - 1], &tail[0]);
        let (Spec::Yearless { .. }, true) = (from.spec, from.end <= to.start) else {
            continue;
        };
        // (Close on both sides: "From October through December, …, according
        // to a tally" joins nothing. Two times with only "to" between are
        // one range: `join_ranges` reads them.)
        let gap = &text[from.end..to.start];
        let lead =
            &text[crate::text::floor_boundary(text, from.start.saturating_sub(24))..from.start];
        let joined = crate::text::contains_word(gap, "to")
            && (2..=5).contains(&gap.split_whitespace().count())
            && !gap.contains([',', ';'])
            && crate::text::contains_word(lead, "from");
        let (Some(first), Some(second)) = (from.spec.resolve(anchor), to.spec.resolve(anchor))
        else {
            continue;
        };
        if joined && first.start > second.start {
            if let Some(earlier) = from.spec.resolve(Some(second.start)) {
                from.spec = Spec::Fixed(earlier);
            }
        }
    }
    atoms
}

/// Text before an expression that names a part of it.
static PART_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?P<edge>early|mid|late)\s*-?\s*|(?-u:\b)(?:the\s+)?(?P<part>beginning|start|middle|end|close|turn)\s+of\s+(?:the\s+month\s+of\s+)?|(?-u:\b)(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of\s+|(?-u:\b)(?:the\s+)?(?P<week>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+|(?-u:\b)(?:the\s+)?(?P<weekof>week)\s+of\s+|(?-u:\b)(?:the\s+)?(?P<eve>eve)\s+of\s+|(?-u:\b)(?:the\s+)?first\s+(?P<days>{COUNT})\s+days\s+of\s+|(?-u:\b)(?:the\s+)?first\s+(?P<weeks>{COUNT})\s+weeks\s+of\s+|(?-u:\b)(?:the\s+)?(?:(?P<span_n>{COUNT})\s+)?(?P<span_u>weeks?|fortnight|days|months|year)\s+(?:to|ending|ended|through|up\s+to)\s+(?:on\s+|in\s+|(?:the\s+)?end\s+of\s+)?|(?-u:\b)(?:the\s+)?(?P<quarter>first|second|third|fourth|last|final)\s+quarter\s+of\s+|(?-u:\b)(?:the\s+)?first\s+(?P<months>{COUNT})\s+months\s+of\s+|(?-u:\b)(?:the\s+)?(?:last|final)\s+(?P<lastmonths>{COUNT})\s+months\s+of\s+)$"
    ))
    .expect("valid pattern")
});

#[derive(Debug, Clone, Copy)]
enum Part {
    /// "the turn of the year": where it began.
    Turn,
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
    Week(u32),
    LastWeek,
    Quarter(u32),
    FirstMonths(u32),
    /// "the last four months of 2022"
    LastMonths(u32),
    FirstDays(u32),
    /// "the week of 10 April": Monday to Sunday around a day.
    WeekContaining,
    /// "on the eve of February 24, 2022": the day before.
    Eve,
    /// "the week to Sunday", "the 12 months to November": a span that ends
    /// with the expression.
    EndingAt {
        days: u32,
        months: u32,
    },
}

/// "early November", "the end of 2024", "the first half of 2025", "the last
/// week of July", "the first 11 months of the year".
fn apply_parts(text: &str, atoms: Vec<Atom>, anchor: Option<NaiveDate>) -> Vec<Atom> {
    atoms
        .into_iter()
        .map(|atom| {
            let before = tail(text, atom.start, 48);
            let Some(caps) = PART_TAIL.captures(before) else {
                return atom;
            };
            let Some(part) = part_of(&caps) else {
                return atom;
            };
            let Some(whole) = caps.get(0) else {
                return atom;
            };
            match reported_part(text, &atom, part, anchor) {
                Some(spec) => Atom {
                    start: atom.start - (before.len() - whole.start()),
                    end: atom.end,
                    spec,
                    unit: Unit::Span,
                },
                None => atom,
            }
        })
        .collect()
}

/// `atom` narrowed to `part`, where news reports the past: a part of "the
/// month" or "the year" still to come ("the end of the month" read on the
/// 4th) is of the month or year before, and so is a span from its start
/// mostly still to come ("the first ten months of the year" read in
/// January). "The start of the year" has begun whenever it is read; parts
/// of "the week" are too near to have been reported on late.
fn reported_part(text: &str, atom: &Atom, part: Part, anchor: Option<NaiveDate>) -> Option<Spec> {
    let narrowed = narrow(atom.spec, atom.unit, part, anchor)?;
    let Some(anchor) = anchor else {
        return Some(narrowed);
    };
    let words = text[atom.start..atom.end].to_ascii_lowercase();
    let (unit, months_back) = match words.trim_start_matches("the").trim() {
        "year" => ("year", 12),
        "month" => ("month", 1),
        _ => return Some(narrowed),
    };
    let Some(period) = narrowed.resolve(Some(anchor)) else {
        return Some(narrowed);
    };
    let spans_from_start = matches!(
        part,
        Part::FirstMonths(_) | Part::FirstDays(_) | Part::FirstHalf | Part::Quarter(_)
    );
    let elapsed = (anchor - period.start).num_days() + 1;
    if period.start <= anchor && !(spans_from_start && elapsed * 2 < period.days()) {
        return Some(narrowed);
    }
    let earlier = this_unit(
        unit,
        anchor.checked_sub_months(Months::new(months_back))?,
        false,
    )?;
    narrow(earlier, atom.unit, part, Some(anchor))
}

fn part_of(caps: &Captures) -> Option<Part> {
    let word = |name: &str| caps.name(name).map(|m| m.as_str().to_ascii_lowercase());
    if let Some(edge) = word("edge") {
        return Some(match edge.as_str() {
            "early" => Part::Early,
            "mid" => Part::Mid,
            _ => Part::Late,
        });
    }
    if let Some(part) = word("part") {
        return Some(match part.as_str() {
            "turn" => Part::Turn,
            "beginning" | "start" => Part::Early,
            "middle" => Part::Mid,
            _ => Part::Late,
        });
    }
    if word("eve").is_some() {
        return Some(Part::Eve);
    }
    if let Some(half) = word("half") {
        return Some(if half == "first" {
            Part::FirstHalf
        } else {
            Part::SecondHalf
        });
    }
    if let Some(week) = word("week") {
        return Some(match week.as_str() {
            "first" | "1st" => Part::Week(1),
            "second" | "2nd" => Part::Week(2),
            "third" | "3rd" => Part::Week(3),
            "fourth" | "4th" => Part::Week(4),
            _ => Part::LastWeek,
        });
    }
    if let Some(unit) = word("span_u") {
        let count = match word("span_n") {
            Some(n) => count_value(&n)?,
            None => 1,
        };
        return Some(match unit.trim_end_matches('s') {
            "week" => Part::EndingAt {
                days: count * 7,
                months: 0,
            },
            "fortnight" => Part::EndingAt {
                days: count * 14,
                months: 0,
            },
            "day" => Part::EndingAt {
                days: count,
                months: 0,
            },
            "month" => Part::EndingAt {
                days: 0,
                months: count,
            },
            _ => Part::EndingAt {
                days: 0,
                months: count * 12,
            },
        });
    }
    if word("weekof").is_some() {
        return Some(Part::WeekContaining);
    }
    if let Some(days) = word("days") {
        let days = count_value(&days)?;
        return (1..=31).contains(&days).then_some(Part::FirstDays(days));
    }
    // "the first three weeks of November": its first 21 days.
    if let Some(weeks) = word("weeks") {
        let days = count_value(&weeks)? * 7;
        return (1..=31).contains(&days).then_some(Part::FirstDays(days));
    }
    if let Some(quarter) = word("quarter") {
        return Some(Part::Quarter(match quarter.as_str() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        }));
    }
    if let Some(months) = word("lastmonths") {
        let months = count_value(&months)?;
        return (1..=12)
            .contains(&months)
            .then_some(Part::LastMonths(months));
    }
    let months = count_value(&word("months")?)?;
    (1..=12)
        .contains(&months)
        .then_some(Part::FirstMonths(months))
}

/// The part of a month, week or year; `None` when the part does not apply.
fn narrow(spec: Spec, unit: Unit, part: Part, anchor: Option<NaiveDate>) -> Option<Spec> {
    if spec == Spec::Unresolved {
        return Some(Spec::Unresolved);
    }
    if let Part::Eve = part {
        if unit != Unit::Day {
            return None;
        }
        return match spec.resolve(anchor) {
            Some(day) => Some(Spec::Fixed(Period::day(day.start.pred_opt()?))),
            None => Some(Spec::Unresolved),
        };
    }
    if let Part::EndingAt { days, months } = part {
        if !matches!(unit, Unit::Day | Unit::Month | Unit::Week) {
            return None;
        }
        let Some(period) = spec.resolve(anchor) else {
            return Some(Spec::Unresolved);
        };
        if days == 0 && months == 0 {
            return None;
        }
        let start = if months > 0 && unit == Unit::Month {
            // "the three months to November": September to November.
            period.start.checked_sub_months(Months::new(months - 1))?
        } else if months > 0 {
            period
                .end
                .checked_sub_months(Months::new(months))?
                .checked_add_days(Days::new(1))?
        } else {
            period
                .end
                .checked_sub_days(Days::new(u64::from(days) - 1))?
        };
        return Some(Spec::Fixed(Period::new(start, period.end)));
    }
    match unit {
        Unit::Month => {
            let (from, to) = match part {
                Part::Turn => (1, 1),
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, 0),
                Part::FirstHalf => (1, 15),
                Part::SecondHalf => (16, 0),
                Part::Week(n) => (n as i32 * 7 - 6, n as i32 * 7),
                Part::LastWeek => (-6, 0),
                Part::FirstDays(n) => (1, n as i32),
                Part::Quarter(_)
                | Part::FirstMonths(_)
                | Part::LastMonths(_)
                | Part::WeekContaining
                | Part::Eve
                | Part::EndingAt { .. } => return None,
            };
            match spec {
                Spec::Yearless {
                    from: (month, _), ..
                } => Some(Spec::Yearless {
                    from: (month, from),
                    to: (month, to),
                }),
                Spec::Fixed(period) => {
                    let (year, month) = (period.start.year(), period.start.month());
                    Some(Spec::Fixed(Period::new(
                        day_in_month(year, month, from)?,
                        day_in_month(year, month, to)?,
                    )))
                }
                _ => None,
            }
        }
        Unit::Year => {
            let Spec::Fixed(period) = spec else {
                return None;
            };
            let year = period.start.year();
            let (from, to) = match part {
                Part::Turn => return Some(Spec::Fixed(Period::day(date(year, 1, 1)?))),
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
                Part::FirstHalf => (1, 6),
                Part::SecondHalf => (7, 12),
                Part::Quarter(n) => (n * 3 - 2, n * 3),
                Part::FirstMonths(n) => (1, n),
                Part::LastMonths(n) => (13 - n, 12),
                Part::Week(n) => {
                    let start = date(year, 1, n * 7 - 6)?;
                    return Some(Spec::Fixed(Period::new(
                        start,
                        start.checked_add_days(Days::new(6))?,
                    )));
                }
                Part::LastWeek => {
                    return Some(Spec::Fixed(Period::new(
                        date(year, 12, 25)?,
                        date(year, 12, 31)?,
                    )))
                }
                Part::FirstDays(n) => {
                    let start = date(year, 1, 1)?;
                    return Some(Spec::Fixed(Period::new(
                        start,
                        start.checked_add_days(Days::new(u64::from(n) - 1))?,
                    )));
                }
                Part::WeekContaining | Part::Eve | Part::EndingAt { .. } => return None,
            };
            Some(Spec::Fixed(Period::new(
                date(year, from, 1)?,
                last_day_of_month(year, to)?,
            )))
        }
        Unit::Week => {
            let Spec::Fixed(period) = spec else {
                return None;
            };
            let monday = period.start.checked_sub_days(Days::new(u64::from(
                period.start.weekday().num_days_from_monday(),
            )))?;
            let (from, to) = match part {
                Part::Early => (0, 2),
                Part::Mid => (2, 4),
                Part::Late => (3, 6),
                _ => return None,
            };
            Some(Spec::Fixed(Period::new(
                monday.checked_add_days(Days::new(from))?,
                monday.checked_add_days(Days::new(to))?,
            )))
        }
        // "the beginning of the summer": the first month of a season.
        Unit::Span if matches!(part, Part::Early | Part::Mid | Part::Late) => {
            let Some(period) = spec.resolve(anchor) else {
                return Some(Spec::Unresolved);
            };
            let months = (period.end.year() - period.start.year()) * 12 + period.end.month() as i32
                - period.start.month() as i32
                + 1;
            if !(2..=6).contains(&months) {
                return None;
            }
            let first = match part {
                Part::Early => 0,
                Part::Mid => months / 2,
                _ => months - 1,
            };
            let start = period.start.checked_add_months(Months::new(first as u32))?;
            Some(Spec::Fixed(Period::new(
                start,
                last_day_of_month(start.year(), start.month())?,
            )))
        }
        Unit::Day => {
            let Part::WeekContaining = part else {
                return None;
            };
            let Some(day) = spec.resolve(anchor) else {
                return Some(Spec::Unresolved);
            };
            let monday = day.start.checked_sub_days(Days::new(u64::from(
                day.start.weekday().num_days_from_monday(),
            )))?;
            Some(Spec::Fixed(Period::new(
                monday,
                monday.checked_add_days(Days::new(6))?,
            )))
        }
        _ => None,
    }
}

/// "since November" runs from the start of November to the publication date.
fn apply_since(text: &str, atoms: Vec<Atom>, anchor: Option<NaiveDate>) -> Vec<Atom> {
    static SINCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:ever\s+)?since\s+$").expect("valid pattern"));
    // "since the start of their summer offensive in June", "since
    // launching its offensive in May", "since the start of the counteroffensive
    // operation near Dobropillia on 21 August", "since its cross-border
    // offensive began on 10 May", "since the counter-offensive near
    // Dobropillia in Donetsk region began on 21 August", "since the town
    // fell on 17 February", "since Russia launched its invasion on 24
    // February 2022": since an event the time dates.
    static SINCE_EVENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)since\s+(?:(?:the\s+(?:start|beginning|launch|onset|fall|capture|seizure|loss|liberation|end)\s+of|launching|starting|beginning|opening)\s+(?:[a-z'’-]+\s+){1,6}|(?:[a-z'’-]+\s+){1,8}(?:began|begun|started|was\s+launched|kicked\s+off)\s+|(?:[a-z'’-]+\s+){1,6}(?:fell|launched|opened|invaded|crossed|captured|seized|took|entered|withdrew)\s+(?:[a-z'’-]+\s+){0,8})(?:in|on)\s+$")
            .expect("valid pattern")
    });
    atoms
        .into_iter()
        .map(|atom| {
            if atom.spec.is_context() {
                return atom;
            }
            let short = tail(text, atom.start, 16);
            let start = match SINCE.find(short) {
                Some(since) => atom.start - (short.len() - since.start()),
                None => {
                    let long = tail(text, atom.start, 100);
                    match SINCE_EVENT.find(long) {
                        Some(since) => atom.start - (long.len() - since.start()),
                        None => return atom,
                    }
                }
            };
            let spec = match (anchor, atom.spec.resolve(anchor)) {
                (Some(anchor), Some(period)) if period.start <= anchor => {
                    Spec::Fixed(Period::new(period.start, anchor))
                }
                _ => Spec::Unresolved,
            };
            Atom {
                start,
                end: atom.end,
                spec,
                unit: Unit::Span,
            }
        })
        .collect()
}

/// "from October to November", "between 2 and 7 November", "Oct. 2 - Oct. 22".
/// "from 18:00 on 29 November to 08:00 on 30 November", "between 6 p.m. on
/// Saturday and 8 a.m. on Sunday": an air force's reporting window. Over
/// a night it is the morning's day, as "overnight into Sunday" is; longer
/// windows are the days they span.
fn join_night_windows(text: &str, atoms: Vec<Atom>, anchor: Option<NaiveDate>) -> Vec<Atom> {
    const HOUR: &str = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)";
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?-u:\b)(?:from|between)\s+{HOUR}\s*(?:[a-z]+\s+time\s+)?(?:on\s+)?$"
        ))
        .expect("valid pattern")
    });
    static MIDDLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^\s*,?\s*(?:to|until|till|and|-|–|—)\s+{HOUR}\s*(?:[a-z]+\s+time\s+)?(?:on\s+)?$"
        ))
        .expect("valid pattern")
    });
    if atoms.len() < 2 || !text.as_bytes().iter().any(|b| *b == b':' || *b == b'.') {
        return atoms;
    }
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    let mut index = 0;
    while index < atoms.len() {
        let first = atoms[index];
        let window = atoms.get(index + 1).and_then(|second| {
            if first.unit != Unit::Day || second.unit != Unit::Day {
                return None;
            }
            let before = tail(text, first.start, 40);
            let opening = OPENING.find(before)?;
            MIDDLE.find(text.get(first.end..second.start)?)?;
            let (from, to) = (first.spec.resolve(anchor)?, second.spec.resolve(anchor)?);
            let period = if from.end.succ_opt() == Some(to.start) {
                to
            } else if from.start <= to.end {
                Period::new(from.start, to.end)
            } else {
                return None;
            };
            Some(Atom {
                start: first.start - (before.len() - opening.start()),
                end: second.end,
                spec: Spec::Fixed(period),
                unit: if period.start == period.end {
                    Unit::Day
                } else {
                    Unit::Span
                },
            })
        });
        match window {
            Some(atom) => {
                out.push(atom);
                index += 2;
            }
            None => {
                out.push(first);
                index += 1;
            }
        }
    }
    out
}

fn join_ranges(text: &str, atoms: Vec<Atom>, anchor: Option<NaiveDate>) -> Vec<Atom> {
    static GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?P<and>and)|-|–|—|~|to|through|thru|till|until|up\s+to|,?\s*(?P<asof>as\s+(?:of|at)))\s*$")
            .expect("valid pattern")
    });
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?P<w>between|from)\s+$").expect("valid pattern")
    });
    static BOTH_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)both\s+$").expect("valid pattern"));
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    let mut index = 0;
    while index < atoms.len() {
        let first = atoms[index];
        // "September, October and November combined": the list is one span,
        // from its first time to its last.
        let partner = combined_list_end(text, &atoms, index).unwrap_or(index + 1);
        let joined = atoms.get(partner).and_then(|second| {
            let gap_text = if partner == index + 1 {
                text.get(first.end..second.start)?
            } else {
                "and"
            };
            let gap = GAP.captures(gap_text)?;
            // ("Kyiv, 20 January 2026 – Since the beginning of the month,
            // …": a dateline, then a span of its own.)
            let second_opens_a_span = text
                .get(second.start..)
                .and_then(|rest| rest.get(..6))
                .is_some_and(|word| word.eq_ignore_ascii_case("since "));
            if second_opens_a_span {
                return None;
            }
            let before = tail(text, first.start, 16);
            let opener = OPENER.captures(before);
            let opener_word = opener
                .as_ref()
                .and_then(|c| c.name("w"))
                .map(|w| w.as_str().to_ascii_lowercase());
            // "between October and November"; "October and November
            // combined", "both October and November": one span. Else two times.
            let joined_by_and = opener_word.as_deref() == Some("between")
                || COMBINED_AFTER.is_match(text.get(second.end..)?)
                || BOTH_BEFORE.is_match(before);
            if gap.name("and").is_some() && !joined_by_and {
                return None;
            }
            // "in 2025 as of November 30": the year up to that day; a month
            // "as of" a day stays the month.
            if gap.name("asof").is_some() && (first.unit != Unit::Year || second.unit != Unit::Day)
            {
                return None;
            }
            if first.spec.is_context() || second.spec.is_context() {
                return None;
            }
            let start = match &opener {
                Some(c) => first.start - (before.len() - c.get(0)?.start()),
                None => first.start,
            };
            // A range is placed as a whole: by its end when the end names its
            // year ("between January and March 2025"), else by its start, the
            // latest one on or before the publication date ("from August to
            // October" read in September is this August to this October).
            let periods = if second.spec.is_fixed() {
                second
                    .spec
                    .resolve(anchor)
                    .and_then(|end| Some((first.spec.resolve(Some(end.end))?, end)))
            } else {
                first
                    .spec
                    .resolve(anchor)
                    .and_then(|start| Some((start, second.spec.resolve_after(start.start)?)))
            };
            // ("From Monday to Sunday, Russia launched 1,812 drones", read
            // on a Tuesday: the week that ended, not the one under way.)
            let weekdays = matches!(first.spec, Spec::Weekday { .. })
                && matches!(second.spec, Spec::Weekday { .. });
            let periods = match (periods, anchor) {
                (Some((start, end)), Some(anchor)) if weekdays && end.end > anchor => {
                    let week_before = |period: Period| {
                        Some(Period::new(
                            period.start.checked_sub_days(Days::new(7))?,
                            period.end.checked_sub_days(Days::new(7))?,
                        ))
                    };
                    week_before(start).zip(week_before(end))
                }
                (periods, _) => periods,
            };
            let spec = match periods {
                Some((start, end)) if start.start <= end.end => {
                    Spec::Fixed(Period::new(start.start, end.end))
                }
                Some(_) => return None,
                None => Spec::Unresolved,
            };
            Some(Atom {
                start,
                end: second.end,
                spec,
                unit: Unit::Span,
            })
        });
        match joined {
            Some(atom) => {
                out.push(atom);
                index = partner + 1;
            }
            None => {
                out.push(
                    up_to_now(text, first, anchor)
                        .or_else(|| so_far(text, first, anchor))
                        .unwrap_or(first),
                );
                index += 1;
            }
        }
    }
    out
}

/// "combined", "together": after times joined by "and", they are one span.
static COMBINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:combined|together|taken\s+together)(?-u:\b)").expect("valid pattern")
});

/// The index of the last of three or more times listed from `first` with
/// commas and a closing "and", followed by "combined" ("September, October
/// and November combined").
fn combined_list_end(text: &str, atoms: &[Atom], first: usize) -> Option<usize> {
    let mut last = first;
    while let Some(next) = atoms.get(last + 1) {
        let gap = text.get(atoms[last].end..next.start)?.trim();
        if !matches!(gap, "," | "and" | ", and") {
            return None;
        }
        last += 1;
        if gap != "," {
            break;
        }
    }
    if last < first + 2 {
        return None;
    }
    let closed_by_and = text
        .get(atoms[last - 1].end..atoms[last].start)?
        .contains("and");
    (closed_by_and && COMBINED_AFTER.is_match(text.get(atoms[last].end..)?)).then_some(last)
}

/// "in 2025 so far", "so far in 2025": the current year up to the
/// publication date. (A month "so far" stays that month: its claims are the
/// month's running total.)
fn so_far(text: &str, first: Atom, anchor: Option<NaiveDate>) -> Option<Atom> {
    static SO_FAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:so\s+far|thus\s+far|to\s+date|until\s+now|up\s+to\s+now)(?-u:\b)")
            .expect("valid pattern")
    });
    static SO_FAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:so|thus)\s+far\s+in\s+$").expect("valid pattern")
    });
    if first.spec.is_context() {
        return None;
    }
    let anchor = anchor?;
    let period = first.spec.resolve(Some(anchor))?;
    if !period.is_year() || anchor < period.start || period.end < anchor {
        return None;
    }
    let (start, end) = match SO_FAR.find(text.get(first.end..)?) {
        Some(after) => (first.start, first.end + after.end()),
        None => {
            let before = tail(text, first.start, 16);
            let so_far = SO_FAR_BEFORE.find(before)?;
            (first.start - (before.len() - so_far.start()), first.end)
        }
    };
    Some(Atom {
        start,
        end,
        spec: Spec::Fixed(Period::new(period.start, anchor)),
        unit: Unit::Span,
    })
}

/// "from March to date": from an expression to the publication date.
fn up_to_now(text: &str, first: Atom, anchor: Option<NaiveDate>) -> Option<Atom> {
    static TO_NOW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:to|until|till|up\s+to|through)\s+(?:date|now|the\s+present|(?:the\s+)?current\s+date)(?-u:\b)")
            .expect("valid pattern")
    });
    static FROM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)from\s+$").expect("valid pattern"));
    if first.spec.is_context() {
        return None;
    }
    let after = TO_NOW.find(text.get(first.end..)?)?;
    let before = tail(text, first.start, 16);
    let from = FROM.find(before)?;
    let spec = match (anchor, first.spec.resolve(anchor)) {
        (Some(anchor), Some(period)) if period.start <= anchor => {
            Spec::Fixed(Period::new(period.start, anchor))
        }
        _ => Spec::Unresolved,
    };
    Some(Atom {
        start: first.start - (before.len() - from.start()),
        end: first.end + after.end(),
        spec,
        unit: Unit::Span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Renders a match the way the tables below spell expectations.
    fn describe(text: &str, m: &TimeMatch) -> (String, String) {
        let value = match m.value {
            TimeValue::Period(p) => p.label(),
            TimeValue::RelativeToContext { months, days: 0 } => format!("ctx{months}"),
            TimeValue::RelativeToContext { months, days } => format!("ctx{months}m{days}d"),
            TimeValue::BeforeContext { months } => format!("before-ctx{months}"),
            TimeValue::SinceContext => "since-ctx".to_string(),
            TimeValue::OpeningOfContext { months, days } => format!("first{months}m{days}d"),
            TimeValue::Unresolved => "?".to_string(),
        };
        (text[m.start..m.end].to_string(), value)
    }

    /// (text, publication date, expected (surface, label) pairs); labels are
    /// period labels, `ctx-N` for context-relative months, `?` for unresolved.
    type Case<'a> = (&'a str, Option<NaiveDate>, &'a [(&'a str, &'a str)]);

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for (text, anchor, expected) in cases {
            let got: Vec<(String, String)> = find_time_expressions(text, *anchor)
                .iter()
                .map(|m| describe(text, m))
                .collect();
            let want: Vec<(String, String)> = expected
                .iter()
                .map(|(s, v)| (s.to_string(), v.to_string()))
                .collect();
            if got != want {
                failures.push(format!(
                    "{text:?} ({anchor:?}):\n   got {got:?}\n  want {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn months_prefer_the_past() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            (
                "In November Russia captured 701 km2.",
                dec2,
                &[("November", "2025-11")],
            ),
            (
                "in November",
                Some(d(2025, 11, 20)),
                &[("November", "2025-11")],
            ),
            (
                "in November",
                Some(d(2025, 10, 5)),
                &[("November", "2024-11")],
            ),
            (
                "during November 2024",
                dec2,
                &[("November 2024", "2024-11")],
            ),
            (
                "in Nov. 2024 and Nov 2023",
                dec2,
                &[("Nov. 2024", "2024-11"), ("Nov 2023", "2023-11")],
            ),
            (
                "in November last year",
                dec2,
                &[("November last year", "2024-11")],
            ),
            (
                "in November of 2024",
                dec2,
                &[("November of 2024", "2024-11")],
            ),
            ("in November", None, &[("November", "?")]),
            (
                "last November",
                Some(d(2025, 11, 20)),
                &[("last November", "2024-11")],
            ),
            ("last September", dec2, &[("last September", "2025-09")]),
            ("November 2024", None, &[("November 2024", "2024-11")]),
        ]);
    }

    #[test]
    fn may_and_march_need_context() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            ("Russia may launch more drones.", dec2, &[]),
            ("Troops march on.", dec2, &[]),
            (
                "February 463 km², March 240 km².",
                dec2,
                &[("February", "2025-02"), ("March", "2025-03")],
            ),
            ("Troops, march!", dec2, &[]),
            (
                "February: 380 sq km\nMarch: 240 sq km",
                dec2,
                &[("February", "2025-02"), ("March", "2025-03")],
            ),
            (
                "In May, Russia launched 4,000 drones.",
                dec2,
                &[("May", "2025-05")],
            ),
            (
                "Since March the front has moved.",
                dec2,
                &[("Since March", "2025-03-01/2025-12-02")],
            ),
            (
                "May 2024 was the worst month.",
                dec2,
                &[("May 2024", "2024-05")],
            ),
            ("It may 2 times", dec2, &[]),
        ]);
    }

    #[test]
    fn years_need_time_context() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            ("in 2024", dec2, &[("2024", "2024")]),
            ("Russia launched 2024 drones.", dec2, &[]),
            ("a total of 5,2024 units", dec2, &[]),
            (
                "in early 2024",
                dec2,
                &[("early 2024", "2024-01-01/2024-04-30")],
            ),
            ("last year", dec2, &[("last year", "2024")]),
            ("this year", dec2, &[("this year", "2025")]),
            (
                "the previous year",
                dec2,
                &[("the previous year", "ctx-12")],
            ),
            (
                "between 2014 and 2018",
                dec2,
                &[("between 2014 and 2018", "2014-01-01/2018-12-31")],
            ),
            (
                "the 2022-23 winter",
                dec2,
                &[("2022-23", "2022-01-01/2023-12-31")],
            ),
        ]);
    }

    #[test]
    fn relative_months() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            ("last month", dec2, &[("last month", "2025-11")]),
            ("this month", dec2, &[("this month", "2025-12")]),
            (
                "the previous month",
                dec2,
                &[("the previous month", "ctx-1")],
            ),
            ("the month before", dec2, &[("the month before", "ctx-1")]),
            (
                "in the previous three months",
                dec2,
                &[("the previous three months", "before-ctx3")],
            ),
            (
                "September, October and November combined",
                dec2,
                &[("September, October and November", "2025-09-01/2025-11-30")],
            ),
            ("a month earlier", dec2, &[("a month earlier", "ctx-1")]),
            ("a year earlier", dec2, &[("a year earlier", "ctx-12")]),
            // "ago" counts from the day of writing, as "a week ago" does.
            ("a year ago", dec2, &[("a year ago", "2024-12-02")]),
            ("six months ago", dec2, &[("six months ago", "2025-06-02")]),
            (
                "the same month last year",
                dec2,
                &[("the same month last year", "ctx-12")],
            ),
            (
                "A week earlier, he reported 1,300 drones",
                dec2,
                &[("A week earlier", "ctx0m-7d")],
            ),
            (
                "A day earlier, Russia had launched 103 drones",
                dec2,
                &[("A day earlier", "ctx0m-1d")],
            ),
            (
                "Between 20:00 and 23:50 Moscow time on Monday, 28 drones were destroyed",
                dec2,
                &[(
                    "Between 20:00 and 23:50 Moscow time on Monday",
                    "2025-12-01",
                )],
            ),
            (
                "Two days later, Russia launched 103 drones",
                dec2,
                &[("Two days later", "ctx0m2d")],
            ),
            (
                "The next day, Russia launched 103 drones",
                dec2,
                &[("The next day", "ctx0m1d")],
            ),
            (
                "took 1,000 km² in its first week, 2,000 in the first two months of the offensive",
                dec2,
                &[
                    ("its first week", "first0m7d"),
                    ("the first two months of the offensive", "first2m0d"),
                ],
            ),
            (
                "on Nov. 12, six days later, Russia launched 103 drones",
                dec2,
                &[("Nov. 12, six days later", "2025-11-12")],
            ),
            (
                "in the same period of 2024",
                dec2,
                &[("the same period of 2024", "ctx-12")],
            ),
            (
                "the same period last year",
                dec2,
                &[("the same period last year", "ctx-12")],
            ),
            (
                "Over the same period, he said",
                dec2,
                &[("the same period", "ctx0")],
            ),
            ("at the same time", dec2, &[]),
            ("last month", None, &[("last month", "?")]),
        ]);
    }

    #[test]
    fn since_expressions() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            (
                "since the start of the year",
                dec2,
                &[("since the start of the year", "2025-01-01/2025-12-02")],
            ),
            (
                "since the beginning of the year",
                dec2,
                &[("since the beginning of the year", "2025-01-01/2025-12-02")],
            ),
            (
                "so far this year",
                dec2,
                &[("so far this year", "2025-01-01/2025-12-02")],
            ),
            (
                "since the start of their summer offensive in June",
                dec2,
                &[(
                    "since the start of their summer offensive in June",
                    "2025-06-01/2025-12-02",
                )],
            ),
            (
                "so far in 2025",
                dec2,
                &[("so far in 2025", "2025-01-01/2025-12-02")],
            ),
            (
                "since its cross-border offensive began on 10 May",
                dec2,
                &[(
                    "since its cross-border offensive began on 10 May",
                    "2025-05-10/2025-12-02",
                )],
            ),
            (
                "this year so far",
                dec2,
                &[("this year so far", "2025-01-01/2025-12-02")],
            ),
            (
                "gained 4,732 square kilometers in 2025 as of November 30",
                dec2,
                &[("2025 as of November 30", "2025-01-01/2025-11-30")],
            ),
            (
                "gained 505 square kilometers in October, as of November 3",
                dec2,
                &[("October", "2025-10"), ("November 3", "2025-11-03")],
            ),
            (
                "gained 2,000 square miles in 2025 so far",
                dec2,
                &[("2025 so far", "2025-01-01/2025-12-02")],
            ),
            ("in 2024 so far", dec2, &[("2024", "2024")]),
            (
                "since the start of the special military operation",
                dec2,
                &[(
                    "since the start of the special military operation",
                    "2022-02-24/2025-12-02",
                )],
            ),
            (
                "since the invasion began",
                dec2,
                &[("since the invasion began", "2022-02-24/2025-12-02")],
            ),
            (
                "in the war's third year, against the second year of the invasion and year one of the war",
                dec2,
                &[
                    ("the war's third year", "2024-02-24/2025-02-23"),
                    ("the second year of the invasion", "2023-02-24/2024-02-23"),
                    ("year one of the war", "2022-02-24/2023-02-23"),
                ],
            ),
            (
                "on day 1,350 of the full-scale invasion, not day 12 or day 120 of the Kursk operation; day 950",
                dec2,
                &[("day 1,350 of the full-scale invasion", "2025-11-04"), ("day 950", "2024-09-30")],
            ),
            ("since then, and ever since that day", dec2, &[("since then", "since-ctx"), ("ever since that day", "since-ctx")]),
            (
                "since the town fell on 17 February 2024",
                dec2,
                &[("since the town fell on 17 February 2024", "2024-02-17/2025-12-02")],
            ),
            (
                "since the start of the full-scale invasion",
                dec2,
                &[(
                    "since the start of the full-scale invasion",
                    "2022-02-24/2025-12-02",
                )],
            ),
            (
                "since February 2022",
                dec2,
                &[("since February 2022", "2022-02-01/2025-12-02")],
            ),
            ("since the war began", None, &[("since the war began", "?")]),
        ]);
    }

    #[test]
    fn weeks_and_days() {
        let tue = Some(d(2025, 12, 2)); // a Tuesday
        check(&[
            (
                "over the past week",
                tue,
                &[("the past week", "2025-11-26/2025-12-02")],
            ),
            (
                "in the past seven days",
                tue,
                &[("the past seven days", "2025-11-26/2025-12-02")],
            ),
            (
                "the last 7 days",
                tue,
                &[("the last 7 days", "2025-11-26/2025-12-02")],
            ),
            ("last week", tue, &[("last week", "2025-11-24/2025-11-30")]),
            ("this week", tue, &[("this week", "2025-12-01/2025-12-02")]),
            (
                "810 drones at the weekend",
                tue,
                &[("the weekend", "2025-11-29/2025-11-30")],
            ),
            (
                "in the 24 hours to 8 a.m., air defences downed 135 drones",
                tue,
                &[("the 24 hours to", "2025-12-02")],
            ),
            (
                "fired 70 missiles during the week, Zelensky said",
                tue,
                &[("during the week", "2025-11-26/2025-12-02")],
            ),
            (
                "during the week to Monday",
                tue,
                &[("the week to Monday", "2025-11-25/2025-12-01")],
            ),
            ("on Monday", tue, &[("Monday", "2025-12-01")]),
            ("on Tuesday", tue, &[("Tuesday", "2025-12-02")]),
            (
                "on Sunday evening",
                tue,
                &[("Sunday evening", "2025-11-30")],
            ),
            ("overnight", tue, &[("overnight", "2025-12-02")]),
            (
                "Over the past night",
                tue,
                &[("Over the past night", "2025-12-02")],
            ),
            ("During the day", tue, &[("During the day", "2025-12-02")]),
            ("May was another grinding month", tue, &[("May", "2025-05")]),
            ("Russia may launch more drones", tue, &[]),
            (
                "In the period from 20:00 to 23:59 Moscow time, air defences",
                tue,
                &[("from 20:00 to 23:59 Moscow time", "2025-12-02")],
            ),
            ("since midnight", tue, &[("since midnight", "2025-12-02")]),
            (
                "Between 7 a.m. and 9 a.m. Moscow time, air defences",
                tue,
                &[("Between 7 a.m. and 9 a.m. Moscow time", "2025-12-02")],
            ),
            (
                "on the eve of the full-scale invasion",
                tue,
                &[("on the eve of the full-scale invasion", "2022-02-23")],
            ),
            (
                "gains over the whole of 2024 amounted to",
                tue,
                &[("2024", "2024")],
            ),
            (
                "In the period from 18:00 on 30 November to 08:00 on 1 December, the enemy",
                tue,
                &[(
                    "from 18:00 on 30 November to 08:00 on 1 December",
                    "2025-12-01",
                )],
            ),
            (
                "47 drones between 6 p.m. on Saturday and 8 a.m. on Sunday",
                tue,
                &[(
                    "between 6 p.m. on Saturday and 8 a.m. on Sunday",
                    "2025-11-30",
                )],
            ),
            (
                "from 18:00 on 27 November to 08:00 on 30 November",
                tue,
                &[(
                    "from 18:00 on 27 November to 08:00 on 30 November",
                    "2025-11-27/2025-11-30",
                )],
            ),
            (
                "Overnight into Sunday, 30 November, the occupiers",
                tue,
                &[("Overnight into Sunday, 30 November", "2025-11-30")],
            ),
            (
                "Since the fall of Avdiivka in February 2024, Russian forces",
                tue,
                &[(
                    "Since the fall of Avdiivka in February 2024",
                    "2024-02-01/2025-12-02",
                )],
            ),
            (
                "intercepted overnight on 6–7 May",
                tue,
                &[("overnight on 6–7 May", "2025-05-06/2025-05-07")],
            ),
            (
                "overnight into Monday",
                tue,
                &[("overnight into Monday", "2025-12-01")],
            ),
            ("yesterday", tue, &[("yesterday", "2025-12-01")]),
            (
                "during its 2024 summer offensive",
                tue,
                &[("2024 summer", "2024-06-01/2024-08-31")],
            ),
            (
                "shot down the previous day",
                tue,
                &[("the previous day", "2025-12-01")],
            ),
            (
                "in the past 24 hours",
                tue,
                &[("the past 24 hours", "2025-12-02")],
            ),
            (
                "the past month",
                tue,
                &[("the past month", "2025-11-03/2025-12-02")],
            ),
            (
                "the past 12 months",
                tue,
                &[("the past 12 months", "2024-12-03/2025-12-02")],
            ),
            ("next week and tomorrow", tue, &[]),
        ]);
    }

    #[test]
    fn plain_dates() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            (
                "on 2 December 2025",
                None,
                &[("2 December 2025", "2025-12-02")],
            ),
            (
                "December 2, 2025",
                None,
                &[("December 2, 2025", "2025-12-02")],
            ),
            ("on Dec. 2", dec2, &[("Dec. 2", "2025-12-02")]),
            ("on 3 November", dec2, &[("3 November", "2025-11-03")]),
            (
                "the 3rd of November",
                dec2,
                &[("the 3rd of November", "2025-11-03")],
            ),
            ("on 2025-12-02", None, &[("2025-12-02", "2025-12-02")]),
            ("on December 5", dec2, &[("December 5", "2024-12-05")]),
        ]);
    }

    #[test]
    fn ranges_and_parts() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            (
                "between November 1 and 7",
                dec2,
                &[("between November 1 and 7", "2025-11-01/2025-11-07")],
            ),
            (
                "from 1 to 7 November",
                dec2,
                &[("from 1 to 7 November", "2025-11-01/2025-11-07")],
            ),
            (
                "In October and November combined, Russia",
                dec2,
                &[("October and November", "2025-10-01/2025-11-30")],
            ),
            (
                "in both October and November",
                dec2,
                &[("October and November", "2025-10-01/2025-11-30")],
            ),
            (
                "in October and November",
                dec2,
                &[("October", "2025-10"), ("November", "2025-11")],
            ),
            (
                "Between Sept. 1 and Nov. 30, Russia",
                dec2,
                &[("Between Sept. 1 and Nov. 30", "2025-09-01/2025-11-30")],
            ),
            (
                "November 1-7",
                dec2,
                &[("November 1-7", "2025-11-01/2025-11-07")],
            ),
            (
                "1–7 November 2025",
                None,
                &[("1–7 November 2025", "2025-11-01/2025-11-07")],
            ),
            (
                "from October to November",
                dec2,
                &[("from October to November", "2025-10-01/2025-11-30")],
            ),
            (
                "between January and March 2025",
                None,
                &[("between January and March 2025", "2025-01-01/2025-03-31")],
            ),
            (
                "the first week of November",
                dec2,
                &[("the first week of November", "2025-11-01/2025-11-07")],
            ),
            (
                "the last week of July",
                dec2,
                &[("the last week of July", "2025-07-25/2025-07-31")],
            ),
            (
                "early November",
                dec2,
                &[("early November", "2025-11-01/2025-11-10")],
            ),
            (
                "at the turn of the year",
                dec2,
                &[("the turn of the year", "2025-01-01")],
            ),
            (
                "mid-November",
                dec2,
                &[("mid-November", "2025-11-11/2025-11-20")],
            ),
            (
                "late November",
                dec2,
                &[("late November", "2025-11-21/2025-11-30")],
            ),
            (
                "at the end of November",
                dec2,
                &[("the end of November", "2025-11-21/2025-11-30")],
            ),
            (
                "the first half of 2025",
                None,
                &[("the first half of 2025", "2025-01-01/2025-06-30")],
            ),
            ("H1 2025", None, &[("H1 2025", "2025-01-01/2025-06-30")]),
            (
                "in the second quarter",
                dec2,
                &[("the second quarter", "2025-04-01/2025-06-30")],
            ),
            ("Q3 2025", None, &[("Q3 2025", "2025-07-01/2025-09-30")]),
            (
                "the third quarter of 2024",
                None,
                &[("the third quarter of 2024", "2024-07-01/2024-09-30")],
            ),
            (
                "in the last four months of 2022, about 3,700",
                dec2,
                &[("the last four months of 2022", "2022-09-01/2022-12-31")],
            ),
            (
                "the first 11 months of 2025",
                None,
                &[("the first 11 months of 2025", "2025-01-01/2025-11-30")],
            ),
            (
                "the first eleven months of the year",
                dec2,
                &[(
                    "the first eleven months of the year",
                    "2025-01-01/2025-11-30",
                )],
            ),
            (
                "in the summer",
                dec2,
                &[("the summer", "2025-06-01/2025-08-31")],
            ),
            (
                "summer 2024",
                None,
                &[("summer 2024", "2024-06-01/2024-08-31")],
            ),
            (
                "spring 2022",
                None,
                &[("spring 2022", "2022-03-01/2022-05-31")],
            ),
            (
                "the past 30 days",
                dec2,
                &[("the past 30 days", "2025-11-03/2025-12-02")],
            ),
        ]);
    }

    #[test]
    fn not_time_expressions() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            ("nearly four years of war", dec2, &[]),
            ("for three months", dec2, &[]),
            ("in one month", dec2, &[]),
            ("24/7 coverage", dec2, &[]),
            ("a 45-year-old man", dec2, &[]),
            ("Russia launched 2024 drones", dec2, &[]),
            (
                "In November 14 drones were downed",
                dec2,
                &[("November", "2025-11")],
            ),
            (
                "On November 14 the army said",
                dec2,
                &[("November 14", "2025-11-14")],
            ),
            ("every Monday", dec2, &[]),
        ]);
    }

    #[test]
    fn spans_are_bytes_and_multibyte_text_is_safe() {
        let text = "Über — «в ноябре» in November, 2024 — 2024年 ünd since März";
        let found = find_time_expressions(text, Some(d(2025, 12, 2)));
        for m in &found {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        assert!(found
            .iter()
            .any(|m| &text[m.start..m.end] == "November, 2024"));
    }

    #[test]
    fn news_sentences() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            (
                "Russia launched 810 drones overnight, the air force said on Sunday.",
                dec2,
                &[("overnight", "2025-12-02"), ("Sunday", "2025-11-30")],
            ),
            (
                "Russian forces captured 505 km2 in November, down from 610 km2 in October.",
                dec2,
                &[("November", "2025-11"), ("October", "2025-10")],
            ),
            (
                "From 1 January to 30 November 2025 Russia took 5,000 km2.",
                None,
                &[(
                    "From 1 January to 30 November 2025",
                    "2025-01-01/2025-11-30",
                )],
            ),
            (
                "In the January–November period, gains slowed.",
                dec2,
                &[("January–November", "2025-01-01/2025-11-30")],
            ),
            (
                "the largest monthly gain since the start of October",
                dec2,
                &[("since the start of October", "2025-10-01/2025-12-02")],
            ),
            (
                "between 29 November and 1 December",
                dec2,
                &[(
                    "between 29 November and 1 December",
                    "2025-11-29/2025-12-01",
                )],
            ),
            (
                "on the night of 29-30 November",
                dec2,
                &[("29-30 November", "2025-11-29/2025-11-30")],
            ),
            (
                "in the week to Sunday",
                dec2,
                &[("the week to Sunday", "2025-11-24/2025-11-30")],
            ),
            (
                "in the 12 months to November",
                dec2,
                &[("the 12 months to November", "2024-12-01/2025-11-30")],
            ),
            // Calendar months, whatever their lengths.
            (
                "in the three months to November",
                dec2,
                &[("the three months to November", "2025-09-01/2025-11-30")],
            ),
            (
                "in the three months ending in November",
                dec2,
                &[(
                    "the three months ending in November",
                    "2025-09-01/2025-11-30",
                )],
            ),
            (
                "in the year to the end of October",
                dec2,
                &[("the year to the end of October", "2024-11-01/2025-10-31")],
            ),
            (
                "in the 12 months to 30 September",
                dec2,
                &[("the 12 months to 30 September", "2024-10-01/2025-09-30")],
            ),
            // A part of "the year" or "the month" mostly still to come is of
            // the one before.
            (
                "in the first 10 months of the year",
                Some(d(2026, 1, 4)),
                &[("the first 10 months of the year", "2025-01-01/2025-10-31")],
            ),
            (
                "in the first 10 months of the year",
                Some(d(2025, 6, 20)),
                &[("the first 10 months of the year", "2025-01-01/2025-10-31")],
            ),
            (
                "at the end of the month",
                dec2,
                &[("the end of the month", "2025-11-21/2025-11-30")],
            ),
            (
                "On 29/11/2025 Russia launched 596 drones",
                dec2,
                &[("29/11/2025", "2025-11-29")],
            ),
            ("on 11/29/2025", dec2, &[("11/29/2025", "2025-11-29")]),
            ("on 29.11.2025", dec2, &[("29.11.2025", "2025-11-29")]),
            ("on 5/11/2025", dec2, &[]),
            ("on 04.10.2025", dec2, &[("04.10.2025", "2025-10-04")]),
            (
                "on the eve of February 24, 2022",
                dec2,
                &[("the eve of February 24, 2022", "2022-02-23")],
            ),
            (
                "the pace picked up in the second half, when",
                dec2,
                &[("the second half", "2025-07-01/2025-12-31")],
            ),
            ("in the second half of the night", dec2, &[]),
            (
                "On Christmas Day Russia fired 78 missiles",
                dec2,
                &[("Christmas Day", "2024-12-25")],
            ),
            (
                "on Christmas Eve 2025",
                dec2,
                &[("Christmas Eve 2025", "2025-12-24")],
            ),
            (
                "on New Year's Eve",
                dec2,
                &[("New Year's Eve", "2024-12-31")],
            ),
            (
                "on New Year's night",
                dec2,
                &[("New Year's night", "2025-01-01")],
            ),
            ("on Easter Sunday", dec2, &[("Easter Sunday", "2025-04-20")]),
            ("at Easter 2024", dec2, &[("Easter 2024", "2024-03-31")]),
            (
                "on Orthodox Easter 2023",
                dec2,
                &[("Orthodox Easter 2023", "2023-04-16")],
            ),
            (
                "on Orthodox Christmas",
                dec2,
                &[("Orthodox Christmas", "2025-01-07")],
            ),
            ("a Christmas tree and New Year's resolutions", dec2, &[]),
            (
                "the following month",
                dec2,
                &[("the following month", "ctx1")],
            ),
            ("two years later", dec2, &[("two years later", "ctx24")]),
            (
                "in the first three weeks of November",
                dec2,
                &[("the first three weeks of November", "2025-11-01/2025-11-21")],
            ),
            (
                "since the start of the year",
                Some(d(2025, 1, 28)),
                &[("since the start of the year", "2025-01-01/2025-01-28")],
            ),
            (
                "from December 20 to January 5",
                Some(d(2026, 1, 3)),
                &[("from December 20 to January 5", "2025-12-20/2026-01-05")],
            ),
            (
                "from August to October",
                Some(d(2025, 9, 7)),
                &[("from August to October", "2025-08-01/2025-10-31")],
            ),
            (
                "Jan-Feb 2025",
                None,
                &[("Jan-Feb 2025", "2025-01-01/2025-02-28")],
            ),
            (
                "on Tuesday of last week",
                dec2,
                &[("Tuesday of last week", "2025-11-25")],
            ),
            ("two days ago", dec2, &[("two days ago", "2025-11-30")]),
            ("on 2025/12/02", None, &[("2025/12/02", "2025-12-02")]),
            (
                "the fourth of July, 2024",
                None,
                &[("the fourth of July, 2024", "2024-07-04")],
            ),
            ("on Monday 1st", dec2, &[("Monday 1st", "2025-12-01")]),
            (
                "in the last two quarters",
                Some(d(2025, 7, 4)),
                &[("the last two quarters", "2025-01-01/2025-06-30")],
            ),
            // Shorthand: a year's last two digits, hours and days.
            ("in Nov '24", dec2, &[("Nov '24", "2024-11")]),
            ("H1 ’25", dec2, &[("H1 ’25", "2025-01-01/2025-06-30")]),
            ("Aug 12 '24:", dec2, &[("Aug 12 '24", "2024-08-12")]),
            ("the past 24h", dec2, &[("the past 24h", "2025-12-02")]),
            (
                "the last 7d",
                dec2,
                &[("the last 7d", "2025-11-26/2025-12-02")],
            ),
            ("the week before", dec2, &[("the week before", "ctx0m-7d")]),
            (
                "Four years after the invasion began on 24 February 2022,",
                dec2,
                &[(
                    "Four years after the invasion began on 24 February 2022",
                    "2026-02-24",
                )],
            ),
            (
                "Three years after tanks rolled across the border on February 24, 2022, Russia",
                dec2,
                &[(
                    "Three years after tanks rolled across the border on February 24, 2022",
                    "2025-02-24",
                )],
            ),
        ]);
    }

    #[test]
    fn names_and_counts_are_not_times() {
        let dec2 = Some(d(2025, 12, 2));
        check(&[
            ("Russia's spring offensive stalled.", dec2, &[]),
            ("the spring offensive", dec2, &[]),
            ("a 2024 report by the UN", dec2, &[]),
            ("Janet Decided to leave.", dec2, &[]),
            ("$DEC rose", dec2, &[]),
            ("up 12% month-on-month and year-on-year", dec2, &[]),
            ("the largest attack to date", dec2, &[]),
            ("in 24 hours", dec2, &[]),
            ("the '90s", dec2, &[]),
            ("the last d", dec2, &[]),
            ("November second-largest", dec2, &[("November", "2025-11")]),
            ("Is 2015-32 valid?", dec2, &[]),
            (
                "Show sales in 2007 and 2009",
                dec2,
                &[("2007", "2007"), ("2009", "2009")],
            ),
        ]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_ordered_spans_on_char_boundaries(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "in ", "November", " 2024", "–", "since ", "the ", "start of ", "year",
                    "last ", "week", "é", "ноябрь", "3", "rd", " of ", "May", "-", "/", ".",
                    ",", "between ", " and ", "Q3", "early ", "mid-", "Monday", "past ",
                    "7 days", "ago", "12", "31", "to ", "date", "🙂", " ",
                ]),
                0..24,
            ),
            anchored in proptest::bool::ANY,
        ) {
            let text: String = parts.concat();
            let anchor = anchored.then(|| d(2025, 12, 2));
            let found = find_time_expressions(&text, anchor);
            let mut previous_end = 0;
            for m in &found {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(previous_end <= m.start);
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                previous_end = m.end;
            }
            let _ = parse_calendar_date(&text, None);
        }
    }

    #[test]
    fn an_ordinal_alone_after_a_quarter_is_the_next_quarter() {
        let dec28 = Some(d(2025, 12, 28));
        let text = "1,157 km² in the first quarter of 2025, 1,629 km² in the second and 1,480 km² in the third";
        let periods: Vec<TimeValue> = find_time_expressions(text, dec28)
            .into_iter()
            .map(|m| m.value)
            .collect();
        let quarter = |from: u32, to: u32| {
            TimeValue::Period(Period::new(
                d(2025, from, 1),
                last_day_of_month(2025, to).unwrap(),
            ))
        };
        assert_eq!(periods, vec![quarter(1, 3), quarter(4, 6), quarter(7, 9)]);
        // (A span across a new year is no quarter: this once overflowed.)
        let across = "in the winter of 2024-25 Russia took 1,000 km², and in the second";
        assert!(find_time_expressions(across, dec28).len() <= 2);
    }

    #[test]
    fn resolve_reads_whole_strings_only() {
        let dec2 = Some(d(2025, 12, 2));
        let november = Period::month(2025, 11).map(TimeValue::Period);
        assert_eq!(resolve("in November", dec2), None);
        assert_eq!(resolve(" November. ", dec2), november);
        assert_eq!(resolve("last month", dec2), november);
        assert_eq!(resolve("last month", None), Some(TimeValue::Unresolved));
        assert_eq!(
            resolve("a year earlier", dec2),
            Some(TimeValue::RelativeToContext {
                months: -12,
                days: 0
            })
        );
        assert_eq!(resolve("November and December", dec2), None);
    }

    #[test]
    fn calendar_dates_parse_whole_strings() {
        let want = Some(d(2025, 12, 2));
        for text in [
            "2 December 2025",
            "December 2, 2025",
            "Dec. 2, 2025",
            "Tuesday, 2 December 2025",
            "2025-12-02",
            "2025-12-02T10:00:00Z",
            "2 December 2025, 10:32 GMT",
            "Tue, 02 Dec 2025 10:00:00 +0000",
        ] {
            assert_eq!(parse_calendar_date(text, None), want, "{text}");
        }
        for text in ["December 2025", "last week", "", "2 December"] {
            assert_eq!(parse_calendar_date(text, None), None, "{text}");
        }
    }
}
