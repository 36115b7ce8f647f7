//! Where a record lives in the app: turns a search hit (kind + id) into the section and record
//! the UI opens. It reads the domain tables (a minutes hit is an agenda item, shown inside its
//! meeting), so that neither `search` nor the UI needs to know how records hang together.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::search::{self, DocKind, SearchError, SearchHit, SearchQuery};

/// A place in the app: `#<section>/<id>[/<item>]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// One of the UI's sections: topics, meetings, tasks, notices, points, archive, settings.
    pub section: &'static str,
    pub id: String,
    /// A part of the record to scroll to (the agenda item inside a meeting), if any.
    pub item: Option<String>,
}

/// The location of a searchable record; `None` if it no longer exists.
pub fn locate(conn: &Connection, kind: DocKind, record_id: &str) -> rusqlite::Result<Option<Location>> {
    let at = |section: &'static str, sql: &str| -> rusqlite::Result<Option<Location>> {
        conn.query_row(sql, [record_id], |r| Ok(Location { section, id: r.get(0)?, item: r.get(1)? })).optional()
    };
    match kind {
        DocKind::Topic => at("topics", "SELECT id, NULL FROM topics WHERE id = ?1"),
        DocKind::Minutes => at("meetings", "SELECT meeting_id, id FROM agenda_items WHERE id = ?1"),
        DocKind::Decision => at(
            "meetings",
            "SELECT a.meeting_id, a.id FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE d.id = ?1",
        ),
        DocKind::TaskNote => at("tasks", "SELECT task_id, id FROM task_notes WHERE id = ?1"),
        DocKind::Evaluation => {
            at("topics", "SELECT topic_id, NULL FROM evaluations WHERE id = ?1 AND topic_id IS NOT NULL")
        }
        DocKind::Notice => at("notices", "SELECT id, NULL FROM notices WHERE id = ?1"),
        DocKind::Convention => at("points", "SELECT id, NULL FROM conventions WHERE id = ?1"),
        DocKind::TopicNote => at("topics", "SELECT topic_id, NULL FROM topic_notes WHERE id = ?1"),
        DocKind::FundSpend => at("tasks", "SELECT task_id, NULL FROM fund_spends WHERE id = ?1"),
        DocKind::Plan => at("topics", "SELECT id, NULL FROM topics WHERE id = ?1"),
        DocKind::PlanComment => at("topics", "SELECT topic_id, NULL FROM plan_comments WHERE id = ?1"),
    }
}

/// A search hit with its Chinese kind label and where to open it.
#[derive(Debug, Clone, Serialize)]
pub struct FoundHit {
    #[serde(flatten)]
    pub hit: SearchHit,
    pub kind_label: &'static str,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// Hits of every kind together; each kind counted up to `search::COUNT_CAP`.
    pub total: usize,
    /// Some kind has more hits than it counted: the total is “more than”.
    pub more: bool,
    pub hits: Vec<FoundHit>,
}

/// The order the search box lists kinds in: the topic itself before what was said and done about it.
pub const KIND_ORDER: [DocKind; 11] = [
    DocKind::Topic,
    DocKind::Decision,
    DocKind::Minutes,
    DocKind::Notice,
    DocKind::Convention,
    DocKind::Evaluation,
    DocKind::TaskNote,
    DocKind::TopicNote,
    DocKind::FundSpend,
    DocKind::Plan,
    DocKind::PlanComment,
];

/// How many hits of each kind the search box shows when no kind is chosen.
pub const PER_KIND: usize = 4;

/// The search box: hits of `q`, each with where it lives (hits whose record is gone are dropped).
/// Without a kind filter the hits are grouped by [`KIND_ORDER`], at most [`PER_KIND`] of each, so
/// that a few task notes mentioning 车库 cannot push the garage topic itself out of the list;
/// `total` still counts every hit.
pub fn find(conn: &Connection, q: &SearchQuery) -> Result<Found, SearchError> {
    let groups: Vec<(Vec<DocKind>, usize)> = if q.kinds.is_empty() {
        KIND_ORDER.iter().map(|k| (vec![*k], PER_KIND.min(q.limit))).collect()
    } else {
        vec![(q.kinds.clone(), q.limit)]
    };
    let mut found = Found { total: 0, more: false, hits: Vec::new() };
    for (kinds, limit) in groups {
        let results = search::search(conn, &SearchQuery { kinds, limit, ..q.clone() })?;
        found.total += results.total;
        found.more |= results.more;
        for hit in results.hits {
            if found.hits.len() == q.limit {
                break;
            }
            if let Some(location) = locate(conn, hit.kind, &hit.record_id)? {
                found.hits.push(FoundHit { kind_label: hit.kind.label(), hit, location });
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::temp_store;

    #[test]
    fn a_minutes_hit_opens_its_meeting_at_the_item_and_a_topic_opens_itself() {
        let (_d, mut store) = temp_store();
        crate::demo::load(&mut store).unwrap();
        let hits = crate::search::search(store.conn(), &crate::search::SearchQuery::new("车库")).unwrap().hits;
        let minutes = hits.iter().find(|h| h.kind == DocKind::Minutes).expect("a minutes hit");
        let loc = locate(store.conn(), DocKind::Minutes, &minutes.record_id).unwrap().unwrap();
        assert_eq!(loc.section, "meetings");
        assert_eq!(loc.item.as_deref(), Some(minutes.record_id.as_str()));
        let meeting: String = store
            .conn()
            .query_row("SELECT meeting_id FROM agenda_items WHERE id = ?1", [&minutes.record_id], |r| r.get(0))
            .unwrap();
        assert_eq!(loc.id, meeting);
        let topic = hits.iter().find(|h| h.kind == DocKind::Topic).expect("a topic hit");
        let loc = locate(store.conn(), DocKind::Topic, &topic.record_id).unwrap().unwrap();
        assert_eq!((loc.section, loc.id.as_str(), loc.item), ("topics", topic.record_id.as_str(), None));
        assert_eq!(locate(store.conn(), DocKind::Topic, "gone").unwrap(), None);
    }

    #[test]
    fn find_labels_every_hit_and_says_where_it_lives() {
        let (_d, mut store) = temp_store();
        crate::demo::load(&mut store).unwrap();
        let found = find(store.conn(), &SearchQuery::new("车库")).unwrap();
        assert!(found.hits.len() >= 3, "topic, minutes and decision mention the garage");
        assert_eq!(found.hits[0].hit.kind, DocKind::Topic, "the topic itself comes first");
        assert_eq!(found.hits[0].hit.title, "地下车库地面破损、照明不足");
        let per_kind = |k: DocKind| found.hits.iter().filter(|h| h.hit.kind == k).count();
        assert!(KIND_ORDER.iter().all(|k| per_kind(*k) <= PER_KIND), "no kind crowds out the others");
        assert!(found.total >= found.hits.len());
        assert!(found.hits.iter().all(|h| !h.kind_label.is_empty() && !h.location.id.is_empty()));
        let json = serde_json::to_value(&found.hits[0]).unwrap();
        assert!(json["snippet"].is_string() && json["location"]["section"].is_string(), "{json}");
    }
}
