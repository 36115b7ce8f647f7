//! 表决票 and 计票单 (issue 20) through the real app, on the demo: the bench of the 十一月居民议事会,
//! item 2, 表决 → 一户一票 → 打印表决票 gives a slip per household (门牌, the question, no member's
//! name), and 打印计票单 the sheet with the 唱票人 / 计票人 / 监票人 lines; the 选票 of the demo's
//! recorded 推选 lists its candidates.

use crate::e2e_support::SERIAL;
use crate::followup::{js, press, start_laptop};
use crate::who_decides::{count, next_item, saved_text};

const MEETING: &str = "十一月居民议事会";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ballots_and_tally_sheet() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start_laptop("ballots", dir.path()).await;

    crate::meetings::open_meeting_tab(&s, MEETING, "bench").await;
    s.wait_for("#minutes").await;
    if count(&s, "#start-meeting").await > 0 {
        press(&s, "#start-meeting").await;
        s.wait_text("#meeting-status", "会议中").await;
    }
    next_item(&s).await;

    s.click("button.tab[data-tab=vote]").await;
    s.click("button.method[data-method=household]").await;
    s.wait_for("#household-list").await;
    let heading = s.text_of("#vote-panel h3").await;
    let question: String = heading.trim_start_matches("表决：").chars().filter(|c| !c.is_whitespace()).collect();
    assert!(!question.is_empty(), "{heading}");

    press(&s, "#print-ballots").await;
    s.wait_text("#ballots-print-result", "已保存").await;
    let (_, ballots) = saved_text(&saves, "表决票");
    assert!(ballots.contains("号楼") && ballots.contains("户号"), "household labels are printed: {ballots}");
    assert!(ballots.contains(&question), "the question “{question}” is printed: {ballots}");
    assert!(ballots.contains("十一月居民议事会") && ballots.contains("多选或不选视为无效"), "{ballots}");
    for name in ["王秀兰", "刘建国", "周桂芳"] {
        assert!(!ballots.contains(name), "{name} is printed on a ballot");
    }
    js(&s, "document.getElementById('ballots-print-result').scrollIntoView({ block: 'center' })").await;
    s.shot("ballots-printed").await;

    press(&s, "#print-tally").await;
    s.wait_text("#ballots-print-result", "计票单").await;
    let (_, tally) = saved_text(&saves, "计票单");
    for word in ["唱票人", "计票人", "监票人", "无效票", "合计"] {
        assert!(tally.contains(word), "{word} on the tally sheet: {tally}");
    }
    assert!(tally.contains(&question), "{tally}");

    // The demo's 院坝长 election (田桂兰, 范老汉): 打印选票 lists both with 应选1名.
    crate::meetings::open_meeting_tab(&s, "院坝水管抢修议事", "bench").await;
    s.wait_for("#bench-title").await;
    for _ in 0..5 {
        if s.text_of("#bench-title").await.contains("推选") {
            break;
        }
        next_item(&s).await;
    }
    s.click(".side-tabs .tab[data-tab=election]").await;
    press(&s, "#election-records .election-record:last-child .print-election-ballots").await;
    s.wait_text("#election-records .election-record:last-child .print-result", "已保存").await;
    let (_, slips) = saved_text(&saves, "表决票-院坝长推选");
    assert!(slips.contains("田桂兰") && slips.contains("范老汉") && slips.contains("应选1名"), "{slips}");
    s.finish().await;
}
