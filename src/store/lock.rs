//! The writers' lock: one process at a time may add batches to a store,
//! compact it or clean it up. Readers never lock; they only see published
//! batches. The lock is an OS file lock on `STORE/LOCK`, so it is released
//! when its holder exits, however it exits.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::layout::LOCK_FILE;

/// What to do when another process holds the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Block until the other process is done.
    Wait,
    /// Fail at once.
    NoWait,
}

/// Held for as long as this process may write the store.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

/// Takes the lock of the store at `dir` (which must exist). When it is held
/// elsewhere and `wait` is [`LockWait::Wait`], calls `on_wait` with a message
/// for the user, then blocks.
pub fn acquire(dir: &Path, wait: LockWait, on_wait: &mut dyn FnMut(&str)) -> Result<StoreLock> {
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("cannot open lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let holder = holder_description(&path);
            match wait {
                LockWait::NoWait => bail!(
                    "the store {} is being written by {holder}; try again when it is done \
                     (or leave out --no-wait to wait for it)",
                    dir.display()
                ),
                LockWait::Wait => {
                    on_wait(&format!(
                        "waiting for {holder} to finish writing the store {}",
                        dir.display()
                    ));
                    file.lock()
                        .with_context(|| format!("cannot lock {}", path.display()))?;
                }
            }
        }
        Err(TryLockError::Error(err)) => {
            return Err(err).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
    // The holder's pid is only for the message another process prints; a
    // failure to record it is harmless.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| writeln!(file, "{}", std::process::id()));
    Ok(StoreLock { _file: file })
}

fn holder_description(lock_path: &Path) -> String {
    match std::fs::read_to_string(lock_path) {
        Ok(text) if text.trim().parse::<u32>().is_ok() => {
            format!("another frontline process (pid {})", text.trim())
        }
        _ => "another frontline process".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), LockWait::NoWait, &mut |_| {}).unwrap();
        let err = acquire(dir.path(), LockWait::NoWait, &mut |_| {}).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("being written"), "{message}");
        assert!(
            message.contains(&std::process::id().to_string()),
            "{message}"
        );
        drop(first);
        assert!(acquire(dir.path(), LockWait::NoWait, &mut |_| {}).is_ok());
    }
}
