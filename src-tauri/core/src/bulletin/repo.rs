//! SQL of the `notices` table.

use rusqlite::{params, Connection, OptionalExtension, Row as SqlRow, Transaction};

use super::{BulletinError, NoticeKind, NoticeRef};
use crate::ids::{new_id, now_utc};

/// A `notices` row as stored, plus the version of the notice that replaced it (if any).
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub id: String,
    pub kind: NoticeKind,
    pub title: String,
    pub version: i64,
    pub replaces_id: Option<String>,
    pub reference: Option<NoticeRef>,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    pub issued_at: String,
    pub pdf_sha256: String,
    pub spec: String,
    pub posted_where: String,
    pub posted_at: Option<String>,
    pub taken_down_at: Option<String>,
    pub superseded_by: Option<i64>,
}

/// What a new row holds besides its id and timestamps.
pub(super) struct Insert<'a> {
    pub kind: NoticeKind,
    pub title: &'a str,
    pub version: i64,
    pub replaces_id: Option<&'a str>,
    pub reference: Option<&'a NoticeRef>,
    pub period: Option<(String, String)>,
    pub sha256: &'a str,
    pub spec: &'a str,
}

const SELECT: &str = "SELECT n.id, n.kind, n.title, n.version, n.replaces_id, n.ref_kind, n.ref_id, \
    n.period_from, n.period_to, n.issued_at, n.pdf_sha256, n.spec, n.posted_where, n.posted_at, \
    n.taken_down_at, (SELECT max(m.version) FROM notices m WHERE m.replaces_id = n.id AND m.deleted_at IS NULL) \
    FROM notices n WHERE n.deleted_at IS NULL";

pub(super) fn insert(tx: &Transaction, row: &Insert) -> Result<String, BulletinError> {
    let id = new_id();
    let now = now_utc();
    let (from, to) = row.period.clone().unzip();
    let (ref_kind, ref_id) = row.reference.map(NoticeRef::columns).unzip();
    tx.execute(
        "INSERT INTO notices (id, kind, title, version, replaces_id, ref_kind, ref_id, period_from, period_to, \
         issued_at, pdf_sha256, spec, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?10, ?10)",
        params![
            id,
            row.kind.as_str(),
            row.title,
            row.version,
            row.replaces_id,
            ref_kind,
            ref_id,
            from,
            to,
            now,
            row.sha256,
            row.spec
        ],
    )?;
    Ok(id)
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Row, BulletinError> {
    conn.query_row(&format!("{SELECT} AND n.id = ?1"), [id], from_row).optional()?.ok_or(BulletinError::NotFound)
}

/// The current (not superseded) notice of `kind` about a record, if one was issued.
pub(super) fn current_for(
    conn: &Connection,
    kind: NoticeKind,
    reference: &NoticeRef,
) -> Result<Option<Row>, BulletinError> {
    let (ref_kind, ref_id) = reference.columns();
    let sql = format!(
        "{SELECT} AND n.kind = ?1 AND n.ref_kind = ?2 AND n.ref_id = ?3 AND NOT EXISTS \
         (SELECT 1 FROM notices m WHERE m.replaces_id = n.id AND m.deleted_at IS NULL) ORDER BY n.version DESC LIMIT 1"
    );
    Ok(conn.query_row(&sql, params![kind.as_str(), ref_kind, ref_id], from_row).optional()?)
}

/// Every notice, newest first.
pub(super) fn all(conn: &Connection) -> Result<Vec<Row>, BulletinError> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY n.issued_at DESC, n.id DESC"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn set_posted(tx: &Transaction, id: &str, place: &str, on: &str) -> Result<(), BulletinError> {
    tx.execute(
        "UPDATE notices SET posted_where = ?2, posted_at = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, place, on, now_utc()],
    )?;
    Ok(())
}

pub(super) fn set_taken_down(tx: &Transaction, id: &str, on: &str) -> Result<(), BulletinError> {
    tx.execute("UPDATE notices SET taken_down_at = ?2, updated_at = ?3 WHERE id = ?1", params![id, on, now_utc()])?;
    Ok(())
}

/// The boards notices were posted on before, most used first (suggestions for the posting form).
pub(super) fn boards(conn: &Connection) -> Result<Vec<String>, BulletinError> {
    let mut stmt = conn.prepare(
        "SELECT posted_where FROM notices WHERE deleted_at IS NULL AND posted_where <> '' \
         GROUP BY posted_where ORDER BY count(*) DESC, posted_where LIMIT 20",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn from_row(r: &SqlRow) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        kind: crate::store::parse_col(r, 1, NoticeKind::parse)?,
        title: r.get(2)?,
        version: r.get(3)?,
        replaces_id: r.get(4)?,
        reference: NoticeRef::from_columns(
            r.get::<_, Option<String>>(5)?.as_deref(),
            r.get::<_, Option<String>>(6)?.as_deref(),
        ),
        period_from: r.get(7)?,
        period_to: r.get(8)?,
        issued_at: r.get(9)?,
        pdf_sha256: r.get(10)?,
        spec: r.get(11)?,
        posted_where: r.get(12)?,
        posted_at: r.get(13)?,
        taken_down_at: r.get(14)?,
        superseded_by: r.get(15)?,
    })
}
