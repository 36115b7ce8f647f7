//! End-to-end journeys of 点事 · 提事 and the roster, through the real app (see tests/e2e/e2e_support.rs).

use std::time::{Duration, Instant};

use crate::e2e_support::{Session, SERIAL};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;

/// Types text into whatever has the keyboard focus, as a person at the keyboard would.
async fn type_keys(s: &Session, text: &str) {
    let active = s.client.active_element().await.expect("focused element");
    active.send_keys(text).await.expect("send keys");
}

/// Presses keys together (e.g. Ctrl+Enter) on the keyboard, not aimed at any element: a Tab
/// sent to an element would first re-focus that element (and restart a date field's parts).
async fn press(s: &Session, keys: &[Key]) {
    let mut seq = KeyActions::new("keyboard".into());
    for &k in keys {
        seq = seq.then(KeyAction::Down { value: char::from(k) });
    }
    for &k in keys.iter().rev() {
        seq = seq.then(KeyAction::Up { value: char::from(k) });
    }
    s.client.perform_actions(seq).await.expect("key actions");
}

async fn focused_name(s: &Session) -> String {
    let active = s.client.active_element().await.expect("focused element");
    active.attr("name").await.expect("attr").unwrap_or_default()
}

/// Presses Tab until the field named `name` has the focus (date inputs take several Tabs).
async fn tab_to(s: &Session, name: &str) {
    let mut seen = Vec::new();
    for _ in 0..12 {
        let now = focused_name(s).await;
        if now == name {
            return;
        }
        seen.push(now);
        press(s, &[Key::Tab]).await;
    }
    panic!("Tab never reached the field {name}; went through {seen:?}");
}

/// Waits until the page text under `css` contains `needle`.
async fn wait_text(s: &Session, css: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = s.wait_for(css).await.text().await.unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(Instant::now() < deadline, "“{needle}” did not appear in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Registers a topic through the intake form: title typed, saved with Ctrl+Enter.
async fn register(s: &Session, title: &str) {
    s.wait_for("#topic-form input[name=title]").await.send_keys(title).await.expect("type title");
    press(s, &[Key::Control, Key::Enter]).await;
    wait_text(s, "#saved-line", title).await;
}

async fn resize(s: &Session, w: u32, h: u32) {
    s.client.set_window_size(w, h).await.expect("window size");
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_is_registered_with_the_keyboard_alone_with_a_photo_and_found_in_the_list() {
    let _serial = SERIAL.lock().await;
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/icon.png");
    let mut s = Session::start_with_env("topic_intake", &[("YISHI_TEST_PICK_FILE", photo.as_os_str())]).await;
    resize(&s, 1024, 768).await;
    s.wait_for("#topic-form").await;
    assert_eq!(focused_name(&s).await, "title", "the title has the focus when the form opens");

    let started = Instant::now();
    type_keys(&s, "3号楼地下车库灯不亮").await;
    press(&s, &[Key::Tab]).await;
    type_keys(&s, "晚上车库一片漆黑，地面也有破损，老人回家容易摔倒。").await;
    tab_to(&s, "channel").await;
    press(&s, &[Key::Down]).await; // 电话 → 微信群
    tab_to(&s, "raised_by").await;
    type_keys(&s, "王秀兰").await;
    tab_to(&s, "phone").await;
    type_keys(&s, "13812345678").await;
    tab_to(&s, "category").await;
    press(&s, &[Key::Down]).await;
    tab_to(&s, "handling").await;
    tab_to(&s, "scale").await;
    press(&s, &[Key::Right]).await; // 小事 → 急事
                                    // The main action comes first after the last field (issue 14: one row with 添加照片).
    press(&s, &[Key::Tab]).await;
    let button = s.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(button.as_deref(), Some("save-topic"));
    press(&s, &[Key::Tab]).await;
    let button = s.client.active_element().await.unwrap().attr("id").await.unwrap();
    assert_eq!(button.as_deref(), Some("add-photo"));
    press(&s, &[Key::Enter]).await;
    s.wait_for("#intake-photos .thumb img").await;
    s.shot("intake-filled-1024").await;
    press(&s, &[Key::Control, Key::Enter]).await;
    wait_text(&s, "#saved-line", "3号楼地下车库灯不亮").await;
    assert!(started.elapsed() < Duration::from_secs(30), "intake took {:?}", started.elapsed());

    // The next topic: the possible duplicate shows while typing.
    s.wait_for("#topic-form input[name=title]").await.send_keys("地下车库灯坏了").await.unwrap();
    let similar = wait_text(&s, "#similar", "3号楼地下车库灯不亮").await;
    assert!(similar.contains("合并到此议题"), "{similar}");
    s.shot("intake-duplicate-1024").await;
    resize(&s, 1920, 1080).await;
    s.shot("intake-duplicate-1920").await;

    s.click(".tab[data-tab=list]").await;
    let row = wait_text(&s, "#topic-table", "3号楼地下车库灯不亮").await;
    assert!(row.contains("已收集") && row.contains("微信群"), "{row}");
    wait_text(&s, "#status-chips", "已收集").await;
    s.shot("list-1920").await;
    s.click("#topic-table a.topic-link").await;
    let detail = wait_text(&s, "#topic-detail", "王秀兰").await;
    assert!(detail.contains("急事") && detail.contains("13812345678"), "{detail}");
    s.wait_for("#detail-photos .thumb img").await;
    let timeline = wait_text(&s, "#timeline", "登记").await;
    assert!(timeline.contains("记录人 登记"), "{timeline}");
    s.shot("detail-1920").await;
    resize(&s, 1024, 768).await;
    s.shot("detail-1024").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_accepts_one_refuses_an_empty_reason_rejects_one_and_merges_one() {
    let _serial = SERIAL.lock().await;
    let mut s = Session::start("topic_review").await;
    resize(&s, 1024, 768).await;
    s.wait_for("#topic-form").await;
    for title in ["共享单车乱停放", "单车乱停挡住消防通道", "楼道堆放杂物"] {
        register(&s, title).await;
    }
    // An urgent one, registered last, stands first.
    s.wait_for("#topic-form input[name=title]").await.send_keys("便民桥被洪水冲坏").await.unwrap();
    s.click("#topic-form input[name=scale][value=urgent]").await;
    press(&s, &[Key::Control, Key::Enter]).await;
    wait_text(&s, "#saved-line", "便民桥被洪水冲坏").await;

    s.click(".tab[data-tab=review]").await;
    let first = s.wait_for("#review-list li:first-child").await.text().await.unwrap();
    assert!(first.starts_with("急") && first.contains("便民桥被洪水冲坏"), "{first}");
    s.shot("review-queue-1024").await;

    let item = |title: &str| format!("//li[contains(@class,'review-item')][.//a[text()='{title}']]");
    let in_item = |title: &str, css: &str| format!("{}{css}", item(title));
    s.client
        .find(Locator::XPath(&in_item("共享单车乱停放", "//button[@data-action='accept']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_gone(&s, &item("共享单车乱停放")).await;

    let reject = in_item("楼道堆放杂物", "//button[@data-action='reject']");
    s.client.find(Locator::XPath(&reject)).await.unwrap().click().await.unwrap();
    s.client
        .find(Locator::XPath(&in_item("楼道堆放杂物", "//button[@data-confirm]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let refused = wait_text(&s, ".review-item .form-error:not(:empty)", "请写明不予受理的理由").await;
    assert_eq!(refused, "请写明不予受理的理由。");
    s.shot("review-empty-reason-refused-1024").await;
    resize(&s, 1920, 1080).await;
    s.shot("review-empty-reason-refused-1920").await;
    type_keys(&s, "属于业主私人物品，已电话提醒本人自行清理").await;
    press(&s, &[Key::Enter]).await;
    wait_gone(&s, &item("楼道堆放杂物")).await;

    s.client
        .find(Locator::XPath(&in_item("单车乱停挡住消防通道", "//button[@data-action='merge']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let select = s.client.find(Locator::XPath(&in_item("单车乱停挡住消防通道", "//select"))).await.unwrap();
    select.select_by_label("共享单车乱停放").await.unwrap();
    s.client
        .find(Locator::XPath(&in_item("单车乱停挡住消防通道", "//button[@data-confirm]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_gone(&s, &item("单车乱停挡住消防通道")).await;
    let left = s.text_of("#review-list").await;
    assert!(left.contains("便民桥被洪水冲坏") && !left.contains("共享单车"), "{left}");

    s.click(".tab[data-tab=list]").await;
    let table = wait_text(&s, "#topic-table", "不予受理").await;
    for status in ["已审定", "已合并", "不予受理", "已收集"] {
        assert!(table.contains(status), "{status} missing: {table}");
    }
    s.shot("review-result-list-1920").await;
    s.finish().await;
}

async fn wait_gone(s: &Session, xpath: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.client.find(Locator::XPath(xpath)).await.is_ok() {
        assert!(Instant::now() < deadline, "still there: {xpath}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_added_to_the_roster_is_listed_with_the_phone_masked() {
    let _serial = SERIAL.lock().await;
    let mut s = Session::start("roster").await;
    resize(&s, 1024, 768).await;
    s.click("#nav a[data-section='settings']").await;
    s.wait_for("#person-form input[name=person-name]").await.send_keys("张建国").await.unwrap();
    s.wait_for("#person-form input[name=person-phone]").await.send_keys("13912345678").await.unwrap();
    s.click("#person-form button[data-role='党员']").await;
    s.click("#person-form button[data-role='楼栋长']").await;
    s.click("#person-form input[name=core]").await;
    s.click("#save-person").await;
    let table = wait_text(&s, "#people-table", "张建国").await;
    assert!(table.contains("139****5678"), "{table}");
    assert!(!table.contains("13912345678"), "the whole number must not show in the list: {table}");
    assert!(s.db.exists());
    assert!(table.contains("党员、楼栋长") && table.contains("固定成员"), "{table}");

    // A wrong phone is refused next to the field, and the form keeps what was typed.
    s.wait_for("#person-form input[name=person-name]").await.send_keys("李大姐").await.unwrap();
    s.wait_for("#person-form input[name=person-phone]").await.send_keys("一三九").await.unwrap();
    s.click("#save-person").await;
    let error = wait_text(&s, "#person-form .field.invalid .field-error", "联系电话").await;
    assert!(error.contains("阿拉伯数字"), "{error}");
    let kept = s.wait_for("#person-form input[name=person-name]").await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some("李大姐"));
    s.shot("roster-phone-refused-1024").await;
    let phone = s.wait_for("#person-form input[name=person-phone]").await;
    phone.clear().await.unwrap();
    phone.send_keys("13600001111").await.unwrap();
    s.click("#person-form button[data-role='居民代表']").await;
    s.click("#save-person").await;
    let table = wait_text(&s, "#people-table", "李大姐").await;
    assert!(table.contains("136****1111") && !table.contains("13600001111"), "{table}");
    s.client.execute("document.getElementById('roster-card').scrollIntoView()", vec![]).await.unwrap();
    s.shot("roster-1024").await;
    resize(&s, 1920, 1080).await;
    s.client.execute("document.getElementById('roster-card').scrollIntoView()", vec![]).await.unwrap();
    s.shot("roster-1920").await;
    s.finish().await;
}
