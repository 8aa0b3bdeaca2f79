//! CSV for spreadsheets: RFC 4180 quoting, a header row, ISO dates, `.`
//! decimals and no exponents, UTF-8.
//!
//! Three shapes:
//! - [`Shape::Wide`]: one row per month (gaps included) and, per series, a
//!   value column named `metric:actor[:region]` followed by its `:mom`,
//!   `:mom_pct` and `:basis` columns;
//! - [`Shape::Long`]: one row per stored fact with its provenance;
//! - [`Shape::Series`]: one row per series and month with everything computed.

use std::io::Write;

use anyhow::Result;

use super::series::{Monthly, Series};
use super::Month;
use crate::fact::StoredFact;
use crate::output::{fact_row, format_number, FACT_COLUMNS};

/// The layout of `frontline export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Shape {
    /// One row per month, a column per metric and actor (and region), with MoM columns.
    #[default]
    Wide,
    /// One row per fact, with its source, sentence and position.
    Long,
    /// One row per metric, actor, region and month, with basis, claims and changes.
    Series,
}

/// The column name of a series in the wide shape: `territory_gained:Russia`,
/// `territory_gained:Russia:Donetsk`, `territory_gained::Donetsk` without actor.
pub fn wide_column(series: &Series) -> String {
    let key = &series.key;
    let mut name = key.metric.clone();
    if key.actor.is_some() || key.region.is_some() {
        name.push(':');
        name.push_str(key.actor.as_deref().unwrap_or(""));
    }
    if let Some(region) = &key.region {
        name.push(':');
        name.push_str(region);
    }
    name
}

fn optional_number(value: Option<f64>) -> String {
    value.map(format_number).unwrap_or_default()
}

/// Writes the wide shape: `month,month_start,<series>,<series>:mom,…`.
pub fn write_wide<W: Write>(monthly: &Monthly, out: W) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec!["month".to_string(), "month_start".to_string()];
    for series in &monthly.series {
        let column = wide_column(series);
        header.push(column.clone());
        for suffix in [":mom", ":mom_pct", ":basis"] {
            header.push(format!("{column}{suffix}"));
        }
    }
    writer.write_record(&header)?;

    if let (Some(first), Some(last)) = (monthly.first_month(), monthly.latest_month()) {
        for month in Month::range(first, last) {
            let mut row = vec![month.to_string(), month.first_day().to_string()];
            for series in &monthly.series {
                match series.get(month) {
                    Some(value) => {
                        row.push(format_number(value.value));
                        row.push(optional_number(value.mom.map(|c| c.absolute)));
                        row.push(optional_number(value.mom.and_then(|c| c.percent)));
                        row.push(value.basis.as_str().to_string());
                    }
                    None => row.extend(std::iter::repeat_n(String::new(), 4)),
                }
            }
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The columns of the long shape: every field of a fact, then `ingested_at`.
pub fn long_header() -> Vec<&'static str> {
    FACT_COLUMNS
        .iter()
        .copied()
        .chain(["ingested_at"])
        .collect()
}

/// Writes the long shape: every fact that is not superseded, ordered by
/// period, metric, actor, region and publication date.
pub fn write_long<W: Write>(facts: &[StoredFact], out: W) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(long_header())?;
    let mut current: Vec<&StoredFact> = facts.iter().filter(|f| !f.superseded).collect();
    current.sort_by(|a, b| {
        let (a, b) = (&a.fact, &b.fact);
        (a.period_start, &a.metric, &a.actor, &a.region, a.doc_date).cmp(&(
            b.period_start,
            &b.metric,
            &b.actor,
            &b.region,
            b.doc_date,
        ))
    });
    for stored in current {
        let mut row = fact_row(&stored.fact);
        row.push(
            stored
                .ingested_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

/// The columns of the series shape.
pub const SERIES_HEADER: [&str; 20] = [
    "month",
    "metric",
    "actor",
    "region",
    "unit",
    "value",
    "basis",
    "claims",
    "min",
    "max",
    "conflict",
    "mom",
    "mom_pct",
    "yoy",
    "yoy_pct",
    "rank",
    "ranked_months",
    "record",
    "chosen_doc_id",
    "doc_ids",
];

/// Writes the series shape: one row per series and month with a value.
pub fn write_series<W: Write>(monthly: &Monthly, out: W) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(SERIES_HEADER)?;
    for series in &monthly.series {
        for value in series.months.values() {
            let mut doc_ids: Vec<&str> = value
                .claims
                .iter()
                .map(|c| c.fact.doc_id.as_str())
                .collect();
            doc_ids.sort_unstable();
            doc_ids.dedup();
            writer.write_record([
                value.month.to_string().as_str(),
                &series.key.metric,
                series.key.actor.as_deref().unwrap_or(""),
                series.key.region.as_deref().unwrap_or(""),
                &series.unit,
                &format_number(value.value),
                value.basis.as_str(),
                &value.claims.len().to_string(),
                &format_number(value.min),
                &format_number(value.max),
                if value.conflict { "true" } else { "false" },
                &optional_number(value.mom.map(|c| c.absolute)),
                &optional_number(value.mom.and_then(|c| c.percent)),
                &optional_number(value.yoy.map(|c| c.absolute)),
                &optional_number(value.yoy.and_then(|c| c.percent)),
                &value.rank.to_string(),
                &value.ranked_months.to_string(),
                &value.record.map(|r| r.to_string()).unwrap_or_default(),
                value.chosen.map(|c| c.fact.doc_id.as_str()).unwrap_or(""),
                &doc_ids.join(";"),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}
