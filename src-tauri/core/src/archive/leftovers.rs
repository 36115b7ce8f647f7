//! What a killed export, import or backup leaves behind, removed on the next start or export:
//! `.snapshot-*.db` and `.import-*` beside the live file (database-sized), `yishi-*.partial` in
//! `backups/` (a plain copy, even when backups are encrypted), and `.yishi-archive-*-partial`
//! folders on the stick (which never pass verify anyway).

use std::fs;
use std::path::{Path, PathBuf};

use crate::store::Store;

/// Removes the staging copies beside the store's file; returns what was removed. Call when no
/// export or import is running (the shell does on start, before the window opens).
pub fn clean_local(store: &Store) -> Vec<PathBuf> {
    let Some(dir) = store.path().parent() else { return Vec::new() };
    let mut removed = remove_matching(dir, |name, is_dir| {
        (!is_dir && name.starts_with(".snapshot-") && (name.ends_with(".db") || name.ends_with(".db-journal")))
            || (is_dir && name.starts_with(".import-"))
    });
    let backups = super::backup::dir(store);
    removed.extend(remove_matching(&backups, |name, is_dir| {
        !is_dir && name.starts_with("yishi-") && name.ends_with(".partial")
    }));
    removed
}

/// Removes unfinished exports from the stick folder `dir`.
pub fn clean_stick(dir: &Path) -> Vec<PathBuf> {
    remove_matching(dir, |name, is_dir| is_dir && name.starts_with(".yishi-archive-") && name.ends_with("-partial"))
}

fn remove_matching(dir: &Path, wanted: impl Fn(&str, bool) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        // symlink_metadata: a link named like a leftover is removed as a link, never followed.
        let Ok(meta) = fs::symlink_metadata(entry.path()) else { continue };
        if !wanted(&name, meta.is_dir()) {
            continue;
        }
        let done = if meta.is_dir() { fs::remove_dir_all(entry.path()) } else { fs::remove_file(entry.path()) };
        if done.is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}
