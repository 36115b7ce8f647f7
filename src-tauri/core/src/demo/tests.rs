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
