use thiserror::Error;

use crate::error::UserFacing;
use crate::validate::FieldError;

#[derive(Debug, Error)]
pub enum CommunityError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有找到这个{what}（可能已被删除）。")]
    NotFound { what: &'static str },
    #[error("已经有名为“{name}”的{what}了，请换一个名字。")]
    Duplicate { what: &'static str, name: String },
    #[error(transparent)]
    BadPhone(#[from] crate::validate::BadPhone),
    #[error(
        "公开联系电话“{value}”不是能拨通的号码：请填11位手机号（如 13812345678）或带区号的座机号（如 028-86001234）。"
    )]
    BadPublicPhone { value: String },
    #[error("这个{what}已经停用了。")]
    AlreadyRetired { what: &'static str },
    #[error("还有记录用到这个{what}：请写明停用原因（例如“已搬离”），以后看旧记录的人会看到它。")]
    RetireReasonRequired { what: &'static str },
    #[error("这个地点下面还有在用的地点：请先停用下面的楼栋、单元。")]
    RetireChildrenFirst,
    #[error(transparent)]
    Time(#[from] crate::time::TimeError),
    #[error("保存时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for CommunityError {
    fn code(&self) -> &'static str {
        match self {
            CommunityError::Invalid(e) => e.code(),
            CommunityError::NotFound { .. } => "community_not_found",
            CommunityError::Duplicate { .. } => "community_duplicate",
            CommunityError::BadPhone(_) => "community_bad_phone",
            CommunityError::BadPublicPhone { .. } => "community_bad_public_phone",
            CommunityError::AlreadyRetired { .. } => "community_already_retired",
            CommunityError::RetireReasonRequired { .. } => "community_retire_reason_required",
            CommunityError::RetireChildrenFirst => "community_retire_children_first",
            CommunityError::Time(e) => e.code(),
            CommunityError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            CommunityError::Invalid(e) => e.field(),
            CommunityError::BadPhone(e) => e.field(),
            CommunityError::Time(e) => e.field(),
            _ => None,
        }
    }
}
