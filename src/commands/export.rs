//! `frontline export`: the monthly series or the stored facts as CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::StoreArgs;
use crate::report::export::{write_long, write_series, write_wide, Shape};
use crate::report::{Monthly, Policy};

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// `wide`: a row per month, a column per series with its MoM columns;
    /// `long`: a row per fact with provenance; `series`: a row per series and month.
    #[arg(long, value_enum, default_value_t = Shape::Wide)]
    pub shape: Shape,

    /// Output file; default: standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// How several claims about the same month become one value.
    #[arg(long, value_enum, default_value_t = Policy::Latest)]
    pub policy: Policy,

    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = args.store.open_to_read()?;
    // Only the long shape shows a fact's provenance; the series need a few
    // fields, which load several times faster.
    let facts = match args.shape {
        Shape::Long => store.load_facts(),
        Shape::Wide | Shape::Series => store.load_report_facts(),
    }
    .with_context(|| format!("cannot read the store {}", store.dir().display()))?;
    let out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    match args.shape {
        Shape::Long => write_long(&facts, out)?,
        Shape::Wide => write_wide(&Monthly::build(&facts, args.policy), out)?,
        Shape::Series => write_series(&Monthly::build(&facts, args.policy), out)?,
    }
    Ok(ExitCode::SUCCESS)
}
