use chrono::NaiveDate;

use super::*;
use crate::attachments::{self, OwnerKind};
use crate::error::UserFacing;
use crate::notices::demo;
use crate::search::{self as search_mod, SearchQuery};
use crate::store::Store;
use crate::testing::{count, temp_store};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A 停水通知 with a table, as the composer sends it.
fn water_notice() -> String {
    serde_json::json!({
        "paper": "A4",
        "title": "停水通知",
        "salutation": "各位居民：",
        "paragraphs": ["因二次供水设施检修，以下楼栋将暂停供水，请提前储水。联系电话13812345678。"],
        "table": {"columns": ["楼栋", "停水时间"], "rows": [["3号楼", "12月3日 9:00-17:00"], ["5号楼", "12月4日 9:00-12:00"]]},
        "closing": "特此通知。",
        "issuer": "幸福里社区居民委员会",
        "date": "2026-12-01",
        "period": {"from": "2026-12-01", "to": "2026-12-07"},
        "mask_personal_data": true
    })
    .to_string()
}

fn issue_water(store: &mut Store) -> IssuedNotice {
    store.write(|tx| issue_composed(tx, &water_notice(), None, None, day("2026-12-01"), Unprintable::Refuse)).unwrap()
}

#[test]
fn issuing_stores_the_spec_and_the_sha256_of_the_bytes_and_indexes_the_text() {
    let (_dir, mut store) = temp_store();
    let issued = issue_water(&mut store);
    assert!(issued.pdf.starts_with(b"%PDF"));
    let e = &issued.entry;
    assert_eq!((e.title.as_str(), e.kind, e.version), ("停水通知", NoticeKind::Free, 1));
    assert_eq!(e.pdf_sha256, sha256_hex(&issued.pdf));
    assert_eq!((e.period_from.as_deref(), e.period_to.as_deref()), (Some("2026-12-01"), Some("2026-12-07")));
    assert_eq!(e.state, NoticeState::Unposted);
    let found = search_mod::search(store.conn(), &SearchQuery::new("二次供水")).unwrap();
    assert_eq!(found.hits[0].record_id, e.id, "the notice's text is searchable");
    let masked = search_mod::search(store.conn(), &SearchQuery::new("12345678")).unwrap();
    assert!(masked.hits.is_empty(), "the index holds the printed (masked) text");
}

#[test]
fn a_reprint_gives_the_same_bytes_and_a_changed_engine_is_caught() {
    let (_dir, mut store) = temp_store();
    let issued = issue_water(&mut store);
    let again = reprint(store.conn(), &issued.entry.id).unwrap();
    assert_eq!(again, issued.pdf);
    assert_eq!(sha256_hex(&again), issued.entry.pdf_sha256);
    store.conn().execute("UPDATE notices SET pdf_sha256 = 'abc'", []).unwrap();
    let err = reprint(store.conn(), &issued.entry.id).unwrap_err();
    assert_eq!(err.code(), "notice_reprint_differs");
}

#[test]
fn a_reissue_is_a_new_version_and_the_old_one_still_reprints_as_it_was() {
    let (_dir, mut store) = temp_store();
    let v1 = issue_water(&mut store);
    let corrected = water_notice().replace("3号楼", "6号楼");
    let v2 = store
        .write(|tx| issue_composed(tx, &corrected, None, Some(&v1.entry.id), day("2026-12-02"), Unprintable::Refuse))
        .unwrap();
    assert_eq!((v2.entry.version, v2.entry.replaces_id.as_deref()), (2, Some(v1.entry.id.as_str())));
    assert_ne!(v2.entry.pdf_sha256, v1.entry.pdf_sha256);
    let old = get(store.conn(), &v1.entry.id, day("2026-12-02")).unwrap();
    assert_eq!(old.superseded_by, Some(2));
    assert_eq!(reprint(store.conn(), &v1.entry.id).unwrap(), v1.pdf);
    let err = store.write(|tx| reissue(tx, &v1.entry.id, None, day("2026-12-02"))).unwrap_err();
    assert!(err.message().contains("第2版"), "{}", err.message());
    assert_eq!(count(&store, "notices"), 2);
}

// The emoji this test used to refuse prints now (Noto Emoji); a private-use character from an
// input method is what no bundled font has.
#[test]
fn characters_the_fonts_lack_are_named_with_where_they_are_and_nothing_is_issued() {
    let (_dir, mut store) = temp_store();
    let bad = water_notice().replace("请提前储水", "请提前储水😀\u{E000}");
    let missing = check(store.conn(), NoticeKind::Free, &bad).unwrap().missing.unwrap();
    assert_eq!((missing.chars.as_str(), missing.location.as_str()), ("\u{E000}", "第1段"));
    assert_eq!(check(store.conn(), NoticeKind::Free, &water_notice()).unwrap().missing, None);
    let before = (count(&store, "notices"), count(&store, "search_docs"));
    let err =
        store.write(|tx| issue_composed(tx, &bad, None, None, day("2026-12-01"), Unprintable::Refuse)).unwrap_err();
    assert_eq!(err.code(), "pdf_missing_glyphs");
    assert!(err.message().contains('\u{E000}') && err.message().contains("第1段"), "{}", err.message());
    assert_eq!((count(&store, "notices"), count(&store, "search_docs")), before);
}

fn set_public_phone(store: &mut Store, phone: &str) {
    let mut s = crate::community::load_settings(store.conn()).unwrap();
    (s.name, s.issuer, s.public_phone) = ("幸福里社区".into(), "幸福里社区居民委员会".into(), phone.into());
    store.write(|tx| crate::community::save_settings(tx, &s)).unwrap();
}

#[test]
fn the_public_number_of_the_settings_is_printed_whole_and_the_preview_counts_what_it_hides() {
    let (_dir, mut store) = temp_store();
    set_public_phone(&mut store, "0531-86001234");
    let text = water_notice().replace(
        "联系电话13812345678。",
        "咨询电话0531-86001234，维修师傅13812345678，网格员0531-86005678，身份证370102199001011234。",
    );
    let c = check(store.conn(), NoticeKind::Free, &text).unwrap();
    assert_eq!((c.missing, c.masked_phones, c.masked_ids), (None, 2, 1));
    let issued = store
        .write(|tx| issue_composed(tx, &text, None, None, day("2026-12-01"), crate::pdf::Unprintable::Refuse))
        .unwrap();
    let (kind, stored) = spec_of(store.conn(), &issued.entry.id).unwrap();
    let body = spec::plain_text(&spec::document(store.conn(), kind, &stored).unwrap());
    assert!(body.contains("0531-86001234"), "{body}");
    assert!(body.contains("138****5678") && body.contains("0531-****5678") && !body.contains("86005678"), "{body}");
    // The stored spec keeps the number, so a reprint after the setting changed is the same.
    set_public_phone(&mut store, "0531-86009999");
    assert_eq!(reprint(store.conn(), &issued.entry.id).unwrap(), issued.pdf);
    let c = check(store.conn(), NoticeKind::Free, &text).unwrap();
    assert_eq!(c.masked_phones, 3, "the old number is no longer the public one");
    let open = water_notice().replace("\"mask_personal_data\":true", "\"mask_personal_data\":false");
    assert_eq!(check(store.conn(), NoticeKind::Free, &open).unwrap().masked_phones, 0);
}

#[test]
fn a_notice_issued_without_its_unprintable_characters_reprints_byte_for_byte() {
    let (_dir, mut store) = temp_store();
    let bad = water_notice().replace("请提前储水", "请提前😀储\u{E000}水");
    let issued = store.write(|tx| issue_composed(tx, &bad, None, None, day("2026-12-01"), Unprintable::Omit)).unwrap();
    // What is stored is what was printed: the spec without the character, the emoji kept.
    let (_, stored) = spec_of(store.conn(), &issued.entry.id).unwrap();
    assert!(!stored.contains('\u{E000}') && stored.contains("请提前😀储水"), "{stored}");
    // Nothing else changed but the public contact numbers of 设置 it was issued with (none here).
    let as_issued = crate::bulletin::spec::with_settings(store.conn(), &bad.replace('\u{E000}', "")).unwrap();
    assert_eq!(stored, as_issued, "nothing else in the spec changed");
    assert_eq!(reprint(store.conn(), &issued.entry.id).unwrap(), issued.pdf);
    let preview_bytes = preview(store.conn(), NoticeKind::Free, &bad, Unprintable::Omit).unwrap();
    assert_eq!(preview_bytes, issued.pdf, "the preview without them is what was issued");
    let found = search_mod::search(store.conn(), &SearchQuery::new("储水")).unwrap();
    assert_eq!(found.hits[0].record_id, issued.entry.id);
}

#[test]
fn a_record_printed_without_its_unprintable_characters_is_the_same_notice_next_time() {
    use crate::printouts::LoadOptions;
    let (_dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let meeting: String =
        store.conn().query_row("SELECT id FROM meetings WHERE title = '十一月居民议事会'", [], |r| r.get(0)).unwrap();
    store.conn().execute("UPDATE meetings SET title = title || '😀\u{E000}' WHERE id = ?1", [&meeting]).unwrap();
    let today = day("2026-11-21");
    let opts = LoadOptions { unprintable: Unprintable::Omit, ..LoadOptions::new(today) };
    let refused =
        store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &LoadOptions::new(today)));
    assert_eq!(refused.unwrap_err().code(), "pdf_missing_glyphs");
    let first = store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &opts)).unwrap();
    assert!(first.entry.title.contains('😀') && !first.entry.title.contains('\u{E000}'), "{}", first.entry.title);
    let second = store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &opts)).unwrap();
    assert_eq!((second.entry.id.as_str(), second.entry.version), (first.entry.id.as_str(), 1), "not a new version");
    assert_eq!(second.pdf, first.pdf);
    assert_eq!(reprint(store.conn(), &first.entry.id).unwrap(), first.pdf);
}

#[test]
fn posting_with_a_photo_then_taking_down_moves_the_state() {
    let (dir, mut store) = temp_store();
    let id = issue_water(&mut store).entry.id;
    let photo = dir.path().join("公示栏.png");
    std::fs::write(&photo, demo::garage_photo()).unwrap();
    let e = store
        .write(|tx| record_posting(tx, &id, "3号楼公示栏", "2026-12-01", Some(&photo), day("2026-12-02")))
        .unwrap();
    assert_eq!((e.state, e.posted_where.as_str(), e.photo_count), (NoticeState::Posted, "3号楼公示栏", 1));
    assert_eq!(attachments::list(store.conn(), OwnerKind::Notice, &id).unwrap().len(), 1);
    assert_eq!(boards(store.conn()).unwrap(), ["3号楼公示栏"]);

    let err = store.write(|tx| record_taken_down(tx, &id, "2026-11-30", day("2026-12-09"))).unwrap_err();
    assert!(err.message().contains("2026-12-01"), "{}", err.message());
    let e = store.write(|tx| record_taken_down(tx, &id, "2026-12-08", day("2026-12-09"))).unwrap();
    assert_eq!(e.state, NoticeState::TakenDown);
    let err = store.write(|tx| record_posting(tx, &id, "北门", "2026-12-09", None, day("2026-12-09"))).unwrap_err();
    assert_eq!(err.code(), "notice_already_taken_down");
}

#[test]
fn refused_postings_change_nothing() {
    let (dir, mut store) = temp_store();
    let id = issue_water(&mut store).entry.id;
    let not_a_photo = dir.path().join("note.txt");
    std::fs::write(&not_a_photo, "hello").unwrap();
    let err = store
        .write(|tx| record_posting(tx, &id, "北门", "2026-12-01", Some(&not_a_photo), day("2026-12-01")))
        .unwrap_err();
    assert!(err.message().contains("JPEG 或 PNG"), "{}", err.message());
    // US order (what a webview under LANG=C shows) is not a Chinese date: refused, naming the field.
    let err = store.write(|tx| record_posting(tx, &id, "北门", "12/01/2026", None, day("2026-12-01"))).unwrap_err();
    assert!(err.message().contains("张贴日期"), "{}", err.message());
    let err = store.write(|tx| record_posting(tx, &id, "  ", "2026-12-01", None, day("2026-12-01"))).unwrap_err();
    assert!(err.message().contains("张贴位置"), "{}", err.message());
    let e = get(store.conn(), &id, day("2026-12-01")).unwrap();
    assert_eq!((e.posted_at, e.photo_count, count(&store, "attachments")), (None, 0, 0));
    let err = store.write(|tx| record_taken_down(tx, &id, "2026-12-01", day("2026-12-01"))).unwrap_err();
    assert_eq!(err.code(), "notice_not_posted");
}

#[test]
fn the_home_screen_flags_a_period_ending_soon_and_one_ended_while_still_posted() {
    let (_dir, mut store) = temp_store();
    let id = issue_water(&mut store).entry.id;
    store.write(|tx| record_posting(tx, &id, "北门公示栏", "2026-12-01", None, day("2026-12-01"))).unwrap();
    assert!(home_flags(store.conn(), day("2026-12-04")).unwrap().is_empty());
    let soon = home_flags(store.conn(), day("2026-12-05")).unwrap();
    assert_eq!(soon[0].flags, vec![NoticeFlag::EndsSoon]);
    let late = home_flags(store.conn(), day("2026-12-08")).unwrap();
    assert_eq!((late[0].state, late[0].flags.clone()), (NoticeState::Expired, vec![NoticeFlag::StillPosted]));
    store.write(|tx| record_taken_down(tx, &id, "2026-12-08", day("2026-12-08"))).unwrap();
    assert!(home_flags(store.conn(), day("2026-12-08")).unwrap().is_empty());
}

#[test]
fn a_template_from_a_record_keeps_its_reference_and_period() {
    let (_dir, mut store) = temp_store();
    let spec = serde_json::to_string(&demo::topic_notice()).unwrap();
    let new = NewNotice { kind: NoticeKind::Topic, spec, reference: Some(NoticeRef::Topic { id: "t-1".into() }) };
    let issued = store.write(|tx| issue(tx, &new, day("2026-11-21"))).unwrap();
    let e = &issued.entry;
    assert_eq!(e.reference, Some(NoticeRef::Topic { id: "t-1".into() }));
    let t = demo::topic_notice();
    assert_eq!(e.period_to, Some(t.period_to.to_string()));
    assert_eq!(reprint(store.conn(), &e.id).unwrap(), issued.pdf);
}

#[test]
fn a_photo_in_a_free_notice_is_printed_and_reprinted_identically() {
    let (_dir, mut store) = temp_store();
    let photo = store
        .write(|tx| attachments::add_image(tx, OwnerKind::Draft, "d-1", "管道.png", &demo::garage_photo()))
        .unwrap();
    let mut spec: serde_json::Value = serde_json::from_str(&water_notice()).unwrap();
    spec["photo"] = serde_json::json!({"attachment_id": photo.id, "caption": "检修的水泵房"});
    let spec = spec.to_string();
    let plain = preview(store.conn(), NoticeKind::Free, &water_notice(), Unprintable::Refuse).unwrap();
    let issued =
        store.write(|tx| issue_composed(tx, &spec, None, None, day("2026-12-01"), Unprintable::Refuse)).unwrap();
    assert!(issued.pdf.len() > plain.len() + 1000, "the photo is embedded");
    assert_eq!(reprint(store.conn(), &issued.entry.id).unwrap(), issued.pdf);
}

#[test]
fn drafts_autosave_and_issuing_discards_the_draft() {
    let (_dir, mut store) = temp_store();
    let half = r#"{"title":"停水","paragraphs":[]}"#;
    store.write(|tx| save_draft(tx, "draft-1", half)).unwrap();
    let r = store.write(|tx| save_draft(tx, "draft-1", &water_notice())).unwrap();
    assert_eq!(r.save_count, 2);
    let drafts = list_drafts(store.conn()).unwrap();
    assert_eq!((drafts.len(), drafts[0].title.as_str()), (1, "停水通知"));
    store
        .write(|tx| issue_composed(tx, &water_notice(), Some("draft-1"), None, day("2026-12-01"), Unprintable::Refuse))
        .unwrap();
    assert!(list_drafts(store.conn()).unwrap().is_empty());
    let err = store.write(|tx| save_draft(tx, "draft-1", half)).unwrap_err();
    assert_eq!(err.code(), "notice_draft_not_found", "a late autosave does not bring it back");
    let err = store.write(|tx| save_draft(tx, "draft-2", "{not json")).unwrap_err();
    assert_eq!(err.code(), "notice_bad_draft");
    assert_eq!(count(&store, "notice_drafts"), 1);
}

#[test]
fn a_template_is_saved_by_name_and_a_new_draft_starts_from_it_dated_today() {
    let (_dir, mut store) = temp_store();
    let mut content: serde_json::Value = serde_json::from_str(&water_notice()).unwrap();
    content["photo"] = serde_json::json!({"attachment_id": "x"});
    store.write(|tx| save_template(tx, "停水通知", &content.to_string())).unwrap();
    let t = store.write(|tx| save_template(tx, "停水通知", &water_notice())).unwrap();
    assert_eq!(list_templates(store.conn()).unwrap().len(), 1, "same name replaces");
    let draft = store.write(|tx| start_from_template(tx, &t.id, "draft-9", day("2027-03-10"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&draft.content).unwrap();
    assert_eq!(v["date"], "2027-03-10");
    assert_eq!(v["period"], serde_json::json!({"from": "2027-03-10", "to": "2027-03-16"}));
    assert_eq!(v["title"], "停水通知");
    assert!(v.get("photo").is_none());
    let err = store.write(|tx| save_template(tx, "", &water_notice())).unwrap_err();
    assert!(err.message().contains("模板名称"));
    store.write(|tx| remove_template(tx, &t.id)).unwrap();
    assert!(list_templates(store.conn()).unwrap().is_empty());
}

#[test]
fn printing_a_record_again_gives_the_same_notice_until_it_changes() {
    use crate::printouts::LoadOptions;
    let (_dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let meeting: String =
        store.conn().query_row("SELECT id FROM meetings WHERE title = '十一月居民议事会'", [], |r| r.get(0)).unwrap();
    let before = count(&store, "notices");
    let opts = LoadOptions::new(day("2026-11-21"));
    let first = store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &opts)).unwrap();
    assert!(matches!(first.entry.reference, Some(NoticeRef::Meeting { .. })), "{:?}", first.entry.reference);
    assert_eq!(first.entry.version, 1);
    let again = store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &opts)).unwrap();
    assert_eq!((again.entry.id.as_str(), again.pdf.as_slice()), (first.entry.id.as_str(), first.pdf.as_slice()));
    assert_eq!(count(&store, "notices"), before + 1, "nothing new when nothing changed");
    let later = LoadOptions::new(day("2026-11-23"));
    let v2 = store.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &later)).unwrap();
    assert_eq!((v2.entry.version, v2.entry.replaces_id.as_deref()), (2, Some(first.entry.id.as_str())));
    let err = store.write(|tx| issue_from_record(tx, NoticeKind::Free, &meeting, &opts)).unwrap_err();
    assert_eq!(err.code(), "notice_not_from_record");
    let err = store.write(|tx| issue_from_record(tx, NoticeKind::Topic, "no-such-topic", &opts)).unwrap_err();
    assert_eq!(err.code(), "notice_source_not_found");
    assert_eq!(count(&store, "notices"), before + 2);
}

#[test]
fn print_buttons_record_public_notices_in_the_ledger_but_not_the_internal_minutes() {
    use crate::printouts::{LoadOptions, NoticeKind as Kind};
    let (_dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let opts = LoadOptions::new(day("2026-11-21"));
    let closed: String =
        store.conn().query_row("SELECT id FROM meetings WHERE title = '便民桥修缮院坝会'", [], |r| r.get(0)).unwrap();
    let before = count(&store, "notices");
    for kind in [Kind::Minutes, Kind::SignIn] {
        let pdf = store.write(|tx| print_record(tx, kind, &closed, &opts)).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
    assert_eq!(count(&store, "notices"), before, "会议记录 and 签到表 are internal: no ledger entry");
    let pdf = store.write(|tx| print_record(tx, Kind::Points, "2026", &opts)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(count(&store, "notices"), before + 1, "the 积分榜 is posted publicly");
    let entries = list(store.conn(), day("2026-11-21")).unwrap();
    assert!(entries
        .iter()
        .any(|e| e.kind == NoticeKind::Points && e.reference == Some(NoticeRef::Points { year: "2026".into() })));

    let tasks: Vec<String> = store
        .conn()
        .prepare("SELECT id FROM tasks ORDER BY id LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let (pdf, subject) = store.write(|tx| print_progress_of_tasks(tx, &tasks, &opts)).unwrap();
    assert!(pdf.starts_with(b"%PDF") && !subject.is_empty());
    let reversed: Vec<String> = tasks.iter().rev().cloned().collect();
    let (again, _) = store.write(|tx| print_progress_of_tasks(tx, &reversed, &opts)).unwrap();
    assert_eq!(again, pdf, "the same tasks ticked in another order are the same notice");
    assert_eq!(count(&store, "notices"), before + 2);
}

#[test]
fn a_print_whose_file_cannot_be_written_leaves_no_ledger_entry() {
    use crate::printouts::{LoadOptions, NoticeKind as Kind};
    let (dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    let before = count(&store, "notices");
    let nowhere = dir.path().join("no-such-folder").join("积分榜.pdf");
    let opts = LoadOptions::new(day("2026-11-21"));
    let result = store.write(|tx| print_record_to(tx, Kind::Points, "2026", &opts, &nowhere));
    assert!(result.is_err());
    assert_eq!(count(&store, "notices"), before, "the entry went with the failed file");
}

#[test]
fn a_posting_day_is_read_the_chinese_way() {
    let (_dir, mut store) = temp_store();
    let id = issue_water(&mut store).entry.id;
    let e = store.write(|tx| record_posting(tx, &id, "北门", "12月1日", None, day("2026-12-01"))).unwrap();
    assert_eq!(e.posted_at.as_deref(), Some("2026-12-01"));
    let err = store.write(|tx| record_taken_down(tx, &id, "1926-12-05", day("2026-12-01"))).unwrap_err();
    assert!(err.message().contains("撤下日期") && err.message().contains("2000"), "{}", err.message());
}
