//! Writes the notices of docs/notices/decision-parts.png (a vote of 3号楼's households counted
//! in three parts, two households recorded at home), docs/notices/minutes.png (with 列席) and
//! docs/notices/election.png (选举结果公示 of a 院坝长).
//! `cargo run -p yishi-core --example decide_notices -- /tmp`, then
//! `pdftoppm -png -r 70 /tmp/decision-parts.pdf docs/notices/decision-parts` (and the others).

use yishi_core::notices::{demo, Notice};
use yishi_core::pdf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let docs = [
        ("decision-parts.pdf", demo::decision_notice_in_parts().render()?),
        ("minutes.pdf", demo::minutes().render()?),
        ("election.pdf", demo::election_notice().render()?),
    ];
    for (name, bytes) in docs {
        pdf::write_atomically(&dir.join(name), &bytes)?;
    }
    Ok(())
}
