//! Each block of a notice as Word paragraphs, in the order the PDF prints them.

use super::media::{self, Media};
use super::page::{dxa, pt_dxa, Page};
use super::xml::{run, tab_run, Font, Para, Style};
use super::DocxError;
use crate::pdf::{Align, Block};

/// The body of word/document.xml being written, and the pictures it refers to.
pub(super) struct Body {
    pub page: Page,
    pub xml: String,
    pub media: Vec<Media>,
}

impl Body {
    pub fn new(page: Page) -> Body {
        Body { page, xml: String::new(), media: Vec::new() }
    }

    pub fn finish(self) -> (String, Vec<Media>) {
        (self.xml, self.media)
    }

    /// Body text style.
    pub fn body(&self) -> Style {
        Style::new(Font::FangSong, self.page.body)
    }

    /// A body paragraph base: the document's line spacing, `after` body ems below.
    pub fn para(&self, align: Align, after_ems: f32, keep: bool) -> Para {
        Para {
            line: Some((self.page.line, false)),
            after: pt_dxa(self.page.body * after_ems),
            keep_next: keep,
            ..Para::aligned(align)
        }
    }

    /// Writes `block`; `keep` keeps it on the page with what follows (inside a [`Block::Keep`]).
    pub fn block(&mut self, block: &Block, keep: bool) -> Result<(), DocxError> {
        let body = self.body();
        match block {
            Block::Title(text) => {
                let style = Style::new(Font::Hei, self.page.body * 1.375);
                let p = Para { keep_next: true, ..self.para(Align::Center, 0.6, keep) };
                self.xml.push_str(&p.xml(&run(text, style), style));
            }
            Block::Subtitle(text) => {
                let style = Style::new(Font::FangSong, self.page.body * 0.875);
                self.xml.push_str(&self.para(Align::Center, 0.4, keep).xml(&run(text, style), style));
            }
            Block::Salutation(text) => self.line(text, Align::Left, keep),
            Block::Paragraph(text) => self.paragraph(text, keep),
            Block::Line { text, align } => self.line(text, *align, keep),
            Block::Heading { text, align } => {
                let style = Style::new(Font::Hei, self.page.body).bold();
                let p = Para { before: pt_dxa(self.page.body * 0.5), keep_next: true, ..self.para(*align, 0.0, keep) };
                self.xml.push_str(&p.xml(&run(text, style), style));
            }
            Block::Table(t) => super::table::write(self, t, keep),
            Block::Signoff { issuer, date } => self.signoff(issuer, date, keep),
            Block::Signatures(labels) => self.signatures(labels, keep),
            Block::Photo { bytes, caption } => media::photo(self, bytes, caption.as_deref(), keep)?,
            Block::Qr { text, caption, picture } => media::qr(self, text, caption, picture.as_deref(), keep)?,
            Block::Space(mm) => {
                // An empty paragraph exactly that tall: Word has no other vertical space.
                let h = dxa(mm * self.page.scale).max(20);
                let p = Para { line: Some((h, true)), keep_next: keep, ..Para::default() };
                self.xml.push_str(&p.xml("", body));
            }
            Block::Keep(blocks) => {
                for (i, b) in blocks.iter().enumerate() {
                    self.block(b, keep || i + 1 < blocks.len())?;
                }
            }
            Block::Cut => self.cut(keep),
        }
        Ok(())
    }

    fn line(&mut self, text: &str, align: Align, keep: bool) {
        let body = self.body();
        self.xml.push_str(&self.para(align, 0.0, keep).xml(&run(text, body), body));
    }

    /// Justified, with the two-character first-line indent of Chinese prose.
    fn paragraph(&mut self, text: &str, keep: bool) {
        let body = self.body();
        let p = Para {
            first_line: Some(200),
            first_line_dxa: pt_dxa(self.page.body * 2.0),
            ..self.para(Align::Left, 0.25, keep)
        };
        self.xml.push_str(&p.xml(&run(text, body), body));
    }

    /// Issuer and date right-aligned two characters in from the margin, a line of space above
    /// (the seal is stamped over them on paper; the PDF's dashed seal box is not drawn).
    fn signoff(&mut self, issuer: &str, date: &str, keep: bool) {
        let body = self.body();
        let right = pt_dxa(self.page.body * 2.0) as i32;
        let first =
            Para { before: pt_dxa(self.page.body * 1.5), keep_next: true, right, ..self.para(Align::Right, 0.0, keep) };
        self.xml.push_str(&first.xml(&run(issuer, body), body));
        let second = Para { right, ..self.para(Align::Right, 0.0, keep) };
        self.xml.push_str(&second.xml(&run(date, body), body));
    }

    /// "label______" two to a row (one if a label is long), the line an underlined tab that
    /// ends a character before the next label.
    fn signatures(&mut self, labels: &[String], keep: bool) {
        let body = self.body();
        let width = self.page.content_dxa();
        let em = pt_dxa(self.page.body);
        let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
        let per_row = if (longest + 6) * em <= width / 2 { 2 } else { 1 };
        let cell = width / per_row;
        for chunk in labels.chunks(per_row as usize) {
            let mut runs = String::new();
            let mut tabs = Vec::new();
            for (i, label) in chunk.iter().enumerate() {
                let start = cell * i as u32;
                if i > 0 {
                    runs.push_str(&tab_run(body));
                    tabs.push(start);
                }
                runs.push_str(&run(label, body));
                runs.push_str(&tab_run(body.underline()));
                tabs.push(start + cell - em);
            }
            let p = Para { tabs, before: pt_dxa(self.page.body * 0.75), ..self.para(Align::Left, 0.0, keep) };
            self.xml.push_str(&p.xml(&runs, body));
        }
    }

    /// A dashed rule from 8 mm off one edge of the sheet to 8 mm off the other, as the PDF's.
    fn cut(&mut self, keep: bool) {
        let body = self.body();
        let into_margin = -(dxa(self.page.side_mm() - 8.0 * self.page.scale) as i32);
        let p = Para {
            dashed_bottom: true,
            left: into_margin,
            right: into_margin,
            after: pt_dxa(self.page.body * 0.6),
            keep_next: keep,
            ..Para::default()
        };
        self.xml.push_str(&p.xml("", body));
    }
}
