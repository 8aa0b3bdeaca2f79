//! Extraction throughput, in MB/s of document text, on generated corpora of
//! news-like war reports (default 32 MB each, seed 1; set `FRONTLINE_BENCH_MB`
//! to change the size): one as dense in figures as real wire copy, one dense
//! stress mix where more than half the sentences hold numbers:
//!
//! ```text
//! cargo bench --bench extract
//! ```
//!
//! The corpus is generated in memory by `benches/support/corpus.rs` (the
//! generator behind `examples/gen_corpus.rs`), so the figures measure
//! extraction alone: no disk, no JSON decoding. `single_thread` reads every
//! document on one core; `all_cores` spreads documents over rayon's pool (one
//! thread per core); `dense_*` do the same on the stress mix. `sentences_only`
//! times the sentence split and `candidates_only` the split plus the choice of
//! the sentences worth reading (a number, then a trigger word): what every
//! document pays before any sentence is parsed, for reference.

// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/corpus.rs"]
mod corpus;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use frontline::document::Document;
use frontline::extract::Extractor;
use frontline::lexicon::Lexicon;
use frontline::number::may_hold_number;
use frontline::sentence::split_sentences;
use rayon::prelude::*;

const DEFAULT_MB: usize = 32;
const SEED: u64 = 1;
const SAMPLES: u32 = 10;

struct Corpus {
    documents: Vec<Document>,
    /// Total bytes of document text.
    bytes: usize,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| generate(corpus::Density::Realistic));
static DENSE_CORPUS: LazyLock<Corpus> = LazyLock::new(|| generate(corpus::Density::Dense));

fn generate(density: corpus::Density) -> Corpus {
    let mb = std::env::var("FRONTLINE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_MB);
    let target = mb * 1_000_000;
    let mut documents = Vec::new();
    let mut bytes = 0;
    for article in corpus::ArticleGenerator::new(SEED, density) {
        if bytes >= target {
            break;
        }
        bytes += article.text.len();
        let mut document =
            Document::from_text(article.url.clone(), article.text).with_date(article.date);
        document.id = article.id;
        document.url = Some(article.url);
        document.title = Some(article.title);
        documents.push(document);
    }
    eprintln!(
        "extract bench corpus ({}): {} documents, {:.1} MB of text",
        density.name(),
        documents.len(),
        bytes as f64 / 1e6
    );
    Corpus { documents, bytes }
}

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(Lexicon::default_lexicon()));

fn main() {
    // Generated before divan starts, so its note does not split the table.
    LazyLock::force(&CORPUS);
    LazyLock::force(&DENSE_CORPUS);
    divan::main();
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn single_thread(bencher: Bencher) {
    extract_on_one_core(bencher, &CORPUS);
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn all_cores(bencher: Bencher) {
    extract_on_all_cores(bencher, &CORPUS);
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn dense_single_thread(bencher: Bencher) {
    extract_on_one_core(bencher, &DENSE_CORPUS);
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn dense_all_cores(bencher: Bencher) {
    extract_on_all_cores(bencher, &DENSE_CORPUS);
}

fn extract_on_one_core(bencher: Bencher, corpus: &Corpus) {
    let extractor = &*EXTRACTOR;
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .documents
            .iter()
            .map(|document| extractor.extract(document).len())
            .sum::<usize>()
    });
}

fn extract_on_all_cores(bencher: Bencher, corpus: &Corpus) {
    let extractor = &*EXTRACTOR;
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .documents
            .par_iter()
            .map(|document| extractor.extract(document).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn sentences_only(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .documents
            .iter()
            .map(|document| split_sentences(&document.text).count())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = SAMPLES, sample_size = 1)]
fn candidates_only(bencher: Bencher) {
    let corpus = &*CORPUS;
    let lexicon = EXTRACTOR.lexicon();
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .documents
            .iter()
            .flat_map(|document| split_sentences(&document.text).map(|range| &document.text[range]))
            .filter(|sentence| may_hold_number(sentence) && lexicon.triggers.is_match(sentence))
            .count()
    });
}
