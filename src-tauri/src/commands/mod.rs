//! Tauri commands, one file per domain. Each is a thin adapter over `yishi-core`.

pub mod attachments;
pub mod community;
pub mod decisions;
pub mod meetings;
pub mod minutes;
pub mod notices;
pub mod participants;
pub mod search;
pub mod settings;
pub mod topics;
pub mod votes;
