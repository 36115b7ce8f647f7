//! 年度协商议事工作报告: the yearly report of a community's deliberation work, with the year's
//! figures ([`YearStats`]) as paragraphs and tables. An internal report to the street office:
//! it holds no personal data, only counts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::format::{cn_number, fmt_date};
use super::{Notice, NoticeError};
use crate::figures::{
    tenths_words, CountRow, FundFigures, Rate, YearStats, CALLBACK_RATE_DEFINITION, ON_TIME_RATE_DEFINITION,
    SOLVED_RATE_DEFINITION,
};
use crate::money::Fen;
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// The yearly report: the figures, who issues it, and optional closing remarks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearReport {
    #[serde(default)]
    pub paper: Paper,
    /// “幸福里社区”.
    pub community: String,
    pub stats: YearStats,
    /// The secretary's own paragraphs after the figures (next year's plans…).
    #[serde(default)]
    pub remarks: Vec<String>,
    pub issuer: String,
    pub date: NaiveDate,
}

impl YearReport {
    /// “幸福里社区2026年度协商议事工作报告” (with the place when the figures are for one place).
    pub fn title(&self) -> String {
        let place = self.stats.place_name.as_deref().unwrap_or("");
        format!("{}{place}{}年度协商议事工作报告", self.community, self.stats.year)
    }
}

impl Notice for YearReport {
    fn document(&self) -> Result<Document, NoticeError> {
        let s = &self.stats;
        let mut doc = Document::new(&self.title(), self.paper, self.date);
        doc.body_size = 14.0;
        doc.push(Block::Title(self.title()));
        doc.push(Block::Subtitle(format!("（{}年1月1日至12月31日）", s.year)));
        doc.push(key_figures(s));
        let mut section = 0;
        let mut heading = |doc: &mut Document, text: &str| {
            section += 1;
            doc.push(Block::Heading { text: format!("{}、{text}", cn_number(section)), align: Align::Left });
        };
        heading(&mut doc, "议题收集");
        collection(&mut doc, s);
        heading(&mut doc, "分类办理");
        handling(&mut doc, s);
        heading(&mut doc, "协商议事");
        doc.push(Block::Paragraph(meetings_line(s)));
        heading(&mut doc, "民事民评");
        doc.push(Block::Paragraph(satisfaction_line(s)));
        if has_funds(&s.funds) {
            heading(&mut doc, "资金使用");
            funds(&mut doc, &s.funds);
        }
        if !self.remarks.is_empty() {
            heading(&mut doc, "下一步工作");
            for r in &self.remarks {
                doc.push(Block::Paragraph(r.clone()));
            }
        }
        doc.push(Block::Signoff { issuer: self.issuer.clone(), date: fmt_date(self.date) });
        Ok(doc)
    }
}

/// 主要数据一览: the figures an inspector looks for first, in one table.
fn key_figures(s: &YearStats) -> Block {
    let p = &s.participation;
    let rows = [
        ("收集议题", format!("{}件", s.topics_collected)),
        ("已办结（含即办完成）", format!("{}件", s.solved)),
        ("办结率", s.solved_rate.display.clone()),
        ("平均办结用时", s.average_days_to_close.display.clone()),
        ("按期办结率", s.on_time_rate.display.clone()),
        (
            "即办件回访率",
            format!("{}（{}件中回访{}件）", s.callback_rate.display, s.done_on_spot, s.callback_rate.numerator),
        ),
        ("尚未答复提出人", format!("{}件", s.unanswered)),
        ("召开议事会议", format!("{}次", s.meetings_held)),
        ("党员参与", format!("{}人次", p.party_members)),
        ("居民参与", format!("{}人次", p.residents)),
        ("发放议事积分", format!("{}分", s.points_given)),
        ("群众满意率", s.satisfaction.rate.display.clone()),
    ];
    let columns = vec![Column::new("主要指标").weight(3.0), Column::new("数值").weight(2.4).align(Align::Right)];
    let rows = rows.into_iter().map(|(k, v)| vec![k.to_string(), v]).collect();
    Block::Table(Table { columns, rows, min_row_height: 0.0 })
}

fn collection(doc: &mut Document, s: &YearStats) {
    let channels: Vec<&CountRow> = s.by_channel.iter().filter(|r| r.count > 0).collect();
    let mut line = format!("全年共收集居民议题{}件", s.topics_collected);
    if !channels.is_empty() {
        let parts: Vec<String> = channels.iter().map(|r| format!("{}{}件", r.label, r.count)).collect();
        line.push_str(&format!("，其中{}", parts.join("、")));
    }
    line.push('。');
    doc.push(Block::Paragraph(line));
    if s.topics_collected == 0 {
        return;
    }
    doc.push(count_table("收集渠道", &channels, s.topics_collected));
    let classes: Vec<&CountRow> = s.by_category_class.iter().collect();
    doc.push(Block::Paragraph("按事项类别统计如下：".to_string()));
    doc.push(count_table("事项类别", &classes, s.topics_collected));
}

fn handling(doc: &mut Document, s: &YearStats) {
    let parts: Vec<String> = s.by_handling_class.iter().map(|r| format!("{}{}件", r.label, r.count)).collect();
    doc.push(Block::Paragraph(format!(
        "按办理方式分，{}。已办结（含即办完成）{}件，办结率{}；合并或不予受理{}件；平均办结用时{}。",
        parts.join("、"),
        s.solved,
        s.solved_rate.display,
        s.merged_or_rejected,
        s.average_days_to_close.display
    )));
    if s.topics_collected > 0 {
        let rows: Vec<&CountRow> = s.by_handling_class.iter().collect();
        doc.push(count_table("办理方式", &rows, s.topics_collected));
    }
    doc.push(Block::Paragraph(on_time_line(s)));
    doc.push(Block::Line { text: format!("注：{SOLVED_RATE_DEFINITION}"), align: Align::Left });
    doc.push(Block::Line { text: format!("　　{ON_TIME_RATE_DEFINITION}"), align: Align::Left });
    doc.push(Block::Line { text: format!("　　{CALLBACK_RATE_DEFINITION}"), align: Align::Left });
}

/// 限时办结: how many of the tasks due this year were done by their deadline.
fn on_time_line(s: &YearStats) -> String {
    let r = &s.on_time_rate;
    if r.denominator == 0 {
        return "本年度没有到期的落实任务。".to_string();
    }
    format!(
        "议定事项落实实行限时办结：本年到期任务{}项，按期办结{}项，按期办结率{}。",
        r.denominator, r.numerator, r.display
    )
}

fn meetings_line(s: &YearStats) -> String {
    let p = &s.participation;
    format!(
        "全年召开议事会议{}次，参与议事{}人次，其中党员参与{}人次、居民参与{}人次；发放议事积分{}分。",
        s.meetings_held, p.total, p.party_members, p.residents, s.points_given
    )
}

fn satisfaction_line(s: &YearStats) -> String {
    let sat = &s.satisfaction;
    if sat.answers == 0 {
        return "本年度尚未录入满意度评价。".to_string();
    }
    format!(
        "全年开展满意度评价{}次，收到评价{}份，其中满意{}份、基本满意{}份、不满意{}份，群众满意率{}。",
        s.evaluations, sat.answers, sat.satisfied, sat.basically_satisfied, sat.unsatisfied, sat.rate.display
    )
}

fn has_funds(f: &FundFigures) -> bool {
    !f.by_source.is_empty() || f.person_day_tenths > 0 || f.goods_value.0 > 0 || f.huimin.is_some()
}

/// 资金使用: raised and spent by source, goods and labour, and the year's 惠民资金 by project.
fn funds(doc: &mut Document, f: &FundFigures) {
    let mut line = format!("全年协商议事项目筹集资金{}，支出{}", f.raised.words(), f.spent.words());
    if f.goods_value.0 > 0 {
        line.push_str(&format!("；接受捐赠物资估值{}", f.goods_value.words()));
    }
    if f.person_day_tenths > 0 {
        line.push_str(&format!("；群众投工投劳{}个工日", tenths_words(f.person_day_tenths)));
    }
    line.push('。');
    doc.push(Block::Paragraph(line));
    if !f.by_source.is_empty() {
        let money = |t: &str| Column::new(t).weight(2.0).align(Align::Right);
        let columns = vec![Column::new("资金来源").weight(3.0), money("筹集"), money("支出")];
        let mut rows: Vec<Vec<String>> =
            f.by_source.iter().map(|r| vec![r.label.clone(), r.raised.yuan(), r.spent.yuan()]).collect();
        rows.push(vec!["合计".to_string(), f.raised.yuan(), f.spent.yuan()]);
        doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
    }
    let Some(h) = &f.huimin else { return };
    let allocated = h.allocated.map(Fen::words).unwrap_or_else(|| "（未录入下达额度）".to_string());
    doc.push(Block::Paragraph(format!(
        "本年度{}下达{allocated}，已安排{}个项目共{}，已支出{}，结余{}。",
        h.label,
        h.projects.len(),
        h.committed.words(),
        h.spent.words(),
        h.unspent.words()
    )));
    if !h.projects.is_empty() {
        let money = |t: &str| Column::new(t).weight(2.0).align(Align::Right);
        let columns = vec![
            Column::new("序号").weight(0.9).align(Align::Center),
            Column::new(&format!("{}项目", h.label)).weight(4.0),
            money("安排"),
            money("已支出"),
        ];
        let mut rows: Vec<Vec<String>> = h
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| vec![(i + 1).to_string(), p.title.clone(), p.committed.yuan(), p.spent.yuan()])
            .collect();
        let spent = Fen::sum(h.projects.iter().map(|p| p.spent));
        rows.push(vec![String::new(), "合计".to_string(), h.committed.yuan(), spent.yuan()]);
        doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
    }
}

/// A label / count / share table with a total row.
fn count_table(what: &str, rows: &[&CountRow], total: u64) -> Block {
    let columns = vec![
        Column::new(what).weight(3.0),
        Column::new("件数").weight(1.2).align(Align::Right),
        Column::new("占比").weight(1.2).align(Align::Right),
    ];
    let mut cells: Vec<Vec<String>> =
        rows.iter().map(|r| vec![r.label.clone(), r.count.to_string(), Rate::new(r.count, total).display]).collect();
    cells.push(vec!["合计".to_string(), total.to_string(), Rate::new(total, total).display]);
    Block::Table(Table { columns, rows: cells, min_row_height: 0.0 })
}
