//! The free notice: any title, paragraphs and an optional table, described in JSON. This is what
//! `yishi-cli render SPEC.json` prints without a database.
//!
//! ```json
//! {"paper": "A4", "title": "停车管理公示", "salutation": "各位居民：",
//!  "paragraphs": ["……"], "table": {"columns": ["车位", "车主"], "rows": [["A-01", "王秀兰"]]},
//!  "closing": "特此公示。", "issuer": "幸福里社区居民委员会", "date": "2026-11-21",
//!  "period": {"from": "2026-11-21", "to": "2026-11-28"}, "mask_personal_data": true}
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::format::fmt_date;
use super::public::{check_period, signoff};
use super::{Masking, Notice, NoticeError};
use crate::pdf::{Block, Column, Document, Paper, Table};

/// A table in a free notice: header texts and rows of cell texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecTable {
    pub columns: Vec<String>,
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
}

/// A 公示期, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A free notice, read from JSON by [`FreeNotice::from_json`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreeNotice {
    pub paper: Paper,
    pub title: String,
    pub salutation: Option<String>,
    pub paragraphs: Vec<String>,
    pub table: Option<SpecTable>,
    pub closing: Option<String>,
    pub issuer: String,
    pub date: NaiveDate,
    pub period: Option<Period>,
    /// Mask phone and ID numbers (default true: a notice is public).
    pub mask_personal_data: bool,
    /// Numbers printed whole anyway: the public contact number of 设置, filled in by the
    /// composer's back end (`bulletin`), not typed.
    pub public_numbers: Vec<String>,
}

/// The JSON as written, dates still text, so errors can name the field in Chinese.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    paper: Option<String>,
    title: String,
    salutation: Option<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
    table: Option<SpecTable>,
    closing: Option<String>,
    issuer: String,
    date: String,
    period: Option<RawPeriod>,
    mask_personal_data: Option<bool>,
    #[serde(default)]
    public_numbers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    from: String,
    to: String,
}

impl FreeNotice {
    /// Read a spec. Every problem comes back as [`NoticeError::BadSpec`] in Chinese.
    pub fn from_json(json: &str) -> Result<FreeNotice, NoticeError> {
        let raw: RawSpec = serde_json::from_str(json).map_err(|e| bad_spec(json_problem(&e)))?;
        let paper = match raw.paper.as_deref().map(str::trim) {
            None | Some("A4" | "a4") => Paper::A4,
            Some("A3" | "a3") => Paper::A3,
            Some(other) => return Err(bad_spec(format!("纸张“{other}”不支持，请写 A4 或 A3"))),
        };
        let period = match raw.period {
            Some(p) => Some(Period { from: parse_date(&p.from, "period.from")?, to: parse_date(&p.to, "period.to")? }),
            None => None,
        };
        // Invisible characters (pasted zero-width spaces, BOMs, bidi marks, controls) are taken
        // out of every text on input, never a reason to refuse the notice.
        let clean = |s: &str| crate::validate::strip_invisible(s);
        let title = clean(&raw.title);
        if title.trim().is_empty() {
            return Err(bad_spec("标题（title）不能为空".to_string()));
        }
        let issuer = clean(&raw.issuer);
        if issuer.trim().is_empty() {
            return Err(bad_spec("落款单位（issuer）不能为空：公示要写明由谁发布".to_string()));
        }
        let table = raw.table.map(|t| SpecTable {
            columns: t.columns.iter().map(|c| clean(c)).collect(),
            rows: t.rows.iter().map(|r| r.iter().map(|c| clean(c)).collect()).collect(),
        });
        Ok(FreeNotice {
            paper,
            title,
            salutation: raw.salutation.as_deref().map(clean),
            paragraphs: raw.paragraphs.iter().map(|p| clean(p)).collect(),
            table,
            closing: raw.closing.as_deref().map(clean),
            issuer,
            date: parse_date(&raw.date, "date")?,
            period,
            mask_personal_data: raw.mask_personal_data.unwrap_or(true),
            public_numbers: raw.public_numbers,
        })
    }
}

impl Notice for FreeNotice {
    fn document(&self) -> Result<Document, NoticeError> {
        let m = Masking {
            personal_data: self.mask_personal_data,
            names: false,
            public_numbers: self.public_numbers.clone(),
        };
        let mut doc = Document::new(&self.title, self.paper, self.date);
        doc.push(Block::Title(m.text(&self.title)));
        if let Some(p) = self.period {
            check_period(p.from, p.to)?;
            doc.push(Block::Subtitle(format!("公示期：{}至{}", fmt_date(p.from), fmt_date(p.to))));
        }
        if let Some(s) = &self.salutation {
            doc.push(Block::Salutation(m.text(s)));
        }
        for p in &self.paragraphs {
            doc.push(Block::Paragraph(m.text(p)));
        }
        if let Some(t) = &self.table {
            let columns = t.columns.iter().map(|c| Column::new(&m.text(c))).collect();
            let rows = t.rows.iter().map(|r| r.iter().map(|c| m.text(c)).collect()).collect();
            doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
        }
        if let Some(c) = &self.closing {
            doc.push(Block::Paragraph(m.text(c)));
        }
        doc.push(signoff(&self.issuer, self.date, &m));
        Ok(doc)
    }
}

fn bad_spec(detail: String) -> NoticeError {
    NoticeError::BadSpec { detail }
}

fn parse_date(text: &str, field: &str) -> Result<NaiveDate, NoticeError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| bad_spec(format!("日期“{text}”（{field}）无效，请写成 2026-11-21 这样的格式，并确认这一天存在")))
}

/// serde_json's English message, turned into a sentence a secretary can act on.
fn json_problem(e: &serde_json::Error) -> String {
    let at = format!("第{}行第{}列", e.line(), e.column());
    let msg = e.to_string();
    let quoted = |prefix: &str| msg.strip_prefix(prefix).and_then(|rest| rest.split('`').nth(1)).map(str::to_string);
    if let Some(field) = quoted("missing field") {
        return format!("缺少必填项“{field}”");
    }
    if let Some(field) = quoted("unknown field") {
        return format!("{at}：不认识的项“{field}”，请检查拼写");
    }
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("{at}：不是有效的 JSON，请检查引号、逗号和括号是否成对")
        }
        _ => format!("{at}：某一项的内容类型不对（文字要加引号，段落要写成 [\"…\"] 列表）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"title":"停车公示","paragraphs":["一"],"issuer":"居委会","date":"2026-11-21"}"#;

    #[test]
    fn minimal_spec_reads_with_defaults() {
        let n = FreeNotice::from_json(GOOD).unwrap();
        assert_eq!(n.paper, Paper::A4);
        assert!(n.mask_personal_data);
        assert_eq!(n.date, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    }

    #[test]
    fn bad_date_names_the_field() {
        let json = GOOD.replace("2026-11-21", "2026-02-30");
        let err = FreeNotice::from_json(&json).unwrap_err().to_string();
        assert!(err.contains("2026-02-30") && err.contains("date"), "{err}");
    }

    #[test]
    fn bad_json_and_missing_fields_are_explained() {
        let err = FreeNotice::from_json("{\"title\": ").unwrap_err().to_string();
        assert!(err.contains("不是有效的 JSON"), "{err}");
        let err = FreeNotice::from_json(r#"{"title":"x","date":"2026-11-21"}"#).unwrap_err().to_string();
        assert!(err.contains("缺少必填项“issuer”"), "{err}");
        let err = FreeNotice::from_json(&GOOD.replace("\"title\"", "\"titel\"")).unwrap_err().to_string();
        assert!(err.contains("titel"), "{err}");
        let err = FreeNotice::from_json(&GOOD.replace("{", "{\"paper\":\"B5\",")).unwrap_err().to_string();
        assert!(err.contains("B5"), "{err}");
    }
}
