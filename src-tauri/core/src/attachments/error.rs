use thiserror::Error;

use super::MAX_BYTES;
use crate::error::UserFacing;
use crate::validate::FieldError;

/// Why a photo could not be stored or read.
#[derive(Debug, Error)]
pub enum AttachmentError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("“{file_name}”这不是 JPEG 或 PNG 图片，请选择照片文件（.jpg / .png）。")]
    NotAnImage { file_name: String },
    #[error("照片太大（{}），最大 {} MB。请先用手机或电脑把照片缩小再添加。", megabytes(*.bytes), MAX_BYTES / (1024 * 1024))]
    TooLarge { bytes: usize },
    #[error("这张照片要添加到的{what}不存在（可能已被删除）。")]
    OwnerNotFound { what: &'static str },
    #[error("没有找到这张照片（可能已被删除）。")]
    NotFound,
    #[error("无法读取文件“{file_name}”，请确认U盘或存储卡还插着、文件没有被移走。")]
    Unreadable { file_name: String },
    #[error("保存照片时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

/// “23.4 MB”: one decimal, as the file manager shows it.
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl UserFacing for AttachmentError {
    fn code(&self) -> &'static str {
        match self {
            AttachmentError::Invalid(e) => e.code(),
            AttachmentError::NotAnImage { .. } => "attachment_not_an_image",
            AttachmentError::TooLarge { .. } => "attachment_too_large",
            AttachmentError::OwnerNotFound { .. } => "attachment_owner_not_found",
            AttachmentError::NotFound => "attachment_not_found",
            AttachmentError::Unreadable { .. } => "attachment_unreadable",
            AttachmentError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            AttachmentError::Invalid(e) => e.field(),
            _ => None,
        }
    }
}
