use super::*;
use crate::error::UserFacing;
use crate::followup::fixtures::day;
use crate::meetings::fixtures;
use crate::notices::Notice;
use crate::search::{self as find, SearchQuery};
use crate::testing::{count, temp_store};

fn draft() -> ConventionText {
    ConventionText {
        preamble: "为营造文明和谐的居住环境，经全体居民协商，制定本公约。".into(),
        chapters: vec![
            Chapter {
                title: "总则".into(), articles: vec!["本公约适用于幸福里小区全体居民。".into()]
            },
            Chapter {
                title: "文明养犬".into(),
                articles: vec!["遛狗须牵绳，及时清理粪便。".into(), "大型犬不得进入儿童游乐区。".into()],
            },
        ],
    }
}

#[test]
fn draft_post_feedback_revise_adopt() {
    let (_d, mut store) = temp_store();
    let c = store.write(|tx| create(tx, "幸福里小区居民公约", &draft())).unwrap();
    assert_eq!((c.status, c.current.version_no, c.current.note.as_str()), (ConventionStatus::Draft, 1, "初稿"));

    let c = store.write(|tx| post(tx, &c.id, day(11, 1), day(11, 10))).unwrap();
    assert_eq!((c.status, c.posted_version_no, c.posted_to), (ConventionStatus::Posted, Some(1), Some(day(11, 10))));
    let fb = NewFeedback {
        received_on: day(11, 3),
        from_name: "王秀兰".into(),
        text: "建议增加电动车不得进楼道".into(),
        response: String::new(),
    };
    let f = store.write(|tx| add_feedback(tx, &c.id, &fb)).unwrap();
    assert_eq!(f.version_no, 1);
    let f = store.write(|tx| respond_to_feedback(tx, &f.id, "采纳，增加第四条")).unwrap();
    assert_eq!(f.response, "采纳，增加第四条");

    let mut v2 = draft();
    v2.chapters[1].articles.push("电动车不得进入楼道、电梯充电。".into());
    let c = store.write(|tx| save_version(tx, &c.id, &v2, "采纳居民意见，增加第四条")).unwrap();
    assert_eq!((c.status, c.current.version_no, c.posted_version_no), (ConventionStatus::Draft, 2, Some(1)));
    assert_eq!(versions(store.conn(), &c.id).unwrap().len(), 2);

    let m = fixtures::meeting(&mut store, "幸福里社区居民会议", "2026-11-20T19:30:00+08:00");
    let c = store.write(|tx| adopt(tx, &c.id, 2, &m.id)).unwrap();
    assert_eq!((c.status, c.adopted_version_no), (ConventionStatus::Adopted, Some(2)));
    assert_eq!(feedback(store.conn(), &c.id).unwrap().len(), 1);

    let n = notice(store.conn(), &c.id, "幸福里社区居民委员会", day(11, 21)).unwrap();
    assert_eq!(n.adopted.as_deref(), Some("2026年11月20日经幸福里社区居民会议通过"));
    assert_eq!(n.chapters[1].articles.len(), 3);
    assert!(n.render().unwrap().starts_with(b"%PDF"));
}

#[test]
fn an_adopted_convention_is_final_and_refusals_change_nothing() {
    let (_d, mut store) = temp_store();
    let c = store.write(|tx| create(tx, "院坝公约", &draft())).unwrap();
    let m = fixtures::meeting(&mut store, "院坝会", "2026-11-20T19:30:00+08:00");
    let e = store.write(|tx| adopt(tx, &c.id, 1, &m.id)).unwrap_err();
    assert_eq!(e.code(), "convention_not_posted_yet");
    let fb =
        NewFeedback { received_on: day(11, 3), from_name: String::new(), text: "好".into(), response: String::new() };
    assert_eq!(store.write(|tx| add_feedback(tx, &c.id, &fb)).unwrap_err().code(), "convention_not_posted_yet");
    store.write(|tx| post(tx, &c.id, day(11, 1), day(11, 7))).unwrap();
    assert_eq!(store.write(|tx| adopt(tx, &c.id, 9, &m.id)).unwrap_err().code(), "convention_no_such_version");
    store.write(|tx| adopt(tx, &c.id, 1, &m.id)).unwrap();

    let before = (count(&store, "convention_versions"), count(&store, "convention_feedback"));
    let e = store.write(|tx| save_version(tx, &c.id, &draft(), "")).unwrap_err();
    assert_eq!(e.code(), "convention_already_adopted");
    assert!(e.to_string().contains("院坝公约"));
    assert_eq!(store.write(|tx| add_feedback(tx, &c.id, &fb)).unwrap_err().code(), "convention_already_adopted");
    assert_eq!(
        store.write(|tx| post(tx, &c.id, day(11, 1), day(11, 7))).unwrap_err().code(),
        "convention_already_adopted"
    );
    assert_eq!((count(&store, "convention_versions"), count(&store, "convention_feedback")), before);
}

#[test]
fn empty_chapters_articles_and_bad_periods_are_refused_with_their_place() {
    let (_d, mut store) = temp_store();
    let mut t = draft();
    t.chapters[1].articles[1] = "  ".into();
    let e = store.write(|tx| create(tx, "公约", &t)).unwrap_err();
    assert_eq!(e.to_string(), "第2章第2条是空的，请填写内容或删除这一条。");
    t.chapters[1].articles.clear();
    assert_eq!(store.write(|tx| create(tx, "公约", &t)).unwrap_err().code(), "convention_chapter_empty");
    let none = ConventionText { preamble: String::new(), chapters: vec![] };
    assert_eq!(store.write(|tx| create(tx, "公约", &none)).unwrap_err().code(), "convention_no_chapters");
    assert_eq!(store.write(|tx| create(tx, " ", &draft())).unwrap_err().code(), "field_empty");
    assert_eq!(count(&store, "conventions"), 0);
    let c = store.write(|tx| create(tx, "公约", &draft())).unwrap();
    let e = store.write(|tx| post(tx, &c.id, day(11, 10), day(11, 1))).unwrap_err();
    assert_eq!(e.code(), "convention_bad_period");
    assert_eq!(get(store.conn(), &c.id).unwrap().status, ConventionStatus::Draft);
}

#[test]
fn the_current_text_is_searchable_and_a_posted_draft_prints_as_such() {
    let (_d, mut store) = temp_store();
    let c = store.write(|tx| create(tx, "文明养犬公约", &draft())).unwrap();
    let hits = find::search(store.conn(), &SearchQuery::new("牵绳")).unwrap().hits;
    assert_eq!((hits[0].kind, hits[0].record_id.as_str()), (find::DocKind::Convention, c.id.as_str()));
    let mut v2 = draft();
    v2.chapters[1].articles[0] = "遛狗须拴绳。".into();
    store.write(|tx| save_version(tx, &c.id, &v2, "")).unwrap();
    assert_eq!(find::search(store.conn(), &SearchQuery::new("牵绳")).unwrap().total, 0);
    assert_eq!(find::search(store.conn(), &SearchQuery::new("拴绳")).unwrap().total, 1);
    store.write(|tx| post(tx, &c.id, day(11, 1), day(11, 10))).unwrap();
    let n = notice(store.conn(), &c.id, "幸福里社区居民委员会", day(11, 1)).unwrap();
    assert_eq!(n.draft_period, Some((day(11, 1), day(11, 10))));
    assert_eq!(n.chapters[1].articles[0], "遛狗须拴绳。");
    assert_eq!(list(store.conn()).unwrap().len(), 1);
}

#[test]
fn search_docs_rebuild_what_conventions_indexed() {
    let (_d, mut store) = temp_store();
    let c = store.write(|tx| create(tx, "文明养犬公约", &draft())).unwrap();
    store.write(|tx| post(tx, &c.id, day(11, 1), day(11, 10))).unwrap();
    crate::followup::tests::assert_index_matches(&store, "convention", &search_docs(store.conn()).unwrap());
}
