//! Tauri commands, one file per domain. Each is a thin adapter over `yishi-core`.

pub mod settings;
