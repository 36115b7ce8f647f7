//! End-to-end: the first-start demo offer, then “Didn't we discuss the garage lighting?” —
//! Ctrl+K, type 车库, Enter opens the garage topic, and its 议题公示 is printed from there.

use crate::e2e_support::{Session, SERIAL};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

/// Presses keys together on the keyboard (not aimed at any element).
async fn press(s: &Session, keys: &[char]) {
    let mut seq = KeyActions::new("keyboard".into());
    for &k in keys {
        seq = seq.then(KeyAction::Down { value: k });
    }
    for &k in keys.iter().rev() {
        seq = seq.then(KeyAction::Up { value: k });
    }
    s.client.perform_actions(seq).await.expect("key actions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_che_ku_in_the_search_box_finds_and_opens_the_garage_topic() {
    let _serial = SERIAL.lock().await;
    let saves = tempfile::tempdir().unwrap();
    let mut s = Session::start_with_env("search", &[("YISHI_TEST_SAVE_PATH", saves.path().as_os_str())]).await;

    s.wait_for("#welcome").await;
    s.shot("welcome").await;
    s.click("#load-demo").await;
    let done = s.text_of(".welcome-done").await;
    assert!(done.contains("30 个议题"), "{done}");

    press(&s, &[Key::Control.into(), 'k']).await;
    let active = s.client.active_element().await.expect("focus");
    assert_eq!(active.attr("id").await.unwrap().as_deref(), Some("search-box"), "Ctrl+K focuses the search box");
    active.send_keys("车库").await.expect("type");
    let first = s.text_of("#search-results li.hit").await;
    assert!(first.contains("议题") && first.contains("地下车库"), "the garage topic comes first: {first}");
    let all = s.text_of("#search-results").await;
    assert!(all.contains("议题") && all.contains("会议记录"), "hits of several kinds: {all}");
    s.shot("results").await;

    // The garage topic is among the hits; choose it with the arrow keys and open it with Enter.
    let hits = s.client.find_all(fantoccini::Locator::Css("#search-results li.hit")).await.unwrap();
    let mut garage = None;
    for (i, h) in hits.iter().enumerate() {
        let kind = h.attr("data-kind").await.unwrap();
        if kind.as_deref() == Some("topic") && h.text().await.unwrap().contains("地下车库") {
            garage = Some(i);
            break;
        }
    }
    let garage = garage.expect("the garage topic is a hit");
    for _ in 0..garage {
        press(&s, &[Key::Down.into()]).await;
    }
    press(&s, &[Key::Enter.into()]).await;
    let title = s.text_of("#topic-detail .detail-title").await;
    assert_eq!(title, "地下车库地面破损、照明不足");
    let url = s.client.current_url().await.unwrap();
    assert!(url.fragment().unwrap_or("").starts_with("topics/"), "{url}");
    s.shot("garage-topic").await;

    // From the topic, print its 议题公示: saved through the 另存为 preset, a real PDF.
    s.click("#print-topic-notice").await;
    let saved = s.text_of("#print-result .saved-pdf").await;
    assert!(saved.contains("议题公示"), "{saved}");
    let pdf = std::fs::read_dir(saves.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"));
    let bytes = std::fs::read(pdf.expect("the 议题公示 PDF in the chosen folder")).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    s.shot("topic-notice-printed").await;
    s.finish().await;
}
