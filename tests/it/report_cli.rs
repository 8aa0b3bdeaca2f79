//! `frontline report` and `frontline export` as a user runs them, on an empty
//! store and on the bundled sample corpus.

use crate::support::frontline;
use std::path::{Path, PathBuf};
use std::process::Output;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn succeeded(output: &Output) -> bool {
    if !output.status.success() {
        eprintln!("stderr:\n{}", text(&output.stderr));
    }
    output.status.success()
}

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

/// A store holding the sample corpus.
fn sample_store() -> tempfile::TempDir {
    let store = tempfile::tempdir().unwrap();
    let corpus = sample_corpus();
    let output = frontline(store.path(), &["ingest", corpus.to_str().unwrap()]);
    assert!(succeeded(&output), "ingest of the sample corpus");
    store
}

#[test]
fn an_empty_store_has_nothing_to_report() {
    let store = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = frontline(
        store.path(),
        &["report", "--out", out.path().to_str().unwrap()],
    );
    assert!(!output.status.success());
    let message = text(&output.stderr);
    assert!(message.contains("nothing to report"), "{message}");
    assert!(
        message.contains("frontline ingest data/sample"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "no charts written"
    );
}

#[test]
fn an_empty_store_exports_only_a_header() {
    let store = tempfile::tempdir().unwrap();
    let output = frontline(store.path(), &["export"]);
    assert!(succeeded(&output));
    assert_eq!(text(&output.stdout), "month,month_start\n");
}

#[test]
fn a_malformed_month_is_refused_before_anything_runs() {
    let store = tempfile::tempdir().unwrap();
    let output = frontline(store.path(), &["report", "--month", "November"]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("YYYY-MM"));
}

#[test]
fn the_sample_corpus_reports_its_latest_month_and_any_month_asked_for() {
    let store = sample_store();
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();

    let output = frontline(store.path(), &["report", "--out", out_dir]);
    assert!(succeeded(&output));
    let table = text(&output.stdout);
    assert!(table.starts_with("Frontline report for "), "{table}");
    for expected in [
        "Territory gained",
        "km²",
        "MoM",
        "YoY",
        "Sources for",
        "summary.png",
    ] {
        assert!(table.contains(expected), "missing {expected:?} in\n{table}");
    }

    let output = frontline(
        store.path(),
        &[
            "report", "--month", "2025-11", "--policy", "median", "--out", out_dir,
        ],
    );
    assert!(succeeded(&output));
    assert!(text(&output.stdout).contains("November 2025 (policy: median)"));
    for chart in ["territory", "attacks", "share", "summary"] {
        let path = out.path().join(format!("2025-11-{chart}.png"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    }

    let output = frontline(
        store.path(),
        &["report", "--month", "1999-01", "--out", out_dir],
    );
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("nothing to report for 1999-01"));
}

#[test]
fn the_sample_corpus_exports_every_shape() {
    let store = sample_store();
    let output = frontline(store.path(), &["export", "--shape", "wide"]);
    assert!(succeeded(&output));
    let mut wide = csv::Reader::from_reader(output.stdout.as_slice());
    let header = wide.headers().unwrap().clone();
    assert!(header.iter().any(|h| h == "territory_gained:Russia:mom"));
    assert!(wide.records().count() >= 12, "a row per month");

    let dir = tempfile::tempdir().unwrap();
    let long_path = dir.path().join("facts.csv");
    let output = frontline(
        store.path(),
        &[
            "export",
            "--shape",
            "long",
            "--out",
            long_path.to_str().unwrap(),
        ],
    );
    assert!(succeeded(&output));
    assert!(output.stdout.is_empty(), "the CSV goes to the file");
    let mut long = csv::Reader::from_path(&long_path).unwrap();
    let sentence_column = long
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "sentence")
        .unwrap();
    let rows: Vec<csv::StringRecord> = long.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 50);
    assert!(rows.iter().all(|r| !r[sentence_column].is_empty()));

    let output = frontline(
        store.path(),
        &["export", "--shape", "series", "--policy", "max"],
    );
    assert!(succeeded(&output));
    assert!(text(&output.stdout).starts_with("month,metric,actor,region,unit,value,basis"));
}

#[test]
fn every_command_that_reads_the_store_warns_about_files_that_are_not_part_of_it() {
    let store = tempfile::tempdir().unwrap();
    let input = tempfile::tempdir().unwrap();
    let article = input.path().join("article.txt");
    std::fs::write(&article, "Russia launched 86 drones in November 2025.\n").unwrap();
    assert!(succeeded(&frontline(
        store.path(),
        &["ingest", article.to_str().unwrap()]
    )));
    std::fs::write(store.path().join("notes.txt"), "mine").unwrap();
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    for command in [
        &["report", "--out", out_dir][..],
        &["export"],
        &["facts"],
        &["sources"],
    ] {
        let output = frontline(store.path(), command);
        let message = text(&output.stderr);
        assert!(
            message.contains("warning") && message.contains("notes.txt"),
            "{command:?}: {message}"
        );
    }
}
