//! Helpers for command tests: a mock app around a fresh temporary database, and `invoke`.

use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::test::MockRuntime;
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;
use yishi_app::AppState;

pub struct TestApp {
    pub _app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    #[allow(dead_code)] // read by some test files only; it also keeps the database alive
    pub dir: TempDir,
}

impl TestApp {
    pub fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::open(&dir.path().join("yishi.db"));
        Self::with_state(dir, state)
    }

    pub fn with_state(dir: TempDir, state: AppState) -> TestApp {
        let app = yishi_app::setup(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        TestApp { _app: app, window, dir }
    }

    /// Calls a command as the UI would; `Err` carries the `{code, message}` object.
    pub fn invoke(&self, cmd: &str, args: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
        get_ipc_response(&self.window, request(cmd, args))
            .map(|body| body.deserialize::<serde_json::Value>().expect("json response"))
    }

    /// Calls a command whose answer is raw bytes (an ArrayBuffer in the UI, e.g. a PDF).
    #[allow(dead_code)] // not every test file needs it
    pub fn invoke_bytes(&self, cmd: &str, args: serde_json::Value) -> Result<Vec<u8>, serde_json::Value> {
        get_ipc_response(&self.window, request(cmd, args)).map(|body| match body {
            tauri::ipc::InvokeResponseBody::Raw(bytes) => bytes,
            tauri::ipc::InvokeResponseBody::Json(json) => panic!("expected bytes, got {json}"),
        })
    }
}

fn request(cmd: &str, args: serde_json::Value) -> InvokeRequest {
    InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    }
}
