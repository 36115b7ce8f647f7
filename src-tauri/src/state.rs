//! The app's state: the open store, or why it could not be opened.
//!
//! The app still starts when the database cannot be opened (locked by another window, corrupt,
//! newer than the app), so the secretary reads why in Chinese instead of seeing nothing.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use yishi_core::store::location::Location;
use yishi_core::store::Store;

use crate::error::CommandError;

pub struct AppState {
    /// The file in use and why (installed, portable, given), shown in 设置 and the title.
    location: Location,
    store: Mutex<Result<Store, CommandError>>,
    /// When a command last used the store, and whether the log was checkpointed since.
    activity: Mutex<(Instant, bool)>,
    /// Whether a command used the store since the deferred search entries were last written.
    index_owed: std::sync::atomic::AtomicBool,
}

/// How long the secretary must pause before the write-ahead log is copied into the file.
pub const CHECKPOINT_AFTER_IDLE: Duration = Duration::from_secs(3);

/// How long after the last use the deferred search entries are written (see `index_if_idle`).
pub const INDEX_AFTER_IDLE: Duration = Duration::from_millis(400);

impl AppState {
    /// Opens a named database file (the command tests).
    pub fn open(path: &Path) -> AppState {
        AppState::open_at(Location::given(path))
    }

    /// Opens the database the location rule chose (`store::location::current` at start).
    pub fn open_at(location: Location) -> AppState {
        AppState {
            store: Mutex::new(yishi_core::reindex::open(&location.path).map_err(CommandError::from)),
            location,
            activity: Mutex::new((Instant::now(), true)),
            index_owed: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
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

    /// Writes the search entries the minutes autosave deferred once she pauses for
    /// [`INDEX_AFTER_IDLE`], so the index catches up within a second of the last save and never
    /// on the typing path (searches flush first anyway). Called by a timer.
    pub fn index_if_idle(&self) {
        self.index_if_idle_for(INDEX_AFTER_IDLE);
    }

    /// [`AppState::index_if_idle`] with the pause given (tests give one no machine can miss).
    pub fn index_if_idle_for(&self, pause: Duration) {
        use std::sync::atomic::Ordering;
        let idle = self.activity.lock().unwrap_or_else(|p| p.into_inner()).0.elapsed() >= pause;
        if !idle || !self.index_owed.swap(false, Ordering::AcqRel) {
            return;
        }
        if let Ok(store) = self.lock().as_mut() {
            // A failed flush loses nothing (the debt stays in the file); retry on the next tick.
            if yishi_core::reindex::flush(store).is_err() {
                self.index_owed.store(true, Ordering::Release);
            }
        }
    }

    /// Runs `f` with the open store, or returns the startup error.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, CommandError>) -> Result<T, CommandError> {
        *self.activity.lock().unwrap_or_else(|p| p.into_inner()) = (Instant::now(), false);
        self.index_owed.store(true, std::sync::atomic::Ordering::Release);
        let mut guard = self.lock();
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(e.clone()),
        }
    }

    /// Replaces the database file (a restore): `prepare` runs with the open store (it backs up
    /// and stages the copy); then the store is closed, `apply` swaps the file and returns the path
    /// to reopen. The store is reopened even when `apply` fails (on the old file, untouched).
    pub fn replace_file<T>(
        &self,
        prepare: impl FnOnce(&Store) -> Result<T, CommandError>,
        apply: impl FnOnce(T) -> Result<std::path::PathBuf, CommandError>,
    ) -> Result<(), CommandError> {
        let mut guard = self.lock();
        let (staged, path) = match guard.as_ref() {
            Ok(store) => (prepare(store)?, store.path().to_path_buf()),
            Err(e) => return Err(e.clone()),
        };
        // Dropping the old store closes its connection and releases the single-instance lock.
        *guard = Err(CommandError::new("db_reopening", "正在重新打开数据库，请稍候。"));
        let applied = apply(staged);
        let reopen = applied.clone().unwrap_or(path);
        *guard = yishi_core::reindex::open(&reopen).map_err(CommandError::from);
        applied.map(|_| ())
    }

    /// Today in the open database's community (see `clock`); not to be called inside
    /// [`AppState::with_store`] (use `clock::today(store)` there).
    pub fn today(&self) -> chrono::NaiveDate {
        match self.lock().as_ref() {
            Ok(store) => crate::clock::today(store),
            Err(_) => crate::clock::today_without_store(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Result<Store, CommandError>> {
        // A panic inside a command poisons the mutex; the store itself is still consistent
        // (every write is one transaction), so keep serving.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
