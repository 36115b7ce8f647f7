//! The 议事簿 desktop shell: the only code that knows about Tauri, IPC and native dialogs.
//!
//! Commands (in `commands/<domain>.rs`) parse their arguments, call one `yishi-core` function
//! and map its error to `{code, message}`. No SQL, no business rule lives here.

mod clock;
mod commands;
mod dialogs;
mod error;
mod state;
mod webview2;
mod window_fit;

pub use error::CommandError;
pub use state::{AppState, CHECKPOINT_AFTER_IDLE, INDEX_AFTER_IDLE};

/// Registers state and every command on a builder; shared by the app and the command tests
/// (which pass `tauri::test::mock_builder()`).
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder.manage(state).manage(commands::archive::ArchiveJobs::default()).invoke_handler(tauri::generate_handler![
        commands::settings::app_info,
        commands::clock::clock_info,
        commands::clock::read_date,
        commands::settings::ui_ready,
        commands::archive::export_archive,
        commands::archive::open_export_folder,
        commands::archive::archive_progress,
        commands::archive::verify_archive,
        commands::archive::preview_import,
        commands::archive::preview_import_with_passphrase,
        commands::passphrase::passphrase_state,
        commands::passphrase::passphrase_strength,
        commands::passphrase::set_passphrase,
        commands::passphrase::print_passphrase_sheet,
        commands::passphrase::set_backups_encrypted,
        commands::archive::confirm_import,
        commands::archive::list_backups,
        commands::archive::restore_backup,
        commands::archive::restore_from_archive,
        commands::search::search,
        commands::settings::load_demo,
        commands::settings::rebuild_search_index,
        commands::topics::topic_vocab,
        commands::topics::create_topic,
        commands::topics::update_topic,
        commands::topics::move_topic,
        commands::topics::merge_topic,
        commands::topics::revert_topic,
        commands::topics::get_topic,
        commands::topics::topic_timeline,
        commands::task_changes::extend_task_deadline,
        commands::task_changes::reassign_task,
        commands::task_changes::task_changes,
        commands::task_changes::add_task_after_meeting,
        commands::funds::funds_vocab,
        commands::funds::fund_budget,
        commands::funds::set_fund_budget,
        commands::funds::task_funds,
        commands::funds::record_fund_spend,
        commands::funds::add_fund_in_kind,
        commands::funds::annual_fund,
        commands::funds::set_fund_allocation,
        commands::funds::over_budget_tasks,
        commands::casework::casework_vocab,
        commands::casework::record_escalation,
        commands::casework::record_escalation_reply,
        commands::casework::awaiting_replies,
        commands::casework::unanswered_topics,
        commands::casework::add_topic_note,
        commands::casework::record_callback,
        commands::casework::topic_history,
        commands::topics::list_topics,
        commands::topics::review_queue,
        commands::topics::topic_counts,
        commands::topics::similar_topics,
        commands::community::community_vocab,
        commands::community::community_settings,
        commands::community::save_community_settings,
        commands::community::upload_feedback_qr_picture,
        commands::community::clear_feedback_qr_picture,
        commands::community::feedback_qr_picture,
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
        commands::community::retire_record,
        commands::community::restore_record,
        commands::people::people_vocab,
        commands::people::move_person,
        commands::people::person_leaves,
        commands::people::person_moves,
        commands::people::update_household,
        commands::people::end_household,
        commands::attachments::pick_photo,
        commands::attachments::list_attachments,
        commands::attachments::attachment_data,
        commands::attachments::remove_attachment,
        commands::meetings::meeting_vocab,
        commands::meetings::create_meeting,
        commands::meetings::get_meeting,
        commands::meetings::list_meetings,
        commands::cadence::meeting_cadence,
        commands::cadence::create_next_meeting,
        commands::cadence::next_meeting,
        commands::meetings::close_meeting,
        commands::meetings::start_meeting,
        commands::meetings::reopen_meeting,
        commands::meetings::meeting_agenda,
        commands::meetings::add_agenda_topic,
        commands::meetings::add_agenda_other,
        commands::meetings::remove_agenda_item,
        commands::meetings::move_agenda_item,
        commands::meetings::followup_summary,
        commands::meetings::set_fullscreen,
        commands::participants::meeting_participants,
        commands::participants::meeting_attendance,
        commands::participants::meeting_voters,
        commands::participants::set_observer,
        commands::participants::invite_past_stakeholders,
        commands::participants::participant_patterns,
        commands::participants::save_participant_pattern,
        commands::participants::delete_participant_pattern,
        commands::participants::apply_participant_pattern,
        commands::participants::invite_core_members,
        commands::participants::invite_stakeholder,
        commands::participants::sign_in,
        commands::participants::undo_sign_in,
        commands::participants::add_walk_in,
        commands::participants::add_speaker,
        commands::participants::speaker_quick_pick,
        commands::minutes::save_minutes,
        commands::minutes::get_minutes,
        commands::minutes::minutes_revisions,
        commands::minutes::restore_minutes_revision,
        commands::votes::evaluate_vote,
        commands::votes::record_vote,
        commands::votes::record_household_vote,
        commands::votes::item_votes,
        commands::votes::household_count,
        commands::votes::record_vote_in_parts,
        commands::votes::add_vote_part,
        commands::elections::record_election,
        commands::elections::item_elections,
        commands::elections::person_terms,
        commands::elections::terms_in_force,
        commands::decisions::add_decision,
        commands::decisions::add_task,
        commands::decisions::item_decisions,
        commands::meeting_print::print_meeting_doc,
        commands::meeting_print::meeting_doc_image,
        commands::notices::notice_defaults,
        commands::notices::check_notice,
        commands::notices::preview_notice,
        commands::notices::issue_notice,
        commands::notices::notice_pdf,
        commands::notices::print_notice,
        commands::notices::save_notice_as,
        commands::notices::notice_image,
        commands::notices::notice_spec,
        commands::notices::list_notices,
        commands::notices::notice_home_flags,
        commands::notices::notice_boards,
        commands::notices::record_notice_posting,
        commands::notices::record_notice_taken_down,
        commands::notices::save_notice_draft,
        commands::notices::list_notice_drafts,
        commands::notices::save_notice_template,
        commands::notices::list_notice_templates,
        commands::notices::start_notice_from_template,
        commands::notices::issue_notice_from_record,
        commands::followup::followup_vocab,
        commands::followup::task_board,
        commands::followup::followup_counts,
        commands::followup::task_page,
        commands::followup::set_task_status,
        commands::followup::add_task_note,
        commands::followup::print_progress,
        commands::evaluations::satisfaction_rate,
        commands::evaluations::record_evaluation,
        commands::evaluations::close_without_evaluation,
        commands::evaluations::topic_evaluations,
        commands::points::points_ledger,
        commands::points::credit_points,
        commands::points::redeem_points,
        commands::points::points_rules,
        commands::points::save_points_rules,
        commands::points::points_ranking,
        commands::points::print_points_table,
        commands::conventions::list_conventions,
        commands::conventions::convention_page,
        commands::conventions::create_convention,
        commands::conventions::save_convention_version,
        commands::conventions::post_convention,
        commands::conventions::add_convention_feedback,
        commands::conventions::respond_convention_feedback,
        commands::conventions::adopt_convention,
        commands::conventions::print_convention,
        commands::stats::year_stats,
        commands::stats::period_stats,
        commands::stats::print_year_report,
        commands::pdf_file::open_saved_pdf,
        commands::plans::plan_aspects,
        commands::plans::topic_plan,
        commands::plans::save_plan,
        commands::plans::add_plan_opinion,
        commands::plans::add_plan_comment,
        commands::plans::answer_plan_comment,
    ])
}

/// Checks four times a second whether the secretary paused: then the search entries the
/// autosave deferred are written (within 0.4–0.65 s of the last save) and, after a longer
/// pause, the database is checkpointed.
fn start_checkpoint_timer(handle: tauri::AppHandle) {
    use tauri::Manager;
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(250));
        let state = handle.state::<AppState>();
        state.index_if_idle();
        state.checkpoint_if_idle();
    });
}

/// Starts the app on the default database (`YISHI_DB`, the portable `yishi-data` folder beside
/// the program, or the OS data directory: `store::location`).
pub fn run() {
    webview2::ensure_runtime();
    let location = yishi_core::store::location::current();
    let title = location.window_title();
    let state = AppState::open_at(location);
    let app = setup(tauri::Builder::default(), state)
        .setup(move |app| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                // A title that cannot be set costs only the hint; 设置 says the same.
                let _ = window.set_title(&title);
                window_fit::fit_to_screen(&window);
            }
            start_checkpoint_timer(app.handle().clone());
            commands::archive::daily_backup(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = app {
        // Nothing to show a window in: the webview itself failed. Say so on stderr and stop.
        eprintln!("议事簿无法启动：{e}");
        std::process::exit(1);
    }
}
