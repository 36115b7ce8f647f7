//! The 台账: the seven tables inspectors ask for, built once and written both as `ledger.xlsx`
//! (real dates, frozen header row, column widths) and as `csv/*.csv`.
//!
//! The 资金 sheet (issue 16) has one row per budget source, spend, gift of goods and labour
//! entry, project by project. Its amounts are [`Cell::Fen`]: in the xlsx a number with the
//! `¥#,##0.00` format, in the CSV the exact decimal text of the fen (`45000.00`). The xlsx cell
//! is the one place an amount becomes a float: fen ÷ 100 in `f64` at the cell write
//! ([`fen_cell_value`]) — every amount below 2^53 fen is an exact `f64` and the division is
//! correctly rounded, so the cell shows the same ¥ and fen; nothing is summed in float.
//!
//! Read from the archive's own snapshot, so the ledger and `yishi.db` tell the same story.
//! Soft-deleted rows are left out; labels are the Chinese ones the screens show.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Row};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::ArchiveError;
use crate::decisions::{TaskMode, TaskStatus};
use crate::evaluations::{EvalMethod, Satisfaction};
use crate::funds::{self, FundsError};
use crate::meetings::{MeetingKind, MeetingStatus};
use crate::money::Fen;
use crate::notices::UNNAMED_DONOR;
use crate::points::PointsSource;
use crate::time::Zone;
use crate::topics::{Channel, HandlingClass, Scale, TopicStatus};
use crate::votes::{VoteMethod, VoteResult, VoteRule};

/// One cell: dates stay dates so WPS and Excel can sort and filter them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// An amount: a currency cell in the xlsx, exact decimal text in the CSV.
    Fen(Fen),
    Empty,
}

/// One sheet (and one CSV file).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: &'static str,
    /// Header and column width (in characters) of each column.
    pub columns: Vec<(&'static str, f64)>,
    pub rows: Vec<Vec<Cell>>,
}

/// 议题, 会议, 议定事项与任务, 评价, 积分, 资金, 月度研判 — in that order.
pub fn sheets(conn: &Connection) -> Result<Vec<Sheet>, ArchiveError> {
    let zone = crate::community::zone(conn)?;
    Ok(vec![
        topics(conn, zone)?,
        meetings(conn, zone)?,
        decisions(conn, zone)?,
        evaluations(conn, zone)?,
        points(conn, zone)?,
        funds_sheet(conn, zone).map_err(|e| ArchiveError::Ledger(e.to_string()))?,
        month_reviews(conn, zone.today()).map_err(|e| ArchiveError::Ledger(e.to_string()))?,
    ])
}

/// The workbook as bytes.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#E8EEF4").set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let currency = Format::new().set_num_format("¥#,##0.00");
    for sheet in sheets {
        let ws = book.add_worksheet().set_name(sheet.name)?;
        for (c, (title, width)) in sheet.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, *title, &header)?;
            ws.set_column_width(c, *width)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) if s.chars().count() > 40 => {
                        ws.write_string_with_format(r, c, fit_cell(s).as_ref(), &wrap).map(|_| ())?
                    }
                    Cell::Text(s) => ws.write_string(r, c, s).map(|_| ())?,
                    Cell::Int(n) => ws.write_number(r, c, *n as f64).map(|_| ())?,
                    Cell::Date(d) => ws.write_datetime_with_format(r, c, excel_date(*d)?, &date).map(|_| ())?,
                    Cell::DateTime(t) => {
                        ws.write_datetime_with_format(r, c, excel_datetime(*t)?, &datetime).map(|_| ())?
                    }
                    Cell::Fen(f) => ws.write_number_with_format(r, c, fen_cell_value(*f), &currency).map(|_| ())?,
                    Cell::Empty => {}
                }
            }
        }
    }
    book.save_to_buffer()
}

/// The value of a currency cell: yuan as a float, made from whole fen here and nowhere else
/// (see the module doc). Exact for every amount below 2^53 fen.
pub fn fen_cell_value(fen: Fen) -> f64 {
    fen.0 as f64 / 100.0
}

/// Excel holds at most 32,767 characters (UTF-16 units) in a cell.
pub const XLSX_CELL_LIMIT: usize = 32_767;
/// Ends a cell cut at the limit; the CSV and the database keep the whole text.
pub const XLSX_CUT_MARKER: &str =
    "……【此格超过 Excel 单元格上限（32767 字），以下从略；全文见 csv 文件夹中的同名表格】";

/// `text`, or its beginning and [`XLSX_CUT_MARKER`] when Excel could not hold it.
pub fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.encode_utf16().count() <= XLSX_CELL_LIMIT {
        return std::borrow::Cow::Borrowed(text);
    }
    let room = XLSX_CELL_LIMIT - XLSX_CUT_MARKER.encode_utf16().count();
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}{XLSX_CUT_MARKER}", &text[..end]))
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn excel_datetime(t: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Timelike;
    excel_date(t.date())?.and_hms(t.hour() as u16, t.minute() as u8, t.second())
}

/// A stored time as the secretary reads it: `YYYY-MM-DD` stays a date, RFC 3339 UTC becomes
/// the community's local date and time.
pub(crate) fn when(zone: Zone, stored: Option<String>) -> Cell {
    let Some(s) = stored.filter(|s| !s.is_empty()) else { return Cell::Empty };
    if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Cell::Date(d);
    }
    match zone.datetime_of(&s) {
        Some(t) => Cell::DateTime(t),
        None => Cell::Text(s),
    }
}

/// Free text as typed, with phone and ID numbers masked: the 台账 is handed to the street office
/// and inspectors (the full records travel only in the archive's `yishi.db`).
fn text(r: &Row, i: usize) -> rusqlite::Result<Cell> {
    let s: Option<String> = r.get(i)?;
    Ok(s.filter(|s| !s.is_empty()).map(|s| Cell::Text(crate::privacy::mask_text(&s))).unwrap_or(Cell::Empty))
}

fn label(r: &Row, i: usize, parse: impl Fn(&str) -> Option<&'static str>) -> rusqlite::Result<Cell> {
    let s: Option<String> = r.get(i)?;
    Ok(match s {
        Some(s) => Cell::Text(parse(&s).map(str::to_string).unwrap_or(s)),
        None => Cell::Empty,
    })
}

fn collect(
    conn: &Connection,
    sql: &str,
    row: impl Fn(&Row) -> rusqlite::Result<Vec<Cell>>,
) -> rusqlite::Result<Vec<Vec<Cell>>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| row(r))?;
    rows.collect()
}

fn topics(conn: &Connection, zone: Zone) -> rusqlite::Result<Sheet> {
    let rows = collect(
        conn,
        "SELECT t.raised_at, t.title, t.channel, t.raised_by_name, p.name, c.name, t.handling_class, \
         t.scale, t.status, t.status_note, t.description FROM topics t \
         LEFT JOIN places p ON p.id = t.place_id LEFT JOIN categories c ON c.id = t.category_id \
         WHERE t.deleted_at IS NULL ORDER BY t.raised_at, t.id",
        |r| {
            Ok(vec![
                when(zone, r.get(0)?),
                text(r, 1)?,
                label(r, 2, |s| Channel::parse(s).map(Channel::label))?,
                text(r, 3)?,
                text(r, 4)?,
                text(r, 5)?,
                label(r, 6, |s| HandlingClass::parse(s).map(HandlingClass::label))?,
                label(r, 7, |s| Scale::parse(s).map(Scale::label))?,
                label(r, 8, |s| TopicStatus::parse(s).map(TopicStatus::label))?,
                text(r, 9)?,
                text(r, 10)?,
            ])
        },
    )?;
    Ok(Sheet {
        name: "议题",
        columns: vec![
            ("登记时间", 17.0),
            ("议题", 30.0),
            ("来源渠道", 10.0),
            ("提出人", 10.0),
            ("地点", 14.0),
            ("类别", 14.0),
            ("办理类型", 10.0),
            ("规模", 8.0),
            ("状态", 10.0),
            ("状态说明", 30.0),
            ("内容", 50.0),
        ],
        rows,
    })
}

fn meetings(conn: &Connection, zone: Zone) -> rusqlite::Result<Sheet> {
    let rows = collect(
        conn,
        "SELECT m.starts_at, m.kind, m.title, m.place, m.host_name, m.recorder_name, m.status, \
         (SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id AND p.attended = 1 \
            AND p.deleted_at IS NULL), \
         (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL) \
         FROM meetings m WHERE m.deleted_at IS NULL ORDER BY m.starts_at, m.id",
        |r| {
            Ok(vec![
                when(zone, r.get(0)?),
                label(r, 1, |s| MeetingKind::parse(s).map(MeetingKind::label))?,
                text(r, 2)?,
                text(r, 3)?,
                text(r, 4)?,
                text(r, 5)?,
                label(r, 6, |s| MeetingStatus::parse(s).map(MeetingStatus::label))?,
                Cell::Int(r.get(7)?),
                Cell::Int(r.get(8)?),
            ])
        },
    )?;
    Ok(Sheet {
        name: "会议",
        columns: vec![
            ("会议时间", 17.0),
            ("形式", 10.0),
            ("会议名称", 30.0),
            ("地点", 16.0),
            ("主持人", 10.0),
            ("记录人", 10.0),
            ("状态", 8.0),
            ("到会人数", 9.0),
            ("议程数", 8.0),
        ],
        rows,
    })
}

fn decisions(conn: &Connection, zone: Zone) -> rusqlite::Result<Sheet> {
    let rows = collect(
        conn,
        "SELECT m.starts_at, m.title, a.title, d.text, d.act, t.title, t.mode, t.responsible_unit, \
         t.person_in_charge, t.deadline, t.status, t.done_at, \
         v.method, v.agree, v.oppose, v.abstain, v.eligible, v.present, v.rule, v.result FROM decisions d \
         JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id \
         LEFT JOIN tasks t ON t.decision_id = d.id AND t.deleted_at IS NULL \
         LEFT JOIN votes v ON v.id = (SELECT x.id FROM votes x WHERE x.agenda_item_id = a.id \
           AND x.deleted_at IS NULL ORDER BY x.created_at DESC, x.id DESC LIMIT 1) \
         WHERE d.deleted_at IS NULL ORDER BY m.starts_at, a.position, d.created_at, t.created_at",
        |r| {
            let act: bool = r.get(4)?;
            let count = |i: usize| -> rusqlite::Result<Cell> {
                Ok(r.get::<_, Option<i64>>(i)?.map(Cell::Int).unwrap_or(Cell::Empty))
            };
            Ok(vec![
                when(zone, r.get(0)?),
                text(r, 1)?,
                text(r, 2)?,
                text(r, 3)?,
                Cell::Text(if act { "办理" } else { "不予办理" }.into()),
                text(r, 5)?,
                label(r, 6, |s| TaskMode::parse(s).map(TaskMode::label))?,
                text(r, 7)?,
                text(r, 8)?,
                when(zone, r.get(9)?),
                label(r, 10, |s| TaskStatus::parse(s).map(TaskStatus::label))?,
                when(zone, r.get(11)?),
                label(r, 12, |s| VoteMethod::parse(s).map(VoteMethod::label))?,
                count(13)?,
                count(14)?,
                count(15)?,
                count(16)?,
                count(17)?,
                label(r, 18, |s| VoteRule::parse(s).map(VoteRule::label))?,
                label(r, 19, |s| VoteResult::parse(s).map(VoteResult::label))?,
            ])
        },
    )?;
    Ok(Sheet {
        name: "议定事项与任务",
        columns: vec![
            ("会议时间", 17.0),
            ("会议", 24.0),
            ("议程", 24.0),
            ("议定事项", 40.0),
            ("是否办理", 9.0),
            ("任务", 28.0),
            ("办理方式", 9.0),
            ("承办单位", 16.0),
            ("负责人", 10.0),
            ("办结期限", 12.0),
            ("任务状态", 9.0),
            ("完成时间", 17.0),
            ("表决方式", 9.0),
            ("同意", 6.0),
            ("反对", 6.0),
            ("弃权", 6.0),
            ("应到", 6.0),
            ("实到", 6.0),
            ("表决规则", 14.0),
            ("表决结果", 12.0),
        ],
        rows,
    })
}

fn evaluations(conn: &Connection, zone: Zone) -> rusqlite::Result<Sheet> {
    let rows = collect(
        conn,
        "SELECT e.evaluated_at, t.title, e.satisfied, e.basically_satisfied, e.unsatisfied, e.method, \
         e.evaluator, e.comment FROM evaluations e LEFT JOIN topics t ON t.id = e.topic_id \
         WHERE e.deleted_at IS NULL ORDER BY e.evaluated_at, e.id",
        |r| {
            let (s, b, u): (i64, i64, i64) = (r.get(2)?, r.get(3)?, r.get(4)?);
            let rate = Satisfaction::new(s.max(0) as u64, b.max(0) as u64, u.max(0) as u64).rate.display;
            Ok(vec![
                when(zone, r.get(0)?),
                text(r, 1)?,
                Cell::Int(s),
                Cell::Int(b),
                Cell::Int(u),
                Cell::Text(rate),
                label(r, 5, |s| EvalMethod::parse(s).map(EvalMethod::label))?,
                text(r, 6)?,
                text(r, 7)?,
            ])
        },
    )?;
    Ok(Sheet {
        name: "评价",
        columns: vec![
            ("评价日期", 12.0),
            ("议题", 30.0),
            ("满意", 7.0),
            ("基本满意", 9.0),
            ("不满意", 8.0),
            ("满意率", 9.0),
            ("方式", 10.0),
            ("评价人", 12.0),
            ("意见", 40.0),
        ],
        rows,
    })
}

fn points(conn: &Connection, zone: Zone) -> rusqlite::Result<Sheet> {
    let rows = collect(
        conn,
        "SELECT e.at, p.name, e.points, e.source, e.reason, m.title FROM points_entries e \
         JOIN people p ON p.id = e.person_id LEFT JOIN meetings m ON m.id = e.meeting_id \
         WHERE e.deleted_at IS NULL ORDER BY e.at, e.id",
        |r| {
            Ok(vec![
                when(zone, r.get(0)?),
                text(r, 1)?,
                Cell::Int(r.get(2)?),
                label(r, 3, |s| PointsSource::parse(s).map(PointsSource::label))?,
                text(r, 4)?,
                text(r, 5)?,
            ])
        },
    )?;
    Ok(Sheet {
        name: "积分",
        columns: vec![("日期", 17.0), ("姓名", 10.0), ("积分", 7.0), ("来源", 10.0), ("事由", 30.0), ("会议", 28.0)],
        rows,
    })
}

/// 资金: per project (in the order the budgets were set), its sources, its spends by day with
/// the running balance of their source, its goods and its labour. A donor or giver who did not
/// agree to be named is not named here either; phone and ID numbers are masked.
fn funds_sheet(conn: &Connection, zone: Zone) -> Result<Sheet, FundsError> {
    let masked = |s: &str| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(crate::privacy::mask_text(s)) };
    let named = |name: &str, public: bool| if public { masked(name) } else { Cell::Text(UNNAMED_DONOR.to_string()) };
    let day = |d: Option<NaiveDate>| d.map(Cell::Date).unwrap_or(Cell::Empty);
    let mut rows = Vec::new();
    for p in funds::projects(conn)? {
        let b = &p.budget;
        let set_on = zone.datetime_of(&b.created_at).map(|t| t.date());
        for s in &b.sources {
            let what = match (s.per_household, s.households) {
                (Some(per), Some(n)) => format!("每户{}×{n}户", per.words()),
                _ => String::new(),
            };
            rows.push(vec![
                day(set_on),
                Cell::Text("资金来源".into()),
                masked(&p.title),
                Cell::Text(s.kind_label.into()),
                named(&s.name, s.name_public),
                masked(&what),
                Cell::Fen(s.amount),
                Cell::Fen(s.balance),
                Cell::Empty,
                masked(&b.change_reason),
                masked(&b.actor),
            ]);
        }
        for l in funds::spend_lines(conn, b)? {
            let note = if l.spend.over_budget_reason.is_empty() {
                l.task.clone()
            } else {
                format!("{}；超预算：{}", l.task, l.spend.over_budget_reason)
            };
            rows.push(vec![
                Cell::Date(l.spend.spent_on),
                Cell::Text("支出".into()),
                masked(&p.title),
                Cell::Text(l.spend.source_label.into()),
                masked(&l.spend.payee),
                masked(&l.spend.what),
                Cell::Fen(l.spend.amount),
                Cell::Fen(l.source_balance),
                Cell::Empty,
                masked(&note),
                masked(&l.spend.actor),
            ]);
        }
        let (goods, labour) = funds::contributions(conn, &p)?;
        for g in goods.iter().chain(labour.iter()) {
            let what = if g.quantity.is_empty() { g.what.clone() } else { format!("{}（{}）", g.what, g.quantity) };
            rows.push(vec![
                day(g.given_on),
                Cell::Text(g.kind_label.into()),
                masked(&p.title),
                Cell::Empty,
                named(&g.given_by, g.given_by_public),
                masked(&what),
                g.value.map(Cell::Fen).unwrap_or(Cell::Empty),
                Cell::Empty,
                g.person_day_tenths.map(|t| Cell::Text(funds::days_words(t))).unwrap_or(Cell::Empty),
                Cell::Empty,
                masked(&g.actor),
            ]);
        }
    }
    Ok(Sheet {
        name: "资金",
        columns: vec![
            ("日期", 12.0),
            ("类别", 10.0),
            ("项目", 24.0),
            ("资金来源", 16.0),
            ("出资方或收款方", 22.0),
            ("事项", 28.0),
            ("金额（元）", 14.0),
            ("该来源结余（元）", 16.0),
            ("人日", 7.0),
            ("备注", 28.0),
            ("记录人", 10.0),
        ],
        rows,
    })
}

/// 月度研判: one row per month of this year up to this month — the figures of that month's
/// 月度议题研判表 (`printouts::month_review`, as the records stood at the month's end), so the
/// sheet and the printed sheets tell the same story.
fn month_reviews(conn: &Connection, today: NaiveDate) -> Result<Sheet, crate::printouts::LoadError> {
    use chrono::Datelike;
    let opts = crate::printouts::LoadOptions::new(today);
    let mut rows = Vec::new();
    for month in 1..=today.month() {
        let r = crate::printouts::month_review(conn, &format!("{}-{month:02}", today.year()), &opts)?;
        let n = |v: usize| Cell::Int(v as i64);
        rows.push(vec![
            Cell::Text(format!("{}年{}月", r.year, r.month)),
            Cell::Date(r.as_of),
            n(r.counts.total()),
            n(r.counts.immediate),
            n(r.counts.community),
            n(r.counts.escalate),
            n(r.open_community.len()),
            n(r.open_escalated.len()),
            n(r.overdue.len()),
            n(r.unanswered.len()),
        ]);
    }
    Ok(Sheet {
        name: "月度研判",
        columns: vec![
            ("月份", 10.0),
            ("统计截至", 12.0),
            ("收集议题", 9.0),
            ("即办件", 8.0),
            ("代办件", 8.0),
            ("上报件", 8.0),
            ("未办结代办件", 12.0),
            ("未办结上报件", 12.0),
            ("逾期任务", 9.0),
            ("未答复提出人", 12.0),
        ],
        rows,
    })
}
