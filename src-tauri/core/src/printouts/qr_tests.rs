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
        qr_picture: false,
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

/// A picture of a QR code of `text` as WeChat saves a group's code: a PNG, taller than wide
/// (white room above and below the code, where WeChat prints the group's name).
fn group_code_picture(text: &str) -> Vec<u8> {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let (n, px) = (code.width(), 8);
    let (w, pad_top, pad_bottom) = ((n + 8) * px, 20 * px, 12 * px);
    let h = pad_top + (n + 8) * px + pad_bottom;
    let colors = code.to_colors();
    let mut rows = Vec::with_capacity(h * (1 + 3 * w));
    for y in 0..h {
        rows.push(0); // filter: none
        for x in 0..w {
            let (mx, my) = ((x / px) as isize - 4, (y as isize - pad_top as isize) / px as isize - 4);
            let inside = (0..n as isize).contains(&mx) && (0..n as isize).contains(&my) && y >= pad_top;
            let dark = inside && colors[my as usize * n + mx as usize] == qrcode::Color::Dark;
            rows.extend_from_slice(if dark { &[0, 0, 0] } else { &[255, 255, 255] });
        }
    }
    crate::notices::demo::png::encode_rgb(w as u32, h as u32, &rows)
}

#[test]
#[cfg_attr(windows, ignore = "poppler's pdfinfo and pdftoppm are Linux programs a Windows test process cannot start")]
fn an_uploaded_group_code_prints_instead_of_the_text_and_scans_back() {
    let (_d, mut store) = demo();
    let group = "https://weixin.qq.com/g/AwYAAGroupCodeOfBuilding4";
    set_qr(&mut store, "幸福里社区居委会 0531-86001234", "扫码进4号楼群").unwrap();
    store.write(|tx| crate::community::set_qr_picture(tx, &group_code_picture(group))).unwrap();
    assert!(load_settings(store.conn()).unwrap().qr_picture);
    let (pdf, has_qr) = decision_pdf(&store, &opts());
    assert!(has_qr);
    assert_eq!(scanned(&pdf), vec![group.to_string()], "the picture is printed, not a code of the text");
    let item = id_of(store.conn(), PARKING_ITEM);
    let doc = decision(store.conn(), &item, &opts()).unwrap().document().unwrap();
    let qr = doc.blocks.iter().find_map(|b| match b {
        Block::Qr { caption, picture, .. } => Some((caption.clone(), picture.is_some())),
        _ => None,
    });
    assert_eq!(qr, Some(("扫码进4号楼群".to_string(), true)));
    // Without a text the picture alone still prints; removed, the text's code comes back.
    set_qr(&mut store, "", "").unwrap();
    assert_eq!(scanned(&decision_pdf(&store, &opts()).0), vec![group.to_string()]);
    set_qr(&mut store, "幸福里社区居委会 0531-86001234", "").unwrap();
    store.write(crate::community::clear_qr_picture).unwrap();
    assert_eq!(scanned(&decision_pdf(&store, &opts()).0), vec!["幸福里社区居委会 0531-86001234".to_string()]);
}

#[test]
fn a_picture_that_is_not_an_image_or_too_large_is_refused_and_changes_nothing() {
    let (_d, mut store) = demo();
    let good = group_code_picture("https://weixin.qq.com/g/x");
    store.write(|tx| crate::community::set_qr_picture(tx, &good)).unwrap();
    let cases: [(Vec<u8>, &str, &str); 3] = [
        (b"<html>not a picture</html>".to_vec(), "community_qr_picture_unreadable", "JPG 或 PNG"),
        (good[..good.len() / 2].to_vec(), "community_qr_picture_unreadable", "无法读取"),
        (vec![0; crate::community::QR_PICTURE_MAX_BYTES + 1], "community_qr_picture_too_large", "最大 2 MB"),
    ];
    for (bytes, code, words) in cases {
        let err = store.write(|tx| crate::community::set_qr_picture(tx, &bytes)).unwrap_err();
        assert_eq!(err.code(), code);
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(crate::community::qr_picture(store.conn()).unwrap(), Some(good.clone()), "the old picture stays");
    }
}
