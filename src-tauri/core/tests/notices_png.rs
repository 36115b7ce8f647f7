//! The notice as one picture for the WeChat group (`pdf::render_png`, docs/WECHAT_IMAGE.md):
//! its size, its pages and bands, its margins, its QR code read back by a decoder, and its
//! pixels against poppler's rendering of the same document's PDF.

use std::process::Command;

use yishi_core::notices::{demo, Decided, Notice};
use yishi_core::pdf::{self, Block, Document, Fonts, Item, Paper, Unprintable, PAGE_GAP_PX, PICTURE_WIDTH};

/// A decoded picture in grey levels.
struct Grey {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Grey {
    fn at(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.w + x]
    }

    /// Share of pixels darker than mid-grey in rows `rows`.
    fn dark_share(&self, rows: std::ops::Range<usize>) -> f64 {
        let n = rows.len() * self.w;
        let dark = rows.flat_map(|y| (0..self.w).map(move |x| (x, y))).filter(|&(x, y)| self.at(x, y) < 128).count();
        dark as f64 / n as f64
    }
}

fn decode(bytes: &[u8]) -> (Grey, png::ColorType) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let px = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| p[..channels.min(3)].iter().map(|&v| v as u32).sum::<u32>() / channels.min(3) as u32)
        .map(|v| v as u8)
        .collect();
    (Grey { w: info.width as usize, h: info.height as usize, px }, info.color_type)
}

fn picture(doc: &Document) -> (Vec<u8>, Grey, png::ColorType) {
    let bytes = pdf::render_png(doc, Unprintable::Refuse).unwrap();
    if let Some(dir) = std::env::var_os("YISHI_PNG_OUT") {
        // To look at: the picture beside its PDF.
        let path = std::path::Path::new(&dir).join(&doc.title);
        std::fs::write(path.with_extension("png"), &bytes).unwrap();
        std::fs::write(path.with_extension("pdf"), pdf::render(doc).unwrap()).unwrap();
    }
    let (grey, colour) = decode(&bytes);
    (bytes, grey, colour)
}

/// Pages and the height of one page in pixels, from the layout the picture is drawn from.
fn pages_of(doc: &Document) -> (usize, usize) {
    let laid_out = pdf::layout(doc, Fonts::get()).unwrap();
    (laid_out.pages.len(), pdf::page_height_px(&laid_out.geometry) as usize)
}

fn expected_height(pages: usize, page_px: usize) -> usize {
    pages * page_px + (pages - 1) * PAGE_GAP_PX as usize
}

#[test]
fn the_decision_notice_is_one_1080_px_picture_under_1_mb_inside_its_margins() {
    let doc = demo::decision_notice().document().unwrap();
    let (bytes, img, colour) = picture(&doc);
    let (pages, page_px) = pages_of(&doc);
    assert_eq!(pages, 1);
    assert_eq!((img.w, img.h), (PICTURE_WIDTH as usize, expected_height(1, page_px)));
    assert_eq!(colour, png::ColorType::Grayscale, "no photo: a greyscale picture");
    assert!(bytes.len() <= 1_000_000, "{} bytes", bytes.len());
    let share = img.dark_share(0..img.h);
    assert!((0.01..0.2).contains(&share), "dark share {share}");
    // No ink in the outer 20 mm of either side (the layout's margins are 25 mm), except on rows
    // a line or box reaches into the margin on.
    let px_per_pt = PICTURE_WIDTH as f32 / 595.276;
    let margin = (20.0 * 72.0 / 25.4 * px_per_pt) as usize;
    let ruled = ruled_rows(&pdf::layout(&doc, Fonts::get()).unwrap().pages[0].items, margin as f32 / px_per_pt);
    for y in (0..img.h).filter(|y| !ruled.iter().any(|r| r.contains(&(*y as f32 / px_per_pt)))) {
        for x in (0..margin).chain(img.w - margin..img.w) {
            assert!(img.at(x, y) > 200, "ink at ({x}, {y}) in the margin");
        }
    }
}

/// The rows (in points, with a little room) of lines and boxes that reach within `margin` of
/// a side: cut lines and rules, which may run into the margin.
fn ruled_rows(items: &[Item], margin: f32) -> Vec<std::ops::Range<f32>> {
    let width = 595.276;
    let reaches = |a: f32, b: f32| a.min(b) < margin || a.max(b) > width - margin;
    items
        .iter()
        .filter_map(|item| match *item {
            Item::Line { x1, y1, x2, y2, .. } if reaches(x1, x2) => Some(y1.min(y2) - 2.0..y1.max(y2) + 2.0),
            Item::Rect { x, y, w, h, .. } if reaches(x, x + w) => Some(y - 2.0..y + h + 2.0),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_notice_is_one_tall_picture_with_a_grey_band_between_sheets() {
    let mut notice = demo::decision_notice();
    notice.decisions =
        vec![Decided::text(&"经协商，同意在小区东侧闲置场地改建临时停车位，并由物业负责施工和日常管理。".repeat(40))];
    let doc = notice.document().unwrap();
    let (pages, page_px) = pages_of(&doc);
    assert!(pages >= 3, "{pages} pages");
    let (_, img, _) = picture(&doc);
    assert_eq!((img.w, img.h), (1080, expected_height(pages, page_px)));
    for k in 1..pages {
        let top = k * page_px + (k - 1) * PAGE_GAP_PX as usize;
        for y in top..top + PAGE_GAP_PX as usize {
            assert!((0..img.w).all(|x| img.at(x, y) == 0xd9), "band {k} row {y}");
        }
        // White again right after the band: each sheet starts with its own top margin.
        assert!((0..img.w).all(|x| img.at(x, top + PAGE_GAP_PX as usize) == 255), "page {} top", k + 1);
        let page = top + PAGE_GAP_PX as usize..top + PAGE_GAP_PX as usize + page_px;
        assert!(img.dark_share(page) > 0.005, "page {} has text", k + 1);
    }
}

#[test]
fn every_template_renders_as_a_picture_of_its_pages() {
    let docs = [
        demo::decision_notice().document(),
        demo::minutes().document(),
        demo::meeting_notice().document(),
        demo::topic_notice().document(),
        demo::progress_notice().document(),
        demo::sign_in_sheet().document(),
        demo::points_table().document(),
        demo::convention().document(),
        demo::free_notice().document(),
        demo::election_notice().document(),
    ];
    for doc in docs.map(Result::unwrap) {
        let (pages, page_px) = pages_of(&doc);
        let (bytes, img, _) = picture(&doc);
        assert_eq!((img.w, img.h), (1080, expected_height(pages, page_px)), "{}", doc.title);
        assert!(bytes.len() <= 1_000_000 * pages, "{}: {} bytes for {pages} page(s)", doc.title, bytes.len());
    }
}

#[test]
fn a_photo_makes_a_colour_picture_and_is_drawn_in_its_box() {
    // The topic notice is the demo with a photo (the free notice's spec has none).
    let doc = demo::topic_notice().document().unwrap();
    let (_, img, colour) = picture(&doc);
    assert_eq!(colour, png::ColorType::Rgb);
    let laid_out = pdf::layout(&doc, Fonts::get()).unwrap();
    let scale = PICTURE_WIDTH as f32 / laid_out.geometry.width;
    let page_px = pdf::page_height_px(&laid_out.geometry) as f32;
    let (page, x, y, w, h) = laid_out
        .pages
        .iter()
        .enumerate()
        .find_map(|(page, p)| {
            p.items.iter().find_map(|i| match *i {
                Item::Image { x, y, w, h, .. } => Some((page as f32, x, y, w, h)),
                _ => None,
            })
        })
        .expect("the topic notice prints its photo");
    // The middle of the photo is not the white page: the pages above and their bands first.
    let top = page * (page_px + PAGE_GAP_PX as f32);
    let (cx, cy) = (((x + w / 2.0) * scale) as usize, (top + (y + h / 2.0) * scale) as usize);
    let patch: u32 = (0..10).map(|d| u32::from(img.at(cx + d, cy + d))).sum();
    assert!(patch < 10 * 200, "the photo's middle is white");
}

#[test]
fn the_qr_code_scans_back_from_the_picture() {
    let text = "https://example.cn/群";
    let mut doc = Document::new("扫码反馈", Paper::A4, chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    doc.push(Block::Title("停车管理公示".into()));
    doc.push(Block::Paragraph("经协商议定，即日起东侧临时停车位投入使用。".into()));
    doc.push(Block::Signoff { issuer: demo::ISSUER.into(), date: "2026年11月27日".into() });
    doc.push(Block::Qr { text: text.into(), caption: "扫码进群反馈意见".into(), picture: None });
    let (_, img, _) = picture(&doc);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(img.w, img.h, |x, y| img.at(x, y));
    let found: Vec<String> = prepared.detect_grids().iter().map(|g| g.decode().unwrap().1).collect();
    assert_eq!(found, [text]);
}

#[test]
fn emoji_and_rare_names_print_and_masked_numbers_stay_masked() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let one = |text: &str| {
        let mut doc = Document::new(&format!("emoji {text}"), Paper::A4, day);
        doc.push(Block::Title("王𪚥同意👍".into()));
        doc.push(Block::Paragraph(text.into()));
        picture(&doc).0
    };
    let ink = |bytes: &[u8]| decode(bytes).0.px.iter().map(|&v| u32::from(255 - v)).sum::<u32>();
    // The skin tone and the variation selector print nothing: the same picture without them.
    assert_eq!(one("同意👍🏻，❤️支持"), one("同意👍，❤支持"));
    assert!(ink(&one("同意👍，❤支持")) > ink(&one("同意，支持")) + 1000, "the emoji are drawn");
    // 𪚥 is four 龍: far more ink than one, so it is the glyph and not an empty box.
    let base = ink(&one("王"));
    assert!(ink(&one("王𪚥")) - base > (ink(&one("王龍")) - base) * 5 / 4);
    let doc = demo::meeting_notice().document().unwrap();
    let text = format!("{:?}", doc.blocks);
    assert!(text.contains("138****5678") && !text.contains("13812345678"), "masked before the document");
    let (_, img, _) = picture(&doc);
    assert_eq!(img.w, 1080);
}

/// The PDF of `doc` rasterised by poppler at the picture's size, in grey.
fn poppler_page(doc: &Document, page_px: usize) -> Grey {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notice.pdf");
    std::fs::write(&file, pdf::render(doc).unwrap()).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-gray", "-png", "-singlefile", "-f", "1", "-l", "1"])
        .args(["-scale-to-x", "1080", "-scale-to-y", &page_px.to_string()])
        .arg(&file)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    decode(&std::fs::read(dir.path().join("page.png")).unwrap()).0
}

#[test]
#[cfg_attr(windows, ignore = "poppler is a Linux program here")]
fn the_picture_matches_poppler_s_rendering_of_the_pdf() {
    for doc in [demo::decision_notice().document().unwrap(), demo::minutes().document().unwrap()] {
        let (_, page_px) = pages_of(&doc);
        let (_, mine, _) = picture(&doc);
        let mine = Grey { w: mine.w, h: page_px, px: mine.px[..mine.w * page_px].to_vec() };
        let theirs = poppler_page(&doc, page_px);
        assert_eq!((theirs.w, theirs.h), (mine.w, page_px));
        let diff: u64 = theirs.px.iter().zip(&mine.px).map(|(a, b)| u64::from(a.abs_diff(*b))).sum();
        let mean = diff as f64 / theirs.px.len() as f64;
        assert!(mean < 12.0, "{}: mean difference {mean:.2} per pixel", doc.title);
        // Each text item's ink sits where poppler puts it (glyph placement). Centres of ink, not
        // edges: poppler places glyph bitmaps on whole pixels and snaps thin strokes, so an
        // edge can move by a pixel between the two while the ink as a whole does not.
        let laid_out = pdf::layout(&doc, Fonts::get()).unwrap();
        let scale = PICTURE_WIDTH as f32 / laid_out.geometry.width;
        let mut compared = 0;
        for item in &laid_out.pages[0].items {
            let Item::Text { x, y, width, size, text, grey: false, .. } = item else { continue };
            let region = [(x - 2.0) * scale, (y - size) * scale, (x + width + 2.0) * scale, (y + size * 0.25) * scale];
            let region = region.map(|v| v.max(0.0) as usize);
            let (a, b) = (ink_centre(&theirs, region), ink_centre(&mine, region));
            let close = (a.0 - b.0).abs() <= 2.0 && (a.1 - b.1).abs() <= 2.0 && (a.2 / b.2 - 1.0).abs() < 0.15;
            assert!(close, "{}: {text:?} at {region:?}: poppler {a:?}, picture {b:?}", doc.title);
            compared += 1;
        }
        assert!(compared > 10, "{compared} text items");
    }
}

/// The centre (x, y) of the ink inside `region` (left, top, right, bottom) and its amount.
fn ink_centre(img: &Grey, [x0, y0, x1, y1]: [usize; 4]) -> (f64, f64, f64) {
    let (mut sum, mut sx, mut sy) = (0.0, 0.0, 0.0);
    for y in y0..y1.min(img.h) {
        for x in x0..x1.min(img.w) {
            let ink = f64::from(255 - img.at(x, y));
            (sum, sx, sy) = (sum + ink, sx + ink * x as f64, sy + ink * y as f64);
        }
    }
    (sx / sum.max(1.0), sy / sum.max(1.0), sum.max(1.0))
}
