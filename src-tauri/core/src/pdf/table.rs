//! Tables: column widths from the content (or given weights), wrapped cells, the header row
//! repeated on every page, and rows kept whole. Only a row taller than a whole page is split,
//! and then between two lines of text, never through one.

use super::fonts::Face;
use super::layout::{aligned_x, baseline, Flow, Item, POINTS_PER_MM};
use super::linebreak::Line;
use super::model::{Align, Table};

const RULE: f32 = 0.6;

/// A row ready to draw: the lines of each cell and the row's natural height.
struct Row {
    cells: Vec<Vec<Line>>,
    height: f32,
}

struct Grid {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    pad_x: f32,
    pad_y: f32,
    line_h: f32,
}

pub(crate) fn place_table(flow: &mut Flow, table: &Table) {
    // A row with more cells than there are columns (or a table with no column list) keeps every
    // cell: the missing columns get an empty header.
    let widest = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    if table.columns.len() < widest {
        let mut wide = table.clone();
        wide.columns.resize(widest, super::model::Column::new(""));
        return place_table(flow, &wide);
    }
    if table.columns.is_empty() {
        return;
    }
    let size = flow.table;
    let (pad_x, pad_y, line_h) = (size * 0.4, size * 0.3, size * 1.45);
    let widths = column_widths(flow, table, size, pad_x);
    let mut xs = Vec::with_capacity(widths.len());
    let mut x = flow.geo.left;
    for w in &widths {
        xs.push(x);
        x += w;
    }
    let aligns = table.columns.iter().map(|c| c.align).collect();
    let grid = Grid { xs, widths, aligns, pad_x, pad_y, line_h };
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    let header = make_row(flow, &grid, &titles, Face::Black, 0.0);
    let min_h = table.min_row_height * POINTS_PER_MM * flow.geo.scale;
    flow.y += size * 0.3 * flow.spacing.gap;
    let first_h = header.height + table.rows.first().map_or(0.0, |_| line_h + 2.0 * pad_y);
    flow.ensure(first_h);
    draw_row(
        flow,
        &grid,
        &header,
        Drawn { face: Face::Black, start: 0, take: usize::MAX, height: header.height, header: true },
    );
    for cells in &table.rows {
        let texts: Vec<&str> = (0..grid.widths.len()).map(|i| cells.get(i).map_or("", String::as_str)).collect();
        let row = make_row(flow, &grid, &texts, Face::Regular, min_h);
        place_row(flow, &grid, &header, &row);
    }
    flow.y += size * 0.6 * flow.spacing.gap;
}

fn place_row(flow: &mut Flow, grid: &Grid, header: &Row, row: &Row) {
    let full_page = flow.geo.bottom - flow.geo.top - header.height;
    if row.height > flow.room() && row.height <= full_page {
        new_page_with_header(flow, grid, header);
    }
    if row.height <= flow.room() {
        draw_row(
            flow,
            grid,
            row,
            Drawn { face: Face::Regular, start: 0, take: usize::MAX, height: row.height, header: false },
        );
        return;
    }
    // Taller than a page: give each page as many whole lines as fit.
    let total = row.cells.iter().map(Vec::len).max().unwrap_or(0);
    let mut start = 0;
    while start < total {
        let fit = ((flow.room() - 2.0 * grid.pad_y) / grid.line_h).floor().max(0.0) as usize;
        if fit == 0 {
            new_page_with_header(flow, grid, header);
            continue;
        }
        let take = fit.min(total - start);
        let h = take as f32 * grid.line_h + 2.0 * grid.pad_y;
        draw_row(flow, grid, row, Drawn { face: Face::Regular, start, take, height: h, header: false });
        start += take;
        if start < total {
            new_page_with_header(flow, grid, header);
        }
    }
}

fn new_page_with_header(flow: &mut Flow, grid: &Grid, header: &Row) {
    flow.new_page();
    draw_row(
        flow,
        grid,
        header,
        Drawn { face: Face::Black, start: 0, take: usize::MAX, height: header.height, header: true },
    );
}

fn make_row(flow: &Flow, grid: &Grid, texts: &[&str], face: Face, min_h: f32) -> Row {
    let size = flow.table;
    let cells: Vec<Vec<Line>> = texts
        .iter()
        .zip(&grid.widths)
        .map(|(t, w)| {
            let inner = (w - 2.0 * grid.pad_x).max(size);
            flow.lines(t, face, size, inner, inner)
        })
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let height = (lines as f32 * grid.line_h + 2.0 * grid.pad_y).max(min_h);
    Row { cells, height }
}

/// How one row (or the part of it that fits on a page) is drawn.
struct Drawn {
    face: Face,
    /// Lines `start..start + take` of every cell.
    start: usize,
    take: usize,
    /// The row box's height.
    height: f32,
    header: bool,
}

/// Draw lines `start..start + take` of every cell in a row box `height` tall at the cursor.
fn draw_row(flow: &mut Flow, grid: &Grid, row: &Row, how: Drawn) {
    let Drawn { face, start, take, height, header } = how;
    let size = flow.table;
    let top = flow.y;
    for (i, cell) in row.cells.iter().enumerate() {
        let (x, w) = (grid.xs[i], grid.widths[i]);
        flow.push(Item::Rect { x, y: top, w, h: height, width: RULE, dashed: false });
        let shown: Vec<&Line> = cell.iter().skip(start).take(take).collect();
        let text_h = shown.len() as f32 * grid.line_h;
        let mut y = top + ((height - text_h) / 2.0).max(grid.pad_y);
        let align = if header { Align::Center } else { grid.aligns[i] };
        for line in shown {
            let lx = aligned_x(x + grid.pad_x, w - 2.0 * grid.pad_x, line.width, align);
            let text = line.text.clone();
            let by = baseline(y, grid.line_h, size);
            flow.push(Item::Text { x: lx, y: by, width: line.width, face, size, text, grey: false });
            y += grid.line_h;
        }
    }
    flow.y = top + height;
}

/// Widths that add up to the content width: given weights if any, otherwise each column gets
/// at least room for a short header and the rest goes to the columns with the most text.
fn column_widths(flow: &Flow, table: &Table, size: f32, pad_x: f32) -> Vec<f32> {
    let total = flow.geo.content_width();
    let n = table.columns.len();
    if table.columns.iter().any(|c| c.weight.is_some()) {
        let weights: Vec<f32> = table.columns.iter().map(|c| c.weight.unwrap_or(1.0)).collect();
        let sum: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
        return weights.iter().map(|w| total * w / sum).collect();
    }
    let regular = flow.fonts.face(Face::Regular);
    let black = flow.fonts.face(Face::Black);
    let mut natural = vec![0.0f32; n];
    let mut minimum = vec![0.0f32; n];
    for (i, col) in table.columns.iter().enumerate() {
        let head = black.width(&col.title, size);
        minimum[i] = head.min(size * 4.0).max(size * 2.0) + 2.0 * pad_x;
        let cells = table.rows.iter().filter_map(|r| r.get(i));
        let widest = cells.map(|t| regular.width(t, size)).fold(head, f32::max);
        natural[i] = widest + 2.0 * pad_x;
    }
    share_out(total, &natural, &minimum)
}

fn share_out(total: f32, natural: &[f32], minimum: &[f32]) -> Vec<f32> {
    let nat_sum: f32 = natural.iter().sum();
    if nat_sum <= total {
        return natural.iter().map(|w| w * total / nat_sum.max(f32::EPSILON)).collect();
    }
    let min_sum: f32 = minimum.iter().sum();
    if min_sum >= total {
        return minimum.iter().map(|w| w * total / min_sum).collect();
    }
    let excess: Vec<f32> = natural.iter().zip(minimum).map(|(n, m)| (n - m).max(0.0)).collect();
    let excess_sum: f32 = excess.iter().sum::<f32>().max(f32::EPSILON);
    let spare = total - min_sum;
    minimum.iter().zip(&excess).map(|(m, e)| m + spare * e / excess_sum).collect()
}

#[cfg(test)]
mod tests {
    use super::share_out;

    #[test]
    fn widths_always_add_up_to_the_total() {
        let cases: [(&[f32], &[f32]); 3] = [
            (&[10.0, 20.0], &[5.0, 5.0]),
            (&[100.0, 300.0, 50.0], &[40.0, 40.0, 40.0]),
            (&[100.0, 100.0], &[90.0, 90.0]),
        ];
        for (natural, minimum) in cases {
            let w = share_out(120.0, natural, minimum);
            assert!((w.iter().sum::<f32>() - 120.0).abs() < 1e-3, "{w:?}");
        }
    }
}
