//! Keeping a topic in step with its tasks (see the module doc for the three moves).

use rusqlite::Transaction;

use super::{repo, FollowUpError};
use crate::decisions::TaskStatus;
use crate::topics::TopicMove;
use crate::topics::{self, TopicStatus};

/// Moves the topic after one of its tasks changed to `to`; returns the moves made, in order.
/// A topic not (yet) in 已议定 / 办理中 / 待评价 — still on a meeting's agenda, or finished — is
/// left alone: the next change of one of its tasks catches up.
pub(super) fn sync_topic(
    tx: &Transaction,
    topic_id: &str,
    task_title: &str,
    to: TaskStatus,
    why: &str,
    actor: &str,
) -> Result<Vec<TopicMove>, FollowUpError> {
    let statuses = repo::statuses_of_topic(tx, topic_id)?;
    let started = statuses.iter().any(|s| *s != TaskStatus::NotStarted);
    let all_done = !statuses.is_empty() && statuses.iter().all(|s| *s == TaskStatus::Done);
    let mut status = topics::get(tx, topic_id)?.status;
    let mut moves = Vec::new();
    let step = |to: TopicStatus, note: &str, moves: &mut Vec<TopicMove>| -> Result<TopicStatus, FollowUpError> {
        let t = topics::move_to(tx, topic_id, to, actor, note)?;
        moves.push(TopicMove { topic_id: t.id, title: t.title, to: t.status });
        Ok(t.status)
    };
    if status == TopicStatus::Decided && started {
        status = step(TopicStatus::InProgress, &format!("任务“{task_title}”开始办理"), &mut moves)?;
    }
    if status == TopicStatus::InProgress && all_done {
        let note = format!("全部{}项任务已完成", statuses.len());
        step(TopicStatus::AwaitingEvaluation, &note, &mut moves)?;
    } else if status == TopicStatus::AwaitingEvaluation && !all_done {
        let note = format!("任务“{task_title}”改为“{}”，重新办理。{why}", to.label());
        step(TopicStatus::InProgress, &note, &mut moves)?;
    }
    Ok(moves)
}
