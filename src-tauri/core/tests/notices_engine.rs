//! The layout engine at its limits: very long text, characters the fonts lack, wide tables.

mod notices_common;

use std::process::Command;

use chrono::NaiveDate;
use notices_common::{page_text, squash};
use yishi_core::error::UserFacing;
use yishi_core::notices::{demo, Notice, NoticeError};
use yishi_core::pdf::{self, Block, Column, Document, Fonts, Item, Paper, PdfError, Table, Unprintable};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

#[test]
fn a_50000_character_body_flows_over_pages_and_loses_nothing() {
    let sentence = "经业主委员会、物业公司和网格员协商，决定利用闲置场地改建停车位18个，预算36,500元（由开发商承担）。";
    let mut body = String::new();
    let mut paragraphs = Vec::new();
    while body.chars().count() < 50_000 {
        let p = sentence.repeat(7);
        body.push_str(&p);
        paragraphs.push(p);
    }
    let mut doc = Document::new("长文测试", Paper::A4, date());
    doc.push(Block::Title("长文测试".into()));
    for p in &paragraphs {
        doc.push(Block::Paragraph(p.clone()));
    }
    let layout = pdf::layout(&doc, Fonts::get()).unwrap();
    assert!(layout.pages.len() > 20, "{} pages", layout.pages.len());
    let bytes = pdf::render(&doc).unwrap();
    let text = page_text(&bytes);
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    for c in ['停', '。', '（', '）', '3', '6'] {
        assert_eq!(count(&text, c), count(&body, c) + count("长文测试", c), "count of {c:?}");
    }
    assert!(text.contains(&squash(&paragraphs[paragraphs.len() - 1])));
}

// Emoji and rare ideographs used to be refused here; they now print from the fallback fonts
// (see `every_character_a_resident_types_prints`). What no bundled font has — private-use
// characters from some input methods, Tangut — is still named with its place.
#[test]
fn a_character_no_font_has_gives_a_typed_error_naming_it_and_its_paragraph() {
    let mut doc = Document::new("通知", Paper::A4, date());
    doc.push(Block::Title("通知".into()));
    doc.push(Block::Paragraph("第一段没有问题😀。".into()));
    doc.push(Block::Paragraph("请大家准时参加\u{E000}！".into()));
    let err = pdf::render(&doc).unwrap_err();
    assert_eq!(err.code(), "pdf_missing_glyphs");
    match &err {
        PdfError::MissingGlyphs { chars, location } => {
            assert_eq!(chars, "\u{E000}");
            assert_eq!(location, "第2段");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "以下字符没有字体可以打印：\u{E000}（第2段）。可以“去掉这些字符后打印”，或改用常用字。"
    );
}

#[test]
fn unprintable_characters_in_tables_and_titles_are_named_with_their_place() {
    let mut doc = Document::new("公示", Paper::A4, date());
    doc.push(Block::Title("\u{17000}公示𠀀".into()));
    let table = Table {
        columns: vec![Column::new("姓名"), Column::new("备注")],
        rows: vec![vec!["王秀兰".into(), "好👍🏻".into()], vec!["𪚥明\u{E001}".into(), "\u{F8FF}".into()]],
        min_row_height: 0.0,
    };
    doc.push(Block::Table(table));
    let Err(PdfError::MissingGlyphs { chars, location }) = pdf::render(&doc) else {
        panic!("expected MissingGlyphs");
    };
    assert_eq!(chars, "\u{17000}\u{E001}\u{F8FF}");
    assert_eq!(location, "标题、表格第2行");
}

#[test]
fn a_template_with_an_unprintable_character_reports_through_notice_error() {
    let mut notice = demo::meeting_notice();
    notice.topics.push("🚗停车\u{E000}".into());
    let err = notice.render().unwrap_err();
    assert!(matches!(err, NoticeError::Pdf(PdfError::MissingGlyphs { .. })));
    assert!(err.to_string().contains('\u{E000}'), "{err}");
    assert!(!err.to_string().contains('🚗'), "the emoji prints: {err}");
}

#[test]
fn printing_without_the_missing_characters_leaves_just_them_out() {
    let mut doc = Document::new("通知\u{E000}", Paper::A4, date());
    doc.push(Block::Title("停水\u{E000}通知".into()));
    doc.push(Block::Paragraph("请大家😡准时\u{E000}参加。".into()));
    assert!(pdf::render(&doc).is_err());
    let bytes = pdf::render_as(&doc, Unprintable::Omit).unwrap();
    let text = page_text(&bytes);
    assert!(text.contains("停水通知"), "{text}");
    assert!(text.contains("请大家😡准时参加。"), "{text}");
    assert!(!text.contains('\u{E000}'));
    // Leaving them out is a pure function of the document: the same bytes every time.
    assert_eq!(bytes, pdf::render_as(&doc, Unprintable::Omit).unwrap());
    // With nothing missing, omitting changes nothing.
    let clean = pdf::omit_chars(&doc, &['\u{E000}']);
    assert_eq!(pdf::render(&clean).unwrap(), pdf::render_as(&clean, Unprintable::Omit).unwrap());
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let mut doc = Document::new("积分", Paper::A4, date());
    let rows = (1..=120).map(|i| vec![i.to_string(), format!("居民{i}"), "参加议事会".repeat(i % 5 + 1)]).collect();
    let columns = vec![Column::new("序号"), Column::new("姓名"), Column::new("积分来源")];
    doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
    let layout = pdf::layout(&doc, Fonts::get()).unwrap();
    assert!(layout.pages.len() >= 3);
    for page in &layout.pages {
        let first_text = page.items.iter().find_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        });
        assert_eq!(first_text, Some("序号"), "every page starts with the header");
    }
}

#[test]
fn a_cell_taller_than_a_page_is_split_between_lines_inside_the_margins() {
    let mut doc = Document::new("长单元格", Paper::A4, date());
    let long = "地下车库照明维修进展情况说明。".repeat(300);
    let table = Table {
        columns: vec![Column::new("事项").weight(1.0), Column::new("说明").weight(3.0)],
        rows: vec![vec!["车库".into(), long.clone()]],
        min_row_height: 0.0,
    };
    doc.push(Block::Table(table));
    let layout = pdf::layout(&doc, Fonts::get()).unwrap();
    assert!(layout.pages.len() >= 2);
    let g = layout.geometry;
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Rect { y, h, .. } = item {
                assert!(*y >= g.top - 0.01 && y + h <= g.bottom + 0.01);
            }
        }
    }
    let text = page_text(&pdf::render(&doc).unwrap());
    // 300 in the cell, and the header 说明 once per page.
    assert_eq!(text.matches('说').count(), 300 + layout.pages.len());
}

#[test]
fn a_broken_photo_is_refused_with_a_message() {
    let mut doc = Document::new("照片", Paper::A4, date());
    doc.push(Block::Photo { bytes: b"not an image".to_vec(), caption: None });
    let err = pdf::render(&doc).unwrap_err();
    assert_eq!(err.code(), "pdf_bad_image");
    assert!(err.to_string().contains("JPG 或 PNG"));
}

#[test]
fn vote_counts_that_do_not_add_up_are_refused() {
    let mut notice = demo::decision_notice();
    if let Some(v) = notice.vote.as_mut() {
        v.agree = 50;
    }
    let err = notice.render().unwrap_err();
    assert_eq!(err.code(), "notice_invalid");
    assert!(err.to_string().contains("多于到会"), "{err}");
}

#[test]
fn the_pdf_has_its_title_and_creation_date() {
    let bytes = demo::decision_notice().render().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(info.contains("关于“小区停车秩序整治”的决议公示"), "{info}");
    assert!(info.contains("2026"), "{info}");
}

/// Every text the layout draws, in order.
fn drawn(doc: &Document) -> String {
    let layout = pdf::layout(doc, Fonts::get()).unwrap();
    layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_table_row_wider_than_its_columns_and_a_table_without_columns_keep_every_cell() {
    let mut doc = Document::new("车位", Paper::A4, date());
    let columns = vec![Column::new("车位")];
    let rows = vec![vec!["A-01".into(), "王秀兰".into(), "多出的格子".into()]];
    doc.push(Block::Table(Table { columns, rows, min_row_height: 0.0 }));
    doc.push(Block::Table(Table {
        columns: vec![], rows: vec![vec!["没有列名的行".into()]], min_row_height: 0.0
    }));
    let text = drawn(&doc);
    for cell in ["A-01", "王秀兰", "多出的格子", "没有列名的行"] {
        assert!(text.contains(cell), "{cell} lost: {text}");
    }
}

#[test]
fn invisible_characters_are_stripped_from_a_free_notice_and_an_empty_issuer_is_refused() {
    use yishi_core::notices::FreeNotice;
    let spec = r#"{"title":"\ufeff停车\u200b公示","paragraphs":["车位\u202e调整\u0007"],
        "table":{"columns":["车\u2028位"],"rows":[["A\u200d-01"]]},"issuer":"幸福里\u200f居委会","date":"2026-11-21"}"#;
    let n = FreeNotice::from_json(spec).unwrap();
    assert_eq!(n.title, "停车公示");
    assert_eq!(n.paragraphs, vec!["车位调整".to_string()]);
    assert_eq!(n.issuer, "幸福里居委会");
    assert_eq!(n.table.as_ref().unwrap().columns, vec!["车位".to_string()]);
    assert!(n.render().is_ok(), "never refused for them");
    let e = FreeNotice::from_json(r#"{"title":"停车公示","issuer":" \u200b ","date":"2026-11-21"}"#).unwrap_err();
    assert!(e.message().contains("落款单位"), "{}", e.message());
}
