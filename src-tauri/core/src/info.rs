//! What `yishi-cli info` and the 设置 page show about the open database.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::{Store, StoreError};

#[derive(Debug, Serialize)]
pub struct DbInfo {
    pub db_path: String,
    pub schema_version: i64,
    pub app_version: &'static str,
    /// Rows per table, by table name.
    pub tables: BTreeMap<String, i64>,
}

pub fn db_info(store: &Store) -> Result<DbInfo, StoreError> {
    Ok(DbInfo {
        db_path: store.path().display().to_string(),
        schema_version: store.schema_version()?,
        app_version: crate::APP_VERSION,
        tables: store.table_counts()?.into_iter().collect(),
    })
}
