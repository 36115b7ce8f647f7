//! 打印 from the meeting screens: 会议通知, 签到表, 会议记录 (by meeting) and 决议公示 (by agenda
//! item). The core fills and renders the notice (public ones are recorded in the 公示台账);
//! saving and opening go through `pdf_file`.

use tauri::State;
use yishi_core::bulletin;
use yishi_core::notices::Format;
use yishi_core::printouts::{self, LoadOptions};

use super::pdf_file::{self, SavedPdf};
use crate::error::CommandResult;
use crate::state::AppState;

/// How a print differs from the notice's defaults, as the print buttons send it.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PrintChoices {
    /// Overrides the notice's default for names (议题公示 masks the raiser unless false).
    #[serde(default)]
    pub mask_names: Option<bool>,
    /// The group named under 监督审核 on the 资金使用公示 (ignored elsewhere).
    #[serde(default)]
    pub supervisors: Option<String>,
    /// false leaves out 设置's 反馈二维码 (default: printed when one is set).
    #[serde(default)]
    pub qr: Option<bool>,
    /// `pdf` (default), `docx` (Word, for the street office) or `png` (a picture for WeChat).
    #[serde(default)]
    pub format: Option<String>,
}

impl PrintChoices {
    fn options(self, unprintable: yishi_core::pdf::Unprintable, today: chrono::NaiveDate) -> LoadOptions {
        LoadOptions {
            unprintable,
            mask_names: self.mask_names,
            supervisors: self.supervisors.unwrap_or_default(),
            qr: self.qr.unwrap_or(true),
            ..LoadOptions::new(today)
        }
    }
}

/// 复制图片: the notice `kind` of record `id` as a PNG, for the UI to put on the clipboard (and
/// paste into the WeChat group). A public notice is recorded in the 公示台账 as when it is saved.
#[tauri::command(rename_all = "snake_case")]
pub fn meeting_doc_image(
    state: State<'_, AppState>,
    kind: String,
    id: String,
    omit_missing: Option<bool>,
    choices: Option<PrintChoices>,
) -> CommandResult<tauri::ipc::Response> {
    let kind = printouts::kind_named(&kind)?;
    let opts = choices.unwrap_or_default().options(pdf_file::unprintable(omit_missing), state.today());
    let png = state
        .with_store(|store| Ok(store.write(|tx| bulletin::print_record_as(tx, kind, &id, &opts, Format::Png))?))?;
    Ok(tauri::ipc::Response::new(png))
}

/// Renders the notice `kind` (meeting_notice, sign_in, minutes, decision, topic …) for the record
/// `id` and saves it where she chooses; `None` when she cancelled the dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_meeting_doc(
    state: State<'_, AppState>,
    kind: String,
    id: String,
    title: String,
    omit_missing: Option<bool>,
    choices: Option<PrintChoices>,
) -> CommandResult<Option<SavedPdf>> {
    // Read here, not by serde: an unknown kind is refused in Chinese with the choices listed.
    let kind = printouts::kind_named(&kind)?;
    let unprintable = pdf_file::unprintable(omit_missing);
    let choices = choices.unwrap_or_default();
    let format = pdf_file::format(choices.format.as_deref())?;
    let opts = choices.options(unprintable, state.today());
    let Some(path) = pdf_file::ask(kind.label(), &title, format).await else { return Ok(None) };
    let bytes =
        state.with_store(|store| Ok(store.write(|tx| bulletin::print_record_to(tx, kind, &id, &opts, &path))?))?;
    Ok(Some(pdf_file::saved(path, bytes)))
}
