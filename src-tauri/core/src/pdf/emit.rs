//! Turning laid-out pages into PDF bytes with printpdf: fonts as subsets, fixed resource ids
//! and a fixed file identifier so that the same document always gives the same bytes.

use chrono::{Datelike, NaiveDate};
use printpdf::{
    Color, FontId, Greyscale, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, XObjectId,
    XObjectTransform,
};
use sha2::{Digest, Sha256};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Layout};

/// Serialize `layout` to PDF bytes.
pub fn to_pdf(layout: &Layout, fonts: &Fonts, title: &str, date: NaiveDate) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    set_dates(&mut doc, date);
    // printpdf names resources from a process-wide counter: a second render in the same process
    // would get other names, so we name them ourselves.
    let regular = FontId("F1".to_string());
    let black = FontId("F2".to_string());
    let fonts_map = &mut doc.resources.fonts.map;
    fonts_map.insert(regular.clone(), printpdf::PdfFont::new(fonts.regular.parsed.clone()));
    fonts_map.insert(black.clone(), printpdf::PdfFont::new(fonts.black.parsed.clone()));
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
        .map(|page| {
            let mut ops = Vec::new();
            for item in &page.items {
                item_ops(item, geo.height, &regular, &black, &image_ids, layout, &mut ops);
            }
            PdfPage::new(Mm::from(Pt(geo.width)), Mm::from(Pt(geo.height)), ops)
        })
        .collect();
    doc.with_pages(pages);
    let options = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    fix_file_id(doc.save(&options, &mut Vec::new()))
}

fn set_dates(doc: &mut PdfDocument, date: NaiveDate) {
    let stamp = date.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    let when = printpdf::DateTime::from_unix_timestamp(stamp)
        .or_else(|_| printpdf::DateTime::from_unix_timestamp(0));
    if let Ok(when) = when {
        let info = &mut doc.metadata.info;
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
    }
    doc.metadata.info.creator = "议事簿".to_string();
    doc.metadata.info.producer = format!("议事簿 {} ({})", crate::APP_VERSION, date.year());
}

#[allow(clippy::too_many_arguments)]
fn item_ops(
    item: &Item,
    page_h: f32,
    regular: &FontId,
    black: &FontId,
    images: &[XObjectId],
    layout: &Layout,
    ops: &mut Vec<Op>,
) {
    let p = |x: f32, y: f32| Point { x: Pt(x), y: Pt(page_h - y) };
    match item {
        Item::Text { x, y, face, size, text, grey, .. } => {
            let font = match face {
                Face::Regular => regular.clone(),
                Face::Black => black.clone(),
            };
            let shade = if *grey { 0.45 } else { 0.0 };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor { col: Color::Greyscale(Greyscale::new(shade, None)) });
            ops.push(Op::SetFont { font: PdfFontHandle::External(font), size: Pt(*size) });
            ops.push(Op::SetTextCursor { pos: p(*x, *y) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
            ops.push(Op::EndTextSection);
        }
        Item::Line { x1, y1, x2, y2, width, dashed } => {
            stroke_style(*width, *dashed, ops);
            let points = vec![
                LinePoint { p: p(*x1, *y1), bezier: false },
                LinePoint { p: p(*x2, *y2), bezier: false },
            ];
            ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        }
        Item::Rect { x, y, w, h, width, dashed } => {
            stroke_style(*width, *dashed, ops);
            let rectangle = Rect {
                x: Pt(*x),
                y: Pt(page_h - y - h),
                width: Pt(*w),
                height: Pt(*h),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            };
            ops.push(Op::DrawRectangle { rectangle });
        }
        Item::Image { index, x, y, w, h } => {
            let (Some(id), Some(img)) = (images.get(*index), layout.images.get(*index)) else {
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
