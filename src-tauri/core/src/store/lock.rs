//! One app instance per database file.
//!
//! SQLite would keep the file consistent with two writers, but two windows autosaving the same
//! minutes would overwrite each other's typing. An exclusive OS lock on `<db>.lock` (released by
//! the OS when the process dies, even by SIGKILL) refuses the second instance instead.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Held while a [`super::Store`] is open; dropping it releases the lock.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
}

impl DbLock {
    pub fn acquire(db_path: &Path) -> Result<DbLock, StoreError> {
        let lock_path = lock_path(db_path);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|source| StoreError::Io { path: lock_path.clone(), source })?;
        match file.try_lock() {
            Ok(()) => Ok(DbLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked { path: db_path.to_path_buf() }),
            Err(TryLockError::Error(source)) => Err(StoreError::Io { path: lock_path, source }),
        }
    }
}

fn lock_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}
