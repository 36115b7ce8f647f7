//! The plan (方案) as the 议题公示 prints it: the proposal, its cost, who drafted it, and the
//! opinions of experts or a 评审团. Filled by `printouts::topic` from `plans`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::format::fmt_date;
use super::public::paragraphs;
use super::Masking;
use crate::money::Fen;
use crate::pdf::{Block, Document};

/// A topic's current plan as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanText {
    /// The proposal, one paragraph per line typed.
    pub proposal: Vec<String>,
    #[serde(default)]
    pub cost: Option<Fen>,
    pub drafted_by: String,
    /// The version printed (第2稿) and the day it was written.
    pub version_no: usize,
    pub revised_on: NaiveDate,
    #[serde(default)]
    pub opinions: Vec<OpinionLine>,
}

/// One opinion on the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionLine {
    pub reviewer: String,
    /// 合法性 / 合理性 / 成本 / 其他.
    pub aspect: String,
    pub opinion: String,
    pub given_on: NaiveDate,
}

impl PlanText {
    /// The blocks under 拟定方案.
    pub(super) fn push(&self, doc: &mut Document, m: &Masking) {
        paragraphs(doc, &self.proposal, m);
        if let Some(cost) = self.cost {
            doc.push(Block::Paragraph(format!("预计费用：{}（{}）。", cost.words(), cost.yuan())));
        }
        let version = if self.version_no > 1 {
            format!("第{}稿，{}修改", self.version_no, fmt_date(self.revised_on))
        } else {
            format!("{}起草", fmt_date(self.revised_on))
        };
        doc.push(Block::Paragraph(format!("方案起草：{}（{version}）。", m.text(&self.drafted_by))));
        if self.opinions.is_empty() {
            return;
        }
        doc.push(Block::Paragraph("评审意见：".to_string()));
        for (i, o) in self.opinions.iter().enumerate() {
            doc.push(Block::Paragraph(format!(
                "{}. {}就{}提出（{}）：{}",
                i + 1,
                m.text(&o.reviewer),
                o.aspect,
                fmt_date(o.given_on),
                m.text(&o.opinion)
            )));
        }
    }
}
