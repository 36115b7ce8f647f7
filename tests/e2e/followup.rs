//! End-to-end journeys of 办理 and 积分 through the real app (see tests/e2e/e2e_support.rs), on the demo
//! community loaded through the first-start card, the clock at 2026-11-21 (`YISHI_TODAY`):
//! progress on an overdue task until it is done (a note with a photo, then 已完成), the survey
//! (the rate shown live) that closes its topic, the statistics moving; a 积分超市 redemption
//! beyond the balance refused with the core's message and nothing changed, then one that fits.

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use crate::e2e_support::{Session, SERIAL};
use fantoccini::Locator;

pub(crate) async fn js(s: &Session, script: &str) -> serde_json::Value {
    s.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script {script}: {e}"))
}

pub(crate) async fn type_into(s: &Session, css: &str, text: &str) {
    let field = s.wait_for(css).await;
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("send keys");
}

pub(crate) async fn select(s: &Session, css: &str, value: &str) {
    s.wait_for(css).await.select_by_value(value).await.unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
}

/// Waits until the text under `css` no longer contains `needle`.
async fn wait_gone(s: &Session, css: &str, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = s.wait_for(css).await.text().await.unwrap_or_default();
        if !text.contains(needle) {
            return;
        }
        assert!(Instant::now() < deadline, "“{needle}” is still in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The demo community, loaded with the first-start card's button.
async fn with_demo(s: &Session) {
    s.wait_for("#welcome").await;
    s.click("#load-demo").await;
    s.wait_text(".welcome-done", "30 个议题").await;
    // The card goes by itself after a few seconds; the screens are photographed without it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while js(s, "return document.querySelector('#welcome') !== null").await == serde_json::Value::Bool(true) {
        assert!(Instant::now() < deadline, "the welcome card stays");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The app on the demo in a 1366×768 window (a small laptop screen).
pub(crate) async fn start_laptop(name: &str, dir: &std::path::Path) -> (Session, std::path::PathBuf) {
    let (s, saves) = start(name, dir).await;
    s.client.set_window_size(1366, 768).await.expect("window size");
    (s, saves)
}

/// Clicks through the page's own handler (a button below the fold at 1366×768).
pub(crate) async fn press(s: &Session, css: &str) {
    s.wait_for(css).await;
    js(s, &format!("document.querySelector({css:?}).click()")).await;
}

/// The saved file whose name contains `name_part`.
pub(crate) fn saved(dir: &std::path::Path, name_part: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|f| f.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().contains(name_part))
        .unwrap_or_else(|| panic!("no saved PDF named …{name_part}… in {}", dir.display()))
}

/// Starts the app with the test clock and the dialogs' stand-ins, the demo loaded; returns the
/// “另存为” folder too.
pub(crate) async fn start(name: &str, dir: &std::path::Path) -> (Session, std::path::PathBuf) {
    let (saves, env) = env_for(dir);
    let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let s = Session::start_with_env(name, &env).await;
    s.client.set_window_size(1366, 900).await.expect("window size");
    with_demo(&s).await;
    (s, saves)
}

fn env_for(dir: &std::path::Path) -> (std::path::PathBuf, Vec<(&'static str, std::ffi::OsString)>) {
    let saves = dir.join("U盘");
    std::fs::create_dir(&saves).unwrap();
    let photo = dir.join("整改后.png");
    std::fs::write(&photo, yishi_core::notices::demo::garage_photo()).unwrap();
    let env = vec![
        ("YISHI_TODAY", "2026-11-21".into()),
        ("YISHI_TEST_SAVE_PATH", saves.clone().into_os_string()),
        ("YISHI_TEST_PICK_FILE", photo.into_os_string()),
        ("YISHI_TEST_OPEN_LOG", dir.join("opened.log").into_os_string()),
    ];
    (saves, env)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_task_is_done_evaluated_and_its_topic_closes_and_the_statistics_move() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start("followup", dir.path()).await;

    // The nav badge and the line on top of the board count the two overdue tasks.
    s.wait_text("#nav a[data-section='tasks'] .nav-badge", "2").await;
    s.click("#nav a[data-section='tasks']").await;
    s.wait_text("#overdue-line", "逾期任务 2 项").await;
    let rows = s.client.find_all(Locator::Css("#task-table tr.overdue-row")).await.unwrap();
    assert_eq!(rows.len(), 2);
    s.wait_text("#task-table", "逾期 82 天").await;
    s.shot("board").await;

    // The statistics before: the solved count and the number of evaluations.
    s.click(".tab[data-tab='stats']").await;
    let solved_before = s.text_of("[data-figure='solved_rate'] .figure-note").await;
    let evaluations_before = s.text_of("[data-figure='satisfaction'] .figure-note").await;
    let svg_bars = js(&s, "return document.querySelectorAll('#stats-body svg.bar-chart rect.bar').length").await;
    assert!(svg_bars.as_u64().unwrap_or(0) >= 8, "bars drawn: {svg_bars}");

    // The garage floor: a progress note with a photo, then 已完成 (the topic waits for evaluation).
    s.click(".tab[data-tab='board']").await;
    s.wait_for("#task-table a.task-link").await;
    js(&s, "[...document.querySelectorAll('a.task-link')].find(a => a.textContent === '车库地面防水修复').click()")
        .await;
    s.wait_text("#task-detail", "逾期 82 天").await;
    type_into(&s, "#note-text", "开发商已进场，防水层施工过半").await;
    s.click("#add-note-photo").await;
    s.wait_for("#note-photos .thumb").await;
    s.click("#save-note").await;
    s.wait_text("#task-notes", "防水层施工过半").await;
    s.wait_for("#task-notes .thumb-img").await;
    js(&s, "document.querySelector('#task-notes').scrollIntoView()").await;
    s.shot("task-note").await;
    // 受阻 without a reason is refused, and the status stays.
    select(&s, "#new-status", "blocked").await;
    s.click("#set-status").await;
    s.wait_text("#status-form .form-error", "原因").await;
    select(&s, "#new-status", "done").await;
    type_into(&s, "#status-reason", "防水层已做，地面找平").await;
    s.click("#set-status").await;
    s.wait_text("#task-status", "已完成").await;
    s.wait_text("#nav a[data-section='tasks'] .nav-badge", "1").await;

    // 民事民评: 38 / 2 / 2, the rate shown while typing; recording closes the topic.
    s.click(".tab[data-tab='evaluate']").await;
    s.wait_text("#eval-list", "地下车库").await;
    js(&s, "[...document.querySelectorAll('#eval-list li.eval-item')].find(li => li.textContent.includes('地下车库')).querySelector('.open-eval').click()").await;
    let topic_href = js(&s, "return [...document.querySelectorAll('#eval-list li.eval-item')].find(li => li.textContent.includes('地下车库')).querySelector('a').getAttribute('href')").await;
    type_into(&s, "#eval-satisfied", "38").await;
    type_into(&s, "#eval-basically", "2").await;
    type_into(&s, "#eval-unsatisfied", "2").await;
    s.wait_text("#live-rate", "95.2%").await;
    select(&s, "#eval-method", "site_check").await;
    type_into(&s, "#eval-evaluator", "居务监督委员会 周建平").await;
    s.shot("evaluation").await;
    s.click("#record-eval").await;
    wait_gone(&s, "#view", "地下车库").await;

    let href = topic_href.as_str().expect("topic link").to_string();
    s.client
        .goto(&format!("{}{href}", s.client.current_url().await.unwrap().as_str().split('#').next().unwrap()))
        .await
        .unwrap();
    s.wait_text("#topic-detail", "已办结").await;
    s.wait_text("#timeline", "满意率95.2%").await;

    // The statistics after: one more solved topic and one more evaluation.
    s.click("#nav a[data-section='tasks']").await;
    s.click(".tab[data-tab='stats']").await;
    s.wait_for("[data-figure='solved_rate'] .figure-note").await;
    let solved_after = s.text_of("[data-figure='solved_rate'] .figure-note").await;
    let evaluations_after = s.text_of("[data-figure='satisfaction'] .figure-note").await;
    let first_number =
        |t: &str| -> u64 { t.split(|c: char| !c.is_ascii_digit()).find(|p| !p.is_empty()).unwrap().parse().unwrap() };
    assert_eq!(first_number(&solved_after), first_number(&solved_before) + 1, "{solved_before} → {solved_after}");
    assert_eq!(first_number(&evaluations_after), first_number(&evaluations_before) + 1);
    // Tall enough for the figures and the first charts.
    s.client.set_window_size(1600, 1060).await.expect("window size");
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.shot("stats").await;
    s.click("#print-report").await;
    s.wait_text("#report-result", "2026年度协商议事工作报告").await;
    let pdfs: Vec<_> = std::fs::read_dir(&saves).unwrap().flatten().collect();
    assert!(pdfs.iter().any(|f| f.file_name().to_string_lossy().contains("年度报告")), "saved: {pdfs:?}");

    // The same figures by month and for typed dates (issue 21); the yearly report is for 全年.
    let year_count = first_number(&s.text_of("[data-figure='collected'] .figure-value").await);
    s.wait_text("#stats-period", "2026年").await;
    select(&s, "#stats-span", "month").await;
    select(&s, "#stats-month", "2026-11").await;
    s.wait_text("#stats-period", "2026年11月").await;
    let november = first_number(&s.text_of("[data-figure='collected'] .figure-value").await);
    assert!(november > 0 && november < year_count, "November {november} of the year's {year_count}");
    assert!(!s.wait_for("#print-report").await.is_enabled().await.unwrap(), "the report prints for 全年 only");
    select(&s, "#stats-span", "range").await;
    type_into(&s, "#stats-from", "2026年11月30日").await;
    type_into(&s, "#stats-to", "11月1日").await;
    s.click("#stats-show").await;
    s.wait_text(".stats-filters", "早于开始日期").await;
    type_into(&s, "#stats-from", "11月1日").await;
    type_into(&s, "#stats-to", "2026年11月30日").await;
    s.click("#stats-show").await;
    s.wait_text("#stats-period", "2026年11月").await;
    assert_eq!(first_number(&s.text_of("[data-figure='collected'] .figure-value").await), november);
    type_into(&s, "#stats-to", "11月15日").await;
    s.click("#stats-show").await;
    s.wait_text("#stats-period", "2026年11月1日至2026年11月15日").await;
    s.shot("stats-range").await;
    select(&s, "#stats-span", "year").await;
    wait_gone(&s, "#stats-period", "月").await;

    // 落实情况公示 of ticked tasks from the board.
    s.click(".tab[data-tab='board']").await;
    s.wait_for("#task-table input.pick-task").await;
    s.click("#task-table input.pick-task").await;
    s.wait_text("#selected-count", "已选 1 项").await;
    s.click("#print-progress").await;
    s.wait_text("#progress-result", "落实情况公示").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redemption_beyond_the_balance_is_refused_then_one_that_fits_goes_through() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start("points", dir.path()).await;
    s.click("#nav a[data-section='points']").await;
    // 积分 opens on the ranking (issue 14); the ledger is the next tab.
    s.wait_for("#ranking").await;
    s.click(".tab[data-tab=ledger]").await;

    let who = js(
        &s,
        "return [...document.querySelectorAll('#points-person option')].find(o => o.textContent === '石大嫂').value",
    )
    .await;
    select(&s, "#points-person", who.as_str().unwrap()).await;
    let balance: i64 = s.text_of("#points-balance").await.parse().unwrap();
    let rows = || async { s.client.find_all(Locator::Css("#ledger-table tbody tr")).await.unwrap().len() };
    let lines = rows().await;

    type_into(&s, "#redeem-points", &(balance + 5).to_string()).await;
    type_into(&s, "#redeem-what", "电饭煲一个").await;
    s.click("#redeem").await;
    let refused = s.wait_text("#redeem-error", "积分不足").await;
    assert_eq!(refused, format!("积分不足：石大嫂现有 {balance} 分，兑换需要 {} 分。", balance + 5));
    assert_eq!(s.text_of("#points-balance").await, balance.to_string(), "nothing changed");
    assert_eq!(rows().await, lines);
    s.shot("refused").await;

    type_into(&s, "#credit-points", "5").await;
    type_into(&s, "#credit-reason", "清理楼道小广告").await;
    s.click("#credit").await;
    s.wait_text("#points-balance", &(balance + 5).to_string()).await;
    type_into(&s, "#redeem-points", &(balance + 5).to_string()).await;
    type_into(&s, "#redeem-what", "电饭煲一个").await;
    s.click("#redeem").await;
    s.wait_text("#ledger-table", "电饭煲一个").await;
    assert_eq!(s.text_of("#points-balance").await, "0");
    s.shot("redeemed").await;

    // The year's ranking, printed with masked names.
    s.click(".tab[data-tab='ranking']").await;
    s.wait_text("#ranking-table", "石大嫂").await;
    s.click("#print-points").await;
    s.wait_text("#points-print-result", "积分榜").await;
    assert!(std::fs::read_dir(&saves)
        .unwrap()
        .flatten()
        .any(|f| f.file_name().to_string_lossy().starts_with("积分榜")));
    // The ranking as a picture for the WeChat group, straight onto the clipboard.
    s.click("#points-print-result #copy-image").await;
    let note = s.wait_for("#points-print-result .copy-note").await.text().await.expect("note");
    assert!(note.contains("图片已复制") || note.contains("存为图片"), "copying says what happened: {note}");
    s.shot("ranking").await;

    // A convention found by search links to #points/<id>: it opens under 办理 → 公约.
    s.click("#nav a[data-section='tasks']").await;
    s.click(".tab[data-tab='conventions']").await;
    s.wait_for("#convention-list tr[data-id]").await;
    let id = js(&s, "return document.querySelector('#convention-list tr[data-id]').dataset.id").await;
    let base = s.client.current_url().await.unwrap().as_str().split('#').next().unwrap().to_string();
    s.client.goto(&format!("{base}#points/{}", id.as_str().unwrap())).await.unwrap();
    s.wait_text("#convention-title", "公约").await;
    s.wait_for("#convention-editor .chapter").await;
    s.click("#print-convention").await;
    s.wait_text("#convention-print-result", "已保存").await;
    s.click("#convention-print-result #copy-image").await;
    let note = s.wait_for("#convention-print-result .copy-note").await.text().await.expect("note");
    assert!(note.contains("图片已复制") || note.contains("存为图片"), "copying says what happened: {note}");
    s.shot("convention").await;
    s.finish().await;
}

/// Issue 21, “what inspectors ask for”: the signed sign-in sheet photographed after 散会 is added
/// on the closed meeting's 会后 tab, shows there, and can be taken off again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_meeting_takes_a_photo_of_its_signed_sheet() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _saves) = start("meeting_photos", dir.path()).await;
    s.client.set_window_size(1366, 768).await.expect("window size");
    crate::meetings::open_meeting(&s, "共享单车和文明养犬夜话", "close").await;
    s.wait_text("#meeting-photos-card", "还没有会议照片").await;
    s.click("#add-meeting-photo").await;
    s.wait_for("#meeting-photos .thumb .thumb-img").await;
    let hidden = js(&s, "return document.getElementById('meeting-photos-empty').hidden").await;
    assert_eq!(hidden, serde_json::Value::Bool(true), "the “none yet” line goes once a photo is there");
    js(&s, "document.getElementById('meeting-photos-card').scrollIntoView()").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.shot("meeting-photo").await;
    // Reopening the tab shows it again: it was stored, not only drawn.
    s.click("button.tab[data-tab=prep]").await;
    s.click("button.tab[data-tab=close]").await;
    s.wait_for("#meeting-photos .thumb").await;
    s.click("#meeting-photos .thumb button.link").await;
    s.wait_text("#meeting-photos-card", "还没有会议照片").await;
    s.finish().await;
}
