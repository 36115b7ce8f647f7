//! Who decides (issue 22) through the real app, on the demo at 2026-11-21 and 1366×768: 设置 →
//! 参会模式 saves a 3+N (an empty name refused under its field), and the 十一月居民议事会 invites
//! by it; 4号楼's households vote on item 1 in two
//! parts, the second two of them recorded at home by the grid worker (the 决议公示 then says
//! “其中入户征求2户”); a 院坝长 is elected, first in a tie (得票多者当选) and then with a majority
//! of those present, the roster shows the role with its term, and the 选举结果公示 is printed.

use std::time::{Duration, Instant};

use crate::clock::pdf_text;
use crate::e2e_support::{Session, SERIAL};
use crate::followup::{js, press, saved, select, start_laptop, type_into};

const MEETING: &str = "十一月居民议事会";
const ELECTION_ITEM: &str = "推选院坝二组院坝长";
const PATTERN: &str = "幸福里小区3+N（电梯）🛗";

async fn value_of_option(s: &Session, select: &str, text: &str) -> String {
    let script = format!(
        "const o = [...document.querySelectorAll({:?})].find((o) => o.textContent.includes({text:?})); return o ? o.value : '';",
        format!("{select} option")
    );
    let v = s.js_string(&script).await;
    assert!(!v.is_empty(), "no option “{text}” in {select}");
    v
}

pub(crate) async fn count(s: &Session, css: &str) -> usize {
    js(s, &format!("return document.querySelectorAll({css:?}).length")).await.as_u64().unwrap_or(0) as usize
}

/// The text of the saved PDF whose name contains `part`, without whitespace (the layout wraps
/// lines anywhere).
pub(crate) fn saved_text(saves: &std::path::Path, part: &str) -> (std::path::PathBuf, String) {
    let file = saved(saves, part);
    let text = pdf_text(&file).split_whitespace().collect();
    (file, text)
}

/// Moves the bench to the next agenda item and waits until its title has changed.
pub(crate) async fn next_item(s: &Session) {
    let first = s.text_of("#bench-title").await;
    s.click("#next-item").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.text_of("#bench-title").await == first {
        assert!(Instant::now() < deadline, "the bench moves to the next item");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_decides() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, saves) = start_laptop("who_decides", dir.path()).await;

    // 设置 → 参会模式: 两委, 物业, 业委会, 居民代表 and 4号楼's 楼栋长 by name.
    s.click("#nav a[data-section=settings]").await;
    s.wait_for("#pattern-form").await;
    for role in ["两委成员", "物业", "业委会", "居民代表"] {
        press(&s, &format!("#pattern-form .chip[data-role={role:?}]")).await;
    }
    press(&s, "#save-pattern").await;
    s.wait_text("#pattern-form", "请填写参会模式名称").await;
    assert!(!s.text_of("#patterns-card").await.contains("电梯"), "nothing was saved");
    // WebDriver cannot type characters beyond the BMP: the emoji arrives as pasted text would.
    js(&s, &format!("document.querySelector('#pattern-form input[name=pattern-name]').value = {PATTERN:?}")).await;
    let hu = value_of_option(&s, "#pattern-form select[name=pattern-people]", "胡玉珍").await;
    select(&s, "#pattern-form select[name=pattern-people]", &hu).await;
    press(&s, "#save-pattern").await;
    let saved = s.wait_text("#patterns-list", "电梯").await;
    assert!(saved.contains(PATTERN) && saved.contains("居民代表") && saved.contains("胡玉珍"), "{saved}");
    js(&s, "document.getElementById('patterns-card').scrollIntoView()").await;
    s.shot("patterns-card").await;

    // 会前: the saved 3+N invites the 居民代表 too (高秀英 was not invited before); an election
    // item is added to the agenda.
    crate::meetings::open_meeting_tab(&s, MEETING, "prep").await;
    s.wait_for("#pattern-row select").await;
    assert!(!s.text_of("#invitations .participants").await.contains("高秀英"), "高秀英 is not invited yet");
    let pattern = value_of_option(&s, "#pattern-row select", "电梯").await;
    select(&s, "#pattern-row select", &pattern).await;
    s.click("#pattern-row button").await;
    s.wait_text("#invitations .participants", "高秀英").await;
    type_into(&s, "#agenda-add input[name=other_title]", ELECTION_ITEM).await;
    press(&s, "#agenda-add form button[type=submit]").await;
    s.wait_text("#agenda", ELECTION_ITEM).await;
    s.shot("pattern-invited").await;

    // 会中: started, three people sign in.
    s.click("button.tab[data-tab=bench]").await;
    s.wait_for("#minutes").await;
    s.click("#start-meeting").await;
    s.wait_text("#meeting-status", "会议中").await;
    for i in 1..=3 {
        s.click(&format!(".signin-seat:nth-child({i}) .signin-name")).await;
        s.wait_text("#signin-count", &format!("已到 {i} 人")).await;
    }
    // Item 1 is the follow-up of earlier decisions; item 2 is the first topic.
    next_item(&s).await;
    let topic = s.text_of("#bench-title").await;

    // 一户一票 of 4号楼's households: 现场 for all but two, then those two 入户征求.
    s.click("button.tab[data-tab=vote]").await;
    s.click("button.method[data-method=household]").await;
    s.wait_for("#household-list").await;
    let all = count(&s, "#household-list .household").await;
    let building = value_of_option(&s, "select[name=vote_scope]", "4号楼 全体住户").await;
    select(&s, "select[name=vote_scope]", &building).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(&s, "#household-list .household").await >= all {
        assert!(Instant::now() < deadline, "the list keeps every household after choosing 4号楼");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rows = count(&s, "#household-list .household").await;
    let listed = s.text_of("#household-list").await;
    assert!(listed.contains("4号楼") && !listed.contains("3号楼"), "only 4号楼 is listed: {listed}");
    assert!(rows >= 4, "4号楼 has {rows} households");
    for i in 1..=rows - 2 {
        let choice = if i == 1 { "oppose" } else { "agree" };
        press(&s, &format!("#household-list .household:nth-child({i}) input[value={choice}]")).await;
    }
    select(&s, "#vote-panel select[name=rule]", "majority_eligible").await;
    s.wait_text("#vote-live", &format!("应到 {rows} 户")).await;
    press(&s, "#record-vote").await;
    s.wait_text("#vote-records", "表决范围").await;
    s.wait_text("#household-list", "已计入").await;
    assert_eq!(count(&s, "#household-list .household:not(.counted)").await, 2, "two households are left to ask");

    select(&s, "select[name=part_kind]", "visit").await;
    type_into(&s, "input[name=recorded_by]", "网格员张敏").await;
    type_into(&s, "input[name=recorded_at]", "11月27日 上午10点").await;
    for i in 1..=2 {
        press(&s, &format!("#household-list .household:not(.counted):nth-child({}) input[value=agree]", rows - 2 + i))
            .await;
    }
    press(&s, "#vote-records .vote-record button").await;
    let records = s.wait_text("#vote-records", "入户征求 2 户").await;
    assert!(records.contains("其中入户征求 2 户"), "{records}");
    assert!(records.contains(&format!("合计 {rows} 户")), "{records}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    js(&s, "document.querySelector('#vote-records .vote-record').scrollIntoView({ block: 'center' })").await;
    s.shot("vote-in-parts").await;

    // The decision on it.
    s.click("button.tab[data-tab=decisions]").await;
    type_into(&s, "#decision-form textarea", "按4号楼住户表决结果实施").await;
    s.click("#add-decision").await;
    s.wait_text("#decision-list", "按4号楼住户表决结果实施").await;

    // Item 3 by a list of households (指定住户): three give a choice, a fourth is 列入 only.
    next_item(&s).await;
    s.click("button.tab[data-tab=vote]").await;
    s.click("button.method[data-method=household]").await;
    s.wait_for("#household-list").await;
    select(&s, "select[name=vote_scope]", "list").await;
    s.wait_for("#household-list .in-list").await;
    for i in 1..=3 {
        press(&s, &format!("#household-list .household:nth-child({i}) input[value=agree]")).await;
    }
    press(&s, "#household-list .household:nth-child(4) .in-list").await;
    let eligible = js(&s, "return document.querySelector('#vote-panel input[name=eligible]').value").await;
    assert_eq!(eligible.as_str(), Some("4"), "应到 is the households listed");
    press(&s, "#record-vote").await;
    s.wait_text("#vote-records", "指定的4户").await;

    // 推选 on the election item: a tie first (no one elected), then a majority of those present.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !s.text_of("#bench-title").await.contains(ELECTION_ITEM) {
        assert!(Instant::now() < deadline, "the election item is on the agenda");
        s.click("#next-item").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    s.click(".side-tabs .tab[data-tab=election]").await;
    type_into(&s, "input[name=election-role]", "院坝长").await;
    type_into(&s, "input[name=election-present]", "9").await;
    select(&s, "select[name=election-rule]", "most_votes").await;
    select(&s, "select[name=election-method]", "hands").await;
    type_into(&s, "input[name=election-from]", "2026-11-21").await;
    type_into(&s, "input[name=election-to]", "2029年11月20日").await;
    let person = value_of_option(&s, ".candidate-row:nth-child(1) select[name=candidate-person]", "高秀英").await;
    select(&s, ".candidate-row:nth-child(1) select[name=candidate-person]", &person).await;
    type_into(&s, ".candidate-row:nth-child(1) input[name=candidate-votes]", "4").await;
    js(&s, "document.querySelector('.candidate-row:nth-child(2) input[name=candidate-name]').value = '陈阿姨😊'").await;
    type_into(&s, ".candidate-row:nth-child(2) input[name=candidate-votes]", "4").await;
    press(&s, "#record-election").await;
    let tie = s.wait_text("#election-result", "票数相同").await;
    assert!(!tie.contains("当选\n"), "nobody is elected in a tie: {tie}");
    // Another round, by 过半数 of those present this time.
    select(&s, "select[name=election-rule]", "majority_present").await;
    type_into(&s, ".candidate-row:nth-child(1) input[name=candidate-votes]", "5").await;
    press(&s, "#record-election").await;
    let elected = s.wait_text("#election-result", "当选").await;
    assert!(elected.contains("高秀英") && !elected.contains("票数相同"), "{elected}");
    assert_eq!(count(&s, "#election-records .election-record").await, 2, "both rounds stay in the record");
    js(&s, "document.getElementById('election-records').scrollIntoView({ block: 'center' })").await;
    s.shot("election").await;
    press(&s, "#election-records .election-record:last-child .print-election").await;
    s.wait_text("#election-records .election-record:last-child .print-result", "已保存").await;
    let (election, notice) = saved_text(&saves, "选举结果公示");
    s.keep(&election);
    assert!(notice.contains("高秀英") && notice.contains("院坝长"), "{notice}");
    assert!(notice.contains("2029年11月20日"), "the term is printed: {notice}");

    // The roster gives 高秀英 the role with its term.
    s.click("#nav a[data-section=settings]").await;
    s.wait_for("#people-table").await;
    let roster = s.wait_text("#people-table", "院坝长（2026-11-21至2029-11-20）").await;
    assert!(roster.contains("高秀英"), "{roster}");
    js(&s, "[...document.querySelectorAll('#people-table tr')].find((r) => r.textContent.includes('院坝长（2026-11-21')).scrollIntoView({ block: 'center' })").await;
    s.shot("roster-term").await;

    // 会后: closed, and the 决议公示 of item 1 says whose vote it was and the two at home.
    crate::meetings::open_meeting_tab(&s, MEETING, "close").await;
    s.click("#confirm-attendance").await;
    s.click("#close-meeting").await;
    s.wait_text("#close-report", "已散会").await;
    let short: String = topic.chars().filter(|c| !c.is_whitespace()).take(6).collect();
    let item = s
        .js_string(&format!(
            "return [...document.querySelectorAll('#print button[data-kind=decision]')].find(b => b.textContent.replace(/\\s/g, '').includes({short:?})).dataset.item"
        ))
        .await;
    s.click(&format!("#print button[data-item=\"{item}\"]")).await;
    s.wait_text("#print-result", "已保存").await;
    let (pdf, text) = saved_text(&saves, "决议公示");
    assert!(text.contains("其中入户征求2户"), "{text}");
    assert!(text.contains("4号楼全体住户"), "the notice says whose vote it was: {text}");
    s.keep(&pdf);
    s.finish().await;
}
