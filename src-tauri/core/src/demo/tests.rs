use super::*;
use crate::testing::temp_store;

#[test]
fn the_demo_fills_an_empty_database_and_refuses_a_second_time() {
    let (_d, mut store) = temp_store();
    let summary = load(&mut store).expect("demo");
    assert!(summary.people >= 35, "{summary:?}");
    assert!(summary.households >= 20, "{summary:?}");
    assert!(summary.topics >= 28, "{summary:?}");
    let err = load(&mut store).unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty { .. }), "{err}");
}

#[test]
fn demo_topics_use_every_channel_and_reach_the_side_exits() {
    let (_d, mut store) = temp_store();
    load(&mut store).unwrap();
    let all = crate::topics::list(store.conn(), &Default::default()).unwrap();
    for ch in crate::topics::Channel::ALL {
        assert!(all.iter().any(|t| t.channel == *ch), "no topic via {}", ch.label());
    }
    use crate::topics::TopicStatus::*;
    for s in [Collected, Accepted, DoneOnSpot, Escalated, Rejected, Merged] {
        assert!(all.iter().any(|t| t.status == s), "no topic {}", s.label());
    }
}

#[test]
fn demo_times_are_local_evenings_stored_as_utc() {
    assert_eq!(at(11, 21, 20, 15), "2026-11-21T12:15:00.000Z");
}

#[test]
fn the_demo_year_has_meetings_votes_decisions_and_points() {
    let (_d, mut store) = temp_store();
    let summary = load(&mut store).unwrap();
    assert_eq!(summary.meetings, 8);
    let counts: std::collections::HashMap<String, i64> = store.table_counts().unwrap().into_iter().collect();
    for table in ["meetings", "agenda_items", "meeting_participants", "minutes", "minutes_revisions", "speakers",
        "votes", "vote_households", "decisions", "tasks", "points_entries", "app_settings", "topic_events",
        "task_notes", "evaluations", "conventions", "convention_versions", "convention_feedback", "notices",
        "attachments", "places", "households", "categories", "community_settings", "notice_drafts",
        "notice_templates", "search_docs"] {
        assert!(counts[table] > 0, "demo left {table} empty");
    }
    use crate::votes::VoteResult;
    let results: Vec<String> = store.conn().prepare("SELECT result FROM votes").unwrap()
        .query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    for r in [VoteResult::Passed, VoteResult::NoQuorum] {
        assert!(results.iter().any(|x| x == r.as_str()), "no vote {}", r.label());
    }
    let planned: i64 = store.conn().query_row("SELECT count(*) FROM meetings WHERE status = 'planned'", [], |r| r.get(0)).unwrap();
    assert_eq!(planned, 1, "the next meeting is still being prepared");
    let shop: i64 = store.conn().query_row("SELECT count(*) FROM points_entries WHERE points < 0", [], |r| r.get(0)).unwrap();
    assert!(shop > 0, "someone exchanged points at the points shop");
}

#[test]
fn after_the_demo_no_table_is_empty() {
    let (_d, mut store) = temp_store();
    load(&mut store).unwrap();
    let empty: Vec<String> =
        store.table_counts().unwrap().into_iter().filter(|(_, n)| *n == 0).map(|(t, _)| t).collect();
    assert!(empty.is_empty(), "yishi-cli demo && info must show non-zero counts for every table: {empty:?}");
}
