; 议事簿 installer for 64-bit Windows, built offline with Debian's makensis by
; scripts/build-windows (the Tauri bundler's NSIS target downloads NSIS at build time).
;
; Per user, no administrator needed: the program goes to %LOCALAPPDATA%\Programs\议事簿, the
; shortcuts to the user's Start menu and desktop, the uninstall entry under HKCU. The records
; are not here but in %APPDATA%\yishi (store::location), so uninstalling never touches them.
;
; Defined on the command line: VERSION, STAGE (folder with yishi.exe, yishi-cli.exe,
; WebView2Loader.dll and the licence texts), OUTFILE, ICON.

Unicode true
; A 64-bit installer for a 64-bit program: its plugins and uninstaller match, and wine64 runs it.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define APPNAME "议事簿"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\org.yishi.app"
; Microsoft's documented key of the WebView2 runtime (evergreen); its "pv" is the version.
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\org.yishi.app" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APPNAME}"
!define MUI_WELCOMEPAGE_TEXT "议事簿用来记录社区协商议事：议题收集、审定、议事会议、表决、落实和评价，并打印公示。$\r$\n$\r$\n本程序只装在当前用户名下，不需要管理员权限，不需要联网。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\yishi.exe"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开议事簿"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从电脑上删除议事簿程序。您的议事记录（数据库和备份，在 %APPDATA%\yishi）会保留，重新安装后照常使用。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "议事簿需要 64 位的 Windows 10 或 Windows 11。这台电脑是 32 位系统，无法安装。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

; The window needs the WebView2 runtime. Windows 11 and an updated Windows 10 have it; if it
; is missing, say what to install (the program itself says so again when opened). Installing
; goes on either way: the runtime can be added afterwards.
Function CheckWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_ICONEXCLAMATION|MB_OK "这台电脑上没有找到 Microsoft Edge WebView2 运行时，议事簿的窗口要靠它显示。$\r$\n$\r$\n安装会继续完成。之后请安装“Microsoft Edge WebView2 Runtime”（常青版，免费）：请电脑管理员从微软网站下载安装（搜索“WebView2 Runtime 下载”）。装好后即可打开议事簿。" /SD IDOK
  ${EndIf}
FunctionEnd

Section "议事簿" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\yishi.exe"
  File "${STAGE}\yishi-cli.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\LICENSE.txt"
  File /nonfatal "${STAGE}\OFL.txt"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\yishi.exe" "" "$INSTDIR\yishi.exe" 0
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\yishi.exe" "" "$INSTDIR\yishi.exe" 0

  WriteRegStr HKCU "Software\org.yishi.app" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "议事簿 Yishi"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\yishi.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1

  Call CheckWebView2
SectionEnd

; Removes the program and its shortcuts only. %APPDATA%\yishi (records and backups) stays,
; and so does a yishi-data folder someone made beside the program (a portable copy's records).
Section "Uninstall"
  Delete "$INSTDIR\yishi.exe"
  Delete "$INSTDIR\yishi-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\org.yishi.app"
SectionEnd
