//! A deterministic synthetic community record set for the search tests and benchmark: the
//! vocabulary of docs/DOMAIN.md (parking, garage lighting, the village footbridge, EV charging,
//! stairwell rubbish…) stitched into sentences by a seeded PRNG, so every run sees the same text.

use chrono::NaiveDate;
use yishi_core::search::{DocKind, SearchDoc};

/// SplitMix64: tiny, seeded, good enough to vary test text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "小区停车", "地下车库照明", "车库地面破损", "便民桥", "电动车充电桩", "楼道垃圾", "夜间噪音",
    "共享单车乱停", "遛狗不拴绳", "自来水管维修", "垃圾分类", "楼道堆物", "路灯", "健身器材",
    "EV充电桩", "高空抛物", "积分超市", "居民公约", "消防通道", "化粪池清掏", "屋顶漏水",
];
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "3号楼", "13号楼", "7号楼2单元", "12号楼", "西门", "院坝", "凉亭", "广场", "地下车库", "村口",
    "河边", "东区", "第三网格", "老年活动室", "便民桥头", "1号楼",
];
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "王书记", "李主任", "张阿姨", "刘师傅", "陈律师", "物业赵经理", "业委会周主任", "网格员小孙",
    "乡贤吴老先生", "居民代表马大姐", "记录人何芳", "工程师郑工",
];
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "反映", "提出", "建议", "同意", "反对", "补充说明", "请求尽快解决", "表示支持", "认为应当",
    "询问进度", "承诺限时办结", "负责落实",
];
#[rustfmt::skip]
const CLAUSES: &[&str] = &[
    "利用闲置场地增设停车位", "划定停车位并收取管理费", "更换车库照明灯具", "修复破损地面",
    "由开发商承担费用", "乡贤捐款和村民投工投劳", "少绕六七里路", "加装EV充电设施",
    "春节前完成安装", "经调解双方达成一致", "晚上十点后不得播放音乐", "每户一票表决",
    "同意的请举手", "公示期七天", "满意度达到95%以上", "花费1800元集体资金", "拨打12345热线反映",
    "联系电话138****5678", "三个小时的协商", "上轮议定事项落实情况", "WiFi信号覆盖活动室",
    "2026年11月21日前办结", "一户一票，过半数通过",
];
#[rustfmt::skip]
const PUNCT: &[&str] = &["，", "。", "；", "：", "、", "！", "？", "（备注）", "“", "”", " "];

/// Bumped whenever the generated text changes: the benchmark caches its database by it.
pub const VERSION: u32 = 2;

/// The `i`-th document: the same `i` and seed always give the same document.
pub fn doc(rng: &mut Rng, i: usize, min_chars: usize, max_chars: usize) -> SearchDoc {
    let kind = DocKind::ALL[rng.below(DocKind::ALL.len())];
    let title = format!("{}{}问题", rng.pick(PLACES), rng.pick(SUBJECTS));
    let target = min_chars + rng.below(max_chars - min_chars + 1);
    let mut body = String::new();
    while body.chars().count() < target {
        sentence(rng, &mut body);
    }
    let day = rng.below(4 * 365) as u64;
    let date = NaiveDate::from_ymd_opt(2023, 1, 1).map(|d| d + chrono::Days::new(day));
    SearchDoc { kind, record_id: format!("rec-{i:06}"), title, body, date: date.expect("valid date") }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(PEOPLE));
    out.push('在');
    out.push_str(rng.pick(PLACES));
    out.push_str(rng.pick(VERBS));
    out.push_str(rng.pick(SUBJECTS));
    out.push_str(rng.pick(PUNCT));
    out.push_str(rng.pick(CLAUSES));
    out.push_str(if rng.below(3) == 0 { "。" } else { "，" });
}

/// `n` documents from `seed`.
pub fn corpus(seed: u64, n: usize, min_chars: usize, max_chars: usize) -> Vec<SearchDoc> {
    let mut rng = Rng::new(seed);
    (0..n).map(|i| doc(&mut rng, i, min_chars, max_chars)).collect()
}
