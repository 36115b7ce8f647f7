//! Word files of the notices (docs/DOCX.md): read back, every paragraph and table cell of what
//! the PDF prints is there in order, every run names an East Asian font, tables have set column
//! widths, the footer numbers the pages; LibreOffice opens them and prints the same words.

use std::process::Command;

use yishi_core::notices::{demo, Notice};
use yishi_core::pdf::{Block, Document};

#[allow(dead_code)] // each test file uses a part of it
mod notices_common;

fn templates() -> Vec<(&'static str, Box<dyn Notice>)> {
    vec![
        ("minutes", Box::new(demo::minutes())),
        ("decision", Box::new(demo::decision_notice())),
        ("meeting-notice", Box::new(demo::meeting_notice())),
        ("topic", Box::new(demo::topic_notice())),
        ("progress", Box::new(demo::progress_notice())),
        ("sign-in", Box::new(demo::sign_in_sheet())),
        ("points", Box::new(demo::points_table())),
        ("convention", Box::new(demo::convention())),
        ("free", Box::new(demo::free_notice())),
        ("election", Box::new(demo::election_notice())),
    ]
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut file = zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the .docx"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

/// The text of each paragraph of word/document.xml (table cells are paragraphs too), in order.
fn paragraphs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("document.xml is well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| p.descendants().filter(|n| n.has_tag_name("t")).filter_map(|t| t.text()).collect::<String>())
        .collect()
}

fn assert_round_trip(name: &str, doc: &Document) {
    let bytes = yishi_core::docx::write(doc).unwrap();
    let xml = unzip(&bytes, "word/document.xml");
    let found = paragraphs(&xml);
    let expected = notices_common::block_strings(&doc.blocks);
    // In order: each text is found in a paragraph at or after the previous one.
    let mut at = 0;
    for text in expected.iter().filter(|t| !t.is_empty()) {
        let hit = found[at..].iter().position(|p| p.contains(text.as_str()));
        let Some(i) = hit else { panic!("{name}: “{text}” not found in order in the Word file") };
        at += i;
    }
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    // Runs of text (a picture's run has none).
    for r in parsed.descendants().filter(|n| n.has_tag_name("r") && n.descendants().any(|t| t.has_tag_name("t"))) {
        let fonts = r.descendants().find(|n| n.has_tag_name("rFonts"));
        let east = fonts.and_then(|f| f.attributes().find(|a| a.name() == "eastAsia").map(|a| a.value().to_string()));
        assert!(matches!(east.as_deref(), Some("黑体" | "仿宋" | "宋体")), "{name}: a run without an East Asian font");
    }
    let tables = parsed.descendants().filter(|n| n.has_tag_name("tbl")).count();
    let grids = parsed
        .descendants()
        .filter(|n| n.has_tag_name("gridCol"))
        .filter(|n| n.attributes().any(|a| a.name() == "w" && a.value().parse::<u32>().is_ok_and(|w| w > 200)));
    if tables > 0 {
        assert!(grids.count() >= tables, "{name}: every table has set column widths");
        assert!(xml.contains("<w:tblHeader/>"), "{name}: the header row repeats");
    }
    let footer = unzip(&bytes, "word/footer1.xml");
    assert!(footer.contains(" PAGE "), "{name}: the footer numbers the pages");
}

#[test]
fn every_template_s_word_file_holds_every_text_of_the_pdf_in_order() {
    for (name, notice) in templates() {
        assert_round_trip(name, &notice.document().unwrap());
    }
}

#[test]
fn the_same_notice_gives_the_same_word_file() {
    let doc = demo::decision_notice().document().unwrap();
    assert_eq!(yishi_core::docx::write(&doc).unwrap(), yishi_core::docx::write(&doc).unwrap());
}

#[test]
fn a_huge_paste_emoji_and_control_characters_write_and_read_back() {
    let mut doc =
        Document::new("超长粘贴", yishi_core::pdf::Paper::A4, chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    let long: String = "居民议事，协商共治。".chars().cycle().take(50_000).collect();
    doc.push(Block::Paragraph(long.clone()));
    doc.push(Block::Paragraph("同意👍🏻，❤️支持，𪚥\u{0007}<&>".into()));
    let bytes = yishi_core::docx::write(&doc).unwrap();
    let found = paragraphs(&unzip(&bytes, "word/document.xml"));
    assert!(found.iter().any(|p| p == &long));
    assert!(found.iter().any(|p| p == "同意👍🏻，❤️支持，𪚥<&>"), "the bell is dropped, the rest kept: {found:?}");
}

/// LibreOffice converts `docx` to PDF in `dir`; returns the PDF's bytes.
fn libreoffice_pdf(docx: &[u8], dir: &std::path::Path, name: &str) -> Vec<u8> {
    let file = dir.join(format!("{name}.docx"));
    std::fs::write(&file, docx).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let status = Command::new("libreoffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&file)
        .output()
        .expect("libreoffice (libreoffice-writer-nogui) is installed");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    std::fs::read(dir.join(format!("{name}.pdf"))).expect("LibreOffice wrote the PDF")
}

#[test]
#[cfg_attr(windows, ignore = "LibreOffice and poppler are Linux programs here")]
fn libreoffice_opens_the_minutes_and_the_decision_and_prints_their_words() {
    let dir = tempfile::tempdir().unwrap();
    for (name, notice) in templates().into_iter().take(2) {
        let doc = notice.document().unwrap();
        let pdf = libreoffice_pdf(&yishi_core::docx::write(&doc).unwrap(), dir.path(), name);
        let text = notices_common::squash(&notices_common::pdftotext(&pdf));
        let expected = notices_common::block_strings(&doc.blocks);
        for t in expected.iter().filter(|t| t.chars().count() >= 2) {
            let t = notices_common::squash(t);
            assert!(text.contains(&t), "{name}: “{t}” not in LibreOffice's PDF");
        }
        let pages = notices_common::pdf_pages(&pdf);
        assert!((1..=6).contains(&pages), "{name}: {pages} pages");
        if let Some(out) = std::env::var_os("YISHI_DOCX_OUT") {
            std::fs::write(std::path::Path::new(&out).join(format!("{name}-docx.pdf")), &pdf).unwrap();
        }
    }
}
