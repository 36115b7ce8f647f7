//! Characters no bundled font can print. Such a character would print as an empty box (glyph 0),
//! so before anything is laid out we either name it and where it is ([`check_glyphs`]), or —
//! when the secretary chose to print without it — leave it out ([`omit_chars`]).
//! Ignorable characters (variation selectors, joiners) are never missing: they print nothing.

use super::fonts::{Face, Fonts};
use super::model::{Block, Document};
use super::PdfError;

/// Characters no font has, in the order they first appear, and where they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Missing {
    pub chars: Vec<char>,
    /// “第2段”, “标题”, “表格第3行”…
    pub locations: Vec<String>,
}

impl Missing {
    fn scan(&mut self, fonts: &Fonts, face: Face, text: &str, location: impl Fn() -> String) {
        let chain = fonts.face(face);
        let mut found_here = false;
        for c in text.chars() {
            if c == '\n' || c == '\t' || c == ' ' || chain.has_glyph(c) {
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

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// Every character of the document checked against the face it will be set in and its
/// fallback fonts.
pub fn missing_chars(doc: &Document, fonts: &Fonts) -> Missing {
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
            Block::Keep(blocks) => {
                let inner = missing_chars(&Document { blocks: blocks.clone(), ..doc.clone() }, fonts);
                for c in inner.chars {
                    if !missing.chars.contains(&c) {
                        missing.chars.push(c);
                    }
                }
                for l in inner.locations {
                    if !missing.locations.contains(&l) {
                        missing.locations.push(l);
                    }
                }
            }
            Block::Qr { caption, .. } => missing.scan(fonts, r, caption, || "二维码说明".into()),
            Block::Photo { caption: None, .. } | Block::Space(_) | Block::Cut => {}
        }
    }
    missing
}

/// Refuse a document with characters no font has, naming them and where they are.
pub fn check_glyphs(doc: &Document, fonts: &Fonts) -> Result<(), PdfError> {
    let missing = missing_chars(doc, fonts);
    if missing.is_empty() {
        return Ok(());
    }
    Err(PdfError::MissingGlyphs { chars: missing.chars.iter().collect(), location: missing.locations.join("、") })
}

/// The document with `chars` removed from every text in it.
pub fn omit_chars(doc: &Document, chars: &[char]) -> Document {
    if chars.is_empty() {
        return doc.clone();
    }
    doc.map_text(&|t: &str| t.chars().filter(|c| !chars.contains(c)).collect())
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
