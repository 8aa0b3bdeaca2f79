//! The store's directory layout and the file-system moves that keep it
//! consistent: batch naming, listing the visible batches, and publishing a
//! batch atomically (write into `tmp/`, fsync, rename into `batches/`).
//!
//! ```text
//! STORE/
//!   FRONTLINE_STORE               marker: "frontline store layout 1"
//!   LOCK                          held by the one process writing the store
//!   batches/<batch>/facts.parquet
//!   batches/<batch>/documents.parquet
//!   batches/<batch>/REPLACES      compacted batches only: the batches it merged
//!   tmp/                          batches being written (never read)
//!   trash/                        batches being deleted after a compaction
//! ```
//!
//! A batch is visible once its directory is in `batches/`; the rename that puts
//! it there is atomic, so a reader sees all of a batch or none of it.
//!
//! Crash tests set `FRONTLINE_CRASH_AT` to one of the [`crash_point`] names
//! to abort the process at that exact step.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};

pub const MARKER_FILE: &str = "FRONTLINE_STORE";
pub const MARKER_TEXT: &str = "frontline store layout 1\n";
pub const LOCK_FILE: &str = "LOCK";
pub const BATCHES_DIR: &str = "batches";
pub const TMP_DIR: &str = "tmp";
pub const TRASH_DIR: &str = "trash";
pub const FACTS_FILE: &str = "facts.parquet";
pub const DOCUMENTS_FILE: &str = "documents.parquet";
pub const REPLACES_FILE: &str = "REPLACES";

/// Everything that may sit at the top of a store directory.
const LAYOUT_ENTRIES: &[&str] = &[MARKER_FILE, LOCK_FILE, BATCHES_DIR, TMP_DIR, TRASH_DIR];

/// One visible batch directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchDir {
    pub name: String,
    pub path: PathBuf,
}

impl BatchDir {
    pub fn facts_path(&self) -> PathBuf {
        self.path.join(FACTS_FILE)
    }

    pub fn documents_path(&self) -> PathBuf {
        self.path.join(DOCUMENTS_FILE)
    }
}

/// What a directory listing of the store found.
#[derive(Debug, Default)]
pub struct Listing {
    /// Batches whose rows count, oldest first (names sort by creation time).
    pub live: Vec<BatchDir>,
    /// Batches merged into a compacted batch but not yet deleted.
    pub replaced: Vec<BatchDir>,
    /// Files and directories that are not part of the layout.
    pub warnings: Vec<String>,
}

/// Whether `dir` holds a frontline store, is free to become one, or is
/// something else.
#[derive(Debug, PartialEq, Eq)]
pub enum DirState {
    Missing,
    /// Exists with nothing in it but hidden files.
    Empty,
    Store,
}

pub fn dir_state(dir: &Path) -> Result<DirState> {
    let metadata = match fs::metadata(dir) {
        Ok(metadata) => metadata,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(DirState::Missing),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    if !metadata.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    let marker = dir.join(MARKER_FILE);
    match fs::read_to_string(&marker) {
        Ok(text) if text == MARKER_TEXT => return Ok(DirState::Store),
        Ok(text) => bail!(
            "{}: unknown store layout {:?}; this frontline reads {:?}",
            marker.display(),
            text.trim(),
            MARKER_TEXT.trim()
        ),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", marker.display())),
    }
    let visible_entry = fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .any(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && !LAYOUT_ENTRIES.contains(&name.as_str())
        });
    if visible_entry {
        bail!(
            "{} is not a frontline store (it has files but no {MARKER_FILE}); \
             give --store an empty or new directory",
            dir.display()
        );
    }
    Ok(DirState::Empty)
}

/// Creates the store's directories and marker if they are missing.
pub fn create(dir: &Path) -> Result<()> {
    for sub in [BATCHES_DIR, TMP_DIR, TRASH_DIR] {
        let path = dir.join(sub);
        fs::create_dir_all(&path).with_context(|| format!("cannot create {}", path.display()))?;
    }
    let marker = dir.join(MARKER_FILE);
    if !marker.exists() {
        let staging = dir.join(TMP_DIR).join(MARKER_FILE);
        write_synced(&staging, MARKER_TEXT.as_bytes())?;
        rename_synced(&staging, &marker)?;
    }
    Ok(())
}

/// Lists the batches of a store directory (which may not exist yet).
pub fn list(dir: &Path) -> Result<Listing> {
    let mut listing = Listing::default();
    let root = match fs::read_dir(dir) {
        Ok(root) => root,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(listing),
        Err(err) => return Err(err).with_context(|| format!("cannot list {}", dir.display())),
    };
    for entry in root {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !LAYOUT_ENTRIES.contains(&name.as_str()) && !name.starts_with('.') {
            listing.warnings.push(format!(
                "{}: not part of the store; ignored",
                entry.path().display()
            ));
        }
    }

    let batches_dir = dir.join(BATCHES_DIR);
    let entries = match fs::read_dir(&batches_dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(listing),
        Err(err) => {
            return Err(err).with_context(|| format!("cannot list {}", batches_dir.display()))
        }
    };
    let mut batches = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", batches_dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if !path.is_dir() || !is_batch_name(&name) {
            listing.warnings.push(format!(
                "{}: not a batch directory; ignored",
                path.display()
            ));
            continue;
        }
        batches.push(BatchDir { name, path });
    }
    batches.sort_by(|a, b| a.name.cmp(&b.name));

    let mut replaced_names = HashSet::new();
    for batch in &batches {
        let replaces = batch.path.join(REPLACES_FILE);
        match fs::read_to_string(&replaces) {
            Ok(text) => replaced_names.extend(text.lines().map(|l| l.trim().to_string())),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(err).with_context(|| format!("cannot read {}", replaces.display()))
            }
        }
    }
    for batch in batches {
        if replaced_names.contains(&batch.name) {
            listing.replaced.push(batch);
        } else {
            listing.live.push(batch);
        }
    }
    Ok(listing)
}

/// Distinguishes batches written in the same microsecond by one process.
static BATCH_SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// A fresh batch name that sorts after every earlier one written by a clock
/// that does not run backwards: `20251202T101500123456Z-<pid>-<seq>`.
pub fn new_batch_name(now: DateTime<Utc>) -> String {
    let seq = BATCH_SEQUENCE.fetch_add(1, Ordering::Relaxed);
    format!(
        "{}-{}-{seq}",
        now.format("%Y%m%dT%H%M%S%6fZ"),
        std::process::id()
    )
}

/// True for names made by [`new_batch_name`].
pub fn is_batch_name(name: &str) -> bool {
    let mut parts = name.split('-');
    let (Some(stamp), Some(pid), Some(seq), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    stamp.len() == 22
        && stamp.as_bytes()[8] == b'T'
        && stamp.ends_with('Z')
        && digits(&stamp[..8])
        && digits(&stamp[9..21])
        && digits(pid)
        && digits(seq)
}

/// A batch being written in `tmp/`; [`StagedBatch::publish`] makes it visible.
pub struct StagedBatch {
    store: PathBuf,
    pub name: String,
    pub path: PathBuf,
}

impl StagedBatch {
    pub fn new(store: &Path, name: String) -> Result<StagedBatch> {
        let path = store.join(TMP_DIR).join(&name);
        fs::create_dir_all(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(StagedBatch {
            store: store.to_path_buf(),
            name,
            path,
        })
    }

    /// Moves the batch into `batches/` after making its files durable.
    pub fn publish(self) -> Result<BatchDir> {
        sync_dir(&self.path)?;
        crash_point("staged");
        let target = self.store.join(BATCHES_DIR).join(&self.name);
        rename_synced(&self.path, &target)?;
        crash_point("published");
        Ok(BatchDir {
            name: self.name,
            path: target,
        })
    }
}

/// Removes batches: each is first renamed into `trash/` (atomic, so no reader
/// sees half a batch), then deleted.
pub fn discard(store: &Path, batches: &[BatchDir]) -> Result<()> {
    let trash = store.join(TRASH_DIR);
    fs::create_dir_all(&trash).with_context(|| format!("cannot create {}", trash.display()))?;
    for batch in batches {
        let target = trash.join(&batch.name);
        fs::rename(&batch.path, &target).with_context(|| {
            format!(
                "cannot move {} to {}",
                batch.path.display(),
                target.display()
            )
        })?;
        crash_point("discarding");
    }
    sync_dir(&store.join(BATCHES_DIR))?;
    empty_dir(&trash)
}

/// Deletes leftovers of interrupted writes and compactions. Only the process
/// holding the store lock may call this.
pub fn clean_leftovers(store: &Path) -> Result<()> {
    empty_dir(&store.join(TMP_DIR))?;
    empty_dir(&store.join(TRASH_DIR))
}

fn empty_dir(dir: &Path) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("cannot list {}", dir.display())),
    };
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        let removed = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}

/// Environment variable naming the step at which to abort (crash tests).
pub const CRASH_AT_VAR: &str = "FRONTLINE_CRASH_AT";

/// Aborts the process, as a power cut or SIGKILL would stop it, when
/// `FRONTLINE_CRASH_AT` names this step: `staged` (batch files written in
/// `tmp/`), `published` (batch renamed into `batches/`), `discarding` (one
/// merged batch moved to `trash/`).
pub fn crash_point(step: &str) {
    if std::env::var_os(CRASH_AT_VAR).is_some_and(|wanted| wanted == step) {
        #[cfg(unix)]
        // SAFETY: kill(2) on our own pid has no memory-safety preconditions.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
        std::process::abort();
    }
}

/// Writes a whole file and flushes it to disk.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file =
        File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Renames and makes the rename durable by syncing the target's directory.
fn rename_synced(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to)
        .with_context(|| format!("cannot move {} to {}", from.display(), to.display()))?;
    match to.parent() {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// Flushes a directory's entries (new and renamed files) to disk.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|handle| handle.sync_all())
        .with_context(|| format!("cannot sync directory {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_names_sort_by_time_and_are_recognised() {
        let early = DateTime::parse_from_rfc3339("2025-12-02T10:15:00.000001Z")
            .unwrap()
            .with_timezone(&Utc);
        let late = DateTime::parse_from_rfc3339("2025-12-02T10:15:00.000002Z")
            .unwrap()
            .with_timezone(&Utc);
        let a = new_batch_name(early);
        let b = new_batch_name(late);
        assert!(a < b, "{a} !< {b}");
        assert!(is_batch_name(&a), "{a}");
        for foreign in [
            "notes",
            "20251202T101500Z-1-0",
            "x-1-2",
            "",
            "20251202T101500000001Z-1",
        ] {
            assert!(!is_batch_name(foreign), "{foreign}");
        }
    }

    #[test]
    fn replaced_batches_are_not_live() {
        let dir = tempfile::tempdir().unwrap();
        create(dir.path()).unwrap();
        let now = Utc::now();
        let old = new_batch_name(now);
        let merged = new_batch_name(now);
        for name in [&old, &merged] {
            fs::create_dir_all(dir.path().join(BATCHES_DIR).join(name)).unwrap();
        }
        fs::write(
            dir.path()
                .join(BATCHES_DIR)
                .join(&merged)
                .join(REPLACES_FILE),
            format!("{old}\n"),
        )
        .unwrap();
        fs::write(dir.path().join("stray.txt"), "x").unwrap();
        let listing = list(dir.path()).unwrap();
        assert_eq!(listing.live.len(), 1);
        assert_eq!(listing.live[0].name, merged);
        assert_eq!(listing.replaced.len(), 1);
        assert_eq!(listing.warnings.len(), 1);
        assert!(listing.warnings[0].contains("stray.txt"));
    }

    #[test]
    fn foreign_directories_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(dir_state(dir.path()).unwrap(), DirState::Empty);
        fs::write(dir.path().join("thesis.docx"), "x").unwrap();
        let err = dir_state(dir.path()).unwrap_err().to_string();
        assert!(err.contains("not a frontline store"), "{err}");
        assert_eq!(
            dir_state(&dir.path().join("missing")).unwrap(),
            DirState::Missing
        );
    }
}
