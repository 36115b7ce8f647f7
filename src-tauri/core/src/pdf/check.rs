//! Refuse to print what the fonts cannot show. A character missing from the face it would be
//! set in would print as an empty box (glyph 0); we name it and where it is instead.

use super::fonts::{Face, Fonts};
use super::model::{Block, Document};
use super::PdfError;

/// Where missing characters were found, in the order they first appear.
#[derive(Default)]
struct Missing {
    chars: Vec<char>,
    locations: Vec<String>,
}

impl Missing {
    fn scan(&mut self, fonts: &Fonts, face: Face, text: &str, location: impl Fn() -> String) {
        let mut found_here = false;
        for c in text.chars() {
            if c == '\n' || c == '\t' || c == ' ' || fonts.face(face).has_glyph(c) {
                continue;
            }
            found_here = true;
            if !self.chars.contains(&c) {
                self.chars.push(c);
            }
        }
        if found_here {
            let here = location();
            if !self.locations.contains(&here) {
                self.locations.push(here);
            }
        }
    }
}

/// Check every character of the document against the face it will be set in.
pub fn check_glyphs(doc: &Document, fonts: &Fonts) -> Result<(), PdfError> {
    let mut missing = Missing::default();
    let mut paragraph = 0;
    let r = Face::Regular;
    for block in &doc.blocks {
        match block {
            Block::Title(t) => missing.scan(fonts, Face::Black, t, || "标题".into()),
            Block::Subtitle(t) => missing.scan(fonts, r, t, || "副标题".into()),
            Block::Salutation(t) => missing.scan(fonts, r, t, || "称呼".into()),
            Block::Paragraph(t) => {
                paragraph += 1;
                missing.scan(fonts, r, t, || format!("第{paragraph}段"));
            }
            Block::Line { text, .. } => missing.scan(fonts, r, text, || excerpt(text)),
            Block::Heading { text, .. } => {
                missing.scan(fonts, Face::Black, text, || format!("小标题“{}”", short(text)))
            }
            Block::Table(table) => {
                for (c, col) in table.columns.iter().enumerate() {
                    missing.scan(fonts, Face::Black, &col.title, || format!("表头第{}列", c + 1));
                }
                for (i, row) in table.rows.iter().enumerate() {
                    for cell in row {
                        missing.scan(fonts, r, cell, || format!("表格第{}行", i + 1));
                    }
                }
            }
            Block::Signoff { issuer, date } => {
                missing.scan(fonts, r, issuer, || "落款".into());
                missing.scan(fonts, r, date, || "落款日期".into());
            }
            Block::Signatures(labels) => {
                for l in labels {
                    missing.scan(fonts, r, l, || "签名栏".into());
                }
            }
            Block::Photo { caption: Some(c), .. } => missing.scan(fonts, r, c, || "图片说明".into()),
            Block::Photo { caption: None, .. } | Block::Space(_) => {}
        }
    }
    if missing.chars.is_empty() {
        return Ok(());
    }
    Err(PdfError::MissingGlyphs {
        chars: missing.chars.iter().collect(),
        location: missing.locations.join("、"),
    })
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        s.push('…');
    }
    s
}

fn excerpt(text: &str) -> String {
    format!("“{}”一行", short(text))
}
