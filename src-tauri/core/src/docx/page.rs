//! Page size, margins and text sizes in Word's units, from the PDF engine's A4 measures.

use crate::pdf::{Document, Orientation, Paper, Spacing};

/// Twentieths of a point (Word's "dxa") in a millimetre.
pub(super) const DXA_PER_MM: f32 = 1440.0 / 25.4;
/// English Metric Units (drawing sizes) in a millimetre.
pub(super) const EMU_PER_MM: f32 = 36_000.0;

/// The page and the text sizes of one document. Sizes are scaled by √2 on A3, as the PDF
/// engine scales them, so the notice on the board looks the same, only larger.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    pub landscape: bool,
    pub scale: f32,
    /// Body text in points.
    pub body: f32,
    /// Table text in points.
    pub table: f32,
    /// Line spacing in 240ths of a line (Word's "auto" rule): ≈ 1.5 lines as the PDF's 1.75
    /// line height looks in Word, whose single line is already taller than the font size.
    pub line: u32,
}

/// Margins as the PDF: 25 mm at the sides and top, 22 mm at the bottom (A4).
const SIDE_MM: f32 = 25.0;
const TOP_MM: f32 = 25.0;
const BOTTOM_MM: f32 = 22.0;
/// The page number sits in the bottom margin, as "— 1 —" does on the PDF.
const FOOTER_MM: f32 = 10.0;

impl Page {
    pub fn of(doc: &Document) -> Page {
        let scale = match doc.paper {
            Paper::A4 => 1.0,
            Paper::A3 => std::f32::consts::SQRT_2,
        };
        let (w, h) = (210.0 * scale, 297.0 * scale);
        let landscape = doc.orientation == Orientation::Landscape;
        let (width_mm, height_mm) = if landscape { (h, w) } else { (w, h) };
        let line = match doc.spacing {
            Spacing::Normal => 360,
            Spacing::Tight => 312,
        };
        Page { width_mm, height_mm, landscape, scale, body: doc.body_size * scale, table: doc.table_size * scale, line }
    }

    pub fn side_mm(&self) -> f32 {
        SIDE_MM * self.scale
    }

    /// Width between the margins in dxa.
    pub fn content_dxa(&self) -> u32 {
        dxa(self.width_mm - 2.0 * self.side_mm())
    }

    /// Height between the margins in mm.
    pub fn content_height_mm(&self) -> f32 {
        self.height_mm - (TOP_MM + BOTTOM_MM) * self.scale
    }

    /// `<w:sectPr>`: paper, orientation, margins and the footer with the page number.
    pub fn section_xml(&self, footer_rel: &str) -> String {
        let orient = if self.landscape { r#" w:orient="landscape""# } else { "" };
        format!(
            concat!(
                r#"<w:sectPr><w:footerReference w:type="default" r:id="{rel}"/>"#,
                r#"<w:pgSz w:w="{w}" w:h="{h}"{orient}/>"#,
                r#"<w:pgMar w:top="{top}" w:right="{side}" w:bottom="{bottom}" w:left="{side}" "#,
                r#"w:header="851" w:footer="{footer}" w:gutter="0"/></w:sectPr>"#
            ),
            rel = footer_rel,
            w = dxa(self.width_mm),
            h = dxa(self.height_mm),
            orient = orient,
            top = dxa(TOP_MM * self.scale),
            side = dxa(self.side_mm()),
            bottom = dxa(BOTTOM_MM * self.scale),
            footer = dxa(FOOTER_MM * self.scale),
        )
    }
}

/// Millimetres in dxa, rounded.
pub(super) fn dxa(mm: f32) -> u32 {
    (mm * DXA_PER_MM).round().max(0.0) as u32
}

/// Points in dxa, rounded.
pub(super) fn pt_dxa(pt: f32) -> u32 {
    (pt * 20.0).round().max(0.0) as u32
}

/// Millimetres in EMU, rounded.
pub(super) fn emu(mm: f32) -> u64 {
    (mm * EMU_PER_MM).round().max(0.0) as u64
}
