//! What is printed is what was meant, on a laptop not set to China time: the real app under
//! TZ=UTC with LANG=C, and under TZ=America/New_York (daylight saving, the other side of the
//! date line), types a meeting at 19:30 and a deadline of 2026-12-20, prints the 会议通知, and
//! the PDF says 19:30 and the right weekday while the database holds 2026-12-20.

use std::ffi::OsStr;
use std::path::Path;

use crate::e2e_support::{Session, SERIAL};
use yishi_core::store::Store;
use yishi_core::topics::{self, Channel, HandlingClass, NewTopic, Scale, TopicStatus};

fn seed(db: &Path) {
    let mut store = Store::open(db).expect("open store");
    let new = NewTopic {
        title: "地下车库照明不足".into(),
        description: "居民反映：车库灯坏了一半😡".into(),
        channel: Channel::Wechat,
        raised_by_person_id: None,
        raised_by_name: "王秀兰".into(),
        raised_by_phone: String::new(),
        raised_at: None,
        place_id: None,
        category_id: None,
        handling_class: HandlingClass::Community,
        scale: Scale::Minor,
    };
    store
        .write(|tx| {
            let t = topics::create(tx, &new, "张敏")?;
            topics::move_to(tx, &t.id, TopicStatus::Accepted, "李国华", "")
        })
        .expect("accepted topic");
}

pub(crate) fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The app holds the single-instance lock until its process has gone, a moment after the
/// session ends.
fn reopen(db: &Path) -> Store {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match Store::open(db) {
            Ok(store) => return store,
            Err(e) if std::time::Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Err(e) => panic!("reopen: {e:?}"),
        }
    }
}

async fn journey(zone: &str, lang: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("yishi.db");
    seed(&db);
    let saves = dir.path().join("U盘");
    std::fs::create_dir(&saves).expect("save dir");
    let env: [(&str, &OsStr); 5] = [
        ("TZ", OsStr::new(zone)),
        ("LANG", OsStr::new(lang)),
        ("LC_ALL", OsStr::new(lang)),
        ("YISHI_TEST_SAVE_PATH", saves.as_os_str()),
        ("YISHI_TEST_OPEN_LOG", OsStr::new("/dev/null")),
    ];
    let label = format!("clock-{}", zone.replace('/', "-"));
    let mut s = Session::restart_on(&label, &db, &env).await;
    s.client.set_window_size(1366, 768).await.expect("resize");
    let webview_zone = s.js_string("return Intl.DateTimeFormat().resolvedOptions().timeZone").await;
    eprintln!("{zone}: the webview's own zone is {webview_zone}");

    // 新建会议 at 19:30, typed the Chinese way.
    s.click("#nav a[data-section=meetings]").await;
    s.click("#new-meeting").await;
    s.wait_for("#meeting-form input[name=title]").await.send_keys("十二月板凳会").await.expect("title");
    let when = s.wait_for("#meeting-form input[name=starts_at]").await;
    when.clear().await.expect("clear");
    when.send_keys("2026年12月2日 19:30").await.expect("type time");
    s.click("#meeting-form input[name=place]").await;
    let echo = s.wait_text("#meeting-form .date-echo", "19:30").await;
    assert_eq!(echo, "2026年12月2日（星期三）19:30", "the field reads back what was typed");
    s.shot("meeting-form").await;
    s.click("#create-meeting").await;
    s.wait_text("#agenda", "上轮议定事项落实情况").await;

    // The topic on the agenda, a decision and a task due 2026-12-20.
    s.click("#accepted-topics li button.add-topic").await;
    s.wait_text("#agenda", "地下车库照明不足").await;
    s.click("button.tab[data-tab=bench]").await;
    s.wait_for("#minutes").await;
    s.click("#next-item").await;
    s.wait_text("#bench-title", "地下车库照明不足").await;
    s.click("button.tab[data-tab=decisions]").await;
    s.wait_for("#decision-form textarea").await.send_keys("物业更换车库灯具").await.expect("decision");
    s.click("#add-decision").await;
    s.wait_text("#decision-list", "更换车库灯具").await;
    s.click(".task-details summary").await;
    s.wait_for(".task-form input[name=task_title]").await.send_keys("更换灯具").await.expect("task");
    // The US order a webview under LANG=C would show is refused, naming the field; then the
    // Chinese order is read back in words.
    let deadline = s.wait_for(".task-form input[name=task_deadline]").await;
    deadline.send_keys("12/20/2026").await.expect("deadline");
    s.click(".task-form input[name=task_unit]").await;
    let refused = s.wait_text(".task-form .date-echo", "限时办结").await;
    assert!(refused.contains("看不懂"), "{refused}");
    s.shot("deadline-refused").await;
    deadline.clear().await.expect("clear");
    deadline.send_keys("2026-12-20").await.expect("deadline");
    s.click(".task-form input[name=task_unit]").await;
    s.wait_text(".task-form .date-echo", "2026年12月20日（星期日）").await;
    s.shot("deadline-read-back").await;
    s.click(".task-form .add-task").await;
    s.wait_text("#decision-list", "更换灯具").await;
    s.shot("task").await;

    // 会前 → 会议通知, saved through the (preset) save dialog.
    s.click("button.tab[data-tab=prep]").await;
    s.click("#print button[data-kind=meeting_notice]").await;
    s.wait_text("#print-result", "已保存").await;
    // Everything is committed; stop the app at once so its lock on the file goes with it.
    s.kill_app();
    s.finish().await;

    let pdf = std::fs::read_dir(&saves)
        .expect("saves")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the 会议通知 PDF");
    let text = pdf_text(&pdf);
    assert!(text.contains("2026年12月2日（星期三）19:30"), "{zone}: the notice prints 19:30 on a Wednesday:\n{text}");
    let store = reopen(&db);
    let deadline: String = store.conn().query_row("SELECT deadline FROM tasks", [], |r| r.get(0)).expect("task");
    assert_eq!(deadline, "2026-12-20", "{zone}: the deadline is stored as typed");
    let starts: String = store.conn().query_row("SELECT starts_at FROM meetings", [], |r| r.get(0)).expect("meeting");
    assert_eq!(starts, "2026-12-02T11:30:00.000Z", "{zone}: 19:30 China time, whatever the laptop's zone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_typed_at_1930_prints_1930_on_a_utc_laptop_in_lang_c() {
    let _serial = SERIAL.lock().await;
    journey("UTC", "C").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_typed_at_1930_prints_1930_on_a_new_york_laptop() {
    let _serial = SERIAL.lock().await;
    journey("America/New_York", "en_US.UTF-8").await;
}
