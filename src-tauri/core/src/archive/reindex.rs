//! Rebuilding the search index from the records, after an import or a restore.
//!
//! The index is derived data: after a merge the documents of records from both sides must be
//! the ones the domain modules would have written. Each kind below builds its document the way
//! its module does when it writes (same title, body and date) — task notes and evaluations by
//! calling their module's `search_docs`; `tests` compares a rebuilt index
//! with the one live writes produced. Kinds no module here can rebuild yet (conventions,
//! notices) are carried over as indexed, the newer copy when an archive is attached.

use rusqlite::{Connection, Transaction};

use super::ArchiveError;
use crate::error::UserFacing;
use crate::{evaluations, followup, topics};
use crate::decisions::TaskMode;
use crate::search::{self, DocKind, SearchDoc};
use crate::time::Zone;

/// Empties the search index and fills it from the records; returns the number of documents.
pub fn reindex(tx: &Transaction) -> Result<usize, ArchiveError> {
    let with_incoming = attached(tx, "inc")?;
    let zone = crate::community::zone(tx)?;
    let mut docs = Vec::new();
    let all_topics = topics::list(tx, &topics::TopicFilter::default()).map_err(|e| ArchiveError::Rebuild(e.message()))?;
    docs.extend(all_topics.iter().map(|t| topics::search_doc(zone, t)));
    docs.extend(minutes(tx, zone)?);
    docs.extend(decisions(tx, zone)?);
    // Task notes and evaluations: their own modules say how they are indexed.
    docs.extend(followup::search_docs(tx).map_err(|e| ArchiveError::Rebuild(e.message()))?);
    docs.extend(evaluations::search_docs(tx).map_err(|e| ArchiveError::Rebuild(e.message()))?);
    docs.extend(carried_over(tx, with_incoming, zone)?);
    Ok(search::rebuild(tx, docs)?)
}

fn attached(conn: &Connection, schema: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM pragma_database_list WHERE name = ?1)", [schema], |r| r.get(0))
}

fn collect(
    conn: &Connection,
    sql: &str,
    doc: impl Fn(&rusqlite::Row) -> rusqlite::Result<SearchDoc>,
) -> rusqlite::Result<Vec<SearchDoc>> {
    let mut stmt = conn.prepare(sql)?;
    let docs = stmt.query_map([], |r| doc(r))?.collect();
    docs
}



/// As `minutes::save`: one document per agenda item.
fn minutes(conn: &Connection, zone: Zone) -> rusqlite::Result<Vec<SearchDoc>> {
    collect(
        conn,
        "SELECT a.id, a.title, n.text, m.starts_at FROM main.minutes n \
         JOIN main.agenda_items a ON a.id = n.agenda_item_id JOIN main.meetings m ON m.id = a.meeting_id \
         WHERE n.deleted_at IS NULL",
        |r| {
            Ok(SearchDoc {
                kind: DocKind::Minutes,
                record_id: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
                date: zone.date_or_today(&r.get::<_, String>(3)?),
            })
        },
    )
}

/// As `decisions::search_doc`: the text, then one line per task.
fn decisions(conn: &Connection, zone: Zone) -> rusqlite::Result<Vec<SearchDoc>> {
    let mut docs = collect(
        conn,
        "SELECT d.id, a.title, d.text, m.starts_at FROM main.decisions d \
         JOIN main.agenda_items a ON a.id = d.agenda_item_id JOIN main.meetings m ON m.id = a.meeting_id \
         WHERE d.deleted_at IS NULL",
        |r| {
            Ok(SearchDoc {
                kind: DocKind::Decision,
                record_id: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
                date: zone.date_or_today(&r.get::<_, String>(3)?),
            })
        },
    )?;
    let mut stmt = conn.prepare(
        "SELECT title, mode, responsible_unit FROM main.tasks WHERE decision_id = ?1 AND deleted_at IS NULL \
         ORDER BY created_at, id",
    )?;
    for doc in &mut docs {
        let mut rows = stmt.query([&doc.record_id])?;
        while let Some(r) = rows.next()? {
            let (title, mode, unit): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let mode = TaskMode::parse(&mode).map(TaskMode::label).unwrap_or("");
            doc.body.push_str(&format!("\n{title}（{mode}，{unit}）"));
        }
    }
    Ok(docs)
}

/// As `followup::search_doc`.
/// Conventions and notices as indexed; with an archive attached, the copy indexed later wins.
fn carried_over(conn: &Connection, with_incoming: bool, zone: Zone) -> rusqlite::Result<Vec<SearchDoc>> {
    let kinds = "('convention', 'notice')";
    let sql = if with_incoming {
        format!(
            "SELECT kind, record_id, title, body, date FROM ( \
               SELECT *, row_number() OVER (PARTITION BY kind, record_id ORDER BY updated_at DESC) AS n FROM ( \
                 SELECT kind, record_id, title, body, date, updated_at FROM main.search_docs WHERE kind IN {kinds} \
                 UNION ALL \
                 SELECT kind, record_id, title, body, date, updated_at FROM inc.search_docs WHERE kind IN {kinds})) \
             WHERE n = 1"
        )
    } else {
        format!("SELECT kind, record_id, title, body, date FROM main.search_docs WHERE kind IN {kinds}")
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(0)?;
        Ok(DocKind::parse(&kind).map(|kind| -> rusqlite::Result<SearchDoc> {
            Ok(SearchDoc { kind, record_id: r.get(1)?, title: r.get(2)?, body: r.get(3)?, date: zone.date_or_today(&r.get::<_, String>(4)?) })
        }))
    })?;
    let mut docs = Vec::new();
    for row in rows {
        if let Some(doc) = row? {
            docs.push(doc?);
        }
    }
    Ok(docs)
}
