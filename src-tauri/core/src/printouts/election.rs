//! 选举结果公示 for an election id.

use rusqlite::Connection;

use super::common::{exists, issuer, one, public_masking, tidy};
use super::meeting::meeting_row;
use super::{LoadError, LoadOptions};
use crate::elections::{self, ElectionError};
use crate::error::UserFacing;
use crate::notices::{ElectionNotice, ElectionRow};

/// Days residents have to object to an election result.
const OBJECTION_DAYS: u32 = 7;

pub fn election(conn: &Connection, id: &str, opts: &LoadOptions) -> Result<ElectionNotice, LoadError> {
    if !exists(conn, "elections", id)? {
        return Err(LoadError::NotFound { what: "选举", id: id.to_string() });
    }
    let e = elections::get(conn, id).map_err(|e| match e {
        ElectionError::Db(e) => LoadError::Db(e),
        other => LoadError::Damaged { what: "选举", detail: other.message() },
    })?;
    let sql = "SELECT meeting_id FROM agenda_items WHERE id = ?1";
    let meeting_id: String = one(conn, sql, &e.agenda_item_id, "议程", |r| r.get(0))?;
    let m = meeting_row(conn, &meeting_id)?;
    let candidates = e
        .candidates
        .iter()
        .map(|c| ElectionRow { name: c.name.clone(), votes: c.votes, elected: c.elected, tied: c.tied })
        .collect();
    Ok(ElectionNotice {
        paper: opts.paper,
        role: e.role,
        meeting_kind: m.title,
        held_at: m.starts_at,
        place: m.place,
        seats: e.seats,
        present: e.present,
        method: e.method.label().to_string(),
        rule: e.rule.label().to_string(),
        candidates,
        result: tidy(&e.explanation),
        term_from: e.term_from,
        term_to: e.term_to,
        objection_days: OBJECTION_DAYS,
        issuer: issuer(conn)?,
        date: opts.today,
        masking: public_masking(conn, opts, false)?,
        qr: super::common::feedback_qr(conn, opts)?,
        wording: crate::notices::Wording::CURRENT,
    })
}
