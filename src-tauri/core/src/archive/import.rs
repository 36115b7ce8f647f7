//! 从U盘导入: verify, stage a copy of the archive's database, then merge (or only count, for
//! the dry run). The archive itself is only read.

use std::fs;
use std::path::{Path, PathBuf};

use super::manifest::DB_FILE;
use super::merge::{merge, ImportSummary};
use super::{backup, verify, ArchiveError};
use crate::store::Store;

/// What importing `archive` would change, without changing anything.
pub fn dry_run(store: &Store, archive: &Path) -> Result<ImportSummary, ArchiveError> {
    let staged = Staged::new(store, archive)?;
    staged
        .attached(store, |conn| {
            // Rolled back when dropped: the merge runs for real and is then undone.
            let tx = conn.unchecked_transaction()?;
            let mut summary = merge(&tx)?;
            summary.applied = false;
            Ok(summary)
        })
        .map(|s| staged.describe(s))
}

/// Merges `archive` into the store in one transaction, after a local backup; rebuilds the
/// search index in the same transaction when anything changed.
pub fn import(store: &mut Store, archive: &Path) -> Result<ImportSummary, ArchiveError> {
    let staged = Staged::new(store, archive)?;
    let taken = backup::take(store, backup::Reason::Import, crate::time::now())?;
    store.conn().execute("ATTACH DATABASE ?1 AS inc", [crate::store::sqlite_name(&staged.db)])?;
    let result = store.write(|tx| {
        let mut summary = merge(tx)?;
        if summary.changes_anything() {
            crate::reindex::all(tx)?;
        }
        summary.applied = true;
        Ok::<_, ArchiveError>(summary)
    });
    let _ = store.conn().execute("DETACH DATABASE inc", []);
    let mut summary = staged.describe(result?);
    summary.backup = Some(taken.path.to_string_lossy().into_owned());
    Ok(summary)
}

/// A verified archive's database, copied beside the live one and brought to this app's schema
/// (an older archive is migrated like an old database file). Removed when dropped.
struct Staged {
    dir: PathBuf,
    db: PathBuf,
    community: String,
    created_at: String,
}

impl Staged {
    fn new(store: &Store, archive: &Path) -> Result<Staged, ArchiveError> {
        let report = verify(archive)?;
        let base = store.path().parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = base.join(format!(".import-{}", crate::ids::new_id()));
        fs::create_dir_all(&dir).map_err(|e| ArchiveError::write(&dir, &e))?;
        let staged = Staged { db: dir.join(DB_FILE), dir, community: report.community, created_at: report.created_at };
        let source = archive.join(DB_FILE);
        fs::copy(&source, &staged.db).map_err(|e| ArchiveError::read(&source, &e))?;
        drop(Store::open(&staged.db)?);
        Ok(staged)
    }

    fn attached<T>(
        &self,
        store: &Store,
        f: impl FnOnce(&rusqlite::Connection) -> Result<T, ArchiveError>,
    ) -> Result<T, ArchiveError> {
        store.conn().execute("ATTACH DATABASE ?1 AS inc", [crate::store::sqlite_name(&self.db)])?;
        let result = f(store.conn());
        let _ = store.conn().execute("DETACH DATABASE inc", []);
        result
    }

    fn describe(&self, mut summary: ImportSummary) -> ImportSummary {
        summary.community = self.community.clone();
        summary.archive_created_at = self.created_at.clone();
        summary
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}
