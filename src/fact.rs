//! The [`Fact`]: the one type that extraction produces and everything downstream
//! (store, report, export) consumes. Its JSONL form is a stable contract.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a figure was hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No hedge: "701 square kilometres".
    #[default]
    Exact,
    /// "about", "nearly", "almost", "around", "some", "roughly", and ranges.
    Approx,
    /// "more than", "over", "at least".
    AtLeast,
    /// "up to", "fewer than", "under".
    AtMost,
}

impl Qualifier {
    /// The label used in JSONL, CSV and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }

    /// Parses a label written by [`Qualifier::as_str`].
    pub fn parse(label: &str) -> Option<Qualifier> {
        match label {
            "exact" => Some(Qualifier::Exact),
            "approx" => Some(Qualifier::Approx),
            "at_least" => Some(Qualifier::AtLeast),
            "at_most" => Some(Qualifier::AtMost),
            _ => None,
        }
    }
}

/// An inclusive span of calendar days that a figure covers.
///
/// ```
/// use chrono::NaiveDate;
/// use frontline::fact::Period;
/// let november = Period::month(2025, 11).unwrap();
/// assert_eq!(november.label(), "2025-11");
/// assert_eq!(november.end, NaiveDate::from_ymd_opt(2025, 11, 30).unwrap());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Period {
        if start <= end {
            Period { start, end }
        } else {
            Period {
                start: end,
                end: start,
            }
        }
    }

    pub fn day(date: NaiveDate) -> Period {
        Period {
            start: date,
            end: date,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Period {
            start,
            end: last_day_of_month(year, month)?,
        })
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// True when the period is exactly one calendar month.
    pub fn is_month(&self) -> bool {
        self.start.day() == 1
            && self.start.year() == self.end.year()
            && self.start.month() == self.end.month()
            && Some(self.end) == last_day_of_month(self.end.year(), self.end.month())
    }

    /// True when the period is exactly one calendar year.
    pub fn is_year(&self) -> bool {
        self.start.ordinal() == 1
            && self.start.year() == self.end.year()
            && self.end.month() == 12
            && self.end.day() == 31
    }

    /// `2025-11` for a month, `2025-11-03` for a day, `2025` for a year,
    /// `START/END` in ISO dates otherwise.
    pub fn label(&self) -> String {
        if self.start == self.end {
            iso_day(self.start)
        } else if self.is_month() {
            let mut day = iso_day(self.start);
            day.truncate(day.len() - 3);
            day
        } else if self.is_year() {
            self.start.year().to_string()
        } else {
            format!("{}/{}", iso_day(self.start), iso_day(self.end))
        }
    }

    /// Number of days covered, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// `2025-11-03`, as chrono's `%Y-%m-%d` writes it (without its format
/// parser or `format!`, each of which costs more than the rest of a fact).
fn iso_day(day: NaiveDate) -> String {
    let Ok(year @ 0..=9999) = u32::try_from(day.year()) else {
        return day.format("%Y-%m-%d").to_string();
    };
    let mut label = String::with_capacity(10);
    push_digits(&mut label, year, 4);
    label.push('-');
    push_digits(&mut label, day.month(), 2);
    label.push('-');
    push_digits(&mut label, day.day(), 2);
    label
}

/// The last `width` decimal digits of `value`, zero-padded.
fn push_digits(label: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        label.push(char::from(b'0' + digit as u8));
    }
}

/// The last calendar day of a month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// One quantity of one metric, for one actor, over one period (and optionally
/// one region), from one sentence, with its provenance.
///
/// Serialises to the JSONL schema of `frontline extract` (empty values are `null`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The JSONL `id` of the document, else a hash of its content.
    pub doc_id: String,
    /// Path or URL the document came from.
    pub source: String,
    /// Publication date that anchored relative time expressions.
    pub doc_date: Option<NaiveDate>,
    /// Metric name from the lexicon, e.g. `territory_gained`.
    pub metric: String,
    /// Who gained the territory or launched the weapons.
    pub actor: Option<String>,
    /// Oblast or region the figure is restricted to; `None` for national figures.
    pub region: Option<String>,
    /// The normalised value (km² for areas, `count`, `percent`).
    pub value: f64,
    pub unit: String,
    pub value_low: Option<f64>,
    pub value_high: Option<f64>,
    pub qualifier: Qualifier,
    /// Period label: `2025-11`, `2025-11-03`, `2025`, or `START/END`.
    pub period: Option<String>,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    /// Reported change relative to the previous period ("an increase of 2%").
    pub change_pct: Option<f64>,
    /// Rank or other remark on the figure ("second-largest").
    pub note: Option<String>,
    /// The sentence the figure was read from.
    pub sentence: String,
    /// Byte span of the figure in the document text.
    pub start: usize,
    pub end: usize,
    /// The figure as written, before unit conversion.
    pub original_text: String,
}

impl Fact {
    /// The period as a [`Period`], when it was resolved.
    pub fn period_span(&self) -> Option<Period> {
        Some(Period::new(self.period_start?, self.period_end?))
    }

    /// What the fact measures, its value aside: metric, actor, region and
    /// period. Two facts with the same quantity and value make one claim.
    pub fn quantity(&self) -> (&str, Option<&str>, Option<&str>, Option<&str>) {
        (
            &self.metric,
            self.actor.as_deref(),
            self.region.as_deref(),
            self.period.as_deref(),
        )
    }

    /// Adds `part`, a later part of the same count in the same sentence of
    /// `text`: the values (and bounds) add up, and the quoted text runs to the
    /// end of the part.
    pub fn add_part(&mut self, part: &Fact, text: &str) {
        let bound = |bound: Option<f64>, value: f64| bound.unwrap_or(value);
        if self.value_low.is_some() || part.value_low.is_some() {
            self.value_low =
                Some(bound(self.value_low, self.value) + bound(part.value_low, part.value));
            self.value_high =
                Some(bound(self.value_high, self.value) + bound(part.value_high, part.value));
        }
        self.value += part.value;
        if self.qualifier != part.qualifier {
            self.qualifier = Qualifier::Approx;
        }
        self.end = part.end;
        if let Some(quoted) = text.get(self.start..self.end) {
            self.original_text = quoted.to_string();
        }
    }

    /// Sets `period`, `period_start` and `period_end` together.
    pub fn set_period(&mut self, period: Option<Period>) {
        self.period = period.map(|p| p.label());
        self.period_start = period.map(|p| p.start);
        self.period_end = period.map(|p| p.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn labels_follow_granularity() {
        let cases = [
            (Period::day(date(2025, 11, 3)), "2025-11-03"),
            (Period::month(2024, 2).unwrap(), "2024-02"),
            (Period::year(2024).unwrap(), "2024"),
            (
                Period::new(date(2024, 10, 1), date(2024, 10, 27)),
                "2024-10-01/2024-10-27",
            ),
            (
                Period::new(date(2025, 1, 1), date(2025, 3, 31)),
                "2025-01-01/2025-03-31",
            ),
        ];
        for (period, label) in cases {
            assert_eq!(period.label(), label);
        }
    }

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2025, 12, 31),
            (7, 1, 2),
            (0, 3, 9),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 6, 30),
        ] {
            let day = date(y, m, d);
            assert_eq!(iso_day(day), day.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn february_end_accounts_for_leap_years() {
        assert_eq!(last_day_of_month(2024, 2), Some(date(2024, 2, 29)));
        assert_eq!(last_day_of_month(2025, 2), Some(date(2025, 2, 28)));
        assert_eq!(last_day_of_month(2025, 12), Some(date(2025, 12, 31)));
    }

    #[test]
    fn qualifier_labels_round_trip() {
        for q in [
            Qualifier::Exact,
            Qualifier::Approx,
            Qualifier::AtLeast,
            Qualifier::AtMost,
        ] {
            assert_eq!(Qualifier::parse(q.as_str()), Some(q));
        }
        let json = serde_json::to_string(&Qualifier::AtLeast).unwrap();
        assert_eq!(json, "\"at_least\"");
    }
}

/// A fact as kept in the store: the extracted [`Fact`] plus what the store knows
/// about it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFact {
    pub fact: Fact,
    /// When the batch holding this fact was written.
    pub ingested_at: chrono::DateTime<chrono::Utc>,
    /// True when a newer version of the same source was ingested later.
    pub superseded: bool,
}

/// A stored fact for unit tests: 1 km² of territory gained, from one
/// sentence of a Kyiv Independent article, over `period`, not superseded.
#[cfg(test)]
pub(crate) fn stored_fact_for_tests(period: Option<Period>) -> StoredFact {
    let mut fact = Fact {
        doc_id: "d".into(),
        source: "News/Kyiv-Independent.txt".into(),
        doc_date: None,
        metric: "territory_gained".into(),
        actor: None,
        region: None,
        value: 1.0,
        unit: "km2".into(),
        value_low: None,
        value_high: None,
        qualifier: Qualifier::Exact,
        period: None,
        period_start: None,
        period_end: None,
        change_pct: None,
        note: None,
        sentence: "s".into(),
        start: 0,
        end: 1,
        original_text: "1".into(),
    };
    fact.set_period(period);
    StoredFact {
        fact,
        ingested_at: chrono::Utc::now(),
        superseded: false,
    }
}
