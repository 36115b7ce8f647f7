//! 设置: the community's settings, places, households, roster and topic catalogue.

use serde::Serialize;
use tauri::State;
use yishi_core::community::{
    self, Category, CommunitySettings, Household, NewHousehold, NewPerson, NewPlace, Person, Place, Register,
};

use super::topics::{choices, Choice};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Serialize)]
pub struct CommunityVocab {
    /// Labels: the roster sends and shows roles as labels, a typed role among them.
    roles: Vec<&'static str>,
    place_kinds: Vec<Choice>,
}

/// The offered roles and place kinds.
#[tauri::command(rename_all = "snake_case")]
pub fn community_vocab() -> CommunityVocab {
    use community::{PlaceKind, Role};
    CommunityVocab {
        roles: Role::ALL.iter().map(|r| r.label()).collect(),
        place_kinds: choices(PlaceKind::ALL, PlaceKind::as_str, PlaceKind::label),
    }
}

#[tauri::command(rename_all = "snake_case")]
pub fn community_settings(state: State<'_, AppState>) -> CommandResult<CommunitySettings> {
    state.with_store(|store| Ok(community::load_settings(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_community_settings(
    state: State<'_, AppState>,
    settings: CommunitySettings,
) -> CommandResult<CommunitySettings> {
    state.with_store(|store| Ok(store.write(|tx| community::save_settings(tx, &settings))?))
}

/// 上传二维码图片: the native picker, then the picture is kept (refused in words if it is not a
/// JPEG or PNG of at most 2 MB); `None` when she cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn upload_feedback_qr_picture(state: State<'_, AppState>) -> CommandResult<Option<CommunitySettings>> {
    let Some(path) = crate::dialogs::pick_image().await else {
        return Ok(None);
    };
    state.with_store(|store| {
        store.write(|tx| community::set_qr_picture_file(tx, &path))?;
        Ok(Some(community::load_settings(store.conn())?))
    })
}

/// 去掉图片: notices print a code of the text again (none without a text).
#[tauri::command(rename_all = "snake_case")]
pub fn clear_feedback_qr_picture(state: State<'_, AppState>) -> CommandResult<CommunitySettings> {
    state.with_store(|store| {
        store.write(community::clear_qr_picture)?;
        Ok(community::load_settings(store.conn())?)
    })
}

/// The uploaded picture's bytes for the settings card's preview (empty when there is none).
#[tauri::command(rename_all = "snake_case")]
pub fn feedback_qr_picture(state: State<'_, AppState>) -> CommandResult<tauri::ipc::Response> {
    let bytes =
        state.with_store(|store| Ok(community::qr_picture(store.conn()).map_err(community::CommunityError::from)?))?;
    Ok(tauri::ipc::Response::new(bytes.unwrap_or_default()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_places(state: State<'_, AppState>) -> CommandResult<Vec<Place>> {
    state.with_store(|store| Ok(community::list_places(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_place(state: State<'_, AppState>, place: NewPlace) -> CommandResult<Place> {
    state.with_store(|store| Ok(store.write(|tx| community::add_place(tx, &place))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn rename_place(state: State<'_, AppState>, id: String, name: String) -> CommandResult<Place> {
    state.with_store(|store| Ok(store.write(|tx| community::rename_place(tx, &id, &name))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_households(state: State<'_, AppState>) -> CommandResult<Vec<Household>> {
    state.with_store(|store| Ok(community::list_households(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_household(state: State<'_, AppState>, household: NewHousehold) -> CommandResult<Household> {
    state.with_store(|store| Ok(store.write(|tx| community::add_household(tx, &household))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_people(state: State<'_, AppState>) -> CommandResult<Vec<Person>> {
    state.with_store(|store| Ok(community::list_people(store.conn())?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_person(state: State<'_, AppState>, person: NewPerson) -> CommandResult<Person> {
    state.with_store(|store| Ok(store.write(|tx| community::add_person(tx, &person))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_person(state: State<'_, AppState>, id: String, person: NewPerson) -> CommandResult<Person> {
    state.with_store(|store| Ok(store.write(|tx| community::update_person(tx, &id, &person))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_categories(state: State<'_, AppState>, include_retired: bool) -> CommandResult<Vec<Category>> {
    state.with_store(|store| Ok(community::list_categories(store.conn(), include_retired)?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_category(state: State<'_, AppState>, parent_id: Option<String>, name: String) -> CommandResult<Category> {
    state.with_store(|store| Ok(store.write(|tx| community::add_category(tx, parent_id.as_deref(), &name))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn rename_category(state: State<'_, AppState>, id: String, name: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| community::rename_category(tx, &id, &name))?))
}

#[tauri::command(rename_all = "snake_case")]
pub fn retire_category(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| community::retire_category(tx, &id))?))
}

/// 停用 a place, household or person (kept on old records); the reason where something points at it.
#[tauri::command(rename_all = "snake_case")]
pub fn retire_record(state: State<'_, AppState>, register: Register, id: String, reason: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| community::retire(tx, register, &id, &reason))?))
}

/// 恢复 a retired place, household or person.
#[tauri::command(rename_all = "snake_case")]
pub fn restore_record(state: State<'_, AppState>, register: Register, id: String) -> CommandResult<()> {
    state.with_store(|store| Ok(store.write(|tx| community::restore(tx, register, &id))?))
}
