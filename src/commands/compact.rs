//! `frontline compact`: merge the store's batches into one.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::StoreArgs;
use crate::store::{LockWait, StoreWriter};

#[derive(Debug, Clone, Args)]
pub struct CompactArgs {
    #[command(flatten)]
    pub store: StoreArgs,

    /// Fail at once if another process is writing the store, instead of
    /// waiting for it.
    #[arg(long)]
    pub no_wait: bool,
}

pub fn run(args: CompactArgs) -> Result<ExitCode> {
    if !args.store.store.exists() {
        anyhow::bail!("no store at {}", args.store.store.display());
    }
    let wait = if args.no_wait {
        LockWait::NoWait
    } else {
        LockWait::Wait
    };
    let mut writer = StoreWriter::open(&args.store.store, wait, &mut |message| {
        eprintln!("frontline: {message} ...");
    })?;
    let outcome = writer.compact()?;
    if outcome.merged_batches == 0 {
        eprintln!(
            "frontline: {} is already compact ({} documents, {} facts)",
            args.store.store.display(),
            outcome.documents,
            outcome.facts
        );
    } else {
        eprintln!(
            "frontline: merged {} batches into one ({} documents, {} facts)",
            outcome.merged_batches, outcome.documents, outcome.facts
        );
    }
    Ok(ExitCode::SUCCESS)
}
