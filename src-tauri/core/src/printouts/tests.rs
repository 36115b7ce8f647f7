use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::pdf::{Block, Document};
use crate::store::Store;
use crate::testing::temp_store;

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

pub(super) fn demo() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    crate::demo::load(&mut store).unwrap();
    (dir, store)
}

pub(super) fn opts() -> LoadOptions {
    LoadOptions::new(today())
}

/// Everything a document prints, run together.
pub(super) fn text(doc: &Document) -> String {
    blocks_text(&doc.blocks)
}

fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) | Block::Subtitle(t) | Block::Salutation(t) | Block::Paragraph(t) => out.push_str(t),
            Block::Line { text, .. } | Block::Heading { text, .. } => out.push_str(text),
            Block::Table(t) => {
                t.columns.iter().for_each(|c| out.push_str(&c.title));
                t.rows.iter().flatten().for_each(|c| out.push_str(c));
            }
            Block::Signoff { issuer, date } => out.push_str(&format!("{issuer}{date}")),
            Block::Signatures(labels) => labels.iter().for_each(|l| out.push_str(l)),
            Block::Photo { caption, .. } => out.push_str(caption.as_deref().unwrap_or("")),
            Block::Keep(inner) => out.push_str(&blocks_text(inner)),
            Block::Qr { caption, .. } => out.push_str(caption),
            Block::Space(_) | Block::Cut => {}
        }
        out.push('\n');
    }
    out
}

pub(super) fn id_of(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

const PARKING_MEETING: &str = "SELECT id FROM meetings WHERE title = '小区停车秩序整治协商会'";
const PARKING_ITEM: &str = "SELECT id FROM agenda_items WHERE title = '小区停车乱，消防通道被占'";

#[test]
fn a_meeting_notice_lists_time_place_agenda_and_invited_with_the_settings_issuer() {
    let (_d, store) = demo();
    let id = id_of(store.conn(), "SELECT id FROM meetings WHERE title = '十一月居民议事会'");
    let n = meeting_notice(store.conn(), &id, &opts()).unwrap();
    assert_eq!(
        n.starts_at,
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(19, 0, 0).unwrap(),
        "China time"
    );
    assert_eq!((n.issuer.as_str(), n.date), ("幸福里社区居民委员会", today()));
    let printed = text(&n.document().unwrap());
    for expected in [
        "关于召开十一月居民议事会的通知",
        "社区党群服务中心二楼会议室",
        "老年食堂想增加晚餐",
        "垃圾分类亭异味大",
        "李红梅",
        "2026年11月21日",
    ] {
        assert!(printed.contains(expected), "{expected} missing:\n{printed}");
    }
}

#[test]
fn a_decision_notice_comes_from_the_item_or_any_of_its_decisions_with_the_vote() {
    let (_d, store) = demo();
    let item = id_of(store.conn(), PARKING_ITEM);
    let by_item = decision(store.conn(), &item, &opts()).unwrap();
    let decision_id = id_of(store.conn(), &format!("SELECT id FROM decisions WHERE agenda_item_id = '{item}'"));
    assert_eq!(decision(store.conn(), &decision_id, &opts()).unwrap(), by_item);
    let v = by_item.vote.unwrap();
    assert_eq!((v.agree, v.oppose, v.abstain, v.present, v.eligible), (9, 1, 1, 11, 11));
    assert!(by_item.rule.contains("到会人员过半数") && by_item.rule.contains("不少于6人"), "{}", by_item.rule);
    assert!(by_item.result.contains("表决通过"), "{}", by_item.result);
    let printed = text(&by_item.document().unwrap());
    assert!(printed.contains("临时停车位18个") && printed.contains("小区停车秩序整治协商会"), "{printed}");
}

#[test]
fn progress_marks_overdue_tasks_and_reads_a_decision_or_a_topic() {
    let (_d, store) = demo();
    let conn = store.conn();
    let item = id_of(conn, PARKING_ITEM);
    let decision_id = id_of(conn, &format!("SELECT id FROM decisions WHERE agenda_item_id = '{item}'"));
    // The states under test, whatever the demo's year of work left them at.
    conn.execute_batch(
        "DELETE FROM task_notes; \
         UPDATE tasks SET status = 'not_started' WHERE title = '改建东侧临时停车位18个'; \
         UPDATE tasks SET status = 'done' WHERE title = '施划标准车位和消防通道禁停线';",
    )
    .unwrap();
    let task_id = id_of(conn, "SELECT id FROM tasks WHERE title = '施划标准车位和消防通道禁停线'");
    conn.execute(
        "INSERT INTO task_notes (id, task_id, at, text, created_at, updated_at) VALUES ('n1', ?1, '2026-02-27', '状态由“进行中”改为“已完成”：黄线已施划', '2026-02-27T02:00:00Z', '2026-02-27T02:00:00Z')",
        [&task_id],
    )
    .unwrap();
    let n = progress(conn, &decision_id, &opts()).unwrap();
    let status = |title: &str| n.tasks.iter().find(|t| t.item == title).unwrap().status.clone();
    assert_eq!(n.tasks.len(), 2);
    assert_eq!(status("改建东侧临时停车位18个"), "未开始（已逾期）");
    assert_eq!(status("施划标准车位和消防通道禁停线"), "已完成：黄线已施划");
    // Before the deadline nothing is overdue.
    let early = LoadOptions::new(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
    assert!(progress(conn, &decision_id, &early).unwrap().tasks.iter().all(|t| !t.status.contains("逾期")));
    let topic_id = id_of(conn, "SELECT id FROM topics WHERE title = '小区停车乱，消防通道被占'");
    assert_eq!(progress(conn, &topic_id, &opts()).unwrap().tasks, n.tasks);
}

#[test]
fn progress_of_ticked_tasks_prints_just_those_titled_by_their_topic() {
    let (_d, store) = demo();
    let conn = store.conn();
    let task = |title: &str| id_of(conn, &format!("SELECT id FROM tasks WHERE title = '{title}'"));
    let (lights, floor) = (task("车库照明全部更换为LED灯"), task("车库地面防水修复"));
    let n = progress_of_tasks(conn, &[lights.clone(), floor.clone(), lights.clone()], &opts()).unwrap();
    let items: Vec<&str> = n.tasks.iter().map(|t| t.item.as_str()).collect();
    assert_eq!(items, ["车库照明全部更换为LED灯", "车库地面防水修复"], "by deadline, once each");
    assert!(n.subject.contains("车库"), "{}", n.subject);
    let mixed = progress_of_tasks(conn, &[lights, task("便民桥抬高加固")], &opts()).unwrap();
    assert_eq!(mixed.subject, "近期议定事项");
    assert!(matches!(progress_of_tasks(conn, &["nope".into()], &opts()), Err(LoadError::NotFound { .. })));
    assert!(progress_of_tasks(conn, &[], &opts()).is_err());
}

#[test]
fn minutes_list_who_came_who_spoke_votes_and_decisions_unmasked() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = id_of(conn, PARKING_MEETING);
    let item = id_of(conn, PARKING_ITEM);
    conn.execute(
        "UPDATE minutes SET text = text || '\n王秀兰留下电话13812345678。' WHERE agenda_item_id = ?1",
        [&item],
    )
    .unwrap();
    let m = minutes(conn, &id, &opts()).unwrap();
    assert_eq!(m.attendees.len(), 11);
    assert!(m.absentees.is_empty());
    assert_eq!((m.host.as_str(), m.recorder.as_str()), ("李红梅", "张敏"));
    assert_eq!(m.items.len(), 2);
    let printed = text(&m.document().unwrap());
    for expected in ["13812345678", "发言人：", "同意9票", "表决通过", "临时停车位18个", "主持人（签字）："]
    {
        assert!(printed.contains(expected), "{expected} missing:\n{printed}");
    }
    assert!(printed.contains("到会11人"), "explanation tidied: {printed}");
    let bench = id_of(conn, "SELECT id FROM meetings WHERE title = '电动车充电桩板凳会'");
    assert!(minutes(conn, &bench, &opts()).unwrap().absentees.contains(&"刘建国".to_string()));
}

#[test]
fn the_sign_in_sheet_has_every_invited_person_and_blank_rows() {
    let (_d, store) = demo();
    let id = id_of(store.conn(), PARKING_MEETING);
    let s = sign_in(store.conn(), &id, &opts()).unwrap();
    assert_eq!(s.invited.len(), 11);
    assert!(!s.invited[0].role.is_empty());
    // At least two rows for walk-ins; the sheet fills the rest of its last page (records.rs).
    assert_eq!(s.blank_rows, 2);
    let rows = table_rows(&s.document().unwrap());
    assert!(rows.len() >= 13, "{} rows", rows.len());
    assert!(rows[11..].iter().all(|r| r.len() == 1), "blank rows carry only their number");
}

fn table_rows(doc: &Document) -> Vec<Vec<String>> {
    doc.blocks
        .iter()
        .filter_map(|b| if let Block::Table(t) = b { Some(t.rows.clone()) } else { None })
        .flatten()
        .collect()
}

/// The agenda item of the demo that was decided 一户一票.
fn household_item(conn: &Connection) -> String {
    id_of(conn, "SELECT agenda_item_id FROM votes WHERE method = 'household' LIMIT 1")
}

#[test]
fn a_household_vote_is_printed_in_households_and_a_show_of_hands_in_people() {
    let (_d, store) = demo();
    let conn = store.conn();
    let item = household_item(conn);
    let n = decision(conn, &item, &opts()).unwrap();
    let v = n.vote.unwrap();
    assert!(v.by_household);
    assert!(n.rule.starts_with("全体户数过半数同意"), "{}", n.rule);
    assert!(n.result.contains("户") && !n.result.contains("票"), "{}", n.result);
    let printed = text(&n.document().unwrap());
    for expected in ["应到（户）", "实到（户）", "同意（户）"] {
        assert!(printed.contains(expected), "{expected} missing:\n{printed}");
    }
    assert!(!printed.contains("（人）") && !printed.contains("人员"), "{printed}");
    // The same vote in the minutes.
    let meeting = id_of(conn, &format!("SELECT meeting_id FROM agenda_items WHERE id = '{item}'"));
    let minutes_text = text(&minutes(conn, &meeting, &opts()).unwrap().document().unwrap());
    let line = minutes_text.lines().find(|l| l.starts_with("表决情况")).unwrap_or_default().to_string();
    assert!(line.contains("户，实到") && line.contains("同意") && !line.contains("票"), "{line}");
    // A show of hands stays in people.
    let hands = decision(conn, &id_of(conn, PARKING_ITEM), &opts()).unwrap();
    let printed = text(&hands.document().unwrap());
    assert!(
        printed.contains("应到（人）") && printed.contains("同意（票）") && !printed.contains("（户）"),
        "{printed}"
    );
    assert!(hands.rule.starts_with("到会人员过半数同意"), "{}", hands.rule);
}

#[test]
fn a_decision_notice_lists_each_decisions_tasks_with_unit_person_and_deadline() {
    let (_d, store) = demo();
    let conn = store.conn();
    let item = id_of(conn, PARKING_ITEM);
    let n = decision(conn, &item, &opts()).unwrap();
    let with_tasks: Vec<_> = n.decisions.iter().filter(|d| !d.tasks.is_empty()).collect();
    assert!(!with_tasks.is_empty(), "{:?}", n.decisions);
    let task = &with_tasks[0].tasks[0];
    assert!(!task.unit.is_empty() && !task.person.is_empty() && task.deadline.is_some(), "{task:?}");
    let printed = text(&n.document().unwrap());
    for expected in ["落实安排", "责任单位", "责任人", "完成时限", "第1项", task.item.as_str(), task.person.as_str()]
    {
        assert!(printed.contains(expected), "{expected} missing:\n{printed}");
    }
    // 责任人 are masked when names are masked on this notice.
    let masked = decision(conn, &item, &LoadOptions { mask_names: Some(true), ..opts() }).unwrap();
    let printed = text(&masked.document().unwrap());
    let person = &task.person;
    assert!(!printed.contains(person.as_str()) && printed.contains(&crate::privacy::mask_name(person)), "{printed}");
    // A decision without tasks says so instead of leaving the reader to guess.
    conn.execute(
        "UPDATE tasks SET deleted_at = '2026-11-21T00:00:00Z' WHERE decision_id IN (SELECT id FROM decisions WHERE agenda_item_id = ?1)",
        [&item],
    )
    .unwrap();
    let bare = text(&decision(conn, &item, &opts()).unwrap().document().unwrap());
    assert!(bare.contains("暂未分派落实任务") && !bare.contains("第1项"), "{bare}");
}

#[test]
fn points_rank_the_year_with_masked_names_unless_asked() {
    let (_d, store) = demo();
    let conn = store.conn();
    let t = points(conn, "2026", &opts()).unwrap();
    assert!(t.masking.names);
    assert!(t.entries.windows(2).all(|w| w[0].points >= w[1].points));
    let ranking = crate::points::ranking(conn, 2026).unwrap();
    assert_eq!(t.entries.len(), ranking.len());
    assert_eq!(t.entries[0].points, ranking[0].points);
    assert!(t.entries[0].note.contains("参会"), "{}", t.entries[0].note);
    let printed = text(&t.document().unwrap());
    let top = &ranking[0].name;
    assert!(!printed.contains(top.as_str()), "{top} printed unmasked");
    let shown = points(conn, "2026", &LoadOptions { mask_names: Some(false), ..opts() }).unwrap();
    assert!(text(&shown.document().unwrap()).contains(top.as_str()));
    assert!(points(conn, "2025", &opts()).unwrap().entries.is_empty());
    let err = points(conn, "今年", &opts()).unwrap_err();
    assert!(err.to_string().contains("今年"), "{err}");
}

fn insert_convention(conn: &Connection, status: &str, versions: &[&str]) -> String {
    let now = "2026-11-01T00:00:00.000Z";
    conn.execute(
        "INSERT INTO conventions (id, title, status, created_at, updated_at) VALUES ('c1', '幸福里小区居民公约', ?1, ?2, ?2)",
        [status, now],
    )
    .unwrap();
    for (i, chapters) in versions.iter().enumerate() {
        conn.execute(
            "INSERT INTO convention_versions (id, convention_id, version_no, chapters, preamble, created_at, updated_at) \
             VALUES (?1, 'c1', ?2, ?3, '为营造整洁、和谐的居住环境，制定本公约。', ?4, ?4)",
            rusqlite::params![format!("v{i}"), i as i64 + 1, chapters, now],
        )
        .unwrap();
    }
    "c1".to_string()
}

#[test]
fn a_draft_convention_prints_its_latest_version_for_comment() {
    let (_d, store) = demo();
    let old = r#"[{"title":"总则","articles":["旧条文"]}]"#;
    let new = r#"[{"title":"总则","articles":["本公约适用于全体居民。"]},{"title":"公共秩序","articles":["车辆按线停放。","遛狗牵绳。"]}]"#;
    let id = insert_convention(store.conn(), "draft", &[old, new]);
    let c = convention(store.conn(), &id, &opts()).unwrap();
    assert_eq!(c.chapters.len(), 2);
    assert_eq!(c.draft_period, Some((today(), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())));
    let printed = text(&c.document().unwrap());
    assert!(printed.contains("第三条 遛狗牵绳。") && !printed.contains("旧条文"), "{printed}");
    assert!(printed.contains("为营造整洁"), "{printed}");
}

#[test]
fn damaged_chapters_are_reported_not_printed() {
    let (_d, store) = demo();
    let id = insert_convention(store.conn(), "draft", &["[{\"title\": 1}]"]);
    let err = convention(store.conn(), &id, &opts()).unwrap_err();
    assert!(matches!(err, LoadError::Damaged { .. }), "{err}");
}

#[test]
fn a_topic_title_pasted_with_a_bom_and_zero_width_space_prints_without_them() {
    let (_d, mut store) = demo();
    let id = crate::meetings::fixtures::accepted_topic(&mut store, "\u{FEFF}电梯\u{200B}维修\u{202E}公示❤\u{FE0F}");
    let printed = text(&topic(store.conn(), &id, &opts()).unwrap().document().unwrap());
    assert!(printed.contains("电梯维修公示❤\u{FE0F}"), "the emoji keeps its selector: {printed}");
    assert!(!printed.contains(['\u{FEFF}', '\u{200B}', '\u{202E}', '\u{2028}']), "{printed}");
}

#[test]
fn a_topic_notice_has_a_default_period_and_masks_phone_numbers() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = id_of(conn, "SELECT id FROM topics WHERE title = '老年食堂想增加晚餐'");
    conn.execute("UPDATE topics SET description = description || '联系人电话13812345678' WHERE id = ?1", [&id])
        .unwrap();
    let n = topic(conn, &id, &opts()).unwrap();
    assert_eq!((n.period_from, n.period_to), (today(), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()));
    assert!(n.plan[0].contains("十一月居民议事会"), "{:?}", n.plan);
    let printed = text(&n.document().unwrap());
    assert!(printed.contains("138****5678") && !printed.contains("13812345678"), "{printed}");
    let decided = id_of(conn, "SELECT id FROM topics WHERE title = '共享单车乱停放'");
    assert!(topic(conn, &decided, &opts()).unwrap().plan[0].contains("共享单车停放区"));
}

#[test]
fn a_missing_id_names_what_was_looked_for() {
    let (_d, store) = demo();
    let conn = store.conn();
    let cases = [
        (NoticeKind::MeetingNotice, "会议"),
        (NoticeKind::Minutes, "会议"),
        (NoticeKind::SignIn, "会议"),
        (NoticeKind::Topic, "议题"),
        (NoticeKind::Decision, "议程事项或决议"),
        (NoticeKind::Progress, "决议或议题"),
        (NoticeKind::Convention, "公约"),
    ];
    for (kind, what) in cases {
        let err = load(conn, kind, "nope", &opts()).err().unwrap();
        assert!(matches!(err, LoadError::NotFound { .. }), "{kind:?}: {err}");
        assert!(err.to_string().contains(&format!("找不到编号为 nope 的{what}")), "{kind:?}: {err}");
    }
}

#[test]
fn every_kind_renders_from_the_demo() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = insert_convention(conn, "adopted", &[r#"[{"title":"总则","articles":["遵守公约。"]}]"#]);
    let ids = [
        (NoticeKind::MeetingNotice, id_of(conn, PARKING_MEETING)),
        (NoticeKind::Topic, id_of(conn, "SELECT id FROM topics WHERE title = '地下车库地面破损、照明不足'")),
        (NoticeKind::Decision, id_of(conn, PARKING_ITEM)),
        (NoticeKind::Progress, id_of(conn, "SELECT id FROM decisions LIMIT 1")),
        (NoticeKind::Minutes, id_of(conn, PARKING_MEETING)),
        (NoticeKind::SignIn, id_of(conn, PARKING_MEETING)),
        (NoticeKind::Points, "2026".to_string()),
        (NoticeKind::Convention, id),
        (NoticeKind::Supervision, String::new()),
        (NoticeKind::MonthReview, "2026-11".to_string()),
        (NoticeKind::Ballots, id_of(conn, PARKING_ITEM)),
        (NoticeKind::Tally, id_of(conn, PARKING_ITEM)),
    ];
    for (kind, id) in ids {
        let bytes = load(conn, kind, &id, &opts()).unwrap().render().unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(bytes.starts_with(b"%PDF"), "{kind:?}");
    }
}

#[test]
fn kinds_parse_from_their_cli_names() {
    for &kind in NoticeKind::ALL.iter().filter(|k| k.from_record()) {
        assert_eq!(super::kind_named(kind.as_str()).unwrap(), kind);
        assert_eq!(super::kind_named(&kind.as_str().replace('_', "-")).unwrap(), kind);
    }
    let err = super::kind_named("minute").unwrap_err().to_string();
    assert!(err.contains("minutes（会议记录）"), "{err}");
    // The composed free notice is in the ledger's list but not a template filled from a record.
    assert!(super::kind_named("free").is_err());
}

#[test]
fn screen_spacing_around_numbers_is_dropped_for_print() {
    assert_eq!(super::common::tidy("到会 11 人，同意 9 票（6 票）"), "到会11人，同意9票（6票）");
    assert_eq!(super::common::tidy("LED 灯 and 2 lamps"), "LED 灯 and 2 lamps");
}

#[test]
fn a_topic_notice_names_its_raiser_masked_unless_asked_and_residents_when_anonymous() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = id_of(conn, "SELECT id FROM topics WHERE title = '老年食堂想增加晚餐'");
    conn.execute("UPDATE topics SET raised_by_name = '王秀兰', raised_by_person_id = NULL WHERE id = ?1", [&id])
        .unwrap();
    let printed = text(&topic(conn, &id, &opts()).unwrap().document().unwrap());
    assert!(printed.contains("该议题由王*兰于") && !printed.contains("王秀兰"), "{printed}");
    let full = LoadOptions { mask_names: Some(false), ..opts() };
    assert!(text(&topic(conn, &id, &full).unwrap().document().unwrap()).contains("该议题由王秀兰于"));
    conn.execute("UPDATE topics SET raised_by_name = '', raised_by_person_id = NULL WHERE id = ?1", [&id]).unwrap();
    let printed = text(&topic(conn, &id, &full).unwrap().document().unwrap());
    assert!(printed.contains("该议题由居民于"), "{printed}");
}

#[test]
fn the_public_number_prints_whole_on_public_notices_and_other_numbers_are_masked() {
    let (_d, store) = demo();
    let conn = store.conn();
    let phone = crate::community::public_phone(conn).unwrap();
    assert!(!phone.is_empty(), "the demo sets the committee's number");
    let id = id_of(conn, "SELECT id FROM topics WHERE title = '老年食堂想增加晚餐'");
    conn.execute("UPDATE topics SET description = description || '王阿姨家座机0531-86112233。' WHERE id = ?1", [&id])
        .unwrap();
    let printed = text(&topic(conn, &id, &opts()).unwrap().document().unwrap());
    assert!(printed.contains(&format!("电话{phone}")), "{printed}");
    assert!(printed.contains("0531-****2233") && !printed.contains("86112233"), "{printed}");
    let notice = text(&meeting_notice(conn, &id_of(conn, PARKING_MEETING), &opts()).unwrap().document().unwrap());
    assert!(notice.contains("联系方式") && notice.contains(&phone), "{notice}");
}

#[test]
fn the_supervision_list_groups_overdue_and_due_soon_tasks_by_unit() {
    let (_d, store) = demo();
    let conn = store.conn();
    // 11-28: the water pipe (院坝一组, due 11-30) is due soon; the blocked dog convention and the
    // garage floor are overdue.
    let mut o = opts();
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let list = super::supervision(conn, "", &o).unwrap();
    assert!(list.overdue >= 1 && list.due_soon >= 1, "{list:?}");
    let pipe = list.units.iter().find(|u| u.unit == "院坝一组").expect("the water pipe's unit");
    assert_eq!(pipe.tasks[0].person, "杨师傅", "as reassigned, not as the meeting named");
    let only = super::supervision(conn, "院坝一组", &o).unwrap();
    assert_eq!(only.units.len(), 1);
    let bytes = load(conn, NoticeKind::Supervision, "", &o).unwrap().render().unwrap();
    if let Ok(path) = std::env::var("YISHI_SUPERVISION_PDF") {
        std::fs::write(path, &bytes).unwrap();
    }
}

/// Issue 22: a topic with a 方案 prints its current version, cost, drafter and the opinions,
/// masks the phone in it, and invites comments. `YISHI_SAVE_PDF` names a file to keep the PDF
/// (docs/notices/topic-plan.png is its first page).
#[test]
fn a_topic_with_a_plan_prints_the_plan_its_cost_drafter_and_opinions() {
    let (_d, store) = demo();
    let conn = store.conn();
    let id = id_of(conn, "SELECT id FROM topics WHERE title = '加装电梯意向征集'");
    let n = topic(conn, &id, &opts()).unwrap();
    let printed = text(&n.document().unwrap());
    for words in [
        "拟定方案",
        "北侧单元入口加装电梯",
        "预计费用：580000元（¥580,000.00）",
        "方案起草：议事攻坚小组（第2稿，2026年10月28日修改）",
        "1. 社区评审团（律师 周明远）就合法性提出（2026年10月22日）：",
        "2. 社区评审团就成本提出（2026年10月22日）：68万元",
        "每条意见都将登记并答复",
        "139****5678",
    ] {
        assert!(printed.contains(words), "{words} missing from:\n{printed}");
    }
    assert!(!printed.contains("13912345678"), "{printed}");
    assert!(!printed.contains("形成具体方案后另行公示"), "the placeholder gives way to the plan");
    let pdf = n.render().unwrap();
    if let Ok(path) = std::env::var("YISHI_SAVE_PDF") {
        std::fs::write(path, &pdf).unwrap();
    }
    // A topic without a plan still prints the sentence about the meeting.
    let other = id_of(conn, "SELECT id FROM topics WHERE title = '老年食堂想增加晚餐'");
    assert_eq!(topic(conn, &other, &opts()).unwrap().proposal, None);
}
