//! The store library on hand-built facts: round trips, deduplication,
//! versions, compaction, leftovers of interrupted writes, damaged files, and
//! the glob queries the README gives for outside readers.

use std::fs;
use std::path::Path;

use crate::support::copy_dir;
use chrono::NaiveDate;
use frontline::fact::{Fact, Period, Qualifier};
use frontline::store::layout::{BATCHES_DIR, REPLACES_FILE, TMP_DIR};
use frontline::store::{FactFields, FactQuery, LockWait, NewDocument, Store, StoreWriter};
use polars::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fact(source: &str, metric: &str, value: f64, month: u32) -> Fact {
    let mut fact = Fact {
        doc_id: format!("id-{source}"),
        source: source.to_string(),
        doc_date: Some(date(2025, 12, 2)),
        metric: metric.to_string(),
        actor: Some("russia".into()),
        region: None,
        value,
        unit: "km2".into(),
        value_low: None,
        value_high: None,
        qualifier: Qualifier::Exact,
        period: None,
        period_start: None,
        period_end: None,
        change_pct: None,
        note: None,
        sentence: format!("Russia captured {value} square kilometres."),
        start: 15,
        end: 40,
        original_text: format!("{value} square kilometres"),
    };
    fact.set_period(Period::month(2025, month));
    fact
}

fn document(source: &str, content: &str, facts: Vec<Fact>) -> NewDocument {
    NewDocument {
        doc_id: format!("id-{source}"),
        source: source.to_string(),
        url: None,
        title: Some(format!("Title of {source}")),
        date: Some(date(2025, 12, 2)),
        bytes: content.len() as u64,
        content_hash: frontline::document::content_hash(content),
        facts,
    }
}

/// A writer of the store at `dir`, waiting for the lock: other tests of this
/// binary start processes, and a child between fork and exec holds a copy of
/// every open file, the lock of a writer just dropped included (a lock
/// belongs to the open file), for a moment. (NoWait failed once so.)
fn writer(dir: &Path) -> StoreWriter {
    StoreWriter::open(dir, LockWait::Wait, &mut |_| {}).unwrap()
}

#[test]
fn every_field_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let mut full = fact("a.txt", "territory_gained", 701.5, 11);
    full.region = Some("donetsk".into());
    full.value_low = Some(700.0);
    full.value_high = Some(703.0);
    full.qualifier = Qualifier::AtLeast;
    full.change_pct = Some(-12.5);
    full.note = Some("second-largest".into());
    full.sentence = "Unicode: 701 km² «captured», 🚀".into();
    let mut bare = fact("a.txt", "drones_launched", 120.0, 11);
    bare.actor = None;
    bare.doc_date = None;
    bare.set_period(None);
    bare.qualifier = Qualifier::Approx;
    let before = chrono::Utc::now();
    let committed = writer(&store_dir)
        .commit(vec![document(
            "a.txt",
            "text a",
            vec![full.clone(), bare.clone()],
        )])
        .unwrap();
    assert_eq!((committed.documents, committed.facts), (1, 2));

    let store = Store::open(&store_dir).unwrap();
    let loaded = store.load_facts().unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded[0].fact, full);
    assert_eq!(loaded[1].fact, bare);
    assert!(loaded.iter().all(|f| !f.superseded));
    let stamp = loaded[0].ingested_at;
    assert!(stamp >= before - chrono::Duration::seconds(1) && stamp <= chrono::Utc::now());

    let documents = store.load_documents().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].facts, 2);
    assert_eq!(documents[0].bytes, 6);
    assert_eq!(documents[0].title.as_deref(), Some("Title of a.txt"));
    assert_eq!(documents[0].ingested_at, stamp);
}

#[test]
fn a_batch_larger_than_one_decoding_slice_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let facts: Vec<Fact> = (0..70_000)
        .map(|i| fact("big.txt", "drones_launched", i as f64, 1 + i % 12))
        .collect();
    writer(dir.path())
        .commit(vec![document("big.txt", "big", facts.clone())])
        .unwrap();
    let loaded = Store::open(dir.path()).unwrap().load_facts().unwrap();
    assert_eq!(loaded.len(), facts.len());
    assert_eq!(loaded[65_536].fact, facts[65_536]);
    assert_eq!(loaded.last().unwrap().fact, *facts.last().unwrap());
}

#[test]
fn missing_store_reads_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nothing-here")).unwrap();
    assert!(!store.exists());
    assert!(store.load_facts().unwrap().is_empty());
    assert!(store.load_documents().unwrap().is_empty());
}

#[test]
fn known_content_is_skipped_even_across_writers() {
    let dir = tempfile::tempdir().unwrap();
    let first = writer(dir.path())
        .commit(vec![document(
            "a.txt",
            "same",
            vec![fact("a.txt", "m", 1.0, 11)],
        )])
        .unwrap();
    assert!(first.name.is_some());

    let mut again = writer(dir.path());
    assert!(again.is_stored(&frontline::document::content_hash("same")));
    let second = again
        .commit(vec![
            document("copy.txt", "same", vec![fact("copy.txt", "m", 1.0, 11)]),
            document("b.txt", "other", vec![]),
            document("b2.txt", "other", vec![]),
        ])
        .unwrap();
    assert_eq!(second.duplicates, 2);
    assert_eq!(second.documents, 1);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load_documents().unwrap().len(), 2);
    assert_eq!(store.load_facts().unwrap().len(), 1);

    let nothing_new = again
        .commit(vec![document("a.txt", "same", vec![])])
        .unwrap();
    assert!(nothing_new.name.is_none());
    assert_eq!(Store::open(dir.path()).unwrap().batches().unwrap().len(), 2);
}

#[test]
fn new_content_for_a_source_supersedes_the_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = writer(dir.path());
    w.commit(vec![
        document("a.txt", "v1", vec![fact("a.txt", "m", 1.0, 10)]),
        document("b.txt", "b", vec![fact("b.txt", "m", 5.0, 10)]),
    ])
    .unwrap();
    w.commit(vec![document(
        "a.txt",
        "v2",
        vec![fact("a.txt", "m", 2.0, 10), fact("a.txt", "m", 3.0, 11)],
    )])
    .unwrap();

    let store = Store::open(dir.path()).unwrap();
    let facts = store.load_facts().unwrap();
    let flags: Vec<(f64, bool)> = facts.iter().map(|f| (f.fact.value, f.superseded)).collect();
    assert_eq!(
        flags,
        [(1.0, true), (5.0, false), (2.0, false), (3.0, false)]
    );
    let documents = store.load_documents().unwrap();
    let superseded: Vec<(&str, bool)> = documents
        .iter()
        .map(|d| (d.source.as_str(), d.superseded))
        .collect();
    assert_eq!(
        superseded,
        [("a.txt", true), ("b.txt", false), ("a.txt", false)]
    );
}

#[test]
fn compaction_keeps_rows_and_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = writer(dir.path());
    for version in 1..=3 {
        w.commit(vec![
            document(
                "a.txt",
                &format!("a v{version}"),
                vec![fact("a.txt", "m", version as f64, 11)],
            ),
            document(&format!("n{version}.txt"), &format!("n{version}"), vec![]),
        ])
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let before = store.load_facts().unwrap();
    let docs_before = store.load_documents().unwrap();
    assert_eq!(store.batches().unwrap().len(), 3);

    let outcome = w.compact().unwrap();
    assert_eq!(outcome.merged_batches, 3);
    assert_eq!((outcome.documents, outcome.facts), (6, 3));
    assert_eq!(store.batches().unwrap().len(), 1);
    assert_eq!(store.load_facts().unwrap(), before);
    assert_eq!(store.load_documents().unwrap(), docs_before);
    assert_eq!(w.compact().unwrap().merged_batches, 0);

    // Deduplication still sees everything after compaction.
    drop(w);
    let again = writer(dir.path())
        .commit(vec![document("a.txt", "a v1", vec![])])
        .unwrap();
    assert_eq!(again.duplicates, 1);
}

#[test]
fn batches_left_behind_by_an_interrupted_compaction_stay_invisible() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = writer(dir.path());
    w.commit(vec![document(
        "a.txt",
        "a",
        vec![fact("a.txt", "m", 1.0, 11)],
    )])
    .unwrap();
    w.commit(vec![document(
        "b.txt",
        "b",
        vec![fact("b.txt", "m", 2.0, 11)],
    )])
    .unwrap();
    let batches = dir.path().join(BATCHES_DIR);
    let saved = dir.path().join("saved");
    copy_dir(&batches, &saved);
    w.compact().unwrap();
    drop(w);

    // Put the merged batches back, as if the crash came before their deletion.
    for entry in fs::read_dir(&saved).unwrap() {
        let entry = entry.unwrap();
        copy_dir(&entry.path(), &batches.join(entry.file_name()));
    }
    fs::remove_dir_all(&saved).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.batches().unwrap().len(), 1);
    assert_eq!(store.load_facts().unwrap().len(), 2);
    let merged = &store.batches().unwrap()[0];
    let replaces = fs::read_to_string(merged.path.join(REPLACES_FILE)).unwrap();
    assert_eq!(replaces.lines().count(), 2);

    // The next writer deletes them.
    drop(writer(dir.path()));
    assert_eq!(fs::read_dir(&batches).unwrap().count(), 1);
}

#[test]
fn half_written_batches_are_invisible_and_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    writer(dir.path())
        .commit(vec![document(
            "a.txt",
            "a",
            vec![fact("a.txt", "m", 1.0, 11)],
        )])
        .unwrap();
    let staged = dir.path().join(TMP_DIR).join("20990101T000000000000Z-1-0");
    fs::create_dir_all(&staged).unwrap();
    fs::write(staged.join("facts.parquet"), b"PAR1 half a file").unwrap();

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load_facts().unwrap().len(), 1);
    drop(writer(dir.path()));
    assert!(!staged.exists());
}

#[test]
fn damaged_batch_files_are_named_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    writer(dir.path())
        .commit(vec![document(
            "a.txt",
            "a",
            vec![fact("a.txt", "m", 1.0, 11)],
        )])
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    let batch = store.batches().unwrap().remove(0);
    let facts_path = batch.facts_path();
    let good = fs::read(&facts_path).unwrap();

    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"this is not parquet at all, just text".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("scrambled middle", {
            let mut bytes = good.clone();
            let middle = bytes.len() / 2;
            for b in &mut bytes[8..middle] {
                *b = b.wrapping_mul(31).wrapping_add(7);
            }
            bytes
        }),
    ];
    for (label, bytes) in damages {
        fs::write(&facts_path, &bytes).unwrap();
        let err = store.load_facts().expect_err(label);
        let message = format!("{err:#}");
        assert!(
            message.contains(&facts_path.display().to_string()),
            "{label}: {message}"
        );
    }

    // A Parquet file with the wrong columns.
    let mut foreign = df!("name" => ["x"], "score" => [1.0]).unwrap();
    let file = fs::File::create(&facts_path).unwrap();
    ParquetWriter::new(file).finish(&mut foreign).unwrap();
    let message = format!("{:#}", store.load_facts().unwrap_err());
    assert!(
        message.contains(&facts_path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("doc_id"), "{message}");
}

#[test]
fn foreign_entries_are_warned_about_and_foreign_directories_refused() {
    let dir = tempfile::tempdir().unwrap();
    writer(dir.path())
        .commit(vec![document("a.txt", "a", vec![])])
        .unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    fs::write(dir.path().join(BATCHES_DIR).join("stray.parquet"), "x").unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.warnings().len(), 2, "{:?}", store.warnings());
    assert!(store.warnings().iter().any(|w| w.contains("notes.txt")));
    assert!(store.warnings().iter().any(|w| w.contains("stray.parquet")));
    assert_eq!(store.load_documents().unwrap().len(), 1);

    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("thesis.tex"), "precious").unwrap();
    let err = StoreWriter::open(elsewhere.path(), LockWait::NoWait, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("not a frontline store"), "{err}");
    assert!(Store::open(elsewhere.path()).is_err());
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let first = writer(dir.path());
    let err = StoreWriter::open(dir.path(), LockWait::NoWait, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("being written"), "{err}");
    drop(first);
    // Waiting, not failing: a child another test spawns at this moment may
    // still hold a copy of the lock's descriptor between its fork and exec
    // (CI failed once on that), and lets go of it a moment later.
    StoreWriter::open(dir.path(), LockWait::Wait, &mut |_| {}).unwrap();
}

/// Facts from several batches, one source in two versions.
fn store_for_queries(dir: &Path) -> Store {
    let mut w = writer(dir);
    w.commit(vec![
        document(
            "a.txt",
            "a1",
            vec![fact("a.txt", "territory_gained", 500.0, 10)],
        ),
        document(
            "b.txt",
            "b",
            vec![fact("b.txt", "territory_gained", 610.0, 11)],
        ),
    ])
    .unwrap();
    w.commit(vec![document(
        "a.txt",
        "a2",
        vec![
            fact("a.txt", "territory_gained", 505.0, 10),
            fact("a.txt", "drones_launched", 5000.0, 10),
        ],
    )])
    .unwrap();
    Store::open(dir).unwrap()
}

fn glob(dir: &Path, table: &str) -> LazyFrame {
    let pattern = format!("{}/batches/*/{table}.parquet", dir.display());
    LazyFrame::scan_parquet(PlRefPath::new(pattern), ScanArgsParquet::default()).unwrap()
}

/// README: `pl.scan_parquet("data/store/batches/*/facts.parquet")`, and the
/// DuckDB query `SELECT period, max(value) ... WHERE metric = 'territory_gained'
/// GROUP BY period`.
#[test]
fn readme_glob_query_reads_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_for_queries(dir.path());

    let all = glob(dir.path(), "facts").collect().unwrap();
    assert_eq!(all.height(), store.load_facts().unwrap().len());

    let by_period = glob(dir.path(), "facts")
        .filter(col("metric").eq(lit("territory_gained")))
        .group_by([col("period")])
        .agg([col("value").max()])
        .sort(["period"], SortMultipleOptions::default())
        .collect()
        .unwrap();
    let periods: Vec<Option<&str>> = by_period
        .column("period")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .collect();
    let values: Vec<Option<f64>> = by_period
        .column("value")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(periods, [Some("2025-10"), Some("2025-11")]);
    assert_eq!(values, [Some(505.0), Some(610.0)]);
}

/// README: current facts only, by joining each source's latest document
/// version (DuckDB: `arg_max(content_hash, ingested_at)`).
#[test]
fn readme_current_versions_query_matches_superseded_flags() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_for_queries(dir.path());

    let latest = glob(dir.path(), "documents")
        .sort(["ingested_at"], SortMultipleOptions::default())
        .group_by([col("source")])
        .agg([col("content_hash").last()]);
    let current = glob(dir.path(), "facts")
        .join(
            latest,
            [col("source"), col("content_hash")],
            [col("source"), col("content_hash")],
            JoinArgs::new(JoinType::Inner),
        )
        .collect()
        .unwrap();
    let expected = store
        .load_facts()
        .unwrap()
        .iter()
        .filter(|f| !f.superseded)
        .count();
    assert_eq!(expected, 3);
    assert_eq!(current.height(), expected);
}

/// The store holding `facts` as one document per source, in two batches,
/// plus a newer version of `revised` (the first document's source) whose
/// facts are doubled: the old version's facts are superseded.
fn report_store(dir: &Path, facts: &[frontline::fact::StoredFact]) {
    let mut by_source: Vec<(String, Vec<Fact>)> = Vec::new();
    for stored in facts {
        let fact = stored.fact.clone();
        match by_source
            .iter_mut()
            .find(|(source, _)| *source == fact.source)
        {
            Some((_, list)) => list.push(fact),
            None => by_source.push((fact.source.clone(), vec![fact])),
        }
    }
    let documents: Vec<NewDocument> = by_source
        .iter()
        .map(|(source, list)| {
            let mut doc = document(source, &format!("text of {source}"), list.clone());
            doc.doc_id = list[0].doc_id.clone();
            doc
        })
        .collect();
    let mut store = writer(dir);
    let half = documents.len() / 2;
    store.commit(documents[..half].to_vec()).unwrap();
    store.commit(documents[half..].to_vec()).unwrap();

    let (source, list) = &by_source[0];
    let revised_facts: Vec<Fact> = list
        .iter()
        .map(|f| Fact {
            value: f.value * 2.0,
            ..f.clone()
        })
        .collect();
    let mut revised = document(source, &format!("revised text of {source}"), revised_facts);
    revised.doc_id = list[0].doc_id.clone();
    store.commit(vec![revised]).unwrap();
}

/// Everything the report and the wide and series exports print, for every
/// month with figures.
fn report_outputs(facts: &[frontline::fact::StoredFact]) -> Vec<String> {
    use frontline::report::{export, MonthSummary, Monthly, Policy};
    let mut outputs = Vec::new();
    for policy in [Policy::Latest, Policy::Median, Policy::Max] {
        let monthly = Monthly::build(facts, policy);
        let (first, last) = (
            monthly.first_month().unwrap(),
            monthly.latest_month().unwrap(),
        );
        let mut month = first;
        while month <= last {
            outputs.push(MonthSummary::new(&monthly, month).to_table());
            month = month.next();
        }
        let mut wide = Vec::new();
        export::write_wide(&monthly, &mut wide).unwrap();
        let mut series = Vec::new();
        export::write_series(&monthly, &mut series).unwrap();
        outputs.push(String::from_utf8(wide).unwrap());
        outputs.push(String::from_utf8(series).unwrap());
        outputs.push(format!("{} checks", monthly.checks.len()));
    }
    outputs
}

#[test]
fn the_report_fields_alone_give_the_same_report_as_every_field() {
    let dir = tempfile::tempdir().unwrap();
    report_store(dir.path(), &crate::report_support::realistic());
    let store = Store::open(dir.path()).unwrap();
    let full = store.load_facts().unwrap();
    let projected = store.load_report_facts().unwrap();

    let superseded = full.iter().filter(|f| f.superseded).count();
    assert!(superseded > 0, "the store has a superseded version");
    let current: Vec<_> = full.iter().filter(|f| !f.superseded).collect();
    assert_eq!(
        projected.len(),
        current.len(),
        "superseded facts are left out"
    );
    for (projected, full) in projected.iter().zip(&current) {
        let (p, f) = (&projected.fact, &full.fact);
        assert_eq!(
            (&p.doc_id, &p.source, p.doc_date, &p.metric, &p.actor, &p.region),
            (&f.doc_id, &f.source, f.doc_date, &f.metric, &f.actor, &f.region)
        );
        assert_eq!(
            (p.value, &p.unit, p.period_start, p.period_end, p.change_pct),
            (f.value, &f.unit, f.period_start, f.period_end, f.change_pct)
        );
        assert_eq!(projected.ingested_at, full.ingested_at);
        assert!(!projected.superseded);
        assert!(p.sentence.is_empty() && p.original_text.is_empty() && p.period.is_none());
    }

    let expected = report_outputs(&full);
    assert!(expected.iter().any(|table| table.contains("701")));
    assert_eq!(report_outputs(&projected), expected);

    // The same after compaction, which makes one batch of every row.
    writer(dir.path()).compact().unwrap();
    let compacted = Store::open(dir.path()).unwrap();
    assert_eq!(compacted.batches().unwrap().len(), 1);
    assert_eq!(
        report_outputs(&compacted.load_report_facts().unwrap()),
        expected
    );
}

#[test]
fn report_fields_come_from_a_facts_query_too() {
    let dir = tempfile::tempdir().unwrap();
    report_store(dir.path(), &crate::report_support::realistic());
    let store = Store::open(dir.path()).unwrap();
    let query = FactQuery {
        metric: Some("DRONES_LAUNCHED".into()),
        ..FactQuery::default()
    };
    let full = store.query_facts(&query).unwrap();
    let projected = store.query_facts_with(&query, FactFields::Report).unwrap();
    assert!(!full.is_empty());
    assert!(full.iter().all(|f| f.fact.metric == "drones_launched"));
    assert_eq!(
        projected.iter().map(|f| f.fact.value).collect::<Vec<_>>(),
        full.iter().map(|f| f.fact.value).collect::<Vec<_>>()
    );
    assert!(full.iter().all(|f| !f.fact.sentence.is_empty()));
    assert!(projected.iter().all(|f| f.fact.sentence.is_empty()));
}
