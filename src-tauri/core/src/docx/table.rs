//! A notice's table as a Word table: borders, set column widths, the header row repeated on
//! every page, each column aligned as on the PDF, rows at least as tall as asked (to sign in).

use std::fmt::Write as _;

use super::blocks::Body;
use super::page::dxa;
use super::xml::{run, Font, Para, Style};
use crate::pdf::{Align, Table};

/// Writes `t` into `body`; `keep` keeps its rows with what follows.
pub(super) fn write(body: &mut Body, t: &Table, keep: bool) {
    if t.columns.is_empty() {
        return;
    }
    let widths = widths(t, body.page.content_dxa());
    let size = body.page.table;
    let mut s = String::from(concat!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>"#,
        r#"<w:tblBorders><w:top w:val="single" w:sz="6" w:color="000000"/><w:left w:val="single" w:sz="6" w:color="000000"/>"#,
        r#"<w:bottom w:val="single" w:sz="6" w:color="000000"/><w:right w:val="single" w:sz="6" w:color="000000"/>"#,
        r#"<w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>"#,
        r#"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#,
        r#"</w:tblPr><w:tblGrid>"#
    ));
    for w in &widths {
        let _ = write!(s, r#"<w:gridCol w:w="{w}"/>"#);
    }
    s.push_str("</w:tblGrid>");
    let header: Vec<(String, Align)> = t.columns.iter().map(|c| (c.title.clone(), Align::Center)).collect();
    s.push_str(&row(&header, &widths, Style::new(Font::Hei, size), RowKind::Header, keep));
    let min_h = (t.min_row_height > 0.0).then(|| dxa(t.min_row_height * body.page.scale));
    for cells in &t.rows {
        let cells: Vec<(String, Align)> =
            t.columns.iter().enumerate().map(|(i, c)| (cells.get(i).cloned().unwrap_or_default(), c.align)).collect();
        s.push_str(&row(&cells, &widths, Style::new(Font::Song, size), RowKind::Body(min_h), keep));
    }
    s.push_str("</w:tbl>");
    body.xml.push_str(&s);
    // Word needs a paragraph between a table and what follows (or two tables merge).
    let after = Para { after: 0, ..Para::default() };
    body.xml.push_str(&after.xml("", Style::new(Font::Song, size)));
}

enum RowKind {
    /// Repeats at the top of every page the table spans, and never breaks.
    Header,
    /// At least this tall (dxa), if set.
    Body(Option<u32>),
}

fn row(cells: &[(String, Align)], widths: &[u32], style: Style, kind: RowKind, keep: bool) -> String {
    let mut s = String::from("<w:tr><w:trPr><w:cantSplit/>");
    match kind {
        RowKind::Header => s.push_str("<w:tblHeader/>"),
        RowKind::Body(Some(h)) => {
            let _ = write!(s, r#"<w:trHeight w:val="{h}" w:hRule="atLeast"/>"#);
        }
        RowKind::Body(None) => {}
    }
    s.push_str("</w:trPr>");
    for ((text, align), w) in cells.iter().zip(widths) {
        let p = Para { keep_next: keep, line: Some((276, false)), ..Para::aligned(*align) };
        let _ = write!(
            s,
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{}</w:tc>"#,
            p.xml(&run(text, style), style)
        );
    }
    s.push_str("</w:tr>");
    s
}

/// Column widths in dxa filling `total`: by the columns' weights, or — where a column has none —
/// by how long its title and longest cell are (2 to 12 characters' worth), as the PDF sizes them.
pub(super) fn widths(t: &Table, total: u32) -> Vec<u32> {
    let weights: Vec<f32> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.weight.unwrap_or_else(|| {
                let longest = t.rows.iter().filter_map(|r| r.get(i)).map(|s| s.chars().count()).max().unwrap_or(0);
                (longest.max(c.title.chars().count()) as f32).clamp(2.0, 12.0)
            })
        })
        .collect();
    let sum: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    let mut out: Vec<u32> = weights.iter().map(|w| (total as f32 * w / sum).floor() as u32).collect();
    // What rounding left over goes to the last column, so the table is exactly as wide as the text.
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total.saturating_sub(used);
    }
    out
}
