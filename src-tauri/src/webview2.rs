//! Windows only: the window is drawn by Microsoft's WebView2 runtime, which Windows 11 and an
//! updated Windows 10 carry, but an old Windows 10 (or wine) does not. Without it Tauri waits
//! for a webview that never comes: no window, no message, a process that never ends. So the app
//! asks WebView2Loader.dll first and, when no runtime answers, says in a native message box
//! what to install, then exits non-zero.

/// The exit code when the runtime is missing (the installer and tests can tell it apart).
#[cfg(windows)]
pub const EXIT_NO_WEBVIEW2: i32 = 3;

/// Returns only when the webview runtime is there (always, on other systems).
pub fn ensure_runtime() {
    #[cfg(windows)]
    if let Err(detail) = installed_version() {
        show_missing(&detail);
        std::process::exit(EXIT_NO_WEBVIEW2);
    }
}

/// The installed runtime's version, e.g. "131.0.2903.70", or why none was found.
#[cfg(windows)]
fn installed_version() -> Result<String, String> {
    use webview2_com::Microsoft::Web::WebView2::Win32::GetAvailableCoreWebView2BrowserVersionString;
    use windows_core::{PCWSTR, PWSTR};

    let mut version = PWSTR::null();
    // A null folder asks for the installed (evergreen) runtime, or the fixed-version one named
    // by WEBVIEW2_BROWSER_EXECUTABLE_FOLDER, exactly as the window itself will look for it.
    let asked = unsafe { GetAvailableCoreWebView2BrowserVersionString(PCWSTR::null(), &mut version) };
    // The loader allocates the string with CoTaskMemAlloc; take_pwstr copies and frees it.
    let version = webview2_com::take_pwstr(version);
    match asked {
        Ok(()) if !version.is_empty() => Ok(version),
        Ok(()) => Err("WebView2Loader 没有报告任何已安装的版本".to_string()),
        Err(e) => Err(format!("{e}")),
    }
}

#[cfg(windows)]
fn show_missing(detail: &str) {
    let text = format!(
        "这台电脑上没有找到 Microsoft Edge WebView2 运行时，议事簿的窗口要靠它显示。\n\n\
         请安装“Microsoft Edge WebView2 Runtime”（常青版，免费）：\n\
         请电脑管理员从微软网站下载安装（搜索“WebView2 Runtime 下载”）。\n\n\
         Windows 11 和近年更新过的 Windows 10 已经自带，无需安装。\n\
         装好后重新打开议事簿即可。您的记录没有受到任何影响。\n\n\
         （技术信息：{detail}）"
    );
    // rfd is already the app's dialog crate; on Windows its message dialog is MessageBoxW.
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("议事簿无法启动：缺少 WebView2")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
