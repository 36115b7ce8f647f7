//! Why a search or an index update failed.

use chrono::NaiveDate;
use thiserror::Error;

use crate::error::UserFacing;

#[derive(Debug, Error)]
pub enum SearchError {
    #[error("日期 {0} 超出了搜索索引能记录的范围，请检查记录的日期。")]
    DateOutOfRange(NaiveDate),
    #[error("{0} 这一天的记录太多，搜索索引已放不下，请检查是否重复导入。")]
    DayFull(NaiveDate),
    #[error("搜索索引已损坏（{0}），请在设置中重建搜索索引。")]
    Corrupt(String),
    #[error("读写搜索索引时出错：{}", crate::error::db_words(.0))]
    Sqlite(#[from] rusqlite::Error),
}

impl UserFacing for SearchError {
    fn code(&self) -> &'static str {
        match self {
            SearchError::DateOutOfRange(_) => "search_date_out_of_range",
            SearchError::DayFull(_) => "search_day_full",
            SearchError::Corrupt(_) => "search_index_corrupt",
            SearchError::Sqlite(_) => "search_db",
        }
    }
}
