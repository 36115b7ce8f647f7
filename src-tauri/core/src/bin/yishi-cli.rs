//! `yishi-cli`: the headless front door to yishi-core, for scripts, tests and the street office.
//!
//! Every subcommand prints JSON on success and a Chinese message on stderr with a non-zero exit
//! code on failure.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use yishi_core::error::UserFacing;
use yishi_core::store::Store;

#[derive(Parser)]
#[command(name = "yishi-cli", version, about = "议事簿命令行工具")]
struct Cli {
    /// Database file (default: the app's database, or $YISHI_DB).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the database path, schema version, app version and row counts as JSON.
    Info,
    /// Search every record for QUERY; print the hits (kind, id, title, date, snippet) as JSON.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Fill an empty database with the demo community (one year of a realistic community).
    Demo,
    /// Print the figures of a year (topics, meetings, participation, points, satisfaction) as JSON;
    /// with --report, also write the yearly report PDF (年度协商议事工作报告).
    Stats {
        #[arg(long)]
        year: i32,
        /// Only this place (小区/楼栋/网格 id) and the places below it.
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Render a free notice described in SPEC (JSON) to a PDF, without any database.
    Render {
        spec: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

/// A failure already phrased for the user, with its stable code.
struct Failure {
    code: &'static str,
    message: String,
}

impl<E: UserFacing> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure { code: e.code(), message: e.message() }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprintln!("错误（{}）：{}", f.code, f.message);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<String, Failure> {
    let db = cli.db.unwrap_or_else(Store::default_path);
    match cli.command {
        Command::Render { spec, out } => render(&spec, &out),
        Command::Info => {
            let store = Store::open(&db)?;
            to_json(&yishi_core::info::db_info(&store)?)
        }
        Command::Demo => {
            let mut store = Store::open(&db)?;
            to_json(&yishi_core::demo::load(&mut store)?)
        }
        Command::Stats { year, place, report } => stats(&db, year, place.as_deref(), report.as_deref()),
        Command::Search { query, limit } => {
            use yishi_core::search::{search, HitSummary, SearchQuery};
            let store = Store::open(&db)?;
            let hits = search(store.conn(), &SearchQuery { limit, ..SearchQuery::new(query) })?.hits;
            to_json(&hits.into_iter().map(HitSummary::from).collect::<Vec<_>>())
        }
    }
}

/// `stats --year Y [--place ID] [--report FILE]`: the figures as JSON, the report dated today.
fn stats(db: &std::path::Path, year: i32, place: Option<&str>, report: Option<&std::path::Path>) -> Result<String, Failure> {
    use yishi_core::notices::Notice;
    let store = Store::open(db)?;
    let figures = yishi_core::stats::year_stats(store.conn(), year, place)?;
    if let Some(out) = report {
        let today = chrono::Local::now().date_naive();
        let bytes = yishi_core::stats::year_report(store.conn(), year, place, today)?.render()?;
        yishi_core::pdf::write_atomically(out, &bytes)?;
    }
    to_json(&figures)
}

/// `render SPEC --out FILE`: no database; the file appears whole or not at all.
fn render(spec: &std::path::Path, out: &std::path::Path) -> Result<String, Failure> {
    use yishi_core::notices::{FreeNotice, Notice};
    let json = std::fs::read_to_string(spec).map_err(|e| Failure {
        code: "spec_unreadable",
        message: format!("无法读取公示内容文件 {}：{e}", spec.display()),
    })?;
    let bytes = FreeNotice::from_json(&json)?.render()?;
    yishi_core::pdf::write_atomically(out, &bytes)?;
    to_json(&serde_json::json!({ "out": out, "bytes": bytes.len() }))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Failure { code: "json", message: format!("无法输出 JSON：{e}") })
}
