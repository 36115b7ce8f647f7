//! 台账与备份: the USB-stick archive, its verification and merge, and local backups.
//!
//! `archive` owns the folder `yishi-archive-<community>-<YYYYMMDD-HHMM>/` and everything in it:
//! `manifest.json` (format, versions, record counts, size and sha256 of every file), `yishi.db` (a
//! consistent snapshot taken with `VACUUM INTO` from the live connection), `ledger.xlsx` and
//! `csv/*.csv` (the 台账 for WPS/Excel) and `notices/*.pdf` (the notices issued in the
//! chosen period, reprinted from their stored specs). An export is written into `.…-partial`, every file and
//! folder fsynced, verified, then renamed, so a stick pulled out half way leaves nothing that
//! passes [`verify`]. [`import`] verifies, then merges by id in one transaction (newer
//! `updated_at` wins; a minutes text changed on both sides keeps the other text as an
//! `import_conflict` revision) and rebuilds the search index (`reindex::all`). [`backup`] keeps daily copies beside
//! the database and restores from a backup or an archive.
//!
//! It leaves to others: what the records mean (domain modules), notice PDFs (`notices`), dialogs
//! and reopening the store after a restore (the shell).
//!
//! ```no_run
//! use yishi_core::archive;
//! let store = yishi_core::store::Store::open(std::path::Path::new("/tmp/yishi.db"))?;
//! let report = archive::export(&store, std::path::Path::new("/media/usb"), |_p| {})?;
//! archive::verify(&report.path)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod backup;
pub mod crypto;
mod csv;
mod error;
mod export;
mod import;
pub mod ledger;
pub mod leftovers;
mod manifest;
mod merge;
mod notices;
pub mod passphrase;
pub mod schema;
mod sink;
mod verify;
pub mod volume;

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;

pub use error::ArchiveError;
pub use export::{
    archive_name, archive_words, export, export_prepared, export_with, prepare_export, ExportReport, PreparedExport,
};
pub use import::{dry_run, dry_run_with, import, import_with};
pub use manifest::{FileEntry, Manifest, NoticesNote, Protected, DB_AGE_FILE, DB_FILE, FORMAT_VERSION};
pub use merge::{Conflict, ImportSummary, TableSummary};
pub use notices::Period;
pub use sink::{Disk, Sink};
pub use verify::{verify, verify_here, verify_with, VerifyReport};

crate::labelled_enum! {
    /// What an export (or import) is doing, for the progress bar.
    Step {
        Snapshot = "snapshot": "复制数据库",
        Ledger = "ledger": "生成台账表格",
        Csv = "csv": "生成CSV文件",
        Notices = "notices": "重新生成公示PDF",
        Manifest = "manifest": "写入清单",
        Verify = "verify": "核对归档",
        Finish = "finish": "完成",
    }
}

/// `done` of `total` steps finished; `step` is the one now running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub step: Step,
    pub label: &'static str,
    pub done: u32,
    pub total: u32,
}

impl Progress {
    /// The progress of an export that has reached `step`.
    pub fn at(step: Step) -> Progress {
        let done = Step::ALL.iter().position(|s| *s == step).unwrap_or(0) as u32;
        Progress { step, label: step.label(), done, total: Step::ALL.len() as u32 - 1 }
    }
}

/// The tables that hold records (every one with a text `id` and `updated_at`), in creation order,
/// which is also an order that respects foreign keys. The search index is derived and left out.
pub(crate) fn domain_tables(conn: &Connection, schema: &str) -> rusqlite::Result<Vec<String>> {
    let sql = format!(
        "SELECT m.name FROM \"{schema}\".sqlite_master m WHERE m.type = 'table' \
         AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE 'search\\_%' ESCAPE '\\' \
         AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' \
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name, '{schema}') WHERE name = 'updated_at') \
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name, '{schema}') WHERE name = 'id' AND pk = 1) \
         ORDER BY m.rowid"
    );
    let mut stmt = conn.prepare(&sql)?;
    let names = stmt.query_map([], |r| r.get(0))?.collect();
    names
}

/// Row counts of the domain tables, as written into and checked against the manifest.
pub(crate) fn counts(conn: &Connection) -> rusqlite::Result<BTreeMap<String, i64>> {
    let mut counts = BTreeMap::new();
    for table in domain_tables(conn, "main")? {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))?;
        counts.insert(table, n);
    }
    Ok(counts)
}

#[cfg(test)]
mod tests;
