//! Tauri commands, one file per domain. Each is a thin adapter over `yishi-core`.

pub mod attachments;
pub mod community;
pub mod settings;
pub mod topics;
