//! Accuracy on the bundled sample corpus: every article in `data/sample` is
//! extracted and compared with `tests/data/sample_expected.csv`, the facts a
//! careful analyst records from it. Precision and recall must stay at or above
//! 95% (they are 103/104 today: one "overnight" figure dated by the day of the
//! report, not the night before).

use std::collections::HashMap;
use std::path::PathBuf;

use frontline::document::DocumentReader;
use frontline::extract::Extractor;
use frontline::lexicon::Lexicon;

type Key = (String, String, String, String, String, i64);

fn key(file: &str, metric: &str, actor: &str, region: &str, period: &str, value: f64) -> Key {
    (
        file.to_string(),
        metric.to_string(),
        actor.to_string(),
        region.to_string(),
        period.to_string(),
        value.round() as i64,
    )
}

#[test]
fn sample_corpus_precision_and_recall() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut expected: HashMap<Key, usize> = HashMap::new();
    let mut reader = csv::Reader::from_path(root.join("tests/data/sample_expected.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (file, metric, actor, region, period, value) = (
        column("file"),
        column("metric"),
        column("actor"),
        column("region"),
        column("period"),
        column("value"),
    );
    for record in reader.records() {
        let record = record.unwrap();
        let value: f64 = record[value].parse().unwrap();
        *expected
            .entry(key(
                &record[file],
                &record[metric],
                &record[actor],
                &record[region],
                &record[period],
                value,
            ))
            .or_default() += 1;
    }

    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut got: HashMap<Key, usize> = HashMap::new();
    for document in DocumentReader::new(&[root.join("data/sample")], None) {
        let document = document.unwrap();
        let name = document.source.rsplit('/').next().unwrap().to_string();
        for fact in extractor.extract(&document) {
            *got.entry(key(
                &name,
                &fact.metric,
                fact.actor.as_deref().unwrap_or(""),
                fact.region.as_deref().unwrap_or(""),
                fact.period.as_deref().unwrap_or(""),
                fact.value,
            ))
            .or_default() += 1;
        }
    }

    let matched: usize = expected
        .iter()
        .map(|(k, n)| (*n).min(got.get(k).copied().unwrap_or(0)))
        .sum();
    let expected_total: usize = expected.values().sum();
    let got_total: usize = got.values().sum();
    let missing: Vec<&Key> = expected.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<&Key> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    let recall = matched as f64 / expected_total as f64;
    let precision = matched as f64 / got_total as f64;
    println!("sample corpus: {matched} matched, {expected_total} expected, {got_total} extracted");
    println!("precision {precision:.3}, recall {recall:.3}");
    println!("missing: {missing:#?}\nextra: {extra:#?}");
    assert!(expected_total >= 100, "the expected table lost rows");
    assert!(recall >= 0.95, "recall {recall:.3}; missing {missing:#?}");
    assert!(
        precision >= 0.95,
        "precision {precision:.3}; extra {extra:#?}"
    );
}
