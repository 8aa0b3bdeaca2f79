//! The blind ratchet: every passage in `tests/data/blind/right.txt` must
//! still be read fully right. The blind passages measure the extractor on
//! text written by others (see that folder's README); most are read right,
//! and a change that makes one of those wrong is a regression the gold table
//! may not see.
//!
//! A passage that becomes right is not a failure: add it to the list
//! (`cargo run --release --example blind_eval -- --right-list` prints the
//! whole list). Take one off only when its expectation is shown wrong or a
//! convention changes, and say so in the commit.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use frontline::extract::Extractor;
use frontline::lexicon::Lexicon;

#[path = "../../examples/blind_eval/score.rs"]
mod score;

const BLIND_FOLDER: &str = "tests/data/blind";
const RIGHT_LIST: &str = "tests/data/blind/right.txt";

/// `family: p01 p02 …` lines; `#` starts a comment.
fn passages_held_right() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(RIGHT_LIST).expect("the right list is readable");
    let mut held = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (family, ids) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{RIGHT_LIST}: not `family: ids`: {line}"));
        let ids = ids.split_whitespace().map(str::to_string).collect();
        held.insert(family.trim().to_string(), ids);
    }
    held
}

#[test]
fn passages_once_read_right_stay_right() {
    let held = passages_held_right();
    let extractor = Extractor::new(Lexicon::default_lexicon());
    let mut regressions = Vec::new();
    let mut newly_right = Vec::new();
    let mut families_seen = BTreeSet::new();
    let mut tally = score::Tally::default();
    for (family, path) in score::family_files(Path::new(BLIND_FOLDER)).unwrap() {
        let expected_right = held.get(&family).cloned().unwrap_or_default();
        let passages = score::read_family(&path).unwrap();
        let ids: BTreeSet<&str> = passages.iter().map(|p| p.id.as_str()).collect();
        for id in &expected_right {
            assert!(
                ids.contains(id.as_str()),
                "{RIGHT_LIST}: no passage {family}/{id}"
            );
        }
        for passage in &passages {
            let outcome = score::judge(&extractor, passage);
            tally.count(&outcome);
            match (expected_right.contains(outcome.id), outcome.is_right()) {
                (true, false) => regressions.push(outcome.differences(&family)),
                (false, true) => newly_right.push(format!("{family}/{}", outcome.id)),
                _ => {}
            }
        }
        families_seen.insert(family);
    }
    for family in held.keys() {
        assert!(
            families_seen.contains(family),
            "{RIGHT_LIST}: no family file {family}.jsonl"
        );
    }
    if !newly_right.is_empty() {
        eprintln!(
            "read right but not in {RIGHT_LIST} (add them): {}",
            newly_right.join(" ")
        );
    }
    assert!(
        regressions.is_empty(),
        "{} passage(s) of {RIGHT_LIST} are no longer read right ({}):\n{}",
        regressions.len(),
        tally.line("all blind").trim_end(),
        regressions.join("\n")
    );
}
