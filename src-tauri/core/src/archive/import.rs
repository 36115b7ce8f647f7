//! 从U盘导入: verify, stage a decrypted (or copied) database beside the live one, check its
//! schema and every row, then merge (or, for the dry run, merge and roll back). The archive
//! itself is only read. The dry run does everything the import does — merge, the deferred
//! foreign-key check, the search index — and then rolls back, so an archive that passes the
//! preview also imports.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Transaction;

use super::manifest::{Manifest, DB_FILE};
use super::merge::{merge, ImportSummary};
use super::verify::{self, Db};
use super::{backup, passphrase, schema, ArchiveError};
use crate::store::Store;

/// What importing `archive` would change, without changing anything. An encrypted archive is
/// opened with the passphrases this laptop knows.
pub fn dry_run(store: &Store, archive: &Path) -> Result<ImportSummary, ArchiveError> {
    dry_run_with(store, archive, None)
}

/// [`dry_run`] with a passphrase typed by the secretary.
pub fn dry_run_with(store: &Store, archive: &Path, pass: Option<&str>) -> Result<ImportSummary, ArchiveError> {
    let staged = Staged::new(store, archive, pass)?;
    store.conn().execute("ATTACH DATABASE ?1 AS inc", [crate::store::sqlite_name(&staged.db)])?;
    let result = checked(store.conn(), &staged.db).and_then(|()| {
        // Rolled back when dropped: the merge runs for real and is then undone.
        let tx = store.conn().unchecked_transaction()?;
        let mut summary = apply(&tx)?;
        summary.applied = false;
        Ok(summary)
    });
    let _ = store.conn().execute("DETACH DATABASE inc", []);
    result.map(|s| staged.describe(s))
}

/// Merges `archive` into the store in one transaction, after a local backup; rebuilds the
/// search index in the same transaction when anything changed.
pub fn import(store: &mut Store, archive: &Path) -> Result<ImportSummary, ArchiveError> {
    import_with(store, archive, None, false)
}

/// [`import`] with a passphrase typed by the secretary; `remember` keeps it on this laptop
/// (in the same transaction as the merge) so the next import and export need not ask.
pub fn import_with(
    store: &mut Store,
    archive: &Path,
    pass: Option<&str>,
    remember: bool,
) -> Result<ImportSummary, ArchiveError> {
    let staged = Staged::new(store, archive, pass)?;
    store.conn().execute("ATTACH DATABASE ?1 AS inc", [crate::store::sqlite_name(&staged.db)])?;
    let prepared = checked(store.conn(), &staged.db)
        .and_then(|()| backup::take_unpruned(store, backup::Reason::Import, crate::time::now()));
    let result = prepared.and_then(|taken| {
        let merged = store.write(|tx| {
            let mut summary = apply(tx)?;
            summary.applied = true;
            if let (Some(p), true) = (staged.typed.as_deref(), remember) {
                passphrase::remember(tx, p)?;
            }
            Ok::<_, ArchiveError>(summary)
        });
        match merged {
            Ok(mut summary) => {
                backup::prune(store)?;
                summary.backup = Some(taken.path.to_string_lossy().into_owned());
                Ok(summary)
            }
            Err(e) => {
                // Rolled back: the live file is the state just backed up, so the copy goes too.
                let _ = fs::remove_file(&taken.path);
                if let Some(dir) = taken.path.parent() {
                    let _ = fs::remove_dir(dir); // only if this was the first backup
                }
                Err(e)
            }
        }
    });
    let _ = store.conn().execute("DETACH DATABASE inc", []);
    result.map(|s| staged.describe(s))
}

/// Schema and rows of the attached `inc`, before any merge.
fn checked(conn: &rusqlite::Connection, staged: &Path) -> Result<(), ArchiveError> {
    schema::check_schema(conn)?;
    schema::check_rows(conn, staged)
}

/// The merge, the foreign-key check it defers, and the search index: the import and its dry
/// run both run exactly this.
fn apply(tx: &Transaction) -> Result<ImportSummary, ArchiveError> {
    let summary = merge(tx)?;
    let broken: Vec<String> = tx
        .prepare("SELECT \"table\" FROM pragma_foreign_key_check")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if let Some(first) = broken.first() {
        return Err(ArchiveError::BrokenReferences { table: schema::table_label(first), count: broken.len() });
    }
    if summary.changes_anything() {
        crate::reindex::all(tx)?;
    }
    Ok(summary)
}

/// A verified archive's database, decrypted or copied beside the live one and brought to this
/// app's schema (an older archive is migrated like an old database file). Removed when dropped.
struct Staged {
    dir: PathBuf,
    db: PathBuf,
    community: String,
    created_at: String,
    /// The passphrase typed for this import, when it was the one that opened the archive.
    typed: Option<String>,
}

impl Staged {
    fn new(store: &Store, archive: &Path, pass: Option<&str>) -> Result<Staged, ArchiveError> {
        let (report, manifest) = verify::verify_folder_named(archive, Db::Full(""))?;
        let local = crate::community::load_settings(store.conn()).map(|s| s.name).unwrap_or_default();
        check_community(&local, &report.community)?;
        let base = store.path().parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = base.join(format!(".import-{}", crate::ids::new_id()));
        fs::create_dir_all(&dir).map_err(|e| ArchiveError::write(&dir, &e))?;
        let mut staged = Staged {
            db: dir.join(DB_FILE),
            dir,
            community: report.community,
            created_at: report.created_at,
            typed: None,
        };
        staged.typed = stage_db(store, archive, &manifest, pass, &staged.db)?;
        {
            let (conn, version) = verify::open_checked(&staged.db)?;
            schema::check_application_id(&conn)?;
            verify::check_counts(&conn, version, &manifest)?;
            if version < 1 {
                return Err(ArchiveError::BadSchema { detail: "没有数据格式版本".into() });
            }
            let inner =
                crate::community::load_settings(&conn).map(|s| s.name).unwrap_or_else(|_| staged.community.clone());
            check_community(&local, &inner)?;
        }
        if manifest.schema_version < crate::store::LATEST_VERSION {
            // An older archive is migrated like an old database file; one of this version is
            // left as it is, so the row checks name a bad row instead of the store refusing it.
            drop(Store::open(&staged.db).map_err(|e| match e {
                crate::store::StoreError::TooNew { .. } => ArchiveError::Store(e),
                _ => ArchiveError::BadSchema { detail: "无法按本程序的数据格式打开".into() },
            })?);
        }
        Ok(staged)
    }

    fn describe(&self, mut summary: ImportSummary) -> ImportSummary {
        summary.community = self.community.clone();
        summary.archive_created_at = self.created_at.clone();
        summary
    }
}

/// Another community's archive is not merged: merging communities is not an import. A laptop
/// whose community has no name yet (a new installation) takes any.
fn check_community(local: &str, archive: &str) -> Result<(), ArchiveError> {
    if !local.is_empty() && !archive.is_empty() && local != archive {
        return Err(ArchiveError::OtherCommunity { archive: archive.to_string(), local: local.to_string() });
    }
    Ok(())
}

/// Puts the archive's database at `dest`: a copy (format 1) or its decryption (format 2) with
/// the typed passphrase, else those this laptop knows. Returns the typed one if it was used.
pub(crate) fn stage_db(
    store: &Store,
    archive: &Path,
    m: &Manifest,
    pass: Option<&str>,
    dest: &Path,
) -> Result<Option<String>, ArchiveError> {
    let Some(p) = m.protected_db() else {
        let source = archive.join(DB_FILE);
        super::manifest::regular(archive, DB_FILE)?;
        fs::copy(&source, dest).map_err(|e| ArchiveError::read(&source, &e))?;
        return Ok(None);
    };
    let tries: Vec<(String, bool)> = match pass {
        Some(typed) => vec![(typed.to_string(), true)],
        None => passphrase::candidates(store.conn())?.into_iter().map(|p| (p, false)).collect(),
    };
    if tries.is_empty() {
        return Err(ArchiveError::PassphraseNeeded { community: m.community.clone() });
    }
    for (candidate, typed) in tries {
        let mut out = fs::File::create(dest).map_err(|e| ArchiveError::write(dest, &e))?;
        match verify::decrypt_checked(archive, p, &candidate, &mut out) {
            Ok(()) => {
                out.sync_all().map_err(|e| ArchiveError::write(dest, &e))?;
                return Ok(typed.then_some(candidate));
            }
            Err(ArchiveError::WrongPassphrase) => continue,
            Err(e) => return Err(e),
        }
    }
    let _ = fs::remove_file(dest);
    Err(match pass {
        Some(_) => ArchiveError::WrongPassphrase,
        None => ArchiveError::PassphraseNeeded { community: m.community.clone() },
    })
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}
