//! The figures, computed from plain rows (no database), so each rule is tested on hand-made data.
//! Everything is counted in integers; rates and averages are fractions shown to one decimal.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{AverageDays, CountRow, Participation};
use crate::community::Role;
use crate::figures::Rate;
use crate::topics::{Channel, HandlingClass, TopicStatus};

/// One topic as the statistics see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TopicRow {
    pub channel: Channel,
    /// The top-level class of its category: (id, name); None when not categorised.
    pub category_class: Option<(String, String)>,
    pub handling: HandlingClass,
    pub status: TopicStatus,
    pub raised_on: NaiveDate,
    /// The day it reached its current status (used when that status is 已办结 / 即办完成).
    pub status_since: Option<NaiveDate>,
    /// Has at least one 回访 (`topic_callbacks`).
    pub called_back: bool,
    /// Has a note marked as the answer to whoever raised it.
    pub answered: bool,
}

/// Solved = 已办结 or 即办完成. Merged and rejected topics are not in the denominator (a
/// duplicate is counted in the topic it joined; a rejected request was not the committee's to
/// solve); escalated ones are (the community has not solved them).
pub(super) fn is_solved(status: TopicStatus) -> bool {
    matches!(status, TopicStatus::Closed | TopicStatus::DoneOnSpot)
}

pub(super) fn counts_in_denominator(status: TopicStatus) -> bool {
    !matches!(status, TopicStatus::Merged | TopicStatus::Rejected)
}

pub(super) fn solved_rate(topics: &[TopicRow]) -> Rate {
    let base = topics.iter().filter(|t| counts_in_denominator(t.status)).count() as u64;
    let solved = topics.iter().filter(|t| is_solved(t.status)).count() as u64;
    Rate::new(solved, base)
}

/// 回访率: of the topics done on the spot — still 即办完成, or reopened by an unsatisfied 回访
/// (which is itself a 回访) — those called back at least once.
pub(super) fn callback_rate(topics: &[TopicRow]) -> Rate {
    let done = topics.iter().filter(|t| t.status == TopicStatus::DoneOnSpot || t.called_back);
    let (all, called) = done.fold((0u64, 0u64), |(a, c), t| (a + 1, c + u64::from(t.called_back)));
    Rate::new(called, all)
}

/// 件件有回音: topics owing their raiser an answer that have none.
pub(super) fn unanswered(topics: &[TopicRow]) -> u64 {
    topics.iter().filter(|t| crate::casework::answer_due(t.status) && !t.answered).count() as u64
}

/// Every channel, in the intake form's order, zeros included (a chart keeps its bars).
pub(super) fn by_channel(topics: &[TopicRow]) -> Vec<CountRow> {
    Channel::ALL
        .iter()
        .map(|c| CountRow::new(c.as_str(), c.label(), topics.iter().filter(|t| t.channel == *c).count()))
        .collect()
}

pub(super) fn by_handling(topics: &[TopicRow]) -> Vec<CountRow> {
    HandlingClass::ALL
        .iter()
        .map(|h| CountRow::new(h.as_str(), h.label(), topics.iter().filter(|t| t.handling == *h).count()))
        .collect()
}

/// Classes that occur (keyed by the class's category id), most first, then by name;
/// uncategorised topics last as 未分类 (empty key).
pub(super) fn by_category_class(topics: &[TopicRow]) -> Vec<CountRow> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut none = 0;
    for t in topics {
        match &t.category_class {
            Some((id, name)) => *counts.entry((id.as_str(), name.as_str())).or_default() += 1,
            None => none += 1,
        }
    }
    let mut rows: Vec<CountRow> = counts.into_iter().map(|((id, name), n)| CountRow::new(id, name, n)).collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    if none > 0 {
        rows.push(CountRow::new("", "未分类", none));
    }
    rows
}

pub(super) fn average_days_to_close(topics: &[TopicRow]) -> AverageDays {
    let days: Vec<u64> = topics
        .iter()
        .filter(|t| is_solved(t.status))
        .filter_map(|t| t.status_since.map(|d| (d - t.raised_on).num_days().max(0) as u64))
        .collect();
    let n = days.len() as u64;
    let total: u64 = days.iter().sum();
    let tenths = (n > 0).then(|| (total * 20 + n) / (2 * n));
    let display = tenths.map_or_else(|| "—".to_string(), |t| format!("{}.{}天", t / 10, t % 10));
    AverageDays { topics: n, total_days: total, tenths, display }
}

/// One task as 按期办结率 sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TaskRow {
    pub deadline: Option<NaiveDate>,
    /// The local day it was marked 已完成; None while it is not done.
    pub done_on: Option<NaiveDate>,
}

/// 按期办结率 (see the module doc): done by the deadline / due in `period` as of `today`.
pub(super) fn on_time_rate(tasks: &[TaskRow], period: super::Period, today: NaiveDate) -> Rate {
    let due = |t: &&TaskRow| t.deadline.is_some_and(|d| period.contains(d) && (t.done_on.is_some() || d < today));
    let due: Vec<&TaskRow> = tasks.iter().filter(due).collect();
    let on_time =
        due.iter().filter(|t| t.done_on.zip(t.deadline).is_some_and(|(done, deadline)| done <= deadline)).count();
    Rate::new(on_time as u64, due.len() as u64)
}

/// `attendances`: for each attendance, the stored roles of the person (None for a walk-in).
pub(super) fn participation(attendances: &[Option<Vec<String>>]) -> Participation {
    let party = attendances
        .iter()
        .filter(|r| r.as_ref().is_some_and(|roles| roles.iter().any(|x| x == Role::PartyMember.as_str())))
        .count() as u64;
    let total = attendances.len() as u64;
    Participation { party_members: party, residents: total - party, total }
}

/// The top-level class (id, name) of each category: walks up `parent` until a root.
pub(super) fn category_classes(categories: &[(String, Option<String>, String)]) -> HashMap<String, (String, String)> {
    let by_id: HashMap<&str, (Option<&str>, &str)> =
        categories.iter().map(|(id, parent, name)| (id.as_str(), (parent.as_deref(), name.as_str()))).collect();
    let mut out = HashMap::new();
    for (id, _, _) in categories {
        let mut current = id.as_str();
        // A cycle in damaged data must not hang the statistics: stop after as many steps as rows.
        for _ in 0..=categories.len() {
            match by_id.get(current) {
                Some((Some(parent), _)) if by_id.contains_key(parent) => current = parent,
                _ => break,
            }
        }
        if let Some((_, name)) = by_id.get(current) {
            out.insert(id.clone(), (current.to_string(), name.to_string()));
        }
    }
    out
}

/// The ids of a place and every place below it.
pub(super) fn subtree(places: &[(String, Option<String>)], root: &str) -> Vec<String> {
    let mut found = vec![root.to_string()];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i].clone();
        for (id, p) in places {
            if p.as_deref() == Some(parent.as_str()) && !found.contains(id) {
                found.push(id.clone());
            }
        }
        i += 1;
    }
    found
}
