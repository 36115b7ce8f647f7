//! The demo's money (issue 16): the parking project on 专项维修基金 and 物业, the garage on the
//! developer, the village footbridge on a charity, donors and labour days, and the year's
//! 惠民资金 of 200,000元 partly spent.

use rusqlite::{OptionalExtension, Transaction};

use super::{day, moment, step, DemoError};
use crate::funds::{self, InKindKind, NewBudget, NewInKind, NewSource, NewSpend, Owner, SourceKind};
use crate::time;

/// (kind, name, whether the name may be printed, amount)
type Src = (SourceKind, &'static str, bool, &'static str);

/// (task title whose decision carries the budget, month, day, total, sources)
const BUDGETS: &[(&str, u32, u32, &str, &[Src])] = &[
    (
        "施划标准车位和消防通道禁停线",
        1,
        20,
        "38000",
        &[(SourceKind::Maintenance, "", true, "30000"), (SourceKind::Property, "幸福里物业服务中心", true, "8000")],
    ),
    ("车库照明全部更换为LED灯", 6, 12, "96000", &[(SourceKind::Developer, "锦华置业有限公司", true, "96000")]),
    (
        "便民桥抬高加固",
        4,
        28,
        "45000",
        &[
            (SourceKind::Charity, "县慈善协会", true, "30000"),
            (SourceKind::Donation, "乡贤 陈建华", true, "5000"),
            (SourceKind::Donation, "在外务工村民（不愿具名）", false, "3000"),
            (SourceKind::Huimin, "", true, "7000"),
        ],
    ),
    ("北侧车棚安装智能充电口20个", 2, 25, "52000", &[(SourceKind::Huimin, "", true, "52000")]),
];

/// (task title, month, day, what, amount, payee, source)
const SPENDS: &[(&str, u32, u32, &str, &str, &str, SourceKind)] = &[
    (
        "施划标准车位和消防通道禁停线",
        2,
        26,
        "道路标线漆及施工",
        "21,600",
        "城南交通设施工程队",
        SourceKind::Maintenance,
    ),
    ("施划标准车位和消防通道禁停线", 3, 2, "禁停提示牌12块", "1,440", "锦华路广告制作部", SourceKind::Property),
    ("车库照明全部更换为LED灯", 7, 10, "LED灯具126盏及安装", "88,200", "明亮照明工程有限公司", SourceKind::Developer),
    ("便民桥抬高加固", 5, 12, "钢筋、水泥、石料", "26,850", "镇上建材店", SourceKind::Charity),
    ("便民桥抬高加固", 5, 27, "桥面栏杆焊接", "6,400", "李记焊接", SourceKind::Donation),
    ("北侧车棚安装智能充电口20个", 3, 28, "智能充电口20个及安装", "49,800", "安途充电科技", SourceKind::Huimin),
];

pub(crate) fn build(tx: &Transaction) -> Result<(), DemoError> {
    time::at(moment(1, 6, 9, 0), || {
        funds::set_allocation(tx, 2026, SourceKind::Huimin, "200000", "街道下达本年度社区惠民资金", "张敏")
    })
    .map_err(step)?;
    for &(task, month, d, total, sources) in BUDGETS {
        let (_, decision) = task_of(tx, task)?;
        let new = NewBudget {
            total: total.into(),
            sources: sources
                .iter()
                .map(|&(kind, name, public, amount)| NewSource {
                    kind,
                    name: name.into(),
                    name_public: public,
                    amount: amount.into(),
                    per_household: String::new(),
                    households: None,
                })
                .collect(),
            note: String::new(),
            change_reason: String::new(),
        };
        let set = || funds::set_budget(tx, &Owner::decision(&decision), &new, "张敏", day(month, d));
        time::at(moment(month, d, 16, 0), set).map_err(step)?;
    }
    for &(task, month, d, what, amount, payee, source) in SPENDS {
        let (task_id, _) = task_of(tx, task)?;
        let new = NewSpend {
            spent_on: day(month, d).to_string(),
            what: what.into(),
            amount: amount.into(),
            payee: payee.into(),
            source,
            over_budget_reason: String::new(),
            draft_key: None,
        };
        let record = || funds::record_spend(tx, &task_id, &new, "张敏", day(month, d));
        time::at(moment(month, d, 17, 0), record).map_err(step)?;
    }
    labour(tx)
}

/// The villagers' labour and a company's goods for the footbridge.
fn labour(tx: &Transaction) -> Result<(), DemoError> {
    let (_, decision) = task_of(tx, "便民桥抬高加固")?;
    let owner = Owner::decision(&decision);
    let given = [
        (InKindKind::Labour, "搬运石料、清理河道", "", "", "64", "三组、四组村民"),
        (InKindKind::Goods, "防滑钢板", "6块", "1800", "", "镇农机站"),
    ];
    for (kind, what, quantity, value, days, by) in given {
        let new = NewInKind {
            kind,
            what: what.into(),
            quantity: quantity.into(),
            value: value.into(),
            person_days: days.into(),
            given_by: by.into(),
            given_by_public: true,
            given_on: day(5, 28).to_string(),
        };
        let add = || funds::add_in_kind(tx, &owner, &new, "张敏", day(5, 28));
        time::at(moment(5, 28, 18, 0), add).map_err(step)?;
    }
    Ok(())
}

/// A demo task's id and its decision's id, by the task's title.
fn task_of(tx: &Transaction, title: &str) -> Result<(String, String), DemoError> {
    tx.query_row(
        "SELECT id, decision_id FROM tasks WHERE title = ?1 AND decision_id IS NOT NULL AND deleted_at IS NULL",
        [title],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(|e| DemoError::Step(e.to_string()))?
    .ok_or_else(|| DemoError::Step(format!("示例任务“{title}”不存在")))
}
