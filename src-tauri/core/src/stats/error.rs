use thiserror::Error;

use crate::error::UserFacing;

/// Why the statistics could not be computed.
#[derive(Debug, Error)]
pub enum StatsError {
    #[error("统计年份{year}不在可统计的范围内（2000—2100年），请重新选择。")]
    BadYear { year: i32 },
    #[error("“{month}”不是可统计的月份，请选择年份和月份，如 2026-11。")]
    BadMonth { month: String },
    #[error("结束日期（{to}）早于开始日期（{from}），请调换或重新填写。")]
    RangeBackwards { from: chrono::NaiveDate, to: chrono::NaiveDate },
    #[error("统计的时间段最长十年，请缩短日期范围。")]
    RangeTooLong,
    #[error(transparent)]
    Time(#[from] crate::time::TimeError),
    #[error("所选的地点不存在（可能已被删除），请重新选择。")]
    PlaceNotFound { id: String },
    #[error("读取统计数据时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Community(#[from] crate::community::CommunityError),
    #[error(transparent)]
    Funds(#[from] crate::funds::FundsError),
}

impl UserFacing for StatsError {
    fn code(&self) -> &'static str {
        match self {
            StatsError::BadYear { .. } => "stats_bad_year",
            StatsError::PlaceNotFound { .. } => "stats_place_not_found",
            StatsError::BadMonth { .. } => "stats_bad_month",
            StatsError::RangeBackwards { .. } => "stats_range_backwards",
            StatsError::RangeTooLong => "stats_range_too_long",
            StatsError::Time(e) => e.code(),
            StatsError::Db(_) => "db_error",
            StatsError::Community(e) => e.code(),
            StatsError::Funds(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            StatsError::Community(e) => e.field(),
            StatsError::Time(e) => e.field(),
            StatsError::RangeBackwards { .. } | StatsError::RangeTooLong => Some(super::period::TO),
            _ => None,
        }
    }
}
