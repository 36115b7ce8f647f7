//! 表决票 and 计票单: the paper of a vote taken by ballot (internal, not posted).
//!
//! [`Ballots`] prints one slip per voter — a household's 门牌 for 一户一票 (never its members'
//! names: the household votes, and a slip passed round a meeting should not carry personal
//! data), or blank slips for a secret 投票 — four to an A4 page, with dashed cut lines between
//! them. A slip says what is voted on, at which meeting, the 同意 / 反对 / 弃权 boxes (or, for a
//! 推选, the candidates with a box each and 应选 N 名) and how to mark it. [`TallySheet`] is the
//! one sheet the 唱票人, 计票人 and 监票人 fill in while the slips are read out: a row per
//! choice (or candidate) and 无效, room for 正 strokes, a total, and their signatures.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::format::fmt_date;
use super::{Notice, NoticeError};
use crate::pdf::{Align, Block, Column, Document, Fit, Paper, Spacing, Table};

/// Slips to an A4 page when they fit (a long question or many candidates take more room, and
/// a slip is never cut across pages).
pub const BALLOTS_PER_PAGE: usize = 4;

/// What a slip asks: a question with 同意 / 反对 / 弃权, or an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BallotQuestion {
    Vote { question: String },
    Election { role: String, seats: u32, candidates: Vec<String> },
}

impl BallotQuestion {
    fn what(&self) -> String {
        match self {
            BallotQuestion::Vote { question } => format!("表决事项：{question}"),
            BallotQuestion::Election { role, seats, .. } => format!("推选{role}，应选{seats}名"),
        }
    }

    fn candidate_table(candidates: &[String], min_row_height: f32) -> Table {
        let rows =
            candidates.iter().enumerate().map(|(i, c)| vec![(i + 1).to_string(), c.clone(), "□".into()]).collect();
        let columns = vec![
            Column::new("序号").weight(0.8).align(Align::Center),
            Column::new("候选人").weight(3.0).align(Align::Center),
            Column::new("同意的打√").weight(2.0).align(Align::Center),
        ];
        Table { columns, rows, min_row_height }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballots {
    #[serde(default)]
    pub paper: Paper,
    /// 十一月居民议事会.
    pub meeting: String,
    pub held_at: NaiveDateTime,
    pub question: BallotQuestion,
    /// One slip each: the household's label (4号楼1单元101) for 一户一票, empty for a blank slip.
    pub voters: Vec<String>,
    pub date: NaiveDate,
}

impl Ballots {
    fn slip(&self, voter: &str) -> Block {
        let election = matches!(self.question, BallotQuestion::Election { .. });
        let mut blocks = vec![
            Block::Space(3.0),
            Block::Heading {
                text: if election { "选　票" } else { "表　决　票" }.to_string(), align: Align::Center
            },
            Block::Line { text: format!("{}　{}", self.meeting, fmt_date(self.held_at.date())), align: Align::Center },
        ];
        if !voter.is_empty() {
            blocks.push(Block::Line { text: format!("户号：{voter}"), align: Align::Left });
        }
        blocks.push(Block::Line { text: self.question.what(), align: Align::Left });
        match &self.question {
            BallotQuestion::Vote { .. } => {
                blocks.push(Block::Space(1.5));
                blocks.push(Block::Line {
                    text: "□ 同意　　　　□ 反对　　　　□ 弃权".into(), align: Align::Center
                });
                blocks.push(Block::Space(1.5));
                blocks
                    .push(Block::Line {
                        text: "请在选择的方框内打√，多选或不选视为无效。".into(), align: Align::Left
                    });
            }
            BallotQuestion::Election { seats, candidates, .. } => {
                blocks.push(Block::Table(BallotQuestion::candidate_table(candidates, 0.0)));
                blocks.push(Block::Line {
                    text: format!("请在同意的候选人后的方框内打√，多于{seats}名或一名未选视为无效。"),
                    align: Align::Left,
                });
            }
        }
        Block::Keep(blocks)
    }
}

impl Notice for Ballots {
    fn document(&self) -> Result<Document, NoticeError> {
        let title = match &self.question {
            BallotQuestion::Vote { .. } => "表决票",
            BallotQuestion::Election { .. } => "选票",
        };
        let mut doc = Document::new(title, self.paper, self.date);
        doc.body_size = 13.0;
        doc.table_size = 12.0;
        doc.spacing = Spacing::Tight;
        doc.fit = Fit::Off;
        for (i, voter) in self.voters.iter().enumerate() {
            if i > 0 {
                doc.push(Block::Cut);
            }
            doc.push(self.slip(voter));
        }
        Ok(doc)
    }
}

/// 计票单 of one vote or election.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TallySheet {
    #[serde(default)]
    pub paper: Paper,
    pub meeting: String,
    pub held_at: NaiveDateTime,
    pub place: String,
    pub question: BallotQuestion,
    pub date: NaiveDate,
}

impl TallySheet {
    fn table(&self) -> Table {
        let names: Vec<String> = match &self.question {
            BallotQuestion::Vote { .. } => ["同意", "反对", "弃权"].map(String::from).to_vec(),
            BallotQuestion::Election { candidates, .. } => candidates.clone(),
        };
        let rows =
            names.into_iter().chain(["无效票".to_string()]).map(|n| vec![n, String::new(), String::new()]).collect();
        let first = match self.question {
            BallotQuestion::Vote { .. } => "表决意见",
            BallotQuestion::Election { .. } => "候选人",
        };
        let columns = vec![
            Column::new(first).weight(1.6).align(Align::Center),
            Column::new("计票（每五票一个“正”字）").weight(5.0).align(Align::Center),
            Column::new("合计（票）").weight(1.4).align(Align::Center),
        ];
        let rows_h = match &self.question {
            BallotQuestion::Vote { .. } => 24.0,
            BallotQuestion::Election { candidates, .. } if candidates.len() > 6 => 14.0,
            BallotQuestion::Election { .. } => 18.0,
        };
        Table { columns, rows, min_row_height: rows_h }
    }
}

impl Notice for TallySheet {
    fn document(&self) -> Result<Document, NoticeError> {
        let mut doc = Document::new("计票单", self.paper, self.date);
        doc.body_size = 14.0;
        doc.push(Block::Title("计票单".into()));
        doc.push(Block::Subtitle(format!("{}　{}", self.meeting, fmt_date(self.held_at.date()))));
        doc.push(Block::Line { text: self.question.what(), align: Align::Left });
        if !self.place.trim().is_empty() {
            doc.push(Block::Line { text: format!("地点：{}", self.place), align: Align::Left });
        }
        doc.push(Block::Line {
            text: "发出票数：______张　　收回票数：______张".into(), align: Align::Left
        });
        doc.push(Block::Table(self.table()));
        doc.push(Block::Line {
            text: "每唱一票画一笔，五笔成一个“正”字；合计用阿拉伯数字填写，各项合计之和应等于收回票数。".into(),
            align: Align::Left,
        });
        doc.push(Block::Signatures(["唱票人（签字）", "计票人（签字）", "监票人（签字）"].map(String::from).to_vec()));
        doc.push(Block::Space(4.0));
        doc.push(Block::Line { text: "日期：______年____月____日".into(), align: Align::Right });
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::pdf::{layout, Fonts, Item};

    fn ballots(question: &str, voters: usize) -> Ballots {
        let date = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        Ballots {
            paper: Paper::A4,
            meeting: "十一月居民议事会".into(),
            held_at: date.and_hms_opt(19, 0, 0).unwrap_or_default(),
            question: BallotQuestion::Vote { question: question.into() },
            voters: (1..=voters).map(|i| format!("4号楼1单元{i}01")).collect(),
            date,
        }
    }

    /// Per page: how many slips start on it (their heading) and how many cut lines it has.
    fn pages(b: &Ballots) -> Vec<(usize, usize)> {
        let l = layout(&b.document().unwrap(), Fonts::get()).unwrap();
        l.pages
            .iter()
            .map(|p| {
                let heads =
                    p.items.iter().filter(|i| matches!(i, Item::Text { text, .. } if text == "表　决　票")).count();
                let cuts = p.items.iter().filter(|i| matches!(i, Item::Line { dashed: true, .. })).count();
                (heads, cuts)
            })
            .collect()
    }

    #[test]
    fn four_slips_to_a_page_with_cut_lines_between_them() {
        assert_eq!(pages(&ballots("老年食堂想增加晚餐", 9)), [(4, 4), (4, 4), (1, 0)]);
    }

    #[test]
    fn a_long_question_puts_fewer_slips_on_a_page_but_never_cuts_one() {
        let long = "关于在小区东门外空地建设非机动车充电棚并由物业公司统一管理收费的方案".repeat(2);
        let b = ballots(&long, 6);
        let l = layout(&b.document().unwrap(), Fonts::get()).unwrap();
        for page in &l.pages {
            // A slip's lines follow its heading on the same page: the last text of a page is a
            // slip's last line, the instruction.
            let last = page.items.iter().rev().find_map(|i| match i {
                Item::Text { text, .. } if !text.starts_with('—') => Some(text.clone()),
                _ => None,
            });
            assert!(last.as_deref().is_some_and(|t| t.contains("视为无效")), "{last:?}");
        }
        assert!(pages(&b).iter().all(|(heads, _)| *heads < 4));
    }
}
