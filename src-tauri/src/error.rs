//! The one error shape the UI receives: `{code, message, field}`, message in Chinese.
//!
//! It is the core's [`Failure`], the same type the CLI prints: one error type at every edge.

pub use yishi_core::error::Failure as CommandError;

pub type CommandResult<T> = Result<T, CommandError>;
