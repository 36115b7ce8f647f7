//! The small fixed parts of a notice: the issuer block with its seal box, signature lines and
//! a photo.

use printpdf::RawImage;

use super::fonts::Face;
use super::layout::{baseline, Flow, Item, SignoffBand, POINTS_PER_MM};
use super::linebreak::Line;
use super::PdfError;

/// Issuer and date right-aligned two characters in from the margin, with a dashed square
/// centred on them where the seal is stamped (seals cover the date, by custom).
pub(crate) fn signoff(flow: &mut Flow, issuer: &str, date: &str) {
    let (size, lh) = (flow.body, flow.lh());
    let seal = 35.0 * POINTS_PER_MM * flow.geo.scale;
    let right = flow.geo.right - 2.0 * size;
    let avail = right - flow.geo.left;
    let issuer_lines = flow.lines(issuer, Face::Regular, size, avail, avail);
    let date_lines = flow.lines(date, Face::Regular, size, avail, avail);
    let text_h = (issuer_lines.len() + date_lines.len()) as f32 * lh;
    let height = text_h.max(seal);
    let gap = flow.gap(1.0);
    if gap + height > flow.room() && !flow.at_page_top() {
        // An issuer block alone on the last page looks forged: take two lines along.
        flow.new_page_carrying(lh);
    }
    flow.y += gap;
    let top = flow.y;
    let widest = issuer_lines.iter().chain(&date_lines).map(|l| l.width).fold(0.0, f32::max);
    let centre = right - widest / 2.0;
    let box_x = (centre - seal / 2.0).clamp(flow.geo.left, flow.geo.right - seal);
    flow.push(Item::Rect { x: box_x, y: top, w: seal, h: seal, width: 0.8, dashed: true });
    let label_size = 9.0 * flow.geo.scale;
    let label_w = flow.fonts.face(Face::Regular).width("盖章处", label_size);
    flow.push(Item::Text {
        x: box_x + (seal - label_w) / 2.0,
        y: top + label_size * 1.6,
        width: label_w,
        face: Face::Regular,
        size: label_size,
        text: "盖章处".to_string(),
        grey: true,
    });
    flow.y = top + (height - text_h) / 2.0;
    for line in issuer_lines.iter().chain(&date_lines) {
        let x = right - line.width;
        flow.put_line(line, x, Face::Regular, size, lh);
    }
    flow.y = top + height;
    let page = flow.pages.len().saturating_sub(1);
    flow.signoff_band = Some(SignoffBand { page, top, left: box_x.min(right - widest) });
}

/// Side of a printed QR code on A4, quiet zone not included.
pub(crate) const QR_SIDE_MM: f32 = 28.0;
/// Width of an uploaded QR picture on A4.
const QR_PICTURE_WIDTH_MM: f32 = 34.0;
/// The quiet zone the standard asks for around the code, in modules (left blank).
const QR_QUIET_MODULES: f32 = 4.0;

/// A QR code of `text` as filled squares, its caption centred under it. After an issuer block
/// (`band`) it goes to the left of it, its top level with the seal box, if it fits there beside
/// it and above the bottom margin; else flush left below, as any block. A text no QR version
/// holds prints nothing (settings refuse such a text before it gets here).
pub(crate) fn qr(flow: &mut Flow, text: &str, caption: &str, band: Option<SignoffBand>) {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) else {
        return;
    };
    let n = code.width();
    let side = QR_SIDE_MM * POINTS_PER_MM * flow.geo.scale;
    let module = side / n as f32;
    let quiet = QR_QUIET_MODULES * module;
    let cap = Caption::new(flow, caption, side + 2.0 * quiet);
    let block_w = cap.width.max(side + 2.0 * quiet);
    let top = qr_top(flow, block_w, quiet + side + cap.height(), band);
    let centre = flow.geo.left + block_w / 2.0;
    let (x0, y0) = (centre - side / 2.0, top + quiet);
    // One rectangle per run of dark modules in a row, a hair taller than a module so rows
    // leave no seam when rasterised.
    let colors = code.to_colors();
    for (row, modules) in colors.chunks(n).enumerate() {
        let mut col = 0;
        while col < n {
            if modules[col] != qrcode::Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && modules[col] == qrcode::Color::Dark {
                col += 1;
            }
            let (x, y) = (x0 + start as f32 * module, y0 + row as f32 * module);
            flow.push(Item::Fill { x, y, w: (col - start) as f32 * module, h: module * 1.02 });
        }
    }
    let end = cap.draw(flow, centre, y0 + side + quiet * 0.5);
    flow.y = flow.y.max(end);
}

/// A picture of a QR code made elsewhere (the WeChat group's own), where [`qr`] would draw one:
/// 34 mm wide, as a saved group code has the group's name and a margin around its code (narrower
/// if it is tall: at most 1.5 times that high), its caption under it.
pub(crate) fn qr_picture(
    flow: &mut Flow,
    bytes: &[u8],
    caption: &str,
    band: Option<SignoffBand>,
) -> Result<(), PdfError> {
    let image = decode_image(bytes)?;
    let side = QR_PICTURE_WIDTH_MM * POINTS_PER_MM * flow.geo.scale;
    let ratio = image.height as f32 / image.width as f32;
    let h = (side * ratio).min(side * 1.5);
    let w = h / ratio;
    let gap = POINTS_PER_MM * flow.geo.scale;
    let cap = Caption::new(flow, caption, side * 1.1);
    let block_w = cap.width.max(w).max(side);
    let top = qr_top(flow, block_w, h + gap + cap.height(), band);
    let centre = flow.geo.left + block_w / 2.0;
    flow.push(Item::Image { index: flow.images.len(), x: centre - w / 2.0, y: top, w, h });
    flow.images.push(image);
    let end = cap.draw(flow, centre, top + h + gap);
    flow.y = flow.y.max(end);
    Ok(())
}

/// The top of a QR block `block_w` wide and `height` tall: level with the issuer's seal box at
/// its left if it fits there, else where the flow is (on a new page if need be).
fn qr_top(flow: &mut Flow, block_w: f32, height: f32, band: Option<SignoffBand>) -> f32 {
    let beside = band.filter(|b| {
        b.page + 1 == flow.pages.len()
            && flow.geo.left + block_w + 2.0 * flow.body <= b.left
            && b.top + height <= flow.geo.bottom
    });
    match beside {
        Some(b) => b.top,
        None => {
            flow.ensure(height + flow.gap(0.5));
            flow.y += flow.gap(0.5);
            flow.y
        }
    }
}

/// The line(s) under a QR code, 10.5 pt (×√2 on A3).
struct Caption {
    lines: Vec<Line>,
    size: f32,
    lh: f32,
    width: f32,
}

impl Caption {
    /// At least `min_w` wide to break in, or 1.6 code sides when that is wider.
    fn new(flow: &Flow, caption: &str, min_w: f32) -> Caption {
        let size = 10.5 * flow.geo.scale;
        let side = QR_SIDE_MM * POINTS_PER_MM * flow.geo.scale;
        let avail = min_w.max(side * 1.6);
        let lines = flow.lines(caption, Face::Regular, size, avail, avail);
        let width = lines.iter().map(|l| l.width).fold(0.0, f32::max);
        Caption { lines, size, lh: size * 1.5, width }
    }

    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.lh
    }

    /// Draws the lines centred on `centre` from `top` down; returns the y under the last one.
    fn draw(&self, flow: &mut Flow, centre: f32, top: f32) -> f32 {
        let mut y = top;
        for line in &self.lines {
            let x = centre - line.width / 2.0;
            let (size, text) = (self.size, line.text.clone());
            let baseline = baseline(y, self.lh, size);
            flow.push(Item::Text { x, y: baseline, width: line.width, face: Face::Regular, size, text, grey: false });
            y += self.lh;
        }
        y
    }
}

/// Labels with a line to sign on, two to a row (one if a label is long).
pub(crate) fn signatures(flow: &mut Flow, labels: &[String]) {
    let (size, lh) = (flow.body, flow.lh());
    let width = flow.geo.content_width();
    let face = flow.fonts.face(Face::Regular);
    let longest = labels.iter().map(|l| face.width(l, size)).fold(0.0, f32::max);
    let per_row = if longest + size * 6.0 <= width / 2.0 { 2 } else { 1 };
    let cell = width / per_row as f32;
    flow.y += flow.gap(1.0);
    for chunk in labels.chunks(per_row) {
        flow.ensure(lh * 2.0);
        flow.y += lh * 0.5;
        let top = flow.y;
        for (i, label) in chunk.iter().enumerate() {
            let x = flow.geo.left + cell * i as f32;
            let avail = cell - size * 6.0;
            let text = flow.lines(label, Face::Regular, size, avail, avail);
            let first = text.first().cloned().unwrap_or(Line { text: String::new(), width: 0.0 });
            let y = baseline(top, lh, size);
            let line_w = first.width;
            flow.push(Item::Text { x, y, width: line_w, face: Face::Regular, size, text: first.text, grey: false });
            let (x1, x2) = (x + line_w + size * 0.2, x + cell - size);
            flow.push(Item::Line { x1, y1: y + 2.0, x2, y2: y + 2.0, width: 0.6, dashed: false });
        }
        flow.y = top + lh * 1.5;
    }
}

/// A photo scaled to the text width and at most half the content height, centred.
pub(crate) fn photo(flow: &mut Flow, bytes: &[u8], caption: Option<&str>) -> Result<(), PdfError> {
    let image = decode_image(bytes)?;
    let (max_w, max_h) = (flow.geo.content_width() * 0.85, (flow.geo.bottom - flow.geo.top) * flow.spacing.photo);
    let ratio = image.height as f32 / image.width as f32;
    let mut w = max_w.min(max_h / ratio);
    let caption_h = if caption.is_some() { flow.lh() } else { 0.0 };
    let extra = caption_h + flow.gap(0.5);
    // Shrink a little rather than leave a big gap at the bottom of the page.
    let room_h = flow.room() - extra;
    if w * ratio > room_h && room_h >= 0.6 * w * ratio {
        w = room_h / ratio;
    }
    let h = w * ratio;
    flow.ensure(h + extra);
    flow.y += flow.gap(0.5);
    let x = flow.geo.left + (flow.geo.content_width() - w) / 2.0;
    flow.push(Item::Image { index: flow.images.len(), x, y: flow.y, w, h });
    flow.images.push(image);
    flow.y += h;
    if let Some(text) = caption {
        let size = flow.body * 0.8;
        flow.put_aligned(text, Face::Regular, size, size * 1.8, super::model::Align::Center);
    }
    Ok(())
}

/// A JPEG or PNG decoded for printing, refused in words when it cannot be read or is empty.
pub(crate) fn decode_image(bytes: &[u8]) -> Result<RawImage, PdfError> {
    let image = RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(|detail| PdfError::BadImage { detail })?;
    if image.width == 0 || image.height == 0 {
        return Err(PdfError::BadImage { detail: "图片尺寸为 0".to_string() });
    }
    Ok(image)
}
