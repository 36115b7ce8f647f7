//! Answering a query from the index alone: FTS5 matches are exactly the hits (see `tokenize`),
//! ordered exact phrase first, then newest, one page of hits with snippets.
//!
//! - one term (`车库`, `3号楼`, `车库，`): every hit is an exact-phrase hit; the page is read
//!   newest first straight off the index;
//! - several terms (`车库 照明`): the hits of the whole phrase first, then the others
//!   (`terms NOT phrase`), each newest first.
//!
//! No hit's text is read until its snippet is made, so a query costs its page, not its matches.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::index::{date_of, day_range};
use super::query::{plan, Plan};
use super::snippet;
use super::{DocKind, SearchError, SearchHit, SearchQuery, SearchResults};

/// The number of hits in all (at most [`COUNT_CAP`], and whether there are more), and the row
/// ids (id, exact phrase) of one page.
type Page = ((usize, bool), Vec<(i64, bool)>);

/// Hits are counted up to this many; beyond it the search box says “超过 1000 条”. Counting every one of
/// 99,000 matches costs 30–90 ms, and nobody pages that far: she adds a word instead.
pub const COUNT_CAP: usize = 1000;

/// The documents matching `q`, exact-phrase hits first, then newest first.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchResults, SearchError> {
    let Some(plan) = plan(&q.text) else {
        return Ok(SearchResults::default());
    };
    let Some(ids) = year_ids(q.year) else {
        return Ok(SearchResults::default());
    };
    let ((total, more), page) = if plan.single_term() {
        plain_page(conn, &plan.terms_expr(&q.kinds), ids, q)?
    } else {
        ranked_page(conn, &plan, ids, q)?
    };
    let hits = page.into_iter().map(|(id, exact)| load_hit(conn, &plan, id, exact)).collect::<Result<_, _>>()?;
    Ok(SearchResults { total, more, hits })
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
    let page = newest(conn, expr, ids, q.offset, q.limit)?;
    Ok((count(conn, expr, ids, COUNT_CAP)?, page.into_iter().map(|id| (id, true)).collect()))
}

fn ranked_page(conn: &Connection, plan: &Plan, ids: (i64, i64), q: &SearchQuery) -> Result<Page, SearchError> {
    let phrase = plan.phrase_expr(&q.kinds);
    let terms = plan.terms_expr(&q.kinds);
    // Exact only up to the end of this page: past it the page is all exact hits anyway.
    let (exact_total, _) = count(conn, &phrase, ids, q.offset + q.limit)?;
    let exact = newest(conn, &phrase, ids, q.offset, q.limit)?;
    let mut page: Vec<(i64, bool)> = exact.into_iter().map(|id| (id, true)).collect();
    let skip = q.offset.saturating_sub(exact_total);
    let rest = newest(conn, &format!("({terms}) NOT ({phrase})"), ids, skip, q.limit - page.len())?;
    page.extend(rest.into_iter().map(|id| (id, false)));
    Ok((count(conn, &terms, ids, COUNT_CAP)?, page))
}

/// How many rows match, counting no further than `cap` (a count walks every match; past the
/// cap it would cost more than the page). `(cap, true)` means “more than cap”.
fn count(conn: &Connection, expr: &str, (lo, hi): (i64, i64), cap: usize) -> Result<(usize, bool), SearchError> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 \
             AND rowid BETWEEN ?2 AND ?3 LIMIT ?4)",
        )?
        .query_row(params![expr, lo, hi, cap.saturating_add(1) as i64], |r| r.get(0))?;
    let n = usize::try_from(n).unwrap_or(0);
    Ok((n.min(cap), n > cap))
}

/// Matching row ids newest first, skipping `skip`, at most `take`. Streams off the index, so a
/// first page costs only its own rows.
fn newest(
    conn: &Connection,
    expr: &str,
    (lo, hi): (i64, i64),
    skip: usize,
    take: usize,
) -> Result<Vec<i64>, SearchError> {
    if take == 0 {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 \
         ORDER BY rowid DESC LIMIT ?4 OFFSET ?5",
    )?;
    let rows = stmt.query_map(params![expr, lo, hi, take as i64, skip as i64], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
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
