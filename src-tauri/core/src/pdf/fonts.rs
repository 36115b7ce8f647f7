//! The two bundled faces (Noto Serif SC Regular for text, Black for titles), parsed once.
//!
//! Parsing a 15 MB CJK font takes tens of milliseconds in release and much longer in debug, so the
//! faces are parsed on first use and kept for the life of the process.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use printpdf::ParsedFont;

const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifSC-Regular.ttf");
const BLACK_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifSC-Black.ttf");

/// Which bundled face a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// Noto Serif SC Regular: body text, tables.
    Regular,
    /// Noto Serif SC Black: titles, headings, table headers.
    Black,
}

/// One parsed face with a cache of advance widths in em units.
pub struct FontFace {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    // Measuring is the hot loop of layout; looking a glyph up goes through two tables.
    advances: Mutex<HashMap<char, Option<f32>>>,
}

impl FontFace {
    fn parse(bytes: &[u8]) -> Option<FontFace> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        Some(FontFace { parsed, units_per_em, advances: Mutex::new(HashMap::new()) })
    }

    /// Advance of `c` in em, or `None` if the face has no glyph for it.
    pub fn advance_em(&self, c: char) -> Option<f32> {
        let mut cache = self.advances.lock().unwrap_or_else(PoisonError::into_inner);
        *cache.entry(c).or_insert_with(|| {
            let gid = self.parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
            Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
        })
    }

    /// Whether the face can print `c` (glyph 0 would print as an empty box).
    pub fn has_glyph(&self, c: char) -> bool {
        self.advance_em(c).is_some()
    }

    /// Width of `text` at `size` points. Characters without a glyph count as one em: they are
    /// refused before layout anyway, and a generous width keeps every line inside the margins.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c).unwrap_or(1.0)).sum::<f32>() * size
    }
}

/// Both bundled faces. Get them with [`Fonts::get`].
pub struct Fonts {
    pub regular: FontFace,
    pub black: FontFace,
}

impl Fonts {
    /// The process-wide fonts, parsed on first call (the only slow call of the engine).
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(Fonts::parse)
    }

    /// Parse both embedded faces. Exposed for the benchmark; everything else uses [`Fonts::get`].
    pub fn parse() -> Fonts {
        // The bytes are compiled into the binary and tested: failing here is a build defect,
        // not a user error.
        let regular = FontFace::parse(REGULAR_TTF).expect("bundled Noto Serif SC Regular parses");
        let black = FontFace::parse(BLACK_TTF).expect("bundled Noto Serif SC Black parses");
        Fonts { regular, black }
    }

    pub fn face(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => &self.regular,
            Face::Black => &self.black,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_characters_have_glyphs_and_emoji_do_not() {
        let fonts = Fonts::get();
        for c in "议事簿盖章处—（）《》「」。，、；：？！0123456789ABCxyz ".chars() {
            assert!(fonts.regular.has_glyph(c), "regular lacks {c:?}");
            assert!(fonts.black.has_glyph(c), "black lacks {c:?}");
        }
        assert!(!fonts.regular.has_glyph('😀'));
        assert!(!fonts.regular.has_glyph('\u{20000}'), "𠀀 (Ext. B) is expected to be missing");
    }

    #[test]
    fn cjk_advance_is_one_em() {
        let w = Fonts::get().regular.width("公示", 10.0);
        assert!((w - 20.0).abs() < 0.01, "{w}");
    }
}
