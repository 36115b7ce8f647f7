//! Turning laid-out pages into PDF bytes with printpdf: fonts as subsets, fixed resource ids
//! and a fixed file identifier so that the same document always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use printpdf::{
    Color, DictItem, FontId, Greyscale, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};

use super::fonts::{FontFile, Fonts};
use super::layout::{Item, Layout};

/// Serialize `layout` to PDF bytes.
pub fn to_pdf(layout: &Layout, fonts: &Fonts, title: &str, date: NaiveDate) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    set_dates(&mut doc, date);
    // Which font prints each character, decided once: the same split names the subsets and
    // draws the runs.
    let runs: Vec<Vec<Vec<Run>>> =
        layout.pages.iter().map(|page| page.items.iter().map(|item| text_runs(item, fonts)).collect()).collect();
    let mut used: BTreeMap<FontFile, BTreeSet<char>> = BTreeMap::new();
    for run in runs.iter().flatten().flatten() {
        used.entry(run.file).or_default().extend(run.text.chars());
    }
    let ids = subset_ids(&used);
    for (file, id) in &ids {
        let font = printpdf::PdfFont::new(fonts.file(*file).parsed.clone());
        doc.resources.fonts.map.insert(id.clone(), font);
    }
    let image_ids: Vec<XObjectId> = layout
        .images
        .iter()
        .enumerate()
        .map(|(i, img)| {
            let id = XObjectId(format!("Im{}", i + 1));
            doc.resources.xobjects.map.insert(id.clone(), printpdf::XObject::Image(img.clone()));
            id
        })
        .collect();
    let geo = layout.geometry;
    let pages = layout
        .pages
        .iter()
        .zip(&runs)
        .map(|(page, page_runs)| {
            let mut ops = Vec::new();
            for (item, item_runs) in page.items.iter().zip(page_runs) {
                let ctx = Ctx { page_h: geo.height, fonts: &ids, images: &image_ids, layout };
                item_ops(item, item_runs, &ctx, &mut ops);
            }
            PdfPage::new(Mm::from(Pt(geo.width)), Mm::from(Pt(geo.height)), ops)
        })
        .collect();
    doc.with_pages(pages);
    let options = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    fix_file_id(doc.save(&options, &mut Vec::new()))
}

/// A stretch of one text item printed from one font.
struct Run {
    file: FontFile,
    text: String,
    /// What the run stands for when that is more than its glyphs: an emoji followed by the
    /// ignorable characters that print nothing (❤ + U+FE0F, 👍 + a skin tone, 👨 + ZWJ).
    actual: Option<String>,
}

/// Splits a text item into runs by the font each character comes from.
///
/// Ignorable characters (variation selectors, joiners, skin tones) are not drawn. They are kept
/// as the /ActualText of the character before them, so that copying the text out of the PDF
/// (pdftotext, a viewer's search) gives back 👍🏻 and ❤️ as they were typed.
fn text_runs(item: &Item, fonts: &Fonts) -> Vec<Run> {
    let Item::Text { face, text, .. } = item else {
        return Vec::new();
    };
    let chain = fonts.face(*face);
    let mut runs: Vec<Run> = Vec::new();
    for c in text.chars() {
        if super::fonts::is_ignorable(c) {
            let Some(last) = runs.last_mut().filter(|_| !c.is_control()) else { continue };
            if last.actual.is_none() {
                // Only the last character of the run carries the ignorable: split it off.
                if let Some(base) = last.text.pop() {
                    let file = last.file;
                    if last.text.is_empty() {
                        runs.pop();
                    }
                    runs.push(Run { file, text: base.to_string(), actual: Some(base.to_string()) });
                }
            }
            if let Some(actual) = runs.last_mut().and_then(|r| r.actual.as_mut()) {
                actual.push(c);
            }
            continue;
        }
        let Some((file, _)) = chain.resolve(c) else { continue };
        match runs.last_mut() {
            Some(run) if run.file == file && run.actual.is_none() => run.text.push(c),
            _ => runs.push(Run { file, text: c.to_string(), actual: None }),
        }
    }
    runs
}

/// A PDF text string: UTF-16BE with its byte-order mark.
fn text_string(s: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String { data, literal: false }
}

/// The resource name of each font used. printpdf writes the first six characters of the name
/// as the subset tag (`ABCDEF+NotoSerifSC-Regular`), which ISO 32000 wants to be six capital
/// letters that differ between subsets: we derive them from the font and the characters in its
/// subset, so the same document always gets the same tags (and bytes), and printpdf's
/// process-wide counter (a second render would get other names) is never used.
fn subset_ids(used: &BTreeMap<FontFile, BTreeSet<char>>) -> BTreeMap<FontFile, FontId> {
    let mut taken = BTreeSet::new();
    let mut ids = BTreeMap::new();
    for (file, chars) in used {
        let mut seed: String = file.name().to_string();
        seed.extend(chars);
        let mut tag = six_letters(&seed);
        while !taken.insert(tag.clone()) {
            seed.push('+');
            tag = six_letters(&seed);
        }
        ids.insert(*file, FontId(tag));
    }
    ids
}

fn six_letters(seed: &str) -> String {
    Sha256::digest(seed.as_bytes()).iter().take(6).map(|b| char::from(b'A' + b % 26)).collect()
}

/// What drawing an item needs besides the item.
struct Ctx<'a> {
    page_h: f32,
    fonts: &'a BTreeMap<FontFile, FontId>,
    images: &'a [XObjectId],
    layout: &'a Layout,
}

fn set_dates(doc: &mut PdfDocument, date: NaiveDate) {
    let stamp = date.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    let when = printpdf::DateTime::from_unix_timestamp(stamp).or_else(|_| printpdf::DateTime::from_unix_timestamp(0));
    if let Ok(when) = when {
        let info = &mut doc.metadata.info;
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
    }
    doc.metadata.info.creator = "议事簿".to_string();
    doc.metadata.info.producer = format!("议事簿 {} ({})", crate::APP_VERSION, date.year());
}

fn item_ops(item: &Item, runs: &[Run], ctx: &Ctx, ops: &mut Vec<Op>) {
    let page_h = ctx.page_h;
    let p = |x: f32, y: f32| Point { x: Pt(x), y: Pt(page_h - y) };
    match item {
        Item::Text { x, y, size, grey, .. } => {
            if runs.is_empty() {
                return;
            }
            let shade = if *grey { 0.45 } else { 0.0 };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: Color::Greyscale(Greyscale::new(shade, None)) });
            ops.push(Op::SetTextCursor { pos: p(*x, *y) });
            // Each run continues where the previous one ended: the viewer advances by the
            // widths embedded with each font, the same advances layout measured with.
            for run in runs {
                let Some(font) = ctx.fonts.get(&run.file) else { continue };
                ops.push(Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(*size) });
                let text = TextItem::Text(run.text.clone());
                match &run.actual {
                    None => ops.push(Op::ShowText { items: vec![text] }),
                    Some(actual) => {
                        let map = BTreeMap::from([("ActualText".to_string(), text_string(actual))]);
                        let properties = DictItem::Dict { map };
                        ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties });
                        ops.push(Op::ShowText { items: vec![text] });
                        ops.push(Op::EndMarkedContentWithProperties);
                    }
                }
            }
            ops.push(Op::EndTextSection);
        }
        Item::Line { x1, y1, x2, y2, width, dashed } => {
            stroke_style(*width, *dashed, ops);
            let points = vec![LinePoint { p: p(*x1, *y1), bezier: false }, LinePoint { p: p(*x2, *y2), bezier: false }];
            ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        }
        Item::Rect { x, y, w, h, width, dashed } => {
            stroke_style(*width, *dashed, ops);
            ops.push(Op::DrawRectangle { rectangle: rect(*x, page_h - y - h, *w, *h, PaintMode::Stroke) });
        }
        Item::Fill { x, y, w, h } => {
            ops.push(Op::SetFillColor { col: Color::Greyscale(Greyscale::new(0.0, None)) });
            ops.push(Op::DrawRectangle { rectangle: rect(*x, page_h - y - h, *w, *h, PaintMode::Fill) });
        }
        Item::Image { index, x, y, w, h } => {
            let (Some(id), Some(img)) = (ctx.images.get(*index), ctx.layout.images.get(*index)) else {
                return;
            };
            // At 72 dpi one pixel is one point; scale from there to the laid-out size.
            let transform = XObjectTransform {
                translate_x: Some(Pt(*x)),
                translate_y: Some(Pt(page_h - y - h)),
                scale_x: Some(w / img.width as f32),
                scale_y: Some(h / img.height as f32),
                dpi: Some(72.0),
                ..Default::default()
            };
            ops.push(Op::UseXobject { id: id.clone(), transform });
        }
    }
}

/// A rectangle in PDF coordinates (y from the bottom of the page).
fn rect(x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Rect {
    Rect { x: Pt(x), y: Pt(y), width: Pt(w), height: Pt(h), mode: Some(mode), winding_order: None }
}

fn stroke_style(width: f32, dashed: bool, ops: &mut Vec<Op>) {
    let grey = if dashed { 0.35 } else { 0.0 };
    ops.push(Op::SetOutlineColor { col: Color::Greyscale(Greyscale::new(grey, None)) });
    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    let dash = if dashed { LineDashPattern::new(0.0, &[4.0, 3.0]) } else { LineDashPattern::solid() };
    ops.push(Op::SetLineDashPattern { dash });
}

/// printpdf writes a random-looking /ID into the trailer; replace it, in place and with the
/// same length, by a digest of the rest of the file.
fn fix_file_id(mut bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = find_last(&bytes, b"/ID") else {
        return bytes;
    };
    let mut digest_input = bytes.clone();
    digest_input.truncate(at);
    let hex: String = Sha256::digest(&digest_input).iter().map(|b| format!("{b:02x}")).collect();
    let mut id = hex.bytes().cycle();
    let mut in_string = false;
    for b in &mut bytes[at..] {
        match *b {
            b'(' => in_string = true,
            b')' => in_string = false,
            b'>' if !in_string => break,
            _ if in_string => *b = id.next().unwrap_or(b'0'),
            _ => {}
        }
    }
    bytes
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::Face;

    fn runs(text: &str) -> Vec<(FontFile, String, Option<String>)> {
        let item =
            Item::Text { x: 0.0, y: 0.0, width: 0.0, face: Face::Regular, size: 16.0, text: text.into(), grey: false };
        text_runs(&item, Fonts::get()).into_iter().map(|r| (r.file, r.text, r.actual)).collect()
    }

    #[test]
    fn a_line_is_drawn_in_runs_of_one_font_and_ignorables_are_not_drawn() {
        let (serif, emoji) = (FontFile::SerifRegular, FontFile::EmojiRegular);
        assert_eq!(
            runs("好的👌！"),
            [(serif, "好的".into(), None), (emoji, "👌".into(), None), (serif, "！".into(), None),]
        );
        // The skin tone and the selector are not drawn, but stay in the emoji's /ActualText.
        assert_eq!(
            runs("同意👍\u{1F3FB}❤\u{FE0F}支持"),
            [
                (serif, "同意".into(), None),
                (emoji, "👍".into(), Some("👍\u{1F3FB}".into())),
                (emoji, "❤".into(), Some("❤\u{FE0F}".into())),
                (serif, "支持".into(), None),
            ]
        );
        assert_eq!(
            runs("\u{200D}王\u{0007}𪚥"),
            [(serif, "王".into(), None), (FontFile::HanExt, "𪚥".into(), None),],
            "a joiner with nothing before it and a control character are dropped"
        );
    }

    #[test]
    fn subset_tags_are_six_capitals_that_follow_the_characters() {
        let used = |s: &str| BTreeMap::from([(FontFile::SerifRegular, s.chars().collect::<BTreeSet<char>>())]);
        let a = subset_ids(&used("停水通知"));
        let b = subset_ids(&used("停水通知"));
        let c = subset_ids(&used("停电通知"));
        let tag = &a[&FontFile::SerifRegular].0;
        assert!(tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()), "{tag}");
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
