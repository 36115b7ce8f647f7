// tauri-build reads tauri.conf.json at the workspace root (the root package's manifest dir) and
// compiles the capability files, which live under src-tauri/ with the rest of the shell.
// A Windows build embeds an .ico as the exe's icon; ours sits beside the PNG it was made from
// (assets/icons/README.md), not in tauri's default icons/.
fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .windows_attributes(tauri_build::WindowsAttributes::new().window_icon_path("assets/icons/icon.ico"));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; this is a startup invariant of the build.
        panic!("tauri-build failed: {e:#}");
    }
}
