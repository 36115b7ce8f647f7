//! A realistic meeting-minutes text and the way a secretary types it, for the autosave benchmark
//! and the kill -9 durability harness: speakers with their role in full-width brackets
//! (“王秀兰（居民代表）：…”), sentences from a deterministic vocabulary, typed a few characters at a
//! time. The same seed always gives the same text, so a parent process can recompute exactly what
//! a child saved.

use crate::corpus::Rng;

const SPEAKERS: &[&str] = &[
    "王秀兰（居民代表）",
    "李建国（党员）",
    "张卫东（网格员）",
    "赵经理（物业）",
    "周敏（业委会主任）",
    "陈律师（专业人士）",
    "刘书记（主持人）",
    "马大姐（3号楼住户）",
    "吴老先生（乡贤）",
];
const OPENINGS: &[&str] = &[
    "我说两句。",
    "我补充一下。",
    "这个事情大家都清楚，",
    "我代表楼里的住户反映，",
    "从物业的角度讲，",
    "按照居民公约第三章，",
    "上次会上议定的事项，",
    "我同意刚才王阿姨的意见，",
    "我有不同看法，",
];
const SENTENCES: &[&str] = &[
    "地下车库的照明坏了快两个月，晚上老人下去取车很不安全",
    "车库地面有三处破损，下雨天积水，电动车容易打滑",
    "建议利用西门闲置场地增设二十个停车位，划线管理",
    "停车位按月收取管理费，每月六十元，收入用于车库维修",
    "电动车在楼道里充电有火灾隐患，必须尽快加装充电桩",
    "充电桩的电费由使用人承担，安装费用申请社区惠民资金",
    "便民桥修好以后，村民去镇上少绕六七里路",
    "楼道堆物的问题已经通知到户，限期本周六前清理完毕",
    "晚上十点以后广场舞音响要关掉，这一条写进公约",
    "垃圾分类督导员每天早上七点到九点在小区门口值守",
    "物业承诺在2026年11月30日前完成全部灯具更换",
    "费用测算大概一千八百元，从公共收益里列支",
    "请网格员小孙负责跟进，每周在群里通报一次进度",
    "同意的请举手，按一户一票计算，过半数通过",
    "这件事涉及十二号楼全体住户，应当召开居民会议讨论",
    "如果开发商不承担，我们可以拨打12345热线反映",
    "业委会可以出一个书面意见，下次会议前公示七天",
    "我家就在一楼，噪音影响最大，希望大家体谅一下",
    "老旧小区改造的名额有限，要把最急的事情排在前面",
    "请记录人把今天的意见整理好，会后请大家签字确认",
];
const ENDINGS: &[&str] = &["。", "。", "。", "！", "？", "；"];

/// A minutes text of at least `chars` characters, one speaker per paragraph.
pub fn minutes_text(rng: &mut Rng, chars: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    while count < chars {
        let before = text.len();
        paragraph(rng, &mut text);
        count += text[before..].chars().count();
    }
    text
}

fn paragraph(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(SPEAKERS));
    out.push('：');
    out.push_str(rng.pick(OPENINGS));
    for _ in 0..2 + rng.below(4) {
        out.push_str(rng.pick(SENTENCES));
        out.push_str(if rng.below(3) == 0 { "，" } else { rng.pick(ENDINGS) });
    }
    out.push_str(rng.pick(SENTENCES));
    out.push_str("。\n");
}

/// How a secretary types `text`: the byte length of the text after each save, starting with
/// `start_chars` characters already typed and adding 1–6 characters per save (stops at the end).
pub fn typed_lengths(rng: &mut Rng, text: &str, start_chars: usize, saves: usize) -> Vec<usize> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut chars = start_chars.min(bounds.len() - 1);
    let mut lengths = Vec::with_capacity(saves);
    for _ in 0..saves {
        chars = (chars + 1 + rng.below(6)).min(bounds.len() - 1);
        lengths.push(bounds[chars]);
    }
    lengths
}

/// Inserts one meeting with one agenda item straight into the tables (the harnesses only need an
/// item to write minutes for); returns the agenda item's id.
pub fn insert_agenda_item(conn: &rusqlite::Connection) -> rusqlite::Result<String> {
    use yishi_core::ids::{new_id, now_utc};
    let (meeting, item, now) = (new_id(), new_id(), now_utc());
    conn.execute(
        "INSERT INTO meetings (id, kind, title, starts_at, created_at, updated_at) \
         VALUES (?1, 'council', '十二号楼停车问题议事会', '2026-11-20T12:00:00Z', ?2, ?2)",
        [&meeting, &now],
    )?;
    conn.execute(
        "INSERT INTO agenda_items (id, meeting_id, position, kind, title, created_at, updated_at) \
         VALUES (?1, ?2, 1, 'topic', '地下车库照明和停车位', ?3, ?3)",
        [&item, &meeting, &now],
    )?;
    Ok(item)
}
