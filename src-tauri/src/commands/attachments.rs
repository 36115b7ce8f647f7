//! Photos: picked through the native dialog, stored by the core, handed back as raw bytes.

use tauri::ipc::Response;
use tauri::State;
use yishi_core::attachments::{self, Attachment, OwnerKind};

use crate::error::CommandResult;
use crate::state::AppState;

/// Opens the native picker (JPEG/PNG) and stores the chosen photo for the record;
/// `None` when the secretary cancelled. The UI never sees the path.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_photo(
    state: State<'_, AppState>,
    owner_kind: OwnerKind,
    owner_id: String,
) -> CommandResult<Option<Attachment>> {
    let Some(path) = crate::dialogs::pick_image().await else {
        return Ok(None);
    };
    state.with_store(|store| Ok(Some(store.write(|tx| attachments::add_image_file(tx, owner_kind, &owner_id, &path))?)))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_attachments(
    state: State<'_, AppState>,
    owner_kind: OwnerKind,
    owner_id: String,
) -> CommandResult<Vec<Attachment>> {
    state.with_store(|store| Ok(attachments::list(store.conn(), owner_kind, &owner_id)?))
}

/// The photo's bytes as an ArrayBuffer (not a JSON array of numbers: photos are megabytes).
#[tauri::command(rename_all = "snake_case")]
pub fn attachment_data(state: State<'_, AppState>, id: String) -> CommandResult<Response> {
    state.with_store(|store| Ok(Response::new(attachments::get_data(store.conn(), &id)?.bytes)))
}

#[tauri::command(rename_all = "snake_case")]
pub fn remove_attachment(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| attachments::remove(tx, &id))?))
}
