//! 选举结果公示: who was elected to what, for which term, with every candidate's votes, the
//! rule, and a tie stated as a tie (those candidates go to another round).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::format::{fmt_date, fmt_datetime};
use super::public::{addressed, numbered_heading, push_objection_period, signoff};
use super::{Masking, Notice, NoticeError};
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// One candidate's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionRow {
    pub name: String,
    pub votes: u32,
    pub elected: bool,
    #[serde(default)]
    pub tied: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElectionNotice {
    #[serde(default)]
    pub paper: Paper,
    /// 院坝长, 业委会委员.
    pub role: String,
    pub meeting_kind: String,
    pub held_at: NaiveDateTime,
    pub place: String,
    pub seats: u32,
    pub present: u32,
    /// 举手 / 投票 / 一户一票.
    pub method: String,
    /// 得票多者当选 / 得票过到会人数半数者当选.
    pub rule: String,
    pub candidates: Vec<ElectionRow>,
    /// The count in words, as the core explains it.
    pub result: String,
    pub term_from: NaiveDate,
    pub term_to: NaiveDate,
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

impl ElectionNotice {
    fn table(&self, m: &Masking) -> Table {
        let outcome = |r: &ElectionRow| match (r.elected, r.tied) {
            (true, _) => "当选",
            (false, true) => "得票相同，另行投票",
            _ => "未当选",
        };
        let rows = self
            .candidates
            .iter()
            .enumerate()
            .map(|(i, r)| vec![(i + 1).to_string(), m.name(&r.name), r.votes.to_string(), outcome(r).to_string()])
            .collect();
        let columns = vec![
            Column::new("序号").weight(0.8).align(Align::Center),
            Column::new("候选人").weight(2.0).align(Align::Center),
            Column::new("得票").weight(1.2).align(Align::Center),
            Column::new("结果").weight(2.6).align(Align::Center),
        ];
        Table { columns, rows, min_row_height: 0.0 }
    }
}

impl Notice for ElectionNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let mut doc = addressed(format!("{}选举结果公示", m.text(&self.role)), self.paper, self.date);
        // A 一户一票 election counts households present (from the second wording).
        let unit = if self.wording > super::Wording::FIRST && self.method == "一户一票" { "户" } else { "人" };
        doc.push(Block::Paragraph(format!(
            "{}，{}召开{}，以{}方式推选{}，应选{}名，到会{}{unit}。选举结果如下：",
            fmt_datetime(self.held_at),
            self.wording.at(&m.text(&self.place)),
            self.meeting_kind,
            self.method,
            m.text(&self.role),
            self.seats,
            self.present
        )));
        numbered_heading(&mut doc, 1, "得票情况");
        doc.push(Block::Table(self.table(m)));
        doc.push(Block::Paragraph(format!("选举规则：{}。", self.rule)));
        doc.push(Block::Paragraph(format!("选举结果：{}", m.text(&self.result))));
        let elected: Vec<String> = self.candidates.iter().filter(|c| c.elected).map(|c| m.name(&c.name)).collect();
        if !elected.is_empty() {
            numbered_heading(&mut doc, 2, "当选人员及任期");
            doc.push(Block::Paragraph(format!(
                "{}当选为{}，任期自{}至{}。",
                elected.join("、"),
                m.text(&self.role),
                fmt_date(self.term_from),
                fmt_date(self.term_to)
            )));
        }
        push_objection_period(&mut doc, self.objection_days);
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}
