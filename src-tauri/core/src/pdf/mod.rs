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
mod table;
mod write;

pub use check::check_glyphs;
pub use fonts::{Face, FontFace, Fonts};
pub use fit::layout;
pub use layout::{Geometry, Item, Layout, PageLayout};
pub use model::{Align, Block, Column, Document, Fit, Orientation, Paper, Spacing, Table};
pub use write::{file_name_part, write_atomically};

use crate::error::UserFacing;

/// Why a document could not be printed or saved.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("以下字符无法打印：{chars}（{location}）。请改用常用汉字或删除这些字符。")]
    MissingGlyphs { chars: String, location: String },
    #[error("图片无法读取（{detail}）。请使用 JPG 或 PNG 格式的照片。")]
    BadImage { detail: String },
    #[error("无法保存文件 {path}：{source}。请检查磁盘空间，或换一个保存位置。")]
    Write { path: std::path::PathBuf, source: std::io::Error },
}

impl UserFacing for PdfError {
    fn code(&self) -> &'static str {
        match self {
            PdfError::MissingGlyphs { .. } => "pdf_missing_glyphs",
            PdfError::BadImage { .. } => "pdf_bad_image",
            PdfError::Write { .. } => "pdf_write",
        }
    }
}

/// Check, lay out and serialize `doc` with the process-wide fonts.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    render_with(doc, Fonts::get())
}

/// [`render`] with explicit fonts (the benchmark times parsing separately).
pub fn render_with(doc: &Document, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    check_glyphs(doc, fonts)?;
    let laid_out = layout(doc, fonts)?;
    Ok(emit::to_pdf(&laid_out, fonts, &doc.title, doc.date))
}
