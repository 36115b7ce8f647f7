//! Runs and paragraphs as WordprocessingML text.

use std::fmt::Write as _;

use crate::pdf::Align;

/// The faces a notice uses, named as Chinese Windows and WPS install them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    /// 黑体: titles, headings, table headers (the PDF's Black face).
    Hei,
    /// 仿宋: body text, as official notices are set.
    FangSong,
    /// 宋体: tables and small print, clearer than 仿宋 at 小四 and below.
    Song,
}

impl Font {
    /// (Chinese name for eastAsia, English name for ascii/hAnsi). Both are set on every run:
    /// without eastAsia WPS falls back to the theme font, and the English name is what an
    /// English Windows knows the same font by.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Font::Hei => ("黑体", "SimHei"),
            Font::FangSong => ("仿宋", "FangSong"),
            Font::Song => ("宋体", "SimSun"),
        }
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub font: Font,
    /// Points.
    pub size: f32,
    pub bold: bool,
    pub underline: bool,
}

impl Style {
    pub fn new(font: Font, size: f32) -> Style {
        Style { font, size, bold: false, underline: false }
    }

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn underline(self) -> Style {
        Style { underline: true, ..self }
    }

    /// `<w:rPr>` of this style.
    pub fn rpr(&self) -> String {
        let (east, west) = self.font.names();
        let half_points = (self.size * 2.0).round().max(2.0) as u32;
        let mut s = format!(
            r#"<w:rPr><w:rFonts w:ascii="{west}" w:hAnsi="{west}" w:eastAsia="{east}" w:cs="{west}" w:hint="eastAsia"/>"#
        );
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.underline {
            s.push_str(r#"<w:u w:val="single"/>"#);
        }
        let _ = write!(s, r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>"#);
        s
    }
}

/// A run of `text`: line breaks become `<w:br/>`, tabs `<w:tab/>`.
pub(super) fn run(text: &str, style: Style) -> String {
    let mut s = format!("<w:r>{}", style.rpr());
    let mut piece = String::new();
    let flush = |s: &mut String, piece: &mut String| {
        if !piece.is_empty() {
            let _ = write!(s, r#"<w:t xml:space="preserve">{}</w:t>"#, escape(piece));
            piece.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\n' => {
                flush(&mut s, &mut piece);
                s.push_str("<w:br/>");
            }
            '\t' => {
                flush(&mut s, &mut piece);
                s.push_str("<w:tab/>");
            }
            '\r' => {}
            c => piece.push(c),
        }
    }
    flush(&mut s, &mut piece);
    s.push_str("</w:r>");
    s
}

/// A run with only a tab (underlined: the line to sign on).
pub(super) fn tab_run(style: Style) -> String {
    format!("<w:r>{}<w:tab/></w:r>", style.rpr())
}

/// `text` with the XML specials escaped and the characters XML 1.0 cannot hold (control
/// characters, U+FFFE/U+FFFF) left out: a Word file with one of them does not open at all.
pub(super) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\t' | '\n' | '\r' => s.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => s.push(c),
        }
    }
    s
}

/// Paragraph properties; `xml` wraps runs in a `<w:p>`.
#[derive(Debug, Clone, Default)]
pub(super) struct Para {
    pub keep_next: bool,
    /// A dashed rule under the paragraph (the cut line between slips).
    pub dashed_bottom: bool,
    /// Tab stops in dxa from the left margin.
    pub tabs: Vec<u32>,
    /// Space before and after in dxa.
    pub before: u32,
    pub after: u32,
    /// Line spacing: `Some((240ths of a line, false))` auto, `Some((dxa, true))` exact.
    pub line: Option<(u32, bool)>,
    /// First-line indent in characters and in dxa (Word uses the first, LibreOffice the second).
    pub first_line: Option<u32>,
    pub first_line_dxa: u32,
    /// Indents in dxa (negative: into the margin).
    pub left: i32,
    pub right: i32,
    pub align: Align,
}

impl Para {
    pub fn aligned(align: Align) -> Para {
        Para { align, ..Para::default() }
    }

    /// `<w:p>` holding `runs`, the paragraph mark in `mark` style.
    pub fn xml(&self, runs: &str, mark: Style) -> String {
        let mut s = String::from("<w:p><w:pPr>");
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.dashed_bottom {
            s.push_str(r#"<w:pBdr><w:bottom w:val="dashed" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#);
        }
        if !self.tabs.is_empty() {
            s.push_str("<w:tabs>");
            for t in &self.tabs {
                let _ = write!(s, r#"<w:tab w:val="left" w:pos="{t}"/>"#);
            }
            s.push_str("</w:tabs>");
        }
        let _ = write!(s, r#"<w:spacing w:before="{}" w:after="{}""#, self.before, self.after);
        match self.line {
            Some((v, true)) => {
                let _ = write!(s, r#" w:line="{v}" w:lineRule="exact""#);
            }
            Some((v, false)) => {
                let _ = write!(s, r#" w:line="{v}" w:lineRule="auto""#);
            }
            None => {}
        }
        s.push_str("/>");
        self.indent_xml(&mut s);
        let _ = write!(s, r#"<w:jc w:val="{}"/>{}</w:pPr>{runs}</w:p>"#, jc(self.align), mark.rpr());
        s
    }

    fn indent_xml(&self, s: &mut String) {
        if self.first_line.is_none() && self.left == 0 && self.right == 0 {
            return;
        }
        let _ = write!(s, r#"<w:ind w:left="{}" w:right="{}""#, self.left, self.right);
        if let Some(chars) = self.first_line {
            let _ = write!(s, r#" w:firstLineChars="{}" w:firstLine="{}""#, chars, self.first_line_dxa);
        }
        s.push_str("/>");
    }
}

/// Word's name of an alignment.
pub(super) fn jc(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    }
}
