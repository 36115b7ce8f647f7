//! Public notices for the board: 会议通知, 议题公示, 决议公示, 落实情况公示. All mask personal
//! data as their [`Masking`] says (phones and ID numbers by default).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::format::{cn_number, fmt_date, fmt_datetime};
use super::fund_use::SourceLine;
use super::vote_parts::VotePart;
use super::{Masking, Notice, NoticeError};
use crate::money::Fen;
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// 会议通知: when and where, which topics, who is invited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingNotice {
    #[serde(default)]
    pub paper: Paper,
    /// Kind of meeting as residents call it: 议事会, 院坝会, 板凳会, 居民会议…
    pub meeting_kind: String,
    /// e.g. "各位居民、各位代表：".
    pub salutation: String,
    pub starts_at: NaiveDateTime,
    pub place: String,
    /// Topics in agenda order.
    pub topics: Vec<String>,
    /// Who is invited, as printed: names or groups ("3号楼全体业主", "物业公司代表").
    pub invited: Vec<String>,
    /// Anything else residents should know (bring the property certificate…).
    #[serde(default)]
    pub note: Option<String>,
    /// Contact for questions, e.g. "社区居委会 王秀兰 13812345678" (masked when public).
    #[serde(default)]
    pub contact: Option<String>,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
    /// The revision of the template's words it was issued with (see [`super::Wording`]).
    #[serde(default, skip_serializing_if = "super::Wording::is_first")]
    pub wording: super::Wording,
}

impl Notice for MeetingNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let title = format!("关于召开{}的通知", self.meeting_kind);
        let (at, later) = self.wording.at_or_later(&m.text(&self.place));
        let mut doc = Document::new(&title, self.paper, self.date);
        doc.push(Block::Title(title));
        doc.push(Block::Salutation(m.text(&self.salutation)));
        doc.push(Block::Paragraph(format!(
            "为广泛听取居民意见，协商解决大家关心的问题，定于{}{at}召开{}{later}，现将有关事项通知如下：",
            fmt_datetime(self.starts_at),
            self.meeting_kind
        )));
        numbered_heading(&mut doc, 1, "会议议题");
        for (i, topic) in self.topics.iter().enumerate() {
            doc.push(Block::Paragraph(format!("{}. {}", i + 1, m.text(topic))));
        }
        numbered_heading(&mut doc, 2, "参会人员");
        let invited: Vec<String> = self.invited.iter().map(|p| m.name(p)).collect();
        doc.push(Block::Paragraph(format!("{}。", invited.join("、"))));
        let mut next = 3;
        if let Some(note) = &self.note {
            numbered_heading(&mut doc, next, "注意事项");
            doc.push(Block::Paragraph(m.text(note)));
            next += 1;
        }
        if let Some(contact) = &self.contact {
            numbered_heading(&mut doc, next, "联系方式");
            doc.push(Block::Paragraph(m.text(contact)));
        }
        doc.push(Block::Paragraph("请相互转告，准时参加。".to_string()));
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// 议题公示: a topic and the proposed plan, posted for comment during 公示期.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicNotice {
    #[serde(default)]
    pub paper: Paper,
    /// The topic as worded on the agenda, e.g. "地下车库照明维修".
    pub topic: String,
    /// How the topic came up and why it matters.
    pub background: Vec<String>,
    /// The proposed plan, one paragraph per step or option.
    pub plan: Vec<String>,
    /// The topic's own 方案 (issue 22), printed instead of `plan` when it has one.
    #[serde(default)]
    pub proposal: Option<super::PlanText>,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// Ways to give feedback: "来电：社区居委会 028-12345678", "意见箱：3号楼一单元门口".
    pub feedback: Vec<String>,
    /// Optional photo of the problem (JPEG or PNG bytes) and its caption.
    #[serde(default)]
    pub photo: Option<Photo>,
    /// Who raised the topic, when and how: the last paragraph of 议题由来. None in notices
    /// stored before it was printed (their background already says how it came up).
    #[serde(default)]
    pub origin: Option<TopicOrigin>,
    pub issuer: String,
    pub date: NaiveDate,
    /// Names are masked by default on this notice (the raiser is a private person).
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
}

/// How a topic came up, as 议题公示 says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicOrigin {
    /// The raiser's name as recorded; empty when raised anonymously (意见箱, a hotline report).
    pub raised_by: String,
    pub raised_on: NaiveDate,
    /// The channel in words: 电话, 12345热线…
    pub channel: String,
    /// 小区 / 楼栋 / 网格 it concerns; may be empty.
    #[serde(default)]
    pub place: String,
}

impl TopicOrigin {
    /// "该议题由王*兰于2026年11月3日经电话提出，涉及3号楼，已列入社区协商议事事项。"
    fn sentence(&self, m: &Masking) -> String {
        let who = if self.raised_by.trim().is_empty() { "居民".to_string() } else { m.name(self.raised_by.trim()) };
        let place = if self.place.is_empty() { String::new() } else { format!("，涉及{}", m.text(&self.place)) };
        format!("该议题由{who}于{}经{}提出{place}，已列入社区协商议事事项。", fmt_date(self.raised_on), self.channel)
    }
}

/// A photo attached to a notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub bytes: Vec<u8>,
    #[serde(default)]
    pub caption: Option<String>,
}

impl Notice for TopicNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        check_period(self.period_from, self.period_to)?;
        let m = &self.masking;
        let title = format!("关于“{}”议题的公示", m.text(&self.topic));
        let mut doc = Document::new(&title, self.paper, self.date);
        doc.push(Block::Title(title));
        let period = format!("公示期：{}至{}", fmt_date(self.period_from), fmt_date(self.period_to));
        doc.push(Block::Subtitle(period));
        doc.push(Block::Salutation("各位居民：".to_string()));
        numbered_heading(&mut doc, 1, "议题由来");
        paragraphs(&mut doc, &self.background, m);
        if let Some(origin) = &self.origin {
            doc.push(Block::Paragraph(origin.sentence(m)));
        }
        numbered_heading(&mut doc, 2, "拟定方案");
        match &self.proposal {
            Some(p) => p.push(&mut doc, m),
            None => paragraphs(&mut doc, &self.plan, m),
        }
        if let Some(photo) = &self.photo {
            let caption = photo.caption.as_ref().map(|c| m.text(c));
            doc.push(Block::Photo { bytes: photo.bytes.clone(), caption });
        }
        numbered_heading(&mut doc, 3, "意见反馈");
        let invite = if self.proposal.is_some() {
            "公示期内，欢迎居民对方案提出意见和建议，请通过以下方式反馈；每条意见都将登记并答复，方案将根据意见修改完善后提交议事会议定。"
        } else {
            "公示期内，居民如有意见或建议，请通过以下方式反馈。公示期满无重大异议的，将按程序提交议事会议定。"
        };
        doc.push(Block::Paragraph(invite.to_string()));
        for (i, way) in self.feedback.iter().enumerate() {
            doc.push(Block::Paragraph(format!("{}. {}", i + 1, m.text(way))));
        }
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// Vote counts as recorded. Counts are integers; `eligible` is everyone entitled to vote
/// (people or households), `present` those at the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCounts {
    pub agree: u32,
    pub oppose: u32,
    pub abstain: u32,
    pub eligible: u32,
    pub present: u32,
    /// 一户一票: every count is of households (户), not people (人).
    #[serde(default)]
    pub by_household: bool,
}

impl VoteCounts {
    /// 户 for 一户一票, else 人.
    pub fn unit(&self) -> &'static str {
        if self.by_household {
            "户"
        } else {
            "人"
        }
    }

    /// What one 同意 is counted as: a household, or a person's vote (票).
    pub fn vote_unit(&self) -> &'static str {
        if self.by_household {
            "户"
        } else {
            "票"
        }
    }

    /// "应到11人，实到11人；同意9票，反对1票，弃权1票" (households: 应到5户…同意3户).
    pub fn in_words(&self) -> String {
        let (u, v) = (self.unit(), self.vote_unit());
        format!(
            "应到{}{u}，实到{}{u}；同意{}{v}，反对{}{v}，弃权{}{v}",
            self.eligible, self.present, self.agree, self.oppose, self.abstain
        )
    }

    fn check(&self) -> Result<(), NoticeError> {
        let cast = self.agree + self.oppose + self.abstain;
        let (u, v) = (self.unit(), self.vote_unit());
        let problem = if cast > self.present {
            format!("同意、反对、弃权合计{cast}{v}，多于到会{}{u}", self.present)
        } else if self.present > self.eligible {
            format!("到会{}{u}，多于应到{}{u}", self.present, self.eligible)
        } else {
            return Ok(());
        };
        Err(NoticeError::Invalid { field: "表决票数", problem })
    }

    fn table(&self) -> Table {
        let c = |t: String| Column::new(&t).align(Align::Center);
        let (u, v) = (self.unit(), self.vote_unit());
        Table {
            columns: vec![
                c(format!("应到（{u}）")),
                c(format!("实到（{u}）")),
                c(format!("同意（{v}）")),
                c(format!("反对（{v}）")),
                c(format!("弃权（{v}）")),
            ],
            rows: vec![[self.eligible, self.present, self.agree, self.oppose, self.abstain]
                .iter()
                .map(u32::to_string)
                .collect()],
            min_row_height: 0.0,
        }
    }
}

/// 决议公示: what a meeting decided about a topic, with the vote and who carries it out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionNotice {
    #[serde(default)]
    pub paper: Paper,
    pub topic: String,
    pub meeting_kind: String,
    pub held_at: NaiveDateTime,
    pub place: String,
    /// What was decided, one point each, with its tasks.
    pub decisions: Vec<Decided>,
    /// None when decided by consensus without a vote.
    #[serde(default)]
    pub vote: Option<VoteCounts>,
    /// Whose vote it was (“3号楼全体住户”); empty for a vote of those present.
    #[serde(default)]
    pub electorate: String,
    /// The parts the count adds up from (现场, 投票箱, 线上, 入户征求); empty if not counted in parts.
    #[serde(default)]
    pub parts: Vec<VotePart>,
    /// The rule in words, e.g. "到会人员过半数同意即为通过".
    #[serde(default)]
    pub rule: String,
    /// The result in words, as the core explains it, e.g. "通过（同意38票，超过到会人数的一半）".
    #[serde(default)]
    pub result: String,
    /// Days residents have to raise objections; 0 = no objection period printed.
    #[serde(default)]
    pub objection_days: u32,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
    /// The revision of the template's words it was issued with (see [`super::Wording`]).
    #[serde(default, skip_serializing_if = "super::Wording::is_first")]
    pub wording: super::Wording,
}

/// One decision of a 决议公示 and the tasks that carry it out. Notices stored before tasks were
/// printed hold a bare text here; they read as a decision to act without tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "DecidedSpec")]
pub struct Decided {
    pub text: String,
    /// false for a decision not to act (暂不实施): it needs no tasks.
    pub act: bool,
    pub tasks: Vec<DecidedTask>,
    /// Its budget and who pays it (issue 16); None for a decision without money (and then not
    /// in the spec at all, so a decision without money prints the same spec as before).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<DecidedBudget>,
}

/// A decision's budget as the 决议公示 announces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecidedBudget {
    pub total: Fen,
    pub sources: Vec<SourceLine>,
}

impl DecidedBudget {
    /// “预算45000元，其中慈善协会（县慈善协会）30000元、乡贤 / 个人捐资（未公开姓名）3000元；尚有缺口…”
    fn sentence(&self, m: &Masking, wording: super::Wording) -> String {
        let parts: Vec<String> = self
            .sources
            .iter()
            .map(|s| {
                let (payer, amount) = (s.payer(m), s.amount.words());
                if payer == "—" {
                    format!("{}{amount}", s.kind)
                } else if wording > super::Wording::FIRST && payer.starts_with('（') {
                    // An unnamed 居民筹资 is “（每户50元×30户）” already: not bracketed twice.
                    format!("{}{payer}{amount}", s.kind)
                } else {
                    format!("{}（{payer}）{amount}", s.kind)
                }
            })
            .collect();
        let gap = self.total - Fen::sum(self.sources.iter().map(|s| s.amount));
        let gap = if gap.0 > 0 { format!("；尚有缺口{}", gap.words()) } else { String::new() };
        format!("预算{}，其中{}{gap}。", self.total.words(), parts.join("、"))
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DecidedSpec {
    Text(String),
    Full {
        text: String,
        #[serde(default = "yes")]
        act: bool,
        #[serde(default)]
        tasks: Vec<DecidedTask>,
        #[serde(default)]
        budget: Option<DecidedBudget>,
    },
}

fn yes() -> bool {
    true
}

impl From<DecidedSpec> for Decided {
    fn from(spec: DecidedSpec) -> Decided {
        match spec {
            DecidedSpec::Text(text) => Decided { text, act: true, tasks: Vec::new(), budget: None },
            DecidedSpec::Full { text, act, tasks, budget } => Decided { text, act, tasks, budget },
        }
    }
}

impl Decided {
    /// A decision to act, with no tasks yet.
    pub fn text(text: &str) -> Decided {
        Decided { text: text.to_string(), act: true, tasks: Vec::new(), budget: None }
    }
}

/// A task as the 决议公示 announces it: who does what by when (its progress is for 落实情况公示).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecidedTask {
    pub item: String,
    /// 责任单位; the loader fills in 社区自办 etc. when none was typed.
    pub unit: String,
    /// 责任人, masked as names are on this notice.
    pub person: String,
    pub deadline: Option<NaiveDate>,
}

impl Notice for DecisionNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let mut doc = addressed(format!("关于“{}”的决议公示", m.text(&self.topic)), self.paper, self.date);
        doc.push(Block::Paragraph(format!(
            "{}，{}召开{}，就“{}”进行协商议事，形成决议如下：",
            fmt_datetime(self.held_at),
            self.wording.at(&m.text(&self.place)),
            self.meeting_kind,
            m.text(&self.topic)
        )));
        let mut section = 0;
        if !self.decisions.is_empty() {
            section += 1;
            numbered_heading(&mut doc, section, "议定事项");
            for (i, d) in self.decisions.iter().enumerate() {
                doc.push(Block::Paragraph(format!("{}. {}", i + 1, m.text(&d.text))));
            }
        }
        if let Some(vote) = &self.vote {
            vote.check()?;
            section += 1;
            numbered_heading(&mut doc, section, "表决情况");
            if !self.electorate.is_empty() {
                doc.push(Block::Paragraph(format!("表决范围：{}。", m.text(&self.electorate))));
            }
            doc.push(Block::Table(vote.table()));
            if !self.parts.is_empty() {
                doc.push(Block::Paragraph("分项计票：".to_string()));
                doc.push(Block::Table(VotePart::table(&self.parts)));
            }
            if !self.rule.is_empty() {
                doc.push(Block::Paragraph(sentence(&format!("表决规则：{}", m.text(&self.rule)))));
            }
            if !self.result.is_empty() {
                doc.push(Block::Paragraph(format!("表决结果：{}", m.text(&self.result))));
            }
        }
        if self.decisions.iter().any(|d| d.act) {
            section += 1;
            numbered_heading(&mut doc, section, "落实安排");
            push_tasks(&mut doc, &self.decisions, m);
        }
        if self.decisions.iter().any(|d| d.budget.is_some()) {
            section += 1;
            numbered_heading(&mut doc, section, "资金安排");
            let numbered = self.decisions.len() > 1;
            for (i, d) in self.decisions.iter().enumerate() {
                if let Some(b) = &d.budget {
                    let which = if numbered { format!("第{}项", i + 1) } else { String::new() };
                    doc.push(Block::Paragraph(format!("{which}{}", b.sentence(m, self.wording))));
                }
            }
        }
        push_objection_period(&mut doc, self.objection_days);
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// A public notice's title and “各位居民：”.
pub(super) fn addressed(title: String, paper: Paper, date: NaiveDate) -> Document {
    let mut doc = Document::new(&title, paper, date);
    doc.push(Block::Title(title));
    doc.push(Block::Salutation("各位居民：".to_string()));
    doc
}

/// “现予以公示，公示期7天……” when the notice has an objection period.
pub(super) fn push_objection_period(doc: &mut Document, days: u32) {
    if days > 0 {
        doc.push(Block::Paragraph(format!("现予以公示，公示期{days}天。如有异议，请在公示期内向社区居委会反映。")));
    }
}

/// The tasks of every decision in one table (the decision's number first), and a line naming
/// the decisions to act that have no task yet — so a missing row reads as "not yet assigned",
/// not as forgotten.
fn push_tasks(doc: &mut Document, decisions: &[Decided], m: &Masking) {
    let rows: Vec<Vec<String>> = decisions
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.tasks.iter().map(move |t| (i, t)))
        .map(|(i, t)| {
            let deadline = t.deadline.map(fmt_date).unwrap_or_else(|| "—".to_string());
            vec![format!("第{}项", i + 1), m.text(&t.item), m.text(&t.unit), m.name(&t.person), deadline]
        })
        .collect();
    let without: Vec<String> = decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.act && d.tasks.is_empty())
        .map(|(i, _)| format!("第{}项", i + 1))
        .collect();
    if rows.is_empty() {
        doc.push(Block::Paragraph("以上议定事项暂未分派落实任务，分派后将另行公示责任单位和完成时限。".to_string()));
        return;
    }
    let columns = vec![
        Column::new("议定事项").weight(2.0).align(Align::Center),
        Column::new("落实任务").weight(3.4),
        Column::new("责任单位").weight(2.4),
        Column::new("责任人").weight(1.5).align(Align::Center),
        Column::new("完成时限").weight(2.6).align(Align::Center),
    ];
    doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
    if !without.is_empty() {
        doc.push(Block::Paragraph(format!("{}暂未分派落实任务，分派后另行公示。", without.join("、"))));
    }
}

/// One line of the 落实情况 table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRow {
    /// What is to be done.
    pub item: String,
    /// Responsible unit (承办单位): 物业公司, 社区居委会, 开发商…
    pub unit: String,
    /// Person in charge (首问负责人).
    pub person: String,
    pub deadline: Option<NaiveDate>,
    /// Progress in words: 已完成, 进行中（完成60%）, 未开始…
    pub status: String,
    /// The money of a task with a budget (its own or its decision's); None without (and then
    /// not in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<TaskMoney>,
}

/// What a task's budget has spent: the budget (its own, or its decision's when it has none),
/// this task's spends, and what the budget has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskMoney {
    pub budget: Fen,
    pub spent: Fen,
    pub balance: Fen,
}

/// 落实情况公示: progress of decided matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressNotice {
    #[serde(default)]
    pub paper: Paper,
    /// What the tasks come from, e.g. "第三季度议事会议定事项".
    pub subject: String,
    pub intro: String,
    pub tasks: Vec<TaskRow>,
    /// How to comment or report a problem.
    #[serde(default)]
    pub feedback: Option<String>,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
}

impl Notice for ProgressNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let title = format!("{}落实情况公示", m.text(&self.subject));
        let mut doc = Document::new(&title, self.paper, self.date);
        doc.push(Block::Title(title));
        doc.push(Block::Salutation("各位居民：".to_string()));
        doc.push(Block::Paragraph(m.text(&self.intro)));
        let columns = vec![
            Column::new("序号").weight(1.0).align(Align::Center),
            Column::new("事项").weight(2.5),
            Column::new("承办单位").weight(1.8),
            Column::new("负责人").weight(1.5).align(Align::Center),
            Column::new("完成时限").weight(3.0).align(Align::Center),
            Column::new("进展情况").weight(3.2),
        ];
        let rows = self
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let deadline = t.deadline.map(fmt_date).unwrap_or_else(|| "—".to_string());
                vec![
                    (i + 1).to_string(),
                    m.text(&t.item),
                    m.text(&t.unit),
                    m.name(&t.person),
                    deadline,
                    m.text(&t.status),
                ]
            })
            .collect();
        doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
        push_task_money(&mut doc, &self.tasks, m);
        if let Some(feedback) = &self.feedback {
            doc.push(Block::Paragraph(m.text(feedback)));
        }
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// 资金使用情况 of the tasks with a budget, numbered as in the table above; nothing when none has.
fn push_task_money(doc: &mut Document, tasks: &[TaskRow], m: &Masking) {
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.money.map(|money| (i, t, money)))
        .map(|(i, t, money)| {
            vec![(i + 1).to_string(), m.text(&t.item), money.budget.yuan(), money.spent.yuan(), money.balance.yuan()]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    doc.push(Block::Paragraph("资金使用情况：".to_string()));
    let money = |t: &str| Column::new(t).weight(2.4).align(Align::Right);
    let columns = vec![
        Column::new("序号").weight(1.0).align(Align::Center),
        Column::new("事项").weight(4.0),
        money("预算"),
        money("本项已支出"),
        money("预算结余"),
    ];
    doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
}

/// `text` ending in a full stop (the rule is stored as a clause).
fn sentence(text: &str) -> String {
    if text.ends_with(['。', '！', '？']) {
        text.to_string()
    } else {
        format!("{text}。")
    }
}

/// "一、会议议题" style heading.
pub(super) fn numbered_heading(doc: &mut Document, n: usize, text: &str) {
    doc.push(Block::Heading { text: format!("{}、{text}", cn_number(n)), align: Align::Left });
}

pub(super) fn paragraphs(doc: &mut Document, texts: &[String], m: &Masking) {
    for t in texts {
        doc.push(Block::Paragraph(m.text(t)));
    }
}

pub(super) fn signoff(issuer: &str, date: NaiveDate, m: &Masking) -> Block {
    Block::Signoff { issuer: m.text(issuer), date: fmt_date(date) }
}

pub(super) fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), NoticeError> {
    if to < from {
        let problem = format!("结束日期{}早于开始日期{}", fmt_date(to), fmt_date(from));
        return Err(NoticeError::Invalid { field: "公示期", problem });
    }
    Ok(())
}
