//! Command tests for 方案 (issue 22): write, revise, comment, answer; refusals name their field.

use crate::common::TestApp;
use serde_json::json;

fn topic(app: &TestApp) -> String {
    let topic = json!({
        "title": "2号楼加装电梯", "channel": "questionnaire", "handling_class": "community", "scale": "major",
    });
    let t = app.invoke("create_topic", json!({ "topic": topic, "actor": "张敏" })).expect("create_topic");
    t["id"].as_str().unwrap().to_string()
}

#[test]
fn a_plan_is_written_revised_commented_and_answered() {
    let app = TestApp::new();
    let id = topic(&app);
    assert_eq!(app.invoke("topic_plan", json!({ "topic_id": id })).unwrap(), json!(null));
    let plan = json!({ "proposal": "北侧加装电梯一部", "cost": "68万", "drafted_by": "议事攻坚小组" });
    app.invoke("save_plan", json!({ "topic_id": id, "plan": plan, "actor": "张敏" })).unwrap();
    let plan = json!({ "proposal": "北侧加装电梯一部，一楼不分摊", "cost": "58万", "drafted_by": "议事攻坚小组",
        "note": "采纳一楼意见" });
    let p = app.invoke("save_plan", json!({ "topic_id": id, "plan": plan, "actor": "张敏" })).unwrap();
    assert_eq!((p["current"]["version_no"].clone(), p["current"]["cost"].clone()), (json!(2), json!(58_000_000)));
    assert_eq!(p["versions"][0]["proposal"], json!("北侧加装电梯一部"));
    let opinion = json!({ "reviewer": "评审团", "aspect": "legality", "opinion": "须三分之二业主同意" });
    app.invoke("add_plan_opinion", json!({ "topic_id": id, "opinion": opinion, "actor": "张敏" })).unwrap();
    let comment = json!({ "from_name": "赵大爷", "text": "挡住采光" });
    let p = app.invoke("add_plan_comment", json!({ "topic_id": id, "comment": comment, "actor": "张敏" })).unwrap();
    let cid = p["comments"][0]["id"].clone();
    let answer = json!({ "text": "井道东移60厘米", "answered_by": "议事攻坚小组" });
    let p = app.invoke("answer_plan_comment", json!({ "comment_id": cid, "answer": answer, "actor": "张敏" })).unwrap();
    assert_eq!(p["comments"][0]["answer"]["text"], json!("井道东移60厘米"));
    let again = json!({ "text": "改为东移80厘米" });
    let e =
        app.invoke("answer_plan_comment", json!({ "comment_id": cid, "answer": again, "actor": "张敏" })).unwrap_err();
    assert_eq!(e["code"], json!("plan_comment_already_answered"));
    let aspects = app.invoke("plan_aspects", json!({})).unwrap();
    assert_eq!(aspects[0], json!({ "value": "legality", "label": "合法性" }));
}

#[test]
fn an_empty_proposal_and_a_comment_without_a_plan_are_refused() {
    let app = TestApp::new();
    let id = topic(&app);
    let plan = json!({ "proposal": "  ", "drafted_by": "议事攻坚小组" });
    let e = app.invoke("save_plan", json!({ "topic_id": id, "plan": plan, "actor": "张敏" })).unwrap_err();
    assert_eq!((e["field"].clone(), e["message"].clone()), (json!("方案内容"), json!("请填写方案内容。")));
    let comment = json!({ "text": "好" });
    let e = app.invoke("add_plan_comment", json!({ "topic_id": id, "comment": comment, "actor": "张敏" })).unwrap_err();
    assert_eq!(e["code"], json!("plan_missing"));
    assert_eq!(app.invoke("topic_plan", json!({ "topic_id": id })).unwrap(), json!(null));
}
