//! 台账与备份: export to and import from a USB stick, backups and restore. The folder is
//! chosen in the native dialog here; the UI never sees a path it chose.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use tauri::{AppHandle, Manager, Runtime, State};
use yishi_core::archive::{self, backup, ExportReport, ImportSummary, Progress, VerifyReport};

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The archive a dry run was shown for, waiting for “确认导入”, and the progress of a running
/// export (the UI polls it).
#[derive(Default)]
pub struct ArchiveJobs {
    pending_import: Mutex<Option<PendingImport>>,
    progress: Mutex<Option<Progress>>,
    /// The folder of the last export, for 打开文件夹 (the UI never holds a path).
    last_export: Mutex<Option<PathBuf>>,
}

/// The folder chosen for import, and the passphrase typed for it (kept only until confirmed).
#[derive(Clone)]
struct PendingImport {
    dir: PathBuf,
    passphrase: Option<String>,
    remember: bool,
}

/// Runs blocking archive work off the UI thread with the store.
async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&AppHandle<R>) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app))
        .await
        .map_err(|e| CommandError::new("archive_task", format!("后台任务失败：{e}")))?
}

/// Picks the target folder and exports into it, with the notices issued since `notices_since`
/// (all when absent); `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_archive<R: Runtime>(
    app: AppHandle<R>,
    notices_since: Option<NaiveDate>,
) -> CommandResult<Option<ExportReport>> {
    let Some(dir) = crate::dialogs::pick_folder("选择U盘（导出到哪里）").await else { return Ok(None) };
    blocking(app, move |app| {
        let jobs = app.state::<ArchiveJobs>();
        let mut progress = |p: Progress| *jobs.progress.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
        let period = notices_since.map(|d| (d, NaiveDate::MAX));
        // Only the snapshot holds the store; writing and verifying the stick runs without it, so
        // the other screens keep answering during a long export.
        progress(Progress::at(archive::Step::Snapshot));
        let report =
            app.state::<AppState>().with_store(|store| Ok(archive::prepare_export(store)?)).and_then(|prepared| {
                Ok(archive::export_prepared(
                    &prepared,
                    &dir,
                    period,
                    &mut archive::Disk,
                    yishi_core::time::now(),
                    &mut progress,
                )?)
            });
        *jobs.progress.lock().unwrap_or_else(|e| e.into_inner()) = None;
        if let Ok(r) = &report {
            *jobs.last_export.lock().unwrap_or_else(|e| e.into_inner()) = Some(r.path.clone());
        }
        report.map(Some)
    })
    .await
}

/// The step a running export is at (`None` when none runs).
#[tauri::command(rename_all = "snake_case")]
pub fn archive_progress(jobs: State<'_, ArchiveJobs>) -> Option<Progress> {
    *jobs.progress.lock().unwrap_or_else(|e| e.into_inner())
}

/// Picks an archive folder and checks it; `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn verify_archive<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<VerifyReport>> {
    let Some(dir) = crate::dialogs::pick_folder("选择要核对的归档文件夹").await else { return Ok(None) };
    // With the passphrases this laptop knows, the encrypted database is checked too.
    blocking(app, move |app| {
        app.state::<AppState>().with_store(|store| Ok(Some(archive::verify_here(store.conn(), &dir)?)))
    })
    .await
}

/// Picks an archive folder, verifies it and returns what importing it would change (nothing is
/// changed); `confirm_import` then imports that same archive.
#[tauri::command(rename_all = "snake_case")]
pub async fn preview_import<R: Runtime>(app: AppHandle<R>) -> CommandResult<Option<ImportSummary>> {
    let Some(dir) = crate::dialogs::pick_folder("选择U盘上的归档文件夹（yishi-archive-…）").await else {
        return Ok(None);
    };
    // Kept before the dry run: an encrypted archive asks for its passphrase, then
    // `preview_import_with_passphrase` runs on the same folder.
    let pending = PendingImport { dir, passphrase: None, remember: false };
    *app.state::<ArchiveJobs>().pending_import.lock().unwrap_or_else(|e| e.into_inner()) = Some(pending.clone());
    blocking(app, move |app| preview(app, pending)).await
}

/// The dry run again on the folder just chosen, with the passphrase she typed; `remember`
/// keeps it on this laptop when the import is confirmed.
#[tauri::command(rename_all = "snake_case")]
pub async fn preview_import_with_passphrase<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
    remember: bool,
) -> CommandResult<Option<ImportSummary>> {
    let chosen = app.state::<ArchiveJobs>().pending_import.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let Some(chosen) = chosen else { return Err(no_preview()) };
    let pending = PendingImport { passphrase: Some(passphrase), remember, ..chosen };
    *app.state::<ArchiveJobs>().pending_import.lock().unwrap_or_else(|e| e.into_inner()) = Some(pending.clone());
    blocking(app, move |app| preview(app, pending)).await
}

fn preview<R: Runtime>(app: &AppHandle<R>, p: PendingImport) -> CommandResult<Option<ImportSummary>> {
    let summary = app
        .state::<AppState>()
        .with_store(|store| Ok(archive::dry_run_with(store, &p.dir, p.passphrase.as_deref())?))?;
    Ok(Some(summary))
}

fn no_preview() -> CommandError {
    CommandError::new("archive_no_preview", "请先选择要导入的归档，看过将要发生的变化后再确认。")
}

#[tauri::command(rename_all = "snake_case")]
pub async fn confirm_import<R: Runtime>(app: AppHandle<R>) -> CommandResult<ImportSummary> {
    blocking(app, move |app| {
        let pending = app.state::<ArchiveJobs>().pending_import.lock().unwrap_or_else(|e| e.into_inner()).take();
        let p = pending.ok_or_else(no_preview)?;
        app.state::<AppState>()
            .with_store(|store| Ok(archive::import_with(store, &p.dir, p.passphrase.as_deref(), p.remember)?))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<backup::Backup>> {
    state.with_store(|store| Ok(backup::list(store)?))
}

/// Restores the backup named `file_name` (from `list_backups`); the current state is backed
/// up first and the database reopened.
// `async`: a restore copies the whole file; run it off the window's thread.
#[tauri::command(async, rename_all = "snake_case")]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> CommandResult<()> {
    state.replace_file(
        |store| {
            let found = backup::list(store)?.into_iter().find(|b| b.file_name == file_name);
            let chosen = found.ok_or_else(|| archive::ArchiveError::NoSuchBackup { path: file_name.clone().into() })?;
            Ok(backup::prepare_restore(store, &chosen.path)?)
        },
        |pending| Ok(pending.apply()?),
    )
}

/// Picks an archive folder and makes its database the current one (current state backed up
/// first); `false` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_from_archive<R: Runtime>(app: AppHandle<R>) -> CommandResult<bool> {
    let Some(dir) = crate::dialogs::pick_folder("选择用来恢复的归档文件夹").await else { return Ok(false) };
    blocking(app, move |app| {
        app.state::<AppState>()
            .replace_file(|store| Ok(backup::prepare_restore(store, &dir)?), |pending| Ok(pending.apply()?))?;
        Ok(true)
    })
    .await
}

/// The day's automatic backup, taken once on the first start of the day (off the UI thread).
pub fn daily_backup<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        // A killed export or import left database-sized copies beside the file: remove them
        // (nothing else runs yet). A failed backup must not stop the app; the next start tries again.
        let _ = app.state::<AppState>().with_store(|store| {
            archive::leftovers::clean_local(store);
            Ok(backup::daily(store, crate::clock::today(store))?)
        });
    });
}

/// 打开文件夹: the archive just exported, in the system's file manager.
#[tauri::command(rename_all = "snake_case")]
pub fn open_export_folder(jobs: State<'_, ArchiveJobs>) -> CommandResult<()> {
    let path = jobs.last_export.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let Some(path) = path else {
        return Err(CommandError::new("nothing_exported", "还没有导出过。"));
    };
    crate::dialogs::open_in_viewer(&path)
        .map_err(|e| CommandError::new("open_failed", format!("无法打开文件夹：{e}。请在文件管理器里打开U盘。")))
}
