//! The app's state: the open store, or why it could not be opened.
//!
//! The app still starts when the database cannot be opened (locked by another window, corrupt,
//! newer than the app), so the secretary reads why in Chinese instead of seeing nothing.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use yishi_core::store::Store;

use crate::error::CommandError;

pub struct AppState {
    store: Mutex<Result<Store, CommandError>>,
    /// When a command last used the store, and whether the log was checkpointed since.
    activity: Mutex<(Instant, bool)>,
}

/// How long the secretary must pause before the write-ahead log is copied into the file.
pub const CHECKPOINT_AFTER_IDLE: Duration = Duration::from_secs(3);

impl AppState {
    pub fn open(path: &Path) -> AppState {
        AppState {
            store: Mutex::new(Store::open(path).map_err(CommandError::from)),
            activity: Mutex::new((Instant::now(), true)),
        }
    }

    /// Checkpoints the store once after each pause in use, so that checkpoint I/O never lands on
    /// an autosave while she types (see docs/ARCHITECTURE.md, "Durability"). Called by a timer.
    pub fn checkpoint_if_idle(&self) {
        let due = {
            let activity = self.activity.lock().unwrap_or_else(|p| p.into_inner());
            !activity.1 && activity.0.elapsed() >= CHECKPOINT_AFTER_IDLE
        };
        if !due {
            return;
        }
        if let Ok(store) = self.lock().as_ref() {
            // A failed checkpoint loses nothing (the log stays); it is retried after the next use.
            if store.checkpoint().is_ok() {
                self.activity.lock().unwrap_or_else(|p| p.into_inner()).1 = true;
            }
        }
    }

    /// Runs `f` with the open store, or returns the startup error.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        *self.activity.lock().unwrap_or_else(|p| p.into_inner()) = (Instant::now(), false);
        let mut guard = self.lock();
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(e.clone()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Result<Store, CommandError>> {
        // A panic inside a command poisons the mutex; the store itself is still consistent
        // (every write is one transaction), so keep serving.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
