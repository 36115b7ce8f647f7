use thiserror::Error;

use crate::error::UserFacing;
use crate::validate::FieldError;

/// The label of the 设置 field holding the 反馈二维码's text.
pub const QR_TEXT_FIELD: &str = "反馈二维码内容";

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
    #[error(
        "反馈二维码内容太长（{chars}个字）：最多{max}个字（汉字、表情占得多，最多约150个），否则印成2.5厘米的二维码扫不出来。请改用短一些的链接或文字。"
    )]
    QrTextTooLong { chars: usize, max: usize },
    #[error("反馈二维码内容只能是一行（一个链接或一段文字），请去掉换行。")]
    QrTextMultiline,
    #[error("二维码图片太大（{mb:.1} MB）：最大 2 MB。请用微信里“保存图片”得到的二维码，或截图后裁剪一下。")]
    QrPictureTooLarge { mb: f64 },
    #[error("二维码图片无法读取（{detail}）。请选一张 JPG 或 PNG 图片。")]
    QrPictureUnreadable { detail: String },
    #[error("这个{what}已经停用了。")]
    AlreadyRetired { what: &'static str },
    #[error("还有记录用到这个{what}：请写明停用原因（例如“已搬离”），以后看旧记录的人会看到它。")]
    RetireReasonRequired { what: &'static str },
    #[error("这个地点下面还有在用的地点：请先停用下面的楼栋、单元。")]
    RetireChildrenFirst,
    #[error("{name}上一次迁动是{last}，新的日期不能早于这一天。")]
    MoveBeforeLastMove { name: String, last: String },
    #[error("“{label}”已经注销或停用，不能迁入，请选择其他户。")]
    IntoEndedHousehold { label: String },
    #[error("{name}已于{day}离开本社区，不能再迁动。")]
    AlreadyLeft { name: String, day: String },
    #[error("已经住在“{label}”了，请选择另一户。")]
    SameHousehold { label: String },
    #[error("{field}不能晚于今天（{today}）：请填已经发生的那一天。")]
    MoveInFuture { field: String, today: String },
    #[error("“{label}”还有人住：{names}。请先把他们迁到其他户或办理迁出，再注销。")]
    HouseholdNotEmpty { label: String, names: String },
    #[error("“{label}”最近一次有人迁动是{last}，注销日期不能早于这一天。")]
    EndBeforeLastMove { label: String, last: String },
    #[error("{name}不住在“{label}”，不能当这一户的户主。")]
    HeadNotMember { name: String, label: String },
    #[error("{name}换户要记下日期：请用“迁入其他户”，不要在编辑里改户。")]
    HouseholdChangeIsAMove { name: String },
    #[error("{name}已经离开本社区，不能恢复。")]
    LeftCannotBeRestored { name: String },
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
            CommunityError::QrTextTooLong { .. } => "community_qr_text_too_long",
            CommunityError::QrTextMultiline => "community_qr_text_multiline",
            CommunityError::QrPictureTooLarge { .. } => "community_qr_picture_too_large",
            CommunityError::QrPictureUnreadable { .. } => "community_qr_picture_unreadable",
            CommunityError::AlreadyRetired { .. } => "community_already_retired",
            CommunityError::RetireReasonRequired { .. } => "community_retire_reason_required",
            CommunityError::RetireChildrenFirst => "community_retire_children_first",
            CommunityError::MoveBeforeLastMove { .. } => "community_move_before_last_move",
            CommunityError::IntoEndedHousehold { .. } => "community_into_ended_household",
            CommunityError::AlreadyLeft { .. } => "community_already_left",
            CommunityError::SameHousehold { .. } => "community_same_household",
            CommunityError::MoveInFuture { .. } => "community_move_in_future",
            CommunityError::HouseholdNotEmpty { .. } => "community_household_not_empty",
            CommunityError::EndBeforeLastMove { .. } => "community_end_before_last_move",
            CommunityError::HeadNotMember { .. } => "community_head_not_member",
            CommunityError::HouseholdChangeIsAMove { .. } => "community_household_change_is_a_move",
            CommunityError::LeftCannotBeRestored { .. } => "community_left_cannot_be_restored",
            CommunityError::Time(e) => e.code(),
            CommunityError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            CommunityError::Invalid(e) => e.field(),
            CommunityError::BadPhone(e) => e.field(),
            CommunityError::Time(e) => e.field(),
            CommunityError::MoveInFuture { field, .. } => Some(field),
            CommunityError::QrTextTooLong { .. } | CommunityError::QrTextMultiline => Some(QR_TEXT_FIELD),
            _ => None,
        }
    }
}
