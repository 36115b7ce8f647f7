//! 物资 and 投工投劳: what residents and others gave that is not money.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::{past_day, FundsError, InKindKind, Owner, OwnerKind};
use crate::ids::{new_id, now_utc};
use crate::money::Fen;
use crate::store::{optional_day_col, parse_col};
use crate::validate::{optional_line, required_line};

/// What the form sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewInKind {
    pub kind: InKindKind,
    /// 空调 / 水泥 / 挖沟、搬运.
    pub what: String,
    /// Goods: 3台、20袋.
    #[serde(default)]
    pub quantity: String,
    /// Goods: estimated value, as typed; may be empty.
    #[serde(default)]
    pub value: String,
    /// Labour: person-days, as typed (2、2.5); required for labour.
    #[serde(default)]
    pub person_days: String,
    /// The household or person who gave it.
    #[serde(default)]
    pub given_by: String,
    #[serde(default = "yes")]
    pub given_by_public: bool,
    /// As typed; empty for none.
    #[serde(default)]
    pub given_on: String,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InKind {
    pub id: String,
    pub owner_kind: OwnerKind,
    pub owner_id: String,
    pub kind: InKindKind,
    pub kind_label: &'static str,
    pub what: String,
    pub quantity: String,
    pub value: Option<Fen>,
    /// Tenths of a person-day: 2.5 人日 is 25.
    pub person_day_tenths: Option<i64>,
    pub given_by: String,
    pub given_by_public: bool,
    pub given_on: Option<NaiveDate>,
    pub actor: String,
}

/// Records goods or labour given to a decision's project or a task.
pub fn add_in_kind(
    tx: &Transaction,
    owner: &Owner,
    new: &NewInKind,
    actor: &str,
    today: NaiveDate,
) -> Result<InKind, FundsError> {
    super::budget::check_owner(tx, owner)?;
    let what = required_line(if new.kind == InKindKind::Labour { "投工内容" } else { "物资名称" }, &new.what, 100)?;
    let quantity = optional_line("数量", &new.quantity, 30)?;
    let value = Fen::parse_optional("估计价值", &new.value)?;
    let days = match (new.kind, new.person_days.trim()) {
        (InKindKind::Labour, "") => return Err(FundsError::LabourNeedsDays),
        (_, "") => None,
        (_, typed) => Some(person_day_tenths(typed)?),
    };
    let given_by = optional_line("出物出工的住户或个人", &new.given_by, 50)?;
    let given_on = match new.given_on.trim() {
        "" => None,
        typed => Some(past_day("日期", typed, today)?),
    };
    let actor = required_line("记录人", actor, 50)?;
    let id = new_id();
    tx.execute(
        "INSERT INTO fund_in_kind (id, owner_kind, owner_id, kind, what, quantity, value_fen, person_day_tenths, \
         given_by, given_by_public, given_on, actor, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id,
            owner.kind.as_str(),
            owner.id,
            new.kind.as_str(),
            what,
            quantity,
            value.map(|f| f.0),
            days,
            given_by,
            new.given_by_public,
            given_on.map(|d| d.to_string()),
            actor,
            now_utc()
        ],
    )?;
    Ok(tx.query_row(&format!("SELECT {COLUMNS} FROM fund_in_kind WHERE id = ?1"), [&id], from_row)?)
}

/// What was given to the owner, in the order it was recorded.
pub fn in_kind(conn: &Connection, owner: &Owner) -> Result<Vec<InKind>, FundsError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM fund_in_kind WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted_at IS NULL \
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map(params![owner.kind.as_str(), owner.id], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// `2`, `2.5`, `２．５`, `2.5人日`, `3天` → tenths of a person-day; at most one decimal, at
/// most 10,000 days.
pub fn person_day_tenths(typed: &str) -> Result<i64, FundsError> {
    let bad = || FundsError::BadDays { text: typed.trim().to_string() };
    let mut s = crate::time::normalize(typed);
    for suffix in ["个工日", "工日", "人日", "人天", "天", "日", "个工", "工"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim().to_string();
            break;
        }
    }
    let tenths = crate::money::scaled(&s, 1).map_err(|_| bad())?;
    if tenths == 0 || tenths > 100_000 {
        return Err(bad());
    }
    Ok(tenths)
}

/// `25` → `2.5`, `30` → `3`.
pub fn days_words(tenths: i64) -> String {
    crate::figures::tenths_words(tenths)
}

const COLUMNS: &str = "id, owner_kind, owner_id, kind, what, quantity, value_fen, person_day_tenths, given_by, \
                       given_by_public, given_on, actor";

fn from_row(r: &Row) -> rusqlite::Result<InKind> {
    let kind = parse_col(r, 3, InKindKind::parse)?;
    Ok(InKind {
        id: r.get(0)?,
        owner_kind: parse_col(r, 1, OwnerKind::parse)?,
        owner_id: r.get(2)?,
        kind,
        kind_label: kind.label(),
        what: r.get(4)?,
        quantity: r.get(5)?,
        value: r.get::<_, Option<i64>>(6)?.map(Fen),
        person_day_tenths: r.get(7)?,
        given_by: r.get(8)?,
        given_by_public: r.get(9)?,
        given_on: optional_day_col(r, 10)?,
        actor: r.get(11)?,
    })
}
