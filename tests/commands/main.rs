//! Command tests: the commands through the real IPC path (`tauri::test::mock_builder()`), one
//! test binary for all of them (each binary links Tauri and WebKit). The tests set process-wide
//! variables (`YISHI_TODAY`, the dialog presets), so a `TestApp` holds `common::ENV` for as long
//! as it lives and starts from none of them set: the tests take turns, as each file did alone.

mod common;

mod archive;
mod casework;
mod followup;
mod meetings;
mod notices;
mod people;
mod plans;
mod settings;
mod topics;
