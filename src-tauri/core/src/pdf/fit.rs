//! Keeping a short notice on one page. A notice that spills a few lines and its seal onto a
//! second sheet is awkward on the board (and a seal on a page of its own looks forged), so when
//! a document only just spills over we try, in order:
//!
//! 1. tighter spacing at the asked size (line height 1.75 → 1.55 em, half the gaps between
//!    blocks, a smaller photo);
//! 2. the same with the body 1 pt smaller, then 2 pt…, never below the document's minimum
//!    (14 pt = 四号 by default); titles, headings and tables shrink in proportion;
//!
//! and keep the first layout that fits on one page. If none does, or the document spills too
//! much to be squeezed honestly, it flows over pages as laid out at first (where the last lines
//! still move with the seal block). Every step is a pure function of the document, so the
//! same document still gives the same bytes.

use super::fonts::Fonts;
use super::layout::{layout_as_given, Layout};
use super::model::{Document, Fit, Spacing};
use super::PdfError;

/// Only a document whose second page is at most this full (share of the content box) is
/// fitted: the seal block with its carried lines takes about a quarter of a page, so this is
/// "the closing block plus a few paragraphs" — about 1.5 pages in all.
pub const SPILL_LIMIT: f32 = 0.5;

/// Lay `doc` out, fitted onto one page if it only just spills over (see the module doc).
pub fn layout(doc: &Document, fonts: &Fonts) -> Result<Layout, PdfError> {
    let natural = layout_as_given(doc, fonts)?;
    let Fit::OnePage { min_body_size } = doc.fit else {
        return Ok(natural);
    };
    if natural.pages.len() != 2 || natural.last_page_used > SPILL_LIMIT {
        return Ok(natural);
    }
    for candidate in candidates(doc, min_body_size) {
        let fitted = layout_as_given(&candidate, fonts)?;
        if fitted.pages.len() == 1 {
            return Ok(fitted);
        }
    }
    Ok(natural)
}

/// The tighter versions of `doc` to try, most generous first.
fn candidates(doc: &Document, min_body_size: f32) -> Vec<Document> {
    let mut out = Vec::new();
    let mut body = doc.body_size;
    loop {
        let mut tighter = doc.clone();
        tighter.spacing = Spacing::Tight;
        tighter.body_size = body;
        tighter.table_size = doc.table_size * body / doc.body_size;
        out.push(tighter);
        // Whole points only, so the steps are the sizes a secretary knows (三号 16, 四号 14).
        body -= 1.0;
        if body < min_body_size - 0.01 {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::pdf::Block;

    fn notice(paragraphs: usize) -> Document {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        let mut doc = Document::new("停车管理公示", crate::pdf::Paper::A4, date);
        doc.push(Block::Title("停车管理公示".into()));
        doc.push(Block::Salutation("各位居民：".into()));
        for _ in 0..paragraphs {
            doc.push(Block::Paragraph("经居民议事会协商议定，小区内车辆按划线车位停放，消防通道禁止停车。".repeat(3)));
        }
        doc.push(Block::Signoff { issuer: "幸福里社区居民委员会".into(), date: "2026年11月21日".into() });
        doc
    }

    /// The smallest number of paragraphs that spills onto a second page as given.
    fn first_spilling() -> usize {
        (1..40)
            .find(|&n| layout_as_given(&notice(n), Fonts::get()).map(|l| l.pages.len()).unwrap_or(0) > 1)
            .unwrap_or(0)
    }

    #[test]
    fn a_notice_that_just_spills_is_pulled_back_onto_one_page() {
        let doc = notice(first_spilling());
        assert_eq!(layout_as_given(&doc, Fonts::get()).unwrap().pages.len(), 2);
        let fitted = layout(&doc, Fonts::get()).unwrap();
        assert_eq!(fitted.pages.len(), 1);
        assert_eq!(fitted.spacing, Spacing::Tight);
        assert!(fitted.body_size >= 14.0);
    }

    #[test]
    fn fitting_can_be_switched_off_and_never_goes_below_the_minimum() {
        let mut doc = notice(first_spilling());
        doc.fit = Fit::Off;
        assert_eq!(layout(&doc, Fonts::get()).unwrap().pages.len(), 2);
        doc.fit = Fit::OnePage { min_body_size: 16.0 };
        for candidate in candidates(&doc, 16.0) {
            assert!(candidate.body_size >= 16.0);
        }
        let sizes: Vec<f32> = candidates(&notice(1), 14.0).iter().map(|d| d.body_size).collect();
        assert_eq!(sizes, [16.0, 15.0, 14.0]);
    }

    #[test]
    fn a_notice_that_spills_a_lot_keeps_its_size_and_flows() {
        let n = first_spilling();
        let doc = (n..60).map(notice).find(|d| {
            let l = layout_as_given(d, Fonts::get()).unwrap();
            l.pages.len() == 2 && l.last_page_used > SPILL_LIMIT
        });
        let doc = doc.expect("a document with a well-filled second page");
        let l = layout(&doc, Fonts::get()).unwrap();
        assert_eq!((l.pages.len(), l.body_size, l.spacing), (2, 16.0, Spacing::Normal));
    }
}
