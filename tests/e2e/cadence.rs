//! Issue 21, cadence: 十一月居民议事会 repeats 每月26日 (the demo); its page creates 十二月居民议事会
//! with one click, the 下次会议 card on 议题 and 会议 shows it with what is ready for it, and a
//! new meeting set to 每月某日 refuses day 32 under the field.

use std::time::Duration;

use crate::e2e_support::SERIAL;
use crate::followup::{js, select, start_laptop, type_into};
use crate::meetings::open_meeting;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_monthly_meeting_creates_the_next_and_the_home_card_shows_it() {
    let _serial = SERIAL.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _saves) = start_laptop("cadence", dir.path()).await;

    open_meeting(&s, "十一月居民议事会", "prep").await;
    s.wait_text("#cadence-line", "每月26日").await;
    s.wait_text("#create-next-meeting", "创建下一次会议（2026年12月26日）").await;
    s.click("#create-next-meeting").await;
    s.wait_text("#cadence-line", "下一次会议已创建：十二月居民议事会").await;
    s.shot("cadence-line").await;

    // The first screen of the day (议题) says which meeting is next — still November's, on the
    // demo's day — and what is ready for it; December's is in the list.
    s.click("#nav a[data-section=topics]").await;
    s.wait_text("#next-meeting", "十一月居民议事会 · 2026年11月26日").await;
    s.wait_text("#next-meeting", "3 个议题待上会").await;
    s.shot("next-meeting-card").await;
    s.click("#open-next").await;
    s.wait_text("#meeting-title", "十一月居民议事会").await;
    s.click("#nav a[data-section=meetings]").await;
    s.wait_text("#meeting-list", "十二月居民议事会").await;

    // A new meeting on 每月某日: day 32 is refused under the field, then 20 is kept.
    s.click("#new-meeting").await;
    type_into(&s, "#meeting-form input[name=title]", "楼栋长例会").await;
    select(&s, "#meeting-repeat", "monthly").await;
    type_into(&s, "#meeting-repeat-day", "32").await;
    s.click("#create-meeting").await;
    s.wait_text("#meeting-form .field.invalid .field-error", "32").await;
    js(&s, "document.getElementById('meeting-form').scrollIntoView()").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    s.shot("repeat-refused").await;
    type_into(&s, "#meeting-repeat-day", "20").await;
    s.click("#create-meeting").await;
    s.wait_text("#cadence-line", "每月20日").await;
    s.finish().await;
}
