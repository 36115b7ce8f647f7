//! The file formats a notice is saved in: PDF for the board and the printer, Word (.docx) for the
//! street office, which edits records in WPS or Word, and a long PNG for the building's WeChat
//! group. All three are drawn from the same [`Document`], so they say the same thing in the same
//! order, masked the same way; which one is written follows the file's extension.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::NoticeError;
use crate::pdf::{self, Document, Unprintable};

/// A format a notice can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Pdf,
    Docx,
    Png,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Docx, Format::Png];

    /// The format a file name asks for by its extension (any case); a name without one is a PDF,
    /// as before there was a choice. An extension we do not write is refused, naming the ones we do.
    pub fn of_path(path: &Path) -> Result<Format, NoticeError> {
        match path.extension() {
            None => Ok(Format::Pdf),
            Some(ext) => Format::named(&ext.to_string_lossy()),
        }
    }

    /// `pdf`, `docx` or `png` (the print buttons and the CLI name them so), any case.
    pub fn named(text: &str) -> Result<Format, NoticeError> {
        let text = text.trim().trim_start_matches('.').to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.extension() == text).ok_or_else(|| NoticeError::Invalid {
            field: "文件类型",
            problem: format!("不支持“.{text}”，请保存为 .pdf（打印）、.docx（Word）或 .png（图片）。"),
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Png => "png",
        }
    }

    /// What the save dialog calls files of this format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF 文件",
            Format::Docx => "Word 文档",
            Format::Png => "PNG 图片",
        }
    }
}

/// `doc` as the bytes of a file in `format`. Characters no bundled font has are refused or left
/// out of the PDF and the picture, as `unprintable` says; Word shows them with the PC's fonts.
pub fn render_document(doc: &Document, format: Format, unprintable: Unprintable) -> Result<Vec<u8>, NoticeError> {
    match format {
        Format::Pdf => Ok(pdf::render_as(doc, unprintable)?),
        Format::Docx => Ok(crate::docx::write(doc)?),
        Format::Png => Ok(pdf::render_png(doc, unprintable)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format_and_an_unknown_one_is_refused_in_words() {
        assert_eq!(Format::of_path(Path::new("/media/U盘/决议公示.DOCX")).unwrap(), Format::Docx);
        assert_eq!(Format::of_path(Path::new("公示.png")).unwrap(), Format::Png);
        assert_eq!(Format::of_path(Path::new("公示.pdf")).unwrap(), Format::Pdf);
        assert_eq!(Format::of_path(Path::new("公示")).unwrap(), Format::Pdf);
        let err = Format::of_path(Path::new("公示.doc")).unwrap_err().to_string();
        assert!(err.contains(".doc") && err.contains(".docx") && err.contains(".png"), "{err}");
        assert_eq!(Format::named(" PNG ").unwrap(), Format::Png);
    }
}
