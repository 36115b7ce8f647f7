//! `notices/`: the PDFs of the notices issued in the chosen period, reprinted from the spec each
//! was issued from (`bulletin::prepare_reprint`, which checks the bytes against the stored
//! sha256). Rendering is pure and most of an export's time when there are many notices, so a
//! batch at a time is rendered on every core; the files are written in order afterwards.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::manifest::{FileEntry, NoticesNote};
use super::sink::Sink;
use super::ArchiveError;

/// First and last day included; `None` exports every issued notice.
pub type Period = Option<(NaiveDate, NaiveDate)>;

/// Writes the period's notices into `dir/notices/`; a notice that cannot be reprinted is left
/// out and named in the note (the record itself is in `yishi.db`).
pub(crate) fn write(
    conn: &Connection,
    dir: &Path,
    sink: &mut dyn Sink,
    period: Period,
) -> Result<(Vec<FileEntry>, NoticesNote), ArchiveError> {
    let chosen: Vec<(String, String, NaiveDate)> = issued(conn)?
        .into_iter()
        .filter(|(_, _, day)| period.is_none_or(|(from, to)| (from..=to).contains(day)))
        .collect();
    let mut files = Vec::new();
    let mut failed = Vec::new();
    if !chosen.is_empty() {
        let folder = dir.join("notices");
        sink.create_dir(&folder).map_err(|e| ArchiveError::write(&folder, &e))?;
        let mut names = BTreeSet::new();
        for batch in chosen.chunks(BATCH) {
            let prepared: Vec<_> =
                batch.iter().map(|(id, _, _)| crate::bulletin::prepare_reprint(conn, id).ok()).collect();
            for ((_, title, day), pdf) in batch.iter().zip(render_all(&prepared)) {
                let Some(pdf) = pdf else {
                    failed.push(title.clone());
                    continue;
                };
                let name =
                    unique(&mut names, &format!("{}-{}", day.format("%Y%m%d"), crate::pdf::file_name_part(title)));
                files.push(super::export::put(sink, dir, &format!("notices/{name}.pdf"), &pdf)?);
            }
        }
        sink.sync_dir(&folder).map_err(|e| ArchiveError::write(&folder, &e))?;
    }
    let note = match (chosen.is_empty(), failed.is_empty()) {
        (true, _) => "所选时段内没有发布过公示。".to_string(),
        (false, true) => String::new(),
        (false, false) => {
            format!("以下公示无法按原样重新生成，未放入 notices/（记录仍在 yishi.db 中）：{}", failed.join("、"))
        }
    };
    Ok((files.clone(), NoticesNote { included: !files.is_empty(), count: files.len(), note }))
}

/// Notices rendered at once: enough to keep every core busy, few enough that their PDFs (a few
/// hundred KB each, more with a photo) stay small in memory.
const BATCH: usize = 16;

/// Renders `jobs` on up to 4 threads, each taking the next job left; `None` where a notice could
/// not be prepared or its PDF is no longer the one issued.
fn render_all(jobs: &[Option<crate::bulletin::Reprint>]) -> Vec<Option<Vec<u8>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4).min(jobs.len());
    let next = AtomicUsize::new(0);
    let done: Vec<(usize, Option<Vec<u8>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break mine };
                        mine.push((i, job.as_ref().and_then(|r| r.render().ok())));
                    }
                })
            })
            .collect();
        // A worker that panicked rendered nothing for the notices it had taken: they are left out.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    let mut out: Vec<Option<Vec<u8>>> = (0..jobs.len()).map(|_| None).collect();
    for (i, pdf) in done {
        out[i] = pdf;
    }
    out
}

/// (id, title, day issued) of every issued notice, oldest first.
fn issued(conn: &Connection) -> rusqlite::Result<Vec<(String, String, NaiveDate)>> {
    let mut stmt =
        conn.prepare("SELECT id, title, issued_at FROM notices WHERE deleted_at IS NULL ORDER BY issued_at, id")?;
    let zone = crate::community::zone(conn)?;
    let rows = stmt.query_map([], |r| {
        let day = zone.date_or_today(&r.get::<_, String>(2)?);
        Ok((r.get(0)?, r.get(1)?, day))
    })?;
    rows.collect()
}

fn unique(taken: &mut BTreeSet<String>, base: &str) -> String {
    let mut name = base.to_string();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}
