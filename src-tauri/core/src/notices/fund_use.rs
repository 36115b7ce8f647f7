//! 资金使用公示 (财务公开): where a project's money came from and where it went — its sources
//! with what each has left, the spending lines with dates, payees and the running balance of
//! their source, goods given with their estimated value, labour days, who supervised it, and
//! signature lines for 经办人 / 审核人 / 监督小组. Or the same for every project with a spend in
//! a period. Every amount is whole fen ([`Fen`]) and printed from it; a donor is named only with
//! consent, phone and ID numbers are masked as on every public notice.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::format::fmt_date;
use super::public::{addressed, numbered_heading, push_objection_period, signoff};
use super::{Masking, Notice, NoticeError};
use crate::figures::tenths_words;
use crate::money::Fen;
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// Printed instead of the name of a donor who did not agree to be named.
pub const UNNAMED_DONOR: &str = "未公开姓名";

/// 资金使用公示 of one project, or of a period (every project with a spend in it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundUseNotice {
    #[serde(default)]
    pub paper: Paper,
    /// The project (“便民桥修缮”); empty for a period notice.
    #[serde(default)]
    pub project: String,
    /// What was decided and where (project notices; may be empty).
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub meeting: String,
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    /// A period notice: its first and last day. Its tables then name each line's project.
    #[serde(default)]
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The budgets' total (Σ of the projects').
    pub budget: Fen,
    /// What the budgets have left: the total minus every spend up to the notice's date (a
    /// period notice: up to the period's last day).
    pub balance: Fen,
    pub sources: Vec<SourceLine>,
    pub spends: Vec<SpendLine>,
    #[serde(default)]
    pub goods: Vec<GoodsLine>,
    #[serde(default)]
    pub labour: Vec<LabourLine>,
    /// Who checked the accounts (监督小组 / 居务监督委员会 and its members), as typed; empty:
    /// only the signature line.
    #[serde(default)]
    pub supervisors: String,
    /// Days residents have to raise questions; 0 = none printed.
    #[serde(default)]
    pub objection_days: u32,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
}

/// One source of a budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLine {
    #[serde(default)]
    pub project: String,
    /// The kind's label: 慈善协会, 乡贤 / 个人捐资…
    pub kind: String,
    /// The charity, developer or donor; printed only if `name_public`.
    #[serde(default)]
    pub name: String,
    #[serde(default = "yes")]
    pub name_public: bool,
    pub amount: Fen,
    /// 居民筹资 per household, and how many households.
    #[serde(default)]
    pub per_household: Option<Fen>,
    #[serde(default)]
    pub households: Option<u32>,
    pub spent: Fen,
    pub balance: Fen,
}

/// One spend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendLine {
    pub day: NaiveDate,
    #[serde(default)]
    pub project: String,
    pub what: String,
    pub payee: String,
    /// The label of the source it was charged to.
    pub source: String,
    pub amount: Fen,
    /// What that source had left after it.
    pub source_balance: Fen,
    /// Why it went past the budget; empty if it did not.
    #[serde(default)]
    pub over_budget_reason: String,
}

/// Goods given (物资).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoodsLine {
    #[serde(default)]
    pub project: String,
    pub what: String,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub value: Option<Fen>,
    #[serde(default)]
    pub given_by: String,
    #[serde(default = "yes")]
    pub given_by_public: bool,
}

/// Labour given (投工投劳), in tenths of a person-day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabourLine {
    #[serde(default)]
    pub project: String,
    pub what: String,
    #[serde(default)]
    pub given_by: String,
    #[serde(default = "yes")]
    pub given_by_public: bool,
    pub person_day_tenths: i64,
}

fn yes() -> bool {
    true
}

impl SourceLine {
    /// Who pays, as printed: the name (or that it is withheld), with 每户 × 户 for 居民筹资.
    pub fn payer(&self, m: &Masking) -> String {
        let name = if self.name_public { m.name(self.name.trim()) } else { UNNAMED_DONOR.to_string() };
        match (self.per_household, self.households) {
            (Some(per), Some(n)) => format!("{name}（每户{}×{n}户）", per.words()),
            _ if name.is_empty() => "—".to_string(),
            _ => name,
        }
    }
}

/// “2026年度”, “2026年5月”, else “2026年1月1日至2026年6月30日”.
fn period_words(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|d| d.day() == 1);
    if whole_months && from.year() == to.year() && from.month() == 1 && to.month() == 12 {
        format!("{}年度", from.year())
    } else if whole_months && from.year() == to.year() && from.month() == to.month() {
        format!("{}年{}月", from.year(), from.month())
    } else {
        format!("{}至{}", fmt_date(from), fmt_date(to))
    }
}

/// A giver's name as printed: withheld without consent, “—” when none was recorded.
fn giver(name: &str, public: bool, m: &Masking) -> String {
    match (name.trim(), public) {
        (_, false) => UNNAMED_DONOR.to_string(),
        ("", true) => "—".to_string(),
        (n, true) => m.name(n),
    }
}

impl FundUseNotice {
    pub fn title(&self) -> String {
        match self.period {
            Some((from, to)) => format!("{}资金使用情况公示", period_words(from, to)),
            None => format!("“{}”资金使用情况公示", self.masking.text(&self.project)),
        }
    }

    pub fn spent(&self) -> Fen {
        Fen::sum(self.spends.iter().map(|s| s.amount))
    }

    fn check(&self) -> Result<(), NoticeError> {
        if let Some((from, to)) = self.period {
            super::public::check_period(from, to)?;
        }
        Ok(())
    }
}

impl Notice for FundUseNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        self.check()?;
        let m = &self.masking;
        let by_project = self.period.is_some();
        let mut doc = addressed(self.title(), self.paper, self.date);
        doc.blocks.insert(1, Block::Subtitle("（财务公开）".to_string()));
        let decided = if self.decision.is_empty() {
            String::new()
        } else {
            let when = self.decided_on.map(fmt_date).unwrap_or_default();
            let text = m.text(&self.decision);
            let end = if text.ends_with(['。', '！', '？']) { "" } else { "。" };
            format!("{when}{}议定：{text}{end}", m.text(&self.meeting))
        };
        doc.push(Block::Paragraph(match self.period {
            Some((from, to)) => format!(
                "现将{}至{}各项目的资金来源、支出、结余和物资捐赠、投工投劳情况公示如下，请广大居民监督。",
                fmt_date(from),
                fmt_date(to)
            ),
            None => {
                format!("{decided}现将该项目的资金来源、支出、结余和物资捐赠、投工投劳情况公示如下，请广大居民监督。")
            }
        }));
        let mut section = 0;
        let mut heading = |doc: &mut Document, text: &str| {
            section += 1;
            numbered_heading(doc, section, text);
        };
        heading(&mut doc, "资金来源");
        doc.push(Block::Table(self.sources_table(by_project)));
        doc.push(Block::Paragraph(self.coverage_line()));
        heading(&mut doc, "资金支出");
        if self.spends.is_empty() {
            doc.push(Block::Paragraph(format!("截至{}，尚无支出。", fmt_date(self.date))));
        } else {
            doc.push(Block::Table(self.spends_table(by_project)));
        }
        let spent = self.spent();
        let until = self.period.map_or(self.date, |(_, to)| to.min(self.date));
        doc.push(Block::Paragraph(format!(
            "截至{}，{}支出{}，结余{}。",
            fmt_date(until),
            if self.period.is_some() { "本期" } else { "累计" },
            spent.words(),
            self.balance.words()
        )));
        if !self.goods.is_empty() {
            heading(&mut doc, "物资捐赠");
            doc.push(Block::Table(self.goods_table(by_project)));
        }
        if !self.labour.is_empty() {
            heading(&mut doc, "投工投劳");
            doc.push(Block::Table(self.labour_table(by_project)));
        }
        heading(&mut doc, "监督审核");
        let supervisors = m.text(self.supervisors.trim());
        doc.push(Block::Paragraph(if supervisors.is_empty() {
            "以上账目由经办人、审核人核对，经监督小组审核签字后张贴公示。".to_string()
        } else {
            format!("以上账目由经办人、审核人核对，已经{supervisors}审核。")
        }));
        push_objection_period(&mut doc, self.objection_days);
        doc.push(Block::Signatures(vec![
            "经办人签字：".to_string(),
            "审核人签字：".to_string(),
            "监督小组签字：".to_string(),
        ]));
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// `columns`, with a 项目 column first when the notice covers several projects.
fn with_project(by_project: bool, columns: Vec<Column>) -> Vec<Column> {
    let mut out = Vec::with_capacity(columns.len() + 1);
    if by_project {
        out.push(Column::new("项目").weight(2.0));
    }
    out.extend(columns);
    out
}

fn row(by_project: bool, project: &str, m: &Masking, cells: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(cells.len() + 1);
    if by_project {
        out.push(m.text(project));
    }
    out.extend(cells);
    out
}

/// A 合计 row: the label under the first column, the sums under theirs.
fn total_row(width: usize, label_at: usize, sums: &[(usize, String)]) -> Vec<String> {
    let mut cells = vec![String::new(); width];
    cells[label_at] = "合计".to_string();
    for (i, s) in sums {
        cells[*i] = s.clone();
    }
    cells
}

impl FundUseNotice {
    fn sources_table(&self, by_project: bool) -> Table {
        let m = &self.masking;
        let (kind, payer, amount) = if by_project { (2.2, 2.4, 2.5) } else { (2.7, 2.8, 2.0) };
        let money = |t: &str| Column::new(t).weight(amount).align(Align::Right);
        let columns = with_project(
            by_project,
            vec![
                Column::new("来源").weight(kind),
                Column::new("出资方").weight(payer),
                money("金额"),
                money("已支出"),
                money("结余"),
            ],
        );
        let mut rows: Vec<Vec<String>> = self
            .sources
            .iter()
            .map(|s| {
                let cells = vec![s.kind.clone(), s.payer(m), s.amount.yuan(), s.spent.yuan(), s.balance.yuan()];
                row(by_project, &s.project, m, cells)
            })
            .collect();
        let shift = usize::from(by_project);
        let sum = |f: fn(&SourceLine) -> Fen| Fen::sum(self.sources.iter().map(f)).yuan();
        rows.push(total_row(
            columns.len(),
            0,
            &[(shift + 2, sum(|s| s.amount)), (shift + 3, sum(|s| s.spent)), (shift + 4, sum(|s| s.balance))],
        ));
        Table { columns, rows, min_row_height: 0.0 }
    }

    /// “预算总额45000元，已落实资金45000元。” with the gap when the sources fall short.
    fn coverage_line(&self) -> String {
        let covered = Fen::sum(self.sources.iter().map(|s| s.amount));
        let gap = self.budget - covered;
        if gap.0 > 0 {
            format!("预算总额{}，已落实资金{}，尚有缺口{}。", self.budget.words(), covered.words(), gap.words())
        } else {
            format!("预算总额{}，资金来源已全部落实。", self.budget.words())
        }
    }

    fn spends_table(&self, by_project: bool) -> Table {
        let m = &self.masking;
        let [day, what, payee, source, amount] =
            if by_project { [2.6, 2.6, 2.0, 2.0, 3.0] } else { [2.9, 3.0, 2.4, 2.3, 2.7] };
        let money = |t: &str| Column::new(t).weight(amount).align(Align::Right);
        let columns = with_project(
            by_project,
            vec![
                Column::new("日期").weight(day).align(Align::Center),
                Column::new("支出事项").weight(what),
                Column::new("收款方").weight(payee),
                Column::new("资金来源").weight(source),
                money("金额"),
                money("来源结余"),
            ],
        );
        let mut rows: Vec<Vec<String>> = self
            .spends
            .iter()
            .map(|s| {
                let what = if s.over_budget_reason.trim().is_empty() {
                    m.text(&s.what)
                } else {
                    format!("{}（超预算：{}）", m.text(&s.what), m.text(&s.over_budget_reason))
                };
                let cells = vec![
                    fmt_date(s.day),
                    what,
                    m.text(&s.payee),
                    s.source.clone(),
                    s.amount.yuan(),
                    s.source_balance.yuan(),
                ];
                row(by_project, &s.project, m, cells)
            })
            .collect();
        rows.push(total_row(columns.len(), 0, &[(usize::from(by_project) + 4, self.spent().yuan())]));
        Table { columns, rows, min_row_height: 0.0 }
    }

    fn goods_table(&self, by_project: bool) -> Table {
        let m = &self.masking;
        let columns = with_project(
            by_project,
            vec![
                Column::new("物资").weight(3.0),
                Column::new("数量").weight(1.6).align(Align::Center),
                Column::new("估计价值").weight(2.0).align(Align::Right),
                Column::new("捐赠方").weight(3.0),
            ],
        );
        let mut rows: Vec<Vec<String>> = self
            .goods
            .iter()
            .map(|g| {
                let value = g.value.map(Fen::yuan).unwrap_or_else(|| "—".to_string());
                let quantity = if g.quantity.trim().is_empty() { "—".to_string() } else { m.text(&g.quantity) };
                let cells = vec![m.text(&g.what), quantity, value, giver(&g.given_by, g.given_by_public, m)];
                row(by_project, &g.project, m, cells)
            })
            .collect();
        let value = Fen::sum(self.goods.iter().filter_map(|g| g.value));
        rows.push(total_row(columns.len(), 0, &[(usize::from(by_project) + 2, value.yuan())]));
        Table { columns, rows, min_row_height: 0.0 }
    }

    fn labour_table(&self, by_project: bool) -> Table {
        let m = &self.masking;
        let columns = with_project(
            by_project,
            vec![
                Column::new("投工内容").weight(3.4),
                Column::new("出工住户或个人").weight(3.4),
                Column::new("人日").weight(1.4).align(Align::Right),
            ],
        );
        let mut rows: Vec<Vec<String>> = self
            .labour
            .iter()
            .map(|l| {
                let cells =
                    vec![m.text(&l.what), giver(&l.given_by, l.given_by_public, m), tenths_words(l.person_day_tenths)];
                row(by_project, &l.project, m, cells)
            })
            .collect();
        let days: i64 = self.labour.iter().map(|l| l.person_day_tenths).sum();
        rows.push(total_row(columns.len(), 0, &[(usize::from(by_project) + 2, tenths_words(days))]));
        Table { columns, rows, min_row_height: 0.0 }
    }
}
