//! Monthly series: one consolidated value per metric, actor, region and month,
//! with every claim behind it, and the changes computed from them.
//!
//! A month's value comes, in order of precedence, from
//! 1. claims about the whole month ([`Basis::Claimed`]; for stocks, also
//!    readings dated inside the month, the latest one standing for it),
//! 2. claims about days or weeks that tile the whole month without overlap
//!    ([`Basis::SummedDays`]),
//! 3. the parts of a composite metric (drones + missiles, [`Basis::SumOfParts`]),
//! 4. a change reported for the next month (`5,600, up 2%` implies about 5,490,
//!    [`Basis::Derived`]).
//!
//! Facts about years or other multi-month spans never enter a month; year
//! figures are kept as [`AnnualValue`]s.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rayon::prelude::*;

use super::metrics::{self, Kind, MetricInfo};
use super::Month;
use crate::fact::{Fact, Period, StoredFact};

/// How several claims about the same month become one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Policy {
    /// The claim from the latest publication (later reports revise earlier ones).
    #[default]
    Latest,
    /// The median of the claims.
    Median,
    /// The largest claim.
    Max,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Latest => "latest",
            Policy::Median => "median",
            Policy::Max => "max",
        }
    }
}

/// Where a month's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    /// A figure reported for the month itself.
    Claimed,
    /// The sum of daily or weekly figures covering every day of the month.
    SummedDays,
    /// The sum of the metric's parts (drones plus missiles).
    SumOfParts,
    /// Implied by a change reported for the following month.
    Derived,
}

impl Basis {
    /// The label used in tables and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Claimed => "claimed",
            Basis::SummedDays => "summed_days",
            Basis::SumOfParts => "sum_of_parts",
            Basis::Derived => "derived",
        }
    }
}

/// The identity of a series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub metric: String,
    pub actor: Option<String>,
    /// `None` for national figures.
    pub region: Option<String>,
}

impl SeriesKey {
    pub fn new(metric: &str, actor: Option<&str>, region: Option<&str>) -> SeriesKey {
        SeriesKey {
            metric: metric.to_string(),
            actor: actor.map(str::to_string),
            region: region.map(str::to_string),
        }
    }
}

impl fmt::Display for SeriesKey {
    /// `territory_gained Russia Donetsk`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.metric)?;
        for part in [&self.actor, &self.region].into_iter().flatten() {
            write!(f, " {part}")?;
        }
        Ok(())
    }
}

/// A change between two months of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// Difference in the series' unit (points for a percentage stock).
    pub absolute: f64,
    /// Relative change in percent; `None` for stocks (whose change is
    /// `absolute`, in points) and when the earlier value is zero.
    pub percent: Option<f64>,
}

/// How a month compares with the history before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Larger than every earlier month.
    LargestOnRecord,
    /// Larger than every month after this one (the most recent earlier month
    /// with a larger or equal value).
    LargestSince(Month),
    SmallestOnRecord,
    SmallestSince(Month),
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Record::LargestOnRecord => f.write_str("largest on record"),
            Record::LargestSince(month) => write!(f, "largest since {month}"),
            Record::SmallestOnRecord => f.write_str("smallest on record"),
            Record::SmallestSince(month) => write!(f, "smallest since {month}"),
        }
    }
}

/// One month of a series.
#[derive(Debug, Clone)]
pub struct MonthValue<'a> {
    pub month: Month,
    /// The consolidated value.
    pub value: f64,
    pub basis: Basis,
    /// Every fact behind the value.
    pub claims: Vec<&'a StoredFact>,
    /// Smallest and largest value the claims allow (for sums: the sums of the
    /// smallest and largest claims of each part).
    pub min: f64,
    pub max: f64,
    /// True when `max` exceeds `min` by more than 5%.
    pub conflict: bool,
    /// The claim whose value was taken, under the `latest` and `max` policies.
    pub chosen: Option<&'a StoredFact>,
    /// Change from the previous calendar month; `None` when that month has no value.
    pub mom: Option<Change>,
    /// Change from the same month a year earlier.
    pub yoy: Option<Change>,
    /// 1 for the largest value among this and all earlier months.
    pub rank: usize,
    /// Number of months with values up to and including this one.
    pub ranked_months: usize,
    pub record: Option<Record>,
}

/// Every month with a value for one metric, actor and region.
#[derive(Debug, Clone)]
pub struct Series<'a> {
    pub key: SeriesKey,
    /// The stored unit (`km2`, `count`, `percent`).
    pub unit: String,
    pub info: MetricInfo,
    pub months: BTreeMap<Month, MonthValue<'a>>,
}

impl<'a> Series<'a> {
    pub fn get(&self, month: Month) -> Option<&MonthValue<'a>> {
        self.months.get(&month)
    }

    pub fn value(&self, month: Month) -> Option<f64> {
        self.get(month).map(|v| v.value)
    }

    pub fn first_month(&self) -> Option<Month> {
        self.months.keys().next().copied()
    }

    pub fn last_month(&self) -> Option<Month> {
        self.months.keys().next_back().copied()
    }

    pub fn is_national(&self) -> bool {
        self.key.region.is_none()
    }
}

/// A reported change checked against the series.
#[derive(Debug, Clone)]
pub struct Check<'a> {
    pub key: SeriesKey,
    /// The month the reported figure is about.
    pub month: Month,
    pub fact: &'a StoredFact,
    /// The change the source reported, in percent.
    pub reported_pct: f64,
    /// The previous month's consolidated value and its basis.
    pub previous: f64,
    pub previous_basis: Basis,
    /// The change from `previous` to the fact's value, in percent.
    pub computed_pct: f64,
}

impl Check<'_> {
    /// Reported and computed changes more than one percentage point apart.
    pub fn failed(&self) -> bool {
        (self.reported_pct - self.computed_pct).abs() > 1.0
    }
}

/// A figure reported for a whole calendar year.
#[derive(Debug, Clone)]
pub struct AnnualValue<'a> {
    pub key: SeriesKey,
    pub year: i32,
    pub value: f64,
    pub claims: Vec<&'a StoredFact>,
    pub min: f64,
    pub max: f64,
    pub conflict: bool,
    /// The sum of the year's twelve monthly values, when all twelve exist.
    pub months_total: Option<f64>,
}

/// All series built from a set of facts.
#[derive(Debug, Clone)]
pub struct Monthly<'a> {
    pub policy: Policy,
    /// Sorted: known metrics in the report's order, then by name, actor and
    /// region (national first).
    pub series: Vec<Series<'a>>,
    /// Every reported change that could be checked, in series order.
    pub checks: Vec<Check<'a>>,
    pub annual: Vec<AnnualValue<'a>>,
}

/// Metric, actor and region, borrowed from the facts while grouping them.
type GroupKey<'f> = (&'f str, Option<&'f str>, Option<&'f str>);

/// Claims more than this far apart (relative to the smallest) conflict.
const CONFLICT_RATIO: f64 = 0.05;

impl<'a> Monthly<'a> {
    /// Builds every series from `facts`, ignoring superseded ones.
    pub fn build(facts: &'a [StoredFact], policy: Policy) -> Monthly<'a> {
        let built: Vec<(Series, Vec<AnnualValue>)> = group_by_series(facts)
            .into_par_iter()
            .map(|((metric, actor, region), group)| {
                build_direct(SeriesKey::new(metric, actor, region), &group, policy)
            })
            .collect();
        let mut series = Vec::with_capacity(built.len());
        let mut annual = Vec::new();
        for (one, years) in built {
            series.push(one);
            annual.extend(years);
        }

        add_sums_of_parts(&mut series);
        series.par_iter_mut().for_each(|one| {
            add_derived(one, policy);
            compute_changes(one);
        });
        // Series of facts that never make a month (partial counts, years).
        series.retain(|s| !s.months.is_empty());
        series.sort_by(|a, b| series_order(a).cmp(&series_order(b)));

        for value in &mut annual {
            let Some(built) = series.iter().find(|s| s.key == value.key) else {
                continue;
            };
            let months: Vec<f64> = (1..=12)
                .filter_map(|m| Month::new(value.year, m).and_then(|m| built.value(m)))
                .collect();
            value.months_total = (months.len() == 12).then(|| months.iter().sum());
        }
        annual.sort_by(|a, b| (&a.key, a.year).cmp(&(&b.key, b.year)));

        let checks = series.par_iter().flat_map_iter(checks_of).collect();
        Monthly {
            policy,
            series,
            checks,
            annual,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The earliest month with a value in any series.
    pub fn first_month(&self) -> Option<Month> {
        self.series.iter().filter_map(Series::first_month).min()
    }

    /// The latest month with a value in any series.
    pub fn latest_month(&self) -> Option<Month> {
        self.series.iter().filter_map(Series::last_month).max()
    }

    /// The series of exactly this metric, actor and region.
    pub fn find(
        &self,
        metric: &str,
        actor: Option<&str>,
        region: Option<&str>,
    ) -> Option<&Series<'a>> {
        self.series.iter().find(|s| {
            s.key.metric == metric
                && s.key.actor.as_deref() == actor
                && s.key.region.as_deref() == region
        })
    }

    /// The national series of `metric` that best represents it at `month`:
    /// one with a value that month if any, then the one with most months.
    pub fn primary(&self, metric: &str, month: Month) -> Option<&Series<'a>> {
        self.series
            .iter()
            .filter(|s| s.key.metric == metric && s.is_national())
            .max_by_key(|s| (s.months.contains_key(&month), s.months.len()))
    }

    /// Checks whose reported and computed changes disagree.
    pub fn failed_checks(&self) -> impl Iterator<Item = &Check<'a>> {
        self.checks.iter().filter(|c| c.failed())
    }
}

/// What the series read of a fact, copied out of it while grouping. A
/// million facts fill hundreds of megabytes, scattered in memory as the
/// series see them; reading this copy instead halves the report's time.
#[derive(Clone, Copy)]
struct Claim<'a> {
    stored: &'a StoredFact,
    period: Period,
    value: f64,
    /// What `Policy::Latest` orders claims by.
    published: (Option<NaiveDate>, DateTime<Utc>),
}

impl<'a> Claim<'a> {
    /// The claim of a fact with a period and a finite value.
    fn of(stored: &'a StoredFact) -> Option<Claim<'a>> {
        let fact = &stored.fact;
        Some(Claim {
            stored,
            period: fact.period_span()?,
            value: Some(fact.value).filter(|v| v.is_finite())?,
            published: (fact.doc_date, stored.ingested_at),
        })
    }
}

/// The facts of one series, in storage order (which `Policy::Latest` uses
/// to break ties).
struct Group<'a> {
    /// The first fact, which gives the series its unit.
    first: &'a StoredFact,
    /// The facts that can make a value: those with a period and a finite value.
    claims: Vec<Claim<'a>>,
}

/// Facts grouped in chunks this long, in parallel.
const GROUPING_CHUNK: usize = 1 << 15;

/// The facts that are not superseded, by metric, actor and region.
fn group_by_series(facts: &[StoredFact]) -> Groups<'_> {
    let chunks: Vec<Groups> = facts
        .par_chunks(GROUPING_CHUNK)
        .map(|chunk| {
            let mut groups = Groups::default();
            for stored in chunk.iter().filter(|s| !s.superseded) {
                let fact = &stored.fact;
                let group = groups
                    .entry((
                        fact.metric.as_str(),
                        fact.actor.as_deref(),
                        fact.region.as_deref(),
                    ))
                    .or_insert_with(|| Group {
                        first: stored,
                        claims: Vec::new(),
                    });
                group.claims.extend(Claim::of(stored));
            }
            groups
        })
        .collect();
    let mut merged = Groups::default();
    for chunk in chunks {
        for (key, group) in chunk {
            match merged.entry(key) {
                Entry::Vacant(place) => {
                    place.insert(group);
                }
                Entry::Occupied(mut place) => place.get_mut().claims.extend(group.claims),
            }
        }
    }
    merged
}

type Groups<'f> = HashMap<GroupKey<'f>, Group<'f>>;

fn series_order<'s>(series: &'s Series) -> (usize, &'s str, Option<&'s str>, Option<&'s str>) {
    (
        series.info.order,
        &series.key.metric,
        series.key.actor.as_deref(),
        series.key.region.as_deref(),
    )
}

/// The value a policy picks among `candidates` and the fact it came from,
/// if one did.
fn pick<'a>(candidates: &[Claim<'a>], policy: Policy) -> Option<(f64, Option<&'a StoredFact>)> {
    match policy {
        Policy::Latest => candidates
            .iter()
            // `max_by` keeps the last of equals: with identical dates, the fact
            // stored later wins.
            .max_by(|a, b| a.published.cmp(&b.published))
            .map(|c| (c.value, Some(c.stored))),
        Policy::Max => candidates
            .iter()
            .max_by(|a, b| a.value.total_cmp(&b.value))
            .map(|c| (c.value, Some(c.stored))),
        Policy::Median => {
            let mut values: Vec<f64> = candidates.iter().map(|c| c.value).collect();
            if values.is_empty() {
                return None;
            }
            values.sort_by(f64::total_cmp);
            let middle = values.len() / 2;
            let median = if values.len() % 2 == 1 {
                values[middle]
            } else {
                (values[middle - 1] + values[middle]) / 2.0
            };
            Some((median, None))
        }
    }
}

fn spread(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

fn conflicts(min: f64, max: f64) -> bool {
    max - min > CONFLICT_RATIO * min.abs()
}

fn month_value<'a>(
    month: Month,
    value: f64,
    basis: Basis,
    claims: Vec<&'a StoredFact>,
    (min, max): (f64, f64),
    chosen: Option<&'a StoredFact>,
) -> MonthValue<'a> {
    MonthValue {
        month,
        value,
        basis,
        claims,
        min,
        max,
        conflict: conflicts(min, max),
        chosen,
        mom: None,
        yoy: None,
        rank: 0,
        ranked_months: 0,
        record: None,
    }
}

/// The series of one metric, actor and region from its own facts (claimed and
/// summed months), and the year figures among them.
fn build_direct<'a>(
    key: SeriesKey,
    group: &Group<'a>,
    policy: Policy,
) -> (Series<'a>, Vec<AnnualValue<'a>>) {
    let unit = group.first.fact.unit.clone();
    let info = metrics::info(&key.metric, &unit);

    let mut claimed: BTreeMap<Month, Vec<Claim>> = BTreeMap::new();
    let mut partial: BTreeMap<Month, BTreeMap<(NaiveDate, NaiveDate), Vec<Claim>>> =
        BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<Claim>> = BTreeMap::new();
    for &claim in &group.claims {
        let period = claim.period;
        let (first, last) = (Month::of(period.start), Month::of(period.end));
        if period.is_month() || (first == last && info.kind == Kind::Stock) {
            claimed.entry(first).or_default().push(claim);
        } else if first == last {
            partial
                .entry(first)
                .or_default()
                .entry((period.start, period.end))
                .or_default()
                .push(claim);
        } else if period.is_year() {
            years.entry(period.start.year()).or_default().push(claim);
        }
    }

    let mut months = BTreeMap::new();
    for (month, claims) in claimed {
        // A stock is a level: only the readings with the latest date in the
        // month stand for it.
        let latest_end = claims.iter().map(|c| c.period.end).max();
        let candidates: Vec<Claim> = claims
            .iter()
            .filter(|c| info.kind == Kind::Flow || Some(c.period.end) == latest_end)
            .copied()
            .collect();
        let Some((value, chosen)) = pick(&candidates, policy) else {
            continue;
        };
        let range = spread(claims.iter().map(|c| c.value));
        months.insert(
            month,
            month_value(
                month,
                value,
                Basis::Claimed,
                facts_of(&claims),
                range,
                chosen,
            ),
        );
    }
    for (month, spans) in partial {
        if months.contains_key(&month) {
            continue;
        }
        if let Some(value) = sum_covering_spans(month, &spans, policy) {
            months.insert(month, value);
        }
    }

    let annual = years
        .into_iter()
        .filter_map(|(year, claims)| {
            let (value, _) = pick(&claims, policy)?;
            let (min, max) = spread(claims.iter().map(|c| c.value));
            Some(AnnualValue {
                key: key.clone(),
                year,
                value,
                claims: facts_of(&claims),
                min,
                max,
                conflict: conflicts(min, max),
                months_total: None,
            })
        })
        .collect();

    (
        Series {
            key,
            unit,
            info,
            months,
        },
        annual,
    )
}

fn facts_of<'a>(claims: &[Claim<'a>]) -> Vec<&'a StoredFact> {
    claims.iter().map(|c| c.stored).collect()
}

/// The month's value as the sum of sub-month spans that cover each of its days
/// exactly once, preferring the fewest spans (weeks over days); `None` when
/// some day is not covered.
fn sum_covering_spans<'a>(
    month: Month,
    spans: &BTreeMap<(NaiveDate, NaiveDate), Vec<Claim<'a>>>,
    policy: Policy,
) -> Option<MonthValue<'a>> {
    let first_day = month.first_day();
    let days = month.days() as usize;
    let spans: Vec<(usize, usize, &Vec<Claim>)> = spans
        .iter()
        .map(|((start, end), claims)| {
            let from = (*start - first_day).num_days() as usize;
            let to = (*end - first_day).num_days() as usize + 1;
            (from, to, claims)
        })
        .collect();

    // best[d]: fewest spans tiling days 0..d, and the span ending the tiling.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; days + 1];
    best[0] = Some((0, usize::MAX));
    for day in 0..days {
        let Some((pieces, _)) = best[day] else {
            continue;
        };
        for (index, &(from, to, _)) in spans.iter().enumerate() {
            if from == day && to <= days && best[to].is_none_or(|(p, _)| pieces + 1 < p) {
                best[to] = Some((pieces + 1, index));
            }
        }
    }

    let mut value = 0.0;
    let (mut min, mut max) = (0.0, 0.0);
    let mut claims = Vec::new();
    let mut day = days;
    while day > 0 {
        let (_, index) = best[day]?;
        let (from, _, span_claims) = spans[index];
        let (span_value, _) = pick(span_claims, policy)?;
        let (span_min, span_max) = spread(span_claims.iter().map(|c| c.value));
        value += span_value;
        min += span_min;
        max += span_max;
        claims.extend(span_claims.iter().copied());
        day = from;
    }
    claims.sort_by_key(|c| c.period.start);
    Some(month_value(
        month,
        value,
        Basis::SummedDays,
        facts_of(&claims),
        (min, max),
        None,
    ))
}

/// Fills months of composite metrics (drones and missiles launched) from their
/// parts, where every part has a value and the composite has none.
fn add_sums_of_parts(series: &mut Vec<Series<'_>>) {
    for (composite, parts) in metrics::composites() {
        let mut places: Vec<(Option<String>, Option<String>)> = series
            .iter()
            .filter(|s| s.key.metric == parts[0])
            .map(|s| (s.key.actor.clone(), s.key.region.clone()))
            .collect();
        places.sort();
        for (actor, region) in places {
            let find = |metric: &str| {
                series.iter().position(|s| {
                    s.key.metric == metric && s.key.actor == actor && s.key.region == region
                })
            };
            let Some(part_indices) = parts.iter().map(|p| find(p)).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let first_part = &series[part_indices[0]];
            let mut sums = Vec::new();
            for &month in first_part.months.keys() {
                let values: Option<Vec<&MonthValue>> = part_indices
                    .iter()
                    .map(|&i| series[i].months.get(&month))
                    .collect();
                let Some(values) = values else { continue };
                let value = values.iter().map(|v| v.value).sum();
                let range = (
                    values.iter().map(|v| v.min).sum(),
                    values.iter().map(|v| v.max).sum(),
                );
                let claims = values
                    .iter()
                    .flat_map(|v| v.claims.iter().copied())
                    .collect();
                sums.push(month_value(
                    month,
                    value,
                    Basis::SumOfParts,
                    claims,
                    range,
                    None,
                ));
            }
            if sums.is_empty() {
                continue;
            }
            let target = match find(composite) {
                Some(index) => index,
                None => {
                    let unit = first_part.unit.clone();
                    series.push(Series {
                        key: SeriesKey {
                            metric: composite.to_string(),
                            actor: actor.clone(),
                            region: region.clone(),
                        },
                        info: metrics::info(composite, &unit),
                        unit,
                        months: BTreeMap::new(),
                    });
                    series.len() - 1
                }
            };
            for sum in sums {
                series[target].months.entry(sum.month).or_insert(sum);
            }
        }
    }
}

/// Fills months that have no value with the value implied by a change reported
/// for the following month.
fn add_derived(series: &mut Series<'_>, policy: Policy) {
    let mut implied: BTreeMap<Month, Vec<Claim>> = BTreeMap::new();
    for (month, value) in &series.months {
        if value.basis != Basis::Claimed || series.months.contains_key(&month.previous()) {
            continue;
        }
        for &stored in &value.claims {
            let fact = &stored.fact;
            // Most facts report no change: test that before the period.
            let Some(change) = fact.change_pct.filter(|_| is_about_month(fact, *month)) else {
                continue;
            };
            let factor = 1.0 + change / 100.0;
            let Some(claim) = Claim::of(stored) else {
                continue;
            };
            if factor > 0.0 && factor.is_finite() {
                implied.entry(month.previous()).or_default().push(Claim {
                    value: fact.value / factor,
                    ..claim
                });
            }
        }
    }
    for (month, candidates) in implied {
        let Some((value, chosen)) = pick(&candidates, policy) else {
            continue;
        };
        let range = spread(candidates.iter().map(|c| c.value));
        series.months.insert(
            month,
            month_value(
                month,
                value,
                Basis::Derived,
                facts_of(&candidates),
                range,
                chosen,
            ),
        );
    }
}

/// True when `fact` is about exactly `month`.
fn is_about_month(fact: &Fact, month: Month) -> bool {
    fact.period_span().and_then(|p| Month::of_period(&p)) == Some(month)
}

fn change(kind: Kind, from: f64, to: f64) -> Change {
    Change {
        absolute: to - from,
        percent: (kind == Kind::Flow && from != 0.0).then(|| (to / from - 1.0) * 100.0),
    }
}

/// Month-on-month and year-on-year changes, ranks and records.
fn compute_changes(series: &mut Series<'_>) {
    let kind = series.info.kind;
    let history: Vec<(Month, f64)> = series.months.values().map(|v| (v.month, v.value)).collect();
    let lookup: HashMap<Month, f64> = history.iter().copied().collect();
    for (position, value) in series.months.values_mut().enumerate() {
        let current = value.value;
        value.mom = lookup
            .get(&value.month.previous())
            .map(|&p| change(kind, p, current));
        value.yoy = lookup
            .get(&value.month.offset(-12))
            .map(|&p| change(kind, p, current));

        let earlier = &history[..position];
        value.ranked_months = position + 1;
        value.rank = 1 + earlier.iter().filter(|(_, v)| *v > current).count();
        value.record = earlier.last().and_then(|&(_, previous)| {
            if current > previous {
                Some(match earlier.iter().rev().find(|(_, v)| *v >= current) {
                    Some(&(month, _)) => Record::LargestSince(month),
                    None => Record::LargestOnRecord,
                })
            } else if current < previous {
                Some(match earlier.iter().rev().find(|(_, v)| *v <= current) {
                    Some(&(month, _)) => Record::SmallestSince(month),
                    None => Record::SmallestOnRecord,
                })
            } else {
                None
            }
        });
    }
}

/// Every reported change in a series whose previous month has a value not
/// itself derived from a reported change.
fn checks_of<'a>(series: &Series<'a>) -> Vec<Check<'a>> {
    let mut checks = Vec::new();
    for (month, value) in &series.months {
        if value.basis != Basis::Claimed {
            continue;
        }
        let Some(previous) = series
            .get(month.previous())
            .filter(|p| p.basis != Basis::Derived && p.value != 0.0)
        else {
            continue;
        };
        for &claim in &value.claims {
            let fact = &claim.fact;
            // Most facts report no change: test that before the period.
            let Some(reported_pct) = fact.change_pct.filter(|_| is_about_month(fact, *month))
            else {
                continue;
            };
            checks.push(Check {
                key: series.key.clone(),
                month: *month,
                fact: claim,
                reported_pct,
                previous: previous.value,
                previous_basis: previous.basis,
                computed_pct: (fact.value / previous.value - 1.0) * 100.0,
            });
        }
    }
    checks
}
