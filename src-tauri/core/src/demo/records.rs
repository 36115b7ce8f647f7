//! The demo's paper trail: a photo on the garage topic, and the parking decision notice issued
//! and posted on the notice board.

use rusqlite::Transaction;

use super::followup::today;
use super::topics::Topics;
use super::{step, DemoError};
use crate::attachments::{self, OwnerKind};
use crate::bulletin::{self, NewNotice, NoticeKind};
use crate::notices::load::{self, LoadOptions};

pub(crate) fn build(tx: &Transaction, topics: &Topics) -> Result<(), DemoError> {
    let garage = find(topics, "地下车库地面破损、照明不足")?;
    attachments::add_image(tx, OwnerKind::Topic, &garage, "车库现场.png", &crate::notices::demo::garage_photo())
        .map_err(step)?;
    let parking_decision: String = tx.query_row(
        "SELECT d.id FROM decisions d JOIN topics t ON t.id = d.topic_id WHERE t.title = ?1",
        ["小区停车乱，消防通道被占"],
        |r| r.get(0),
    )?;
    let posted_on = chrono::NaiveDate::from_ymd_opt(2026, 1, 16).unwrap_or_else(today);
    let notice = load::decision(tx, &parking_decision, &LoadOptions::new(posted_on)).map_err(step)?;
    let spec = serde_json::to_string(&notice).map_err(|e| DemoError::Step(e.to_string()))?;
    let issued = bulletin::issue(
        tx,
        &NewNotice { kind: NoticeKind::Decision, spec, reference: Some(("decision".into(), parking_decision)) },
        posted_on,
    )
    .map_err(step)?;
    bulletin::record_posting(tx, &issued.entry.id, "社区公示栏（南门）", "2026-01-16", None, today()).map_err(step)?;
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
