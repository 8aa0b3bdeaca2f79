//! `frontline facts`: the stored facts, filtered, newest period first.

use std::cmp::Reverse;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use clap::Args;

use super::{parse_month_arg, Format, StoreArgs};
use crate::fact::{last_day_of_month, Fact, StoredFact};
use crate::store::FactQuery;

#[derive(Debug, Clone, Args)]
pub struct FactsArgs {
    #[command(flatten)]
    pub store: StoreArgs,

    /// Only this metric, e.g. `territory_gained`.
    #[arg(long, value_name = "M")]
    pub metric: Option<String>,

    /// Only this actor, e.g. `russia`.
    #[arg(long, value_name = "A")]
    pub actor: Option<String>,

    /// Only this region, e.g. `donetsk`.
    #[arg(long, value_name = "R")]
    pub region: Option<String>,

    /// Only figures for periods starting in this month or later.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub from: Option<NaiveDate>,

    /// Only figures for periods ending in this month or earlier.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub to: Option<NaiveDate>,

    /// Only facts whose source (path or URL) contains this text.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// Also list facts from document versions that were replaced by newer ones.
    #[arg(long)]
    pub include_superseded: bool,

    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: FactsArgs) -> Result<ExitCode> {
    let store = args.store.open_to_list()?;
    let query = FactQuery {
        metric: args.metric,
        actor: args.actor,
        region: args.region,
        from: args.from,
        to: args
            .to
            .and_then(|first| last_day_of_month(first.year(), first.month())),
        source_contains: args.source,
        include_superseded: args.include_superseded,
    };
    let mut stored = store.query_facts(&query)?;
    sort_newest_first(&mut stored);
    let format = Format::or_default_for_stdout(args.format);
    let mut out = std::io::stdout().lock();
    if args.include_superseded {
        write_with_superseded(&mut out, &stored, format)?;
    } else {
        let facts: Vec<Fact> = stored.into_iter().map(|s| s.fact).collect();
        crate::output::write_facts(&mut out, &facts, format)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Facts with their `superseded` flag: a JSONL field, a last CSV column, and
/// a mark after the source in the table.
fn write_with_superseded(
    out: &mut impl Write,
    stored: &[StoredFact],
    format: Format,
) -> Result<()> {
    match format {
        Format::Jsonl => {
            for item in stored {
                let mut record = serde_json::to_value(&item.fact)?;
                if let Some(fields) = record.as_object_mut() {
                    fields.insert("superseded".into(), item.superseded.into());
                }
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let mut header = crate::output::FACT_COLUMNS.to_vec();
            header.push("superseded");
            writer.write_record(header)?;
            for item in stored {
                let mut row = crate::output::fact_row(&item.fact);
                row.push(item.superseded.to_string());
                writer.write_record(row)?;
            }
            writer.flush()?;
        }
        Format::Table => {
            let marked: Vec<Fact> = stored
                .iter()
                .map(|item| {
                    let mut fact = item.fact.clone();
                    if item.superseded {
                        fact.source = format!("{} (superseded)", fact.source);
                    }
                    fact
                })
                .collect();
            crate::output::write_facts(out, &marked, Format::Table)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Newest period first (by end, then start); undated facts last (`None` is
/// below every date, so above it once reversed); otherwise storage order.
fn sort_newest_first(facts: &mut [StoredFact]) {
    facts.sort_by_key(|s| (Reverse(s.fact.period_end), Reverse(s.fact.period_start)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{stored_fact_for_tests, Period};

    fn stored(period: Option<Period>, value: f64) -> StoredFact {
        let mut stored = stored_fact_for_tests(period);
        stored.fact.value = value;
        stored
    }

    #[test]
    fn newest_period_first_undated_last() {
        let mut facts = vec![
            stored(None, 1.0),
            stored(Period::month(2025, 10), 2.0),
            stored(Period::month(2025, 11), 3.0),
            stored(None, 4.0),
            stored(Period::year(2024), 5.0),
        ];
        sort_newest_first(&mut facts);
        let order: Vec<f64> = facts.iter().map(|s| s.fact.value).collect();
        assert_eq!(order, [3.0, 2.0, 5.0, 1.0, 4.0]);
    }
}
