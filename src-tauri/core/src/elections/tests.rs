use super::*;
use crate::error::UserFacing;
use crate::meetings::fixtures;
use crate::testing::{count, temp_store};

fn names(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

#[test]
fn most_votes_elects_the_first_and_a_tie_for_the_last_seat_is_stated() {
    let n = names(&["王秀兰", "李建国", "赵大爷"]);
    let t = tally(&n, &[15, 6, 2], 1, 23, ElectionRule::MostVotes).unwrap();
    assert_eq!((t.elected.clone(), t.tie.clone()), (vec![0], None));
    assert_eq!(t.explanation, "应选 1 名，到会 23 人；王秀兰 15 票，李建国 6 票，赵大爷 2 票。王秀兰当选。");
    // Two seats, 李建国 and 赵大爷 tie for the second: only the first is elected.
    let t = tally(&n, &[15, 6, 6], 2, 23, ElectionRule::MostVotes).unwrap();
    assert_eq!(t.elected, vec![0]);
    assert_eq!(t.tie, Some(Tie { candidates: vec![1, 2], seats: 1 }));
    assert!(
        t.explanation.ends_with("王秀兰当选。李建国、赵大爷得票相同（各 6 票），并列争 1 个名额，须另行投票决定。"),
        "{}",
        t.explanation
    );
    // A tie below the last seat changes nothing.
    let t = tally(&n, &[12, 5, 5], 1, 23, ElectionRule::MostVotes).unwrap();
    assert_eq!((t.elected, t.tie), (vec![0], None));
}

#[test]
fn a_majority_rule_elects_only_over_half_of_those_present() {
    let n = names(&["王秀兰", "李建国"]);
    // 12 of 24 is exactly half: not elected; 13 is.
    let t = tally(&n, &[12, 10], 1, 24, ElectionRule::MajorityPresent).unwrap();
    assert!(t.elected.is_empty() && t.tie.is_none());
    assert!(
        t.explanation.contains("得票须超过到会人数的一半（13 票）方能当选。尚有 1 个名额无人当选，须另行选举。"),
        "{}",
        t.explanation
    );
    let t = tally(&n, &[13, 10], 1, 24, ElectionRule::MajorityPresent).unwrap();
    assert_eq!(t.elected, vec![0]);
    // Under the most-votes rule 12 of 24 is enough.
    assert_eq!(tally(&n, &[12, 10], 1, 24, ElectionRule::MostVotes).unwrap().elected, vec![0]);
}

#[test]
fn impossible_counts_are_refused_in_words() {
    let n = names(&["王秀兰", "李建国"]);
    let cases = [
        (tally(&n, &[25, 0], 1, 24, ElectionRule::MostVotes), "election_votes_over_present"),
        (tally(&n, &[20, 20], 1, 24, ElectionRule::MostVotes), "election_ballots_over_present"),
        (tally(&n, &[1, 1], 0, 24, ElectionRule::MostVotes), "election_no_seats"),
        (tally(&n, &[0, 0], 1, 0, ElectionRule::MostVotes), "election_nobody_present"),
        (tally(&[], &[], 1, 24, ElectionRule::MostVotes), "election_no_candidates"),
    ];
    for (result, code) in cases {
        assert_eq!(result.unwrap_err().code(), code);
    }
}

fn courtyard_election(candidates: Vec<NewCandidate>) -> NewElection {
    NewElection {
        role: "院坝长".into(),
        seats: 1,
        method: VoteMethod::Hands,
        rule: ElectionRule::MajorityPresent,
        present: 21,
        candidates,
        term_from: "2026-11-21".into(),
        term_to: "2029年11月20日".into(),
    }
}

#[test]
fn the_elected_get_the_role_with_its_term_and_a_typed_candidate_is_kept_as_typed() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T19:30:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "推选院坝长")).unwrap();
    let wang = fixtures::person(&mut store, "王秀兰", "居民代表", false);
    let new = courtyard_election(vec![
        NewCandidate { person_id: Some(wang.clone()), name: String::new(), votes: 14 },
        NewCandidate { person_id: None, name: "赵大爷👴".into(), votes: 7 },
    ]);
    let e = store.write(|tx| record(tx, &item.id, &new)).unwrap();
    assert_eq!(e.role, "院坝长");
    assert_eq!(
        e.candidates.iter().map(|c| (c.name.as_str(), c.elected)).collect::<Vec<_>>(),
        [("王秀兰", true), ("赵大爷👴", false)]
    );
    let person = crate::community::get_person(store.conn(), &wang).unwrap();
    assert_eq!(person.roles, ["居民代表", "院坝长"], "the typed role is stored as typed");
    let terms = crate::community::role_terms(store.conn(), &wang).unwrap();
    assert_eq!(terms.len(), 1);
    assert_eq!(
        (terms[0].term_from.to_string(), terms[0].term_to.to_string()),
        ("2026-11-21".into(), "2029-11-20".into())
    );
    assert_eq!(terms[0].election_id.as_deref(), Some(e.id.as_str()));
    assert_eq!(list_for_item(store.conn(), &item.id).unwrap(), vec![e]);
}

#[test]
fn a_refused_election_changes_nothing() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T19:30:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "推选院坝长")).unwrap();
    let typed = |name: &str, votes| NewCandidate { person_id: None, name: name.into(), votes };
    let cases = [
        (NewElection { role: " ".into(), ..courtyard_election(vec![typed("王秀兰", 3)]) }, "field_empty"),
        (NewElection { role: "长".repeat(31), ..courtyard_election(vec![typed("王秀兰", 3)]) }, "field_too_long"),
        (courtyard_election(vec![typed("王秀兰", 3), typed("王秀兰", 2)]), "election_candidate_twice"),
        (courtyard_election(vec![typed("", 3)]), "field_empty"),
        (
            NewElection { term_to: "2026-01-01".into(), ..courtyard_election(vec![typed("王秀兰", 3)]) },
            "time_too_early",
        ),
    ];
    for (new, code) in cases {
        assert_eq!(store.write(|tx| record(tx, &item.id, &new)).unwrap_err().code(), code);
    }
    for table in ["elections", "election_candidates", "role_terms"] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
}

#[test]
fn the_election_result_notice_names_the_elected_their_term_and_a_tie() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T19:30:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "推选业委会委员")).unwrap();
    let typed = |name: &str, votes| NewCandidate { person_id: None, name: name.into(), votes };
    let new = NewElection {
        role: "业委会".into(),
        seats: 2,
        rule: ElectionRule::MostVotes,
        candidates: vec![typed("王秀兰", 15), typed("李建国", 6), typed("赵大爷", 6)],
        ..courtyard_election(vec![])
    };
    let e = store.write(|tx| record(tx, &item.id, &new)).unwrap();
    let opts = crate::printouts::LoadOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let n = crate::printouts::election(store.conn(), &e.id, &opts).unwrap();
    assert_eq!(n.role, "业委会");
    let printed = format!("{:?}", crate::notices::Notice::document(&n).unwrap().blocks);
    for expected in [
        "业委会选举结果公示",
        "得票相同，另行投票",
        "王秀兰当选为业委会，任期自2026年11月21日至2029年11月20日",
        "并列争1个名额",
    ] {
        assert!(printed.contains(expected), "{expected} missing: {printed}");
    }
    let kind = crate::notices::NoticeKind::Election;
    assert!(kind.is_public() && kind.from_record());
    assert!(crate::printouts::load(store.conn(), kind, &e.id, &opts).is_ok());
}

#[test]
fn the_roster_sees_the_terms_in_force_on_a_day_and_not_the_ended_ones() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T19:30:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "推选院坝长")).unwrap();
    let wang = fixtures::person(&mut store, "王秀兰", "居民代表", false);
    let new = courtyard_election(vec![NewCandidate { person_id: Some(wang.clone()), name: String::new(), votes: 14 }]);
    store.write(|tx| record(tx, &item.id, &new)).unwrap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let seen = |d: &str| crate::community::terms_in_force(store.conn(), day(d)).unwrap();
    let during = seen("2026-12-03");
    assert_eq!(during.len(), 1);
    assert_eq!((during[0].person_id.as_str(), during[0].role.as_str()), (wang.as_str(), "院坝长"));
    assert_eq!(seen("2029-11-20").len(), 1, "the last day of the term is still in force");
    assert!(seen("2029-11-21").is_empty(), "an ended term is not shown");
    assert!(seen("2026-11-20").is_empty(), "a term not yet begun is not shown");
}
