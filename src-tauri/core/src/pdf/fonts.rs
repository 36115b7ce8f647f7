//! The bundled fonts and the per-character fallback between them.
//!
//! Text is set in one of two faces ([`Face`]): Noto Serif SC Regular for the body, Black for
//! titles. A character the face lacks is taken, character by character, from the first fallback
//! font that has it: Noto Emoji (monochrome; Regular under the body, Bold under titles) for
//! emoji and symbols, then Hanazono Mincho B for the CJK Extension B–F ideographs of rare names
//! (𠀀, 𪚥). Each font that prints something is embedded as its own subset.
//!
//! Parsing a 15 MB CJK font takes tens of milliseconds in release and much longer in debug, so
//! the two main faces are parsed on first use and kept for the life of the process; a fallback
//! font is parsed only when a character first needs it (the 30 MB Hanazono face only for a
//! character outside the Basic Multilingual Plane).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use printpdf::html::rust_fontconfig::FontBytes;
use printpdf::{AzulParsedFont, ParsedFont};

const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifSC-Regular.ttf");
const BLACK_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifSC-Black.ttf");
const EMOJI_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoEmoji-Regular.ttf");
const EMOJI_BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoEmoji-Bold.ttf");
const HAN_EXT_TTF: &[u8] = include_bytes!("../../../../assets/fonts/HanaMinB.ttf");

/// Which bundled face a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// Noto Serif SC Regular: body text, tables.
    Regular,
    /// Noto Serif SC Black: titles, headings, table headers.
    Black,
}

/// One bundled font file: where a glyph actually comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontFile {
    SerifRegular,
    SerifBlack,
    EmojiRegular,
    EmojiBold,
    /// Hanazono Mincho B: CJK Extensions B–F. One weight only, under both faces.
    HanExt,
}

impl FontFile {
    const FALLBACKS: [FontFile; 3] = [FontFile::EmojiRegular, FontFile::EmojiBold, FontFile::HanExt];

    fn bytes(self) -> &'static [u8] {
        match self {
            FontFile::SerifRegular => REGULAR_TTF,
            FontFile::SerifBlack => BLACK_TTF,
            FontFile::EmojiRegular => EMOJI_TTF,
            FontFile::EmojiBold => EMOJI_BOLD_TTF,
            FontFile::HanExt => HAN_EXT_TTF,
        }
    }

    /// A short stable name, mixed into the subset tag.
    pub fn name(self) -> &'static str {
        match self {
            FontFile::SerifRegular => "NotoSerifSC-Regular",
            FontFile::SerifBlack => "NotoSerifSC-Black",
            FontFile::EmojiRegular => "NotoEmoji-Regular",
            FontFile::EmojiBold => "NotoEmoji-Bold",
            FontFile::HanExt => "HanaMinB",
        }
    }

    /// The fonts tried for a character set in `face`, in order.
    fn chain(face: Face) -> [FontFile; 3] {
        match face {
            Face::Regular => [FontFile::SerifRegular, FontFile::EmojiRegular, FontFile::HanExt],
            Face::Black => [FontFile::SerifBlack, FontFile::EmojiBold, FontFile::HanExt],
        }
    }

    /// Whether the font can possibly have `c`, decided without parsing it: Hanazono B holds only
    /// the Supplementary Ideographic Plane, so an ordinary notice never parses its 30 MB.
    fn may_have(self, c: char) -> bool {
        match self {
            FontFile::HanExt => ('\u{20000}'..='\u{2FFFF}').contains(&c),
            _ => true,
        }
    }
}

/// Characters that print nothing and are never refused: variation selectors (❤️ is ❤ + U+FE0F),
/// joiners (ZWJ inside 👨‍👩‍👧, ZWNJ), skin-tone modifiers (a monochrome face cannot show a
/// tone, and their glyphs are bare swatches that would read as boxes), tag characters of flag
/// sequences, and the other default-ignorable code points of Unicode (soft hyphen, zero-width
/// space, direction marks, the byte-order mark…) and control characters.
pub fn is_ignorable(c: char) -> bool {
    // Control characters (other than the line breaks and tabs layout handles first) too: a
    // pasted text can carry them, and they have nothing to show.
    c.is_control()
        || matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0000}'..='\u{E0FFF}')
}

/// One parsed font file with a cache of advance widths in em units.
pub struct FontFace {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    // Measuring is the hot loop of layout; looking a glyph up goes through two tables.
    advances: Mutex<HashMap<char, Option<f32>>>,
}

impl FontFace {
    fn parse(bytes: &[u8]) -> Option<FontFace> {
        // One owned copy of the file, shared by the parsed face, its outlines and the subsetter.
        // `ParsedFont::from_bytes` would keep two (the file, and a copy of its 14 MB glyf table
        // loaded eagerly): 36 MB per face instead of 16 MB (issue 19, docs/PERFORMANCE.md).
        let shared = Arc::new(FontBytes::Owned(Arc::from(bytes)));
        let inner = AzulParsedFont::from_bytes_shared(shared, 0, &mut Vec::new())?;
        let parsed = ParsedFont::from_azul(inner);
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        Some(FontFace { parsed, units_per_em, advances: Mutex::new(HashMap::new()) })
    }

    /// Advance of `c` in em, or `None` if this font has no glyph for it.
    pub fn advance_em(&self, c: char) -> Option<f32> {
        let mut cache = self.advances.lock().unwrap_or_else(PoisonError::into_inner);
        *cache.entry(c).or_insert_with(|| {
            let gid = self.parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0)?;
            Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
        })
    }

    /// Font units per em: the scale of the glyph outlines the picture back end fills.
    pub(crate) fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// Whether this font can print `c` (glyph 0 would print as an empty box).
    pub fn has_glyph(&self, c: char) -> bool {
        self.advance_em(c).is_some()
    }

    /// Width of `text` at `size` points. Characters without a glyph count as one em: they are
    /// refused before layout anyway, and a generous width keeps every line inside the margins.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c).unwrap_or(1.0)).sum::<f32>() * size
    }
}

/// A face with its fallback fonts: what layout measures with and emit draws from.
#[derive(Clone, Copy)]
pub struct FaceChain<'a> {
    fonts: &'a Fonts,
    face: Face,
}

impl FaceChain<'_> {
    /// The font that prints `c` in this face, and its advance in em; `None` for an ignorable
    /// character (prints nothing) or one that no bundled font has.
    pub fn resolve(&self, c: char) -> Option<(FontFile, f32)> {
        if is_ignorable(c) {
            return None;
        }
        FontFile::chain(self.face)
            .into_iter()
            .filter(|f| f.may_have(c))
            .find_map(|f| self.fonts.file(f).advance_em(c).map(|a| (f, a)))
    }

    /// Advance of `c` in em: 0 for an ignorable character, `None` if no font has it.
    pub fn advance_em(&self, c: char) -> Option<f32> {
        if is_ignorable(c) {
            return Some(0.0);
        }
        self.resolve(c).map(|(_, a)| a)
    }

    /// Whether `c` prints, from the face or a fallback (ignorable characters count as printable:
    /// printing nothing is what they are for).
    pub fn has_glyph(&self, c: char) -> bool {
        self.advance_em(c).is_some()
    }

    /// Width of `text` at `size` points; a character no font has counts as one em (see
    /// [`FontFace::width`]).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c).unwrap_or(1.0)).sum::<f32>() * size
    }
}

/// The bundled fonts. Get them with [`Fonts::get`].
pub struct Fonts {
    /// The Regular face alone, without fallback.
    pub regular: FontFace,
    /// The Black face alone, without fallback.
    pub black: FontFace,
    fallbacks: [OnceLock<FontFace>; 3],
}

impl Fonts {
    /// The process-wide fonts, parsed on first call (the only slow call of the engine).
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(Fonts::parse)
    }

    /// Parse both main faces (fallback fonts wait until a character needs them). Exposed for the
    /// benchmark; everything else uses [`Fonts::get`].
    pub fn parse() -> Fonts {
        let regular = parse_bundled(FontFile::SerifRegular);
        let black = parse_bundled(FontFile::SerifBlack);
        Fonts { regular, black, fallbacks: Default::default() }
    }

    /// Parse every fallback font now (the benchmark times them; tests check they parse).
    pub fn parse_fallbacks(&self) {
        for f in FontFile::FALLBACKS {
            self.file(f);
        }
    }

    /// A face with its fallbacks.
    pub fn face(&self, face: Face) -> FaceChain<'_> {
        FaceChain { fonts: self, face }
    }

    /// One font file, parsed on first use.
    pub fn file(&self, file: FontFile) -> &FontFace {
        match file {
            FontFile::SerifRegular => &self.regular,
            FontFile::SerifBlack => &self.black,
            other => {
                let slot = FontFile::FALLBACKS.iter().position(|f| *f == other).unwrap_or(0);
                self.fallbacks[slot].get_or_init(|| parse_bundled(other))
            }
        }
    }
}

fn parse_bundled(file: FontFile) -> FontFace {
    // The bytes are compiled into the binary and tested: failing here is a build defect, not a
    // user error.
    match FontFace::parse(file.bytes()) {
        Some(face) => face,
        None => panic!("bundled font {} does not parse", file.name()),
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

    #[test]
    fn both_faces_fall_back_to_emoji_and_rare_ideographs() {
        let fonts = Fonts::get();
        for face in [Face::Regular, Face::Black] {
            let chain = fonts.face(face);
            for c in "😡❤✅🙏👍🚗☎".chars() {
                let (file, _) = chain.resolve(c).unwrap_or_else(|| panic!("{face:?} lacks {c:?}"));
                assert!(
                    matches!(
                        file,
                        FontFile::EmojiRegular | FontFile::EmojiBold | FontFile::SerifRegular | FontFile::SerifBlack
                    ),
                    "{c:?} from {file:?}"
                );
            }
            for c in ['\u{20000}', '\u{2A6A5}', '\u{2B740}', '\u{2CEB0}'] {
                assert_eq!(chain.resolve(c).map(|r| r.0), Some(FontFile::HanExt), "{face:?} {c:?}");
            }
            assert_eq!(chain.resolve('公').map(|r| r.0), Some(FontFile::chain(face)[0]));
        }
        assert_eq!(fonts.face(Face::Black).resolve('😡').map(|r| r.0), Some(FontFile::EmojiBold));
    }

    #[test]
    fn joiners_and_selectors_print_nothing_and_take_no_room() {
        let chain = Fonts::get().face(Face::Regular);
        for c in ['\u{FE0F}', '\u{FE0E}', '\u{200D}', '\u{200C}', '\u{1F3FB}', '\u{FEFF}', '\u{E0067}'] {
            assert!(chain.has_glyph(c), "{c:?} must never be refused");
            assert_eq!(chain.advance_em(c), Some(0.0));
            assert_eq!(chain.resolve(c), None, "{c:?} must not be drawn");
        }
        assert_eq!(chain.width("❤\u{FE0F}", 10.0), chain.width("❤", 10.0));
    }

    #[test]
    fn private_use_characters_are_in_no_font() {
        let chain = Fonts::get().face(Face::Regular);
        assert!(!chain.has_glyph('\u{E000}'));
        assert!(!chain.has_glyph('\u{17000}'), "Tangut");
    }
}
