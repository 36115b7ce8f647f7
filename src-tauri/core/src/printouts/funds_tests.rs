//! 资金使用公示 and the money on 决议公示 / 落实情况公示, on the demo community.

use super::tests::{demo, id_of, opts, text, today};
use super::*;
use crate::funds::{self, NewSpend, SourceKind};
use crate::notices::{Notice, UNNAMED_DONOR};

const BRIDGE_TASK: &str = "SELECT id FROM tasks WHERE title = '便民桥抬高加固'";
const BRIDGE_DECISION: &str = "SELECT decision_id FROM tasks WHERE title = '便民桥抬高加固'";

fn fund_text(conn: &rusqlite::Connection, id: &str, opts: &LoadOptions) -> String {
    text(&fund_use(conn, id, opts).unwrap().document().unwrap())
}

#[test]
fn the_footbridge_notice_shows_each_source_spend_balance_gift_and_the_labour_days() {
    let (_d, store) = demo();
    let conn = store.conn();
    let decision = id_of(conn, BRIDGE_DECISION);
    let t = fund_text(conn, &decision, &opts());
    for want in [
        "资金使用情况公示",
        "财务公开",
        // Sources with amounts, what each spent and has left.
        "慈善协会县慈善协会¥30,000.00¥26,850.00¥3,150.00",
        "乡贤 / 个人捐资乡贤 陈建华¥5,000.00¥5,000.00¥0.00",
        "惠民资金—¥7,000.00¥0.00¥7,000.00",
        "合计¥45,000.00¥33,250.00¥11,750.00",
        // Spends with day, what, payee, source, amount and the source's balance after it.
        "2026年5月12日钢筋、水泥、石料镇上建材店慈善协会¥26,850.00¥3,150.00",
        "2026年5月27日桥面栏杆焊接李记焊接乡贤 / 个人捐资¥6,400.00¥1,600.00",
        "“便民桥抬高加固”资金使用情况公示",
        "累计支出33250元，结余11750元",
        // Goods with their estimated value, and the labour days.
        "防滑钢板6块¥1,800.00镇农机站",
        "搬运石料、清理河道三组、四组村民64",
        "经办人签字",
        "审核人签字",
        "监督小组签字",
        "幸福里社区居民委员会2026年11月21日",
    ] {
        assert!(t.contains(want), "{want} in\n{t}");
    }
    assert!(t.contains("便民桥修缮院坝会议定"), "the decision and its meeting: {t}");
    // The same project whether asked by the decision or by its task.
    assert_eq!(
        fund_use(conn, &id_of(conn, BRIDGE_TASK), &opts()).unwrap(),
        fund_use(conn, &decision, &opts()).unwrap()
    );
}

#[test]
fn a_donor_without_consent_is_not_named_anywhere_in_the_notice_or_its_spec() {
    let (_d, store) = demo();
    let conn = store.conn();
    let notice = fund_use(conn, &id_of(conn, BRIDGE_DECISION), &opts()).unwrap();
    let t = text(&notice.document().unwrap());
    assert!(t.contains(&format!("乡贤 / 个人捐资{UNNAMED_DONOR}¥3,000.00")), "{t}");
    assert!(!t.contains("在外务工村民"), "{t}");
    let spec = serde_json::to_string(&notice).unwrap();
    assert!(!spec.contains("在外务工村民"), "the stored spec does not keep the name either: {spec}");
    let decision = text(&decision(conn, &id_of(conn, BRIDGE_DECISION), &opts()).unwrap().document().unwrap());
    assert!(decision.contains("乡贤陈建华") || decision.contains("乡贤 陈建华"), "{decision}");
    assert!(!decision.contains("在外务工村民"), "{decision}");
}

#[test]
fn a_phone_in_a_payee_line_is_masked() {
    let (_d, mut store) = demo();
    let task = id_of(store.conn(), BRIDGE_TASK);
    let new = NewSpend {
        spent_on: "2026-06-02".into(),
        what: "栏杆补漆 😀".into(),
        amount: "500".into(),
        payee: "王师傅 13812345678".into(),
        source: SourceKind::Huimin,
        over_budget_reason: String::new(),
        draft_key: None,
    };
    store.write(|tx| funds::record_spend(tx, &task, &new, "张敏", today())).unwrap();
    let t = fund_text(store.conn(), &task, &opts());
    assert!(t.contains("王师傅 138****5678"), "{t}");
    assert!(!t.contains("13812345678"), "{t}");
    assert!(t.contains("栏杆补漆 😀"), "{t}");
    assert!(t.contains("惠民资金¥500.00¥6,500.00"), "the 惠民资金 share has 6500 left: {t}");
    assert!(t.contains("累计支出33750元，结余11250元"), "{t}");
}

#[test]
fn a_period_notice_lists_every_spend_in_it_under_its_project() {
    let (_d, store) = demo();
    let conn = store.conn();
    let t = fund_text(conn, "2026-05", &opts());
    assert!(t.contains("2026年5月资金使用情况公示"), "{t}");
    assert!(t.contains("现将2026年5月1日至2026年5月31日各项目"), "{t}");
    assert!(t.contains("¥26,850.00") && t.contains("¥6,400.00"), "the May spends: {t}");
    assert!(!t.contains("¥21,600.00"), "a February spend is not in May: {t}");
    assert!(t.contains("本期支出33250元"), "{t}");
    let year = fund_use(conn, "2026", &opts()).unwrap();
    assert_eq!(year.spends.len(), 6, "every demo spend of the year");
    assert!(year.spends.windows(2).all(|w| w[0].day <= w[1].day), "by day");
    assert_eq!(year.spent(), crate::money::Fen(19_429_000));
    let err = fund_use(conn, "2025", &opts()).unwrap_err();
    assert!(matches!(err, LoadError::NothingInPeriod { .. }), "{err:?}");
    let err = fund_use(conn, "2026-13", &opts()).unwrap_err();
    assert!(err.to_string().contains("2026-13"), "{err}");
    let err = fund_use(conn, "", &opts()).unwrap_err();
    assert!(matches!(err, LoadError::NotFound { .. }), "{err:?}");
}

#[test]
fn a_decision_without_money_has_no_fund_notice_and_prints_as_before() {
    let (_d, store) = demo();
    let conn = store.conn();
    let bikes = id_of(conn, "SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM fund_budgets b WHERE b.owner_id = d.id) AND d.act = 1 LIMIT 1");
    assert!(matches!(fund_use(conn, &bikes, &opts()).unwrap_err(), LoadError::NoBudget));
    let n = decision(conn, &bikes, &opts()).unwrap();
    assert!(n.decisions.iter().all(|d| d.budget.is_none()));
    let spec = serde_json::to_string(&n).unwrap();
    assert!(!spec.contains("budget"), "no budget key in the spec of a decision without money: {spec}");
    assert!(!text(&n.document().unwrap()).contains("资金安排"));
    let p = progress(conn, &bikes, &opts()).unwrap();
    assert!(p.tasks.iter().all(|t| t.money.is_none()));
    assert!(!text(&p.document().unwrap()).contains("资金使用情况"));
}

#[test]
fn the_decision_notice_shows_the_budget_and_the_progress_notice_the_spend_so_far() {
    let (_d, store) = demo();
    let conn = store.conn();
    let decision_id = id_of(conn, BRIDGE_DECISION);
    let t = text(&decision(conn, &decision_id, &opts()).unwrap().document().unwrap());
    assert!(t.contains("资金安排"), "{t}");
    assert!(t.contains("预算45000元，其中慈善协会（县慈善协会）30000元"), "{t}");
    assert!(t.contains(&format!("乡贤 / 个人捐资（{UNNAMED_DONOR}）3000元")), "{t}");
    assert!(t.contains("惠民资金7000元"), "{t}");
    let p = text(&progress(conn, &decision_id, &opts()).unwrap().document().unwrap());
    assert!(p.contains("资金使用情况"), "{p}");
    assert!(p.contains("便民桥抬高加固¥45,000.00¥33,250.00¥11,750.00"), "{p}");
}

#[test]
fn a_decision_notice_without_decisions_has_no_empty_heading() {
    let mut n = crate::notices::demo::decision_notice();
    n.decisions.clear();
    let t = text(&n.document().unwrap());
    assert!(!t.contains("议定事项"), "{t}");
    assert!(t.contains("一、表决情况"), "the vote is section one: {t}");
}

#[test]
fn the_fund_notice_is_a_public_kind_the_cli_can_name() {
    assert_eq!(kind_named("fund-use").unwrap(), NoticeKind::FundUse);
    assert!(NoticeKind::FundUse.is_public());
    let (_d, store) = demo();
    let typed = LoadOptions { supervisors: "居务监督委员会 孙明、刘芳".into(), ..opts() };
    let conn = store.conn();
    let t = text(&load(conn, NoticeKind::FundUse, &id_of(conn, BRIDGE_DECISION), &typed).unwrap().document().unwrap());
    assert!(t.contains("已经居务监督委员会 孙明、刘芳审核"), "{t}");
}

#[test]
fn the_year_figures_total_money_by_source_the_labour_days_and_the_huimin_projects() {
    use crate::money::Fen;
    let (_d, store) = demo();
    let conn = store.conn();
    let f = crate::stats::year_stats(conn, 2026, None, today()).unwrap().funds;
    let by: Vec<(&str, i64, i64)> =
        f.by_source.iter().map(|r| (r.key.as_str(), r.raised.0 / 100, r.spent.0 / 100)).collect();
    assert_eq!(
        by,
        [
            ("huimin", 59_000, 49_800),
            ("maintenance", 30_000, 21_600),
            ("property", 8_000, 1_440),
            ("developer", 96_000, 88_200),
            ("charity", 30_000, 26_850),
            ("donation", 8_000, 6_400),
        ]
    );
    assert_eq!((f.raised, f.spent), (Fen(23_100_000), Fen(19_429_000)));
    assert_eq!((f.person_day_tenths, f.goods_value), (640, Fen(180_000)));
    let h = f.huimin.expect("the year's 惠民资金");
    assert_eq!(
        (h.allocated, h.committed, h.spent, h.unspent),
        (Some(Fen(20_000_000)), Fen(5_900_000), Fen(4_980_000), Fen(15_020_000))
    );
    let projects: Vec<(&str, i64)> = h.projects.iter().map(|p| (p.title.as_str(), p.committed.0 / 100)).collect();
    assert_eq!(projects, [("北侧车棚安装智能充电口20个", 52_000), ("便民桥抬高加固", 7_000)]);
    let report = text(&year_report(conn, 2026, None, today()).unwrap().document().unwrap());
    for want in [
        "资金使用",
        "筹集资金231000元，支出194290元",
        "投工投劳64个工日",
        "慈善协会¥30,000.00¥26,850.00",
        "北侧车棚安装智能充电口20个¥52,000.00¥49,800.00",
        "已安排2个项目共59000元",
    ] {
        assert!(report.contains(want), "{want} in\n{report}");
    }
    assert_eq!(
        crate::stats::year_stats(conn, 2025, None, today()).unwrap().funds,
        Default::default(),
        "no money in 2025"
    );
}
