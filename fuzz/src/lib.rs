//! What each fuzz target does with its input, shared with the stable replay of
//! crashing inputs in `tests/fuzz_regressions.rs` (which includes this file
//! with `#[path]`, so it depends on nothing but `frontline` and `std`).
//!
//! Besides "does not panic", every extraction is checked for invariants any
//! caller relies on: spans inside the text on character boundaries, finite
//! values, ranges and periods in order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use chrono::NaiveDate;
use frontline::document::{Document, DocumentReader};
use frontline::extract::Extractor;
use frontline::lexicon::Lexicon;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(Lexicon::default_lexicon()));

/// Publication dates the first input byte chooses between; `None` leaves
/// relative expressions unresolved (or anchored by a date line in the text).
const ANCHORS: &[Option<(i32, u32, u32)>] = &[
    None,
    Some((2025, 12, 2)),
    Some((2024, 2, 29)),
    Some((2023, 1, 1)),
];

/// Arbitrary bytes, decoded lossily, as one document.
pub fn extract_bytes(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut document = Document::from_text("fuzz", text);
    if let Some((y, m, d)) = ANCHORS[usize::from(selector) % ANCHORS.len()] {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            document = document.with_date(date);
        }
    }
    check_extraction(&document);
}

/// Arbitrary bytes as a `.jsonl` file, read by [`DocumentReader`]; every
/// document it yields is extracted.
pub fn jsonl_input(data: &[u8]) {
    read_file_input(data, "jsonl");
}

/// Arbitrary bytes as an `.html` file, read by [`DocumentReader`].
pub fn html_input(data: &[u8]) {
    read_file_input(data, "html");
}

fn read_file_input(data: &[u8], extension: &str) {
    let file = ScratchFile::new(extension);
    if std::fs::write(&file.0, data).is_err() {
        return;
    }
    for document in DocumentReader::new(std::slice::from_ref(&file.0), None).flatten() {
        check_extraction(&document);
    }
}

fn check_extraction(document: &Document) {
    let text = &document.text;
    for fact in EXTRACTOR.extract_with_warnings(document).facts {
        assert!(
            fact.start <= fact.end && fact.end <= text.len(),
            "span {}..{} outside a text of {} bytes",
            fact.start,
            fact.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(fact.start) && text.is_char_boundary(fact.end),
            "span {}..{} splits a character",
            fact.start,
            fact.end
        );
        assert!(fact.value.is_finite(), "value {} of {fact:?}", fact.value);
        if let (Some(low), Some(high)) = (fact.value_low, fact.value_high) {
            assert!(
                low.is_finite() && high.is_finite() && low <= high,
                "range {low}..{high} of {fact:?}"
            );
        }
        if let (Some(start), Some(end)) = (fact.period_start, fact.period_end) {
            assert!(start <= end, "period {start}..{end} of {fact:?}");
        }
    }
}

/// A file in the temporary directory, unique to this call, removed on drop.
struct ScratchFile(PathBuf);

impl ScratchFile {
    fn new(extension: &str) -> ScratchFile {
        static SERIAL: AtomicU64 = AtomicU64::new(0);
        let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
        let name = format!("frontline-fuzz-{}-{serial}.{extension}", std::process::id());
        ScratchFile(std::env::temp_dir().join(name))
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
