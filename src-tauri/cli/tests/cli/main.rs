//! The tests that run the built `yishi-cli`: one test binary for the package.

mod common;
#[path = "../../../core/tests/notices_common/mod.rs"]
mod notices_common;

mod archive;
mod notices;
mod notices_tz;
mod search;
