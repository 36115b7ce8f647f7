use chrono::NaiveDate;

use super::*;
use crate::error::UserFacing;
use crate::followup::fixtures::{day, decided_topic};
use crate::money::Fen;
use crate::store::Store;
use crate::testing::{count, temp_store};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn today() -> NaiveDate {
    day(12, 1)
}

fn source(kind: SourceKind, name: &str, amount: &str) -> NewSource {
    NewSource {
        kind,
        name: name.into(),
        name_public: true,
        amount: amount.into(),
        per_household: String::new(),
        households: None,
    }
}

fn budget_of(total: &str, sources: Vec<NewSource>) -> NewBudget {
    NewBudget { total: total.into(), sources, note: String::new(), change_reason: String::new() }
}

/// A decision with two tasks; returns (decision id, task ids).
fn decision(store: &mut Store) -> (String, Vec<String>) {
    let (_, tasks) = decided_topic(store, "地下车库照明改造", &[Some(day(12, 20)), Some(day(12, 30))]);
    let decision: String =
        store.conn().query_row("SELECT decision_id FROM tasks WHERE id = ?1", [&tasks[0]], |r| r.get(0)).unwrap();
    (decision, tasks)
}

fn spend(what: &str, amount: &str, source: SourceKind) -> NewSpend {
    NewSpend {
        spent_on: "2026-11-28".into(),
        what: what.into(),
        amount: amount.into(),
        payee: "某某电器维修部".into(),
        source,
        over_budget_reason: String::new(),
        draft_key: None,
    }
}

fn set(store: &mut Store, owner: &Owner, new: &NewBudget) -> Result<Budget, FundsError> {
    store.write(|tx| set_budget(tx, owner, new, "王秀兰", today()))
}

#[test]
fn a_budget_with_two_sources_shows_its_total_sources_and_gap() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let b = set(
        &mut store,
        &Owner::decision(&decision),
        &budget_of(
            "1.8万元",
            vec![source(SourceKind::Maintenance, "", "12,000"), source(SourceKind::Property, "幸福里物业", "5000元")],
        ),
    )
    .unwrap();
    assert_eq!(b.total, Fen(1_800_000));
    assert_eq!(b.sources.len(), 2);
    assert_eq!(b.sources[0].kind_label, "专项维修基金");
    assert_eq!(b.sources[1].amount, Fen(500_000));
    assert_eq!(b.uncovered, Fen(100_000), "1000元 not yet covered by any source");
    assert_eq!((b.spent, b.balance, b.over_budget), (Fen::ZERO, Fen(1_800_000), false));
    assert_eq!(b.year, 2026);
}

#[test]
fn sources_beyond_the_budget_are_refused_and_nothing_is_written() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let err = set(
        &mut store,
        &Owner::decision(&decision),
        &budget_of("1800", vec![source(SourceKind::Collective, "", "1000"), source(SourceKind::Huimin, "", "900")]),
    )
    .unwrap_err();
    assert!(matches!(err, FundsError::SourcesExceedBudget { .. }), "{err}");
    assert!(err.to_string().contains("¥1,900.00") && err.to_string().contains("¥1,800.00"), "{err}");
    assert_eq!(count(&store, "fund_budgets"), 0);
    assert_eq!(count(&store, "fund_sources"), 0);
}

#[test]
fn bad_budgets_are_refused_with_the_reason() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let owner = Owner::decision(&decision);
    let cases: Vec<(NewBudget, &str)> = vec![
        (budget_of("", vec![source(SourceKind::Collective, "", "1")]), "money_empty"),
        (budget_of("1800", vec![]), "funds_no_sources"),
        (budget_of("1800", vec![source(SourceKind::Charity, "", "100")]), "funds_source_needs_name"),
        (budget_of("1800😀", vec![source(SourceKind::Collective, "", "100")]), "money_unreadable"),
        (budget_of("-1800", vec![source(SourceKind::Collective, "", "100")]), "money_not_positive"),
    ];
    for (new, code) in cases {
        let err = set(&mut store, &owner, &new).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
    }
    assert!(matches!(
        set(&mut store, &Owner::decision("nope"), &budget_of("1", vec![source(SourceKind::Collective, "", "1")])),
        Err(FundsError::NotFound { .. })
    ));
    assert_eq!(count(&store, "fund_budgets"), 0);
}

#[test]
fn residents_raising_money_per_household_is_multiplied_and_checked() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let owner = Owner::decision(&decision);
    let mut per = source(SourceKind::Residents, "", "");
    per.per_household = "50".into();
    per.households = Some(36);
    let b = set(&mut store, &owner, &budget_of("3000", vec![per.clone()])).unwrap();
    assert_eq!(b.sources[0].amount, Fen(180_000));
    assert_eq!(b.sources[0].households, Some(36));
    let mut wrong = per;
    wrong.amount = "1900".into();
    let mut change = budget_of("3000", vec![wrong]);
    change.change_reason = "户数核对".into();
    let err = set(&mut store, &owner, &change).unwrap_err();
    assert!(matches!(err, FundsError::HouseholdSumMismatch { .. }), "{err}");
}

#[test]
fn changing_a_budget_needs_a_reason_and_keeps_the_old_one() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let owner = Owner::decision(&decision);
    set(&mut store, &owner, &budget_of("1800", vec![source(SourceKind::Collective, "", "1800")])).unwrap();
    let mut raised = budget_of("2500", vec![source(SourceKind::Collective, "", "2500")]);
    let err = set(&mut store, &owner, &raised).unwrap_err();
    assert!(matches!(err, FundsError::ChangeNeedsReason { old: Fen(180_000) }), "{err}");
    raised.change_reason = "管道破损比预计严重，增加一段".into();
    let b = set(&mut store, &owner, &raised).unwrap();
    assert_eq!(b.total, Fen(250_000));
    let all = history(store.conn(), &owner).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].total, Fen(180_000));
    assert!(all[0].replaced_at.is_some());
    assert_eq!(all[0].sources.len(), 1, "the old budget keeps its sources");
    assert_eq!(all[1].change_reason, "管道破损比预计严重，增加一段");
    assert!(all[1].replaced_at.is_none());
}

#[test]
fn spends_keep_a_running_balance_per_source_across_the_decisions_tasks() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    set(
        &mut store,
        &Owner::decision(&decision),
        &budget_of(
            "18000",
            vec![source(SourceKind::Maintenance, "", "12000"), source(SourceKind::Property, "幸福里物业", "6000")],
        ),
    )
    .unwrap();
    let first = store
        .write(|tx| {
            record_spend(tx, &tasks[0], &spend("LED灯具40套", "8,000", SourceKind::Maintenance), "王秀兰", today())
        })
        .unwrap();
    assert_eq!(first.budget.sources[0].balance, Fen(400_000));
    let second = store
        .write(|tx| {
            record_spend(tx, &tasks[1], &spend("线路改造人工", "3500.50", SourceKind::Property), "王秀兰", today())
        })
        .unwrap();
    let b = second.budget;
    assert_eq!(b.spent, Fen(1_150_050));
    assert_eq!(b.balance, Fen(1_800_000 - 1_150_050));
    assert_eq!(b.sources[1].spent, Fen(350_050));
    assert_eq!(b.sources[1].balance, Fen(249_950));
    assert!(!b.over_budget);
    assert_eq!(spends(store.conn(), &tasks[1]).unwrap()[0].amount, Fen(350_050));
    assert!(over_budget_tasks(store.conn()).unwrap().is_empty());
}

#[test]
fn a_spend_past_the_source_needs_a_reason_and_flags_the_task() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    set(&mut store, &Owner::decision(&decision), &budget_of("1800", vec![source(SourceKind::Collective, "", "1800")]))
        .unwrap();
    let mut over = spend("更换水管及配件", "2000", SourceKind::Collective);
    let err = store.write(|tx| record_spend(tx, &tasks[0], &over, "王秀兰", today())).unwrap_err();
    assert!(matches!(err, FundsError::OverBudgetNeedsReason { .. }), "{err}");
    assert!(err.to_string().contains("¥1,800.00"), "{err}");
    assert_eq!(err.field(), Some("超支原因"));
    assert_eq!(count(&store, "fund_spends"), 0, "a refused spend writes nothing");
    over.over_budget_reason = "挖开后发现两处接头锈蚀，经两委同意追加".into();
    let report = store.write(|tx| record_spend(tx, &tasks[0], &over, "王秀兰", today())).unwrap();
    assert!(report.budget.over_budget);
    assert_eq!(report.budget.balance, Fen(-20_000));
    assert_eq!(over_budget_tasks(store.conn()).unwrap(), vec![tasks[0].clone()]);
}

#[test]
fn a_spend_needs_a_budget_and_one_of_its_sources_and_a_past_day() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    let err = store
        .write(|tx| record_spend(tx, &tasks[0], &spend("灯具", "100", SourceKind::Collective), "王秀兰", today()))
        .unwrap_err();
    assert!(matches!(err, FundsError::NoBudget), "{err}");
    set(&mut store, &Owner::decision(&decision), &budget_of("1800", vec![source(SourceKind::Collective, "", "1800")]))
        .unwrap();
    let err = store
        .write(|tx| record_spend(tx, &tasks[0], &spend("灯具", "100", SourceKind::Huimin), "王秀兰", today()))
        .unwrap_err();
    assert!(err.to_string().contains("村（居）集体资金"), "{err}");
    let mut future = spend("灯具", "100", SourceKind::Collective);
    future.spent_on = "2026-12-05".into();
    let err = store.write(|tx| record_spend(tx, &tasks[0], &future, "王秀兰", today())).unwrap_err();
    assert_eq!(err.code(), "funds_day_in_future");
    let mut empty = spend("", "100", SourceKind::Collective);
    empty.payee = "x".into();
    let err = store.write(|tx| record_spend(tx, &tasks[0], &empty, "王秀兰", today())).unwrap_err();
    assert_eq!(err.field(), Some("支出事项"));
    let long = spend(&"灯".repeat(50_000), "100", SourceKind::Collective);
    let err = store.write(|tx| record_spend(tx, &tasks[0], &long, "王秀兰", today())).unwrap_err();
    assert_eq!(err.code(), "field_too_long");
    assert_eq!(count(&store, "fund_spends"), 0);
}

#[test]
fn a_task_with_its_own_budget_is_charged_there_not_to_the_decision() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    set(&mut store, &Owner::decision(&decision), &budget_of("10000", vec![source(SourceKind::Huimin, "", "10000")]))
        .unwrap();
    set(&mut store, &Owner::task(&tasks[1]), &budget_of("3000", vec![source(SourceKind::Developer, "开发商", "3000")]))
        .unwrap();
    store
        .write(|tx| record_spend(tx, &tasks[1], &spend("地面修补", "2000", SourceKind::Developer), "王秀兰", today()))
        .unwrap();
    let decision_budget = budget(store.conn(), &Owner::decision(&decision)).unwrap().unwrap();
    assert_eq!(decision_budget.spent, Fen::ZERO);
    let task_budget = budget_for_task(store.conn(), &tasks[1]).unwrap().unwrap();
    assert_eq!(task_budget.spent, Fen(200_000));
}

#[test]
fn goods_and_labour_days_are_recorded_with_who_gave_them() {
    let (_dir, mut store) = temp_store();
    let (decision, _) = decision(&mut store);
    let owner = Owner::decision(&decision);
    let labour = NewInKind {
        kind: InKindKind::Labour,
        what: "挖沟、搬运石料".into(),
        quantity: String::new(),
        value: String::new(),
        person_days: "２．５人日".into(),
        given_by: "村民小组三组 李建国户".into(),
        given_by_public: true,
        given_on: "2026-11-20".into(),
    };
    let added = store.write(|tx| add_in_kind(tx, &owner, &labour, "王秀兰", today())).unwrap();
    assert_eq!(added.person_day_tenths, Some(25));
    assert_eq!(days_words(25), "2.5");
    let mut no_days = labour.clone();
    no_days.person_days = String::new();
    let err = store.write(|tx| add_in_kind(tx, &owner, &no_days, "王秀兰", today())).unwrap_err();
    assert!(matches!(err, FundsError::LabourNeedsDays));
    let goods = NewInKind {
        kind: InKindKind::Goods,
        what: "空调".into(),
        quantity: "3台".into(),
        value: "9000".into(),
        person_days: String::new(),
        given_by: "爱心企业".into(),
        given_by_public: false,
        given_on: String::new(),
    };
    store.write(|tx| add_in_kind(tx, &owner, &goods, "王秀兰", today())).unwrap();
    let all = in_kind(store.conn(), &owner).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].value, Some(Fen(900_000)));
    assert!(!all[1].given_by_public);
}

#[test]
fn person_days_are_read_in_tenths_and_nonsense_is_refused() {
    for (typed, want) in [("2", 20), ("2.5", 25), ("0.5天", 5), ("３个工日", 30), ("10000", 100_000)] {
        assert_eq!(person_day_tenths(typed).unwrap(), want, "{typed}");
    }
    for typed in ["", "0", "2.25", "两天", "-1", "10001", "1e3"] {
        assert!(person_day_tenths(typed).is_err(), "{typed}");
    }
}

#[test]
fn the_years_huimin_fund_shows_committed_spent_and_left() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    let fund = store.write(|tx| set_allocation(tx, 2026, SourceKind::Huimin, "20万元", "街道下达", "王秀兰")).unwrap();
    assert_eq!(fund.allocated, Some(Fen(20_000_000)));
    assert_eq!(fund.committed, Fen::ZERO);
    set(
        &mut store,
        &Owner::decision(&decision),
        &budget_of("50000", vec![source(SourceKind::Huimin, "", "45000"), source(SourceKind::Residents, "", "5000")]),
    )
    .unwrap();
    store
        .write(|tx| record_spend(tx, &tasks[0], &spend("照明灯具", "12000", SourceKind::Huimin), "王秀兰", today()))
        .unwrap();
    let fund = annual_fund(store.conn(), 2026, SourceKind::Huimin).unwrap();
    assert_eq!(fund.committed, Fen(4_500_000));
    assert_eq!(fund.spent, Fen(1_200_000));
    assert_eq!(fund.uncommitted, Fen(15_500_000));
    assert_eq!(fund.unspent, Fen(18_800_000));
    assert_eq!(fund.projects.len(), 1);
    assert_eq!(fund.projects[0].title, "解决地下车库照明改造");
    let corrected = store.write(|tx| set_allocation(tx, 2026, SourceKind::Huimin, "200000", "", "王秀兰")).unwrap();
    assert_eq!(corrected.allocated, Some(Fen(20_000_000)));
    assert_eq!(count(&store, "fund_allocations"), 1, "a correction updates the year's row");
    let err = store.write(|tx| set_allocation(tx, 1999, SourceKind::Huimin, "1", "", "王秀兰")).unwrap_err();
    assert!(matches!(err, FundsError::BadYear { .. }));
    assert_eq!(annual_fund(store.conn(), 2025, SourceKind::Huimin).unwrap().allocated, None);
}

#[test]
fn a_decision_not_to_act_has_no_budget() {
    let (_dir, mut store) = temp_store();
    let item = crate::testing::agenda_item(&mut store, "广场舞音量");
    let d = store
        .write(|tx| {
            crate::decisions::add(
                tx,
                &item,
                &crate::decisions::NewDecision { text: "不予实施，转为倡议".into(), act: false },
            )
        })
        .unwrap();
    let err =
        set(&mut store, &Owner::decision(&d.id), &budget_of("100", vec![source(SourceKind::Collective, "", "100")]))
            .unwrap_err();
    assert!(matches!(err, FundsError::DecisionNotActed), "{err}");
}

#[test]
fn a_receipt_photographed_on_the_form_belongs_to_the_spend_and_the_task_page_reads_it_all() {
    let (_dir, mut store) = temp_store();
    let (decision, tasks) = decision(&mut store);
    set(&mut store, &Owner::decision(&decision), &budget_of("5000", vec![source(SourceKind::Huimin, "", "5000")]))
        .unwrap();
    store
        .write(|tx| {
            crate::attachments::add_image(tx, crate::attachments::OwnerKind::Draft, "spend-form", "收据.png", PNG)
        })
        .unwrap();
    let mut new = spend("照明灯具", "1200", SourceKind::Huimin);
    new.draft_key = Some("spend-form".into());
    let report = store.write(|tx| record_spend(tx, &tasks[0], &new, "王秀兰", today())).unwrap();
    let receipts =
        crate::attachments::list(store.conn(), crate::attachments::OwnerKind::FundSpend, &report.spend.id).unwrap();
    assert_eq!(receipts.len(), 1, "the receipt went with the spend");
    let page = task_funds(store.conn(), &tasks[0]).unwrap();
    let budget = page.budget.expect("the decision's budget serves its task");
    assert_eq!((budget.owner_kind, budget.spent, budget.balance), (OwnerKind::Decision, Fen(120_000), Fen(380_000)));
    assert_eq!(page.spends.len(), 1);
    assert!(page.in_kind.is_empty());
    let labour = NewInKind {
        kind: InKindKind::Labour,
        what: "搬运灯具".into(),
        quantity: String::new(),
        value: String::new(),
        person_days: "2.5".into(),
        given_by: "3号楼居民".into(),
        given_by_public: true,
        given_on: "2026-11-29".into(),
    };
    store.write(|tx| add_in_kind(tx, &Owner::decision(&decision), &labour, "王秀兰", today())).unwrap();
    let other = task_funds(store.conn(), &tasks[1]).unwrap();
    assert!(
        other.spends.is_empty() && other.budget.is_some(),
        "the other task sees the same budget, none of the spends"
    );
    assert_eq!(other.in_kind.len(), 1, "labour given to the project shows on each of its tasks");
    assert_eq!(other.in_kind[0].person_day_tenths, Some(25));
}
