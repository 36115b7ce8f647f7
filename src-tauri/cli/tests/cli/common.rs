//! Running the built `yishi-cli` in the tests.

use std::process::Command;

/// Runs `yishi-cli` with `args` and extra environment variables (`TZ`…); the default database is
/// one the command must not touch.
pub fn cli_with_env(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_yishi-cli"))
        .args(args)
        .env("YISHI_DB", "/nonexistent/dir/yishi.db")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// A demo community database at `dir/name`, filled through the CLI with `env`.
pub fn demo_db_named(dir: &std::path::Path, name: &str, env: &[(&str, &str)]) -> std::path::PathBuf {
    let db = dir.join(name);
    let o = cli_with_env(&["--db".as_ref(), db.as_os_str(), "demo".as_ref()], env);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

/// The first column of the first row `sql` selects from the database at `db`.
pub fn first_id(db: &std::path::Path, sql: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}
