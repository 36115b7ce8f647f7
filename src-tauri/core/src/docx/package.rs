//! The zip a .docx is: the body, the styles (default fonts), the footer with the page number,
//! the pictures and the relationships between them. Entries are written in a fixed order with
//! the notice's date as their time, so the same notice gives the same bytes.

use std::io::Write;

use chrono::Datelike;
use zip::write::SimpleFileOptions;

use super::media::Media;
use super::page::Page;
use super::xml::{escape, Font, Para, Style};
use super::DocxError;
use crate::pdf::{Align, Document};

const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
);
const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The .docx bytes of a body already written.
pub(super) fn zip(doc: &Document, page: &Page, body: &str, media: &[Media]) -> Result<Vec<u8>, DocxError> {
    let document =
        format!("{XML_HEAD}<w:document {NS}><w:body>{body}{}</w:body></w:document>", page.section_xml("rIdFooter"));
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types().into_bytes()),
        ("_rels/.rels".into(), root_rels().into_bytes()),
        ("docProps/core.xml".into(), core_props(doc).into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles(page).into_bytes()),
        ("word/footer1.xml".into(), footer(page).into_bytes()),
        ("word/_rels/document.xml.rels".into(), document_rels(media).into_bytes()),
    ];
    for (i, m) in media.iter().enumerate() {
        files.push((format!("word/media/{}", Media::file_name(i, m.ext)), m.bytes.clone()));
    }
    pack(doc, files).map_err(|e| DocxError::Pack { detail: e.to_string() })
}

fn pack(doc: &Document, files: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let d = doc.date;
    let year = u16::try_from(d.year()).unwrap_or(1980).clamp(1980, 2107);
    let when = zip::DateTime::from_date_and_time(year, d.month() as u8, d.day() as u8, 0, 0, 0).unwrap_or_default();
    let options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).last_modified_time(when);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    format!(
        concat!(
            "{head}",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
            r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"</Types>"#
        ),
        head = XML_HEAD
    )
}

fn root_rels() -> String {
    format!(
        concat!(
            "{head}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"</Relationships>"#
        ),
        head = XML_HEAD
    )
}

fn document_rels(media: &[Media]) -> String {
    let mut s = format!(
        concat!(
            "{head}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#
        ),
        head = XML_HEAD
    );
    for (i, m) in media.iter().enumerate() {
        s.push_str(&format!(
            r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/{}"/>"#,
            Media::rel_id(i),
            Media::file_name(i, m.ext)
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// Title and dates: the notice's title, created and modified on its date (not the clock's).
fn core_props(doc: &Document) -> String {
    let when = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    format!(
        concat!(
            "{head}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>议事簿</dc:creator>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#
        ),
        head = XML_HEAD,
        title = escape(&doc.title),
        when = when
    )
}

/// Default run fonts (仿宋 body, named for eastAsia and ascii) and the page's body size, so
/// text typed into the file later looks like the notice, in WPS too.
fn styles(page: &Page) -> String {
    let body = Style::new(Font::FangSong, page.body);
    format!(
        concat!(
            "{head}<w:styles {ns}><w:docDefaults><w:rPrDefault>{rpr}</w:rPrDefault>",
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
            r#"</w:styles>"#
        ),
        head = XML_HEAD,
        ns = NS,
        rpr = body.rpr()
    )
}

/// "— 1 —" centred: a real PAGE field, so Word and WPS number the pages themselves.
fn footer(page: &Page) -> String {
    let style = Style::new(Font::Song, 10.5 * page.scale);
    let rpr = style.rpr();
    let runs = format!(
        concat!(
            r#"<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r>"#,
            r#"<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>"#
        ),
        rpr = rpr
    );
    let p = Para::aligned(Align::Center).xml(&runs, style);
    format!("{XML_HEAD}<w:ftr {NS}>{p}</w:ftr>")
}
