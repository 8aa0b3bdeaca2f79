//! The columnar fact store: a directory of immutable Parquet batches that
//! `ingest` adds to and `compact` merges (layout in [`layout`]).
//!
//! [`Store`] reads: it sees only published batches, never needs the lock, and
//! computes which facts are superseded. [`StoreWriter`] writes: it holds the
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
use serde::Serialize;

use crate::fact::StoredFact;
pub use layout::BatchDir;
pub use lock::LockWait;
pub use query::FactQuery;
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

    /// The stored facts that match `query`, in storage order.
    pub fn query_facts(&self, query: &FactQuery) -> Result<Vec<StoredFact>> {
        self.read_with_retry(|batches| {
            let current = current_versions(batches)?;
            let mut facts = Vec::new();
            for batch in batches {
                let path = batch.facts_path();
                let frame = table::read_parquet(&path, None)?;
                table::for_each_fact(&frame, &path, |row| {
                    let superseded = current
                        .get(&row.fact.source)
                        .is_some_and(|latest| *latest != row.content_hash);
                    let stored = StoredFact {
                        fact: row.fact,
                        ingested_at: row.ingested_at,
                        superseded,
                    };
                    if query.matches(&stored) {
                        facts.push(stored);
                    }
                })?;
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

fn is_not_found(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
    })
}

/// The content hash of the latest version of each source in `batches`.
fn current_versions(batches: &[BatchDir]) -> Result<HashMap<String, String>> {
    let mut versions = Vec::new();
    for batch in batches {
        let path = batch.documents_path();
        let frame = table::read_parquet(&path, Some(table::VERSION_COLUMNS))?;
        versions.extend(table::versions_from_frame(&frame, &path)?);
    }
    Ok(latest_by_source(
        versions
            .iter()
            .map(|v| (v.source.as_str(), v.content_hash.as_str(), v.ingested_at)),
    )
    .into_iter()
    .map(|(source, hash)| (source.to_string(), hash.to_string()))
    .collect())
}

/// For rows `(source, content_hash, ingested_at)` in storage order, the hash
/// of each source's latest version; on equal times the later row wins.
fn latest_by_source<'a>(
    rows: impl Iterator<Item = (&'a str, &'a str, DateTime<Utc>)>,
) -> HashMap<&'a str, &'a str> {
    let mut latest: HashMap<&str, (&str, DateTime<Utc>)> = HashMap::new();
    for (source, hash, at) in rows {
        match latest.get(source) {
            Some((_, newest)) if *newest > at => {}
            _ => {
                latest.insert(source, (hash, at));
            }
        }
    }
    latest
        .into_iter()
        .map(|(source, (hash, _))| (source, hash))
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
        ];
        let latest = latest_by_source(rows.into_iter());
        assert_eq!(latest["a.txt"], "h2");
        assert_eq!(latest["b.txt"], "h4");
        assert_eq!(latest["c.txt"], "h5");
    }
}
