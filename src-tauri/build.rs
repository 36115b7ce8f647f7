// tauri-build reads tauri.conf.json at the workspace root (the root package's manifest dir) and
// compiles the capability files, which live under src-tauri/ with the rest of the shell.
fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; this is a startup invariant of the build.
        panic!("tauri-build failed: {e:#}");
    }
}
