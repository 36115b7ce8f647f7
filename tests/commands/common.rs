//! Helpers for command tests: a mock app around a fresh temporary database, and `invoke`.

use std::cell::Cell;
use std::sync::{Mutex, MutexGuard};
use tauri::test::MockRuntime;
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use tempfile::TempDir;
use yishi_app::AppState;

pub struct TestApp {
    pub _app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    #[allow(dead_code)] // read by some test files only; it also keeps the database alive
    pub dir: TempDir,
    _turn: Option<MutexGuard<'static, ()>>,
}

/// The process-wide variables the command tests set (the test clock and the dialog presets).
const TEST_VARIABLES: [&str; 5] =
    ["YISHI_TODAY", "YISHI_TEST_SAVE_PATH", "YISHI_TEST_PICK_FILE", "YISHI_TEST_PICK_DIR", "YISHI_TEST_OPEN_LOG"];

/// Held by the first `TestApp` of a test (a test may open two: two laptops): the tests of this
/// binary take turns, each seeing only the variables it set itself.
static ENV: Mutex<()> = Mutex::new(());

thread_local! {
    static APPS_OF_THIS_TEST: Cell<usize> = const { Cell::new(0) };
}

fn take_turn() -> Option<MutexGuard<'static, ()>> {
    let first = APPS_OF_THIS_TEST.with(|n| {
        n.set(n.get() + 1);
        n.get() == 1
    });
    first.then(|| {
        // A test that failed while holding it poisoned it; the next test still gets its turn.
        let guard = ENV.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for name in TEST_VARIABLES {
            // SAFETY: every test that sets or reads these variables holds ENV.
            unsafe { std::env::remove_var(name) };
        }
        guard
    })
}

impl Drop for TestApp {
    fn drop(&mut self) {
        APPS_OF_THIS_TEST.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

impl TestApp {
    pub fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::open(&dir.path().join("yishi.db"));
        Self::with_state(dir, state)
    }

    pub fn with_state(dir: TempDir, state: AppState) -> TestApp {
        let turn = take_turn();
        let app = yishi_app::setup(mock_builder(), state).build(mock_context(noop_assets())).expect("mock app");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
        TestApp { _app: app, window, dir, _turn: turn }
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
