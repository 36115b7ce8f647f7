//! What every core error can tell the edge: a stable machine code and a Chinese message.
//!
//! Each domain module has its own `thiserror` enum whose `Display` is a sentence a secretary can
//! act on. The shell and the CLI turn any of them into one [`Failure`] (`{code, message, field}`)
//! through [`UserFacing`]; a Rust debug string never reaches the UI.

use serde::Serialize;

/// An error that can be shown to the user.
pub trait UserFacing: std::error::Error {
    /// A stable, English, snake_case code for tests and the UI's logic (never shown as text).
    fn code(&self) -> &'static str;

    /// The Chinese sentence shown to the user. Defaults to `Display`.
    fn message(&self) -> String {
        self.to_string()
    }

    /// The label of the form field the error is about (“议题标题”), when it is about one: the UI
    /// shows the message under that field. `None` for errors of the whole action.
    fn field(&self) -> Option<&str> {
        None
    }
}

/// The one shape of an error at the edges: what the shell sends the UI (as JSON) and what the
/// CLI prints. Built from any core error, or directly for failures of the edge itself.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Failure {
    pub code: String,
    pub message: String,
    /// The form field's label when the error is about one field (see [`UserFacing::field`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Failure {
    /// A failure of the edge itself (a dialog, a background task), not of a core call.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Failure { code: code.to_string(), message: message.into(), field: None }
    }
}

impl<E: UserFacing> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure { code: e.code().to_string(), message: e.message(), field: e.field().map(str::to_string) }
    }
}

/// What a SQLite failure means for the secretary, in Chinese: a full or read-only disk, a pulled
/// stick, a busy or damaged file. Anything else keeps SQLite's own words in brackets for support.
pub fn db_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DiskFull) => "磁盘已满，请删除一些不用的文件、腾出空间后再试".into(),
        Some(ReadOnly) => "数据库文件是只读的，无法写入（请检查它是否在只读的U盘或文件夹里）".into(),
        Some(SystemIoFailure) => "读写磁盘失败（磁盘可能出了故障，或U盘已被拔出）".into(),
        Some(DatabaseBusy) | Some(DatabaseLocked) => "数据库正忙，请稍等几秒再试".into(),
        Some(DatabaseCorrupt) | Some(NotADatabase) => "数据库文件已损坏，请从“台账与备份”里的备份恢复".into(),
        Some(CannotOpen) => "无法打开数据库文件".into(),
        Some(ConstraintViolation) => "这条记录与已有记录冲突，或引用了已删除的记录".into(),
        _ => format!("数据库内部错误（{e}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::{db_words, Failure};
    use crate::validate;

    #[test]
    fn a_field_error_names_its_field_for_the_form() {
        let e = Failure::from(validate::required_line("议题标题", "  ", 10).unwrap_err());
        assert_eq!(e.field.as_deref(), Some("议题标题"));
        assert_eq!(e.message, "请填写议题标题。");
        let phone = Failure::from(validate::phone("12345").unwrap_err());
        assert_eq!(phone.field.as_deref(), Some("联系电话"));
        let json = serde_json::to_value(Failure::new("x", "整个操作失败")).unwrap();
        assert!(json.get("field").is_none(), "an error of the whole action names no field: {json}");
    }

    #[test]
    fn a_full_disk_is_said_in_chinese() {
        let full = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        let words = db_words(&full);
        assert!(words.contains("磁盘已满"), "{words}");
        assert!(!words.is_ascii());
        let pulled = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR), None);
        assert!(db_words(&pulled).contains("U盘已被拔出"));
    }
}
