//! Answering a query: FTS5 matches, a check in Rust where a match alone is not exact, ordering
//! (exact phrase first, then newest) and one page of hits with snippets.
//!
//! Three paths, cheapest first:
//! - one plain term (`车库`, `3号楼`): the FTS match is the answer; the page is read newest first
//!   straight off the index;
//! - several plain terms (`车库 照明`): the FTS match is the hit set; only candidates for the exact
//!   phrase, which rank first, have their text checked;
//! - anything with punctuation (`车库，照明`): every candidate's text is checked.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::index::{date_of, day_range};
use super::matcher::check;
use super::query::{plan, Plan};
use super::snippet;
use super::{DocKind, SearchError, SearchHit, SearchQuery, SearchResults};

/// Row ids (id, exact phrase) of one page, and the number of hits in all.
type Page = (usize, Vec<(i64, bool)>);

/// The documents matching `q`, exact-phrase hits first, then newest first.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResults, SearchError> {
    let Some(plan) = plan(&q.text) else {
        return Ok(SearchResults::default());
    };
    let Some(ids) = year_ids(q.year) else {
        return Ok(SearchResults::default());
    };
    let (total, page) = match (plan.terms_exact, plan.single_term()) {
        (true, true) => plain_page(conn, &plan.terms_expr(&q.kinds), ids, q)?,
        (true, false) => ranked_page(conn, &plan, ids, q)?,
        (false, _) => checked_page(conn, &plan, ids, q)?,
    };
    let hits = page.into_iter().map(|(id, exact)| load_hit(conn, &plan, id, exact)).collect::<Result<_, _>>()?;
    Ok(SearchResults { total, hits })
}

/// The row-id range of a year (see `index`), every row id without one, `None` for a year no
/// record can have.
fn year_ids(year: Option<i32>) -> Option<(i64, i64)> {
    let Some(year) = year else {
        return Some((i64::MIN, i64::MAX));
    };
    let first_id = |y: i32| day_range(NaiveDate::from_ymd_opt(y, 1, 1)?).ok().map(|r| r.0);
    Some((first_id(year)?, first_id(year.checked_add(1)?)? - 1))
}

fn plain_page(conn: &Connection, expr: &str, ids: (i64, i64), q: &SearchQuery) -> Result<Page, SearchError> {
    let page = newest(conn, expr, ids, &HashSet::new(), q.offset, q.limit)?;
    Ok((count(conn, expr, ids)?, page.into_iter().map(|id| (id, true)).collect()))
}

fn ranked_page(conn: &Connection, plan: &Plan, ids: (i64, i64), q: &SearchQuery) -> Result<Page, SearchError> {
    let exact: Vec<i64> = checked(conn, plan, &plan.phrase_expr(&q.kinds), ids)?
        .into_iter()
        .filter_map(|(id, exact)| exact.then_some(id))
        .collect();
    let mut page: Vec<(i64, bool)> = exact.iter().skip(q.offset).take(q.limit).map(|&id| (id, true)).collect();
    let expr = plan.terms_expr(&q.kinds);
    let skip = q.offset.saturating_sub(exact.len());
    let exclude: HashSet<i64> = exact.into_iter().collect();
    let rest = newest(conn, &expr, ids, &exclude, skip, q.limit - page.len())?;
    page.extend(rest.into_iter().map(|id| (id, false)));
    Ok((count(conn, &expr, ids)?, page))
}

fn checked_page(conn: &Connection, plan: &Plan, ids: (i64, i64), q: &SearchQuery) -> Result<Page, SearchError> {
    let mut found = checked(conn, plan, &plan.terms_expr(&q.kinds), ids)?;
    // Stable: within each group the newest-first order of the scan stays.
    found.sort_by_key(|&(_, exact)| !exact);
    Ok((found.len(), found.into_iter().skip(q.offset).take(q.limit).collect()))
}

fn count(conn: &Connection, expr: &str, (lo, hi): (i64, i64)) -> Result<usize, SearchError> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3")?
        .query_row(params![expr, lo, hi], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Matching row ids newest first, leaving out `exclude`, skipping `skip`, at most `take`.
/// Streams off the index, so a first page costs only its own rows.
fn newest(
    conn: &Connection,
    expr: &str,
    (lo, hi): (i64, i64),
    exclude: &HashSet<i64>,
    skip: usize,
    take: usize,
) -> Result<Vec<i64>, SearchError> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 \
         ORDER BY rowid DESC",
    )?;
    let mut rows = stmt.query(params![expr, lo, hi])?;
    let mut out = Vec::new();
    let mut skipped = 0;
    while out.len() < take {
        let Some(row) = rows.next()? else { break };
        let id: i64 = row.get(0)?;
        if exclude.contains(&id) {
            continue;
        }
        if skipped < skip {
            skipped += 1;
        } else {
            out.push(id);
        }
    }
    Ok(out)
}

/// The candidates of `expr` whose text holds every term, newest first, with whether they hold
/// the exact phrase. Reads each candidate's text.
fn checked(conn: &Connection, plan: &Plan, expr: &str, (lo, hi): (i64, i64)) -> Result<Vec<(i64, bool)>, SearchError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.body FROM search_fts f JOIN search_docs d ON d.id = f.rowid \
         WHERE search_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3 ORDER BY f.rowid DESC",
    )?;
    let mut rows = stmt.query(params![expr, lo, hi])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let (title, body): (String, String) = (row.get(1)?, row.get(2)?);
        let (hit, exact) = check(&plan.terms, &plan.phrase, &title, &body);
        if hit {
            found.push((row.get(0)?, exact));
        }
    }
    Ok(found)
}

fn load_hit(conn: &Connection, plan: &Plan, id: i64, exact: bool) -> Result<SearchHit, SearchError> {
    let (kind, record_id, title, body): (String, String, String, String) = conn
        .prepare_cached("SELECT kind, record_id, title, body FROM search_docs WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let kind = DocKind::parse(&kind).ok_or_else(|| SearchError::Corrupt(kind.clone()))?;
    let date = date_of(id).ok_or_else(|| SearchError::Corrupt(id.to_string()))?;
    let mut needles = vec![plan.phrase.clone()];
    needles.extend(plan.terms.iter().cloned());
    let (snippet, highlights) = snippet::make(&body, &needles);
    Ok(SearchHit { kind, record_id, title, date, snippet, highlights, exact_phrase: exact })
}
