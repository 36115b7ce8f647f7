//! 积分榜 (a year's points) and 公约 (a convention's text).

use chrono::TimeDelta;
use rusqlite::{Connection, OptionalExtension};

use super::common::{date, issuer, local_time, one, public_masking};
use super::{LoadError, LoadOptions};
use crate::notices::fmt_date;
use crate::notices::{Chapter, Convention, PointsEntry, PointsTable};
use crate::points::{earned_by_source, get_rules, ranking, PointsSource};

/// 积分榜 of the year `id` ("2026"): `points::ranking`, the same list the screen shows (points
/// *earned* that year, most first: exchanging points at the shop does not lower a place). Names
/// are masked unless asked otherwise: the table hangs in public.
pub fn points(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<PointsTable, LoadError> {
    let year: i32 = id
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| LoadError::BadYear { text: id.to_string() })?;
    let mut entries = Vec::new();
    for line in ranking(conn, year)? {
        let note = sources(conn, &line.person_id, year)?;
        entries.push(PointsEntry { name: line.name, building: line.building, points: line.points, note });
    }
    let rules = get_rules(conn).map_err(|e| LoadError::Damaged { what: "积分规则", detail: e.to_string() })?;
    Ok(PointsTable {
        paper: opts.paper,
        period: format!("{year}年度"),
        entries,
        rules: vec![
            rules_line(rules.attendance, rules.speaking),
            "积分可到社区“积分超市”兑换生活用品，兑换后不影响本年度排名。".to_string(),
        ],
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, true)?,
        qr: super::common::feedback_qr(conn, opts)?,
    })
}

/// "参会6次、发言3次、志愿服务2次": what earned a person's points in `year`.
fn sources(conn: &Connection, person_id: &str, year: i32) -> Result<String, LoadError> {
    let parts: Vec<String> = earned_by_source(conn, person_id, year)?
        .into_iter()
        .map(|(s, n)| match s {
            PointsSource::Attendance => format!("参会{n}次"),
            PointsSource::Speaking => format!("发言{n}次"),
            other => format!("{}{n}次", other.label()),
        })
        .collect();
    Ok(parts.join("、"))
}

/// 公约 `id`: the adopted version once adopted, the posted one while posted, else the latest
/// draft (printed as 征求意见稿 with 公示期 today to today + 7 days unless given).
pub fn convention(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<Convention, LoadError> {
    const WHAT: &str = "公约";
    let sql = "SELECT c.title, c.status, c.posted_from, c.posted_to, c.adopted_at, coalesce(m.title, ''), \
                      CASE c.status WHEN 'adopted' THEN c.adopted_version_no WHEN 'posted' THEN c.posted_version_no END \
               FROM conventions c LEFT JOIN meetings m ON m.id = c.adopted_meeting_id \
               WHERE c.id = ?1 AND c.deleted_at IS NULL";
    type Row = (String, String, Option<String>, Option<String>, Option<String>, String, Option<i64>);
    let (title, status, from, to, adopted_at, meeting, version): Row = one(conn, sql, id, WHAT, |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
    })?;
    let (chapters, preamble) = version_text(conn, id, version)?;
    let mut draft_period = None;
    let mut adopted = None;
    match (status.as_str(), from, to, adopted_at) {
        ("adopted", _, _, at) => {
            let when =
                at.map(|a| local_time(conn, &a, WHAT)).transpose()?.map(|t| fmt_date(t.date())).unwrap_or_default();
            let by = if meeting.is_empty() { "居民会议".to_string() } else { format!("“{meeting}”") };
            adopted = Some(format!("{when}经{by}通过"));
        }
        ("posted", Some(f), Some(t), _) => draft_period = Some((date(&f, WHAT)?, date(&t, WHAT)?)),
        _ => {
            let period = opts.period.unwrap_or((opts.today, opts.today + TimeDelta::days(7)));
            draft_period = Some(period);
        }
    }
    Ok(Convention {
        paper: opts.paper,
        title,
        draft_period,
        adopted,
        preamble: preamble.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect(),
        chapters,
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
    })
}

/// The chapters (JSON) and preamble of version `no`, or of the latest version.
fn version_text(conn: &Connection, id: &str, no: Option<i64>) -> Result<(Vec<Chapter>, String), LoadError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT chapters, preamble FROM convention_versions WHERE convention_id = ?1 AND deleted_at IS NULL \
               AND (?2 IS NULL OR version_no = ?2) ORDER BY version_no DESC LIMIT 1",
            rusqlite::params![id, no],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((json, preamble)) = row else {
        return Ok((Vec::new(), String::new()));
    };
    let chapters = serde_json::from_str(&json)
        .map_err(|e| LoadError::Damaged { what: "公约条文", detail: format!("章节格式不对：{e}") })?;
    Ok((chapters, preamble))
}

/// How points are earned, leaving out a rule set to 0 (“签到每次计0分” reads as a mistake).
fn rules_line(attendance: i64, speaking: i64) -> String {
    let mut parts = Vec::new();
    if attendance > 0 {
        parts.push(format!("参加议事会议签到每次计{attendance}分"));
    }
    if speaking > 0 {
        parts.push(format!("在会上发言每次会议计{speaking}分"));
    }
    if parts.is_empty() {
        "积分由社区按志愿服务等实际情况记分。".to_string()
    } else {
        format!("{}；志愿服务等由社区按实际情况记分。", parts.join("，"))
    }
}
