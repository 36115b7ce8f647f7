use super::*;
use crate::error::UserFacing;
use crate::meetings::{self, fixtures};
use crate::testing::{count, temp_store};
use VoteRule::*;

fn hands(agree: u32, oppose: u32, abstain: u32, present: u32, eligible: u32, rule: VoteRule) -> VoteInput {
    VoteInput { method: VoteMethod::Hands, agree, oppose, abstain, present, eligible, rule, quorum: None }
}

fn result(v: &VoteInput) -> VoteResult {
    evaluate(v).unwrap_or_else(|e| panic!("{v:?}: {e}")).result
}

#[test]
fn the_example_sentences_read_as_promised() {
    let passed = evaluate(&hands(15, 5, 3, 23, 30, MajorityPresent)).unwrap();
    assert_eq!(passed.result, VoteResult::Passed);
    assert_eq!(passed.explanation, "到会 23 人，同意 15 票，超过到会人数的一半（12 票），表决通过。");
    let v = VoteInput { quorum: Some(12), ..hands(6, 1, 1, 8, 20, MajorityPresent) };
    let none = evaluate(&v).unwrap();
    assert_eq!(none.result, VoteResult::NoQuorum);
    assert_eq!(none.explanation, "到会 8 人，不足法定人数 12 人，表决无效。");
}

#[test]
fn exactly_half_is_not_a_majority() {
    assert_eq!(result(&hands(12, 12, 0, 24, 30, MajorityPresent)), VoteResult::Failed);
    assert_eq!(result(&hands(13, 11, 0, 24, 30, MajorityPresent)), VoteResult::Passed);
    assert_eq!(result(&hands(11, 0, 0, 23, 30, MajorityPresent)), VoteResult::Failed);
    assert_eq!(result(&hands(12, 0, 0, 23, 30, MajorityPresent)), VoteResult::Passed);
    let failed = evaluate(&hands(12, 12, 0, 24, 30, MajorityPresent)).unwrap();
    assert_eq!(failed.needed, 13);
    assert_eq!(failed.explanation, "到会 24 人，同意 12 票，未超过到会人数的一半（需 13 票），表决未通过。");
}

#[test]
fn abstentions_count_against_a_majority_of_those_present() {
    // 10 agree, 9 oppose, 5 abstain of 24: more agree than oppose, but not more than half present.
    assert_eq!(result(&hands(10, 9, 5, 24, 30, MajorityPresent)), VoteResult::Failed);
}

#[test]
fn majority_of_eligible_counts_everyone_entitled() {
    // 20 of 23 present agree, but 40 households are entitled: 21 needed.
    let v = VoteInput { method: VoteMethod::Household, ..hands(20, 3, 0, 23, 40, MajorityEligible) };
    let o = evaluate(&v).unwrap();
    assert_eq!(o.result, VoteResult::Failed);
    assert_eq!(o.needed, 21);
    assert_eq!(o.explanation, "应到 40 户，到会 23 户，同意 20 户，未超过全体户数的一半（需 21 户），表决未通过。");
    assert_eq!(result(&hands(21, 0, 0, 23, 40, MajorityEligible)), VoteResult::Passed);
    assert_eq!(result(&hands(20, 0, 0, 40, 40, MajorityEligible)), VoteResult::Failed, "20 of 40 is half");
}

#[test]
fn two_thirds_exactly_passes() {
    // 《民法典》1259: “以上”包括本数 — 16 of 24 is two thirds and passes.
    assert_eq!(result(&hands(16, 8, 0, 24, 30, TwoThirds)), VoteResult::Passed);
    assert_eq!(result(&hands(15, 9, 0, 24, 30, TwoThirds)), VoteResult::Failed);
    // 23 present: two thirds is 15.33…, so 16 are needed.
    assert_eq!(evaluate(&hands(15, 0, 0, 23, 30, TwoThirds)).unwrap().needed, 16);
    assert_eq!(result(&hands(16, 0, 0, 23, 30, TwoThirds)), VoteResult::Passed);
    assert_eq!(result(&hands(2, 1, 0, 3, 3, TwoThirds)), VoteResult::Passed);
    assert_eq!(result(&hands(1, 0, 0, 1, 1, TwoThirds)), VoteResult::Passed);
    let o = evaluate(&hands(16, 8, 0, 24, 30, TwoThirds)).unwrap();
    assert_eq!(o.explanation, "到会 24 人，同意 16 票，达到到会人数的三分之二（16 票），表决通过。");
}

#[test]
fn needed_is_right_for_every_small_meeting() {
    for present in 1..=60u32 {
        for agree in 0..=present {
            let majority = result(&hands(agree, 0, 0, present, 60, MajorityPresent)) == VoteResult::Passed;
            assert_eq!(majority, 2 * agree > present, "majority {agree}/{present}");
            let two_thirds = result(&hands(agree, 0, 0, present, 60, TwoThirds)) == VoteResult::Passed;
            assert_eq!(two_thirds, 3 * agree >= 2 * present, "two thirds {agree}/{present}");
        }
    }
}

#[test]
fn quorum_met_exactly_is_enough() {
    let v = VoteInput { quorum: Some(12), ..hands(7, 5, 0, 12, 20, MajorityPresent) };
    assert_eq!(result(&v), VoteResult::Passed);
    let v = VoteInput { quorum: Some(13), ..v };
    assert_eq!(result(&v), VoteResult::NoQuorum);
    assert_eq!(evaluate(&v).unwrap().needed, 0);
}

#[test]
fn impossible_counts_are_refused_in_words() {
    let cases: Vec<(VoteInput, &str, &str)> = vec![
        (hands(0, 0, 0, 0, 0, MajorityPresent), "vote_no_eligible", "应到人数不能为 0"),
        (hands(0, 0, 0, 0, 10, MajorityPresent), "vote_nobody_present", "没有人到会"),
        (hands(5, 0, 0, 12, 10, MajorityPresent), "vote_present_over_eligible", "到会 12 人，比应到的 10 人还多"),
        (hands(10, 8, 6, 23, 30, MajorityPresent), "vote_votes_over_present", "共 24 票，超过了到会的 23 人"),
        (
            VoteInput { quorum: Some(31), ..hands(10, 0, 0, 23, 30, MajorityPresent) },
            "vote_quorum_over_eligible",
            "法定人数 31 人超过了应到的 30 人",
        ),
        (
            VoteInput { method: VoteMethod::Household, ..hands(0, 0, 0, 0, 0, MajorityEligible) },
            "vote_no_eligible",
            "应到户数不能为 0",
        ),
    ];
    for (v, code, words) in cases {
        let e = evaluate(&v).expect_err(code);
        assert_eq!(e.code(), code, "{v:?}");
        assert!(e.to_string().contains(words), "{e} should say {words}");
    }
}

#[test]
fn huge_counts_do_not_overflow() {
    let v = hands(u32::MAX, u32::MAX, 0, u32::MAX, u32::MAX, TwoThirds);
    assert_eq!(evaluate(&v).unwrap_err().code(), "vote_votes_over_present");
    assert_eq!(result(&hands(u32::MAX, 0, 0, u32::MAX, u32::MAX, TwoThirds)), VoteResult::Passed);
}

#[test]
fn a_recorded_vote_keeps_its_counts_and_result() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "议事会", "2026-11-20T20:00:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "楼道照明改造费用分摊")).unwrap();
    let v = store.write(|tx| record(tx, &item.id, &hands(15, 5, 3, 23, 30, MajorityPresent))).unwrap();
    assert_eq!(v.result, VoteResult::Passed);
    assert_eq!(list_for_item(store.conn(), &item.id).unwrap(), vec![v]);
}

#[test]
fn refused_counts_store_nothing() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "议事会", "2026-11-20T20:00:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "充电桩")).unwrap();
    let e = store.write(|tx| record(tx, &item.id, &hands(20, 5, 0, 23, 30, MajorityPresent))).unwrap_err();
    assert_eq!(e.code(), "vote_votes_over_present");
    let e = store
        .write(|tx| {
            record(tx, &item.id, &VoteInput { method: VoteMethod::Household, ..hands(1, 0, 0, 1, 1, MajorityPresent) })
        })
        .unwrap_err();
    assert_eq!(e.code(), "vote_household_needs_ticks");
    assert_eq!(count(&store, "votes"), 0);
}

#[test]
fn household_vote_counts_the_ticks() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T20:00:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "修缮排水管")).unwrap();
    let hh: Vec<String> = (1..=5).map(|i| fixtures::household(&mut store, &format!("3号楼{i}01"))).collect();
    assert_eq!(household_count(store.conn()).unwrap(), 5);
    let ticks = vec![
        (hh[0].clone(), Choice::Agree),
        (hh[1].clone(), Choice::Agree),
        (hh[2].clone(), Choice::Agree),
        (hh[3].clone(), Choice::Oppose),
    ];
    let v = store.write(|tx| record_household_vote(tx, &item.id, &ticks, 5, MajorityEligible, None)).unwrap();
    assert_eq!((v.input.agree, v.input.oppose, v.input.abstain, v.input.present, v.input.eligible), (3, 1, 0, 4, 5));
    assert_eq!(v.result, VoteResult::Passed);
    assert_eq!(v.households.len(), 4);
    assert_eq!(v.households[3].label, "3号楼401");
    assert_eq!(v.households[3].choice, Choice::Oppose);
    assert!(v.explanation.contains("应到 5 户，到会 4 户"), "{}", v.explanation);
}

#[test]
fn a_household_ticked_twice_or_unknown_is_refused_and_nothing_is_stored() {
    let (_d, mut store) = temp_store();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T20:00:00+08:00");
    let item = store.write(|tx| meetings::add_other(tx, &m.id, "修缮排水管")).unwrap();
    let a = fixtures::household(&mut store, "5号楼302");
    let twice = vec![(a.clone(), Choice::Agree), (a.clone(), Choice::Oppose)];
    let e = store.write(|tx| record_household_vote(tx, &item.id, &twice, 10, MajorityEligible, None)).unwrap_err();
    assert_eq!(e.code(), "vote_household_twice");
    assert!(e.to_string().contains("5号楼302"), "{e}");
    let unknown = vec![(a, Choice::Agree), ("no-such".to_string(), Choice::Agree)];
    let e = store.write(|tx| record_household_vote(tx, &item.id, &unknown, 10, MajorityEligible, None)).unwrap_err();
    assert_eq!(e.code(), "vote_unknown_household");
    assert_eq!(count(&store, "votes"), 0);
    assert_eq!(count(&store, "vote_households"), 0);
}

#[test]
fn vote_input_reads_the_panel_json() {
    let v: VoteInput = serde_json::from_value(serde_json::json!({
        "method": "ballot", "agree": 26, "oppose": 2, "abstain": 1, "present": 40, "eligible": 52,
        "rule": "two_thirds"
    }))
    .unwrap();
    assert_eq!(v.quorum, None);
    assert_eq!(result(&v), VoteResult::Failed);
    assert_eq!(VoteRule::TwoThirds.label(), "三分之二（到会）");
}

#[test]
fn a_household_vote_is_explained_in_households_and_hands_in_people() {
    let household = |v: VoteInput| VoteInput { method: VoteMethod::Household, ..v };
    let o = evaluate(&household(hands(14, 3, 2, 19, 28, MajorityPresent))).unwrap();
    assert_eq!(o.explanation, "到会 19 户，同意 14 户，超过到会户数的一半（10 户），表决通过。");
    let o = evaluate(&household(hands(12, 6, 0, 18, 28, TwoThirds))).unwrap();
    assert_eq!(o.explanation, "到会 18 户，同意 12 户，达到到会户数的三分之二（12 户），表决通过。");
    let o = evaluate(&VoteInput { quorum: Some(10), ..household(hands(5, 0, 0, 5, 28, MajorityPresent)) }).unwrap();
    assert_eq!(o.explanation, "到会 5 户，不足法定人数 10 户，表决无效。");
    let o = evaluate(&hands(14, 3, 2, 19, 28, MajorityPresent)).unwrap();
    assert_eq!(o.explanation, "到会 19 人，同意 14 票，超过到会人数的一半（10 票），表决通过。");
}

#[test]
fn the_printed_rule_is_in_households_for_one_vote_per_household() {
    assert_eq!(rule_in_words(VoteMethod::Household, MajorityPresent, None), "到会户数过半数同意即为通过");
    assert_eq!(
        rule_in_words(VoteMethod::Household, MajorityEligible, Some(15)),
        "全体户数过半数同意即为通过；到会不少于15户，表决方为有效"
    );
    assert_eq!(rule_in_words(VoteMethod::Household, TwoThirds, Some(0)), "到会户数三分之二以上同意即为通过");
    assert_eq!(
        rule_in_words(VoteMethod::Hands, MajorityPresent, Some(6)),
        "到会人员过半数同意即为通过；到会不少于6人，表决方为有效"
    );
    assert_eq!(rule_in_words(VoteMethod::Ballot, MajorityEligible, None), "全体有表决权的人员过半数同意即为通过");
}
