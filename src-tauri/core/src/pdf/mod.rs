//! The notice layout engine: Chinese text on A4/A3 pages, over printpdf.
//!
//! It owns the bundled fonts ([`Fonts`], parsed once per process), CJK line breaking with the
//! kinsoku rules ([`linebreak`]), the flow of blocks over pages (titles, paragraphs, tables with
//! repeated headers, the issuer block with its seal box, signature lines, photos, page numbers),
//! keeping a short notice on one page ([`fit`]), refusing characters the fonts lack,
//! deterministic PDF bytes and atomic file writes. It knows nothing of topics or meetings: `crate::notices` turns records into a [`Document`] and
//! `crate::privacy` masks personal data before text reaches this module.
//!
//! ```no_run
//! use yishi_core::pdf::{render, Block, Document, Paper};
//! let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
//! let mut doc = Document::new("停车管理公示", Paper::A4, date);
//! doc.push(Block::Title("停车管理公示".into()));
//! doc.push(Block::Paragraph("经协商议定，即日起……".into()));
//! let bytes = render(&doc)?;
//! yishi_core::pdf::write_atomically(std::path::Path::new("/tmp/notice.pdf"), &bytes)?;
//! # Ok::<(), yishi_core::pdf::PdfError>(())
//! ```

mod check;
mod emit;
pub mod fit;
mod fonts;
mod layout;
pub mod linebreak;
mod model;
mod parts;
mod raster;
mod raster_glyphs;
mod raster_image;
mod table;
mod write;

pub use check::{check_glyphs, missing_chars, omit_chars, Missing};
pub use fit::layout;
pub use fonts::{is_ignorable, Face, FaceChain, FontFace, FontFile, Fonts};
pub use layout::{Geometry, Item, Layout, PageLayout};
pub use model::{Align, Block, Column, Document, Fit, Orientation, Paper, Spacing, Table};
pub use raster::{page_height_px, render_png, render_png_with, PAGE_GAP_PX, PICTURE_WIDTH};
pub use write::{file_name_part, write_atomically};

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::UserFacing;

/// Why a document could not be printed or saved.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("以下字符没有字体可以打印：{chars}（{location}）。可以“去掉这些字符后打印”，或改用常用字。")]
    MissingGlyphs { chars: String, location: String },
    #[error("图片无法读取（{detail}）。请使用 JPG 或 PNG 格式的照片。")]
    BadImage { detail: String },
    #[error("无法保存文件 {path}：{source}。请检查磁盘空间，或换一个保存位置。")]
    Write { path: std::path::PathBuf, source: std::io::Error },
    #[error("无法生成图片（{detail}）。请改存为 PDF。")]
    Picture { detail: String },
}

impl UserFacing for PdfError {
    fn code(&self) -> &'static str {
        match self {
            PdfError::MissingGlyphs { .. } => "pdf_missing_glyphs",
            PdfError::BadImage { .. } => "pdf_bad_image",
            PdfError::Write { .. } => "pdf_write",
            PdfError::Picture { .. } => "pdf_picture",
        }
    }
}

/// What to do with a character that no bundled font has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unprintable {
    /// Refuse the document with [`PdfError::MissingGlyphs`], naming them and where they are.
    #[default]
    Refuse,
    /// Print the document without them (the secretary chose “去掉这些字符后打印”).
    Omit,
}

impl Unprintable {
    /// `Omit` when she asked to leave the characters out.
    pub fn omit_if(omit: bool) -> Unprintable {
        if omit {
            Unprintable::Omit
        } else {
            Unprintable::Refuse
        }
    }
}

/// Width and height in pixels of a JPEG or PNG the engine can print (a photo, an uploaded QR
/// picture); refused in words when it is neither.
pub fn image_size(bytes: &[u8]) -> Result<(u32, u32), PdfError> {
    parts::decode_image(bytes).map(|i| (i.width as u32, i.height as u32))
}

/// Check, lay out and serialize `doc` with the process-wide fonts.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    render_with(doc, Fonts::get(), Unprintable::Refuse)
}

/// [`render`], leaving out characters no font has when `unprintable` says so.
pub fn render_as(doc: &Document, unprintable: Unprintable) -> Result<Vec<u8>, PdfError> {
    render_with(doc, Fonts::get(), unprintable)
}

/// [`render_as`] with explicit fonts (the benchmark times parsing separately).
pub fn render_with(doc: &Document, fonts: &Fonts, unprintable: Unprintable) -> Result<Vec<u8>, PdfError> {
    let doc = checked(doc, fonts, unprintable)?;
    let laid_out = layout(&doc, fonts)?;
    Ok(emit::to_pdf(&laid_out, fonts, &doc.title, doc.date))
}

/// `doc` as every back end draws it: without the characters no font has when `unprintable`
/// says so, else refused if it holds any.
fn checked<'d>(doc: &'d Document, fonts: &Fonts, unprintable: Unprintable) -> Result<Cow<'d, Document>, PdfError> {
    let doc = match unprintable {
        Unprintable::Refuse => Cow::Borrowed(doc),
        Unprintable::Omit => Cow::Owned(omit_chars(doc, &missing_chars(doc, fonts).chars)),
    };
    check_glyphs(&doc, fonts)?;
    Ok(doc)
}
