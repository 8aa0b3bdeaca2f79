//! The figures of one month: every series' value with its changes, the
//! conflicting claims, the reported changes that do not add up, and the
//! sources behind them. Printed as a table by `frontline report` and drawn on
//! the summary page.

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::NaiveDate;

use super::format::{human, signed, signed_pct, with_unit};
use super::metrics::{ChartGroup, Kind};
use super::series::{AnnualValue, Check, MonthValue, Monthly, Series};
use super::Month;

/// One series' value in the summary month.
#[derive(Debug, Clone, Copy)]
pub struct SummaryRow<'m, 'a> {
    pub series: &'m Series<'a>,
    pub value: &'m MonthValue<'a>,
}

/// A document behind the month's figures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceRef {
    pub doc_date: Option<NaiveDate>,
    pub source: String,
    pub doc_id: String,
}

/// Everything reported about one month.
#[derive(Debug, Clone)]
pub struct MonthSummary<'m, 'a> {
    pub month: Month,
    pub monthly: &'m Monthly<'a>,
    /// Every series with a value this month, in report order.
    pub rows: Vec<SummaryRow<'m, 'a>>,
    /// Reported changes about this month that disagree with the computed ones.
    pub failed_checks: Vec<&'m Check<'a>>,
    /// Year figures for this month's year and the one before.
    pub annual: Vec<&'m AnnualValue<'a>>,
    /// Documents behind this month's values, oldest first.
    pub sources: Vec<SourceRef>,
}

impl<'m, 'a> MonthSummary<'m, 'a> {
    pub fn new(monthly: &'m Monthly<'a>, month: Month) -> MonthSummary<'m, 'a> {
        let rows: Vec<SummaryRow> = monthly
            .series
            .iter()
            .filter_map(|series| series.get(month).map(|value| SummaryRow { series, value }))
            .collect();
        let failed_checks = monthly
            .failed_checks()
            .filter(|c| c.month == month)
            .collect();
        let annual = monthly
            .annual
            .iter()
            .filter(|a| a.year == month.year() || a.year == month.year() - 1)
            .collect();
        let sources: BTreeSet<SourceRef> = rows
            .iter()
            .flat_map(|row| row.value.claims.iter())
            .map(|claim| SourceRef {
                doc_date: claim.fact.doc_date,
                source: claim.fact.source.clone(),
                doc_id: claim.fact.doc_id.clone(),
            })
            .collect();
        MonthSummary {
            month,
            monthly,
            rows,
            failed_checks,
            annual,
            sources: sources.into_iter().collect(),
        }
    }

    /// Rows whose claims conflict.
    pub fn conflicts(&self) -> impl Iterator<Item = &SummaryRow<'m, 'a>> {
        self.rows.iter().filter(|row| row.value.conflict)
    }

    /// The national figures of charted metrics, one per metric (its main
    /// actor): the headline numbers of the month.
    pub fn headlines(&self) -> Vec<SummaryRow<'m, 'a>> {
        self.rows
            .iter()
            .filter(|row| {
                row.series.is_national()
                    && row.series.info.group != ChartGroup::None
                    && self
                        .monthly
                        .primary(&row.series.key.metric, self.month)
                        .is_some_and(|p| p.key == row.series.key)
            })
            .copied()
            .collect()
    }

    /// The summary as aligned text, as `frontline report` prints it.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Frontline report for {} (policy: {})\n",
            self.month.long_name(),
            self.monthly.policy.as_str()
        );
        let header = [
            "figure", "actor", "region", "value", "basis", "claims", "range", "MoM", "MoM %",
            "YoY", "YoY %", "rank", "record",
        ];
        let body: Vec<Vec<String>> = self.rows.iter().map(SummaryRow::cells).collect();
        out.push_str(&align(&header, &body));

        if self.conflicts().next().is_some() {
            out.push_str("\nConflicting claims (more than 5% apart):\n");
            for row in self.conflicts() {
                let _ = writeln!(out, "  {}: {}", row.label(), row.claims_text());
            }
        }
        if !self.failed_checks.is_empty() {
            out.push_str(
                "\nReported changes that do not match the series (more than 1 point off):\n",
            );
            for check in &self.failed_checks {
                let _ = writeln!(out, "  {}", check_text(self.monthly, check));
            }
        }
        if !self.annual.is_empty() {
            out.push_str("\nYear figures:\n");
            for annual in &self.annual {
                let _ = writeln!(out, "  {}", annual_text(self.monthly, annual));
            }
        }
        if !self.sources.is_empty() {
            let _ = writeln!(out, "\nSources for {}:", self.month);
            for source in &self.sources {
                let _ = writeln!(out, "  {}", source.text());
            }
        }
        out
    }
}

impl SummaryRow<'_, '_> {
    /// `Territory gained, Russia, Donetsk`.
    pub fn label(&self) -> String {
        let key = &self.series.key;
        let mut label = self.series.info.title.to_string();
        for part in [&key.actor, &key.region].into_iter().flatten() {
            label.push_str(", ");
            label.push_str(part);
        }
        label
    }

    pub fn value_text(&self) -> String {
        with_unit(self.value.value, &self.series.info.unit_label)
    }

    /// `+240 (+52.1%)`, `+0.1 pt` for a stock, `n/a` when unknown.
    pub fn mom_text(&self) -> String {
        change_text(self.series, self.value.mom)
    }

    pub fn yoy_text(&self) -> String {
        change_text(self.series, self.value.yoy)
    }

    /// `largest since 2024-11`, else the rank: `3rd of 21 months`.
    pub fn record_text(&self) -> String {
        match self.value.record {
            Some(record) => record.to_string(),
            None if self.value.ranked_months == 1 => "first month on record".to_string(),
            None => format!(
                "{} of {} months",
                ordinal(self.value.rank),
                self.value.ranked_months
            ),
        }
    }

    /// Every claim with its value and source: `588 (afp-2025-07, 2025-07-01)`.
    pub fn claims_text(&self) -> String {
        self.value
            .claims
            .iter()
            .map(|claim| {
                let fact = &claim.fact;
                let date = fact.doc_date.map(|d| format!(", {d}")).unwrap_or_default();
                format!(
                    "{} ({}{date})",
                    human(fact.value),
                    doc_label(&fact.doc_id, &fact.source)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn cells(&self) -> Vec<String> {
        let key = &self.series.key;
        let value = self.value;
        let points = self.series.info.kind == Kind::Stock;
        let absolute = |change: Option<super::Change>| match change {
            Some(c) if points => format!("{} pt", signed(c.absolute)),
            Some(c) => signed(c.absolute),
            None => "n/a".to_string(),
        };
        let percent = |change: Option<super::Change>| match change.and_then(|c| c.percent) {
            Some(p) => signed_pct(p),
            None if change.is_some() => String::new(),
            None => "n/a".to_string(),
        };
        let range = if value.min < value.max {
            format!("{}–{}", human(value.min), human(value.max))
        } else {
            String::new()
        };
        vec![
            self.series.info.title.to_string(),
            key.actor.clone().unwrap_or_default(),
            key.region.clone().unwrap_or_default(),
            self.value_text(),
            value.basis.as_str().to_string(),
            value.claims.len().to_string(),
            if value.conflict {
                format!("{range} conflict")
            } else {
                range
            },
            absolute(value.mom),
            percent(value.mom),
            absolute(value.yoy),
            percent(value.yoy),
            format!("{}/{}", value.rank, value.ranked_months),
            value.record.map(|r| r.to_string()).unwrap_or_default(),
        ]
    }
}

impl SourceRef {
    /// `2025-12-02  afp-2025-12-02  data/sample/2025-12-02-afp.txt`.
    pub fn text(&self) -> String {
        let date = self
            .doc_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".to_string());
        if self.doc_id == self.source || is_content_hash(&self.doc_id) {
            format!("{date}  {}", self.source)
        } else {
            format!("{date}  {}  {}", self.doc_id, self.source)
        }
    }
}

/// `+240 km² (+52.1%)`, `+0.1 pt`, `n/a`.
pub fn change_text(series: &Series, change: Option<super::Change>) -> String {
    let Some(change) = change else {
        return "n/a".to_string();
    };
    if series.info.kind == Kind::Stock && series.info.unit_label == "%" {
        return format!("{} pt", signed(change.absolute));
    }
    let unit = &series.info.unit_label;
    let absolute = if unit.is_empty() {
        signed(change.absolute)
    } else {
        format!("{} {unit}", signed(change.absolute))
    };
    match change.percent {
        Some(pct) => format!("{absolute} ({})", signed_pct(pct)),
        None => absolute,
    }
}

/// `Drones and missiles launched, Russia, 2025-11: reported +2.0% for 5,600
/// (doc), computed +0.6% from 5,568 in 2025-10 (sum_of_parts)`.
pub fn check_text(monthly: &Monthly, check: &Check) -> String {
    let title = monthly
        .series
        .iter()
        .find(|s| s.key == check.key)
        .map(|s| s.info.title.to_string())
        .unwrap_or_else(|| check.key.metric.clone());
    let mut label = title;
    for part in [&check.key.actor, &check.key.region].into_iter().flatten() {
        label.push_str(", ");
        label.push_str(part);
    }
    format!(
        "{label}, {}: reported {} for {} ({}), computed {} from {} in {} ({})",
        check.month,
        signed_pct(check.reported_pct),
        human(check.fact.fact.value),
        doc_label(&check.fact.fact.doc_id, &check.fact.fact.source),
        signed_pct(check.computed_pct),
        human(check.previous),
        check.month.previous(),
        check.previous_basis.as_str(),
    )
}

/// `territory_gained Russia 2024: 3,985 (1 claim; months sum to 4,011)`.
pub fn annual_text(monthly: &Monthly, annual: &AnnualValue) -> String {
    let unit = monthly
        .series
        .iter()
        .find(|s| s.key == annual.key)
        .map(|s| s.info.unit_label.to_string())
        .unwrap_or_default();
    let claims = match annual.claims.len() {
        1 => "1 claim".to_string(),
        n => format!("{n} claims"),
    };
    let months = annual
        .months_total
        .map(|t| format!("; months sum to {}", with_unit(t, &unit)))
        .unwrap_or_default();
    format!(
        "{} {}: {} ({claims}{months})",
        annual.key,
        annual.year,
        with_unit(annual.value, &unit)
    )
}

/// How a document is named in a report: its id, or the file name of its
/// source when the id is only a hash of its content.
pub fn doc_label(doc_id: &str, source: &str) -> String {
    if !is_content_hash(doc_id) || source.is_empty() {
        return doc_id.to_string();
    }
    std::path::Path::new(source)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}

fn is_content_hash(doc_id: &str) -> bool {
    doc_id.len() >= 12
        && doc_id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Columns padded to their widest cell; numbers are right-aligned.
fn align(header: &[&str], body: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            body.iter()
                .map(|row| row[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric = |i: usize| {
        matches!(
            header[i],
            "value" | "claims" | "MoM" | "MoM %" | "YoY" | "YoY %" | "rank"
        )
    };
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(body) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i > 0 {
                line.push_str("  ");
            }
            if numeric(i) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_follow_english() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (21, "21st"),
            (113, "113th"),
        ];
        for (n, text) in cases {
            assert_eq!(ordinal(n), text);
        }
    }

    #[test]
    fn hashed_documents_are_named_by_their_file() {
        assert_eq!(
            doc_label("fed12b9b96b0f901", "data/sample/2025-12-02-baltic.txt"),
            "2025-12-02-baltic.txt"
        );
        assert_eq!(doc_label("afp-2025-12-02", "feed.jsonl"), "afp-2025-12-02");
    }

    #[test]
    fn aligns_numbers_right() {
        let table = align(
            &["figure", "value"],
            &[
                vec!["a".into(), "5,660".into()],
                vec!["bb".into(), "7".into()],
            ],
        );
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[1], "a       5,660");
        assert_eq!(lines[2], "bb          7");
    }
}
