//! The demo's paper trail: a photo on the garage topic, the parking decision notice issued and
//! posted on the notice board, and a 停水通知 kept as a template with a draft from it.

use rusqlite::Transaction;

use super::topics::Topics;
use super::{day, moment, step, DemoError};
use crate::attachments::{self, OwnerKind};
use crate::bulletin::{self, NewNotice, NoticeKind, NoticeRef};
use crate::printouts::{self, LoadOptions};
use crate::time;

pub(crate) fn build(tx: &Transaction, topics: &Topics) -> Result<(), DemoError> {
    let garage = find(topics, "地下车库地面破损、照明不足")?;
    // The photo came with the phone call that raised the garage topic.
    time::at(moment(2, 20, 10, 30), || {
        attachments::add_image(tx, OwnerKind::Topic, &garage, "车库现场.png", &crate::notices::demo::garage_photo())
    })
    .map_err(step)?;
    let parking_decision: String = tx.query_row(
        "SELECT d.id FROM decisions d JOIN topics t ON t.id = d.topic_id WHERE t.title = ?1",
        ["小区停车乱，消防通道被占"],
        |r| r.get(0),
    )?;
    // Issued and posted the morning after the parking meeting.
    let posted_on = day(1, 16);
    let notice = printouts::decision(tx, &parking_decision, &LoadOptions::new(posted_on)).map_err(step)?;
    let spec = serde_json::to_string(&notice).map_err(|e| DemoError::Step(e.to_string()))?;
    let new =
        NewNotice { kind: NoticeKind::Decision, spec, reference: Some(NoticeRef::Decision { id: parking_decision }) };
    let issued = time::at(moment(1, 16, 9, 0), || bulletin::issue(tx, &new, posted_on)).map_err(step)?;
    time::at(moment(1, 16, 10, 0), || {
        bulletin::record_posting(tx, &issued.entry.id, "社区公示栏（南门）", &posted_on.to_string(), None, posted_on)
    })
    .map_err(step)?;
    // The secretary prepares the water cut on the story's last day.
    time::at(moment(11, 21, 9, 30), || water_cut_notice(tx))
}

/// A reusable 停水通知 template, and a draft started from it that the secretary has not issued.
fn water_cut_notice(tx: &Transaction) -> Result<(), DemoError> {
    let notice = serde_json::json!({
        "paper": "A4",
        "title": "停水通知",
        "salutation": "各位居民：",
        "paragraphs": [
            "因院坝一组主水管更换施工，定于2026年11月25日8:00至17:00停止供水，请各户提前储水。",
            "施工期间如有急事，请联系网格员赵志刚，电话13905310006。",
        ],
        "table": { "columns": ["停水区域", "停水时间"], "rows": [["院坝一组全部住户", "11月25日 8:00—17:00"]] },
        "closing": "给您带来不便，敬请谅解。",
        "issuer": "幸福里社区居民委员会",
        "date": "2026-11-21",
        "mask_personal_data": true,
    })
    .to_string();
    bulletin::save_template(tx, "停水通知", &notice).map_err(step)?;
    bulletin::save_draft(tx, "demo-draft-water-cut", &notice).map_err(step)?;
    Ok(())
}

fn find(topics: &Topics, title: &str) -> Result<String, DemoError> {
    topics
        .all
        .iter()
        .find(|t| t.title == title)
        .map(|t| t.id.clone())
        .ok_or_else(|| DemoError::Step(format!("示例议题“{title}”不存在")))
}
