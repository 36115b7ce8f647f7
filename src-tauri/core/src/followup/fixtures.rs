//! Test data for follow-up, evaluation and statistics: a closed meeting that decided a topic
//! with tasks, built through the real modules.

use chrono::NaiveDate;

use crate::decisions::{self, NewDecision, NewTask, TaskMode};
use crate::meetings::{self, fixtures};
use crate::proceedings;
use crate::store::Store;

pub fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("valid day")
}

/// A decided topic and its tasks (one per deadline given); returns (topic id, task ids).
pub fn decided_topic(store: &mut Store, title: &str, deadlines: &[Option<NaiveDate>]) -> (String, Vec<String>) {
    let m = fixtures::meeting(store, "11月议事会", "2026-11-05T20:00:00+08:00");
    let topic = fixtures::accepted_topic(store, title);
    let item = store.write(|tx| meetings::add_topic(tx, &m.id, &topic, "张敏")).expect("agenda");
    let tasks = store
        .write(|tx| {
            let d = decisions::add(tx, &item.id, &NewDecision { text: format!("解决{title}"), act: true })?;
            let mut ids = Vec::new();
            for (i, deadline) in deadlines.iter().enumerate() {
                let new = NewTask {
                    title: format!("{title}任务{}", i + 1),
                    mode: TaskMode::Undertake,
                    responsible_unit: "物业公司".into(),
                    person_in_charge: "周经理".into(),
                    deadline: *deadline,
                };
                ids.push(decisions::add_task(tx, &d.id, &new)?.id);
            }
            Ok::<_, decisions::DecisionError>(ids)
        })
        .expect("decision and tasks");
    store.write(|tx| proceedings::close(tx, &m.id, "张敏")).expect("close meeting");
    (topic, tasks)
}
