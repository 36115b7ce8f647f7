//! Issue 22 across the archive: a plan drafted and revised on one laptop arrives with every
//! version, its opinions, comments and answers, is found by the search there, and a revision and
//! a corrected answer made there come back with the older text kept on both sides.

mod archive_common;

use archive_common::*;
use yishi_core::archive;
use yishi_core::plans::{self, NewAnswer, NewVersion};
use yishi_core::search::{self, SearchQuery};

#[test]
fn a_plan_with_its_versions_comments_and_answers_travels_and_comes_back_revised() {
    let (_b_dir, mut b) = empty_store();
    let (_a_dir, mut a) = demo_store();
    let topic: String =
        a.conn().query_row("SELECT id FROM topics WHERE title = '加装电梯意向征集'", [], |r| r.get(0)).unwrap();
    let (_stick, from_a) = export(&a);
    archive::import(&mut b, &from_a).unwrap();
    let on_b = plans::get(b.conn(), &topic).unwrap().expect("the plan arrived");
    assert_eq!(on_b, plans::get(a.conn(), &topic).unwrap().unwrap());
    assert_eq!((on_b.versions.len(), on_b.opinions.len(), on_b.comments.len()), (2, 2, 2));
    assert!(search::search(b.conn(), &SearchQuery::new("钢结构井道")).unwrap().total > 0, "the office PC finds it");
    assert!(search::search(b.conn(), &SearchQuery::new("向东移60厘米")).unwrap().total > 0, "and the answer");

    // The office revises the plan and corrects the answer; the laptop takes both back.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let third = NewVersion { cost: "55万".into(), note: "第三家报价更低".into(), ..version_of(&on_b) };
    b.write(|tx| plans::save(tx, &topic, &third, "李主任")).unwrap();
    let comment = on_b.comments[0].id.clone();
    let fix =
        NewAnswer { text: "井道东移80厘米。".into(), answered_by: "议事攻坚小组".into(), revise: true };
    b.write(|tx| plans::answer(tx, &comment, &fix, "李主任")).unwrap();
    let (_stick2, from_b) = export(&b);
    archive::import(&mut a, &from_b).unwrap();
    let back = plans::get(a.conn(), &topic).unwrap().unwrap();
    assert_eq!(back, plans::get(b.conn(), &topic).unwrap().unwrap());
    assert_eq!((back.current.version_no, back.versions.len()), (3, 3));
    assert_eq!(back.versions[1].proposal, on_b.current.proposal, "the older text is kept");
    let c = &back.comments[0];
    assert_eq!(c.answer.as_ref().map(|x| x.text.as_str()), Some("井道东移80厘米。"));
    assert_eq!(c.earlier_answers.len(), 1);
}

fn version_of(p: &plans::Plan) -> NewVersion {
    NewVersion {
        proposal: p.current.proposal.clone(),
        cost: String::new(),
        drafted_by: p.current.drafted_by.clone(),
        note: String::new(),
    }
}
