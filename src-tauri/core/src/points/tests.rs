use super::*;
use crate::error::UserFacing;
use crate::meetings::fixtures;
use crate::testing::{count, temp_store};

#[test]
fn rules_default_to_two_and_one_and_can_be_changed() {
    let (_d, mut store) = temp_store();
    assert_eq!(get_rules(store.conn()).unwrap(), PointsRules { attendance: 2, speaking: 1 });
    let saved = store.write(|tx| set_rules(tx, &PointsRules { attendance: 3, speaking: 0 })).unwrap();
    assert_eq!(saved, PointsRules { attendance: 3, speaking: 0 });
    assert_eq!(get_rules(store.conn()).unwrap(), saved);
    store.write(|tx| set_rules(tx, &PointsRules { attendance: 5, speaking: 2 })).unwrap();
    assert_eq!(get_rules(store.conn()).unwrap().attendance, 5);
    assert_eq!(count(&store, "app_settings"), 1);
}

#[test]
fn rules_out_of_range_are_refused_and_the_old_ones_stay() {
    let (_d, mut store) = temp_store();
    for bad in [PointsRules { attendance: -1, speaking: 1 }, PointsRules { attendance: 2, speaking: 200 }] {
        let e = store.write(|tx| set_rules(tx, &bad)).unwrap_err();
        assert_eq!(e.code(), "points_rule_out_of_range");
    }
    assert_eq!(get_rules(store.conn()).unwrap(), PointsRules::default());
}

#[test]
fn a_missing_key_takes_its_default_and_damaged_json_says_so() {
    let (_d, mut store) = temp_store();
    let put = |store: &mut crate::store::Store, json: &str| {
        store.conn().execute(
            "INSERT OR REPLACE INTO app_settings (id, value, created_at, updated_at) VALUES ('points_rules', ?1, 'x', 'x')",
            [json],
        ).unwrap();
    };
    put(&mut store, r#"{"attendance": 4}"#);
    assert_eq!(get_rules(store.conn()).unwrap(), PointsRules { attendance: 4, speaking: 1 });
    put(&mut store, "{不是 JSON");
    assert_eq!(get_rules(store.conn()).unwrap_err().code(), "points_rules_damaged");
}

#[test]
fn credits_and_redemptions_make_the_balance_and_ledger() {
    let (_d, mut store) = temp_store();
    let p = fixtures::person(&mut store, "王秀兰", "居民代表", false);
    store.write(|tx| credit(tx, &p, 10, PointsSource::Volunteer, "清理楼道杂物", None)).unwrap();
    store.write(|tx| credit(tx, &p, 12, PointsSource::Manual, "", None)).unwrap();
    let r = store.write(|tx| redeem(tx, &p, 20, "大米一袋")).unwrap();
    assert_eq!(r.points, -20);
    assert_eq!(r.source, PointsSource::Redemption);
    assert_eq!(balance(store.conn(), &p).unwrap(), 2);
    let lines = ledger(store.conn(), &p).unwrap();
    let after: Vec<i64> = lines.iter().map(|l| l.balance_after).collect();
    assert_eq!(after, vec![10, 22, 2]);
    assert_eq!(lines[2].entry.reason, "大米一袋");
}

#[test]
fn redeeming_more_than_the_balance_is_refused_with_the_numbers() {
    let (_d, mut store) = temp_store();
    let p = fixtures::person(&mut store, "王秀兰", "居民代表", false);
    store.write(|tx| credit(tx, &p, 12, PointsSource::Volunteer, "义务巡逻", None)).unwrap();
    let before = count(&store, "points_entries");
    let e = store.write(|tx| redeem(tx, &p, 20, "大米一袋")).unwrap_err();
    assert_eq!(e.code(), "points_insufficient");
    assert_eq!(e.to_string(), "积分不足：王秀兰现有 12 分，兑换需要 20 分。");
    assert_eq!(count(&store, "points_entries"), before);
    assert_eq!(balance(store.conn(), &p).unwrap(), 12);
    // Exactly the balance is allowed and leaves zero.
    store.write(|tx| redeem(tx, &p, 12, "洗衣液一瓶")).unwrap();
    assert_eq!(balance(store.conn(), &p).unwrap(), 0);
}

#[test]
fn nonsense_amounts_and_unknown_people_are_refused() {
    let (_d, mut store) = temp_store();
    let p = fixtures::person(&mut store, "赵大爷", "", false);
    let codes: Vec<&str> = vec![
        store.write(|tx| credit(tx, &p, 0, PointsSource::Manual, "", None)).unwrap_err().code(),
        store.write(|tx| credit(tx, &p, -5, PointsSource::Manual, "", None)).unwrap_err().code(),
        store.write(|tx| credit(tx, &p, 5, PointsSource::Redemption, "", None)).unwrap_err().code(),
        store.write(|tx| redeem(tx, &p, -5, "大米")).unwrap_err().code(),
        store.write(|tx| redeem(tx, &p, 5, "  ")).unwrap_err().code(),
        store.write(|tx| credit(tx, "nobody", 5, PointsSource::Manual, "", None)).unwrap_err().code(),
    ];
    assert_eq!(
        codes,
        vec![
            "points_not_positive",
            "points_not_positive",
            "points_redemption_is_not_a_credit",
            "points_not_positive",
            "field_empty",
            "points_person_not_found",
        ]
    );
    assert_eq!(count(&store, "points_entries"), 0);
}

#[test]
fn credit_once_credits_a_meeting_once_per_source() {
    let (_d, mut store) = temp_store();
    let p = fixtures::person(&mut store, "王秀兰", "居民代表", false);
    let m = fixtures::meeting(&mut store, "板凳会", "2026-11-20T20:00:00+08:00");
    let first = store.write(|tx| credit_once(tx, &p, 2, PointsSource::Attendance, "参会", &m.id)).unwrap();
    assert!(first.is_some());
    let again = store.write(|tx| credit_once(tx, &p, 2, PointsSource::Attendance, "参会", &m.id)).unwrap();
    assert!(again.is_none());
    let speaking = store.write(|tx| credit_once(tx, &p, 1, PointsSource::Speaking, "发言", &m.id)).unwrap();
    assert!(speaking.is_some());
    let zero_rule = store.write(|tx| credit_once(tx, &p, 0, PointsSource::Volunteer, "", &m.id)).unwrap();
    assert!(zero_rule.is_none());
    assert_eq!(balance(store.conn(), &p).unwrap(), 3);
}

#[test]
fn ranking_counts_points_earned_in_the_year_most_first() {
    let (_d, mut store) = temp_store();
    let a = fixtures::person(&mut store, "王秀兰", "", false);
    let b = fixtures::person(&mut store, "李建国", "", false);
    let c = fixtures::person(&mut store, "陈阿姨", "", false);
    store.write(|tx| credit(tx, &a, 10, PointsSource::Volunteer, "", None)).unwrap();
    store.write(|tx| credit(tx, &b, 8, PointsSource::Volunteer, "", None)).unwrap();
    store.write(|tx| credit(tx, &c, 10, PointsSource::Volunteer, "", None)).unwrap();
    // A redemption does not lower a place on the board.
    store.write(|tx| redeem(tx, &a, 10, "大米一袋")).unwrap();
    // An entry from another year does not count.
    store
        .conn()
        .execute(
            "INSERT INTO points_entries (id, person_id, at, points, source, created_at, updated_at) \
         VALUES ('old', ?1, '2019-06-01T04:00:00.000Z', 50, 'manual', 'x', 'x')",
            [&b],
        )
        .unwrap();
    let year = this_year(store.conn()).unwrap();
    let board: Vec<(String, i64)> =
        ranking(store.conn(), year).unwrap().into_iter().map(|r| (r.name, r.points)).collect();
    let mut expected = vec![("王秀兰".to_string(), 10), ("陈阿姨".to_string(), 10), ("李建国".to_string(), 8)];
    expected[..2].sort();
    assert_eq!(board, expected);
    assert_eq!(ranking(store.conn(), 2019).unwrap()[0].points, 50);
    assert!(ranking(store.conn(), 2001).unwrap().is_empty());
}
