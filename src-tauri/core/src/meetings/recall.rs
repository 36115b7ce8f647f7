//! A topic's +N remembered: the stakeholders invited for a topic at earlier meetings are invited
//! again when it returns to a meeting's agenda (the garage that took three meetings keeps its
//! developer and the residents of the floor). Nothing new is stored: they are the topic's
//! earlier `meeting_participants` rows of kind `stakeholder`.

use rusqlite::{Connection, Transaction};

use super::{invite_stakeholder, MeetingError, Participant};

/// The roster people invited for `topic_id` at any other meeting, first invited first; people
/// since deleted or retired are left out.
pub fn past_stakeholders(conn: &Connection, topic_id: &str, meeting_id: &str) -> Result<Vec<String>, MeetingError> {
    let mut stmt = conn.prepare(
        "SELECT mp.person_id FROM meeting_participants mp JOIN people p ON p.id = mp.person_id \
         WHERE mp.topic_id = ?1 AND mp.meeting_id <> ?2 AND mp.kind = 'stakeholder' AND mp.deleted_at IS NULL \
           AND p.deleted_at IS NULL AND p.retired_at IS NULL \
         GROUP BY mp.person_id ORDER BY min(mp.created_at), mp.person_id",
    )?;
    let rows = stmt.query_map([topic_id, meeting_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Invites again, for this meeting, everyone who was a stakeholder of the topic before; the topic
/// must be on the agenda. Returns those invited (someone already on the list keeps their row).
pub fn invite_past_stakeholders(
    tx: &Transaction,
    meeting_id: &str,
    topic_id: &str,
) -> Result<Vec<Participant>, MeetingError> {
    let people = past_stakeholders(tx, topic_id, meeting_id)?;
    people.iter().map(|person| invite_stakeholder(tx, meeting_id, person, topic_id)).collect()
}
