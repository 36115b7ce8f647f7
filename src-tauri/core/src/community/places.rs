//! Places: a tree of 小区 / 楼栋 / 单元 (urban) or 网格 / 院坝 (rural).

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{CommunityError, PlaceKind};
use crate::ids::{new_id, now_utc};
use crate::validate::{required_line, FieldError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub id: String,
    pub parent_id: Option<String>,
    pub kind: PlaceKind,
    pub kind_label: &'static str,
    pub name: String,
    /// The names from the root down, e.g. “幸福里小区 / 3号楼 / 2单元”.
    pub path: String,
    /// 停用: no longer offered for new records; old records still show it.
    pub retired: bool,
    pub retired_reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewPlace {
    #[serde(default)]
    pub parent_id: Option<String>,
    /// The key (`building`) or the label (楼栋).
    pub kind: String,
    pub name: String,
}

pub fn add_place(tx: &Transaction, p: &NewPlace) -> Result<Place, CommunityError> {
    let name = required_line("地点名称", &p.name, 40)?;
    let kind = PlaceKind::read(&p.kind).ok_or_else(|| {
        CommunityError::from(FieldError::NotAnOption { field: "地点类型", value: p.kind.clone() })
    })?;
    if let Some(parent) = &p.parent_id {
        exists(tx, parent)?;
    }
    let siblings: i64 = tx.query_row(
        "SELECT count(*) FROM places WHERE parent_id IS ?1 AND name = ?2 AND deleted_at IS NULL",
        params![p.parent_id, name],
        |r| r.get(0),
    )?;
    if siblings > 0 {
        return Err(CommunityError::Duplicate { what: "地点", name });
    }
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO places (id, parent_id, kind, name, position, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
        params![id, p.parent_id, kind.as_str(), name, now],
    )?;
    find(tx, &id)
}

pub fn rename_place(tx: &Transaction, id: &str, name: &str) -> Result<Place, CommunityError> {
    let name = required_line("地点名称", name, 40)?;
    exists(tx, id)?;
    tx.execute("UPDATE places SET name = ?2, updated_at = ?3 WHERE id = ?1", params![id, name, now_utc()])?;
    find(tx, id)
}

/// Every place, parents before children, with its full path.
pub fn list_places(conn: &Connection) -> Result<Vec<Place>, CommunityError> {
    let mut stmt = conn.prepare(
        "WITH RECURSIVE tree(id, parent_id, kind, name, path, sort) AS ( \
           SELECT id, parent_id, kind, name, name, name FROM places \
             WHERE parent_id IS NULL AND deleted_at IS NULL \
           UNION ALL \
           SELECT p.id, p.parent_id, p.kind, p.name, tree.path || ' / ' || p.name, \
                  tree.sort || char(1) || p.name \
             FROM places p JOIN tree ON p.parent_id = tree.id WHERE p.deleted_at IS NULL) \
         SELECT t.id, t.parent_id, t.kind, t.name, t.path, p.retired_at IS NOT NULL, p.retired_reason \
           FROM tree t JOIN places p ON p.id = t.id ORDER BY t.sort",
    )?;
    let rows = stmt.query_map([], |r| {
        // A kind this build does not know (a hand-edited row) shows as 其他, never hides the tree.
        let kind = PlaceKind::parse(&r.get::<_, String>(2)?).unwrap_or(PlaceKind::Other);
        Ok(Place {
            id: r.get(0)?,
            parent_id: r.get(1)?,
            kind,
            kind_label: kind.label(),
            name: r.get(3)?,
            path: r.get(4)?,
            retired: r.get(5)?,
            retired_reason: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn exists(conn: &Connection, id: &str) -> Result<(), CommunityError> {
    let n: i64 =
        conn.query_row("SELECT count(*) FROM places WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))?;
    if n == 0 {
        Err(CommunityError::NotFound { what: "地点" })
    } else {
        Ok(())
    }
}

fn find(conn: &Connection, id: &str) -> Result<Place, CommunityError> {
    list_places(conn)?.into_iter().find(|p| p.id == id).ok_or(CommunityError::NotFound { what: "地点" })
}
