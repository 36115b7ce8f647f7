//! Every template, rendered from the demo community, read back with pdftotext (poppler-utils):
//! what the secretary typed must all be on the page, inside the margins, with no line starting
//! with a closing punctuation mark.

mod notices_common;

use notices_common::{block_strings, page_text, pdf_pages, pdftotext, squash};
use yishi_core::notices::{demo, Decided, Notice};
use yishi_core::pdf::{self, linebreak, Block, Document, Fit, Fonts, Item, Paper, Spacing};

/// Every string the document asks to print.
fn strings(doc: &Document) -> Vec<String> {
    block_strings(&doc.blocks)
}

fn templates() -> Vec<(&'static str, Box<dyn Notice>)> {
    vec![
        ("meeting-notice", Box::new(demo::meeting_notice())),
        ("topic", Box::new(demo::topic_notice())),
        ("decision", Box::new(demo::decision_notice())),
        ("progress", Box::new(demo::progress_notice())),
        ("minutes", Box::new(demo::minutes())),
        ("sign-in", Box::new(demo::sign_in_sheet())),
        ("points", Box::new(demo::points_table())),
        ("convention", Box::new(demo::convention())),
        ("free", Box::new(demo::free_notice())),
    ]
}

/// Every character is printed; paragraphs, headings and lines also in their order.
fn assert_all_text_printed(name: &str, doc: &Document, bytes: &[u8]) {
    let printed = page_text(bytes);
    let mut remaining: Vec<char> = printed.chars().collect();
    for s in strings(doc) {
        for c in squash(&s).chars() {
            let at = remaining.iter().position(|&r| r == c);
            let at = at.unwrap_or_else(|| panic!("{name}: {c:?} of {s:?} missing from the PDF text"));
            remaining.swap_remove(at);
        }
    }
    for block in &doc.blocks {
        if let Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Line { text: t, .. } = block {
            assert!(printed.contains(&squash(t)), "{name}: {t:?} not printed in order");
        }
    }
}

/// Nothing outside the content box, except the page number in the bottom margin.
fn assert_inside_margins(name: &str, doc: &Document) {
    let layout = pdf::layout(doc, Fonts::get()).unwrap();
    // A line may start with punctuation only where the text itself does ("—" in an empty cell).
    let sources: Vec<String> = strings(doc).iter().map(|s| squash(s)).collect();
    let starts_a_source = |t: &str| sources.iter().any(|s| !t.is_empty() && s.starts_with(&squash(t)));
    let g = layout.geometry;
    let eps = 0.01;
    for (p, page) in layout.pages.iter().enumerate() {
        let where_ = || format!("{name} page {}", p + 1);
        for item in &page.items {
            match item {
                Item::Text { x, y, width, size, text, .. } => {
                    let is_page_number = *y > g.bottom && text.starts_with('—');
                    assert!(
                        *x >= g.left - eps && x + width <= g.right + eps || is_page_number,
                        "{}: {text:?} sticks out sideways",
                        where_()
                    );
                    assert!(
                        is_page_number || (*y - size >= g.top - eps && *y <= g.bottom + eps),
                        "{}: {text:?} outside top/bottom",
                        where_()
                    );
                    let starts_badly = text.chars().next().is_some_and(|c| linebreak::NO_LINE_START.contains(c));
                    assert!(
                        !starts_badly || is_page_number || starts_a_source(text),
                        "{}: line starts with punctuation: {text:?}",
                        where_()
                    );
                    let ends_badly = text.chars().last().is_some_and(|c| linebreak::NO_LINE_END.contains(c));
                    assert!(!ends_badly, "{}: line ends with an opening bracket: {text:?}", where_());
                }
                Item::Rect { x, y, w, h, .. } | Item::Fill { x, y, w, h } | Item::Image { x, y, w, h, .. } => {
                    assert!(*x >= g.left - eps && x + w <= g.right + eps, "{}: box sticks out sideways", where_());
                    assert!(
                        *y >= g.top - eps && y + h <= g.bottom + eps,
                        "{}: box outside top/bottom {y} {h}",
                        where_()
                    );
                }
                Item::Line { x1, x2, y1, y2, .. } => {
                    assert!(x1.min(*x2) >= g.left - eps && x1.max(*x2) <= g.right + eps, "{}: line sideways", where_());
                    assert!(y1.min(*y2) >= g.top - eps && y1.max(*y2) <= g.bottom + eps, "{}: line outside", where_());
                }
            }
        }
    }
}

#[test]
fn every_template_prints_all_its_text_inside_the_margins() {
    for (name, notice) in templates() {
        let doc = notice.document().unwrap();
        let bytes = notice.render().unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Ok(dir) = std::env::var("YISHI_NOTICE_DIR") {
            std::fs::write(format!("{dir}/{name}.pdf"), &bytes).unwrap();
        }
        assert!(bytes.starts_with(b"%PDF"), "{name}");
        assert_all_text_printed(name, &doc, &bytes);
        assert_inside_margins(name, &doc);
    }
}

#[test]
fn a3_is_the_same_notice_larger() {
    let mut notice = demo::decision_notice();
    let a4 = pdf::layout(&notice.document().unwrap(), Fonts::get()).unwrap();
    notice.paper = Paper::A3;
    let doc = notice.document().unwrap();
    let a3 = pdf::layout(&doc, Fonts::get()).unwrap();
    assert!((a3.geometry.width / a4.geometry.width - 2f32.sqrt()).abs() < 0.01);
    assert_eq!(a3.pages.len(), a4.pages.len());
    assert_inside_margins("decision A3", &doc);
    assert_all_text_printed("decision A3", &doc, &pdf::render(&doc).unwrap());
}

#[test]
fn same_input_gives_the_same_bytes() {
    let notice = demo::topic_notice();
    assert_eq!(notice.render().unwrap(), notice.render().unwrap());
}

#[test]
fn public_notices_mask_phone_numbers_and_minutes_do_not() {
    let text = pdftotext(&demo::meeting_notice().render().unwrap());
    assert!(text.contains("138****5678"), "{text}");
    assert!(!text.contains("13812345678"));
    let points = squash(&pdftotext(&demo::points_table().render().unwrap()));
    assert!(points.contains("黄*华") && !points.contains("黄德华"), "names masked on the points table");
    let mut minutes = demo::minutes();
    minutes.items[0].text.push_str("联系电话13812345678。");
    assert!(pdftotext(&minutes.render().unwrap()).contains("13812345678"));
}

/// `doc` at its tightest: tight spacing, a 14 pt body (tables in proportion), no fitting.
fn tightest(doc: &Document) -> Document {
    let mut tight = doc.clone();
    tight.spacing = Spacing::Tight;
    tight.table_size = doc.table_size * 14.0 / doc.body_size;
    tight.body_size = 14.0;
    tight.fit = Fit::Off;
    tight
}

#[test]
fn every_template_that_fits_on_one_page_at_14_pt_prints_on_one_page() {
    let mut on_one_page = Vec::new();
    for (name, notice) in templates() {
        let doc = notice.document().unwrap();
        let could_fit = pdf::layout(&tightest(&doc), Fonts::get()).unwrap().pages.len() == 1;
        let pages = pdf_pages(&notice.render().unwrap());
        if could_fit {
            assert_eq!(pages, 1, "{name} fits on one page at 14 pt but printed on {pages}");
            on_one_page.push(name);
        }
        let laid_out = pdf::layout(&doc, Fonts::get()).unwrap();
        assert!(laid_out.body_size >= 14.0, "{name}: body shrunk below 14 pt");
        assert_eq!(laid_out.pages.len(), pages, "{name}: layout and PDF disagree");
    }
    // The short notices of the demo all spilled their seal block onto page 2 before fitting.
    let expected = ["meeting-notice", "decision", "progress", "points", "convention", "free"];
    assert_eq!(on_one_page, expected);
}

#[test]
fn a_long_notice_keeps_its_size_and_flows() {
    let mut notice = demo::decision_notice();
    notice.decisions =
        vec![Decided::text(&"经协商，同意在小区东侧闲置场地改建临时停车位，并由物业负责施工和日常管理。".repeat(40))];
    let doc = notice.document().unwrap();
    let laid_out = pdf::layout(&doc, Fonts::get()).unwrap();
    assert!(laid_out.pages.len() >= 3);
    assert_eq!((laid_out.body_size, laid_out.spacing), (16.0, Spacing::Normal));
    assert_all_text_printed("long decision", &doc, &notice.render().unwrap());
}
