//! 月度议题研判表: the written material of the 两委's monthly review of 代办件 and 上报件
//! (“每月就代办件、上报件进行专题研究1次，形成书面材料”). Internal, not posted: the topics
//! collected in the month by class, the open 代办 and 上报 items at the month's end with their
//! age, the overdue tasks, the topics still without an answer to the resident, and the
//! signature lines of the review meeting. `printouts::month_review` fills it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{fmt_date, Notice, NoticeError};
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// A topic as the sheet lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewTopic {
    /// 2026-025: the topic's place in its year, by the time it was raised.
    pub number: String,
    pub title: String,
    pub raised_on: NaiveDate,
    /// 即办件 / 代办件 / 上报件.
    pub class: String,
    /// Its status at the month's end (已收集, 办理中 …).
    pub state: String,
    /// Days from raising (代办) or sending (上报) to the month's end.
    #[serde(default)]
    pub age_days: i64,
}

/// An open 上报件: where it went and whether it was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalatedItem {
    pub topic: ReviewTopic,
    /// 街道城管科 (街道), or the status note of an old 上报 without a record.
    pub sent_to: String,
    pub reference: String,
    pub sent_on: Option<NaiveDate>,
    pub follow_up_on: Option<NaiveDate>,
    /// “未答复”, or the reply and its day.
    pub reply: String,
}

/// A task overdue at the month's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueTask {
    pub title: String,
    pub unit: String,
    pub person: String,
    pub deadline: NaiveDate,
    pub days_overdue: i64,
    /// How often its deadline was extended by then.
    pub extensions: usize,
}

/// Topics collected in the month, by class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCounts {
    pub immediate: usize,
    pub community: usize,
    pub escalate: usize,
}

impl ClassCounts {
    pub fn total(&self) -> usize {
        self.immediate + self.community + self.escalate
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthReview {
    #[serde(default)]
    pub paper: Paper,
    /// 幸福里社区
    pub community: String,
    pub year: i32,
    pub month: u32,
    /// The month's last day, or today while the month is running.
    pub as_of: NaiveDate,
    pub counts: ClassCounts,
    pub collected: Vec<ReviewTopic>,
    pub open_community: Vec<ReviewTopic>,
    pub open_escalated: Vec<EscalatedItem>,
    pub overdue: Vec<OverdueTask>,
    pub unanswered: Vec<ReviewTopic>,
    pub issuer: String,
    pub date: NaiveDate,
}

impl MonthReview {
    pub fn title(&self) -> String {
        format!("{}{}年{}月议题研判表", self.community, self.year, self.month)
    }
}

impl Notice for MonthReview {
    fn document(&self) -> Result<Document, NoticeError> {
        let title = self.title();
        let mut doc = Document::new(&title, self.paper, self.date);
        doc.push(Block::Title(title));
        doc.push(Block::Subtitle(format!("{}　统计截至{}", self.issuer, fmt_date(self.as_of))));
        doc.push(Block::Paragraph(format!(
            "本月共收集议题{}件，其中即办件{}件、代办件{}件、上报件{}件。截至{}，未办结的代办件{}件，\
             未办结的上报件{}件，逾期任务{}项，尚未答复提出人的议题{}件。",
            self.counts.total(),
            self.counts.immediate,
            self.counts.community,
            self.counts.escalate,
            fmt_date(self.as_of),
            self.open_community.len(),
            self.open_escalated.len(),
            self.overdue.len(),
            self.unanswered.len(),
        )));
        section(&mut doc, 1, "本月收集的议题", self.collected.len(), "件");
        if !self.collected.is_empty() {
            doc.push(Block::Table(collected_table(&self.collected, self.year)));
        }
        section(&mut doc, 2, "未办结的代办件", self.open_community.len(), "件");
        if !self.open_community.is_empty() {
            doc.push(Block::Table(open_table(&self.open_community, self.year)));
        }
        section(&mut doc, 3, "未办结的上报件", self.open_escalated.len(), "件");
        if !self.open_escalated.is_empty() {
            doc.push(Block::Table(escalated_table(&self.open_escalated, self.year)));
        }
        section(&mut doc, 4, "逾期任务", self.overdue.len(), "项");
        if !self.overdue.is_empty() {
            doc.push(Block::Table(overdue_table(&self.overdue, self.year)));
        }
        section(&mut doc, 5, "尚未答复提出人的议题（件件有回音）", self.unanswered.len(), "件");
        if !self.unanswered.is_empty() {
            doc.push(Block::Table(collected_table(&self.unanswered, self.year)));
        }
        doc.push(Block::Heading { text: "六、研判意见".to_string(), align: Align::Left });
        doc.push(Block::Paragraph("（两委会研究后填写：逐件明确责任人、办理时限和答复方式。）".to_string()));
        doc.push(Block::Space(16.0));
        doc.push(Block::Signatures(vec![
            "主持人（签字）：".to_string(),
            "记录人（签字）：".to_string(),
            "参加人员（签字）：".to_string(),
        ]));
        // Internal, like the minutes: no seal, the signatures of the review meeting end it.
        Ok(doc)
    }
}

fn section(doc: &mut Document, n: usize, what: &str, count: usize, unit: &str) {
    doc.push(Block::Heading {
        text: format!("{}、{}（{}{}）", super::cn_number(n), what, count, unit),
        align: Align::Left,
    });
    if count == 0 {
        doc.push(Block::Paragraph("无。".to_string()));
    }
}

/// “12月20日”, with the year when it is not the review's (a topic open since last December).
fn short(d: NaiveDate, year: i32) -> String {
    use chrono::Datelike;
    if d.year() == year {
        format!("{}月{}日", d.month(), d.day())
    } else {
        super::format::fmt_date(d)
    }
}

fn opt_short(d: Option<NaiveDate>, year: i32) -> String {
    d.map(|d| short(d, year)).unwrap_or_else(|| "—".to_string())
}

fn number() -> Column {
    Column::new("编号").weight(1.9).align(Align::Center)
}

fn collected_table(topics: &[ReviewTopic], year: i32) -> Table {
    let columns = vec![
        number(),
        Column::new("议题").weight(4.6),
        Column::new("提出日期").weight(1.8).align(Align::Center),
        Column::new("分类").weight(1.5).align(Align::Center),
        Column::new("现状").weight(1.8).align(Align::Center),
    ];
    let rows = topics
        .iter()
        .map(|t| vec![t.number.clone(), t.title.clone(), short(t.raised_on, year), t.class.clone(), t.state.clone()])
        .collect();
    Table { columns, rows, min_row_height: 0.0 }
}

fn open_table(topics: &[ReviewTopic], year: i32) -> Table {
    let columns = vec![
        number(),
        Column::new("议题").weight(4.6),
        Column::new("提出日期").weight(1.8).align(Align::Center),
        Column::new("现状").weight(1.8).align(Align::Center),
        Column::new("历时").weight(1.5).align(Align::Center),
    ];
    let rows = topics
        .iter()
        .map(|t| {
            vec![
                t.number.clone(),
                t.title.clone(),
                short(t.raised_on, year),
                t.state.clone(),
                format!("{}天", t.age_days),
            ]
        })
        .collect();
    Table { columns, rows, min_row_height: 0.0 }
}

fn escalated_table(items: &[EscalatedItem], year: i32) -> Table {
    let columns = vec![
        Column::new("编号").weight(2.4).align(Align::Center),
        Column::new("议题").weight(3.0),
        Column::new("上报至、工单号").weight(3.4),
        Column::new("上报").weight(1.9).align(Align::Center),
        Column::new("跟进").weight(1.9).align(Align::Center),
        Column::new("答复").weight(2.6),
        Column::new("历时").weight(1.5).align(Align::Center),
    ];
    let rows = items
        .iter()
        .map(|e| {
            let to = if e.reference.is_empty() {
                e.sent_to.clone()
            } else {
                format!("{}，工单号{}", e.sent_to, e.reference)
            };
            vec![
                e.topic.number.clone(),
                e.topic.title.clone(),
                to,
                opt_short(e.sent_on, year),
                opt_short(e.follow_up_on, year),
                e.reply.clone(),
                format!("{}天", e.topic.age_days),
            ]
        })
        .collect();
    Table { columns, rows, min_row_height: 0.0 }
}

fn overdue_table(tasks: &[OverdueTask], year: i32) -> Table {
    let columns = vec![
        Column::new("序号").weight(1.0).align(Align::Center),
        Column::new("任务").weight(4.0),
        Column::new("承办单位").weight(2.4),
        Column::new("负责人").weight(1.5).align(Align::Center),
        Column::new("完成时限").weight(1.8).align(Align::Center),
        Column::new("逾期").weight(1.4).align(Align::Center),
        Column::new("延期").weight(1.2).align(Align::Center),
    ];
    let rows = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                (i + 1).to_string(),
                t.title.clone(),
                if t.unit.is_empty() { "未填".to_string() } else { t.unit.clone() },
                t.person.clone(),
                short(t.deadline, year),
                format!("{}天", t.days_overdue),
                if t.extensions == 0 { "—".to_string() } else { format!("{}次", t.extensions) },
            ]
        })
        .collect();
    Table { columns, rows, min_row_height: 0.0 }
}
