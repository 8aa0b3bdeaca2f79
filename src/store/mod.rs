//! The columnar fact store: a directory of immutable Parquet batches that
//! `ingest` adds to and `compact` merges (layout in [`layout`]).
//!
//! [`Store`] reads: it sees only published batches, never needs the lock, and
//! computes which facts are superseded. It reads batches in parallel, decodes
//! only the columns asked for ([`FactFields`]: the report skips the provenance
//! text), and builds a fact only for the rows a query selects. [`StoreWriter`] writes: it holds the
//! store lock for its lifetime, knows every ingested content hash (so a
//! document is never stored twice), and publishes each batch atomically.
//!
//! Versions: documents are identified by `source`. When a source is ingested
//! again with different content, both versions' facts stay; at read time the
//! facts of every version but the latest (by `ingested_at`, then batch order)
//! are marked superseded.

pub mod layout;
pub mod lock;
mod query;
pub mod table;
mod writer;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use polars::prelude::DataFrame;
use rayon::prelude::*;
use serde::Serialize;

use crate::fact::StoredFact;
pub use layout::BatchDir;
pub use lock::LockWait;
pub use query::{FactFields, FactQuery};
pub use writer::{CommittedBatch, CompactOutcome, NewDocument, StoreWriter};

/// One row of the documents table: one version of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    /// Path (`path:LINE` for JSONL without a URL), URL, or `-`.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Size of the document text in bytes.
    pub bytes: u64,
    /// Hex SHA-256 of the text.
    pub content_hash: String,
    pub ingested_at: DateTime<Utc>,
    /// Number of facts extracted from this version.
    pub facts: u64,
    /// True when a newer version of the same source was ingested later
    /// (computed at read time, not stored).
    pub superseded: bool,
}

/// A store directory, opened for reading.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    exists: bool,
    warnings: Vec<String>,
}

/// How many times a read starts over when a batch vanished under it (a
/// concurrent `compact` deleting what it merged).
const READ_ATTEMPTS: usize = 5;

impl Store {
    /// Opens the store at `dir` for reading. A missing or empty directory is
    /// an empty store; a directory holding other things is an error.
    pub fn open(dir: &Path) -> Result<Store> {
        let state = layout::dir_state(dir)?;
        let warnings = if state == layout::DirState::Store {
            layout::list(dir)?.warnings
        } else {
            Vec::new()
        };
        Ok(Store {
            dir: dir.to_path_buf(),
            exists: state == layout::DirState::Store,
            warnings,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// False when nothing was ever ingested here.
    pub fn exists(&self) -> bool {
        self.exists
    }

    /// Files in the store directory that are not part of it (ignored).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The batches a read would see now, oldest first.
    pub fn batches(&self) -> Result<Vec<BatchDir>> {
        Ok(layout::list(&self.dir)?.live)
    }

    /// Every stored fact, superseded ones included (with the flag set), in
    /// storage order.
    pub fn load_facts(&self) -> Result<Vec<StoredFact>> {
        self.query_facts(&FactQuery::everything())
    }

    /// The facts the monthly report uses (those not superseded), in storage
    /// order, with only the fields it reads ([`FactFields::Report`]):
    /// `Monthly::build` over them gives the same series as over
    /// [`Store::load_facts`], several times faster.
    pub fn load_report_facts(&self) -> Result<Vec<StoredFact>> {
        self.query_facts_with(&FactQuery::default(), FactFields::Report)
    }

    /// The stored facts that match `query`, in storage order.
    pub fn query_facts(&self, query: &FactQuery) -> Result<Vec<StoredFact>> {
        self.query_facts_with(query, FactFields::All)
    }

    /// The stored facts that match `query`, in storage order, with only
    /// `fields` filled in.
    pub fn query_facts_with(
        &self,
        query: &FactQuery,
        fields: FactFields,
    ) -> Result<Vec<StoredFact>> {
        self.read_with_retry(|batches| {
            let versions = read_versions(batches)?;
            // The documents tables count the facts: room for all of them up
            // front (a hint only; a damaged count must not abort the read).
            let mut facts = Vec::new();
            let _ = facts.try_reserve_exact(saturating_sum(versions.fact_rows.iter().copied()));
            for window in read_windows(batches, &versions.fact_rows) {
                read_facts(window, query, fields, &versions.current, &mut facts)?;
            }
            if facts.capacity() > 2 * facts.len() {
                facts.shrink_to_fit();
            }
            Ok(facts)
        })
    }

    /// Every document version, in storage order, with `superseded` set.
    pub fn load_documents(&self) -> Result<Vec<DocumentRecord>> {
        self.read_with_retry(|batches| {
            let mut documents = Vec::new();
            for batch in batches {
                let path = batch.documents_path();
                let frame = table::read_parquet(&path, None)?;
                documents.extend(table::documents_from_frame(&frame, &path)?);
            }
            let current: HashMap<String, String> = latest_by_source(
                documents
                    .iter()
                    .map(|d| (d.source.as_str(), d.content_hash.as_str(), d.ingested_at)),
            )
            .into_iter()
            .map(|(source, hash)| (source.to_string(), hash.to_string()))
            .collect();
            for document in &mut documents {
                document.superseded = current
                    .get(&document.source)
                    .is_some_and(|latest| *latest != document.content_hash);
            }
            Ok(documents)
        })
    }

    /// Runs `read` over the live batches, starting over with a fresh listing
    /// when a file disappeared mid-read.
    fn read_with_retry<T>(&self, read: impl Fn(&[BatchDir]) -> Result<T>) -> Result<T> {
        let mut attempt = 1;
        loop {
            let batches = self.batches()?;
            match read(&batches) {
                Err(err) if attempt < READ_ATTEMPTS && is_not_found(&err) => attempt += 1,
                outcome => return outcome,
            }
        }
    }
}

/// Rows of the facts table read at a time: batches are read a window of
/// about this many rows after another, so the decoded Parquet columns in
/// memory stay bounded (a compacted batch larger than this is read whole).
const READ_WINDOW_ROWS: usize = 1 << 18;

/// `batches` cut into consecutive windows of about [`READ_WINDOW_ROWS`]
/// facts, given each batch's number of facts.
fn read_windows<'b>(batches: &'b [BatchDir], fact_rows: &[usize]) -> Vec<&'b [BatchDir]> {
    let mut windows = Vec::new();
    let (mut start, mut rows) = (0, 0);
    for (index, batch_rows) in fact_rows.iter().enumerate().take(batches.len()) {
        rows += batch_rows;
        if rows >= READ_WINDOW_ROWS {
            windows.push(&batches[start..=index]);
            (start, rows) = (index + 1, 0);
        }
    }
    if start < batches.len() {
        windows.push(&batches[start..]);
    }
    windows
}

/// Appends the facts of `batches` that `query` selects to `facts`, with
/// `fields` filled in: the files are read in parallel, then decoded in
/// pieces of at most [`table::DECODE_ROWS`] rows in parallel.
fn read_facts(
    batches: &[BatchDir],
    query: &FactQuery,
    fields: FactFields,
    current: &HashMap<String, String>,
    facts: &mut Vec<StoredFact>,
) -> Result<()> {
    let columns = table::fact_columns_to_read(fields);
    let frames: Vec<(PathBuf, DataFrame)> = batches
        .par_iter()
        .map(|batch| {
            let path = batch.facts_path();
            let frame = table::read_parquet(&path, columns.as_deref())?;
            Ok((path, frame))
        })
        .collect::<Result<_>>()?;
    let pieces: Vec<(&Path, DataFrame, usize)> = frames
        .iter()
        .flat_map(|(path, frame)| {
            (0..frame.height())
                .step_by(table::DECODE_ROWS)
                .map(move |first| {
                    let mut piece = frame.slice(first as i64, table::DECODE_ROWS);
                    piece.rechunk_mut();
                    (path.as_path(), piece, first)
                })
        })
        .collect();
    let tables: Vec<table::FactTable> = pieces
        .par_iter()
        .map(|(path, piece, first)| table::FactTable::decode(piece, path, *first, fields))
        .collect::<Result<_>>()?;
    let chosen: Vec<ChosenRow> = tables
        .par_iter()
        .enumerate()
        .map(|(index, rows)| choose_rows(index, rows, query, current))
        .flatten_iter()
        .collect();
    // An indexed parallel extend writes each fact in its place in `facts`:
    // no second copy of a million facts.
    facts.par_extend(chosen.par_iter().map(|chosen| {
        let rows = &tables[chosen.table];
        StoredFact {
            fact: rows.fact(chosen.row),
            ingested_at: rows.ingested_at(chosen.row),
            superseded: chosen.superseded,
        }
    }));
    Ok(())
}

/// A row a read returns: which table, which row, and whether a newer
/// version of its document exists.
struct ChosenRow {
    table: usize,
    row: usize,
    superseded: bool,
}

/// The rows of `rows` (the `table`th table) that `query` selects, flagged
/// superseded when `current` names a newer version of their source.
fn choose_rows(
    table: usize,
    rows: &table::FactTable,
    query: &FactQuery,
    current: &HashMap<String, String>,
) -> Vec<ChosenRow> {
    let mut chosen = Vec::with_capacity(rows.len());
    // A document's facts are stored together: look its version up once.
    let mut last_document: Option<(&str, &str, bool)> = None;
    for row in 0..rows.len() {
        let (source, hash) = (rows.source(row), rows.content_hash(row));
        let superseded = match last_document {
            Some((s, h, superseded)) if s == source && h == hash => superseded,
            _ => {
                let superseded = current.get(source).is_some_and(|latest| latest != hash);
                last_document = Some((source, hash, superseded));
                superseded
            }
        };
        let selected = if query.filters_fields() {
            query.matches_fields(&rows.filtered_fields(row, superseded))
        } else {
            query.include_superseded || !superseded
        };
        if selected {
            chosen.push(ChosenRow {
                table,
                row,
                superseded,
            });
        }
    }
    chosen
}

fn is_not_found(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
    })
}

/// What the documents tables tell a read of the facts.
struct Versions {
    /// For each source stored in more than one version, the content hash of
    /// the latest; only facts of those sources can be superseded.
    current: HashMap<String, String>,
    /// The number of facts in each batch.
    fact_rows: Vec<usize>,
}

fn read_versions(batches: &[BatchDir]) -> Result<Versions> {
    let frames: Vec<(PathBuf, DataFrame)> = batches
        .par_iter()
        .map(|batch| {
            let path = batch.documents_path();
            let frame = table::read_parquet(&path, Some(table::VERSION_COLUMNS))?;
            Ok((path, frame))
        })
        .collect::<Result<_>>()?;
    let mut versions = Vec::new();
    let mut fact_rows = Vec::with_capacity(frames.len());
    for (path, frame) in &frames {
        let rows = table::versions_from_frame(frame, path)?;
        fact_rows.push(saturating_sum(
            rows.iter()
                .map(|v| usize::try_from(v.facts).unwrap_or(usize::MAX)),
        ));
        versions.extend(rows);
    }
    let current = latest_by_source(
        versions
            .iter()
            .map(|v| (v.source, v.content_hash, v.ingested_at)),
    )
    .into_iter()
    .map(|(source, hash)| (source.to_string(), hash.to_string()))
    .collect();
    Ok(Versions { current, fact_rows })
}

fn saturating_sum(counts: impl Iterator<Item = usize>) -> usize {
    counts.fold(0, usize::saturating_add)
}

/// For rows `(source, content_hash, ingested_at)` in storage order, the hash
/// of the latest version of each source that has more than one; on equal
/// times the later row wins.
fn latest_by_source<'a>(
    rows: impl Iterator<Item = (&'a str, &'a str, DateTime<Utc>)>,
) -> HashMap<&'a str, &'a str> {
    struct Latest<'a> {
        hash: &'a str,
        at: DateTime<Utc>,
        versions: usize,
    }
    let mut latest: HashMap<&str, Latest> = HashMap::new();
    for (source, hash, at) in rows {
        let entry = latest.entry(source).or_insert(Latest {
            hash,
            at,
            versions: 0,
        });
        entry.versions += 1;
        if at >= entry.at {
            entry.hash = hash;
            entry.at = at;
        }
    }
    latest
        .into_iter()
        .filter(|(_, latest)| latest.versions > 1)
        .map(|(source, latest)| (source, latest.hash))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_version_wins_and_ties_go_to_the_later_row() {
        let t = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
        let rows = [
            ("a.txt", "h1", t(10)),
            ("a.txt", "h2", t(20)),
            ("b.txt", "h3", t(20)),
            ("b.txt", "h4", t(20)),
            ("c.txt", "h5", t(30)),
            ("c.txt", "h6", t(5)),
            ("d.txt", "h7", t(40)),
        ];
        let latest = latest_by_source(rows.into_iter());
        assert_eq!(latest["a.txt"], "h2");
        assert_eq!(latest["b.txt"], "h4");
        assert_eq!(latest["c.txt"], "h5");
        assert!(
            !latest.contains_key("d.txt"),
            "a source with one version cannot be superseded"
        );
    }
}
