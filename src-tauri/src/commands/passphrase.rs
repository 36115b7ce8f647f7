//! 归档密码 in 设置: its strength while typed, setting it, the 密码备忘单 PDF, and the switch
//! 每日备份也加密 (available once a passphrase is set).

use serde::Serialize;
use tauri::State;
use yishi_core::archive::passphrase::{self, Strength};

use crate::commands::pdf_file::{self, SavedPdf};
use crate::error::CommandResult;
use crate::state::AppState;

/// Whether this laptop has a passphrase (the passphrase itself never goes to the UI).
#[derive(Serialize)]
pub struct PassphraseState {
    pub set: bool,
    pub min_chars: usize,
    /// 每日备份也加密 is on (backups are encrypted only while a passphrase is set, too).
    pub backups_encrypted: bool,
}

#[tauri::command]
pub fn passphrase_state(state: State<'_, AppState>) -> CommandResult<PassphraseState> {
    state.with_store(|store| {
        Ok(PassphraseState {
            set: passphrase::get(store.conn())?.is_some(),
            min_chars: passphrase::MIN_CHARS,
            backups_encrypted: passphrase::backups_encrypted(store.conn())?,
        })
    })
}

/// Turns 每日备份也加密 on or off; on is refused while no passphrase is set.
#[tauri::command]
pub fn set_backups_encrypted(state: State<'_, AppState>, on: bool) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| passphrase::set_backups_encrypted(tx, on))?))
}

/// How strong `passphrase` is (pure; stores nothing).
#[tauri::command]
pub fn passphrase_strength(passphrase: String) -> Strength {
    passphrase::strength(&passphrase)
}

#[tauri::command(async)]
pub fn set_passphrase(state: State<'_, AppState>, passphrase: String) -> CommandResult<Strength> {
    state.with_store(|store| Ok(store.write(|tx| passphrase::set(tx, &passphrase))?))
}

/// 密码备忘单: asks where to save it; `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_passphrase_sheet(state: State<'_, AppState>) -> CommandResult<Option<SavedPdf>> {
    let bytes = state.with_store(|store| Ok(passphrase::sheet(store.conn(), crate::clock::today(store))?))?;
    pdf_file::save(bytes, "密码备忘单", "归档密码", yishi_core::notices::Format::Pdf).await
}
