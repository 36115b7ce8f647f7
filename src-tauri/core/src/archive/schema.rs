//! Checks an archive's database before anything of it is merged: that it is Yishi's schema
//! ([`check_schema`]: application id, tables, columns and their types, the same as this
//! app's after migration), and that every row is one this app could have written itself
//! ([`check_rows`]: ids, types, timestamps, JSON, NOT NULL, CHECK and UNIQUE). The first bad
//! row refuses the whole archive and is named.
//!
//! Rows are checked by inserting each one, plainly (no `OR IGNORE`), into an in-memory copy of
//! this app's own tables, so every constraint the app's writes meet is enforced as SQLite
//! itself would, plus what SQLite does not check (types of a non-STRICT table, timestamps,
//! JSON).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;

use super::ArchiveError;

/// `PRAGMA application_id` of every database an export writes ("YSHB"). Older archives have 0.
pub const APPLICATION_ID: i64 = 0x5953_4842;

/// Columns holding JSON, which must parse (an empty `notices.spec` is allowed: older rows).
const JSON_COLUMNS: &[(&str, &str)] = &[
    ("app_settings", "value"),
    ("people", "roles"),
    ("participant_patterns", "roles"),
    ("participant_patterns", "people"),
    ("convention_versions", "chapters"),
    ("notices", "spec"),
    ("notice_drafts", "content"),
    ("notice_templates", "content"),
];

/// Instants that may lie in the future (a meeting planned for next year).
const PLANNED: &[&str] = &["starts_at", "ends_at"];

/// One column as `pragma_table_info` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    name: String,
    decl: String,
    not_null: bool,
    pk: bool,
}

fn tables(conn: &Connection, schema: &str) -> rusqlite::Result<BTreeMap<String, Vec<Column>>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_%' ESCAPE '\\'"
    ))?;
    let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut out = BTreeMap::new();
    for name in names {
        let mut cols =
            conn.prepare("SELECT name, upper(type), \"notnull\", pk FROM pragma_table_info(?1, ?2) ORDER BY cid")?;
        let list = cols
            .query_map([name.as_str(), schema], |r| {
                Ok(Column { name: r.get(0)?, decl: r.get(1)?, not_null: r.get(2)?, pk: r.get::<_, i64>(3)? > 0 })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        out.insert(name, list);
    }
    Ok(out)
}

/// The archive's `application_id` before it is opened as a store: 0 (older exports) or ours.
pub(crate) fn check_application_id(conn: &Connection) -> Result<(), ArchiveError> {
    let id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(super::verify::corrupt)?;
    if id != 0 && id != APPLICATION_ID {
        return Err(ArchiveError::BadSchema { detail: "文件标记表明它是别的程序的数据库".into() });
    }
    Ok(())
}

/// The migrated archive (`inc`) must have exactly this app's tables and columns (`main`).
pub(crate) fn check_schema(conn: &Connection) -> Result<(), ArchiveError> {
    let ours = tables(conn, "main")?;
    let theirs = tables(conn, "inc").map_err(super::verify::corrupt)?;
    for (table, cols) in &ours {
        let Some(found) = theirs.get(table) else {
            return Err(ArchiveError::BadSchema { detail: format!("缺少表“{table}”") });
        };
        for c in cols {
            match found.iter().find(|f| f.name == c.name) {
                None => {
                    return Err(ArchiveError::BadSchema {
                        detail: format!("表“{table}”缺少列“{}”", c.name)
                    })
                }
                Some(f) if f != c => {
                    return Err(ArchiveError::BadSchema {
                        detail: format!("表“{table}”的列“{}”类型或约束不同", c.name),
                    })
                }
                Some(_) => {}
            }
        }
        if let Some(extra) = found.iter().find(|f| !cols.iter().any(|c| c.name == f.name)) {
            return Err(ArchiveError::BadSchema { detail: format!("表“{table}”多了列“{}”", extra.name) });
        }
    }
    if let Some(extra) = theirs.keys().find(|t| !ours.contains_key(*t)) {
        return Err(ArchiveError::BadSchema { detail: format!("多了一张不认识的表“{extra}”") });
    }
    Ok(())
}

/// Checks every row of every domain table of `inc` (schema already checked).
pub(crate) fn check_rows(conn: &Connection, staged: &std::path::Path) -> Result<(), ArchiveError> {
    let scratch = Connection::open_in_memory()?;
    // References are checked after the merge, against both sides (`import::apply`).
    scratch.execute_batch("PRAGMA foreign_keys = OFF")?;
    scratch.execute("ATTACH DATABASE ?1 AS inc", [crate::store::sqlite_name(staged)])?;
    let ours = tables(conn, "main")?;
    let domain = super::domain_tables(conn, "main")?;
    let now = crate::time::now();
    for table in &domain {
        let sql: String =
            conn.query_row("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?1", [table], |r| {
                r.get(0)
            })?;
        scratch.execute_batch(&sql)?;
        // Unique keys kept as separate indexes (one vote per household and vote …).
        let mut idx = conn
            .prepare("SELECT sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL")?;
        let indexes: Vec<String> = idx.query_map([table], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for index in indexes {
            scratch.execute_batch(&index)?;
        }
        let Some(cols) = ours.get(table) else { continue };
        let list = cols.iter().map(|c| format!("i.\"{}\"", c.name)).collect::<Vec<_>>().join(", ");
        let names = cols.iter().map(|c| format!("\"{}\"", c.name)).collect::<Vec<_>>().join(", ");
        let marks = vec!["?"; cols.len()].join(", ");
        let mut read = scratch.prepare(&format!("SELECT {list} FROM inc.\"{table}\" AS i ORDER BY i.rowid"))?;
        let mut insert = scratch.prepare(&format!("INSERT INTO main.\"{table}\" ({names}) VALUES ({marks})"))?;
        let mut rows = read.query([]).map_err(super::verify::corrupt)?;
        let mut n = 0usize;
        while let Some(r) = rows.next().map_err(super::verify::corrupt)? {
            n += 1;
            let row: Vec<Value> = (0..cols.len()).map(|i| r.get(i)).collect::<Result<_, _>>()?;
            let id_at = cols.iter().position(|c| c.name == "id").unwrap_or(0);
            let label = match &row[id_at] {
                Value::Text(id) if !id.is_empty() => format!("第 {n} 条，编号 {}", short(id)),
                _ => format!("第 {n} 条"),
            };
            let bad = |reason: String| ArchiveError::BadRow { table: table_label(table), row: label.clone(), reason };
            for (c, v) in cols.iter().zip(&row) {
                if let Some(reason) = check_value(table, c, v, now) {
                    return Err(bad(reason));
                }
            }
            if let Err(e) = insert.execute(rusqlite::params_from_iter(&row)) {
                return Err(bad(constraint_words(&e, cols)));
            }
        }
    }
    Ok(())
}

fn short(id: &str) -> String {
    id.chars().take(40).collect()
}

/// What SQLite does not check in a non-STRICT table, as this app's writes guarantee it.
fn check_value(table: &str, c: &Column, v: &Value, now: DateTime<Utc>) -> Option<String> {
    let col = &c.name;
    if c.pk || col == "id" {
        return match v {
            Value::Text(s) if !s.trim().is_empty() => None,
            Value::Null => Some("没有编号".into()),
            _ => Some("编号不是文字".into()),
        };
    }
    let kind = match v {
        Value::Null => return c.not_null.then(|| format!("“{col}”不能为空")),
        Value::Integer(_) => "integer",
        Value::Real(_) => "real",
        Value::Text(_) => "text",
        Value::Blob(_) => "blob",
    };
    let wanted: &[&str] = if c.decl.contains("INT") {
        &["integer"]
    } else if c.decl.contains("TEXT") || c.decl.contains("CHAR") {
        &["text"]
    } else if c.decl.contains("REAL") || c.decl.contains("FLOA") || c.decl.contains("DOUB") {
        &["real", "integer"]
    } else if c.decl.contains("BLOB") {
        &["blob"]
    } else {
        &["integer", "real", "text", "blob"]
    };
    if !wanted.contains(&kind) {
        let expected = match wanted[0] {
            "integer" => "整数",
            "real" => "数字",
            "text" => "文字",
            _ => "二进制数据",
        };
        return Some(format!("“{col}”应为{expected}"));
    }
    let Value::Text(text) = v else { return None };
    if col.ends_with("_at") {
        // An instant (RFC 3339) or, for a few columns (evaluated_at), a day.
        let parsed = DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).ok().or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
        });
        let Some(t) = parsed else {
            return Some(format!("“{col}”不是有效的时间（{}）", short(text)));
        };
        let latest =
            if PLANNED.contains(&col.as_str()) { now + Duration::days(366 * 20) } else { now + Duration::days(2) };
        let earliest = DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").map(|d| d.with_timezone(&Utc)).ok()?;
        if t < earliest || t > latest {
            return Some(format!("“{col}”的时间 {} 不可能（早于 2000 年或晚于今天）", short(text)));
        }
    }
    if JSON_COLUMNS.contains(&(table, col.as_str()))
        && !(text.is_empty() && table == "notices")
        && serde_json::from_str::<serde_json::Value>(text).is_err()
    {
        return Some(format!("“{col}”的内容已损坏（不是有效的 JSON）"));
    }
    None
}

/// A refused insert in words: which rule the row breaks, no SQL.
fn constraint_words(e: &rusqlite::Error, cols: &[Column]) -> String {
    let text = e.to_string();
    let named =
        cols.iter().filter(|c| text.contains(c.name.as_str())).map(|c| format!("“{}”", c.name)).collect::<Vec<_>>();
    let which = if named.is_empty() { String::new() } else { named.join("、") };
    if text.contains("UNIQUE") || text.contains("PRIMARY KEY") {
        format!("与归档中另一条记录重复{}", if which.is_empty() { String::new() } else { format!("（{which}相同）") })
    } else if text.contains("NOT NULL") {
        format!("{which}不能为空")
    } else if text.contains("CHECK") {
        if which.is_empty() {
            "有数值超出了允许的范围".into()
        } else {
            format!("{which}的值超出了允许的范围")
        }
    } else {
        "这条记录不能写入".into()
    }
}

/// The table's name as the secretary knows it.
pub(crate) fn table_label(table: &str) -> String {
    let label = match table {
        "community_settings" => "社区信息",
        "app_settings" => "设置",
        "places" => "地点",
        "households" => "住户",
        "people" => "名册",
        "categories" => "议事事项目录",
        "topics" => "议题",
        "topic_events" => "议题经过",
        "meetings" => "会议",
        "meeting_participants" => "参会人",
        "agenda_items" => "议程",
        "minutes" => "会议记录",
        "minutes_revisions" => "会议记录的历史版本",
        "speakers" => "发言",
        "votes" => "表决",
        "vote_households" => "一户一票",
        "vote_parts" => "分项计票",
        "vote_electorate" => "表决范围",
        "elections" => "选举",
        "election_candidates" => "候选人",
        "role_terms" => "任期",
        "person_moves" => "迁动记录",
        "participant_patterns" => "参会模式",
        "decisions" => "决议",
        "tasks" => "任务",
        "task_notes" => "办理记录",
        "evaluations" => "评价",
        "topic_notes" => "跟进记录",
        "topic_callbacks" => "回访",
        "topic_escalations" => "上报跟踪",
        "task_changes" => "任务调整",
        "fund_budgets" => "预算",
        "fund_sources" => "资金来源",
        "fund_in_kind" => "物资和投工",
        "fund_spends" => "资金支出",
        "fund_allocations" => "年度资金",
        "plan_versions" => "方案",
        "plan_opinions" => "方案评审意见",
        "plan_comments" => "方案征求意见",
        "plan_answers" => "方案意见答复",
        "points_entries" => "积分",
        "conventions" => "公约",
        "convention_versions" => "公约版本",
        "convention_feedback" => "公约意见",
        "notices" => "公示",
        "notice_drafts" => "公示草稿",
        "notice_templates" => "公示模板",
        "attachments" => "照片",
        other => return other.to_string(),
    };
    format!("{label}（{table}）")
}
