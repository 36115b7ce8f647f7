//! `yishi-cli`: the headless front door to yishi-core, for scripts, tests and the street office.
//!
//! Every subcommand prints JSON on success and a Chinese message on stderr with a non-zero exit
//! code on failure.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use yishi_core::error::Failure;
use yishi_core::reindex;
use yishi_core::store::Store;

#[derive(Parser)]
#[command(name = "yishi-cli", version, about = "议事簿命令行工具")]
struct Cli {
    /// Database file (default: the app's database, or $YISHI_DB).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Create the --db file when it does not exist (otherwise a missing file is an error).
    #[arg(long, global = true)]
    create: bool,
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
    /// Rebuild the search index from the records (repair); prints how many documents it holds.
    Reindex,
    /// Fill an empty database with the demo community (one year of a realistic community).
    Demo,
    /// Print the figures of a year (topics, meetings, participation, points, satisfaction) as JSON;
    /// with --report, also write the yearly report (年度协商议事工作报告) as .pdf, .docx or .png.
    Stats {
        #[arg(long)]
        year: i32,
        /// Only this place (小区/楼栋/网格 id) and the places below it.
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Render a free notice described in SPEC (JSON) to a PDF, a Word file (.docx) or a picture
    /// (.png), as --out's extension says, without any database.
    Render {
        spec: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a notice from the records to a PDF, .docx or .png (see `notice --help`).
    Notice(NoticeArgs),
    /// Export an archive folder (database snapshot, ledger.xlsx, CSV) into DIR; print its path.
    Export {
        #[arg(long)]
        to: PathBuf,
        /// Only the notices issued on or after this day (YYYY-MM-DD) go into notices/.
        #[arg(long)]
        since: Option<chrono::NaiveDate>,
        /// Only the notices issued on or before this day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<chrono::NaiveDate>,
    },
    /// Check an archive folder: exit 0 only when every check that could be made passed (an
    /// encrypted database is decrypted only with --passphrase; the JSON says what was checked).
    Verify {
        archive: PathBuf,
        /// The 归档密码, to check the encrypted database's content too.
        #[arg(long)]
        passphrase: Option<String>,
    },
    /// Merge an archive into the database (a backup is taken first); print the summary as JSON.
    Import {
        #[arg(long)]
        from: PathBuf,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// The 归档密码 of an encrypted archive (default: the one this database keeps).
        #[arg(long)]
        passphrase: Option<String>,
        /// Keep --passphrase in this database for later imports and exports.
        #[arg(long, requires = "passphrase")]
        remember: bool,
    },
    /// Set the 归档密码 that encrypts the database in exports (at least 8 characters); prints
    /// its strength.
    SetPassphrase { passphrase: String },
}

/// `notice --kind KIND --id ID --out FILE.pdf` (or .docx, .png), or `notice KIND --id ID …`
/// (`notice month-review --month 2026-11 --out X.pdf`: `--month` is `--id`).
#[derive(clap::Args)]
struct NoticeArgs {
    /// meeting_notice, topic, decision, progress, minutes, sign_in, points, convention,
    /// supervision (督办清单: the id is a 承办单位, or empty for all), election or fund_use
    /// (资金使用公示: the id is a decision or task, or a period: 2026, 2026-05 or
    /// 2026-01-01..2026-06-30) (meeting-notice and sign-in are read the same), or month_review
    /// (月度议题研判表: the id is a month, 2026-11).
    #[arg(long, required_unless_present = "kind_given", conflicts_with = "kind_given")]
    kind: Option<String>,
    /// The kind written without --kind (`notice month-review …`).
    #[arg(value_name = "KIND")]
    kind_given: Option<String>,
    /// The meeting, topic, agenda item or decision, year (points, e.g. 2026), convention or
    /// month (month_review, also written --month).
    #[arg(long, visible_alias = "month")]
    id: String,
    /// A4 or A3.
    #[arg(long, default_value = "A4")]
    paper: String,
    /// Mask given names (王*兰) on a public notice (by default only the points table does).
    #[arg(long, conflicts_with = "unmask_names")]
    mask_names: bool,
    /// Print names in full, also on the points table.
    #[arg(long)]
    unmask_names: bool,
    /// The notice's date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// fund_use: who checked the accounts, e.g. "居务监督委员会 孙明、刘芳" (default: only the
    /// 监督小组 signature line).
    #[arg(long, default_value = "")]
    supervisors: String,
    /// The file to write: .pdf, .docx (Word) or .png (a picture for the WeChat group).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(json) => {
            // A reader that stops early (`| head`) is not an error of ours.
            use std::io::Write;
            let _ = writeln!(std::io::stdout(), "{json}");
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprintln!("错误（{}）：{}", f.code, f.message);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<String, Failure> {
    let given = cli.db.is_some();
    let db = cli.db.unwrap_or_else(Store::default_path);
    // A mistyped --db is an error, never a new empty database (only `demo` may create one).
    if given && !cli.create && !db.exists() && !matches!(cli.command, Command::Demo | Command::Render { .. }) {
        return Err(Failure::new(
            "cli_no_database",
            format!("找不到数据库文件 {}。请检查 --db 后的路径；程序不会新建一个空的数据库。", db.display()),
        ));
    }
    match cli.command {
        Command::Render { spec, out } => render(&spec, &out),
        Command::Notice(args) => notice(&db, &args),
        Command::Verify { archive, passphrase } => {
            to_json(&yishi_core::archive::verify_with(&archive, passphrase.as_deref())?)
        }
        Command::SetPassphrase { passphrase } => {
            let mut store = Store::open(&db)?;
            to_json(&store.write(|tx| yishi_core::archive::passphrase::set(tx, &passphrase))?)
        }
        Command::Export { to, since, until } => {
            let store = reindex::open(&db)?;
            let period = (since.is_some() || until.is_some())
                .then(|| (since.unwrap_or(chrono::NaiveDate::MIN), until.unwrap_or(chrono::NaiveDate::MAX)));
            let now = yishi_core::time::now();
            let report = yishi_core::archive::export_with(
                &store,
                &to,
                period,
                &mut yishi_core::archive::Disk,
                now,
                &mut |_| {},
            )?;
            Ok(report.path.display().to_string())
        }
        Command::Import { from, dry_run, passphrase, remember } => {
            let mut store = reindex::open(&db)?;
            let pass = passphrase.as_deref();
            if dry_run {
                to_json(&yishi_core::archive::dry_run_with(&store, &from, pass)?)
            } else {
                to_json(&yishi_core::archive::import_with(&mut store, &from, pass, remember)?)
            }
        }
        Command::Info => {
            let store = reindex::open(&db)?;
            to_json(&yishi_core::info::db_info(&store)?)
        }
        Command::Reindex => {
            let mut store = reindex::open(&db)?;
            to_json(&serde_json::json!({ "documents": reindex::rebuild(&mut store)? }))
        }
        Command::Demo => {
            let mut store = reindex::open(&db)?;
            to_json(&yishi_core::demo::load(&mut store)?)
        }
        Command::Stats { year, place, report } => stats(&db, year, place.as_deref(), report.as_deref()),
        Command::Search { query, limit } => {
            use yishi_core::search::{search, HitSummary, SearchQuery};
            let store = reindex::open(&db)?; // open also writes any owed index entries
            let hits = search(store.conn(), &SearchQuery { limit, ..SearchQuery::new(query) })?.hits;
            to_json(&hits.into_iter().map(HitSummary::from).collect::<Vec<_>>())
        }
    }
}

/// `stats --year Y [--place ID] [--report FILE]`: the figures as JSON, the report dated today.
fn stats(
    db: &std::path::Path,
    year: i32,
    place: Option<&str>,
    report: Option<&std::path::Path>,
) -> Result<String, Failure> {
    use yishi_core::notices::Notice;
    let store = reindex::open(db)?;
    let today = community_today(&store)?;
    let figures = yishi_core::stats::year_stats(store.conn(), year, place, today)?;
    if let Some(out) = report {
        let format = yishi_core::notices::Format::of_path(out)?;
        let report = yishi_core::printouts::year_report(store.conn(), year, place, today)?;
        let bytes = report.render_in(format, yishi_core::pdf::Unprintable::Refuse)?;
        yishi_core::pdf::write_atomically(out, &bytes)?;
    }
    to_json(&figures)
}

/// `render SPEC --out FILE`: no database; the file appears whole or not at all.
fn render(spec: &std::path::Path, out: &std::path::Path) -> Result<String, Failure> {
    use yishi_core::notices::{FreeNotice, Notice};
    let json = std::fs::read_to_string(spec)
        .map_err(|e| Failure::new("spec_unreadable", format!("无法读取公示内容文件 {}：{e}", spec.display())))?;
    let format = yishi_core::notices::Format::of_path(out)?;
    let bytes = FreeNotice::from_json(&json)?.render_in(format, yishi_core::pdf::Unprintable::Refuse)?;
    yishi_core::pdf::write_atomically(out, &bytes)?;
    to_json(&serde_json::json!({ "out": out, "bytes": bytes.len() }))
}

/// `notice`: fill the template from the records and write the PDF whole or not at all.
fn notice(db: &std::path::Path, args: &NoticeArgs) -> Result<String, Failure> {
    use yishi_core::printouts::{kind_named, load, LoadOptions};
    let kind = kind_named(args.kind.as_deref().or(args.kind_given.as_deref()).unwrap_or_default())?;
    // Checked before the database is read: a mistyped extension changes nothing.
    let format = yishi_core::notices::Format::of_path(&args.out)?;
    let paper = match args.paper.trim() {
        "A4" | "a4" => yishi_core::pdf::Paper::A4,
        "A3" | "a3" => yishi_core::pdf::Paper::A3,
        other => return Err(Failure::new("bad_paper", format!("纸张“{other}”不支持，请写 A4 或 A3。"))),
    };
    let store = reindex::open(db)?;
    let today = match &args.date {
        None => community_today(&store)?,
        Some(text) => chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| Failure::new("bad_date", format!("日期“{text}”无效，请写成 2026-11-21 这样的格式。")))?,
    };
    let mask_names = if args.mask_names {
        Some(true)
    } else if args.unmask_names {
        Some(false)
    } else {
        None
    };
    let opts = LoadOptions { paper, mask_names, supervisors: args.supervisors.clone(), ..LoadOptions::new(today) };
    let bytes = load(store.conn(), kind, &args.id, &opts)?.render_in(format, opts.unprintable)?;
    yishi_core::pdf::write_atomically(&args.out, &bytes)?;
    to_json(&serde_json::json!({ "out": args.out, "kind": kind.as_str(), "bytes": bytes.len() }))
}

/// Today in the community's time zone (not the machine's): what a notice is dated.
fn community_today(store: &Store) -> Result<chrono::NaiveDate, Failure> {
    yishi_core::community::today(store.conn()).map_err(|e| Failure::new("db_error", yishi_core::error::db_words(&e)))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::new("json", format!("无法输出 JSON：{e}")))
}
