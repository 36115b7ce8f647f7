//! End-to-end journey of 公示 through the real app (see tests/e2e/e2e_support.rs): compose a 停水通知
//! with a table, preview the actual PDF (pdf.js draws page 1 on a canvas), issue it and save it
//! through 另存为 into a temporary folder, record its posting with a photo, and see it flagged as
//! the clock moves past its 公示期. Test-only environment: `YISHI_TEST_SAVE_PATH` (the save
//! dialog's answer), `YISHI_TEST_PICK_FILE` (the photo dialog's), `YISHI_TEST_OPEN_LOG` (instead
//! of the system PDF viewer) and `YISHI_TODAY` (a file holding today's date, rewritten to move it).

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use crate::e2e_support::{Session, SERIAL};
use fantoccini::Locator;

async fn type_into(s: &Session, css: &str, text: &str) {
    let field = s.wait_for(css).await;
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("send keys");
}

/// Waits (up to 10 s) until the text under `css` contains `needle`.
async fn wait_text(s: &Session, css: &str, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = s.text_of(css).await;
        if text.contains(needle) {
            return;
        }
        assert!(Instant::now() < deadline, "“{needle}” did not appear in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn js(s: &Session, script: &str) -> serde_json::Value {
    s.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script {script}: {e}"))
}

/// Waits until a script returns true (up to 20 s: the first pdf.js load parses 1.3 MB).
async fn wait_true(s: &Session, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while js(s, script).await != serde_json::Value::Bool(true) {
        if Instant::now() > deadline {
            let page = js(s, "return document.querySelector('#view').innerText").await;
            panic!("timed out waiting for {what}: {page}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn compose_preview_save_post_and_flag_a_water_notice() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let saved_dir = dir.path().join("U盘");
    std::fs::create_dir(&saved_dir).unwrap();
    let photo = dir.path().join("公示栏照片.png");
    std::fs::write(&photo, yishi_core::notices::demo::garage_photo()).unwrap();
    let today = dir.path().join("today");
    std::fs::write(&today, "2026-12-01").unwrap();
    let open_log = dir.path().join("opened.log");
    let env: [(&str, &OsStr); 4] = [
        ("YISHI_TEST_SAVE_PATH", saved_dir.as_os_str()),
        ("YISHI_TEST_PICK_FILE", photo.as_os_str()),
        ("YISHI_TEST_OPEN_LOG", open_log.as_os_str()),
        ("YISHI_TODAY", today.as_os_str()),
    ];
    let mut s = Session::start_with_env("notices", &env).await;
    s.client.set_window_size(1280, 900).await.expect("window size");
    s.click("#nav a[data-section='notices']").await;

    // 撰写: title, paragraphs, a 2×3 table, issuer, 公示期.
    type_into(&s, ".notice-title", "停水通知").await;
    let enter = char::from(fantoccini::key::Key::Enter);
    let body =
        format!("因二次供水设施检修，下列楼栋将暂停供水，请提前储水。{enter}如有疑问请联系物业，电话13812345678。");
    type_into(&s, "textarea.paragraphs", &body).await;
    let lines = js(&s, "return document.querySelector('textarea.paragraphs').value.split('\\n').length").await;
    assert_eq!(lines, 2, "two paragraphs");
    s.click(".add-table").await;
    s.click(".add-row").await;
    let cells = ["楼栋", "停水时间", "3号楼", "12月3日 9:00—17:00", "5号楼", "12月4日 9:00—12:00"];
    let inputs = s.client.find_all(Locator::Css(".table-editor input.cell")).await.expect("cells");
    assert_eq!(inputs.len(), cells.len(), "two columns, a header and two rows");
    for (input, text) in inputs.iter().zip(cells) {
        input.send_keys(text).await.expect("cell");
    }
    type_into(&s, ".issuer", "幸福里社区居民委员会").await;
    assert_eq!(
        js(&s, "return document.querySelector('.notice-date').value").await,
        "2026-12-01",
        "date defaults to today"
    );
    type_into(&s, ".period-from", "2026-12-01").await;
    type_into(&s, ".period-to", "2026-12-07").await;
    wait_text(&s, ".notice-save-state", "已自动保存").await;
    s.shot("compose").await;

    // 预览: the actual PDF on a canvas.
    s.click(".to-preview").await;
    s.wait_for("canvas.pdf-page[data-page='1']").await;
    wait_true(&s, "return document.querySelector('.pdf-pages').getAttribute('aria-busy') === 'false'", "page 1 drawn")
        .await;
    let size =
        js(&s, "const c = document.querySelector('canvas.pdf-page'); return [c.width, c.height, c.clientWidth]").await;
    let size: Vec<u64> = serde_json::from_value(size).unwrap();
    assert!(size.iter().all(|n| *n > 100), "canvas has a size: {size:?}");
    // Not blank: some pixels in the upper part (the title) are dark.
    let inked = "const c = document.querySelector('canvas.pdf-page'); const d = c.getContext('2d')\
        .getImageData(0, 0, c.width, Math.floor(c.height / 4)).data; let n = 0; \
        for (let i = 0; i < d.length; i += 4) if (d[i] < 100) n++; return n > 200;";
    assert_eq!(js(&s, inked).await, serde_json::Value::Bool(true), "the title is drawn");
    let shot = s.shot("preview").await;
    let _ = std::fs::copy(&shot, docs_shot("notice-preview.png"));

    // 发布并另存为 → the preset folder; the 台账 lists it.
    s.click(".issue-save").await;
    wait_text(&s, ".notice-list", "停水通知").await;
    let saved: Vec<_> = std::fs::read_dir(&saved_dir).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let bytes = std::fs::read(&saved[0]).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF was saved");
    assert!(saved[0].file_name().unwrap().to_string_lossy().starts_with("停水通知-"));
    let _ = std::fs::copy(&saved[0], target_file("notice-saved.pdf"));
    wait_text(&s, ".notice-entry .notice-state", "待张贴").await;

    // 打印 opens the viewer (here: the log).
    s.click(".notice-entry .print").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&open_log).unwrap_or_default().is_empty() {
        assert!(Instant::now() < deadline, "the PDF was not handed to the viewer");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let printed = std::fs::read_to_string(&open_log).unwrap();
    assert_eq!(std::fs::read(printed.trim()).unwrap(), bytes, "print and save give the same bytes");

    // The same notice from the 台账 as a Word file and as a picture for the WeChat group.
    s.click(".notice-entry .save-docx").await;
    s.click(".notice-entry .save-png").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let has = |ext: &str| {
        std::fs::read_dir(&saved_dir).unwrap().flatten().any(|e| e.path().extension().is_some_and(|x| x == ext))
    };
    while !(has("docx") && has("png")) {
        assert!(Instant::now() < deadline, "the Word file and the picture were not saved");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    // 记录张贴 with a photo of the sheet.
    type_into(&s, ".notice-entry .post-where", "3号楼公示栏").await;
    s.click(".notice-entry .record-posting-photo").await;
    wait_text(&s, ".notice-entry .posted", "3号楼公示栏").await;
    wait_text(&s, ".notice-entry .posted", "张贴照片 1 张").await;
    wait_text(&s, ".notice-entry .notice-state", "公示中").await;
    s.wait_for(".notice-entry .thumbs img").await;
    assert!(js(&s, "return document.querySelector('#nav .nav-badge') === null").await == serde_json::Value::Bool(true));

    // The clock moves: two days before the end, then past it while still posted.
    std::fs::write(&today, "2026-12-06").unwrap();
    s.click(".tab[data-tab='ledger']").await;
    wait_text(&s, ".notice-flags", "公示期两天内结束").await;
    std::fs::write(&today, "2026-12-08").unwrap();
    s.click(".tab[data-tab='ledger']").await;
    wait_text(&s, ".notice-flags", "仍在张贴").await;
    wait_text(&s, ".notice-entry .notice-state", "已到期").await;
    wait_text(&s, "#nav a[data-section='notices'] .nav-badge", "1").await;
    s.shot("ledger-flagged").await;

    // 记录撤下: the flag goes.
    s.click(".notice-entry .take-down").await;
    wait_text(&s, ".notice-entry .notice-state", "已撤下").await;
    wait_true(&s, "return document.querySelector('.notice-flags') === null", "flags cleared").await;
    s.finish().await;
}

/// 设置 → 社区信息 → 上传二维码图片 (the group's own code): the preview shows, and 去掉图片 takes it
/// away again.
#[tokio::test(flavor = "multi_thread")]
async fn an_uploaded_group_code_is_shown_and_can_be_removed() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let picture = dir.path().join("群二维码.png");
    std::fs::write(&picture, yishi_core::notices::demo::garage_photo()).unwrap();
    let mut s = Session::start_with_env("qr-picture", &[("YISHI_TEST_PICK_FILE", picture.as_os_str())]).await;
    s.client.set_window_size(1366, 768).await.expect("window size");
    s.click("#nav a[data-section='settings']").await;
    s.wait_text("#qr-preview", "未上传").await;
    s.click("#qr-upload").await;
    s.wait_for("#qr-picture").await;
    let shown =
        js(&s, "const i = document.querySelector('#qr-picture'); return i.complete && i.naturalWidth > 0").await;
    assert_eq!(shown, serde_json::Value::Bool(true), "the preview shows the picture");
    s.client.execute("document.querySelector('#qr-upload').scrollIntoView({block: 'center'})", vec![]).await.unwrap();
    s.shot("qr-picture").await;
    // The composer of a free notice offers 打印二维码 now that 设置 holds a code, ticked.
    s.click("#nav a[data-section='notices']").await;
    s.wait_for(".notice-title").await;
    wait_true(
        &s,
        "const b = document.querySelector('#notice-qr'); return !!b && !b.closest('label').hidden && b.checked",
        "the composer's 打印二维码",
    )
    .await;
    s.click("#nav a[data-section='settings']").await;
    s.click("#qr-remove").await;
    s.wait_text("#qr-preview", "未上传").await;
    s.finish().await;
}

/// Pasted from the WeChat group: emoji print; a character no bundled font has (Tangut here) is
/// named with where it is, and one click previews and issues the notice without it.
#[tokio::test(flavor = "multi_thread")]
async fn a_character_no_font_has_is_named_and_left_out_in_one_click() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let saved_dir = dir.path().join("U盘");
    std::fs::create_dir(&saved_dir).unwrap();
    let today = dir.path().join("today");
    std::fs::write(&today, "2026-12-01").unwrap();
    let env: [(&str, &OsStr); 2] =
        [("YISHI_TEST_SAVE_PATH", saved_dir.as_os_str()), ("YISHI_TODAY", today.as_os_str())];
    let mut s = Session::start_with_env("notices-missing", &env).await;
    s.client.set_window_size(1280, 900).await.expect("window size");
    s.click("#nav a[data-section='notices']").await;
    type_into(&s, ".notice-title", "车库维修通知").await;
    // Set by script: WebDriver cannot type characters outside the keyboard's plane reliably.
    js(
        &s,
        "const t = document.querySelector('textarea.paragraphs'); \
        t.value = '车库灯已修好💡，谢谢大家👍🏻！王\u{2A6A5}、李\u{17000}反映的问题也已处理。'; \
        t.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    type_into(&s, ".issuer", "幸福里社区居民委员会").await;
    wait_text(&s, ".notice-save-state", "已自动保存").await;

    s.click(".to-preview").await;
    wait_text(&s, ".missing-chars", "\u{17000}").await;
    wait_text(&s, ".missing-chars", "第1段").await;
    let text = s.text_of(".missing-chars").await;
    assert!(!text.contains('💡') && !text.contains('\u{2A6A5}'), "emoji and Ext. B names print: {text}");
    assert_eq!(js(&s, "return document.querySelector('.issue-save').disabled").await, serde_json::Value::Bool(true));
    s.shot("missing-named").await;

    s.click("#omit-missing").await;
    s.wait_for("canvas.pdf-page[data-page='1']").await;
    wait_true(&s, "return document.querySelector('.pdf-pages').getAttribute('aria-busy') === 'false'", "page 1 drawn")
        .await;
    wait_text(&s, ".notice-problem .omitted", "\u{17000}").await;
    let shot = s.shot("missing-omitted").await;
    let _ = std::fs::copy(&shot, docs_shot("notice-missing-omitted.png"));

    s.click(".issue-save").await;
    wait_text(&s, ".notice-list", "车库维修通知").await;
    let saved: Vec<_> = std::fs::read_dir(&saved_dir).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let out = std::process::Command::new("pdftotext").arg(&saved[0]).arg("-").output().expect("pdftotext");
    let printed: String = String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(printed.contains("车库灯已修好💡，谢谢大家👍🏻！王\u{2A6A5}、李反映的问题"), "{printed}");
    assert!(!printed.contains('\u{17000}'), "{printed}");
    s.finish().await;
}

fn docs_shot(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("e2e-shots").join(name)
}

fn target_file(name: &str) -> std::path::PathBuf {
    docs_shot(name)
}
