//! What a notice in the 公示台账 was printed from: a typed reference, stored in two columns.
//!
//! `notices.ref_kind` holds the variant's name and `notices.ref_id` its id; the tasks of a
//! 落实情况公示 printed from the task board are kept sorted and joined with commas there. That
//! encoding lives only in [`NoticeRef::columns`] and [`NoticeRef::from_columns`].

use serde::Serialize;

use crate::notices::NoticeKind;

/// The record (or records) a notice was printed from; a composed free notice has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoticeRef {
    Meeting {
        id: String,
    },
    Topic {
        id: String,
    },
    /// An agenda item's decision (决议公示, 落实情况公示 of one decision).
    Decision {
        id: String,
    },
    /// The points table of a year (“2026”).
    Points {
        year: String,
    },
    Convention {
        id: String,
    },
    /// An election (选举结果公示).
    Election {
        id: String,
    },
    /// A 资金使用公示: the decision or task whose budget it shows, or a period (`2026`,
    /// `2026-05`, `2026-01-01..2026-06-30`), as the loader reads its id.
    Funds {
        id: String,
    },
    /// The tasks ticked on the task board, sorted (the same tasks always make the same reference).
    Tasks {
        ids: Vec<String>,
    },
}

impl NoticeRef {
    /// What a notice of `kind` filled from record `id` refers to; `None` for the free notice.
    pub fn of(kind: NoticeKind, id: &str) -> Option<NoticeRef> {
        let id = id.to_string();
        Some(match kind {
            NoticeKind::MeetingNotice | NoticeKind::SignIn | NoticeKind::Minutes => NoticeRef::Meeting { id },
            NoticeKind::Topic => NoticeRef::Topic { id },
            NoticeKind::Decision | NoticeKind::Progress => NoticeRef::Decision { id },
            NoticeKind::Points => NoticeRef::Points { year: id },
            NoticeKind::Convention => NoticeRef::Convention { id },
            NoticeKind::Election => NoticeRef::Election { id },
            NoticeKind::FundUse => NoticeRef::Funds { id },
            // Internal, never in the 公示台账; `id` is a unit filter, not a record.
            NoticeKind::Free
            | NoticeKind::Supervision
            | NoticeKind::MonthReview
            | NoticeKind::Ballots
            | NoticeKind::Tally => return None,
        })
    }

    /// The tasks of one 落实情况公示, in a stable order.
    pub fn tasks(ids: &[String]) -> NoticeRef {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.dedup();
        NoticeRef::Tasks { ids }
    }

    /// `(ref_kind, ref_id)` as stored.
    pub(super) fn columns(&self) -> (&'static str, String) {
        match self {
            NoticeRef::Meeting { id } => ("meeting", id.clone()),
            NoticeRef::Topic { id } => ("topic", id.clone()),
            NoticeRef::Decision { id } => ("decision", id.clone()),
            NoticeRef::Points { year } => ("points", year.clone()),
            NoticeRef::Convention { id } => ("convention", id.clone()),
            NoticeRef::Election { id } => ("election", id.clone()),
            NoticeRef::Funds { id } => ("funds", id.clone()),
            NoticeRef::Tasks { ids } => ("tasks", ids.join(",")),
        }
    }

    /// Reads the two columns back; a kind this build does not know (a hand-edited row) reads as
    /// no reference rather than failing the whole 公示台账.
    pub(super) fn from_columns(kind: Option<&str>, id: Option<&str>) -> Option<NoticeRef> {
        let id = id?.to_string();
        Some(match kind? {
            "meeting" => NoticeRef::Meeting { id },
            "topic" => NoticeRef::Topic { id },
            "decision" => NoticeRef::Decision { id },
            "points" => NoticeRef::Points { year: id },
            "convention" => NoticeRef::Convention { id },
            "election" => NoticeRef::Election { id },
            "funds" => NoticeRef::Funds { id },
            "tasks" => NoticeRef::Tasks { ids: id.split(',').map(str::to_string).collect() },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::NoticeRef;
    use crate::notices::NoticeKind;

    #[test]
    fn every_reference_reads_back_as_stored() {
        let refs = [
            NoticeRef::of(NoticeKind::SignIn, "m-1").unwrap(),
            NoticeRef::of(NoticeKind::Topic, "t-1").unwrap(),
            NoticeRef::of(NoticeKind::Progress, "d-1").unwrap(),
            NoticeRef::of(NoticeKind::Points, "2026").unwrap(),
            NoticeRef::of(NoticeKind::Convention, "c-1").unwrap(),
            NoticeRef::of(NoticeKind::FundUse, "2026-01-01..2026-06-30").unwrap(),
            NoticeRef::tasks(&["k-2".into(), "k-1".into(), "k-2".into()]),
        ];
        for r in refs {
            let (kind, id) = r.columns();
            assert_eq!(NoticeRef::from_columns(Some(kind), Some(&id)), Some(r.clone()), "{kind} {id}");
        }
        assert_eq!(NoticeRef::tasks(&["b".into(), "a".into()]), NoticeRef::Tasks { ids: vec!["a".into(), "b".into()] });
        assert_eq!(NoticeRef::of(NoticeKind::Free, "x"), None);
        assert_eq!(NoticeRef::from_columns(Some("agenda_item"), Some("x")), None);
    }

    #[test]
    fn the_ui_reads_the_kind_and_the_ids() {
        let json = serde_json::to_value(NoticeRef::tasks(&["k-1".into()])).unwrap();
        assert_eq!(json, serde_json::json!({ "kind": "tasks", "ids": ["k-1"] }));
        let json = serde_json::to_value(NoticeRef::Topic { id: "t-1".into() }).unwrap();
        assert_eq!(json, serde_json::json!({ "kind": "topic", "id": "t-1" }));
    }
}
