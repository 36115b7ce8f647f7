//! Merging an archive's records into the local database, row by row, matched by id.
//!
//! Rules (one transaction, the incoming snapshot attached as schema `inc`):
//! - a row only the archive has is added; a row both have takes the side with the newer
//!   `updated_at` (text comparison of UTC RFC 3339 with milliseconds); equal rows are unchanged;
//! - the same `updated_at` with different content keeps the local row and lists a conflict;
//! - minutes are matched by agenda item too (each laptop creates its own minutes row the first
//!   time someone types), and the losing text of a minutes changed on both sides is kept as an
//!   `import_conflict` revision and listed — unless the winner's history already holds that very
//!   text (then one side simply continued from the other and nothing is lost);
//! - a new row that clashes with a local one on another unique key (same household voting twice
//!   in one vote, same version number of a convention) keeps the local row and is listed.
//!
//! Importing the same archive again finds every row equal (or already kept) and changes nothing.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::domain_tables;
use crate::ids::{new_id, now_utc};
use crate::minutes::RevisionReason;

/// What an import changes (or, in a dry run, would change) in one table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableSummary {
    pub table: String,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// A record both sides changed; what was kept is said in `what`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub table: String,
    pub id: String,
    pub what: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub community: String,
    /// When the archive was made (UTC RFC 3339).
    pub archive_created_at: String,
    /// Tables in which something is new or updated (tables with nothing to do are left out).
    pub tables: Vec<TableSummary>,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    /// False for a dry run.
    pub applied: bool,
    /// The local backup taken just before the merge.
    pub backup: Option<String>,
}

impl ImportSummary {
    /// Whether the merge wrote anything (and so the search index must follow).
    pub fn changes_anything(&self) -> bool {
        self.new + self.updated > 0 || !self.conflicts.is_empty()
    }
}

/// The losing text of a minutes, to keep once every revision has been merged.
struct Loser {
    minutes_id: String,
    text: String,
}

pub(crate) fn merge(tx: &Transaction) -> rusqlite::Result<ImportSummary> {
    // Rows arrive table by table; references are checked once, at commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut summary = ImportSummary::default();
    let mut remap: HashMap<String, String> = HashMap::new();
    let mut losers = Vec::new();
    for table in domain_tables(tx, "main")? {
        let t = if table == "minutes" {
            merge_minutes(tx, &mut remap, &mut losers, &mut summary.conflicts)?
        } else {
            merge_table(tx, &table, &remap, &mut summary.conflicts)?
        };
        summary.new += t.new;
        summary.updated += t.updated;
        summary.unchanged += t.unchanged;
        if t.new + t.updated > 0 {
            summary.tables.push(t);
        }
    }
    keep_losers(tx, losers, &mut summary.conflicts)?;
    Ok(summary)
}

fn columns(tx: &Transaction, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid")?;
    let cols = stmt.query_map([table], |r| r.get(0))?.collect();
    cols
}

fn merge_table(
    tx: &Transaction,
    table: &str,
    remap: &HashMap<String, String>,
    conflicts: &mut Vec<Conflict>,
) -> rusqlite::Result<TableSummary> {
    let cols = columns(tx, table)?;
    // Qualified, so a column the archive lacks is an error, never SQLite's fallback of reading
    // an unknown "name" as the string 'name' (the schema was checked before; this is the guard).
    let qualified = cols.iter().map(|c| format!("i.\"{c}\"")).collect::<Vec<_>>().join(", ");
    let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let id_at = col_index(&cols, "id");
    let updated_at = col_index(&cols, "updated_at");
    // minutes_revisions point at minutes, whose ids may have been matched to local ones.
    let remapped = (table == "minutes_revisions").then(|| col_index(&cols, "minutes_id"));
    let marks = vec!["?"; cols.len()].join(", ");
    let sets = cols.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 1)).collect::<Vec<_>>().join(", ");
    let mut read_in = tx.prepare(&format!("SELECT {qualified} FROM inc.\"{table}\" AS i ORDER BY i.rowid"))?;
    let local_list = qualified.replace("i.\"", "l.\"");
    let mut read_local = tx.prepare(&format!("SELECT {local_list} FROM main.\"{table}\" AS l WHERE l.id = ?1"))?;
    let mut insert = tx.prepare(&format!("INSERT OR IGNORE INTO main.\"{table}\" ({list}) VALUES ({marks})"))?;
    let mut update = tx.prepare(&format!("UPDATE OR IGNORE main.\"{table}\" SET {sets} WHERE id = ?{}", id_at + 1))?;
    let mut summary = TableSummary { table: table.to_string(), ..TableSummary::default() };
    let mut rows = read_in.query([])?;
    while let Some(r) = rows.next()? {
        let mut row: Vec<Value> = (0..cols.len()).map(|i| r.get(i)).collect::<Result<_, _>>()?;
        if let Some(i) = remapped {
            if let Value::Text(id) = &row[i] {
                if let Some(local) = remap.get(id) {
                    row[i] = Value::Text(local.clone());
                }
            }
        }
        let id = text(&row[id_at]);
        if table == "app_settings" && super::passphrase::is_laptop_key(&id) {
            // Another laptop's passphrase (or backup switch) never replaces this one's.
            continue;
        }
        let local: Option<Vec<Value>> =
            read_local.query_row([&id], |l| (0..cols.len()).map(|i| l.get(i)).collect()).optional()?;
        match local {
            None if insert.execute(rusqlite::params_from_iter(&row))? == 1 => summary.new += 1,
            None => conflicts.push(Conflict {
                table: table.into(),
                id,
                what: "本机已有一条相同内容的记录（编号不同），保留本机的".into(),
            }),
            Some(l) if l == row => summary.unchanged += 1,
            Some(l) => match text(&row[updated_at]).cmp(&text(&l[updated_at])) {
                std::cmp::Ordering::Greater if update.execute(rusqlite::params_from_iter(&row))? == 1 => {
                    summary.updated += 1
                }
                std::cmp::Ordering::Greater => conflicts.push(Conflict {
                    table: table.into(),
                    id,
                    what: "归档中的版本与本机另一条记录冲突，保留本机的".into(),
                }),
                std::cmp::Ordering::Equal => conflicts.push(Conflict {
                    table: table.into(),
                    id,
                    what: "两边修改时间相同但内容不同，保留本机的".into(),
                }),
                // The local row is newer: it stays.
                std::cmp::Ordering::Less => summary.unchanged += 1,
            },
        }
    }
    Ok(summary)
}

fn col_index(cols: &[String], name: &str) -> usize {
    cols.iter().position(|c| c == name).unwrap_or(0)
}

fn text(v: &Value) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        _ => String::new(),
    }
}

/// One side's minutes of an agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Side {
    id: String,
    agenda_item_id: String,
    text: String,
    save_count: i64,
    created_at: String,
    updated_at: String,
    deleted_at: Option<String>,
}

const MINUTES_COLS: &str = "id, agenda_item_id, text, save_count, created_at, updated_at, deleted_at";

fn side(r: &rusqlite::Row) -> rusqlite::Result<Side> {
    Ok(Side {
        id: r.get(0)?,
        agenda_item_id: r.get(1)?,
        text: r.get(2)?,
        save_count: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
        deleted_at: r.get(6)?,
    })
}

fn merge_minutes(
    tx: &Transaction,
    remap: &mut HashMap<String, String>,
    losers: &mut Vec<Loser>,
    conflicts: &mut Vec<Conflict>,
) -> rusqlite::Result<TableSummary> {
    let mut summary = TableSummary { table: "minutes".into(), ..TableSummary::default() };
    let incoming: Vec<Side> = tx
        .prepare(&format!("SELECT {MINUTES_COLS} FROM inc.minutes ORDER BY rowid"))?
        .query_map([], side)?
        .collect::<Result<_, _>>()?;
    for inc in incoming {
        let local = tx
            .query_row(
                &format!(
                    "SELECT {MINUTES_COLS} FROM main.minutes WHERE id = ?1 OR agenda_item_id = ?2 \
                          ORDER BY id = ?1 DESC LIMIT 1"
                ),
                params![inc.id, inc.agenda_item_id],
                side,
            )
            .optional()?;
        let Some(local) = local else {
            insert_minutes(tx, &inc)?;
            summary.new += 1;
            continue;
        };
        if local.agenda_item_id != inc.agenda_item_id {
            // Same id, another agenda item: not something this app writes; keep ours.
            conflicts.push(Conflict {
                table: "minutes".into(),
                id: inc.id,
                what: "会议记录编号冲突，保留本机的".into(),
            });
            continue;
        }
        if local.id != inc.id {
            remap.insert(inc.id.clone(), local.id.clone());
        }
        let incoming_wins = inc.updated_at > local.updated_at;
        if inc.text != local.text {
            let loser = if incoming_wins { &local.text } else { &inc.text };
            if !loser.is_empty() {
                losers.push(Loser { minutes_id: local.id.clone(), text: loser.clone() });
            }
        }
        if incoming_wins
            && (inc.text != local.text || inc.save_count != local.save_count || inc.deleted_at != local.deleted_at)
        {
            tx.execute(
                "UPDATE main.minutes SET text = ?2, save_count = ?3, updated_at = ?4, deleted_at = ?5 WHERE id = ?1",
                params![local.id, inc.text, inc.save_count, inc.updated_at, inc.deleted_at],
            )?;
            summary.updated += 1;
        } else {
            summary.unchanged += 1;
        }
    }
    Ok(summary)
}

fn insert_minutes(tx: &Transaction, m: &Side) -> rusqlite::Result<()> {
    tx.execute(
        &format!("INSERT INTO main.minutes ({MINUTES_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![m.id, m.agenda_item_id, m.text, m.save_count, m.created_at, m.updated_at, m.deleted_at],
    )?;
    Ok(())
}

/// Keeps each losing minutes text as a revision unless the merged history already has it.
fn keep_losers(tx: &Transaction, losers: Vec<Loser>, conflicts: &mut Vec<Conflict>) -> rusqlite::Result<()> {
    for l in losers {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM main.minutes_revisions WHERE minutes_id = ?1 AND text = ?2)",
            params![l.minutes_id, l.text],
            |r| r.get(0),
        )?;
        if known {
            continue;
        }
        let now = now_utc();
        tx.execute(
            "INSERT INTO main.minutes_revisions (id, minutes_id, text, reason, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![new_id(), l.minutes_id, l.text, RevisionReason::ImportConflict.as_str(), now],
        )?;
        let title: String = tx
            .query_row(
                "SELECT a.title FROM main.minutes m JOIN main.agenda_items a ON a.id = m.agenda_item_id WHERE m.id = ?1",
                [&l.minutes_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default();
        conflicts.push(Conflict {
            table: "minutes".into(),
            id: l.minutes_id,
            what: format!(
                "“{title}”的会议记录两台电脑都改过：保留较新的一份，另一份存为“{}”",
                RevisionReason::ImportConflict.label()
            ),
        });
    }
    Ok(())
}
