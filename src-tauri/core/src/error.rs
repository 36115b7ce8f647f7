//! What every core error can tell the edge: a stable machine code and a Chinese message.
//!
//! Each domain module has its own `thiserror` enum whose `Display` is a sentence a secretary can
//! act on. The shell and the CLI turn any of them into `{code, message}` through [`UserFacing`];
//! a Rust debug string never reaches the UI.

/// An error that can be shown to the user.
pub trait UserFacing: std::error::Error {
    /// A stable, English, snake_case code for tests and the UI's logic (never shown as text).
    fn code(&self) -> &'static str;

    /// The Chinese sentence shown to the user. Defaults to `Display`.
    fn message(&self) -> String {
        self.to_string()
    }
}
