use super::*;
use crate::error::UserFacing;
use crate::testing::{agenda_item, count, temp_store};

fn backdate_revisions(store: &crate::store::Store, minutes: i64) {
    store
        .conn()
        .execute(
            "UPDATE minutes_revisions SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)",
            [format!("-{minutes} minutes")],
        )
        .unwrap();
}

#[test]
fn autosave_replaces_the_working_text_and_counts_saves() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "地下车库照明");
    let r1 = store.write(|tx| save(tx, &item, "王秀兰（居民代表）：车库")).unwrap();
    let r2 = store.write(|tx| save(tx, &item, "王秀兰（居民代表）：车库灯坏了三个月。")).unwrap();
    assert_eq!((r1.save_count, r2.save_count), (1, 2));
    let m = get(store.conn(), &item).unwrap();
    assert_eq!(m.text, "王秀兰（居民代表）：车库灯坏了三个月。");
    assert_eq!(m.updated_at, r2.saved_at);
}

#[test]
fn typing_keeps_a_revision_at_most_every_five_minutes() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "停车");
    let mut text = String::new();
    for word in ["物业：", "划线停车位", "，", "收费标准", "另议。"] {
        text.push_str(word);
        store.write(|tx| save(tx, &item, &text)).unwrap();
    }
    // The first replacement keeps the first text; then nothing more within five minutes.
    assert_eq!(list_revisions(store.conn(), &item).unwrap().len(), 1);
    backdate_revisions(&store, 6);
    text.push_str("业委会同意。");
    let receipt = store.write(|tx| save(tx, &item, &text)).unwrap();
    assert!(receipt.revision_kept);
    let revs = list_revisions(store.conn(), &item).unwrap();
    assert_eq!(revs.len(), 2);
    assert_eq!(revs[0].text, "物业：划线停车位，收费标准另议。");
    assert_eq!(revs[0].reason, RevisionReason::Interval);
}

#[test]
fn an_accidental_wipe_can_be_undone() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "便民桥");
    let long = "乡贤捐款两万元，村民出工修桥，免去绕行六七里路。".repeat(5);
    store.write(|tx| save(tx, &item, &long)).unwrap();
    let receipt = store.write(|tx| save(tx, &item, "")).unwrap();
    assert!(receipt.revision_kept, "wiping the text must keep what was there");
    let revs = list_revisions(store.conn(), &item).unwrap();
    assert_eq!(revs[0].reason, RevisionReason::LargeDeletion);
    let restored = store.write(|tx| restore_revision(tx, &revs[0].id)).unwrap();
    assert_eq!(restored.text, long);
}

#[test]
fn restoring_keeps_the_current_text_as_a_revision() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "充电桩");
    store.write(|tx| save(tx, &item, "第一稿")).unwrap();
    store.write(|tx| save(tx, &item, "第二稿")).unwrap();
    let first = list_revisions(store.conn(), &item).unwrap().pop().unwrap();
    assert_eq!(first.text, "第一稿");
    store.write(|tx| restore_revision(tx, &first.id)).unwrap();
    assert_eq!(get(store.conn(), &item).unwrap().text, "第一稿");
    let revs = list_revisions(store.conn(), &item).unwrap();
    assert!(revs.iter().any(|r| r.text == "第二稿" && r.reason == RevisionReason::BeforeRestore));
}

#[test]
fn freeze_at_meeting_close_keeps_one_revision_and_not_twice() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "遛狗");
    assert!(!store.write(|tx| freeze(tx, &item, RevisionReason::MeetingClose)).unwrap(), "nothing typed");
    store.write(|tx| save(tx, &item, "议定：文明养犬公约。")).unwrap();
    assert!(store.write(|tx| freeze(tx, &item, RevisionReason::MeetingClose)).unwrap());
    assert!(!store.write(|tx| freeze(tx, &item, RevisionReason::MeetingClose)).unwrap());
    let revs = list_revisions(store.conn(), &item).unwrap();
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].reason, RevisionReason::MeetingClose);
}

#[test]
fn saving_to_a_missing_item_changes_nothing() {
    let (_d, mut store) = temp_store();
    agenda_item(&mut store, "垃圾");
    let err = store.write(|tx| save(tx, "no-such-item", "文字")).unwrap_err();
    assert_eq!(err.code(), "minutes_no_such_item");
    assert_eq!(count(&store, "minutes"), 0);
}

#[test]
fn control_characters_pasted_into_minutes_are_stripped_and_the_text_saved() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "垃圾");
    store.write(|tx| save(tx, &item, "\u{FEFF}坏\u{0008}字符\u{200B}\r\n下一行")).unwrap();
    assert_eq!(get(store.conn(), &item).unwrap().text, "坏字符\n下一行");
}

#[test]
fn fifty_thousand_characters_with_emoji_and_rare_cjk_round_trip() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "长记录");
    let text = format!("{}\n😀𠀀䶮", "张师傅（物业）：地下车库地面破损、照明不足，开发商同意出资维修。\n".repeat(1600));
    assert!(text.chars().count() > 50_000);
    store.write(|tx| save(tx, &item, &text)).unwrap();
    assert_eq!(get(store.conn(), &item).unwrap().text, text);
}

#[test]
fn an_autosave_owes_its_search_entry_and_paying_it_finds_the_newest_text() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "车库");
    let find = |store: &crate::store::Store, q: &str| {
        crate::search::search(store.conn(), &crate::search::SearchQuery::new(q)).unwrap().hits
    };
    store.write(|tx| save(tx, &item, "开发商同意出资修复地下车库照明。")).unwrap();
    assert!(crate::search::has_pending(store.conn()).unwrap(), "the entry is owed, not dropped");
    assert_eq!(store.write(index_pending).unwrap(), 1);
    assert_eq!(find(&store, "照明")[0].record_id, item);
    // Many saves before the next flush owe one entry, written from the newest text.
    store.write(|tx| save(tx, &item, "开发商同意出资修复地下车库照明，下周施工。")).unwrap();
    store.write(|tx| save(tx, &item, "开发商同意出资修复地下车库照明，下周二施工😀。")).unwrap();
    assert_eq!(store.write(index_pending).unwrap(), 1);
    assert!(!crate::search::has_pending(store.conn()).unwrap());
    assert_eq!(find(&store, "下周二施工😀").len(), 1);
    assert!(find(&store, "下周施工").is_empty(), "the older text is no longer what is found");
}

#[test]
fn a_refused_autosave_owes_nothing() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "车库");
    store.conn().execute("UPDATE meetings SET status = 'closed'", []).unwrap();
    assert!(store.write(|tx| save(tx, &item, "改动")).is_err());
    assert!(!crate::search::has_pending(store.conn()).unwrap());
}

#[test]
fn a_closed_meetings_minutes_are_frozen_until_it_is_reopened() {
    let (_d, mut store) = temp_store();
    let item = agenda_item(&mut store, "水管");
    store.write(|tx| save(tx, &item, "集体资金列支1800元。")).unwrap();
    store.conn().execute("UPDATE meetings SET status = 'closed'", []).unwrap();
    let err = store.write(|tx| save(tx, &item, "改动")).unwrap_err();
    assert_eq!(err.code(), "minutes_meeting_closed");
    assert!(err.to_string().contains("重新打开"), "{err}");
    assert_eq!(get(store.conn(), &item).unwrap().text, "集体资金列支1800元。");
    store.conn().execute("UPDATE meetings SET status = 'in_session'", []).unwrap();
    store.write(|tx| save(tx, &item, "集体资金列支1800元，袁师傅负责。")).unwrap();
}
