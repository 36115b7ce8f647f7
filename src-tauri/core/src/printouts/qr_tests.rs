//! 反馈二维码 (docs/QR.md): printed beside the issuer of a public notice when 设置 holds a text,
//! read back from the rasterised PDF by a QR decoder.

use std::path::Path;
use std::process::Command;

use super::tests::{demo, id_of, opts};
use super::*;
use crate::community::{load_settings, save_settings, CommunitySettings, DEFAULT_QR_CAPTION};
use crate::error::UserFacing;
use crate::pdf::Block;
use crate::store::Store;

const PARKING_ITEM: &str = "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'";

fn set_qr(store: &mut Store, text: &str, caption: &str) -> Result<CommunitySettings, crate::community::CommunityError> {
    let s =
        CommunitySettings { qr_text: text.into(), qr_caption: caption.into(), ..load_settings(store.conn()).unwrap() };
    store.write(|tx| save_settings(tx, &s))
}

fn decision_pdf(store: &Store, opts: &LoadOptions) -> (Vec<u8>, bool) {
    let item = id_of(store.conn(), PARKING_ITEM);
    let notice = decision(store.conn(), &item, opts).unwrap();
    let has_qr = notice.document().unwrap().blocks.iter().any(|b| matches!(b, Block::Qr { .. }));
    (notice.render().unwrap(), has_qr)
}

/// The last page at 300 dpi in grey, as (width, height, pixels), by poppler.
fn raster_last_page(pdf: &[u8], dir: &Path) -> (usize, usize, Vec<u8>) {
    let file = dir.join("notice.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = dir.join("page");
    let info = Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-singlefile", "-f", &pages, "-l", &pages])
        .arg(&file)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    read_pgm(&std::fs::read(dir.join("page.pgm")).unwrap())
}

/// A binary PGM (P5, maxval 255): header of four whitespace-separated fields, then the bytes.
fn read_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
    }
    assert_eq!((fields[0].as_str(), fields[3].as_str()), ("P5", "255"));
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..at + 1 + w * h].to_vec())
}

fn scanned(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let (w, h, pixels) = raster_last_page(pdf, dir.path());
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids().iter().map(|g| g.decode().map(|(_, text)| text).unwrap()).collect()
}

#[test]
#[cfg_attr(windows, ignore = "poppler's pdfinfo and pdftoppm are Linux programs a Windows test process cannot start")]
fn a_configured_qr_prints_on_the_decision_notice_and_scans_back_to_its_text() {
    let (_d, mut store) = demo();
    for text in [
        "https://weixin.qq.com/g/AwYAAHxKq3Nn0Lq1sY8example",
        "https://example.cn/群?id=1😊",
        "幸福里社区居委会 0531-86001234",
    ] {
        let saved = set_qr(&mut store, text, "").unwrap();
        assert_eq!(saved.qr_caption, DEFAULT_QR_CAPTION, "an empty caption reads the default");
        let (pdf, has_qr) = decision_pdf(&store, &opts());
        assert!(has_qr);
        assert_eq!(scanned(&pdf), vec![text.to_string()], "{text}");
    }
}

#[test]
#[cfg_attr(windows, ignore = "poppler's pdfinfo and pdftoppm are Linux programs a Windows test process cannot start")]
fn the_switch_off_or_no_text_prints_the_notice_exactly_as_before() {
    let (_d, mut store) = demo();
    let (before, has_qr) = decision_pdf(&store, &opts());
    assert!(!has_qr, "the demo sets no QR text");
    assert!(scanned(&before).is_empty());
    set_qr(&mut store, "https://example.cn/群?id=1", "扫码反馈").unwrap();
    let off = LoadOptions { qr: false, ..opts() };
    assert_eq!(decision_pdf(&store, &off), (before.clone(), false), "switched off: the same bytes");
    let (on, has_qr) = decision_pdf(&store, &opts());
    assert!(has_qr && on != before);
    set_qr(&mut store, "", "扫码反馈").unwrap();
    assert_eq!(decision_pdf(&store, &opts()), (before, false), "no text: the same bytes");
}

#[test]
fn a_qr_text_too_long_to_scan_is_refused_naming_the_field() {
    let (_d, mut store) = crate::testing::temp_store();
    let base = CommunitySettings {
        name: "幸福里社区".into(),
        issuer: "幸福里社区居民委员会".into(),
        default_place: String::new(),
        time_zone: "Asia/Shanghai".into(),
        public_phone: String::new(),
        qr_text: String::new(),
        qr_caption: String::new(),
    };
    store.write(|tx| save_settings(tx, &base)).unwrap();
    for long in ["a".repeat(301), "群".repeat(151)] {
        let s = CommunitySettings { qr_text: long, ..base.clone() };
        let err = store.write(|tx| save_settings(tx, &s)).unwrap_err();
        assert_eq!(err.field(), Some("反馈二维码内容"));
        assert!(err.message().contains("反馈二维码内容太长"), "{}", err.message());
    }
    assert_eq!(load_settings(store.conn()).unwrap().qr_text, "", "nothing saved");
    let fits = CommunitySettings { qr_text: format!(" {} ", "a".repeat(300)), ..base.clone() };
    assert_eq!(store.write(|tx| save_settings(tx, &fits)).unwrap().qr_text, "a".repeat(300));
    let caption = CommunitySettings { qr_caption: "扫".repeat(21), ..base };
    let err = store.write(|tx| save_settings(tx, &caption)).unwrap_err();
    assert_eq!(err.field(), Some("二维码说明"));
}

#[test]
fn the_code_stands_left_of_the_issuer_inside_the_page_and_clear_of_the_seal_and_text() {
    use crate::pdf::{Fonts, Item};
    let (_d, mut store) = demo();
    set_qr(&mut store, &"q".repeat(300), "").unwrap();
    let item = id_of(store.conn(), PARKING_ITEM);
    for paper in [crate::pdf::Paper::A4, crate::pdf::Paper::A3] {
        let opts = LoadOptions { paper, ..opts() };
        let doc = decision(store.conn(), &item, &opts).unwrap().document().unwrap();
        let layout = crate::pdf::layout(&doc, Fonts::get()).unwrap();
        let (g, page) = (layout.geometry, layout.pages.last().unwrap());
        let fills: Vec<(f32, f32, f32, f32)> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Fill { x, y, w, h } => Some((*x, *y, x + w, y + h)),
                _ => None,
            })
            .collect();
        assert!(!fills.is_empty(), "the code is on the last page");
        let (x0, y0) = fills.iter().fold((f32::MAX, f32::MAX), |a, f| (a.0.min(f.0), a.1.min(f.1)));
        let (x1, y1) = fills.iter().fold((0.0_f32, 0.0_f32), |a, f| (a.0.max(f.2), a.1.max(f.3)));
        assert!(x0 >= g.left && x1 <= g.right && y0 >= g.top && y1 <= g.bottom, "inside the content box");
        let side_mm = (x1 - x0) / crate::pdf::Geometry::new(paper, Default::default()).scale * 25.4 / 72.0;
        assert!((27.0..=29.0).contains(&side_mm), "about 28 mm on A4: {side_mm}");
        for other in &page.items {
            let (ox0, oy0, ox1, oy1) = match other {
                Item::Rect { x, y, w, h, .. } => (*x, *y, x + w, y + h),
                Item::Text { x, y, width, size, text, .. } if text != DEFAULT_QR_CAPTION => {
                    (*x, y - size, x + width, *y)
                }
                _ => continue,
            };
            let apart = ox1 <= x0 || ox0 >= x1 || oy1 <= y0 || oy0 >= y1;
            assert!(apart, "{other:?} overlaps the code");
        }
    }
}
