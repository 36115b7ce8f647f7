use thiserror::Error;

use crate::error::UserFacing;

/// Why the statistics could not be computed.
#[derive(Debug, Error)]
pub enum StatsError {
    #[error("统计年份{year}不在可统计的范围内（2000—2100年），请重新选择。")]
    BadYear { year: i32 },
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
            StatsError::Db(_) => "db_error",
            StatsError::Community(e) => e.code(),
            StatsError::Funds(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            StatsError::Community(e) => e.field(),
            _ => None,
        }
    }
}
