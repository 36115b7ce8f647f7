//! The demo's work between meetings: visits and calls noted on topics, 回访 of 即办件, where
//! the 上报件 went.

use rusqlite::Transaction;

use super::day;
use super::topics::Topics;
use super::{moment, step, DemoError};
use crate::casework::{self, ContactMethod, EscalatedTo, NewCallback, NewEscalation, NewTopicNote};
use crate::time;

/// (topic title, month, day, hour, how, with whom, what was said)
const NOTES: &[(&str, u32, u32, u32, ContactMethod, &str, &str)] = &[
    ("小区门口道路坑洼", 6, 10, 10, ContactMethod::Phone, "街道城管科", "城管科答复已转市政，排进六月下旬的维修计划。"),
    ("小区门口道路坑洼", 6, 12, 19, ContactMethod::Visit, "唐永强", "告诉唐师傅街道的答复，他说下雨前修好就行。"),
    ("希望小区通公交", 9, 20, 15, ContactMethod::Wechat, "谢宝林", "在楼栋群里说明已上报区交通运输局，正在研究线路。"),
];

/// (topic title, month, day, what the resident said)
const CALLBACKS: &[(&str, u32, u32, &str)] = &[
    ("健身器材损坏", 6, 9, "马大爷说螺丝都紧好了，早上锻炼放心了。"),
    ("单元门禁坏了", 6, 16, "冯师傅说门禁好用了。"),
];

/// (month, day) of the demo year.
type Day = (u32, u32);

/// (topic title, sent to, which office, sent on, reference, follow up on): both still waiting for
/// their reply at the end of the story, so the 议题 screen chases them.
const ESCALATIONS: &[(&str, EscalatedTo, &str, Day, &str, Day)] = &[
    ("小区门口道路坑洼", EscalatedTo::Street, "街道城管科", (5, 21), "CG-2026-0521-03", (6, 5)),
    ("希望小区通公交", EscalatedTo::Department, "区交通运输局", (9, 4), "", (10, 9)),
];

pub(crate) fn build(tx: &Transaction, topics: &Topics) -> Result<(), DemoError> {
    let id = |title: &str| topics.all.iter().find(|t| t.title == title).map(|t| t.id.clone()).unwrap_or_default();
    for &(title, month, day, hour, method, with_whom, text) in NOTES {
        // The visit that tells the resident what the street office said is the answer (件件有回音).
        let answer = method == ContactMethod::Visit;
        let new =
            NewTopicNote { at: None, method, with_whom: with_whom.into(), text: text.into(), answer, draft_key: None };
        time::at(moment(month, day, hour, 0), || casework::add_note(tx, &id(title), &new, "赵志刚")).map_err(step)?;
    }
    for &(title, month, day, note) in CALLBACKS {
        let new = NewCallback { at: None, method: ContactMethod::Phone, satisfied: true, note: note.into() };
        time::at(moment(month, day, 10, 0), || casework::record_callback(tx, &id(title), &new, "赵志刚"))
            .map_err(step)?;
    }
    for &(title, sent_to, name, (month, d), reference, follow_up) in ESCALATIONS {
        let new = NewEscalation {
            sent_to,
            sent_to_name: name.into(),
            sent_on: day(month, d),
            reference: reference.into(),
            follow_up_on: Some(day(follow_up.0, follow_up.1)),
        };
        let record = || casework::record_escalation(tx, &id(title), &new, "赵志刚", day(month, d));
        time::at(moment(month, d, 11, 0), record).map_err(step)?;
    }
    Ok(())
}
