//! The search box in the app frame.

use serde::Deserialize;
use tauri::State;
use yishi_core::navigate::{self, Found};
use yishi_core::search::{DocKind, SearchQuery};

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct SearchArgs {
    pub text: String,
    #[serde(default)]
    pub kinds: Vec<DocKind>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Async, so it runs off the main thread: a slow query never freezes the window while she types
/// (the UI drops the answers of superseded keystrokes).
#[tauri::command(rename_all = "snake_case")]
pub async fn search(state: State<'_, AppState>, query: SearchArgs) -> CommandResult<Found> {
    let q = SearchQuery {
        kinds: query.kinds,
        year: query.year,
        limit: query.limit.unwrap_or(20).min(100),
        ..SearchQuery::new(query.text)
    };
    state.with_store(|store| {
        // The last autosave's index entry may still be owed (see `reindex::flush`).
        yishi_core::reindex::flush(store)?;
        Ok(navigate::find(store.conn(), &q)?)
    })
}
