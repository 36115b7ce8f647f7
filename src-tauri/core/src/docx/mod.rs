//! Word files (.docx) of a notice, for the street office to edit in WPS or Word (issue #20).
//!
//! The same [`Document`] the PDF engine prints, in the same order, written as plain OOXML into a
//! zip: real paragraphs and tables the office can edit, not a picture of the page. Word lays the
//! text out itself, so line and page breaks differ from the PDF; what matters is the words, the
//! fonts and the tables. Fonts are named, not embedded: 黑体 for titles and headings, 仿宋 for the
//! body (as on official notices), 宋体 in tables, all present on Chinese Windows and in WPS.
//! See docs/DOCX.md.
//!
//! ```no_run
//! use yishi_core::notices::{demo, Notice};
//! let bytes = yishi_core::docx::write(&demo::decision_notice().document()?)?;
//! yishi_core::pdf::write_atomically(std::path::Path::new("/tmp/决议公示.docx"), &bytes)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod blocks;
mod media;
mod package;
mod page;
mod table;
mod xml;

use crate::error::UserFacing;
use crate::pdf::Document;

/// Why a Word file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("图片无法读取（{detail}）。请使用 JPG 或 PNG 格式的照片。")]
    BadImage { detail: String },
    #[error("无法生成 Word 文件（{detail}）。请重试；如仍不行，请改存为 PDF。")]
    Pack { detail: String },
}

impl UserFacing for DocxError {
    fn code(&self) -> &'static str {
        match self {
            DocxError::BadImage { .. } => "docx_bad_image",
            DocxError::Pack { .. } => "docx_pack",
        }
    }
}

/// The bytes of a .docx file with `doc`'s blocks, page size and margins. Every character is kept
/// (Word picks a font for what the named ones lack), except control characters XML cannot hold.
pub fn write(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let page = page::Page::of(doc);
    let mut body = blocks::Body::new(page);
    for block in &doc.blocks {
        body.block(block, false)?;
    }
    let (xml, media) = body.finish();
    package::zip(doc, &page, &xml, &media)
}
