//! Command tests for between the meetings: a note on a topic, the 上报 chase and its reply.

use crate::common::TestApp;
use serde_json::{json, Value};

fn escalated(app: &TestApp) -> String {
    let topic = json!({
        "title": "小区门口道路坑洼", "channel": "hotline_12345", "handling_class": "escalate", "scale": "major",
        "raised_at": "2026-11-01 10:00",
    });
    let t = app.invoke("create_topic", json!({ "topic": topic, "actor": "王秀兰" })).expect("create_topic");
    let id = t["id"].as_str().unwrap().to_string();
    let moved = json!({ "id": id, "to": "escalated", "actor": "王秀兰", "note": "报街道城管科" });
    app.invoke("move_topic", moved).expect("move_topic");
    id
}

fn kinds(history: &Value) -> Vec<&str> {
    history.as_array().unwrap().iter().map(|l| l["kind"].as_str().unwrap()).collect()
}

#[test]
fn a_note_and_an_unanswered_escalation_show_on_the_history_and_the_chase_list() {
    let app = TestApp::new();
    std::env::set_var("YISHI_TODAY", "2026-11-16");
    let id = escalated(&app);
    let note = json!({ "method": "phone", "with_whom": "唐永强", "text": "告诉唐师傅已经上报街道" });
    let n = app.invoke("add_topic_note", json!({ "topic_id": id, "note": note, "actor": "王秀兰" })).unwrap();
    assert_eq!(n["method"], json!("phone"));
    let sent = json!({ "sent_to": "street", "sent_to_name": "街道城管科", "sent_on": "2026-11-02",
        "reference": "CG-1102", "follow_up_on": "2026-11-16" });
    let e = app.invoke("record_escalation", json!({ "topic_id": id, "escalation": sent, "actor": "王秀兰" })).unwrap();
    let chase = app.invoke("awaiting_replies", json!({})).unwrap();
    assert_eq!(chase[0]["topic_title"], json!("小区门口道路坑洼"));
    let reply = json!({ "replied_on": "2026-11-16", "reply": "市政已补好", "outcome": "close" });
    let r =
        app.invoke("record_escalation_reply", json!({ "escalation_id": e["id"], "reply": reply, "actor": "王秀兰" }));
    assert_eq!(r.unwrap()["topic_move"]["to"], json!("closed"));
    assert_eq!(app.invoke("awaiting_replies", json!({})).unwrap(), json!([]));
    // Closed by the reply; the resident has not been told yet (件件有回音).
    let owed = app.invoke("unanswered_topics", json!({})).unwrap();
    assert_eq!(owed[0]["topic_id"].as_str(), Some(id.as_str()));
    let history = app.invoke("topic_history", json!({ "id": id })).unwrap();
    let mut kinds = kinds(&history);
    kinds.sort_unstable();
    assert_eq!(kinds, ["escalation", "event", "event", "event", "note"]);
    let vocab = app.invoke("casework_vocab", json!({})).unwrap();
    assert_eq!(vocab["methods"][0], json!({ "value": "visit", "label": "走访" }));
}

#[test]
fn an_empty_note_is_refused_with_the_field_named() {
    let app = TestApp::new();
    let id = escalated(&app);
    let note = json!({ "method": "visit", "text": "  " });
    let err = app.invoke("add_topic_note", json!({ "topic_id": id, "note": note, "actor": "王秀兰" })).unwrap_err();
    assert_eq!(err["field"], json!("谈了什么"));
}
