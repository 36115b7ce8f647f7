//! `yishi-cli search`: hits as JSON.

use yishi_core::search::{self, DocKind, SearchDoc};
use yishi_core::store::Store;

fn doc(kind: DocKind, id: &str, date: &str, text: &str) -> SearchDoc {
    let (title, body) = text.split_once('|').unwrap();
    SearchDoc {
        kind,
        record_id: id.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        date: date.parse().unwrap(),
    }
}

#[test]
fn cli_prints_hits_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("yishi.db");
    {
        let mut store = Store::open(&path).unwrap();
        let garage = doc(DocKind::Topic, "g1", "2026-03-02", "地下车库照明|车库灯不亮，地面破损");
        store.write(|tx| search::upsert(tx, &garage)).unwrap();
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yishi-cli"))
        .args(["--db", path.to_str().unwrap(), "search", "车库", "--limit", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["kind"], "topic");
    assert_eq!(json[0]["id"], "g1");
    assert_eq!(json[0]["date"], "2026-03-02");
    assert_eq!(json[0]["snippet"], "车库灯不亮，地面破损");
}
