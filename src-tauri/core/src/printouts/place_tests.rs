//! A meeting with no place recorded: the public notices say so in words instead of printing
//! “19:30，在召开”, while a notice issued before that change keeps its words on reprint.

use super::tests::{demo, id_of, opts, text};
use super::*;
use crate::notices::{DecisionNotice, MeetingNotice, Notice, Wording};

const MEETING: &str = "SELECT id FROM meetings WHERE title = '小区停车秩序整治协商会'";
const ITEM: &str = "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'";

/// Every meeting without a place, and no 常用议事地点 in 设置 for the loaders to fall back on.
pub(super) fn without_places(conn: &rusqlite::Connection) {
    conn.execute("UPDATE meetings SET place = ''", []).unwrap();
    conn.execute("UPDATE community_settings SET default_place = ''", []).unwrap();
}

#[test]
fn a_meeting_notice_without_a_place_says_the_place_will_follow() {
    let (_d, store) = demo();
    without_places(store.conn());
    let n = meeting_notice(store.conn(), &id_of(store.conn(), MEETING), &opts()).unwrap();
    let printed = text(&n.document().unwrap());
    assert!(printed.contains("召开小区停车秩序整治协商会（地点另行通知），现将有关事项通知如下"), "{printed}");
    assert!(!printed.contains("在召开"), "{printed}");
}

#[test]
fn decision_and_election_notices_without_a_place_leave_out_zai() {
    let (_d, store) = demo();
    let conn = store.conn();
    without_places(conn);
    let decision = text(&decision(conn, &id_of(conn, ITEM), &opts()).unwrap().document().unwrap());
    assert!(decision.contains("，召开小区停车秩序整治协商会，就“"), "{decision}");
    let e = election(conn, &id_of(conn, "SELECT id FROM elections LIMIT 1"), &opts()).unwrap();
    let elected = text(&e.document().unwrap());
    assert!(elected.contains("，召开") && !elected.contains("在召开"), "{elected}");
    assert!(!decision.contains("在召开"), "{decision}");
}

#[test]
fn a_place_is_still_printed_where_there_is_one() {
    let (_d, store) = demo();
    let conn = store.conn();
    let printed = text(&decision(conn, &id_of(conn, ITEM), &opts()).unwrap().document().unwrap());
    let place: String =
        conn.query_row(&format!("SELECT place FROM meetings WHERE id = ({MEETING})"), [], |r| r.get(0)).unwrap();
    assert!(!place.is_empty() && printed.contains(&format!("在{place}召开")), "{printed}");
}

/// The specs of notices issued before the wording changed have no `wording` field: they keep the
/// first words, so their reprint still matches the sha256 stored when they were issued.
#[test]
fn a_spec_stored_before_the_change_reprints_its_old_words() {
    let (_d, store) = demo();
    let conn = store.conn();
    without_places(conn);
    let notice = meeting_notice(conn, &id_of(conn, MEETING), &opts()).unwrap();
    let mut spec = serde_json::to_value(&notice).unwrap();
    assert_eq!(spec["wording"], 1, "a notice made now records its wording");
    spec.as_object_mut().unwrap().remove("wording");
    let old: MeetingNotice = serde_json::from_value(spec).unwrap();
    assert_eq!(old.wording, Wording::FIRST);
    assert!(text(&old.document().unwrap()).contains("在召开"), "the old words, byte for byte");

    let d = decision(conn, &id_of(conn, ITEM), &opts()).unwrap();
    let mut spec = serde_json::to_value(&d).unwrap();
    spec.as_object_mut().unwrap().remove("wording");
    let old: DecisionNotice = serde_json::from_value(spec).unwrap();
    assert!(text(&old.document().unwrap()).contains("，在召开"));
}
