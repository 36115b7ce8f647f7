//! The 反馈二维码 on a composed free notice: ticked, it prints 设置's code of the day it was
//! issued and keeps it on reprint; unticked, or with none set, nothing is printed.

use chrono::NaiveDate;

use super::*;
use crate::community::{load_settings, save_settings, CommunitySettings};
use crate::pdf::Block;
use crate::store::Store;
use crate::testing::temp_store;

const GROUP: &str = "https://weixin.qq.com/g/幸福里3号楼";

fn set_qr_text(store: &mut Store, text: &str) {
    let s = CommunitySettings {
        name: "幸福里社区".into(),
        issuer: "幸福里社区居民委员会".into(),
        qr_text: text.into(),
        ..load_settings(store.conn()).unwrap()
    };
    store.write(|tx| save_settings(tx, &s)).unwrap();
}

fn notice(qr: serde_json::Value) -> String {
    serde_json::json!({
        "title": "停水通知", "paragraphs": ["12月3日9:00至17:00停水，请提前储水。"],
        "issuer": "幸福里社区居民委员会", "date": "2026-12-01", "qr": qr
    })
    .to_string()
}

fn issue(store: &mut Store, content: &str) -> IssuedNotice {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    store.write(|tx| issue_composed(tx, content, None, None, today, Unprintable::Refuse)).unwrap()
}

fn printed_qr(store: &Store, id: &str) -> Option<String> {
    let (kind, spec) = spec_of(store.conn(), id).unwrap();
    let doc = spec::document(store.conn(), kind, &spec).unwrap();
    doc.blocks.iter().find_map(|b| match b {
        Block::Qr { text, caption, .. } => Some(format!("{text}|{caption}")),
        _ => None,
    })
}

#[test]
fn a_ticked_code_is_printed_as_set_that_day_and_kept_on_reprint() {
    let (_dir, mut store) = temp_store();
    set_qr_text(&mut store, GROUP);
    let issued = issue(&mut store, &notice(true.into()));
    assert_eq!(printed_qr(&store, &issued.entry.id), Some(format!("{GROUP}|扫码进群反馈意见")));
    let plain = issue(&mut store, &notice(false.into()));
    assert!(issued.pdf.len() > plain.pdf.len(), "the code is drawn");

    // 设置 changes later: the notice on the board had the old code, and its reprint still does.
    set_qr_text(&mut store, "https://weixin.qq.com/g/新群");
    assert_eq!(reprint(store.conn(), &issued.entry.id).unwrap(), issued.pdf);
    assert_eq!(printed_qr(&store, &issued.entry.id), Some(format!("{GROUP}|扫码进群反馈意见")));
}

#[test]
fn unticked_or_with_none_set_no_code_is_printed() {
    let (_dir, mut store) = temp_store();
    let none_set = issue(&mut store, &notice(true.into()));
    assert_eq!(printed_qr(&store, &none_set.entry.id), None, "ticked, but 设置 has no code");
    set_qr_text(&mut store, GROUP);
    let unticked = issue(&mut store, &notice(false.into()));
    assert_eq!(printed_qr(&store, &unticked.entry.id), None);
    let absent = issue(&mut store, &notice(serde_json::Value::Null));
    assert_eq!(printed_qr(&store, &absent.entry.id), None, "a draft from before the switch");
}

#[test]
fn the_preview_shows_the_code_the_notice_will_print() {
    let (_dir, mut store) = temp_store();
    set_qr_text(&mut store, GROUP);
    let with = preview(store.conn(), NoticeKind::Free, &notice(true.into()), Unprintable::Refuse).unwrap();
    let without = preview(store.conn(), NoticeKind::Free, &notice(false.into()), Unprintable::Refuse).unwrap();
    assert!(with.len() > without.len());
}
