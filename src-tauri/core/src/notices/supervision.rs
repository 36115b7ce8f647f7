//! 督办清单: the overdue and due-soon tasks by unit, for the 两委 meeting (internal, not posted).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{fmt_date, Notice, NoticeError};
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// One task on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisedTask {
    pub item: String,
    pub person: String,
    pub deadline: NaiveDate,
    /// The deadline the meeting set, when it has been extended since.
    #[serde(default)]
    pub first_deadline: Option<NaiveDate>,
    /// 逾期5天 / 3天内到期, with the status.
    pub state: String,
}

/// The tasks of one unit (承办单位).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTasks {
    pub unit: String,
    pub tasks: Vec<SupervisedTask>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupervisionList {
    #[serde(default)]
    pub paper: Paper,
    pub overdue: usize,
    pub due_soon: usize,
    pub units: Vec<UnitTasks>,
    pub issuer: String,
    pub date: NaiveDate,
}

impl Notice for SupervisionList {
    fn document(&self) -> Result<Document, NoticeError> {
        let mut doc = Document::new("督办清单", self.paper, self.date);
        doc.push(Block::Title("督办清单".to_string()));
        doc.push(Block::Subtitle(format!("截至{}", fmt_date(self.date))));
        let summary = if self.units.is_empty() {
            "目前没有逾期或即将到期的任务。".to_string()
        } else {
            format!(
                "逾期任务{}项，近期到期任务{}项，按承办单位列出如下，请在两委会上逐项督办。",
                self.overdue, self.due_soon
            )
        };
        doc.push(Block::Paragraph(summary));
        for (i, unit) in self.units.iter().enumerate() {
            let name = if unit.unit.is_empty() { "未填承办单位" } else { unit.unit.as_str() };
            doc.push(Block::Heading {
                text: format!("{}、{}（{}项）", super::cn_number(i + 1), name, unit.tasks.len()),
                align: Align::Left,
            });
            doc.push(Block::Table(table(&unit.tasks)));
        }
        doc.push(Block::Signoff { issuer: self.issuer.clone(), date: fmt_date(self.date) });
        Ok(doc)
    }
}

fn table(tasks: &[SupervisedTask]) -> Table {
    let columns = vec![
        Column::new("序号").weight(1.0).align(Align::Center),
        Column::new("事项").weight(3.2),
        Column::new("负责人").weight(1.5).align(Align::Center),
        Column::new("完成时限").weight(3.0).align(Align::Center),
        Column::new("情况").weight(2.8),
    ];
    let rows = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let deadline = match t.first_deadline {
                Some(first) => format!("{}（原定{}）", fmt_date(t.deadline), fmt_date(first)),
                None => fmt_date(t.deadline),
            };
            vec![(i + 1).to_string(), t.item.clone(), t.person.clone(), deadline, t.state.clone()]
        })
        .collect();
    Table { columns, rows, min_row_height: 0.0 }
}
