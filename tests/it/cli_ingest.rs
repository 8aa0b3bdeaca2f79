//! `frontline ingest`, `facts`, `sources` and `compact` as a user runs them.

use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::frontline;
use frontline::store::Store;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "exit {:?}\nstderr:\n{}",
        output.status.code(),
        stderr(output)
    );
}

fn ingest(store: &Path, inputs: &[&Path]) -> Output {
    let mut args = vec!["ingest"];
    let inputs: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    args.extend(inputs.iter().map(String::as_str));
    frontline(store, &args)
}

/// Lines of JSONL `facts` output (superseded included unless `current_only`).
fn fact_lines(store: &Path, current_only: bool, filters: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["facts", "--format", "jsonl"];
    if !current_only {
        args.push("--include-superseded");
    }
    args.extend(filters);
    let output = frontline(store, &args);
    assert_success(&output);
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("facts prints JSON lines"))
        .collect()
}

fn source_lines(store: &Path, include_superseded: bool) -> Vec<serde_json::Value> {
    let mut args = vec!["sources", "--format", "jsonl"];
    if include_superseded {
        args.push("--include-superseded");
    }
    let output = frontline(store, &args);
    assert_success(&output);
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("sources prints JSON lines"))
        .collect()
}

fn report_text(km2: u32) -> String {
    format!(
        "Published: 2 December 2025\n\nIn November, Russian forces captured {km2} square kilometres of Ukrainian territory."
    )
}

/// A folder of `count` distinct reports.
fn report_folder(dir: &Path, count: u32) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..count {
        fs::write(dir.join(format!("report-{i:02}.txt")), report_text(600 + i)).unwrap();
    }
}

#[test]
fn ingesting_the_same_folder_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, store) = (dir.path().join("in"), dir.path().join("store"));
    report_folder(&inputs, 6);

    let first = ingest(&store, &[&inputs]);
    assert_success(&first);
    assert!(
        stderr(&first).contains("6 documents read, 0 skipped as duplicates, 0 failed"),
        "{}",
        stderr(&first)
    );
    let facts = fact_lines(&store, false, &[]);
    assert!(
        facts.len() >= 6,
        "one fact per report expected, got {facts:?}"
    );
    assert_eq!(source_lines(&store, true).len(), 6);

    let second = ingest(&store, &[&inputs]);
    assert_success(&second);
    assert!(
        stderr(&second)
            .contains("6 documents read, 6 skipped as duplicates, 0 failed, 0 facts added"),
        "{}",
        stderr(&second)
    );
    assert_eq!(fact_lines(&store, false, &[]), facts);
    assert_eq!(source_lines(&store, true).len(), 6);
}

#[test]
fn new_content_at_a_known_source_supersedes_the_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let (report, store) = (dir.path().join("report.txt"), dir.path().join("store"));
    fs::write(&report, report_text(701)).unwrap();
    assert_success(&ingest(&store, &[&report]));
    fs::write(&report, report_text(702)).unwrap();
    assert_success(&ingest(&store, &[&report]));

    let current = source_lines(&store, false);
    assert_eq!(current.len(), 1);
    let all = source_lines(&store, true);
    assert_eq!(all.len(), 2);
    let superseded: Vec<bool> = all.iter().map(|d| d["superseded"] == true).collect();
    assert_eq!(superseded.iter().filter(|s| **s).count(), 1, "{all:?}");

    let values = |facts: Vec<serde_json::Value>| -> Vec<f64> {
        facts.iter().filter_map(|f| f["value"].as_f64()).collect()
    };
    let current_values = values(fact_lines(&store, true, &[]));
    assert!(current_values.contains(&702.0), "{current_values:?}");
    assert!(!current_values.contains(&701.0), "{current_values:?}");
    let all_facts = fact_lines(&store, false, &[]);
    let all_values = values(all_facts.clone());
    assert!(
        all_values.contains(&701.0) && all_values.contains(&702.0),
        "{all_values:?}"
    );
    // With superseded versions shown, each fact says whether it is one.
    for fact in &all_facts {
        let expected = fact["value"].as_f64() == Some(701.0);
        assert_eq!(fact["superseded"], expected, "{fact}");
    }
    let csv = frontline(
        &store,
        &["facts", "--format", "csv", "--include-superseded"],
    );
    assert_success(&csv);
    let csv = stdout(&csv);
    let header = csv.lines().next().unwrap_or_default();
    assert!(header.ends_with(",superseded"), "{header}");
    assert!(
        csv.lines().skip(1).any(|row| row.ends_with(",true")),
        "{csv}"
    );
}

#[test]
fn bad_documents_are_reported_and_the_rest_lands() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, store) = (dir.path().join("docs.jsonl"), dir.path().join("store"));
    let good = |id: &str, km2: u32| {
        serde_json::json!({"id": id, "date": "2025-12-02", "text": report_text(km2)}).to_string()
    };
    fs::write(
        &jsonl,
        format!("{}\n{{\"text\": oops\n{}\n", good("a", 650), good("b", 651)),
    )
    .unwrap();
    let output = ingest(&store, &[&jsonl]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("docs.jsonl:2"), "{message}");
    assert!(
        message.contains("2 documents read, 0 skipped as duplicates, 1 failed"),
        "{message}"
    );
    assert_eq!(source_lines(&store, true).len(), 2);
}

#[test]
fn facts_filters_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, store) = (dir.path().join("docs.jsonl"), dir.path().join("store"));
    let lines: Vec<String> = [
        ("a", "2025-12-02", "https://news.example/a", "November", 701),
        ("b", "2025-11-03", "https://other.example/b", "October", 499),
    ]
    .iter()
    .map(|(id, date, url, month, km2)| {
        serde_json::json!({
            "id": id, "date": date, "url": url,
            "text": format!("In {month}, Russian forces captured {km2} square kilometres of Ukrainian territory.")
        })
        .to_string()
    })
    .collect();
    fs::write(&jsonl, lines.join("\n")).unwrap();
    assert_success(&ingest(&store, &[&jsonl]));

    let all = fact_lines(&store, true, &[]);
    assert!(all.len() >= 2, "{all:?}");
    // Newest period first.
    let ends: Vec<&str> = all
        .iter()
        .filter_map(|f| f["period_end"].as_str())
        .collect();
    let mut sorted = ends.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ends, sorted);

    let territory = fact_lines(&store, true, &["--metric", "territory_gained"]);
    assert!(!territory.is_empty());
    assert!(territory.iter().all(|f| f["metric"] == "territory_gained"));

    let november = fact_lines(&store, true, &["--from", "2025-11", "--to", "2025-11"]);
    assert!(!november.is_empty());
    assert!(
        november.iter().all(|f| f["period"] == "2025-11"),
        "{november:?}"
    );

    let other = fact_lines(&store, true, &["--source", "OTHER.example"]);
    assert!(!other.is_empty());
    assert!(other
        .iter()
        .all(|f| f["source"] == "https://other.example/b"));

    let nothing = fact_lines(&store, true, &["--actor", "nobody-at-all"]);
    assert!(nothing.is_empty());

    let csv = frontline(&store, &["facts", "--format", "csv"]);
    assert_success(&csv);
    let text = stdout(&csv);
    assert!(text.starts_with("doc_id,source,"), "{text}");
    assert_eq!(text.lines().count(), all.len() + 1);

    let sources_csv = frontline(&store, &["sources", "--format", "csv"]);
    assert_success(&sources_csv);
    let text = stdout(&sources_csv);
    assert!(text.starts_with("doc_id,source,url,title,date,bytes,content_hash,ingested_at,facts"));
    assert_eq!(text.lines().count(), 3);

    let table = frontline(&store, &["sources", "--format", "table"]);
    assert_success(&table);
    assert!(stdout(&table).contains("https://news.example/a"));

    let bad_month = frontline(&store, &["facts", "--from", "November"]);
    assert!(!bad_month.status.success());
    assert!(stderr(&bad_month).contains("YYYY-MM"));
}

#[test]
fn a_damaged_store_file_is_named_and_nothing_panics() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, store) = (dir.path().join("in"), dir.path().join("store"));
    report_folder(&inputs, 2);
    assert_success(&ingest(&store, &[&inputs]));
    let batch = Store::open(&store).unwrap().batches().unwrap().remove(0);
    let damaged = batch.facts_path();
    fs::write(&damaged, b"PAR1 not really parquet PAR1").unwrap();

    let output = frontline(&store, &["facts", "--format", "jsonl"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains(&damaged.display().to_string()),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");

    fs::remove_file(batch.documents_path()).unwrap();
    let output = ingest(&store, &[&inputs]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains(&batch.documents_path().display().to_string()),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn missing_and_foreign_store_directories() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-store-yet");
    let output = frontline(&missing, &["facts", "--format", "jsonl"]);
    assert_success(&output);
    assert!(stdout(&output).is_empty());
    assert!(!missing.exists(), "reading must not create the store");

    let foreign = dir.path().join("documents");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("thesis.tex"), "precious").unwrap();
    let report = dir.path().join("report.txt");
    fs::write(&report, report_text(700)).unwrap();
    let output = ingest(&foreign, &[&report]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("not a frontline store"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_dir(&foreign).unwrap().count(), 1);
}

#[test]
fn foreign_files_inside_the_store_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, store) = (dir.path().join("in"), dir.path().join("store"));
    report_folder(&inputs, 2);
    assert_success(&ingest(&store, &[&inputs]));
    fs::write(store.join("notes.md"), "mine").unwrap();
    let output = frontline(&store, &["sources", "--format", "jsonl"]);
    assert_success(&output);
    assert!(stderr(&output).contains("notes.md"), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 2);
}

#[test]
fn compact_merges_batches_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, store) = (dir.path().join("in"), dir.path().join("store"));
    report_folder(&inputs, 9);
    let output = frontline(
        &store,
        &["ingest", "--batch-docs", "2", &inputs.display().to_string()],
    );
    assert_success(&output);
    assert_eq!(Store::open(&store).unwrap().batches().unwrap().len(), 5);
    let facts = fact_lines(&store, false, &[]);
    let sources = source_lines(&store, true);

    let output = frontline(&store, &["compact"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("merged 5 batches"),
        "{}",
        stderr(&output)
    );
    assert_eq!(Store::open(&store).unwrap().batches().unwrap().len(), 1);
    assert_eq!(fs::read_dir(store.join("batches")).unwrap().count(), 1);
    assert_eq!(fact_lines(&store, false, &[]), facts);
    assert_eq!(source_lines(&store, true), sources);

    let output = frontline(&store, &["compact"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("already compact"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_held_lock_makes_ingest_wait_or_fail_with_no_wait() {
    use std::io::{BufRead, BufReader};

    let dir = tempfile::tempdir().unwrap();
    let (report, store) = (dir.path().join("report.txt"), dir.path().join("store"));
    fs::write(&report, report_text(640)).unwrap();
    fs::create_dir_all(&store).unwrap();
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(store.join("LOCK"))
        .unwrap();
    lock.lock().unwrap();

    let output = frontline(
        &store,
        &["ingest", "--no-wait", &report.display().to_string()],
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("being written"),
        "{}",
        stderr(&output)
    );

    let mut waiting = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&report)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(waiting.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("waiting for"), "{first}");
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "ingest must wait for the lock"
    );
    drop(lock);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(waiting.wait().unwrap().success(), "{rest:?}");
    assert_eq!(source_lines(&store, true).len(), 1);
}
