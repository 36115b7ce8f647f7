//! Command tests for people who move: a move, a refused move that changes nothing, leaving,
//! a household edited and ended.

use crate::common::TestApp;
use serde_json::json;

#[test]
fn a_person_moves_leaves_and_a_household_is_edited_and_ended_through_the_commands() {
    let app = TestApp::new();
    let a = app.invoke("add_household", json!({ "household": { "label": "3号楼101" } })).unwrap();
    let b = app.invoke("add_household", json!({ "household": { "label": "5号楼302" } })).unwrap();
    let person = json!({ "name": "潘建国", "household_id": a["id"] });
    let pan = app.invoke("add_person", json!({ "person": person })).unwrap();
    let id = pan["id"].as_str().unwrap();

    let movement = json!({ "to_household_id": b["id"], "day": "2026-11-10", "recorded_by": "王秀兰" });
    let moved = app.invoke("move_person", json!({ "id": id, "movement": movement })).unwrap();
    assert_eq!(moved["household_label"], json!("5号楼302"));
    let earlier = json!({ "to_household_id": a["id"], "day": "2026-11-01" });
    let err = app.invoke("move_person", json!({ "id": id, "movement": earlier })).unwrap_err();
    assert_eq!(err["code"], json!("community_move_before_last_move"));
    assert!(err["message"].as_str().unwrap().contains("2026年11月10日"), "{err}");
    let empty_day = json!({ "to_household_id": a["id"], "day": " " });
    let err = app.invoke("move_person", json!({ "id": id, "movement": empty_day })).unwrap_err();
    assert_eq!(err["field"], json!("迁入日期"));

    let edited = json!({ "label": "3号楼1单元101", "head_person_id": null });
    let h = app.invoke("update_household", json!({ "id": a["id"], "household": edited })).unwrap();
    assert_eq!(h["label"], json!("3号楼1单元101"));
    let ended = app.invoke("end_household", json!({ "id": a["id"], "day": "2026-11-10" })).unwrap();
    assert_eq!(ended["retired"], json!(true));

    let vocab = app.invoke("people_vocab", json!({})).unwrap();
    assert_eq!(vocab["leave_reasons"][1], json!({ "value": "died", "label": "去世" }));
    let leaving = json!({ "day": "2026-11-20", "reason": "moved_away", "note": "迁往成都", "recorded_by": "王秀兰" });
    let left = app.invoke("person_leaves", json!({ "id": id, "leaving": leaving })).unwrap();
    assert_eq!(left["retired"], json!(true));
    let history = app.invoke("person_moves", json!({ "id": id })).unwrap();
    let summaries: Vec<&str> = history.as_array().unwrap().iter().map(|m| m["summary"].as_str().unwrap()).collect();
    assert_eq!(summaries, ["迁入 5号楼302", "迁出本社区（迁出）"]);
}
