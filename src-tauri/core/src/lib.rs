//! # yishi-core
//!
//! Everything 议事簿 (Yishi) knows about a community's deliberation records: the SQLite store and
//! its migrations, the domain rules (topics, meetings, votes, …), notices as PDF, the USB archive
//! and search. It knows nothing about windows, dialogs or IPC: the Tauri shell and `yishi-cli`
//! are two thin front doors to the same functions.
//!
//! ```no_run
//! let store = yishi_core::store::Store::open(std::path::Path::new("/tmp/yishi.db"))?;
//! println!("schema version {}", store.schema_version()?);
//! # Ok::<(), yishi_core::store::StoreError>(())
//! ```

mod labelled;

pub mod archive;
pub mod attachments;
pub mod bulletin;
pub mod casework;
pub mod community;
pub mod conventions;
pub mod decisions;
pub mod demo;
pub mod docx;
pub mod elections;
pub mod error;
pub mod evaluations;
pub mod figures;
pub mod followup;
pub mod funds;
pub mod ids;
pub mod info;
pub mod meetings;
pub mod minutes;
pub mod money;
pub mod navigate;
pub mod notices;
pub mod pdf;
pub mod plans;
pub mod points;
pub mod printouts;
pub mod privacy;
pub mod proceedings;
pub mod reindex;
pub mod search;
pub mod stats;
pub mod store;
pub mod time;
pub mod topics;
pub mod validate;
pub mod votes;

#[cfg(test)]
mod testing;

/// The application version, shown in 设置 and written into archives.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
