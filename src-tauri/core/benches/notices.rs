//! Notice rendering figures: `cargo bench -p yishi-core --bench notices` (release build).
//! Targets from the notices issue: one-page A4 notice ≤ 50 ms and ≤ 300 KB with fonts loaded,
//! also with emoji and rare names in it (fallback fonts, issue 15); a 20-page minutes document
//! ≤ 1 s. Font parsing and peak memory are reported separately.

use std::time::{Duration, Instant};

use yishi_core::notices::{demo, AgendaItem, Decided, Notice, Speech};
use yishi_core::pdf::{self, Fonts, Unprintable};

fn main() {
    let t = Instant::now();
    let fonts = Fonts::parse();
    println!("font parse (Regular + Black): {:.1} ms", ms(t.elapsed()));
    let t = Instant::now();
    fonts.parse_fallbacks();
    println!("fallback parse (Noto Emoji Regular + Bold, HanaMinB): {:.1} ms", ms(t.elapsed()));
    drop(fonts);
    // The process-wide copy the renders use, fallbacks included (a notice pays their parse once,
    // the first time a character needs them).
    Fonts::get().parse_fallbacks();

    let notice = demo::points_table();
    let doc = notice.document().expect("demo notice builds");
    let pages = pdf::layout(&doc, Fonts::get()).expect("layout").pages.len();
    let (times, size) = repeat(30, || pdf::render(&doc).expect("render").len());
    report(&format!("one-page A4 notice (积分榜, {pages} page(s))"), &times, size, 50.0, 300);

    // The same notice as pasted from the WeChat group: emoji in the title and every note, and a
    // rare given name (Ext. B) in every third row.
    let mut notice = demo::points_table();
    notice.period = format!("{}👍", notice.period);
    for (i, row) in notice.entries.iter_mut().enumerate() {
        if i % 3 == 0 {
            row.name = format!("王𪚥{i}");
        }
        row.note = format!("{}😡❤️✅🙏👍🏻", row.note);
    }
    let doc = notice.document().expect("demo notice builds");
    let pages = pdf::layout(&doc, Fonts::get()).expect("layout").pages.len();
    let (times, size) = repeat(30, || pdf::render(&doc).expect("render").len());
    report(&format!("one-page A4 notice with emoji and 𪚥 (积分榜, {pages} page(s))"), &times, size, 50.0, 300);

    let minutes = long_minutes(20);
    let doc = minutes.document().expect("minutes build");
    let pages = pdf::layout(&doc, Fonts::get()).expect("layout").pages.len();
    let (times, size) = repeat(5, || pdf::render(&doc).expect("render").len());
    report(&format!("minutes, {pages} pages"), &times, size, 1000.0, usize::MAX);

    pictures();

    println!("peak memory (VmHWM): {}", peak_memory().unwrap_or_else(|| "unknown".into()));
}

/// The notice as a picture for the WeChat group (docs/WECHAT_IMAGE.md): the 决议公示 ≤ 1 MB,
/// a long one in pages, and the size of every template's picture.
fn pictures() {
    let png = |doc: &pdf::Document| pdf::render_png(doc, Unprintable::Refuse).expect("picture").len();
    let doc = demo::decision_notice().document().expect("demo notice builds");
    let (times, size) = repeat(10, || png(&doc));
    report("决议公示 as a PNG (1 page)", &times, size, 500.0, 1024);
    let mut long = demo::decision_notice();
    long.decisions =
        vec![Decided::text(&"经协商，同意在小区东侧闲置场地改建临时停车位，并由物业负责施工和日常管理。".repeat(40))];
    let doc = long.document().expect("long notice builds");
    let pages = pdf::layout(&doc, Fonts::get()).expect("layout").pages.len();
    let (times, size) = repeat(5, || png(&doc));
    report(&format!("long 决议公示 as a PNG ({pages} pages)"), &times, size, 1500.0, usize::MAX);
    let templates: [(&str, Result<pdf::Document, _>); 10] = [
        ("决议公示", demo::decision_notice().document()),
        ("会议记录", demo::minutes().document()),
        ("会议通知", demo::meeting_notice().document()),
        ("议题公示", demo::topic_notice().document()),
        ("落实情况", demo::progress_notice().document()),
        ("签到表", demo::sign_in_sheet().document()),
        ("积分榜", demo::points_table().document()),
        ("居民公约", demo::convention().document()),
        ("自由公示", demo::free_notice().document()),
        ("选举结果", demo::election_notice().document()),
    ];
    for (name, doc) in templates {
        let doc = doc.expect("demo notice builds");
        let pages = pdf::layout(&doc, Fonts::get()).expect("layout").pages.len();
        println!("  picture of {name}: {pages} page(s), {} KB", png(&doc) / 1024);
    }
}

fn repeat(n: usize, mut f: impl FnMut() -> usize) -> (Vec<Duration>, usize) {
    let mut size = f(); // warm-up
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        size = f();
        times.push(t.elapsed());
    }
    times.sort();
    (times, size)
}

fn report(what: &str, times: &[Duration], size: usize, target_ms: f64, target_kb: usize) {
    let median = ms(times[times.len() / 2]);
    let p95 = ms(times[(times.len() * 95 / 100).min(times.len() - 1)]);
    let kb = size / 1024;
    let ok = if median <= target_ms && p95 <= target_ms && kb <= target_kb { "ok" } else { "OVER TARGET" };
    println!("{what}: median {median:.1} ms, p95 {p95:.1} ms, {kb} KB ({ok}, target {target_ms} ms)");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The demo minutes with agenda items repeated until the document is about `pages` long.
fn long_minutes(pages: usize) -> yishi_core::notices::Minutes {
    let mut m = demo::minutes();
    let template: Vec<AgendaItem> = m.items.clone();
    let mut n = 0;
    loop {
        let doc = m.document().expect("minutes build");
        if pdf::layout(&doc, Fonts::get()).expect("layout").pages.len() >= pages {
            return m;
        }
        let mut item = template[n % template.len()].clone();
        item.title = format!("{}（续{}）", item.title, n + 1);
        item.speeches
            .push(Speech { speaker: "郑国庆（7栋居民）".into(), text: "同意上述意见。".repeat(6) });
        m.items.push(item);
        n += 1;
    }
}

fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.trim_start_matches("VmHWM:").trim().to_string())
}
