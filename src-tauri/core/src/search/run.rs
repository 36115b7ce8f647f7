//! Answering a query: the FTS5 match, a check in Rust where the match alone is not exact,
//! ordering (exact phrase first, then newest) and one page of hits with snippets.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::index::{date_of, day_range};
use super::matcher::check;
use super::query::{plan, Plan};
use super::snippet;
use super::{DocKind, SearchError, SearchHit, SearchQuery, SearchResults};

/// The documents matching `q`, exact-phrase hits first, then newest first.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResults, SearchError> {
    let Some(plan) = plan(&q.text) else {
        return Ok(SearchResults::default());
    };
    let Some(ids) = year_ids(q.year) else {
        return Ok(SearchResults::default());
    };
    let expr = plan.match_expr(&q.kinds);
    let (total, page) = if plan.fts_is_exact {
        exact_page(conn, &expr, ids, q)?
    } else {
        checked_page(conn, &plan, &expr, ids, q)?
    };
    let hits = page
        .into_iter()
        .map(|(id, exact)| load_hit(conn, &plan, id, exact))
        .collect::<Result<_, _>>()?;
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

/// The FTS match is the answer: count it, and read one page newest first straight off the index.
fn exact_page(
    conn: &Connection,
    expr: &str,
    (lo, hi): (i64, i64),
    q: &SearchQuery,
) -> Result<(usize, Vec<(i64, bool)>), SearchError> {
    let total: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
        )?
        .query_row(params![expr, lo, hi], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 \
         ORDER BY rowid DESC LIMIT ?4 OFFSET ?5",
    )?;
    let page = stmt
        .query_map(params![expr, lo, hi, as_i64(q.limit), as_i64(q.offset)], |r| {
            Ok((r.get::<_, i64>(0)?, true))
        })?
        .collect::<Result<_, _>>()?;
    Ok((usize::try_from(total).unwrap_or(0), page))
}

/// The FTS match is a superset (several runs or terms): check every candidate's text, then
/// order exact-phrase hits first. Costs a read of each candidate, so only for such queries.
fn checked_page(
    conn: &Connection,
    plan: &Plan,
    expr: &str,
    (lo, hi): (i64, i64),
    q: &SearchQuery,
) -> Result<(usize, Vec<(i64, bool)>), SearchError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.body FROM search_fts f JOIN search_docs d ON d.id = f.rowid \
         WHERE search_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3 ORDER BY f.rowid DESC",
    )?;
    let mut rows = stmt.query(params![expr, lo, hi])?;
    let mut found: Vec<(i64, bool)> = Vec::new();
    while let Some(row) = rows.next()? {
        let (title, body): (String, String) = (row.get(1)?, row.get(2)?);
        let (hit, exact) = check(&plan.terms, &plan.phrase, &title, &body);
        if hit {
            found.push((row.get(0)?, exact));
        }
    }
    // Stable: within each group the newest-first order of the scan stays.
    found.sort_by_key(|&(_, exact)| !exact);
    let total = found.len();
    Ok((total, found.into_iter().skip(q.offset).take(q.limit).collect()))
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

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
