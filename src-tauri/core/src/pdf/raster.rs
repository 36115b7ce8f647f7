//! The notice as one PNG picture for the WeChat group (issue 20): the same checked [`Layout`]
//! the PDF is made from, drawn with tiny-skia. Pages are stacked top to bottom, 1080 px wide,
//! with a grey band where one sheet ends; text is each glyph's outline filled at the layout's
//! pen positions, so the picture shows the lines exactly as printed. It comes from the core
//! (not a webview's PDF viewer) so that the CLI and the tests make the same picture.
//! docs/WECHAT_IMAGE.md.

use tiny_skia::{
    Color, FilterQuality, Paint, Path, PathBuilder, Pattern, Pixmap, Rect, SpreadMode, Stroke, StrokeDash, Transform,
};

use super::fonts::Fonts;
use super::layout::{Geometry, Item, Layout};
use super::raster_glyphs::{GlyphCache, TextRun};
use super::raster_image::{picture_error, to_pixmap, Rows};
use super::{checked, fit, Document, PdfError, Unprintable};

/// Width of the picture in pixels: what WeChat shows a picture at without shrinking it.
pub const PICTURE_WIDTH: u32 = 1080;
/// Height of the grey band between two pages, in pixels.
pub const PAGE_GAP_PX: u32 = 12;
const GAP_GREY: u8 = 0xd9;

/// Check, lay out and draw `doc` as a PNG with the process-wide fonts, leaving out characters
/// no font has when `unprintable` says so (as [`super::render_as`]).
pub fn render_png(doc: &Document, unprintable: Unprintable) -> Result<Vec<u8>, PdfError> {
    render_png_with(doc, Fonts::get(), unprintable)
}

/// [`render_png`] with explicit fonts.
pub fn render_png_with(doc: &Document, fonts: &Fonts, unprintable: Unprintable) -> Result<Vec<u8>, PdfError> {
    let doc = checked(doc, fonts, unprintable)?;
    to_png(&fit::layout(&doc, fonts)?, fonts)
}

/// Height of one page in the picture, in pixels.
pub fn page_height_px(geometry: &Geometry) -> u32 {
    (geometry.height * scale(geometry)).round() as u32
}

fn scale(geometry: &Geometry) -> f32 {
    PICTURE_WIDTH as f32 / geometry.width
}

fn to_png(layout: &Layout, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let geo = &layout.geometry;
    let mut page = Pixmap::new(PICTURE_WIDTH, page_height_px(geo)).ok_or_else(|| picture_error("页面尺寸为 0"))?;
    let images: Vec<Option<Pixmap>> = layout.images.iter().map(to_pixmap).collect();
    // Greyscale unless a photo is printed: a third of the bytes of RGB, and a notice is black
    // and grey on white anyway.
    let mut rows = Rows { width: PICTURE_WIDTH, colour: !layout.images.is_empty(), data: Vec::new() };
    let mut glyphs = GlyphCache::new(fonts);
    let to_px = Transform::from_scale(scale(geo), scale(geo));
    for (i, items) in layout.pages.iter().map(|p| &p.items).enumerate() {
        if i > 0 {
            rows.push_band(PAGE_GAP_PX, GAP_GREY);
        }
        page.fill(Color::WHITE);
        let mut painter = Painter { pixmap: &mut page, glyphs: &mut glyphs, images: &images, to_px };
        for item in items {
            painter.item(item);
        }
        rows.push(&page);
    }
    rows.encode()
}

/// Draws the items of one page; coordinates are page points, `to_px` makes them pixels.
struct Painter<'p, 'f> {
    pixmap: &'p mut Pixmap,
    glyphs: &'p mut GlyphCache<'f>,
    images: &'p [Option<Pixmap>],
    to_px: Transform,
}

impl Painter<'_, '_> {
    fn item(&mut self, item: &Item) {
        match item {
            Item::Text { x, y, face, size, text, grey, .. } => {
                // 45% grey for labels such as 盖章处, as emit prints them.
                let paint = grey_paint(if *grey { 0.45 } else { 0.0 });
                let run = TextRun { x: *x, y: *y, face: *face, size: *size, text, paint: &paint };
                self.glyphs.draw(self.pixmap, &run, self.to_px);
            }
            Item::Line { x1, y1, x2, y2, width, dashed } => {
                let mut pb = PathBuilder::new();
                pb.move_to(*x1, *y1);
                pb.line_to(*x2, *y2);
                self.stroke(pb.finish(), *width, *dashed);
            }
            Item::Rect { x, y, w, h, width, dashed } => self.stroke(pdf_rect(*x, *y, *w, *h), *width, *dashed),
            Item::Fill { x, y, w, h } => {
                if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                    self.pixmap.fill_rect(rect, &grey_paint(0.0), self.to_px, None);
                }
            }
            Item::Image { index, x, y, w, h } => self.image(*index, (*x, *y, *w, *h)),
        }
    }

    /// A line or outline as emit strokes it: black, or dashed 4 on 3 off in 35% grey.
    fn stroke(&mut self, path: Option<Path>, width: f32, dashed: bool) {
        let Some(path) = path else { return };
        let mut stroke = Stroke { width, ..Stroke::default() };
        if dashed {
            stroke.dash = StrokeDash::new(vec![4.0, 3.0], 0.0);
        }
        let paint = grey_paint(if dashed { 0.35 } else { 0.0 });
        self.pixmap.stroke_path(&path, &paint, &stroke, self.to_px, None);
    }

    /// The `index`-th image scaled into its box with a bicubic filter.
    fn image(&mut self, index: usize, (x, y, w, h): (f32, f32, f32, f32)) {
        let (Some(Some(image)), Some(rect)) = (self.images.get(index), Rect::from_xywh(x, y, w, h)) else {
            return;
        };
        let fit = Transform::from_row(w / image.width() as f32, 0.0, 0.0, h / image.height() as f32, x, y);
        let shader = Pattern::new(image.as_ref(), SpreadMode::Pad, FilterQuality::Bicubic, 1.0, fit);
        let paint = Paint { shader, ..Paint::default() };
        self.pixmap.fill_rect(rect, &paint, self.to_px, None);
    }
}

/// A rectangle traced as PDF's `re` traces it: from the bottom-left corner, first along the
/// bottom edge, so a dashed seal box has its dashes where the PDF has them.
fn pdf_rect(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let mut pb = PathBuilder::new();
    pb.move_to(x, y + h);
    pb.line_to(x + w, y + h);
    pb.line_to(x + w, y);
    pb.line_to(x, y);
    pb.close();
    pb.finish()
}

/// An opaque grey paint; `level` as in PDF's DeviceGray (0 black, 1 white).
fn grey_paint(level: f32) -> Paint<'static> {
    let v = (level * 255.0).round() as u8;
    let mut paint = Paint::default();
    paint.set_color_rgba8(v, v, v, 255);
    paint
}
