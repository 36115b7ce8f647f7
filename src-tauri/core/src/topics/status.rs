//! The topic life cycle (the spine of the app) and which moves are legal.
//!
//! ```text
//! collected ─▶ accepted ─▶ on_agenda ─▶ decided ─▶ in_progress ─▶ awaiting_evaluation ─▶ closed
//!   ├─▶ done_on_spot   (即办, what was done)
//!   ├─▶ escalated      (上报, to whom)         also from accepted
//!   ├─▶ merged         (into another topic)    also from accepted
//!   └─▶ rejected       (reason required)       also from accepted
//! ```
//! Also: on_agenda → accepted (postponed), decided → closed (decided not to act, reason required),
//! awaiting_evaluation → in_progress (a poor evaluation reopens the work), in_progress → closed
//! (closing without evaluation, reason required).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicStatus {
    Collected,
    Accepted,
    OnAgenda,
    Decided,
    InProgress,
    AwaitingEvaluation,
    Closed,
    DoneOnSpot,
    Escalated,
    Merged,
    Rejected,
}

use TopicStatus::*;

impl TopicStatus {
    pub const ALL: [TopicStatus; 11] = [
        Collected,
        Accepted,
        OnAgenda,
        Decided,
        InProgress,
        AwaitingEvaluation,
        Closed,
        DoneOnSpot,
        Escalated,
        Merged,
        Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Collected => "collected",
            Accepted => "accepted",
            OnAgenda => "on_agenda",
            Decided => "decided",
            InProgress => "in_progress",
            AwaitingEvaluation => "awaiting_evaluation",
            Closed => "closed",
            DoneOnSpot => "done_on_spot",
            Escalated => "escalated",
            Merged => "merged",
            Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<TopicStatus> {
        TopicStatus::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The word the secretary knows the state by.
    pub fn label(self) -> &'static str {
        match self {
            Collected => "已收集",
            Accepted => "已审定",
            OnAgenda => "议事中",
            Decided => "已议定",
            InProgress => "办理中",
            AwaitingEvaluation => "待评价",
            Closed => "已办结",
            DoneOnSpot => "即办完成",
            Escalated => "已上报",
            Merged => "已合并",
            Rejected => "不予受理",
        }
    }

    /// The verb shown in a timeline line ("11月21日 20:15 王秀兰 受理").
    pub fn action_label(self) -> &'static str {
        match self {
            Collected => "登记",
            Accepted => "受理",
            OnAgenda => "列入议程",
            Decided => "议定",
            InProgress => "开始办理",
            AwaitingEvaluation => "办理完成，待评价",
            Closed => "办结",
            DoneOnSpot => "即办完成",
            Escalated => "上报",
            Merged => "合并",
            Rejected => "不予受理",
        }
    }

    /// Still waiting for something to happen (not closed, merged, rejected, escalated or done on the spot).
    pub fn is_open(self) -> bool {
        !matches!(self, Closed | DoneOnSpot | Escalated | Merged | Rejected)
    }

    /// Whether moving from `self` to `to` is a legal step of the life cycle.
    pub fn can_move_to(self, to: TopicStatus) -> bool {
        matches!(
            (self, to),
            (Collected, Accepted | DoneOnSpot | Escalated | Merged | Rejected)
                | (Accepted, OnAgenda | Escalated | Merged | Rejected)
                | (OnAgenda, Decided | Accepted)
                | (Decided, InProgress | Closed)
                | (InProgress, AwaitingEvaluation | Closed)
                | (AwaitingEvaluation, Closed | InProgress)
        )
    }

    /// The ways out of a final state that its follow-through opens (see `topics::follow_through`).
    pub fn can_follow_through_to(self, to: TopicStatus) -> bool {
        matches!((self, to), (DoneOnSpot, Accepted) | (Escalated, Accepted | Closed))
    }

    /// Moves that must say why (the note becomes public or goes to the timeline).
    pub fn needs_note(from: TopicStatus, to: TopicStatus) -> bool {
        match to {
            Rejected | Escalated | DoneOnSpot => true,
            Closed => from != AwaitingEvaluation,
            InProgress => from == AwaitingEvaluation,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_line_is_legal_step_by_step() {
        let line = [Collected, Accepted, OnAgenda, Decided, InProgress, AwaitingEvaluation, Closed];
        for pair in line.windows(2) {
            assert!(pair[0].can_move_to(pair[1]), "{:?} → {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn finished_states_go_nowhere() {
        for from in [Closed, DoneOnSpot, Escalated, Merged, Rejected] {
            for to in TopicStatus::ALL {
                assert!(!from.can_move_to(to), "{from:?} → {to:?} must be illegal");
            }
            assert!(!from.is_open());
        }
    }

    #[test]
    fn no_skipping_ahead() {
        assert!(!Collected.can_move_to(Decided));
        assert!(!Collected.can_move_to(OnAgenda));
        assert!(!Accepted.can_move_to(Closed));
        assert!(!OnAgenda.can_move_to(InProgress));
        assert!(!Decided.can_move_to(AwaitingEvaluation));
        assert!(!InProgress.can_move_to(Decided));
        for s in TopicStatus::ALL {
            assert!(!s.can_move_to(s), "{s:?} → itself");
        }
    }

    #[test]
    fn names_round_trip_and_labels_are_chinese() {
        for s in TopicStatus::ALL {
            assert_eq!(TopicStatus::parse(s.as_str()), Some(s));
            assert!(s.label().chars().all(|c| !c.is_ascii()));
        }
    }
}
