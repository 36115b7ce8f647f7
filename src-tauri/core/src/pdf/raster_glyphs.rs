//! Text for the picture back end: each character's glyph outline filled at the pen position
//! the layout measured, so the picture's lines break and align exactly like the PDF's.

use std::collections::HashMap;

use azul_core::resources::GlyphOutlineOperation as Op;
use tiny_skia::{FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

use super::fonts::{is_ignorable, Face, FontFile, Fonts};

/// Glyph outlines in font units (y up), decoded once per render: a notice repeats the same few
/// hundred characters, and decoding a glyph from a 15 MB font costs more than filling it.
pub(crate) struct GlyphCache<'a> {
    fonts: &'a Fonts,
    paths: HashMap<(FontFile, char), Option<Path>>,
}

/// One line of text to draw: where its baseline starts (points) and how it looks.
pub(crate) struct TextRun<'t> {
    pub x: f32,
    pub y: f32,
    pub face: Face,
    pub size: f32,
    pub text: &'t str,
    pub paint: &'t Paint<'t>,
}

impl<'a> GlyphCache<'a> {
    pub fn new(fonts: &'a Fonts) -> GlyphCache<'a> {
        GlyphCache { fonts, paths: HashMap::new() }
    }

    /// Fill `run` onto `pixmap`; `page` maps page points to pixels.
    pub fn draw(&mut self, pixmap: &mut Pixmap, run: &TextRun, page: Transform) {
        let chain = self.fonts.face(run.face);
        let mut pen = run.x;
        for c in run.text.chars() {
            // As emit's text runs: ignorable characters print nothing and take no room, and
            // a character no font has (refused or omitted before layout) is skipped.
            if is_ignorable(c) {
                continue;
            }
            let Some((file, advance)) = chain.resolve(c) else { continue };
            let em = run.size / self.fonts.file(file).units_per_em();
            // Font units are y up, the page is y down: flip about the baseline.
            let glyph = Transform::from_row(em, 0.0, 0.0, -em, pen, run.y).post_concat(page);
            if let Some(path) = self.path(file, c) {
                pixmap.fill_path(path, run.paint, FillRule::Winding, glyph, None);
            }
            pen += advance * run.size;
        }
    }

    fn path(&mut self, file: FontFile, c: char) -> Option<&Path> {
        let fonts = self.fonts;
        self.paths.entry((file, c)).or_insert_with(|| outline(fonts, file, c)).as_ref()
    }
}

/// The outline of `c` in `file` as a path in font units; `None` for a blank glyph (a space).
fn outline(fonts: &Fonts, file: FontFile, c: char) -> Option<Path> {
    let parsed = &fonts.file(file).parsed;
    let gid = parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
    let glyph = parsed.get_or_decode_glyph(gid)?;
    let mut pb = PathBuilder::new();
    for contour in &glyph.outline {
        for op in contour.operations.iter() {
            match op {
                Op::MoveTo(p) => pb.move_to(p.x.into(), p.y.into()),
                Op::LineTo(p) => pb.line_to(p.x.into(), p.y.into()),
                Op::QuadraticCurveTo(q) => {
                    pb.quad_to(q.ctrl_1_x.into(), q.ctrl_1_y.into(), q.end_x.into(), q.end_y.into())
                }
                Op::CubicCurveTo(q) => pb.cubic_to(
                    q.ctrl_1_x.into(),
                    q.ctrl_1_y.into(),
                    q.ctrl_2_x.into(),
                    q.ctrl_2_y.into(),
                    q.end_x.into(),
                    q.end_y.into(),
                ),
                Op::ClosePath => pb.close(),
            }
        }
        // A contour is closed even when the font leaves the last segment implicit.
        pb.close();
    }
    pb.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_have_outlines_and_a_space_has_none() {
        let fonts = Fonts::get();
        for (file, c) in [(FontFile::SerifRegular, '议'), (FontFile::SerifBlack, '公'), (FontFile::EmojiRegular, '👍')]
        {
            let path = outline(fonts, file, c).unwrap_or_else(|| panic!("{c:?} has no outline"));
            let b = path.bounds();
            assert!(b.width() > 100.0 && b.height() > 100.0, "{c:?}: {b:?}");
        }
        assert!(outline(fonts, FontFile::SerifRegular, ' ').is_none());
    }
}
