//! Flowing blocks onto pages: a cursor moves down the content box and starts a new page when
//! the next line, row or unit would cross the bottom margin. Coordinates are points with y
//! measured from the top of the page; `emit` flips them for PDF.

use printpdf::RawImage;

use super::fonts::{Face, Fonts};
use super::linebreak::{break_lines, Line};
use super::model::{Align, Block, Document, Orientation, Paper, Spacing};
use super::PdfError;

const MM: f32 = 72.0 / 25.4;

/// The page and its content box, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// 1 on A4, √2 on A3: every size given for A4 is multiplied by it.
    pub scale: f32,
}

impl Geometry {
    pub fn new(paper: Paper, orientation: Orientation) -> Geometry {
        let scale = match paper {
            Paper::A4 => 1.0,
            Paper::A3 => std::f32::consts::SQRT_2,
        };
        let (mut width, mut height) = (210.0 * MM * scale, 297.0 * MM * scale);
        if orientation == Orientation::Landscape {
            std::mem::swap(&mut width, &mut height);
        }
        let (side, top, bottom) = (25.0 * MM * scale, 25.0 * MM * scale, 22.0 * MM * scale);
        Geometry { width, height, left: side, right: width - side, top, bottom: height - bottom, scale }
    }

    pub fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text with its left end at `x` and its baseline at `y`; `grey` for labels such as 盖章处.
    Text { x: f32, y: f32, width: f32, face: Face, size: f32, text: String, grey: bool },
    /// A straight line.
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, dashed: bool },
    /// A rectangle outline with its top-left corner at (x, y).
    Rect { x: f32, y: f32, w: f32, h: f32, width: f32, dashed: bool },
    /// A filled black rectangle with its top-left corner at (x, y): a QR code's modules.
    Fill { x: f32, y: f32, w: f32, h: f32 },
    /// The `index`-th decoded image of the document, top-left at (x, y).
    Image { index: usize, x: f32, y: f32, w: f32, h: f32 },
}

/// The items of one page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    pub items: Vec<Item>,
}

/// A laid-out document: pages plus the images they refer to.
pub struct Layout {
    pub geometry: Geometry,
    pub pages: Vec<PageLayout>,
    pub images: Vec<RawImage>,
    /// The body size actually used (A4 points): smaller than asked when fitted onto one page.
    pub body_size: f32,
    pub spacing: Spacing,
    /// How far down the last page the content reaches, as a share of the content box (0..=1).
    pub last_page_used: f32,
}

/// The cursor that fills pages.
pub(crate) struct Flow<'a> {
    pub geo: Geometry,
    pub fonts: &'a Fonts,
    pub pages: Vec<PageLayout>,
    pub images: Vec<RawImage>,
    /// Top of the next free line.
    pub y: f32,
    pub body: f32,
    pub table: f32,
    pub spacing: SpacingRule,
    /// The issuer block just placed, if the last block was one: its page, its top and the
    /// left end of what it drew (a QR code may stand to its left).
    pub signoff_band: Option<SignoffBand>,
}

/// Where the last [`Block::Signoff`] was drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SignoffBand {
    pub page: usize,
    pub top: f32,
    pub left: f32,
}

/// The numbers behind a [`Spacing`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpacingRule {
    /// Body line height in ems.
    pub line: f32,
    /// Multiplier on the gaps between blocks (after titles, paragraphs, before headings…).
    pub gap: f32,
    /// Largest photo height as a share of the content box.
    pub photo: f32,
}

impl SpacingRule {
    pub fn of(spacing: Spacing) -> SpacingRule {
        match spacing {
            Spacing::Normal => SpacingRule { line: 1.75, gap: 1.0, photo: 0.3 },
            Spacing::Tight => SpacingRule { line: 1.55, gap: 0.5, photo: 0.22 },
        }
    }
}

impl<'a> Flow<'a> {
    /// Height of a body line.
    pub fn lh(&self) -> f32 {
        self.body * self.spacing.line
    }

    /// A gap between blocks of `ems` body ems, as the spacing allows.
    pub fn gap(&self, ems: f32) -> f32 {
        self.body * ems * self.spacing.gap
    }

    pub fn room(&self) -> f32 {
        self.geo.bottom - self.y
    }

    pub fn at_page_top(&self) -> bool {
        self.y <= self.geo.top + 0.01
    }

    pub fn new_page(&mut self) {
        self.pages.push(PageLayout::default());
        self.y = self.geo.top;
    }

    /// Start a new page unless `height` still fits (or the page is empty anyway).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Start a new page and move the last lines of text onto it, so that a block that must not
    /// stand alone (the issuer and seal) keeps some company. `lh` is the body line height.
    pub fn new_page_carrying(&mut self, lh: f32) {
        // Two lines if they are plain text, else one.
        if !self.carry(lh * 2.0) && !self.carry(lh) {
            self.new_page();
        }
    }

    /// Move the text below `self.y - tail` to a new page; false (and nothing done) if the tail
    /// is empty or holds anything but text.
    fn carry(&mut self, tail: f32) -> bool {
        let cut = self.y - tail;
        let Some(page) = self.pages.last_mut() else {
            return false;
        };
        let in_tail = |item: &Item| matches!(item, Item::Text { y, .. } if *y > cut);
        let only_text = page.items.iter().all(|i| in_tail(i) || item_bottom(i) <= cut);
        let split = page.items.iter().position(in_tail);
        let (Some(split), true) = (split, only_text && cut > self.geo.top) else {
            return false;
        };
        if page.items[split..].iter().any(|i| !in_tail(i)) {
            return false;
        }
        let mut moved = page.items.split_off(split);
        // Put the first carried line where a line at the top of a page would be (body lines:
        // baseline 1.255 em below the line top).
        let first = moved.iter().filter_map(|i| match i {
            Item::Text { y, size, .. } => Some((*y, *size)),
            _ => None,
        });
        let (y0, size0) = first.fold((f32::MAX, 0.0), |a, b| if b.0 < a.0 { b } else { a });
        let dy = self.geo.top + 1.255 * size0 - y0;
        for item in &mut moved {
            if let Item::Text { y, .. } = item {
                *y += dy;
            }
        }
        self.pages.push(PageLayout { items: moved });
        self.y += dy;
        true
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Lines of `text` in `face` at `size`, `first` and `rest` wide.
    pub fn lines(&self, text: &str, face: Face, size: f32, first: f32, rest: f32) -> Vec<Line> {
        let f = self.fonts.face(face);
        break_lines(text, first, rest, &|c| f.advance_em(c).unwrap_or(1.0) * size)
    }

    /// Place one line whose box is `lh` tall at the cursor; `x` is its left end.
    pub fn put_line(&mut self, line: &Line, x: f32, face: Face, size: f32, lh: f32) {
        self.ensure(lh);
        let baseline = baseline(self.y, lh, size);
        let text = line.text.clone();
        self.push(Item::Text { x, y: baseline, width: line.width, face, size, text, grey: false });
        self.y += lh;
    }

    /// Lines aligned within the content box.
    pub fn put_aligned(&mut self, text: &str, face: Face, size: f32, lh: f32, align: Align) {
        let w = self.geo.content_width();
        for line in self.lines(text, face, size, w, w) {
            let x = aligned_x(self.geo.left, w, line.width, align);
            self.put_line(&line, x, face, size, lh);
        }
    }
}

/// The lowest point of an item (text: its baseline).
fn item_bottom(item: &Item) -> f32 {
    match item {
        Item::Text { y, .. } => *y,
        Item::Line { y1, y2, .. } => y1.max(*y2),
        Item::Rect { y, h, .. } | Item::Fill { y, h, .. } | Item::Image { y, h, .. } => y + h,
    }
}

/// Baseline of text of `size` centred in a line box of height `lh` whose top is `top`:
/// CJK glyphs sit between about −0.12 and 0.88 em, so their middle is 0.38 em above it.
pub fn baseline(top: f32, lh: f32, size: f32) -> f32 {
    top + lh / 2.0 + 0.38 * size
}

pub fn aligned_x(left: f32, width: f32, line_width: f32, align: Align) -> f32 {
    match align {
        Align::Left => left,
        Align::Center => left + (width - line_width).max(0.0) / 2.0,
        Align::Right => left + (width - line_width).max(0.0),
    }
}

/// Lay the whole document out exactly as given (no fitting). Glyph coverage must have been
/// checked already.
pub(crate) fn layout_as_given(doc: &Document, fonts: &Fonts) -> Result<Layout, PdfError> {
    let geo = Geometry::new(doc.paper, doc.orientation);
    let mut flow = Flow {
        geo,
        fonts,
        pages: Vec::new(),
        images: Vec::new(),
        y: geo.top,
        body: doc.body_size * geo.scale,
        table: doc.table_size * geo.scale,
        spacing: SpacingRule::of(doc.spacing),
        signoff_band: None,
    };
    flow.new_page();
    for block in &doc.blocks {
        place_block(&mut flow, block)?;
    }
    let last_page_used = ((flow.y - geo.top) / (geo.bottom - geo.top)).clamp(0.0, 1.0);
    add_page_numbers(&mut flow);
    Ok(Layout {
        geometry: geo,
        pages: flow.pages,
        images: flow.images,
        body_size: doc.body_size,
        spacing: doc.spacing,
        last_page_used,
    })
}

fn place_block(flow: &mut Flow, block: &Block) -> Result<(), PdfError> {
    let (body, lh) = (flow.body, flow.lh());
    let band = flow.signoff_band.take();
    match block {
        Block::Title(text) => {
            let size = body * 1.375;
            for line in balanced_lines(flow, text, Face::Black, size) {
                let x = aligned_x(flow.geo.left, flow.geo.content_width(), line.width, Align::Center);
                flow.put_line(&line, x, Face::Black, size, size * 1.5);
            }
            flow.y += flow.gap(0.6);
        }
        Block::Subtitle(text) => {
            flow.put_aligned(text, Face::Regular, body * 0.875, lh, Align::Center);
            flow.y += flow.gap(0.4);
        }
        Block::Salutation(text) => flow.put_aligned(text, Face::Regular, body, lh, Align::Left),
        Block::Paragraph(text) => paragraph(flow, text, body, lh),
        Block::Line { text, align } => flow.put_aligned(text, Face::Regular, body, lh, *align),
        Block::Heading { text, align } => {
            // Keep a heading with at least one line of what follows it.
            flow.ensure(lh * 2.0 + flow.gap(0.5));
            flow.y += flow.gap(0.5);
            flow.put_aligned(text, Face::Black, body, lh, *align);
        }
        Block::Table(table) => super::table::place_table(flow, table),
        Block::Signoff { issuer, date } => super::parts::signoff(flow, issuer, date),
        Block::Signatures(labels) => super::parts::signatures(flow, labels),
        Block::Photo { bytes, caption } => super::parts::photo(flow, bytes, caption.as_deref())?,
        Block::Qr { text, caption, picture } => match picture {
            None => super::parts::qr(flow, text, caption, band),
            Some(bytes) => super::parts::qr_picture(flow, bytes, caption, band)?,
        },
        Block::Space(mm) => {
            flow.y += mm * MM * flow.geo.scale;
            if flow.room() < 0.0 {
                flow.new_page();
            }
        }
        Block::Keep(blocks) => {
            let height = kept_height(flow, blocks)?;
            flow.ensure(height);
            for b in blocks {
                place_block(flow, b)?;
            }
        }
        Block::Cut => cut_line(flow),
    }
    Ok(())
}

/// How tall `blocks` are when laid out from the top of an empty page (a whole page or more when
/// they do not fit on one).
fn kept_height(flow: &Flow, blocks: &[Block]) -> Result<f32, PdfError> {
    let mut trial = Flow {
        geo: flow.geo,
        fonts: flow.fonts,
        pages: Vec::new(),
        images: Vec::new(),
        y: flow.geo.top,
        body: flow.body,
        table: flow.table,
        spacing: flow.spacing,
        signoff_band: None,
    };
    trial.new_page();
    for b in blocks {
        place_block(&mut trial, b)?;
    }
    if trial.pages.len() > 1 {
        return Ok(flow.geo.bottom - flow.geo.top);
    }
    Ok(trial.y - flow.geo.top)
}

/// A dashed line from edge to edge of the sheet (8 mm in), half a line below the cursor, with
/// as much room under it; at the top of a page, or with no room left for it, nothing.
fn cut_line(flow: &mut Flow) {
    let gap = flow.lh() * 0.6;
    if flow.at_page_top() {
        return;
    }
    if 2.0 * gap > flow.room() {
        flow.new_page();
        return;
    }
    let y = flow.y + gap;
    let inset = 8.0 * MM * flow.geo.scale;
    flow.push(Item::Line { x1: inset, y1: y, x2: flow.geo.width - inset, y2: y, width: 0.6, dashed: true });
    flow.y += 2.0 * gap;
}

/// A title over several lines with lines of similar length rather than a stub at the end:
/// the narrowest width that needs no more lines than the full width does.
fn balanced_lines(flow: &Flow, text: &str, face: Face, size: f32) -> Vec<Line> {
    let full = flow.geo.content_width();
    let best = flow.lines(text, face, size, full, full);
    if best.len() < 2 {
        return best;
    }
    let (mut lo, mut hi) = (full / best.len() as f32, full);
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        if flow.lines(text, face, size, mid, mid).len() <= best.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    flow.lines(text, face, size, hi, hi)
}

fn paragraph(flow: &mut Flow, text: &str, size: f32, lh: f32) {
    let w = flow.geo.content_width();
    let indent = size * 2.0;
    for (i, line) in flow.lines(text, Face::Regular, size, w - indent, w).iter().enumerate() {
        let x = flow.geo.left + if i == 0 { indent } else { 0.0 };
        flow.put_line(line, x, Face::Regular, size, lh);
    }
    flow.y += flow.gap(0.25);
}

/// "— 1 —" centred in the bottom margin of every page.
fn add_page_numbers(flow: &mut Flow) {
    let geo = flow.geo;
    let size = 10.5 * geo.scale;
    let face = flow.fonts.face(Face::Regular);
    let y = geo.height - 12.0 * MM * geo.scale;
    for (i, page) in flow.pages.iter_mut().enumerate() {
        let text = format!("— {} —", i + 1);
        let width = face.width(&text, size);
        let x = (geo.width - width) / 2.0;
        page.items.push(Item::Text { x, y, width, face: Face::Regular, size, text, grey: false });
    }
}

pub(crate) const POINTS_PER_MM: f32 = MM;
