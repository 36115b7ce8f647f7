//! End-to-end harness: the real desktop app driven through WebDriver.
//!
//! `tauri-driver` (from `cargo install tauri-driver --locked`) starts WebKitWebDriver (Debian
//! package webkit2gtk-driver), which starts the app binary that cargo built for these tests.
//! Each session gets its own ports and its own temporary database (`YISHI_DB`), saves a numbered
//! screenshot per step under `target/e2e-shots/<test>/`, and stops the driver with SIGTERM (a
//! SIGKILL would orphan WebKitWebDriver and the app).

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use tempfile::TempDir;

/// One e2e test at a time: the app windows and drivers would otherwise fight over 2 cores.
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct Session {
    pub client: Client,
    pub db: PathBuf,
    driver: Child,
    shots: PathBuf,
    step: usize,
    _dir: TempDir,
}

impl Session {
    /// Starts the app on a fresh database.
    #[allow(dead_code)] // not every test file needs it
    pub async fn start(test_name: &str) -> Session {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("yishi.db");
        Self::start_on(test_name, dir, db, &[]).await
    }

    /// Starts the app on a fresh database with extra environment variables (tauri-driver passes
    /// its environment to the app), e.g. `YISHI_TEST_PICK_FILE` to stand in for a file dialog.
    #[allow(dead_code)] // not every test file needs it
    pub async fn start_with_env(test_name: &str, env: &[(&str, &std::ffi::OsStr)]) -> Session {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("yishi.db");
        Self::start_on(test_name, dir, db, env).await
    }

    /// Starts the app on a database the caller keeps (seeded beforehand, or left behind by a
    /// session whose app was killed): the same file, so what was saved before is there.
    #[allow(dead_code)] // not every test file needs it
    pub async fn restart_on(test_name: &str, db: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Session {
        let dir = tempfile::tempdir().expect("tempdir");
        Self::start_on(test_name, dir, db.to_path_buf(), env).await
    }

    /// The app process of this session: the one started with this session's `YISHI_DB` (the
    /// app is a child of WebKitWebDriver, not of this test).
    #[allow(dead_code)]
    pub fn app_pid(&self) -> Option<u32> {
        let wanted = format!("YISHI_DB={}", self.db.display()).into_bytes();
        let binary = app_binary();
        std::fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
            let environ = std::fs::read(entry.path().join("environ")).ok()?;
            let ours = exe == binary && environ.split(|b| *b == 0).any(|var| var == wanted.as_slice());
            ours.then_some(pid)
        })
    }

    /// Kills the app with SIGKILL, as a power button or a crash would: no chance to save.
    #[allow(dead_code)]
    pub fn kill_app(&self) {
        let pid = self.app_pid().expect("the app process of this session");
        let status = Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill");
        assert!(status.success(), "kill -KILL {pid}");
        let deadline = Instant::now() + Duration::from_secs(10);
        // Gone, or a zombie its parent has not reaped yet (a zombie has no exe link).
        while std::fs::read_link(format!("/proc/{pid}/exe")).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    async fn start_on(test_name: &str, dir: TempDir, db: PathBuf, env: &[(&str, &std::ffi::OsStr)]) -> Session {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "端到端测试需要图形显示：请用 README 里的测试命令运行（它在 xvfb-run 下启动测试）"
        );
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("tauri-driver.log")).expect("log file");
        let driver = Command::new(tauri_driver())
            .args(["--port", &port.to_string(), "--native-port", &free_port().to_string()])
            .env("YISHI_DB", &db)
            // The webview keeps localStorage (display prefs, 当前使用人) under XDG_DATA_HOME:
            // one per session, so no test sees another's 高对比 or 特大 setting.
            .env("XDG_DATA_HOME", dir.path().join("xdg-data"))
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().expect("log")))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("tauri-driver must be installed: cargo install tauri-driver --locked");
        wait_for_port(port);
        let client = connect(port).await;
        let shots = shots_dir().join(test_name);
        let _ = std::fs::remove_dir_all(&shots);
        std::fs::create_dir_all(&shots).expect("shots dir");
        let session = Session { client, db, driver, shots, step: 0, _dir: dir };
        session.wait_for("#nav a").await;
        session
    }

    /// Saves a screenshot of the current page as the next numbered step.
    /// Keeps a copy of a saved file beside the screenshots, to be looked at after the run.
    pub fn keep(&self, file: &Path) {
        if let Some(name) = file.file_name() {
            let _ = std::fs::copy(file, self.shots.join(name));
        }
    }

    pub async fn shot(&mut self, label: &str) -> PathBuf {
        self.step += 1;
        let png = self.client.screenshot().await.expect("screenshot");
        let path = self.shots.join(format!("{:02}-{label}.png", self.step));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Waits (up to 10 s) for an element matching the CSS selector.
    /// A page that re-draws while the element is looked up answers “stale element” (WebKit): that
    /// is retried like an element not there yet.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await {
                Ok(found) => return found,
                Err(e) if Instant::now() < deadline && e.to_string().contains("Stale") => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("element {css} did not appear: {e}"),
            }
        }
    }

    /// Waits until the element's text is non-empty, and returns it.
    #[allow(dead_code)]
    pub async fn text_of(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.wait_for(css).await.text().await.expect("text");
            if !text.trim().is_empty() || Instant::now() > deadline {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses keys together (e.g. Alt+→) on the keyboard, not aimed at any element.
    #[allow(dead_code)]
    pub async fn press(&self, keys: &[fantoccini::key::Key]) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut seq = KeyActions::new("keyboard".into());
        for &k in keys {
            seq = seq.then(KeyAction::Down { value: char::from(k) });
        }
        for &k in keys.iter().rev() {
            seq = seq.then(KeyAction::Up { value: char::from(k) });
        }
        self.client.perform_actions(seq).await.expect("key actions");
    }

    /// Types text into whatever has the keyboard focus.
    #[allow(dead_code)]
    pub async fn type_keys(&self, text: &str) {
        let active = self.client.active_element().await.expect("focused element");
        active.send_keys(text).await.expect("send keys");
    }

    /// Waits (up to 10 s) until the text under `css` contains `needle`; returns the text.
    #[allow(dead_code)]
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.wait_for(css).await.text().await.unwrap_or_default();
            if text.contains(needle) {
                return text;
            }
            assert!(Instant::now() < deadline, "“{needle}” did not appear in {css}: {text}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script in the page and returns its value as a string (e.g. a textarea's value).
    #[allow(dead_code)]
    pub async fn js_string(&self, script: &str) -> String {
        let value = self.client.execute(script, vec![]).await.expect("script");
        value.as_str().map(str::to_string).unwrap_or_else(|| value.to_string())
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Closes the WebDriver session and stops the driver politely.
    pub async fn finish(mut self) {
        let _ = self.client.clone().close().await;
        stop(&mut self.driver);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        stop(&mut self.driver);
    }
}

fn stop(driver: &mut Child) {
    if let Ok(None) = driver.try_wait() {
        let _ = Command::new("kill").args(["-TERM", &driver.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = driver.kill();
        let _ = driver.wait();
    }
}

async fn connect(port: u16) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert("tauri:options".into(), serde_json::json!({ "application": app_binary().display().to_string() }));
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = None;
    for _ in 0..20 {
        match ClientBuilder::new(HttpConnector::new()).capabilities(caps.clone()).connect(&url).await {
            Ok(client) => return client,
            Err(e) => last_error = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("could not start a WebDriver session: {last_error:?}");
}

fn app_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_yishi"));
    std::fs::canonicalize(path).expect("the app binary built by cargo")
}

fn tauri_driver() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin").join("tauri-driver"));
    match cargo_bin {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn shots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("e2e-shots")
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tauri-driver did not listen on port {port}");
}
