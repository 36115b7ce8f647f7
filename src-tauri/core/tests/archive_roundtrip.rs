//! Export → verify → import into an empty database gives the same records; a second import
//! changes nothing; the ledger opens in a spreadsheet reader with Chinese headers and real dates.

mod archive_common;

use archive_common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::collections::BTreeMap;

use yishi_core::archive::{self, Manifest};

#[test]
fn round_trip_into_an_empty_database_gives_identical_records() {
    // The empty database is made first, so its seeded catalogue rows are the older copies.
    let (_t, mut target) = empty_store();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("yishi-archive-幸福里社区-"), "{name}");
    archive::verify(&folder).unwrap();

    let dry = archive::dry_run(&target, &folder).unwrap();
    assert!(!dry.applied);
    assert!(dry.new > 300, "{dry:?}");
    assert_eq!(count(&target, "topics"), 0, "a dry run changes nothing");

    let summary = archive::import(&mut target, &folder).unwrap();
    assert_eq!((summary.new, summary.updated, summary.conflicts.len()), (dry.new, dry.updated, 0));
    assert_eq!(dump_records(&target), dump_records(&source), "every record arrives unchanged");
    // The search index was rebuilt: the demo's garage topic is found on the new laptop.
    let hits = yishi_core::search::search(target.conn(), &yishi_core::search::SearchQuery::new("车库")).unwrap();
    assert!(hits.total > 0);
}

#[test]
fn importing_the_same_archive_twice_changes_nothing_the_second_time() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let (_t, mut target) = empty_store();
    archive::import(&mut target, &folder).unwrap();
    let before = dump(&target);
    let again = archive::import(&mut target, &folder).unwrap();
    assert_eq!((again.new, again.updated), (0, 0), "{again:?}");
    assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
    assert!(again.tables.is_empty());
    assert_eq!(dump(&target), before, "row-identical, search index included");
    // Importing a laptop's own archive back is also a no-op.
    let before = dump(&source);
    let mut source = source;
    let own = archive::import(&mut source, &folder).unwrap();
    assert_eq!((own.new, own.updated, own.conflicts.len()), (0, 0, 0));
    assert_eq!(dump(&source), before);
}

#[test]
fn manifest_lists_every_file_with_size_and_hash() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let m: Manifest = serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m.format_version, archive::FORMAT_VERSION);
    assert_eq!(m.community, "幸福里社区");
    assert_eq!(m.counts["topics"], 30);
    assert!(!m.counts.contains_key("search_docs"), "the index is derived, not counted");
    let paths: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    for p in [
        "yishi.db.age",
        "ledger.xlsx",
        "csv/议题.csv",
        "csv/会议.csv",
        "csv/议定事项与任务.csv",
        "csv/评价.csv",
        "csv/积分.csv",
        "csv/资金.csv",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    for f in &m.files {
        assert_eq!(std::fs::metadata(folder.join(&f.path)).unwrap().len(), f.size, "{}", f.path);
        assert_eq!(f.sha256.len(), 64);
    }
    assert_eq!(m.notices.count as i64, count(&source, "notices"), "every issued notice: {:?}", m.notices);
    assert_eq!(m.files.iter().filter(|f| f.path.starts_with("notices/")).count(), m.notices.count);
    let leftovers: Vec<_> = std::fs::read_dir(folder.parent().unwrap()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no partial folder stays behind");
}

#[test]
fn ledger_opens_with_chinese_headers_real_dates_and_the_records() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let mut book: Xlsx<_> = open_workbook(folder.join("ledger.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), vec!["议题", "会议", "议定事项与任务", "评价", "积分", "资金", "月度研判"]);

    let topics = book.worksheet_range("议题").unwrap();
    let header: Vec<String> = topics.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..4], ["登记时间", "议题", "来源渠道", "提出人"]);
    assert_eq!(topics.height(), 31, "a header and the 30 demo topics");
    let titles: Vec<String> = topics.rows().skip(1).map(|r| r[1].to_string()).collect();
    let first: String =
        source.conn().query_row("SELECT title FROM topics ORDER BY raised_at, id LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(titles[0], first);
    assert!(matches!(topics.get((1, 0)), Some(Data::DateTime(_))), "dates are dates: {:?}", topics.get((1, 0)));
    let channels = ["电话", "微信群", "12345热线", "入户走访", "问卷", "意见箱", "网格员", "随手拍", "其他"];
    assert!(topics.rows().skip(1).all(|r| !r[2].to_string().is_empty()));
    assert!(topics.rows().skip(1).any(|r| channels.contains(&r[2].to_string().as_str())), "channels as labels");

    let meetings = book.worksheet_range("会议").unwrap();
    assert_eq!(meetings.height(), 9, "a header and the 8 demo meetings");
    assert_eq!(meetings.get((0, 0)).unwrap().to_string(), "会议时间");
    assert!(matches!(meetings.get((1, 7)), Some(Data::Float(_)) | Some(Data::Int(_))), "到会人数 is a number");

    let points = book.worksheet_range("积分").unwrap();
    assert_eq!(points.get((0, 1)).unwrap().to_string(), "姓名");
    assert_eq!(points.height() as i64, 1 + count(&source, "points_entries"));
}

/// The 资金 sheet: one row per source, spend, gift and labour entry; amounts are currency cells
/// in the xlsx and exact decimals in the CSV; a donor without consent is named in neither.
#[test]
fn the_funds_sheet_has_a_row_per_source_spend_and_gift_with_currency_cells() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let mut book: Xlsx<_> = open_workbook(folder.join("ledger.xlsx")).unwrap();
    let funds = book.worksheet_range("资金").unwrap();
    let rows = count(&source, "fund_sources") + count(&source, "fund_spends") + count(&source, "fund_in_kind");
    assert_eq!(funds.height() as i64, 1 + rows, "a header and one row per source, spend and gift");
    let header: Vec<String> = funds.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(
        &header[..8],
        ["日期", "类别", "项目", "资金来源", "出资方或收款方", "事项", "金额（元）", "该来源结余（元）"]
    );
    let weld = funds.rows().find(|r| r[5] == "桥面栏杆焊接").expect("the welding spend");
    assert_eq!(weld[1].to_string(), "支出");
    assert!(matches!(weld[0], Data::DateTime(_)), "the day is a date: {:?}", weld[0]);
    assert_eq!(weld[6], Data::Float(6400.0), "a currency cell, not text");
    assert_eq!(weld[7], Data::Float(1600.0), "the donations' balance after it");
    let labour = funds.rows().find(|r| r[1] == "投工投劳").expect("the labour row");
    assert_eq!(labour[8].to_string(), "64");
    let all: String = funds.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(all.contains("县慈善协会") && !all.contains("在外务工村民"), "consent kept in the xlsx");
    let csv = std::fs::read_to_string(folder.join("csv/资金.csv")).unwrap();
    assert!(csv.contains(",6400.00,1600.00,"), "exact decimals in the CSV: {csv}");
    assert!(csv.contains(",26850.00,3150.00,"), "{csv}");
    assert!(!csv.contains("在外务工村民"), "consent kept in the CSV");
}

#[test]
fn csv_files_are_utf8_with_bom_for_wps_and_excel() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let bytes = std::fs::read(folder.join("csv/议题.csv")).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.trim_start_matches('\u{feff}').starts_with("登记时间,议题,来源渠道"));
    assert_eq!(text.matches("\r\n").count() as i64, 1 + count(&source, "topics") + embedded_newlines(&source));
}

/// Line breaks inside topic texts (quoted in the CSV) also match "\r\n" only if typed so; the
/// demo's texts have none.
fn embedded_newlines(store: &yishi_core::store::Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM topics WHERE description LIKE '%' || char(13, 10) || '%'", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn notices_issued_in_the_period_are_reprinted_into_notices() {
    use yishi_core::bulletin::{issue_from_record, NoticeKind};
    use yishi_core::printouts::LoadOptions;
    let (_s, mut source) = demo_store();
    let meeting: String =
        source.conn().query_row("SELECT id FROM meetings ORDER BY starts_at LIMIT 1", [], |r| r.get(0)).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let issued =
        source.write(|tx| issue_from_record(tx, NoticeKind::MeetingNotice, &meeting, &LoadOptions::new(day))).unwrap();
    let (_stick, folder) = export(&source);
    let m: Manifest = serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert!(m.notices.included, "{:?}", m.notices);
    let pdfs: Vec<_> = m.files.iter().filter(|f| f.path.starts_with("notices/")).collect();
    assert_eq!(pdfs.len() as i64, count(&source, "notices"));
    assert!(pdfs.iter().all(|p| p.path.starts_with("notices/20") && p.path.ends_with(".pdf")), "{pdfs:?}");
    let stored: String = source
        .conn()
        .query_row("SELECT pdf_sha256 FROM notices WHERE id = ?1", [&issued.entry.id], |r| r.get(0))
        .unwrap();
    assert!(pdfs.iter().any(|p| p.sha256 == stored), "the same bytes as when it was issued");

    // A period before it was issued: no notices/ folder, and the manifest says why.
    let stick = tempfile::tempdir().unwrap();
    let before = Some((
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2020, 12, 31).unwrap(),
    ));
    let report =
        archive::export_with(&source, stick.path(), before, &mut archive::Disk, yishi_core::time::now(), &mut |_| {})
            .unwrap();
    assert!(!report.path.join("notices").exists());
    let m: Manifest = serde_json::from_slice(&std::fs::read(report.path.join("manifest.json")).unwrap()).unwrap();
    assert!(!m.notices.included && m.notices.note.contains("没有发布过公示"));
}

#[test]
fn the_ledger_and_csv_mask_phone_and_id_numbers_in_free_text() {
    let (_s, mut source) = demo_store();
    source
        .write(|tx| {
            tx.execute(
                "UPDATE topics SET description = description || '联系人电话１３８-1234-5678，身份证11010519491231002X。' \
                 WHERE title LIKE '地下车库%'",
                [],
            )
        })
        .unwrap();
    let (_stick, folder) = export(&source);
    let csv = std::fs::read_to_string(folder.join("csv/议题.csv")).unwrap();
    assert!(csv.contains("138****5678") && csv.contains("110105********002X"), "masked in the CSV");
    assert!(!csv.contains("1234-5678") && !csv.contains("19491231"), "no whole number in the CSV");
    let mut book: Xlsx<_> = open_workbook(folder.join("ledger.xlsx")).unwrap();
    let topics = book.worksheet_range("议题").unwrap();
    let cells: String = topics.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.contains("138****5678") && !cells.contains("19491231"), "masked in the xlsx");
}

#[test]
fn a_second_export_reuses_the_issued_pdfs_and_never_a_damaged_copy() {
    let (data, store) = demo_store();
    let pdfs = |folder: &std::path::Path| -> BTreeMap<String, Vec<u8>> {
        let dir = folder.join("notices");
        let files = std::fs::read_dir(&dir).unwrap().flatten();
        files.map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())).collect()
    };
    let (_a, first) = export(&store);
    let printed = pdfs(&first);
    assert!(!printed.is_empty(), "the demo has issued notices");
    // The first export kept each issued PDF beside the database, named by its sha256.
    let cache = data.path().join(".notice-cache");
    let kept: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(kept.len(), printed.len());
    // A kept copy damaged on disk is not used: the export renders that notice again.
    std::fs::write(&kept[0], b"%PDF-1.7 damaged").unwrap();
    let (_b, second) = export(&store);
    assert_eq!(pdfs(&second), printed, "the same notices, byte for byte");
    archive::verify(&second).unwrap();
    assert_ne!(std::fs::read(&kept[0]).unwrap(), b"%PDF-1.7 damaged", "the damaged copy was replaced");
    // Exporting does not leave the live database less durable than it was.
    let level: i64 = store.conn().query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(level, 2, "synchronous=FULL again after the snapshot");
}

/// Inspectors ask for each vote with its decision: the counts, the rule and the result.
#[test]
fn the_decisions_sheet_carries_each_votes_counts_rule_and_result() {
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let mut book: Xlsx<_> = open_workbook(folder.join("ledger.xlsx")).unwrap();
    let sheet = book.worksheet_range("议定事项与任务").unwrap();
    let header: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[12..], ["表决方式", "同意", "反对", "弃权", "应到", "实到", "表决规则", "表决结果"]);
    let parking = sheet.rows().find(|r| r[2] == "小区停车乱，消防通道被占").expect("the parking decision");
    let vote: Vec<String> = parking[12..].iter().map(|c| c.to_string()).collect();
    assert_eq!(vote, ["举手", "9", "1", "1", "11", "11", "过半数（到会）", "通过"]);
    assert!(matches!(parking[13], Data::Float(_) | Data::Int(_)), "counts are numbers: {:?}", parking[13]);
    let quorum = sheet.rows().find(|r| r[2] == "楼道堆放垃圾和夜间音乐扰民").expect("the stairwell decision");
    assert_eq!(quorum[19].to_string(), "不足法定人数");
    assert_eq!((quorum[16].to_string(), quorum[17].to_string()), ("24".to_string(), "12".to_string()));
}

/// 月度研判: a row per month of this year up to this month, the figures of its 月度议题研判表.
#[test]
fn the_month_review_sheet_has_a_row_per_month_with_the_review_figures() {
    use chrono::Datelike;
    let (_s, source) = demo_store();
    let (_stick, folder) = export(&source);
    let mut book: Xlsx<_> = open_workbook(folder.join("ledger.xlsx")).unwrap();
    let sheet = book.worksheet_range("月度研判").unwrap();
    let header: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header[..6], ["月份", "统计截至", "收集议题", "即办件", "代办件", "上报件"]);
    assert_eq!(header[6..], ["未办结代办件", "未办结上报件", "逾期任务", "未答复提出人"]);
    let today = yishi_core::community::today(source.conn()).unwrap();
    assert_eq!(sheet.height() as u32, 1 + today.month(), "a header and the months so far");
    let rows: Vec<Vec<String>> = sheet.rows().skip(1).map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    // The sheet's figures are the printed sheet's, month by month.
    for (i, row) in rows.iter().enumerate() {
        let id = format!("{}-{:02}", today.year(), i + 1);
        let r =
            yishi_core::printouts::month_review(source.conn(), &id, &yishi_core::printouts::LoadOptions::new(today))
                .unwrap();
        assert_eq!(row[0], format!("{}年{}月", r.year, r.month));
        let want: Vec<String> = [
            r.counts.total(),
            r.counts.immediate,
            r.counts.community,
            r.counts.escalate,
            r.open_community.len(),
            r.open_escalated.len(),
            r.overdue.len(),
            r.unanswered.len(),
        ]
        .iter()
        .map(|n| n.to_string())
        .collect();
        assert_eq!(row[2..], want[..], "{id}");
    }
    if today.year() == 2026 && today.month() >= 11 {
        // The demo's November: 7 topics collected, all 代办件; 3 上报件 still waiting.
        assert_eq!(rows[10][2..6], ["7", "0", "7", "0"]);
        assert_eq!(rows[10][7], "3");
    }
}
