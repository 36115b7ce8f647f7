//! Export with verify on a 10-year database (issue 8): target ≤ 5 s; reports the archive size.
//!
//! The database: the demo community (one year) copied 100 times — 10 years at 10× the demo's
//! yearly volume — with every id and reference suffixed and every date moved back by the copy's
//! year, the minutes lengthened to realistic texts (~3,000 characters per agenda item, the
//! demo's are ~100), one photo (150 KB, incompressible like a JPEG) for every tenth topic, and
//! the search index rebuilt over all of it. Built once and cached under
//! target/bench-archive/ (delete it to rebuild).
//!
//! Run: `cargo bench -p yishi-core --bench archive`

#[path = "../tests/search_corpus/mod.rs"]
#[allow(dead_code)] // only its Rng is used here
mod corpus;
#[path = "../tests/minutes_text/mod.rs"]
#[allow(dead_code)]
mod minutes_text;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus::Rng;
use rusqlite::Connection;
use yishi_core::archive;
use yishi_core::store::Store;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const COPIES: usize = 100;
const COPIES_PER_YEAR: usize = 10;
const MINUTES_CHARS: usize = 3_000;
const PHOTO_BYTES: usize = 150 * 1024;
const RUNS: usize = 5;
/// Tables that hold one row per community, not per year.
const SINGLE: &[&str] = &["community_settings", "app_settings"];

fn main() -> Res<()> {
    let db = ten_year_db()?;
    // The first export of this run renders every notice; the later ones reuse its PDFs.
    if let Some(dir) = db.parent() {
        let _ = std::fs::remove_dir_all(dir.join(".notice-cache"));
    }
    let mut store = Store::open(&db)?;
    // Format 2: the database goes onto the stick encrypted with the committee passphrase.
    store.write(|tx| archive::passphrase::set(tx, "幸福里议事会 2026"))?;
    let db_bytes = std::fs::metadata(&db)?.len();
    let topics: i64 = store.conn().query_row("SELECT count(*) FROM topics", [], |r| r.get(0))?;
    let rows: i64 = archive_counts(&store)?;
    println!("10-year database: {} MB, {topics} topics, {rows} rows in all", mb(db_bytes));

    let mut export_times = Vec::new();
    let mut verify_times = Vec::new();
    let mut both_times = Vec::new();
    let mut phases: Vec<Vec<(&'static str, Duration)>> = Vec::new();
    let mut size = 0;
    for _ in 0..RUNS {
        let stick = tempfile::tempdir()?;
        let mut marks: Vec<(&'static str, Instant)> = Vec::new();
        let t = Instant::now();
        let report = archive::export(&store, stick.path(), |p| marks.push((p.label, Instant::now())))?;
        let exported = t.elapsed();
        export_times.push(exported);
        marks.push(("", Instant::now()));
        phases.push(marks.windows(2).map(|w| (w[0].0, w[1].1 - w[0].1)).collect());
        let t = Instant::now();
        archive::verify_with(&report.path, Some("幸福里议事会 2026"))?;
        verify_times.push(t.elapsed());
        both_times.push(exported + t.elapsed());
        size = report.bytes;
    }
    println!(
        "first export (no notice PDFs kept from an earlier export yet): {}, with verify again {}",
        secs(export_times[0]),
        secs(both_times[0])
    );
    println!(
        "export (snapshot, encryption, ledger, CSV, fsync, built-in verify, rename): median {} (min {}, max {})",
        secs(median(&mut export_times)),
        secs(export_times[0]),
        secs(export_times[RUNS - 1])
    );
    for (i, (label, _)) in phases[0].iter().enumerate() {
        let mut times: Vec<Duration> = phases.iter().filter_map(|p| p.get(i).map(|(_, d)| *d)).collect();
        println!("  from “{label}”: median {}", secs(median(&mut times)));
    }
    println!("verify again, as the other computer does: median {}", secs(median(&mut verify_times)));
    println!("export + verify again: median {}", secs(median(&mut both_times)));
    let notices: i64 = store.conn().query_row("SELECT count(*) FROM notices", [], |r| r.get(0))?;
    let year_ago = yishi_core::time::Zone::default().today() - chrono::Duration::days(365);
    let period = Some((year_ago, chrono::NaiveDate::MAX));
    let mut year_times = Vec::new();
    for _ in 0..RUNS {
        let stick = tempfile::tempdir()?;
        let t = Instant::now();
        archive::export_with(&store, stick.path(), period, &mut archive::Disk, yishi_core::time::now(), &mut |_| {})?;
        year_times.push(t.elapsed());
    }
    println!(
        "export with only the last 12 months' notices (all {notices} notices above): median {}",
        secs(median(&mut year_times))
    );
    println!("archive size: {} MB ({} MB database)", mb(size), mb(db_bytes));
    let stick = tempfile::tempdir()?;
    let folder = archive::export(&store, stick.path(), |_| {})?.path;
    for f in std::fs::read_dir(&folder)?.filter_map(|e| e.ok()) {
        if f.path().is_file() {
            println!("  {:<14} {:>8} KB", f.file_name().to_string_lossy(), f.metadata()?.len() / 1024);
        }
    }
    drop(store);
    let fresh = tempfile::tempdir()?;
    let mut empty = Store::open(&fresh.path().join("yishi.db"))?;
    let t = Instant::now();
    let summary = archive::import_with(&mut empty, &folder, Some("幸福里议事会 2026"), false)?;
    println!(
        "import into an empty database (verify, backup, merge, reindex): {} for {} new rows",
        secs(t.elapsed()),
        summary.new
    );
    Ok(())
}

fn archive_counts(store: &Store) -> Res<i64> {
    Ok(store.table_counts()?.into_iter().filter(|(t, _)| !t.starts_with("search_")).map(|(_, n)| n).sum())
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

fn ten_year_db() -> Res<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-archive");
    let path = dir.join("ten-years.db");
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(&dir)?;
    let building = dir.join("building.db");
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", building.display()));
    }
    let t = Instant::now();
    let mut store = Store::open(&building)?;
    yishi_core::demo::load(&mut store)?;
    store.write(|tx| -> Res<()> {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        // The demo's own rows, by rowid: each copy is made from them, never from earlier copies.
        let mut originals = Vec::new();
        for table in tables(tx)?.into_iter().filter(|t| !SINGLE.contains(&t.as_str())) {
            let last: i64 =
                tx.query_row(&format!("SELECT coalesce(max(rowid), 0) FROM \"{table}\""), [], |r| r.get(0))?;
            originals.push((table, last));
        }
        for copy in 1..COPIES {
            for (table, last) in &originals {
                copy_table(tx, table, *last, copy)?;
            }
        }
        lengthen_minutes(tx)?;
        add_photos(tx)?;
        yishi_core::reindex::all(tx)?;
        Ok(())
    })?;
    drop(store);
    std::fs::rename(&building, &path)?;
    eprintln!("built the 10-year database in {}", secs(t.elapsed()));
    Ok(path)
}

fn tables(conn: &Connection) -> Res<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' \
         AND name NOT LIKE 'search%' ORDER BY rowid",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names)
}

/// One more year of `table`: the original rows with `-<copy>` on every id and reference and
/// every timestamp or date moved back by the copy's year.
fn copy_table(conn: &Connection, table: &str, last_original: i64, copy: usize) -> Res<()> {
    let years = copy / COPIES_PER_YEAR;
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let cols: Vec<String> = stmt.query_map([table], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let exprs: Vec<String> = cols
        .iter()
        .map(|c| {
            if c == "id" || c.ends_with("_id") {
                format!("CASE WHEN \"{c}\" IS NULL THEN NULL ELSE \"{c}\" || '-{copy}' END")
            } else if c.ends_with("_at") || c == "at" || c == "deadline" || c.ends_with("_on") {
                format!(
                    "CASE WHEN typeof(\"{c}\") != 'text' THEN \"{c}\" \
                     WHEN \"{c}\" LIKE '____-__-__T%' THEN strftime('%Y-%m-%dT%H:%M:%fZ', \"{c}\", '-{years} years') \
                     WHEN \"{c}\" LIKE '____-__-__' THEN date(\"{c}\", '-{years} years') ELSE \"{c}\" END"
                )
            } else {
                format!("\"{c}\"")
            }
        })
        .collect();
    let list = cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    conn.execute(
        &format!(
            "INSERT INTO \"{table}\" ({list}) SELECT {} FROM \"{table}\" WHERE rowid <= {last_original}",
            exprs.join(", ")
        ),
        [],
    )?;
    Ok(())
}

fn lengthen_minutes(conn: &Connection) -> Res<()> {
    let mut rng = Rng::new(20_261_121);
    let ids: Vec<String> =
        conn.prepare("SELECT id FROM minutes")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut update = conn.prepare("UPDATE minutes SET text = text || char(10) || ?2 WHERE id = ?1")?;
    for id in ids {
        update.execute(rusqlite::params![id, minutes_text::minutes_text(&mut rng, MINUTES_CHARS)])?;
    }
    Ok(())
}

fn add_photos(conn: &Connection) -> Res<()> {
    let mut rng = Rng::new(8);
    let topics: Vec<String> =
        conn.prepare("SELECT id FROM topics ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut insert = conn.prepare(
        "INSERT INTO attachments (id, owner_kind, owner_id, file_name, mime, size, data, created_at, updated_at) \
         VALUES (?1, 'topic', ?2, 'photo.jpg', 'image/jpeg', ?3, ?4, ?5, ?5)",
    )?;
    for topic in topics.iter().step_by(10) {
        let mut data = vec![0u8; PHOTO_BYTES];
        for chunk in data.chunks_mut(8) {
            let v = rng.next_u64().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        data[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
        insert.execute(rusqlite::params![
            yishi_core::ids::new_id(),
            topic,
            PHOTO_BYTES as i64,
            data,
            yishi_core::ids::now_utc()
        ])?;
    }
    Ok(())
}
