//! Every integration test, compiled into one binary.
//!
//! Each test binary links polars statically; in the debug profile one binary
//! per file cost about 1.4 GB of disk apiece and filled the CI machine, so the
//! files here are modules of a single crate instead. The exception is
//! `tests/pathological.rs`: it measures its children's peak memory, and a child
//! inherits the peak of the process that spawns it, which here would be every
//! other test running at the same time.

mod blind_ratchet;
mod cli_extract;
mod cli_ingest;
mod export_csv;
mod extraction_cases;
mod fuzz_regressions;
mod number_props;
mod report_charts;
mod report_cli;
mod report_series;
mod report_support;
mod sample_corpus;
mod store_crash;
mod store_layer;
mod support;
