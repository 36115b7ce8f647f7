//! `notices/`: the PDFs of the notices issued in the chosen period, reprinted from the spec each
//! was issued from (`bulletin::prepare_reprint`, which checks the bytes against the stored
//! sha256). Rendering is pure and most of an export's time when there are many notices, so a
//! batch at a time is rendered on every core; the files are written in order afterwards. An
//! issued notice never changes (a correction is a new notice), so its PDF is kept in a
//! [`Cache`] beside the database and the next export copies it instead of rendering it again.

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
    cache: &Cache,
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
            for ((_, title, day), pdf) in batch.iter().zip(render_all(&prepared, cache)) {
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
    if period.is_none() {
        cache.keep_only(&issued_sha256(conn)?);
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
fn render_all(jobs: &[Option<crate::bulletin::Reprint>], cache: &Cache) -> Vec<Option<Vec<u8>>> {
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
                        mine.push((i, job.as_ref().and_then(|r| cache.get_or_render(r))));
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

/// The issued PDFs an earlier export rendered, by sha256, in a hidden folder beside the
/// database (`.notice-cache/<sha256>.pdf`). Only ever a shortcut: a file is used only when its
/// bytes hash to the sha256 stored with the notice, and a cache that cannot be read or written
/// (a read-only folder, a full disk) just means rendering as before.
pub(crate) struct Cache {
    dir: Option<std::path::PathBuf>,
}

impl Cache {
    /// The cache of the database whose snapshot is at `snapshot` (same folder).
    pub(crate) fn beside(snapshot: &Path) -> Cache {
        Cache { dir: snapshot.parent().map(|d| d.join(".notice-cache")) }
    }

    /// The issued PDF of `reprint`: from the cache when it holds the very bytes, else rendered
    /// (and then kept for the next export); `None` when it cannot be reprinted as issued.
    fn get_or_render(&self, reprint: &crate::bulletin::Reprint) -> Option<Vec<u8>> {
        let sha256 = reprint.sha256();
        let path = self.dir.as_ref().map(|d| d.join(format!("{sha256}.pdf")));
        if let Some(bytes) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
            if crate::bulletin::sha256_hex(&bytes) == sha256 {
                return Some(bytes);
            }
        }
        let pdf = reprint.render().ok()?;
        if let (Some(dir), Some(path)) = (&self.dir, &path) {
            // Best effort, and whole or not at all: written aside, then renamed into place.
            let aside = dir.join(format!(".{sha256}.part"));
            let kept = std::fs::create_dir_all(dir)
                .and_then(|()| std::fs::write(&aside, &pdf))
                .and_then(|()| std::fs::rename(&aside, path));
            if kept.is_err() {
                let _ = std::fs::remove_file(&aside);
            }
        }
        Some(pdf)
    }

    /// Removes the PDFs of notices no longer issued (deleted, or a damaged file's leftovers).
    fn keep_only(&self, issued: &BTreeSet<String>) {
        let Some(entries) = self.dir.as_ref().and_then(|d| std::fs::read_dir(d).ok()) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.strip_suffix(".pdf").is_some_and(|sha| issued.contains(sha)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn issued_sha256(conn: &Connection) -> rusqlite::Result<BTreeSet<String>> {
    let mut stmt = conn.prepare("SELECT pdf_sha256 FROM notices WHERE deleted_at IS NULL")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
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
