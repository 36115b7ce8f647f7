//! Tauri commands, one file per domain. Each is a thin adapter over `yishi-core`.

pub mod archive;
pub mod attachments;
pub mod casework;
pub mod clock;
pub mod community;
pub mod conventions;
pub mod decisions;
pub mod elections;
pub mod evaluations;
pub mod followup;
pub mod funds;
pub mod meeting_print;
pub mod meetings;
pub mod minutes;
pub mod notices;
pub mod participants;
pub mod passphrase;
pub mod pdf_file;
pub mod people;
pub mod points;
pub mod search;
pub mod settings;
pub mod stats;
pub mod task_changes;
pub mod topics;
pub mod votes;
