//! What a caller asks the engine to print: a paper size and a list of blocks, top to bottom.
//! Sizes are given for A4; on A3 the engine scales everything by √2 so a notice looks the same,
//! only larger, on the board.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Paper size. A4 for most notices, A3 for the notice board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Paper {
    #[default]
    A4,
    A3,
}

/// Page orientation. Landscape suits wide tables such as the sign-in sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// Horizontal alignment of text in a line or a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A whole document to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The PDF's title metadata (shown by viewers in the window title).
    pub title: String,
    pub paper: Paper,
    pub orientation: Orientation,
    /// Recorded as the PDF creation date, so the same input always gives the same bytes.
    pub date: NaiveDate,
    /// Body text size in points on A4 (16 = 三号, the size of official notices; 14 = 四号).
    pub body_size: f32,
    /// Table text size in points on A4.
    pub table_size: f32,
    /// Line and block spacing; the engine tightens it itself when fitting onto one page.
    pub spacing: Spacing,
    /// Whether the engine may tighten a document that only just spills onto a second page.
    pub fit: Fit,
    pub blocks: Vec<Block>,
}

/// How generously lines and blocks are spaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Spacing {
    /// 1.75 line height, the look of an official notice.
    #[default]
    Normal,
    /// 1.55 line height, smaller gaps between blocks and a smaller photo.
    Tight,
}

/// What the engine may do to keep a short document on one page (see `pdf::fit`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Print exactly as given.
    Off,
    /// If the document only just spills onto a second page, tighten the spacing and then
    /// shrink the body text 1 pt at a time, never below `min_body_size` (A4 points).
    OnePage { min_body_size: f32 },
}

impl Default for Fit {
    /// Public notices are read standing at the board: never below 四号 (14 pt).
    fn default() -> Fit {
        Fit::OnePage { min_body_size: 14.0 }
    }
}

impl Document {
    /// A portrait notice with the usual sizes: 三号 body, 小四 tables.
    pub fn new(title: &str, paper: Paper, date: NaiveDate) -> Document {
        Document {
            title: title.to_string(),
            paper,
            orientation: Orientation::Portrait,
            date,
            body_size: 16.0,
            table_size: 12.0,
            spacing: Spacing::Normal,
            fit: Fit::default(),
            blocks: Vec::new(),
        }
    }

    pub fn push(&mut self, block: Block) -> &mut Document {
        self.blocks.push(block);
        self
    }

    /// The same document with every text it prints passed through `f` (the title metadata
    /// too, so a viewer's window title matches the page).
    pub fn map_text(&self, f: &dyn Fn(&str) -> String) -> Document {
        let blocks = self.blocks.iter().map(|b| b.map_text(f)).collect();
        Document { title: f(&self.title), blocks, ..self.clone() }
    }
}

impl Block {
    fn map_text(&self, f: &dyn Fn(&str) -> String) -> Block {
        match self {
            Block::Title(t) => Block::Title(f(t)),
            Block::Subtitle(t) => Block::Subtitle(f(t)),
            Block::Salutation(t) => Block::Salutation(f(t)),
            Block::Paragraph(t) => Block::Paragraph(f(t)),
            Block::Line { text, align } => Block::Line { text: f(text), align: *align },
            Block::Heading { text, align } => Block::Heading { text: f(text), align: *align },
            Block::Table(t) => Block::Table(Table {
                columns: t.columns.iter().map(|c| Column { title: f(&c.title), ..c.clone() }).collect(),
                rows: t.rows.iter().map(|r| r.iter().map(|c| f(c)).collect()).collect(),
                min_row_height: t.min_row_height,
            }),
            Block::Signoff { issuer, date } => Block::Signoff { issuer: f(issuer), date: f(date) },
            Block::Signatures(labels) => Block::Signatures(labels.iter().map(|l| f(l)).collect()),
            Block::Photo { bytes, caption } => {
                Block::Photo { bytes: bytes.clone(), caption: caption.as_deref().map(f) }
            }
            // The code is what residents scan, not text on the page: passed through unchanged.
            Block::Qr { text, caption, picture } => {
                Block::Qr { text: text.clone(), caption: f(caption), picture: picture.clone() }
            }
            Block::Space(mm) => Block::Space(*mm),
            Block::Keep(blocks) => Block::Keep(blocks.iter().map(|b| b.map_text(f)).collect()),
            Block::Cut => Block::Cut,
        }
    }
}

/// One piece of the document, laid out top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The heavy centred title (Black face).
    Title(String),
    /// A centred line under the title, e.g. a document number or the 公示期.
    Subtitle(String),
    /// "各位居民：" — flush left, no indent.
    Salutation(String),
    /// Body paragraph with a two-character first-line indent.
    Paragraph(String),
    /// Body text without indent and with a chosen alignment (key–value lines, 此致 敬礼).
    Line {
        text: String,
        align: Align,
    },
    /// A section heading in the Black face, e.g. 第一章 总则 or 议题一.
    Heading {
        text: String,
        align: Align,
    },
    Table(Table),
    /// Issuing body and date, right-aligned, with a dashed box where the seal goes.
    Signoff {
        issuer: String,
        date: String,
    },
    /// Labels followed by a line to sign on, side by side: 主持人（签字）：______.
    Signatures(Vec<String>),
    /// A JPEG or PNG photo scaled to fit the text width, with an optional caption.
    Photo {
        bytes: Vec<u8>,
        caption: Option<String>,
    },
    /// A QR code of `text` (≈ 28 mm square on A4) drawn as filled squares, `caption` centred
    /// under it. Right after a [`Block::Signoff`] it stands at the left of the issuer's band;
    /// elsewhere (or when that band has no room) flush left where the flow is. With a `picture`
    /// (a JPEG or PNG of a code made elsewhere: the WeChat group's own) that picture is printed
    /// in the same place instead, 28 mm wide, and `text` is not encoded.
    Qr {
        text: String,
        caption: String,
        picture: Option<Vec<u8>>,
    },
    /// Vertical space in millimetres (on A4).
    Space(f32),
    /// Blocks kept on one page (a ballot): a new page starts before them unless they fit in
    /// what is left; taller than a page, they flow on as usual.
    Keep(Vec<Block>),
    /// A dashed cut line across the whole sheet (edge to edge), between slips printed several to
    /// a page; nothing at the top of a page.
    Cut,
}

/// A table whose cells wrap; the header row repeats on every page the table spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Minimum height of a body row in mm on A4 (room for a signature); 0 = as tall as its text.
    pub min_row_height: f32,
}

/// A table column: header text, relative width (None = from the content) and alignment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    pub title: String,
    pub weight: Option<f32>,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str) -> Column {
        Column { title: title.to_string(), weight: None, align: Align::Left }
    }

    pub fn weight(mut self, weight: f32) -> Column {
        self.weight = Some(weight);
        self
    }

    pub fn align(mut self, align: Align) -> Column {
        self.align = align;
        self
    }
}
