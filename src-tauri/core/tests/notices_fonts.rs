//! Every character a resident types prints: emoji and symbols from Noto Emoji, rare names from
//! Hanazono Mincho B, joiners and variation selectors as nothing; each font embedded as a
//! subset with a proper six-letter tag. Read back with pdftotext and pdffonts (poppler-utils).

mod notices_common;

use std::process::Command;

use chrono::NaiveDate;
use notices_common::{page_text, pdftotext};
use yishi_core::pdf::{self, linebreak, Block, Column, Document, Fonts, Item, Paper, Table};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// What a WeChat group pastes: emoji with variation selectors, a skin tone, a ZWJ family, a
/// rare surname (𠀀, Ext. B) and a rare given name (𪚥, Ext. B), in a title, a paragraph and a
/// table.
fn wechat_notice() -> Document {
    let mut doc = Document::new("关于停车😡的通知", Paper::A4, date());
    doc.push(Block::Title("关于停车😡问题的通知✅".into()));
    doc.push(Block::Salutation("各位居民：".into()));
    doc.push(Block::Paragraph(
        "业主群里大家很生气😡❤️✅🙏👍🏻，经议事会协商，地下车库于12月5日前修好💡。请𠀀先生、王𪚥女士转告邻居👨‍👩‍👧！".into(),
    ));
    doc.push(Block::Paragraph("😀😃😄😁😆😅😂🤣😊😇🙂🙃😉😌😍🥰😘😗😙😚😋😛😝😜🤪🤨🧐🤓😎🥸🤩🥳😏😒😞😔😟😕🙁☹️😣😖😫😩🥺😢😭😤😠😡🤬🤯😳🥵🥶😱😨😰😥😓🤗🤔".into()));
    doc.push(Block::Paragraph("有意见请留言👍，“谢谢配合🙏”。（详见群公告📢）好的👌！！好😀。".into()));
    let table = Table {
        columns: vec![Column::new("姓名"), Column::new("意见✅")],
        rows: vec![vec!["𠀀建国".into(), "同意👍🏻".into()], vec!["王𪚥".into(), "❤️支持".into()]],
        min_row_height: 0.0,
    };
    doc.push(Block::Table(table));
    doc.push(Block::Signoff { issuer: "幸福里社区居民委员会".into(), date: "2026年11月21日".into() });
    doc
}

fn pdffonts(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdffonts").arg(&path).output().expect("pdffonts (poppler-utils) is required");
    assert!(out.status.success(), "pdffonts failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_character_a_resident_types_prints() {
    let doc = wechat_notice();
    let bytes = pdf::render(&doc).expect("emoji and rare names print, nothing is refused");
    let text = page_text(&bytes);
    for c in "😡❤✅🙏👍💡👨👩👧📢👌𠀀𪚥🤬🥶".chars() {
        assert!(text.contains(c), "{c:?} missing from the PDF text: {text}");
    }
    // The text layer is what was typed, selectors, skin tone and joiners included (they are
    // not drawn: /ActualText of the emoji before them) …
    assert!(text.contains("大家很生气😡❤️✅🙏👍🏻，经议事会协商"), "{text}");
    assert!(text.contains("转告邻居👨‍👩‍👧！"), "{text}");
    assert!(text.contains("请𠀀先生、王𪚥女士"), "{text}");
    assert!(!text.contains('\u{FFFD}'), "{text}");
    // (that only one glyph per emoji is drawn is `emit`'s unit test)
    assert_eq!(bytes, pdf::render(&doc).unwrap(), "same document, same bytes");
    assert!(bytes.len() < 300 * 1024, "{} bytes", bytes.len());
}

#[test]
fn fonts_are_embedded_as_tagged_subsets() {
    let bytes = pdf::render(&wechat_notice()).unwrap();
    let listing = pdffonts(&bytes);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    let names: Vec<&str> = rows.iter().filter_map(|r| r.split_whitespace().next()).collect();
    for family in ["NotoSerifSC-Regular", "NotoSerifSC-Black", "NotoEmoji", "HanaMinB"] {
        assert!(names.iter().any(|n| n.contains(family)), "{family} not embedded:\n{listing}");
    }
    for (row, name) in rows.iter().zip(&names) {
        let (tag, _) = name.split_once('+').unwrap_or_else(|| panic!("no subset tag: {row}"));
        assert!(tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()), "bad tag: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "emb sub uni: {row}");
    }
    let mut tags: Vec<&str> = names.iter().filter_map(|n| n.split_once('+')).map(|t| t.0).collect();
    tags.sort();
    tags.dedup();
    assert_eq!(tags.len(), names.len(), "each subset has its own tag:\n{listing}");
}

#[test]
fn a_plain_notice_embeds_only_its_two_faces() {
    let mut doc = Document::new("停水通知", Paper::A4, date());
    doc.push(Block::Title("停水通知".into()));
    doc.push(Block::Paragraph("因管道维修，12月1日8:00至12:00停水。".into()));
    let listing = pdffonts(&pdf::render(&doc).unwrap());
    assert_eq!(listing.lines().skip(2).count(), 2, "{listing}");
    assert!(!listing.contains("NotoEmoji") && !listing.contains("HanaMin"), "{listing}");
}

#[test]
fn emoji_break_like_chinese_characters_and_keep_the_punctuation_rules() {
    let doc = wechat_notice();
    let layout = pdf::layout(&doc, Fonts::get()).unwrap();
    let g = layout.geometry;
    let mut lines = 0;
    for page in &layout.pages {
        for item in &page.items {
            let Item::Text { x, width, text, y, .. } = item else { continue };
            if *y > g.bottom {
                continue; // the page number
            }
            lines += 1;
            assert!(*x >= g.left - 0.01 && x + width <= g.right + 0.01, "{text:?} sticks out");
            let first = text.chars().next().unwrap_or(' ');
            assert!(!linebreak::NO_LINE_START.contains(first), "line starts with {first:?}: {text:?}");
            assert!(!pdf::is_ignorable(first) || text.is_empty(), "line starts with a joiner: {text:?}");
        }
    }
    assert!(lines > 8, "{lines}");
    // The long line of emoji fills whole lines: broken between emoji, not pushed out whole.
    let texts: Vec<&str> = layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let full_emoji_lines = texts
        .iter()
        .filter(|t| {
            t.starts_with('😀')
                || t.starts_with("😌")
                || t.chars().all(|c| !c.is_ascii() && (c as u32) >= 0x1F000 || c == '☹' || pdf::is_ignorable(c))
        })
        .count();
    assert!(full_emoji_lines >= 2, "{texts:?}");
    // The ZWJ family stays on one line.
    assert!(texts.iter().any(|t| t.contains("👨\u{200D}👩\u{200D}👧")), "{texts:?}");
}

#[test]
fn pdftotext_reads_rare_names_in_the_table() {
    let text = pdftotext(&pdf::render(&wechat_notice()).unwrap());
    assert!(text.contains("𠀀建国"), "{text}");
    assert!(text.contains("王𪚥"), "{text}");
}
