//! The app's state: the open store, or why it could not be opened.
//!
//! The app still starts when the database cannot be opened (locked by another window, corrupt,
//! newer than the app), so the secretary reads why in Chinese instead of seeing nothing.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use yishi_core::store::Store;

use crate::error::CommandError;

pub struct AppState {
    store: Mutex<Result<Store, CommandError>>,
}

impl AppState {
    pub fn open(path: &Path) -> AppState {
        AppState { store: Mutex::new(Store::open(path).map_err(CommandError::from)) }
    }

    /// Runs `f` with the open store, or returns the startup error.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
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
