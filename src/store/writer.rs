//! Writing the store: the lock-holding [`StoreWriter`] that publishes one
//! batch per [`StoreWriter::commit`] and merges batches in
//! [`StoreWriter::compact`].

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use polars::prelude::DataFrame;

use super::layout::{self, BatchDir, StagedBatch};
use super::lock::{self, LockWait, StoreLock};
use super::{table, DocumentRecord};
use crate::document::Document;
use crate::fact::Fact;

/// A document and its facts, ready to be stored.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub doc_id: String,
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub bytes: u64,
    pub content_hash: String,
    pub facts: Vec<Fact>,
}

impl NewDocument {
    /// Keeps what the store records about `document` (not its text).
    pub fn new(document: &Document, facts: Vec<Fact>) -> NewDocument {
        NewDocument {
            doc_id: document.id.clone(),
            source: document.source.clone(),
            url: document.url.clone(),
            title: document.title.clone(),
            date: document.date,
            bytes: document.text.len() as u64,
            content_hash: document.content_hash.clone(),
            facts,
        }
    }
}

/// What [`StoreWriter::commit`] published.
#[derive(Debug, Clone)]
pub struct CommittedBatch {
    /// `None` when every document was already stored and nothing was written.
    pub name: Option<String>,
    pub documents: usize,
    pub facts: usize,
    /// Documents left out because their content was already stored.
    pub duplicates: usize,
    pub ingested_at: DateTime<Utc>,
}

/// What [`StoreWriter::compact`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactOutcome {
    /// Batches merged (0 when the store was already compact).
    pub merged_batches: usize,
    pub documents: usize,
    pub facts: usize,
}

/// The one writer of a store, holding its lock until dropped.
#[derive(Debug)]
pub struct StoreWriter {
    dir: PathBuf,
    known_hashes: HashSet<String>,
    _lock: StoreLock,
}

impl StoreWriter {
    /// Opens (creating if needed) the store at `dir` for writing: takes the
    /// lock (see [`LockWait`]; `on_wait` hears why it blocks), removes what
    /// interrupted writes left behind, and loads the stored content hashes.
    pub fn open(dir: &Path, wait: LockWait, on_wait: &mut dyn FnMut(&str)) -> Result<StoreWriter> {
        layout::dir_state(dir)?;
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let lock = lock::acquire(dir, wait, on_wait)?;
        layout::create(dir)?;
        layout::clean_leftovers(dir)?;
        let listing = layout::list(dir)?;
        layout::discard(dir, &listing.replaced)?;

        let mut known_hashes = HashSet::new();
        for batch in &listing.live {
            let path = batch.documents_path();
            let frame = table::read_parquet(&path, Some(&["content_hash"]))?;
            let hashes = frame
                .column("content_hash")
                .and_then(|c| c.str().cloned())
                .with_context(|| format!("{}: no text column `content_hash`", path.display()))?;
            known_hashes.extend(hashes.iter().flatten().map(str::to_string));
        }
        Ok(StoreWriter {
            dir: dir.to_path_buf(),
            known_hashes,
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when a document with this content hash is already stored.
    pub fn is_stored(&self, content_hash: &str) -> bool {
        self.known_hashes.contains(content_hash)
    }

    /// Number of distinct document versions stored.
    pub fn stored_documents(&self) -> usize {
        self.known_hashes.len()
    }

    /// Publishes `documents` (minus those already stored) and their facts as
    /// one batch. When this returns `Ok`, the batch survives a crash.
    pub fn commit(&mut self, documents: Vec<NewDocument>) -> Result<CommittedBatch> {
        let ingested_at = Utc::now();
        let mut seen = HashSet::new();
        let total = documents.len();
        let fresh: Vec<NewDocument> = documents
            .into_iter()
            .filter(|d| !self.known_hashes.contains(&d.content_hash))
            .filter(|d| seen.insert(d.content_hash.clone()))
            .collect();
        let duplicates = total - fresh.len();
        let mut outcome = CommittedBatch {
            name: None,
            documents: fresh.len(),
            facts: fresh.iter().map(|d| d.facts.len()).sum(),
            duplicates,
            ingested_at,
        };
        if fresh.is_empty() {
            return Ok(outcome);
        }

        let records: Vec<DocumentRecord> = fresh
            .iter()
            .map(|d| DocumentRecord {
                doc_id: d.doc_id.clone(),
                source: d.source.clone(),
                url: d.url.clone(),
                title: d.title.clone(),
                date: d.date,
                bytes: d.bytes,
                content_hash: d.content_hash.clone(),
                ingested_at,
                facts: d.facts.len() as u64,
                superseded: false,
            })
            .collect();
        let fact_rows: Vec<(&Fact, &str)> = fresh
            .iter()
            .flat_map(|d| d.facts.iter().map(|f| (f, d.content_hash.as_str())))
            .collect();
        let mut facts =
            table::facts_frame(&fact_rows, ingested_at).context("cannot build the facts table")?;
        let mut docs =
            table::documents_frame(&records).context("cannot build the documents table")?;

        let staged = StagedBatch::new(&self.dir, layout::new_batch_name(ingested_at))?;
        table::write_parquet(&staged.path.join(layout::FACTS_FILE), &mut facts)?;
        table::write_parquet(&staged.path.join(layout::DOCUMENTS_FILE), &mut docs)?;
        let published = staged.publish()?;

        self.known_hashes
            .extend(fresh.into_iter().map(|d| d.content_hash));
        outcome.name = Some(published.name);
        Ok(outcome)
    }

    /// Merges every batch into one. Crash-safe: the merged batch names the
    /// batches it replaces, so until they are deleted readers skip them.
    pub fn compact(&mut self) -> Result<CompactOutcome> {
        let listing = layout::list(&self.dir)?;
        let live = listing.live;
        if live.len() <= 1 {
            layout::discard(&self.dir, &listing.replaced)?;
            let (documents, facts) = match live.first() {
                Some(batch) => (
                    row_count(&batch.documents_path())?,
                    row_count(&batch.facts_path())?,
                ),
                None => (0, 0),
            };
            return Ok(CompactOutcome {
                merged_batches: 0,
                documents,
                facts,
            });
        }

        let mut facts = concat(
            live.iter().map(BatchDir::facts_path),
            &table::fact_columns(),
        )?;
        let mut documents = concat(
            live.iter().map(BatchDir::documents_path),
            table::DOCUMENT_COLUMNS,
        )?;

        let staged = StagedBatch::new(&self.dir, layout::new_batch_name(Utc::now()))?;
        table::write_parquet(&staged.path.join(layout::FACTS_FILE), &mut facts)?;
        table::write_parquet(&staged.path.join(layout::DOCUMENTS_FILE), &mut documents)?;
        let replaces: String = live
            .iter()
            .chain(&listing.replaced)
            .map(|b| format!("{}\n", b.name))
            .collect();
        layout::write_synced(
            &staged.path.join(layout::REPLACES_FILE),
            replaces.as_bytes(),
        )?;
        staged.publish()?;

        let merged: Vec<BatchDir> = live.iter().chain(&listing.replaced).cloned().collect();
        layout::discard(&self.dir, &merged)?;
        Ok(CompactOutcome {
            merged_batches: live.len(),
            documents: documents.height(),
            facts: facts.height(),
        })
    }
}

fn row_count(path: &Path) -> Result<usize> {
    Ok(table::read_parquet(path, None)?.height())
}

/// The files' rows, one after the other, in one frame; each file must have
/// exactly `columns`.
fn concat(paths: impl Iterator<Item = PathBuf>, columns: &[&str]) -> Result<DataFrame> {
    let mut merged: Option<DataFrame> = None;
    for path in paths {
        let frame = table::read_parquet(&path, None)?;
        let names: Vec<&str> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        if names != columns {
            anyhow::bail!(
                "{}: unexpected columns {names:?}; a batch file has {columns:?}",
                path.display()
            );
        }
        match merged.as_mut() {
            None => merged = Some(frame),
            Some(merged) => {
                merged.vstack_mut(&frame).with_context(|| {
                    format!(
                        "{}: its columns differ from the other batches'",
                        path.display()
                    )
                })?;
            }
        }
    }
    let mut merged = merged.unwrap_or_default();
    merged.rechunk_mut();
    Ok(merged)
}
