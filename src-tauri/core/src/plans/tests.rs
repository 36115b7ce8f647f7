use super::*;
use crate::error::UserFacing;
use crate::meetings::fixtures::accepted_topic;
use crate::search::{self as find, SearchQuery};
use crate::store::Store;
use crate::testing::{count, temp_store};

fn first() -> NewVersion {
    NewVersion {
        proposal: "2号楼东侧加装电梯一部，停靠每层；费用由业主按楼层分摊，申请政府补贴。".into(),
        cost: "68万".into(),
        drafted_by: "议事攻坚小组".into(),
        note: String::new(),
    }
}

fn plan_of(store: &Store, topic: &str) -> Plan {
    get(store.conn(), topic).unwrap().expect("a plan")
}

fn tables(store: &Store) -> [i64; 4] {
    ["plan_versions", "plan_opinions", "plan_comments", "plan_answers"].map(|t| count(store, t))
}

#[test]
fn a_revision_keeps_every_older_version_and_the_newest_is_current() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯意向征集");
    assert_eq!(get(store.conn(), &topic).unwrap(), None, "no plan yet");
    let p = store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    assert_eq!((p.current.version_no, p.current.cost, p.versions.len()), (1, Some(Fen(68_000_000)), 1));
    let mut second = first();
    second.proposal = "2号楼东侧加装电梯一部，平层入户；一楼住户不分摊。🛗".into();
    second.cost = String::new();
    second.note = "采纳一楼住户意见".into();
    let p = store.write(|tx| save(tx, &topic, &second, "王秀兰")).unwrap();
    assert_eq!(p.versions.len(), 2);
    assert_eq!((p.current.version_no, p.current.cost, p.current.actor.as_str()), (2, None, "王秀兰"));
    assert!(p.current.proposal.ends_with('🛗'), "emoji kept");
    assert_eq!(p.versions[0].proposal, first().proposal, "the first text is still there");
    assert_eq!((p.versions[0].actor.as_str(), p.current.note.as_str()), ("张敏", "采纳一楼住户意见"));
}

#[test]
fn an_empty_or_unchanged_plan_and_a_bad_cost_are_refused_and_change_nothing() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    let empty = NewVersion { proposal: " \n ".into(), ..first() };
    let e = store.write(|tx| save(tx, &topic, &empty, "张敏")).unwrap_err();
    assert_eq!((e.code(), e.field(), e.message().as_str()), ("field_empty", Some("方案内容"), "请填写方案内容。"));
    let bad_cost = NewVersion { cost: "六十八万".into(), ..first() };
    let e = store.write(|tx| save(tx, &topic, &bad_cost, "张敏")).unwrap_err();
    assert_eq!((e.code(), e.field()), ("money_unreadable", Some("预计费用")));
    let no_drafter = NewVersion { drafted_by: String::new(), ..first() };
    assert_eq!(store.write(|tx| save(tx, &topic, &no_drafter, "张敏")).unwrap_err().field(), Some("起草人"));
    assert_eq!(tables(&store), [0, 0, 0, 0]);
    store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    let same = NewVersion { note: "再存一次".into(), ..first() };
    let e = store.write(|tx| save(tx, &topic, &same, "张敏")).unwrap_err();
    assert_eq!(e.code(), "plan_unchanged");
    assert!(e.message().contains("第1稿"), "{}", e.message());
    assert_eq!(tables(&store), [1, 0, 0, 0]);
}

#[test]
fn a_long_paste_is_a_plan() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "停车方案");
    let long = NewVersion { proposal: "划设车位，错时停车。".repeat(5_000), ..first() };
    let p = store.write(|tx| save(tx, &topic, &long, "张敏")).unwrap();
    assert_eq!(p.current.proposal.chars().count(), 50_000);
}

#[test]
fn a_decided_topic_keeps_its_plan_as_it_was() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    store.write(|tx| crate::topics::move_to(tx, &topic, TopicStatus::Rejected, "李书记", "不符合加装条件")).unwrap();
    let e = store.write(|tx| save(tx, &topic, &NewVersion { cost: "70万".into(), ..first() }, "张敏")).unwrap_err();
    assert_eq!(e.code(), "plan_topic_settled");
    assert!(e.message().contains("已驳回") || e.message().contains("议定之前"), "{}", e.message());
    assert_eq!(tables(&store), [1, 0, 0, 0]);
}

#[test]
fn opinions_and_comments_need_a_plan() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    let c = NewComment { received_on: String::new(), from_name: "赵大爷".into(), text: "一楼不同意".into() };
    let e = store.write(|tx| add_comment(tx, &topic, &c, "张敏")).unwrap_err();
    assert_eq!(e.code(), "plan_missing");
    assert_eq!(e.message(), "议题“加装电梯”还没有方案，请先在议题页的“方案”里写下拟定方案，再记录意见。");
    let o = NewOpinion {
        reviewer: "评审团".into(),
        aspect: Aspect::Legality,
        opinion: "符合规定".into(),
        given_on: String::new(),
    };
    assert_eq!(store.write(|tx| add_opinion(tx, &topic, &o, "张敏")).unwrap_err().code(), "plan_missing");
    assert_eq!(tables(&store), [0, 0, 0, 0]);
}

#[test]
fn opinions_comments_and_answers_are_kept_with_the_version_they_were_about() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    let o = NewOpinion {
        reviewer: "社区评审团".into(),
        aspect: Aspect::Cost,
        opinion: "造价偏高，建议比选三家。".into(),
        given_on: String::new(),
    };
    store.write(|tx| add_opinion(tx, &topic, &o, "张敏")).unwrap();
    let c = NewComment {
        received_on: String::new(), from_name: String::new(), text: "一楼采光会受影响 😟".into()
    };
    let p = store.write(|tx| add_comment(tx, &topic, &c, "张敏")).unwrap();
    let comment = p.comments[0].clone();
    assert_eq!((comment.version_no, comment.answer.clone()), (1, None));
    assert_eq!(p.opinions[0].aspect.label(), "成本");

    let a = NewAnswer {
        text: "电梯井道采用玻璃幕墙。".into(), answered_by: "议事攻坚小组".into(), revise: false
    };
    let p = store.write(|tx| answer(tx, &comment.id, &a, "张敏")).unwrap();
    let answered = p.comments[0].answer.clone().unwrap();
    assert_eq!((answered.answered_by.as_str(), answered.actor.as_str()), ("议事攻坚小组", "张敏"));

    // A second answer by mistake is refused; as a revision it is kept beside the first.
    let again = NewAnswer { text: "改为钢结构井道。".into(), answered_by: String::new(), revise: false };
    let e = store.write(|tx| answer(tx, &comment.id, &again, "王秀兰")).unwrap_err();
    assert_eq!(e.code(), "plan_comment_already_answered");
    assert!(e.message().contains("议事攻坚小组已经答复过了"), "{}", e.message());
    let same = NewAnswer { revise: true, ..a.clone() };
    assert_eq!(store.write(|tx| answer(tx, &comment.id, &same, "王秀兰")).unwrap_err().code(), "plan_same_answer");
    assert_eq!(tables(&store), [1, 1, 1, 1]);
    let revised = NewAnswer { revise: true, ..again };
    let p = store.write(|tx| answer(tx, &comment.id, &revised, "王秀兰")).unwrap();
    let c = &p.comments[0];
    assert_eq!(
        c.answer.as_ref().map(|a| (a.text.as_str(), a.answered_by.as_str())),
        Some(("改为钢结构井道。", "王秀兰"))
    );
    assert_eq!(c.earlier_answers.len(), 1);
    assert_eq!(c.earlier_answers[0].text, "电梯井道采用玻璃幕墙。");

    // A revision after the comment: the comment stays about version 1.
    store.write(|tx| save(tx, &topic, &NewVersion { cost: "60万".into(), ..first() }, "张敏")).unwrap();
    let p = plan_of(&store, &topic);
    assert_eq!((p.current.version_no, p.comments[0].version_no, p.opinions[0].version_no), (2, 1, 1));
}

#[test]
fn bad_comments_and_answers_are_refused_with_their_field() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    let empty = NewComment { text: "  ".into(), ..NewComment::default() };
    assert_eq!(store.write(|tx| add_comment(tx, &topic, &empty, "张敏")).unwrap_err().field(), Some("意见内容"));
    let later = crate::community::today(store.conn()).unwrap() + chrono::TimeDelta::days(3);
    let future = NewComment { received_on: later.to_string(), text: "好".into(), ..NewComment::default() };
    let e = store.write(|tx| add_comment(tx, &topic, &future, "张敏")).unwrap_err();
    assert_eq!((e.code(), e.field()), ("plan_day_in_future", Some("收到日期")));
    let nobody = NewAnswer { text: "好".into(), ..NewAnswer::default() };
    assert_eq!(store.write(|tx| answer(tx, "missing", &nobody, "张敏")).unwrap_err().code(), "plan_comment_not_found");
    let c = NewComment { text: "好".into(), ..NewComment::default() };
    let p = store.write(|tx| add_comment(tx, &topic, &c, "张敏")).unwrap();
    let blank = NewAnswer::default();
    let e = store.write(|tx| answer(tx, &p.comments[0].id, &blank, "张敏")).unwrap_err();
    assert_eq!(e.field(), Some("答复内容"));
    assert_eq!(tables(&store), [1, 0, 1, 0]);
}

#[test]
fn plans_and_comments_are_found_and_the_rebuild_matches() {
    let (_d, mut store) = temp_store();
    let topic = accepted_topic(&mut store, "加装电梯");
    store.write(|tx| save(tx, &topic, &first(), "张敏")).unwrap();
    let c = NewComment { from_name: "赵大爷".into(), text: "担心噪音扰民".into(), ..NewComment::default() };
    let p = store.write(|tx| add_comment(tx, &topic, &c, "张敏")).unwrap();
    let a =
        NewAnswer { text: "选用低噪音曳引机".into(), answered_by: "议事攻坚小组".into(), revise: false };
    store.write(|tx| answer(tx, &p.comments[0].id, &a, "张敏")).unwrap();
    let hits = find::search(store.conn(), &SearchQuery::new("按楼层分摊")).unwrap().hits;
    assert_eq!((hits[0].kind, hits[0].record_id.as_str()), (DocKind::Plan, topic.as_str()));
    let hits = find::search(store.conn(), &SearchQuery::new("低噪音")).unwrap().hits;
    assert_eq!(hits[0].kind, DocKind::PlanComment, "the answer is found with its comment");
    let docs = search_docs(store.conn()).unwrap();
    let of = |k: DocKind| docs.iter().filter(|d| d.kind == k).cloned().collect::<Vec<_>>();
    crate::followup::tests::assert_index_matches(&store, "plan", &of(DocKind::Plan));
    crate::followup::tests::assert_index_matches(&store, "plan_comment", &of(DocKind::PlanComment));
}
