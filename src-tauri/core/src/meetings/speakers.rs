//! Who spoke on each agenda item, and the speaker quick-pick of the minutes editor: two letters
//! of a name or a role, Enter, and “王秀兰（居民代表）：” is inserted.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::participants::{participants, person};
use super::{editable_item, MeetingError};
use crate::ids::{new_id, now_utc};
use crate::validate::{optional_line, required_line};

/// A speaker: someone on the roster, or a name and role typed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum NewSpeaker {
    Person {
        person_id: String,
    },
    Named {
        name: String,
        #[serde(default)]
        role_label: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub id: String,
    pub agenda_item_id: String,
    pub person_id: Option<String>,
    pub name: String,
    pub role_label: String,
    /// The line the editor inserts, e.g. 王秀兰（居民代表）：
    pub line: String,
}

/// One entry of the quick-pick list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuickPick {
    pub person_id: Option<String>,
    pub name: String,
    pub role_label: String,
    pub attended: bool,
    pub line: String,
}

/// “王秀兰（居民代表）：”, or “王秀兰：” without a role.
pub fn speaker_line(name: &str, role_label: &str) -> String {
    let (name, role) = (name.trim(), role_label.trim());
    if role.is_empty() {
        format!("{name}：")
    } else {
        format!("{name}（{role}）：")
    }
}

/// Records that someone spoke on an item (once per item: adding them again returns the row).
pub fn add_speaker(tx: &Transaction, agenda_item_id: &str, new: &NewSpeaker) -> Result<Speaker, MeetingError> {
    editable_item(tx, agenda_item_id)?;
    let (person_id, name, role) = match new {
        NewSpeaker::Person { person_id } => {
            let p = person(tx, person_id)?;
            (Some(person_id.as_str()), p.name, p.role)
        }
        NewSpeaker::Named { name, role_label } => {
            (None, required_line("发言人姓名", name, 50)?, optional_line("身份", role_label, 50)?)
        }
    };
    if let Some(existing) = find(tx, agenda_item_id, person_id, &name)? {
        return Ok(existing);
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO speakers (id, agenda_item_id, person_id, name, role_label, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, agenda_item_id, person_id, name, role, now_utc()],
    )?;
    Ok(tx.query_row(&format!("SELECT {COLUMNS} FROM speakers WHERE id = ?1"), [&id], from_row)?)
}

/// The speakers of an item, in the order they were added.
pub fn speakers(conn: &Connection, agenda_item_id: &str) -> Result<Vec<Speaker>, MeetingError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM speakers WHERE agenda_item_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([agenda_item_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The meeting's participants as quick-pick entries, those present first.
pub fn quick_pick(conn: &Connection, meeting_id: &str) -> Result<Vec<QuickPick>, MeetingError> {
    let mut list: Vec<QuickPick> = participants(conn, meeting_id)?
        .into_iter()
        .map(|p| QuickPick {
            line: speaker_line(&p.name, &p.role_label),
            person_id: p.person_id,
            name: p.name,
            role_label: p.role_label,
            attended: p.attended,
        })
        .collect();
    list.sort_by_key(|q| !q.attended);
    Ok(list)
}

const COLUMNS: &str = "id, agenda_item_id, person_id, name, role_label";

fn find(conn: &Connection, item_id: &str, person_id: Option<&str>, name: &str) -> rusqlite::Result<Option<Speaker>> {
    let sql = match person_id {
        Some(_) => format!("SELECT {COLUMNS} FROM speakers WHERE agenda_item_id = ?1 AND person_id = ?2 AND deleted_at IS NULL"),
        None => format!("SELECT {COLUMNS} FROM speakers WHERE agenda_item_id = ?1 AND person_id IS NULL AND name = ?2 AND deleted_at IS NULL"),
    };
    conn.query_row(&sql, params![item_id, person_id.unwrap_or(name)], from_row).optional()
}

fn from_row(r: &Row) -> rusqlite::Result<Speaker> {
    let name: String = r.get(3)?;
    let role_label: String = r.get(4)?;
    Ok(Speaker {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        person_id: r.get(2)?,
        line: speaker_line(&name, &role_label),
        name,
        role_label,
    })
}
