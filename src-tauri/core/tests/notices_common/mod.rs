//! Reading PDFs back for the notices tests: pdftotext (poppler-utils) is required, as in CI.

use std::process::Command;

use yishi_core::pdf::Block;

/// The text poppler extracts from `bytes`.
pub fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is required for these tests: apt-get install poppler-utils");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// "— 3 —"
pub fn is_page_number(line: &str) -> bool {
    let inner = line.trim().strip_prefix('—').and_then(|l| l.strip_suffix('—'));
    inner.is_some_and(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
}

/// Text without whitespace.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The extracted text without page numbers and whitespace.
pub fn page_text(bytes: &[u8]) -> String {
    let text = pdftotext(bytes);
    let body: Vec<&str> = text.lines().filter(|l| !is_page_number(l)).collect();
    squash(&body.concat())
}

/// The page count poppler reads from `bytes` (pdfinfo).
#[allow(dead_code)] // not every test file that includes this module counts pages
pub fn pdf_pages(bytes: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils) is required");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap_or_else(|| panic!("no page count: {info}"));
    line["Pages:".len()..].trim().parse().unwrap()
}

/// Every string `blocks` ask to print, in order: texts, table headers and cells, the issuer and
/// date, labels, captions (inside kept groups too).
#[allow(dead_code)] // the CLI tests read PDFs back but build no documents
pub fn block_strings(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Title(t) | Block::Subtitle(t) | Block::Salutation(t) | Block::Paragraph(t) => out.push(t.clone()),
            Block::Line { text, .. } | Block::Heading { text, .. } => out.push(text.clone()),
            Block::Table(t) => {
                out.extend(t.columns.iter().map(|c| c.title.clone()));
                out.extend(t.rows.iter().flatten().cloned());
            }
            Block::Signoff { issuer, date } => out.extend([issuer.clone(), date.clone()]),
            Block::Signatures(labels) => out.extend(labels.iter().cloned()),
            Block::Photo { caption, .. } => out.extend(caption.iter().cloned()),
            Block::Keep(inner) => out.extend(block_strings(inner)),
            Block::Qr { caption, .. } => out.push(caption.clone()),
            Block::Space(_) | Block::Cut => {}
        }
    }
    out
}
