//! 设置: what the settings page shows about the app and its database.

use tauri::State;
use yishi_core::info::DbInfo;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> CommandResult<DbInfo> {
    state.with_store(|store| Ok(yishi_core::info::db_info(store)?))
}

/// 载入示例社区: fills an empty database with the demo community.
// `async` (here and below): seconds of work must not freeze the window's thread.
#[tauri::command(async)]
pub fn load_demo(state: State<'_, AppState>) -> CommandResult<yishi_core::demo::DemoSummary> {
    state.with_store(|store| Ok(yishi_core::demo::load(store)?))
}

/// 重建搜索索引: repairs search from the records; returns how many documents it now holds.
#[tauri::command(async)]
pub fn rebuild_search_index(state: State<'_, AppState>) -> CommandResult<usize> {
    state.with_store(|store| Ok(store.rebuild_search_index()?))
}
