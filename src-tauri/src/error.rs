//! The one error shape the UI receives: `{code, message}`, message in Chinese.

use serde::Serialize;
use yishi_core::error::UserFacing;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl<E: UserFacing> From<E> for CommandError {
    fn from(e: E) -> Self {
        CommandError { code: e.code().to_string(), message: e.message() }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
