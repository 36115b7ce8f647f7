//! Board documents that are not about one meeting: 积分榜 (points table) and 公约 (a convention,
//! as a draft for comment or as adopted).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::format::{cn_number, fmt_date};
use super::public::{check_period, paragraphs, signoff};
use super::{Masking, Notice, NoticeError};
use crate::pdf::{Align, Block, Column, Document, Paper, Table};

/// One person's points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsEntry {
    pub name: String,
    /// Building or grid, as printed: "3栋", "第二网格".
    #[serde(default)]
    pub building: String,
    pub points: i64,
    /// What earned them, briefly: "参加议事会4次、志愿服务2次".
    #[serde(default)]
    pub note: String,
}

/// 积分榜: everyone's points for a period, highest first, with the exchange rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsTable {
    #[serde(default)]
    pub paper: Paper,
    /// "2026年度" or "2026年第四季度".
    pub period: String,
    pub entries: Vec<PointsEntry>,
    /// How points are earned and exchanged (积分超市: 20分兑换大米一袋…).
    #[serde(default)]
    pub rules: Vec<String>,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
}

impl Notice for PointsTable {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let title = format!("{}居民议事积分榜", self.period);
        let mut doc = Document::new(&title, self.paper, self.date);
        doc.push(Block::Title(title));
        let mut entries: Vec<&PointsEntry> = self.entries.iter().collect();
        // Highest first; equal points share a rank and keep their given order.
        entries.sort_by_key(|e| std::cmp::Reverse(e.points));
        let mut rows = Vec::with_capacity(entries.len());
        let mut rank = 0;
        for (i, e) in entries.iter().enumerate() {
            if i == 0 || entries[i - 1].points != e.points {
                rank = i + 1;
            }
            let row = [rank.to_string(), m.name(&e.name), m.text(&e.building), e.points.to_string(), m.text(&e.note)];
            rows.push(row.to_vec());
        }
        let columns = vec![
            Column::new("名次").weight(0.9).align(Align::Center),
            Column::new("姓名").weight(1.5).align(Align::Center),
            Column::new("楼栋/网格").weight(1.6).align(Align::Center),
            Column::new("积分").weight(1.0).align(Align::Center),
            Column::new("积分来源").weight(4.5),
        ];
        doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
        if !self.rules.is_empty() {
            doc.push(Block::Heading { text: "积分规则".to_string(), align: Align::Left });
            paragraphs(&mut doc, &self.rules, m);
        }
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

/// A chapter of a convention with its articles (numbered through the whole convention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Without the number: "总则", "公共秩序".
    pub title: String,
    pub articles: Vec<String>,
}

/// 公约: a residents' or courtyard convention in chapters and articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Convention {
    #[serde(default)]
    pub paper: Paper,
    /// "幸福里小区居民公约".
    pub title: String,
    /// A draft is posted for comment: set `draft_period` (from, to) and the title gets （征求意见稿）.
    #[serde(default)]
    pub draft_period: Option<(NaiveDate, NaiveDate)>,
    /// When adopted, e.g. "2026年11月21日居民会议通过" (printed under the title).
    #[serde(default)]
    pub adopted: Option<String>,
    #[serde(default)]
    pub preamble: Vec<String>,
    pub chapters: Vec<Chapter>,
    pub issuer: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub masking: Masking,
    /// 反馈二维码 beside the issuer; None prints none (and is left out of the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<super::FeedbackQr>,
}

impl Notice for Convention {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = &self.masking;
        let mut doc = Document::new(&self.title, self.paper, self.date);
        doc.push(Block::Title(m.text(&self.title)));
        if let Some((from, to)) = self.draft_period {
            check_period(from, to)?;
            doc.push(Block::Subtitle("（征求意见稿）".to_string()));
            let period = format!("征求意见时间：{}至{}", fmt_date(from), fmt_date(to));
            doc.push(Block::Subtitle(period));
        } else if let Some(adopted) = &self.adopted {
            doc.push(Block::Subtitle(format!("（{}）", m.text(adopted))));
        }
        paragraphs(&mut doc, &self.preamble, m);
        let mut article = 0;
        for (i, chapter) in self.chapters.iter().enumerate() {
            let heading = format!("第{}章 {}", cn_number(i + 1), m.text(&chapter.title));
            doc.push(Block::Heading { text: heading, align: Align::Center });
            for text in &chapter.articles {
                article += 1;
                doc.push(Block::Paragraph(format!("第{}条 {}", cn_number(article), m.text(text))));
            }
        }
        doc.push(signoff(&self.issuer, self.date, m));
        super::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}
