//! Pictures in a Word file: photos, and the 反馈二维码 (the uploaded group code, or a code of
//! the text drawn here as a PNG), each an inline picture in its own paragraph.

use super::blocks::Body;
use super::page::{emu, pt_dxa};
use super::xml::{escape, run, Font, Para, Style};
use super::DocxError;
use crate::pdf::Align;

/// A picture stored in word/media.
pub(super) struct Media {
    pub bytes: Vec<u8>,
    /// "png" or "jpeg".
    pub ext: &'static str,
}

impl Media {
    /// Its relationship id in word/_rels/document.xml.rels (the footer is `rIdFooter`).
    pub fn rel_id(index: usize) -> String {
        format!("rIdImg{}", index + 1)
    }

    pub fn file_name(index: usize, ext: &str) -> String {
        format!("image{}.{ext}", index + 1)
    }
}

/// QR codes printed as on the PDF: 28 mm for a code made here, 34 mm for an uploaded picture.
const QR_MM: f32 = 28.0;
const QR_PICTURE_MM: f32 = 34.0;

/// A photo at most 85 % of the text width and 30 % of the text height, centred, caption under it.
pub(super) fn photo(body: &mut Body, bytes: &[u8], caption: Option<&str>, keep: bool) -> Result<(), DocxError> {
    let (w, h) = pixel_size(bytes)?;
    let ratio = h as f32 / w as f32;
    let max_w = body.page.content_dxa() as f32 / super::page::DXA_PER_MM * 0.85;
    let max_h = body.page.content_height_mm() * 0.3;
    let width_mm = max_w.min(max_h / ratio);
    picture(body, bytes, (width_mm, width_mm * ratio), Align::Center, keep || caption.is_some());
    if let Some(text) = caption {
        let style = Style::new(Font::FangSong, body.page.body * 0.8);
        let p = Para { after: pt_dxa(body.page.body * 0.5), ..Para::aligned(Align::Center) };
        body.xml.push_str(&p.xml(&run(text, style), style));
    }
    Ok(())
}

/// The 反馈二维码 flush left under the issuer, its caption under it.
pub(super) fn qr(
    body: &mut Body,
    text: &str,
    caption: &str,
    picture_bytes: Option<&[u8]>,
    keep: bool,
) -> Result<(), DocxError> {
    let scale = body.page.scale;
    match picture_bytes {
        Some(bytes) => {
            let (w, h) = pixel_size(bytes)?;
            let width = QR_PICTURE_MM * scale;
            let height = (width * h as f32 / w as f32).min(width * 1.5);
            picture(body, bytes, (height * w as f32 / h as f32, height), Align::Left, true);
        }
        None => {
            let Some(png) = qr_png(text) else { return Ok(()) };
            picture(body, &png, (QR_MM * scale, QR_MM * scale), Align::Left, true);
        }
    }
    let style = Style::new(Font::Song, 10.5 * scale);
    let p = Para { keep_next: keep, ..Para::aligned(Align::Left) };
    body.xml.push_str(&p.xml(&run(caption, style), style));
    Ok(())
}

/// An inline picture `size` mm (width, height) in a paragraph of its own.
fn picture(body: &mut Body, bytes: &[u8], size: (f32, f32), align: Align, keep: bool) {
    let index = body.media.len();
    let ext = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) { "png" } else { "jpeg" };
    body.media.push(Media { bytes: bytes.to_vec(), ext });
    let (cx, cy) = (emu(size.0), emu(size.1));
    let id = index + 1;
    let name = escape(&Media::file_name(index, ext));
    let rel = Media::rel_id(index);
    let drawing = format!(
        concat!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
            r#"<wp:docPr id="{id}" name="{name}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#,
            r#"<pic:nvPicPr><pic:cNvPr id="{id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#,
            r#"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        ),
        cx = cx,
        cy = cy,
        id = id,
        name = name,
        rel = rel,
    );
    let p = Para { keep_next: keep, before: pt_dxa(body.page.body * 0.5), ..Para::aligned(align) };
    let mark = Style::new(Font::FangSong, body.page.body);
    body.xml.push_str(&p.xml(&drawing, mark));
}

/// Width and height in pixels of a JPEG or PNG, refused in words when it is neither.
fn pixel_size(bytes: &[u8]) -> Result<(u32, u32), DocxError> {
    crate::pdf::image_size(bytes).map_err(|e| DocxError::BadImage { detail: e.to_string() })
}

/// A code of `text` as a greyscale PNG, 8 pixels a module with the 4-module quiet zone; None
/// for a text no QR version holds (settings refuse such a text before it gets here).
fn qr_png(text: &str) -> Option<Vec<u8>> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let (px, quiet) = (8, 4);
    let side = (n + 2 * quiet) * px;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i % n + quiet, i / n + quiet);
        for y in my * px..(my + 1) * px {
            pixels[y * side + mx * px..y * side + (mx + 1) * px].fill(0);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels).ok()?;
    writer.finish().ok()?;
    Some(out)
}
