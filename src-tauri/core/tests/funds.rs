//! Issue 16 across the archive: budgets, sources, goods, labour and spends recorded on one laptop
//! arrive whole on the other, are found by the search there, and a spend added there comes back
//! with the balance both sides agree on.

mod archive_common;

use archive_common::*;
use chrono::NaiveDate;
use yishi_core::archive;
use yishi_core::funds::{self, InKindKind, NewBudget, NewInKind, NewSource, NewSpend, Owner, SourceKind};
use yishi_core::money::Fen;
use yishi_core::search::{self, SearchQuery};
use yishi_core::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn a_decided_task(store: &Store) -> (String, String) {
    store
        .conn()
        .query_row(
            "SELECT t.id, t.decision_id FROM tasks t JOIN decisions d ON d.id = t.decision_id \
             WHERE d.act = 1 AND t.deleted_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM fund_budgets b WHERE b.owner_id IN (d.id, t.id)) ORDER BY t.created_at LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn spend(what: &str, amount: &str) -> NewSpend {
    NewSpend {
        spent_on: "2026-11-28".into(),
        what: what.into(),
        amount: amount.into(),
        payee: "便民五金店".into(),
        source: SourceKind::Charity,
        over_budget_reason: String::new(),
        draft_key: None,
    }
}

#[test]
fn the_money_of_a_decision_travels_in_the_archive_and_both_laptops_agree_on_the_balance() {
    let (_b_dir, mut b) = empty_store();
    let (_a_dir, mut a) = demo_store();
    let (task, decision) = a_decided_task(&a);
    let owner = Owner::decision(&decision);
    let budget = NewBudget {
        total: "12000".into(),
        sources: vec![
            NewSource {
                kind: SourceKind::Charity,
                name: "县慈善协会".into(),
                name_public: true,
                amount: "8000".into(),
                per_household: String::new(),
                households: None,
            },
            NewSource {
                kind: SourceKind::Donation,
                name: "乡贤 陈建华".into(),
                name_public: false,
                amount: "4000".into(),
                per_household: String::new(),
                households: None,
            },
        ],
        note: "便民桥修缮".into(),
        change_reason: String::new(),
    };
    a.write(|tx| funds::set_budget(tx, &owner, &budget, "王秀兰", today())).unwrap();
    let labour = NewInKind {
        kind: InKindKind::Labour,
        what: "搬运石料".into(),
        quantity: String::new(),
        value: String::new(),
        person_days: "12.5".into(),
        given_by: "三组村民".into(),
        given_by_public: true,
        given_on: "2026-11-20".into(),
    };
    a.write(|tx| funds::add_in_kind(tx, &owner, &labour, "王秀兰", today())).unwrap();
    a.write(|tx| funds::record_spend(tx, &task, &spend("钢筋水泥一批", "3,200.50"), "王秀兰", today())).unwrap();
    a.write(|tx| funds::set_allocation(tx, 2026, SourceKind::Huimin, "20万", "", "王秀兰")).unwrap();

    let (_stick, from_a) = export(&a);
    archive::import(&mut b, &from_a).unwrap();
    let on_b = funds::budget(b.conn(), &owner).unwrap().expect("the budget arrived");
    assert_eq!(on_b, funds::budget(a.conn(), &owner).unwrap().unwrap());
    assert_eq!(on_b.spent, Fen(320_050));
    assert!(!on_b.sources[1].name_public, "the donor's wish not to be named travels too");
    assert_eq!(funds::in_kind(b.conn(), &owner).unwrap()[0].person_day_tenths, Some(125));
    assert_eq!(funds::annual_fund(b.conn(), 2026, SourceKind::Huimin).unwrap().allocated, Some(Fen(20_000_000)));
    let found = search::search(b.conn(), &SearchQuery::new("钢筋水泥")).unwrap();
    assert_eq!(found.hits.len(), 1, "the office PC finds the spend");

    // The office adds a spend; the laptop takes it back.
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.write(|tx| funds::record_spend(tx, &task, &spend("栏杆焊接人工", "1800"), "李主任", today())).unwrap();
    let (_stick2, from_b) = export(&b);
    archive::import(&mut a, &from_b).unwrap();
    let back = funds::budget(a.conn(), &owner).unwrap().unwrap();
    assert_eq!(back.spent, Fen(500_050));
    assert_eq!(back.sources[0].balance, Fen(800_000 - 500_050));
    assert_eq!(back, funds::budget(b.conn(), &owner).unwrap().unwrap());
    assert_eq!(funds::spends(a.conn(), &task).unwrap().len(), 2);
}
