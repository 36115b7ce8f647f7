//! The free-notice composer's drafts (autosaved while she types) and reusable templates.
//! Their content is the composer's JSON, stored as written: a draft may be half-filled, so it is
//! only checked to be JSON; the notice engine checks it when it is previewed or issued.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::Value;

use super::BulletinError;
use crate::ids::{new_id, now_utc};
use crate::validate::{free_text, required_line};

/// What the autosave indicator needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftReceipt {
    pub id: String,
    pub saved_at: String,
    pub save_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub content: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub content: String,
    pub updated_at: String,
}

/// Autosave: creates or replaces the draft `id` (a key the composer made up).
pub fn save_draft(tx: &Transaction, id: &str, content: &str) -> Result<DraftReceipt, BulletinError> {
    let id = required_line("草稿编号", id, 100)?;
    let content = free_text("公示草稿", content)?;
    let title = title_of(&parse(&content)?);
    let now = now_utc();
    let changed = tx.execute(
        "INSERT INTO notice_drafts (id, title, content, save_count, created_at, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4) \
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, content = excluded.content, \
         save_count = notice_drafts.save_count + 1, updated_at = excluded.updated_at \
         WHERE notice_drafts.deleted_at IS NULL",
        params![id, title, content, now],
    )?;
    if changed == 0 {
        // Issued or discarded meanwhile: a late autosave must not bring it back.
        return Err(BulletinError::DraftNotFound);
    }
    let save_count = tx.query_row("SELECT save_count FROM notice_drafts WHERE id = ?1", [&id], |r| r.get(0))?;
    Ok(DraftReceipt { id, saved_at: now, save_count })
}

/// Drafts not yet issued, most recently saved first.
pub fn list_drafts(conn: &Connection) -> Result<Vec<Draft>, BulletinError> {
    let mut stmt = conn.prepare(
        "SELECT id, title, content, updated_at FROM notice_drafts WHERE deleted_at IS NULL ORDER BY updated_at DESC, id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(Draft { id: r.get(0)?, title: r.get(1)?, content: r.get(2)?, updated_at: r.get(3)? }))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get_draft(conn: &Connection, id: &str) -> Result<Draft, BulletinError> {
    conn.query_row(
        "SELECT id, title, content, updated_at FROM notice_drafts WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| Ok(Draft { id: r.get(0)?, title: r.get(1)?, content: r.get(2)?, updated_at: r.get(3)? }),
    )
    .optional()?
    .ok_or(BulletinError::DraftNotFound)
}

/// Throws a draft away (soft delete, like every record).
pub fn discard_draft(tx: &Transaction, id: &str) -> Result<(), BulletinError> {
    if discard_if_present(tx, id)? {
        Ok(())
    } else {
        Err(BulletinError::DraftNotFound)
    }
}

pub(super) fn discard_if_present(tx: &Transaction, id: &str) -> Result<bool, BulletinError> {
    let now = now_utc();
    let n = tx.execute(
        "UPDATE notice_drafts SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now],
    )?;
    Ok(n > 0)
}

/// Keeps a composed notice as a template under `name`; a template of the same name is replaced.
/// The photo is left out: it belongs to the notice it was taken for.
pub fn save_template(tx: &Transaction, name: &str, content: &str) -> Result<Template, BulletinError> {
    let name = required_line("模板名称", name, 40)?;
    let mut value = parse(&free_text("模板内容", content)?)?;
    if let Some(o) = value.as_object_mut() {
        o.remove("photo");
    }
    let content = value.to_string();
    let now = now_utc();
    let existing: Option<String> = tx
        .query_row("SELECT id FROM notice_templates WHERE name = ?1 AND deleted_at IS NULL", [&name], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => {
            tx.execute(
                "UPDATE notice_templates SET content = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, content, now],
            )?;
            id
        }
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO notice_templates (id, name, content, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![id, name, content, now],
            )?;
            id
        }
    };
    Ok(Template { id, name, content, updated_at: now })
}

/// Templates by name.
pub fn list_templates(conn: &Connection) -> Result<Vec<Template>, BulletinError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, content, updated_at FROM notice_templates WHERE deleted_at IS NULL ORDER BY name, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Template { id: r.get(0)?, name: r.get(1)?, content: r.get(2)?, updated_at: r.get(3)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn remove_template(tx: &Transaction, id: &str) -> Result<(), BulletinError> {
    let now = now_utc();
    let n = tx.execute(
        "UPDATE notice_templates SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now],
    )?;
    if n == 0 {
        Err(BulletinError::TemplateNotFound)
    } else {
        Ok(())
    }
}

/// A new draft `draft_id` from a template, dated `today`; a 公示期 keeps its length and starts today.
pub fn start_from_template(
    tx: &Transaction,
    template_id: &str,
    draft_id: &str,
    today: NaiveDate,
) -> Result<Draft, BulletinError> {
    let content: String = tx
        .query_row("SELECT content FROM notice_templates WHERE id = ?1 AND deleted_at IS NULL", [template_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(BulletinError::TemplateNotFound)?;
    let mut value = parse(&content)?;
    redate(&mut value, today);
    let receipt = save_draft(tx, draft_id, &value.to_string())?;
    get_draft(tx, &receipt.id)
}

fn redate(value: &mut Value, today: NaiveDate) {
    let Some(o) = value.as_object_mut() else { return };
    o.insert("date".into(), Value::String(today.to_string()));
    let day = |p: &Value, k: &str| p.get(k).and_then(Value::as_str).and_then(|s| s.parse::<NaiveDate>().ok());
    let length = o.get("period").and_then(|p| Some((day(p, "to")? - day(p, "from")?).num_days()));
    if let Some(len) = length.filter(|l| *l >= 0) {
        let to = today.checked_add_days(Days::new(len.unsigned_abs())).unwrap_or(today);
        o.insert("period".into(), serde_json::json!({"from": today.to_string(), "to": to.to_string()}));
    }
}

fn parse(content: &str) -> Result<Value, BulletinError> {
    let value: Value = serde_json::from_str(content).map_err(|e| BulletinError::BadDraft { detail: e.to_string() })?;
    if !value.is_object() {
        return Err(BulletinError::BadDraft { detail: "不是一份公示".into() });
    }
    Ok(value)
}

fn title_of(value: &Value) -> String {
    let title = value.get("title").and_then(Value::as_str).unwrap_or("").trim();
    title.chars().take(100).collect()
}
