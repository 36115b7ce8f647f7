//! The 议事簿 desktop shell: the only code that knows about Tauri, IPC and native dialogs.
//!
//! Commands (in `commands/<domain>.rs`) parse their arguments, call one `yishi-core` function
//! and map its error to `{code, message}`. No SQL, no business rule lives here.

mod commands;
mod dialogs;
mod error;
mod state;

pub use error::CommandError;
pub use state::AppState;

/// Registers state and every command on a builder; shared by the app and the command tests
/// (which pass `tauri::test::mock_builder()`).
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(tauri::generate_handler![
        commands::settings::app_info,
        commands::topics::topic_vocab,
        commands::topics::create_topic,
        commands::topics::update_topic,
        commands::topics::move_topic,
        commands::topics::merge_topic,
        commands::topics::get_topic,
        commands::topics::topic_timeline,
        commands::topics::list_topics,
        commands::topics::review_queue,
        commands::topics::topic_counts,
        commands::topics::similar_topics,
        commands::community::community_vocab,
        commands::community::community_settings,
        commands::community::save_community_settings,
        commands::community::list_places,
        commands::community::add_place,
        commands::community::rename_place,
        commands::community::list_households,
        commands::community::add_household,
        commands::community::list_people,
        commands::community::add_person,
        commands::community::update_person,
        commands::community::list_categories,
        commands::community::add_category,
        commands::community::rename_category,
        commands::community::retire_category,
        commands::attachments::pick_photo,
        commands::attachments::list_attachments,
        commands::attachments::attachment_data,
        commands::attachments::remove_attachment,
    ])
}

/// Starts the app on the default database (`YISHI_DB` or the OS data directory).
pub fn run() {
    let state = AppState::open(&yishi_core::store::Store::default_path());
    let app = setup(tauri::Builder::default(), state).run(tauri::generate_context!());
    if let Err(e) = app {
        // Nothing to show a window in: the webview itself failed. Say so on stderr and stop.
        eprintln!("议事簿无法启动：{e}");
        std::process::exit(1);
    }
}
