use std::collections::BTreeSet;

use super::tests::{demo, id_of, opts, text};
use super::*;
use crate::error::UserFacing;
use crate::notices::{BallotQuestion, Notice};

const ITEM_2: &str = "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id \
                      WHERE m.title = '十一月居民议事会' AND a.position = 2";

/// Runs `test` on a fresh copy of the demo community.
fn on_demo(test: impl FnOnce(&rusqlite::Connection)) {
    let (_dir, store) = demo();
    test(store.conn());
}

fn strings(conn: &rusqlite::Connection, sql: &str) -> BTreeSet<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn household_ballots_of_a_building_list_exactly_its_households_and_no_names() {
    on_demo(|conn| {
        let item = id_of(conn, ITEM_2);
        let place = id_of(conn, "SELECT id FROM places WHERE name = '3号楼' AND deleted_at IS NULL");
        let b = ballots(conn, &format!("{item}@{place}"), &opts()).unwrap();
        let expected = strings(
            conn,
            &format!(
                "WITH RECURSIVE sub(id) AS (SELECT '{place}' UNION SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id) \
                 SELECT label FROM households WHERE place_id IN (SELECT id FROM sub) AND deleted_at IS NULL AND retired_at IS NULL"
            ),
        );
        assert!(!expected.is_empty());
        assert_eq!(b.voters.len(), expected.len(), "one slip per household");
        assert_eq!(b.voters.iter().cloned().collect::<BTreeSet<_>>(), expected);
        let title: String =
            conn.query_row("SELECT title FROM agenda_items WHERE id = ?1", [&item], |r| r.get(0)).unwrap();
        let doc = b.document().unwrap();
        let printed = text(&doc);
        assert!(printed.contains(&title) && printed.contains("十一月居民议事会"), "{printed}");
        assert!(printed.contains("□ 同意") && printed.contains("多选或不选视为无效"), "{printed}");
        for name in strings(conn, "SELECT name FROM people") {
            assert!(!printed.contains(&name), "{name} is printed on a ballot");
        }
        // Every household on the roster (retired ones are not) without a place given; blank slips
        // when asked.
        let all = ballots(conn, &item, &opts()).unwrap();
        assert!(all.voters.len() > b.voters.len());
        let blank = ballots(conn, &format!("{item}*30"), &opts()).unwrap();
        assert_eq!(blank.voters, vec![String::new(); 30]);
        assert!(!text(&blank.document().unwrap()).contains("户号"));
        assert!(blank.render().unwrap().starts_with(b"%PDF"));
    });
}

#[test]
fn the_tally_sheet_has_a_row_per_choice_and_the_signature_lines() {
    on_demo(|conn| {
        let item = id_of(conn, ITEM_2);
        let sheet = load(conn, NoticeKind::Tally, &item, &opts()).unwrap();
        let doc = sheet.document().unwrap();
        let printed = text(&doc);
        for word in
            ["计票单", "同意", "反对", "弃权", "无效票", "唱票人（签字）", "计票人（签字）", "监票人（签字）", "日期"]
        {
            assert!(printed.contains(word), "{word} missing: {printed}");
        }
        assert!(sheet.render().unwrap().starts_with(b"%PDF"));
        assert!(!NoticeKind::Tally.is_public() && !NoticeKind::Ballots.is_public());
        assert_eq!(kind_named("ballots").unwrap(), NoticeKind::Ballots);
    });
}

#[test]
fn an_election_ballot_lists_its_candidates_and_seats() {
    on_demo(|conn| {
        let item = id_of(conn, "SELECT agenda_item_id FROM elections LIMIT 1");
        let b = ballots(conn, &item, &opts()).unwrap();
        assert!(matches!(&b.question, BallotQuestion::Election { candidates, seats: 1, .. }
            if candidates == &["田桂兰".to_string(), "范老汉".to_string()]));
        assert_eq!(b.voters.len(), BLANK_BALLOTS as usize, "a 推选 by hands gets blank slips");
        let printed = text(&b.document().unwrap());
        assert!(printed.contains("田桂兰") && printed.contains("范老汉") && printed.contains("应选1名"), "{printed}");
        let sheet = text(&tally(conn, &item, &opts()).unwrap().document().unwrap());
        assert!(sheet.contains("田桂兰") && sheet.contains("范老汉") && sheet.contains("唱票人"), "{sheet}");
    });
}

#[test]
fn a_bad_id_is_refused_in_chinese() {
    on_demo(|conn| {
        for kind in [NoticeKind::Ballots, NoticeKind::Tally] {
            let err = load(conn, kind, "no-such-item", &opts()).err().unwrap();
            assert_eq!(err.code(), "notice_source_not_found");
            assert!(err.message().contains("找不到编号为 no-such-item 的议程"), "{}", err.message());
        }
        let item = id_of(conn, ITEM_2);
        let err = ballots(conn, &format!("{item}*abc"), &opts()).unwrap_err();
        assert!(err.message().contains("表决票张数“abc”无效"), "{}", err.message());
        let err = ballots(conn, &format!("{item}@no-such-place"), &opts()).unwrap_err();
        assert!(!err.message().is_empty() && err.message().chars().any(|c| c > '\u{4e00}'));
    });
}
