//! 方案 (issue 22) through the real app, on the demo at 2026-11-21: on the page of a topic on the
//! next meeting's agenda, write a plan, revise it (the first version stays viewable), record a
//! resident's comment and answer it; then the meeting bench's 方案 tab shows the plan, the comment
//! and the answer. Screenshots at 1366×768.

use std::time::{Duration, Instant};

use crate::e2e_support::SERIAL;
use crate::followup::{js, start_laptop, type_into};

const TOPIC: &str = "老年食堂想增加晚餐";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_plan() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _saves) = start_laptop("topic_plan", dir.path()).await;

    // Open the topic from the search box.
    s.click("#search-box").await;
    type_into(&s, "#search-box", TOPIC).await;
    s.wait_for("#search-results li.hit[data-kind='topic']").await;
    js(&s, "document.querySelector(\"#search-results li.hit[data-kind='topic']\").dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))").await;
    s.wait_text("#topic-detail .detail-title", TOPIC).await;
    s.wait_text("#plan-card", "还没有方案").await;

    // An empty proposal is refused under its field; then the plan is written.
    s.click("#plan-edit").await;
    s.click("#plan-save").await;
    s.wait_text("#plan-form", "请填写方案内容").await;
    type_into(&s, "#plan-proposal-input", "老年食堂每周一至周五增加晚餐，每餐12元，60岁以上老人补贴4元。🍲").await;
    type_into(&s, "#plan-cost-input", "3.6万").await;
    s.click("#plan-save").await;
    s.wait_text("#plan-version", "第1稿").await;
    s.wait_text("#plan-cost", "¥36,000.00").await;

    // Revised: a new version; the first is still there under 以前的 1 稿.
    s.click("#plan-edit").await;
    type_into(&s, "#plan-proposal-input", "老年食堂每周一至周六增加晚餐，每餐10元，60岁以上老人补贴4元。").await;
    type_into(&s, "#plan-cost-input", "4.2万").await;
    type_into(&s, "#plan-note", "采纳居民意见，周六也开").await;
    s.click("#plan-save").await;
    s.wait_text("#plan-version", "第2稿").await;
    s.wait_text("#plan-older summary", "以前的 1 稿").await;
    let older = js(&s, "return document.querySelector('#plan-older .plan-old-text').textContent").await;
    assert!(older.as_str().unwrap_or("").contains("周一至周五"), "the first text is kept: {older}");

    // A resident's comment and its answer.
    type_into(&s, "#plan-comment-from", "孙大妈").await;
    type_into(&s, "#plan-comment-text", "希望有软烂一点的菜").await;
    s.click("#plan-comment-save").await;
    s.wait_text("#plan-comments", "未答复").await;
    s.click("#plan-comments .plan-answer-open").await;
    type_into(&s, "#plan-comments .plan-answer-text", "每天安排一道软烂菜").await;
    s.click("#plan-comments .plan-answer-save").await;
    s.wait_text("#plan-comments", "每天安排一道软烂菜").await;
    js(&s, "document.getElementById('plan-card').scrollIntoView()").await;
    s.shot("topic-plan").await;

    // At the bench of the next meeting: the 方案 tab on the topic's agenda item.
    crate::meetings::open_meeting_tab(&s, "十一月居民议事会", "bench").await;
    if js(&s, "return !!document.getElementById('start-meeting')").await == serde_json::Value::Bool(true) {
        s.click("#start-meeting").await;
    }
    s.wait_for("#bench-title").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while !s.text_of("#bench-title").await.contains(TOPIC) {
        assert!(Instant::now() < deadline, "the topic is on the agenda");
        s.click("#next-item").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    s.click(".side-tabs .tab[data-tab='plan']").await;
    s.wait_text("#bench-side", "周一至周六").await;
    s.wait_text("#bench-side", "希望有软烂一点的菜").await;
    s.wait_text("#bench-side", "每天安排一道软烂菜").await;
    s.shot("bench-plan").await;
    s.finish().await;
}
