//! The topic catalogue (议事事项目录): classes and kinds of topic, editable. A retired category is
//! no longer offered for new topics but stays on old ones.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use super::CommunityError;
use crate::ids::{new_id, now_utc};
use crate::validate::required_line;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub retired: bool,
}

/// Classes followed by their kinds; retired ones only when asked for. A new database holds a
/// default catalogue (four classes, as a rural district used them), seeded by migration v002.
pub fn list_categories(conn: &Connection, include_retired: bool) -> Result<Vec<Category>, CommunityError> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.parent_id, c.name, c.retired_at IS NOT NULL FROM categories c \
         LEFT JOIN categories p ON p.id = c.parent_id WHERE c.deleted_at IS NULL \
         AND (?1 OR c.retired_at IS NULL) \
         ORDER BY coalesce(p.position, c.position), coalesce(p.id, c.id), c.parent_id IS NOT NULL, c.position, c.id",
    )?;
    let rows = stmt.query_map([include_retired], |r| {
        Ok(Category { id: r.get(0)?, parent_id: r.get(1)?, name: r.get(2)?, retired: r.get(3)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add_category(tx: &Transaction, parent_id: Option<&str>, name: &str) -> Result<Category, CommunityError> {
    let name = required_line("分类名称", name, 30)?;
    let dup: i64 = tx.query_row(
        "SELECT count(*) FROM categories WHERE parent_id IS ?1 AND name = ?2 AND deleted_at IS NULL",
        params![parent_id, name],
        |r| r.get(0),
    )?;
    if dup > 0 {
        return Err(CommunityError::Duplicate { what: "分类", name });
    }
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM categories WHERE parent_id IS ?1",
        [parent_id],
        |r| r.get(0),
    )?;
    let id = insert(tx, parent_id, &name, position)?;
    Ok(Category { id, parent_id: parent_id.map(str::to_string), name, retired: false })
}

pub fn rename_category(tx: &Transaction, id: &str, name: &str) -> Result<(), CommunityError> {
    let name = required_line("分类名称", name, 30)?;
    let n = tx.execute(
        "UPDATE categories SET name = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, name, now_utc()],
    )?;
    if n == 0 {
        Err(CommunityError::NotFound { what: "分类" })
    } else {
        Ok(())
    }
}

/// Stops offering a category (and its kinds) for new topics; old topics keep it.
pub fn retire_category(tx: &Transaction, id: &str) -> Result<(), CommunityError> {
    let now = now_utc();
    let n = tx.execute(
        "UPDATE categories SET retired_at = ?2, updated_at = ?2 \
         WHERE (id = ?1 OR parent_id = ?1) AND deleted_at IS NULL AND retired_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        Err(CommunityError::NotFound { what: "分类" })
    } else {
        Ok(())
    }
}

fn insert(tx: &Transaction, parent_id: Option<&str>, name: &str, position: i64) -> Result<String, CommunityError> {
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO categories (id, parent_id, name, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, parent_id, name, position, now],
    )
    .map_err(|e| match e.sqlite_error() {
        Some(err) if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            CommunityError::NotFound { what: "上级分类" }
        }
        _ => CommunityError::Db(e),
    })?;
    Ok(id)
}
