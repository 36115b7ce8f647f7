//! 设置: what the settings page shows about the app and its database.

use serde::Serialize;
use tauri::State;
use yishi_core::info::DbInfo;
use yishi_core::store::location::Location;

use crate::error::CommandResult;
use crate::state::AppState;

/// The database's facts and where it lives (installed, 绿色版 on the stick, or a named file).
#[derive(Serialize)]
pub struct AppInfo {
    #[serde(flatten)]
    db: DbInfo,
    location: Location,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let db = state.with_store(|store| Ok(yishi_core::info::db_info(store)?))?;
    Ok(AppInfo { db, location: state.location().clone() })
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
    state.with_store(|store| Ok(yishi_core::reindex::rebuild(store)?))
}

/// The UI calls this once its first screen is drawn and usable. Nothing happens unless
/// `YISHI_READY_FILE` names a file: then the moment is written there, for scripts/cold-start,
/// which measures how long a secretary waits from double-click to a usable window.
///
/// It is also the moment to parse the bundled fonts (≈ 0.1 s, on a thread of their own): not
/// before the first screen, which must not wait for them, and not on the first print, which
/// should not either.
#[tauri::command]
pub fn ui_ready() {
    static FONTS: std::sync::Once = std::sync::Once::new();
    FONTS.call_once(|| {
        std::thread::spawn(|| {
            yishi_core::pdf::Fonts::get();
        });
    });
    if let Some(path) = std::env::var_os("YISHI_READY_FILE").filter(|p| !p.is_empty()) {
        // A probe that cannot write only loses its measurement; the app goes on.
        let _ = std::fs::write(path, b"ready\n");
    }
}
