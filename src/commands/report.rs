//! `frontline report`: the month's figures as a table on stdout and as PNG
//! charts plus a summary page in the output directory.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;

use super::{parse_month_arg, StoreArgs};
use crate::report::{charts, Month, MonthSummary, Monthly, Policy};

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Month to report (YYYY-MM); default: the latest month with data.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<NaiveDate>,

    /// Directory for the PNG files (created if needed).
    #[arg(long, value_name = "DIR", default_value = "charts")]
    pub out: PathBuf,

    /// How several claims about the same month become one value.
    #[arg(long, value_enum, default_value_t = Policy::Latest)]
    pub policy: Policy,

    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: ReportArgs) -> Result<ExitCode> {
    let store = args.store.open_to_read()?;
    let facts = store
        .load_report_facts()
        .with_context(|| format!("cannot read the store {}", store.dir().display()))?;
    let monthly = Monthly::build(&facts, args.policy);
    let Some(latest) = monthly.latest_month() else {
        eprintln!(
            "frontline: nothing to report: the store {} has no monthly figures; \
             run `frontline ingest data/sample` first",
            store.dir().display()
        );
        return Ok(ExitCode::FAILURE);
    };
    let month = args.month.map(Month::of).unwrap_or(latest);
    let summary = MonthSummary::new(&monthly, month);
    if summary.rows.is_empty() {
        let first = monthly.first_month().unwrap_or(latest);
        eprintln!(
            "frontline: nothing to report for {month}: the store has figures from {first} to {latest}"
        );
        return Ok(ExitCode::FAILURE);
    }

    print!("{}", summary.to_table());
    let written = charts::render_report(&summary, &args.out)
        .with_context(|| format!("cannot write charts to {}", args.out.display()))?;
    println!("\nCharts:");
    for path in written {
        println!("  {}", path.display());
    }
    // The process ends next: freeing a million facts one string at a time
    // would take longer than drawing the charts, and the exit frees them.
    drop(summary);
    drop(monthly);
    std::mem::forget(facts);
    Ok(ExitCode::SUCCESS)
}
