//! The roster (议事主体清单) and households (户).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::CommunityError;
use crate::ids::{new_id, now_utc};
use crate::validate::{optional_line, required_line};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Stored whole; shown masked in lists (`phone_masked`).
    pub phone: String,
    pub phone_masked: String,
    /// As shown: the labels of offered roles (党员…), typed roles as typed.
    pub roles: Vec<String>,
    pub household_id: Option<String>,
    pub household_label: String,
    pub place_id: Option<String>,
    pub is_core_member: bool,
    pub note: String,
    /// 停用 (moved away, left the committee): not offered for new records, kept on old ones.
    pub retired: bool,
    pub retired_reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewPerson {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    /// Offered roles by key or label, or a role typed by hand.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub household_id: Option<String>,
    #[serde(default)]
    pub place_id: Option<String>,
    #[serde(default)]
    pub is_core_member: bool,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Household {
    pub id: String,
    pub label: String,
    pub place_id: Option<String>,
    pub members: i64,
    pub retired: bool,
    pub retired_reason: String,
    /// 户主, if named (`community::update_household`).
    pub head_person_id: Option<String>,
    pub head_name: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewHousehold {
    pub label: String,
    #[serde(default)]
    pub place_id: Option<String>,
}

struct Checked {
    name: String,
    phone: String,
    roles: String,
    note: String,
}

fn check(p: &NewPerson) -> Result<Checked, CommunityError> {
    let phone = crate::validate::phone(&p.phone)?;
    let mut roles = Vec::new();
    for r in &p.roles {
        let r = super::kinds::stored_role(&required_line("身份", r, 20)?);
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    Ok(Checked {
        name: required_line("姓名", &p.name, 30)?,
        phone,
        roles: serde_json::to_string(&roles).unwrap_or_else(|_| "[]".into()),
        note: optional_line("备注", &p.note, 200)?,
    })
}

pub fn add_person(tx: &Transaction, p: &NewPerson) -> Result<Person, CommunityError> {
    let c = check(p)?;
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO people (id, name, phone, roles, household_id, place_id, is_core_member, note, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, c.name, c.phone, c.roles, p.household_id, p.place_id, p.is_core_member, c.note, now],
    )
    .map_err(reference_error)?;
    get_person(tx, &id)
}

pub fn update_person(tx: &Transaction, id: &str, p: &NewPerson) -> Result<Person, CommunityError> {
    let c = check(p)?;
    let current = get_person(tx, id)?;
    if current.household_id != p.household_id {
        // A change of household is a dated move (`community::move_person`), never an edit.
        return Err(CommunityError::HouseholdChangeIsAMove { name: current.name });
    }
    tx.execute(
        "UPDATE people SET name = ?2, phone = ?3, roles = ?4, household_id = ?5, place_id = ?6, \
         is_core_member = ?7, note = ?8, updated_at = ?9 WHERE id = ?1",
        params![id, c.name, c.phone, c.roles, p.household_id, p.place_id, p.is_core_member, c.note, now_utc()],
    )
    .map_err(reference_error)?;
    get_person(tx, id)
}

pub(super) fn reference_error(e: rusqlite::Error) -> CommunityError {
    match e.sqlite_error() {
        Some(err) if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            CommunityError::NotFound { what: "户或地点" }
        }
        _ => CommunityError::Db(e),
    }
}

const PERSON_SELECT: &str = "SELECT p.id, p.name, p.phone, p.roles, p.household_id, \
    coalesce(h.label, ''), p.place_id, p.is_core_member, p.note, p.retired_at IS NOT NULL, p.retired_reason \
    FROM people p LEFT JOIN households h ON h.id = p.household_id";

fn person_row(r: &Row) -> rusqlite::Result<Person> {
    let phone: String = r.get(2)?;
    let roles: String = r.get(3)?;
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        phone_masked: crate::privacy::mask_phone(&phone),
        phone,
        roles: super::stored_roles(&roles).iter().map(|r| super::role_label(r)).collect(),
        household_id: r.get(4)?,
        household_label: r.get(5)?,
        place_id: r.get(6)?,
        is_core_member: r.get(7)?,
        note: r.get(8)?,
        retired: r.get(9)?,
        retired_reason: r.get(10)?,
    })
}

pub fn get_person(conn: &Connection, id: &str) -> Result<Person, CommunityError> {
    conn.query_row(&format!("{PERSON_SELECT} WHERE p.id = ?1 AND p.deleted_at IS NULL"), [id], person_row)
        .optional()?
        .ok_or(CommunityError::NotFound { what: "人员" })
}

/// The roster, core members first, then by name.
pub fn list_people(conn: &Connection) -> Result<Vec<Person>, CommunityError> {
    let mut stmt = conn
        .prepare(&format!("{PERSON_SELECT} WHERE p.deleted_at IS NULL ORDER BY p.is_core_member DESC, p.name, p.id"))?;
    let rows = stmt.query_map([], person_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add_household(tx: &Transaction, h: &NewHousehold) -> Result<Household, CommunityError> {
    let label = required_line("户名（门牌）", &h.label, 60)?;
    let dup: i64 =
        tx.query_row("SELECT count(*) FROM households WHERE label = ?1 AND deleted_at IS NULL", [&label], |r| {
            r.get(0)
        })?;
    if dup > 0 {
        return Err(CommunityError::Duplicate { what: "户", name: label });
    }
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO households (id, label, place_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, label, h.place_id, now],
    )
    .map_err(reference_error)?;
    Ok(Household {
        id,
        label,
        place_id: h.place_id.clone(),
        members: 0,
        retired: false,
        retired_reason: String::new(),
        head_person_id: None,
        head_name: String::new(),
    })
}

/// Households with their member counts, by label.
pub fn list_households(conn: &Connection) -> Result<Vec<Household>, CommunityError> {
    let mut stmt = conn.prepare(
        "SELECT h.id, h.label, h.place_id, \
           (SELECT count(*) FROM people p WHERE p.household_id = h.id AND p.deleted_at IS NULL \
              AND p.retired_at IS NULL), \
           h.retired_at IS NOT NULL, h.retired_reason, h.head_person_id, coalesce(hp.name, '') \
         FROM households h LEFT JOIN people hp ON hp.id = h.head_person_id WHERE h.deleted_at IS NULL ORDER BY h.label, h.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Household {
            id: r.get(0)?,
            label: r.get(1)?,
            place_id: r.get(2)?,
            members: r.get(3)?,
            retired: r.get(4)?,
            retired_reason: r.get(5)?,
            head_person_id: r.get(6)?,
            head_name: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
