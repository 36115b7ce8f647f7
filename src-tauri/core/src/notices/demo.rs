//! Realistic demo content for every template (幸福里社区: parking chaos, the garage lighting,
//! the footbridge, EV charging…). Used by tests, the benchmark and the pictures in docs/notices;
//! all names, numbers and sums are invented.

use chrono::{NaiveDate, NaiveDateTime};

use super::{
    AgendaItem, Chapter, Convention, Decided, DecidedTask, DecisionNotice, ElectionNotice, ElectionRow, FreeNotice,
    Invitee, Masking, MeetingNotice, Minutes, Photo, PointsEntry, PointsTable, ProgressNotice, SignInSheet, Speech,
    TaskRow, TopicNotice, VoteCounts, VotePart,
};
use crate::pdf::Paper;

pub const ISSUER: &str = "锦华路街道幸福里社区居民委员会";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
}

fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(m, d).and_hms_opt(h, min, 0).unwrap_or_default()
}

fn s(text: &str) -> String {
    text.to_string()
}

pub fn meeting_notice() -> MeetingNotice {
    MeetingNotice {
        paper: Paper::A4,
        meeting_kind: s("居民议事会"),
        salutation: s("各位居民、各位代表："),
        starts_at: at(11, 26, 19, 0),
        place: s("幸福里小区3栋架空层（雨天改在社区党群服务中心二楼会议室）"),
        topics: vec![
            s("上轮议定事项落实情况通报（地下车库照明维修进展）"),
            s("小区停车秩序整治方案：闲置场地改造、划线停车位及收费规则"),
            s("共享单车乱停放和遛狗不牵绳问题"),
            s("新春返乡居民提出的电动汽车充电桩安装需求"),
        ],
        invited: vec![
            s("社区党委委员"),
            s("居委会委员"),
            s("业主委员会代表"),
            s("安居物业服务中心"),
            s("各楼栋居民代表"),
            s("网格员"),
            s("有意见的居民均可列席"),
        ],
        note: Some(s("讨论停车收费规则时需核对车位信息，请有车的业主带上行驶证或车位合同复印件。会议时间约两小时。")),
        contact: Some(s("社区居委会 王秀兰，电话13812345678，办公室028-86001234")),
        issuer: s(ISSUER),
        date: day(11, 21),
        masking: Masking::default(),
        qr: None,
        wording: crate::notices::Wording::CURRENT,
    }
}

pub fn topic_notice() -> TopicNotice {
    TopicNotice {
        paper: Paper::A4,
        topic: s("地下车库地面破损及照明维修"),
        background: vec![s(
            "2026年9月以来，5栋、6栋多位业主通过楼栋微信群、12345热线和网格员入户走访反映：地下车库B区地面多处开裂下沉，雨天积水；车库照明灯具损坏42盏，夜间通行存在安全隐患。经社区会同物业现场查看，情况属实。",
        )],
        plan: vec![
            s("1. 地面修复：对B区约320平方米破损地面进行切割、重新浇筑，并增设两处排水沟。"),
            s("2. 照明改造：更换全部损坏灯具，统一改为LED感应灯，共计120盏，并加装应急照明。"),
            s("3. 费用承担：经前两次议事会协商，车库属开发商保修范围，维修费用约36,500元由开发商承担，物业负责施工监督。"),
            s("4. 施工安排：拟于12月上旬分区施工，施工期间临时停车安排另行通知。"),
        ],
        period_from: day(11, 21),
        period_to: day(11, 27),
        feedback: vec![
            s("电话：社区居委会 028-86001234，或网格员李建国 13987654321"),
            s("书面意见：投入3栋一单元门口意见箱"),
            s("当面反映：工作日到社区党群服务中心一楼服务台"),
        ],
        proposal: None,
        photo: Some(Photo { bytes: garage_photo(), caption: Some(s("地下车库B区现状示意")) }),
        origin: None,
        issuer: s(ISSUER),
        date: day(11, 21),
        // The committee's office line is public; the grid worker's mobile is masked.
        masking: Masking { public_numbers: vec![s("028-86001234")], ..Masking::default() },
        qr: None,
    }
}

pub fn decision_notice() -> DecisionNotice {
    let task = |item: &str, unit: &str, person: &str, deadline: Option<NaiveDate>| DecidedTask {
        item: s(item),
        unit: s(unit),
        person: s(person),
        deadline,
    };
    DecisionNotice {
        paper: Paper::A4,
        topic: s("小区停车秩序整治"),
        meeting_kind: s("居民议事会"),
        held_at: at(11, 26, 19, 0),
        place: s("幸福里小区3栋架空层"),
        decisions: vec![
            Decided {
                tasks: vec![task("改建东侧临时停车位18个", "安居物业", "赵海燕", Some(day(12, 20)))],
                ..Decided::text("利用小区东侧闲置绿化带边角地改建临时停车位18个，由物业负责施工，12月20日前完工。")
            },
            Decided {
                tasks: vec![task("划设标准车位46个、消防通道禁停线", "安居物业", "刘志强", Some(day(12, 10)))],
                ..Decided::text("在主干道一侧划设标准车位46个，消防通道全部施划禁停黄线，违停车辆先劝导、后张贴提示。")
            },
            Decided::text("临时停车前2小时免费，超过2小时每小时2元，当日最高10元；收费收入扣除成本后全部用于小区公共设施维护，每季度公示一次。"),
        ],
        vote: Some(VoteCounts { agree: 38, oppose: 3, abstain: 2, eligible: 51, present: 43, by_household: false }),
        electorate: String::new(),
        parts: Vec::new(),
        rule: s("到会人员过半数同意即为通过（涉及收费事项，须同时超过应到人数的一半）"),
        result: s("通过。同意38票，超过到会人数43人的一半，也超过应到人数51人的一半。"),
        objection_days: 7,
        issuer: s(ISSUER),
        date: day(11, 27),
        masking: Masking::default(),
        qr: None,
        wording: crate::notices::Wording::CURRENT,
    }
}

/// 决议公示 of a vote of one building's households, counted in three parts with two households
/// recorded at home (docs/notices/decision-parts.png).
pub fn decision_notice_in_parts() -> DecisionNotice {
    let part = |label: &str, agree, oppose, abstain| VotePart { label: s(label), agree, oppose, abstain };
    DecisionNotice {
        topic: s("3号楼加装电梯"),
        meeting_kind: s("院坝会"),
        place: s("3号楼前小广场"),
        decisions: vec![Decided::text("3号楼2单元加装电梯一部，费用按楼层分摊，一楼住户不分摊。")],
        vote: Some(VoteCounts { agree: 16, oppose: 2, abstain: 1, eligible: 24, present: 19, by_household: true }),
        electorate: s("3号楼全体住户"),
        parts: vec![part("现场", 10, 2, 1), part("线上（微信群投票）", 4, 0, 0), part("入户征求", 2, 0, 0)],
        rule: s("全体户数过半数同意即为通过"),
        result: s("应到 24 户，到会 19 户，同意 16 户，超过全体户数的一半（13 户），表决通过。其中入户征求 2 户。"),
        ..decision_notice()
    }
}

/// 选举结果公示 of a 院坝长 chosen by hands (docs/notices/election.png).
pub fn election_notice() -> ElectionNotice {
    let row = |name: &str, votes, elected| ElectionRow { name: s(name), votes, elected, tied: false };
    ElectionNotice {
        paper: Paper::A4,
        role: s("院坝一组院坝长"),
        meeting_kind: s("院坝会"),
        held_at: at(11, 5, 18, 0),
        place: s("院坝一组晒坝"),
        seats: 1,
        present: 21,
        method: s("举手"),
        rule: s("得票过到会人数半数者当选"),
        candidates: vec![row("田桂兰", 14, true), row("范老汉", 5, false), row("石大嫂", 2, false)],
        result: s("应选 1 名，到会 21 人；田桂兰 14 票，范老汉 5 票，石大嫂 2 票。得票须超过到会人数的一半（11 票）方能当选。田桂兰当选。"),
        term_from: day(11, 5),
        term_to: NaiveDate::from_ymd_opt(2029, 11, 4).unwrap_or_default(),
        objection_days: 7,
        issuer: s(ISSUER),
        date: day(11, 6),
        masking: Masking::default(),
        qr: None,
        wording: crate::notices::Wording::CURRENT,
    }
}

pub fn progress_notice() -> ProgressNotice {
    let task = |item: &str, unit: &str, person: &str, deadline: Option<NaiveDate>, status: &str| TaskRow {
        item: s(item),
        unit: s(unit),
        person: s(person),
        deadline,
        status: s(status),
        money: None,
    };
    ProgressNotice {
        paper: Paper::A4,
        subject: s("2026年第四季度议事会议定事项"),
        intro: s("根据居民议事会议定事项，现将各项工作落实情况公示如下，请广大居民监督。对进展有意见的，可随时向社区或居务监督委员会反映。"),
        tasks: vec![
            task("地下车库B区地面修复及照明改造（LED感应灯120盏）", "开发商（锦华置业）、安居物业", "张建军", Some(day(12, 15)), "进行中：灯具已到货，地面施工方案已确定"),
            task("东侧闲置场地改建临时停车位18个", "安居物业", "赵海燕", Some(day(12, 20)), "已完成施工图，待开工"),
            task("主干道划线停车位46个、消防通道禁停线", "安居物业、业主委员会", "刘志强", Some(day(12, 10)), "已完成"),
            task("共享单车集中停放点设置及巡查", "社区居委会、网格员", "李建国", Some(day(11, 30)), "已完成，设停放点3处，每日巡查"),
            task("文明养犬宣传及遛狗牵绳劝导", "社区居委会、志愿服务队", "陈丽", None, "长期开展，本月劝导27次"),
            task("新能源汽车充电桩安装（首批10个）", "社区居委会、供电所", "王秀兰", Some(day(1, 31)), "已报街道，等待供电容量核定"),
        ],
        feedback: Some(s("监督电话：居务监督委员会 孙明 13711112222。")),
        issuer: s(ISSUER),
        date: day(11, 30),
        masking: Masking::default(),
        qr: None,
    }
}

pub fn minutes() -> Minutes {
    let speech = |who: &str, text: &str| Speech { speaker: s(who), text: s(text) };
    Minutes {
        paper: Paper::A4,
        meeting_title: s("幸福里社区2026年第11次居民议事会"),
        starts_at: at(11, 26, 19, 0),
        ends_at: Some(at(11, 26, 21, 40)),
        place: s("幸福里小区3栋架空层"),
        host: s("周红梅（社区党委书记）"),
        recorder: s("王秀兰"),
        attendees: ["周红梅", "王秀兰", "李建国", "张建军", "刘志强", "赵海燕", "陈丽", "孙明", "黄德华", "吴小芳", "郑国庆", "马玉兰"]
            .map(s)
            .to_vec(),
        absentees: vec![s("何伟（出差）"), s("林淑珍（身体不适）")],
        observers: vec![s("街道办刘科长")],
        items: vec![
            AgendaItem {
                title: s("上轮议定事项落实情况"),
                text: s("王秀兰通报：地下车库照明维修经三次协商，开发商同意承担全部费用约36,500元，灯具已到货；共享单车停放点已设置3处。"),
                speeches: vec![speech("黄德华（5栋居民代表）", "车库灯坏了快三个月，老人晚上不敢下去，希望12月中旬前一定完工。")],
                vote: None,
                vote_result: String::new(),
                vote_scope: String::new(),
                vote_parts: Vec::new(),
                decisions: vec![s("照明改造须于12月15日前完成，由居务监督委员会孙明跟踪。")],
            },
            AgendaItem {
                title: s("小区停车秩序整治"),
                text: s("物业、业委会、网格员和居民代表围绕闲置场地利用、划线停车和收费规则三个方面充分讨论。"),
                speeches: vec![
                    speech("张建军（安居物业）", "东侧绿化带边角地可改建临时车位18个，施工约需三周，费用从公共收益中列支。"),
                    speech("刘志强（业主委员会）", "收费标准要公开透明，收入每季度公示，前两小时免费照顾临时来访的亲友。"),
                    speech("吴小芳（2栋居民）", "消防通道经常被堵，希望先把黄线划起来，违停的先劝导。"),
                ],
                vote: Some(VoteCounts { agree: 38, oppose: 3, abstain: 2, eligible: 51, present: 43, by_household: false }),
                vote_result: s("通过"),
                vote_scope: String::new(),
                vote_parts: Vec::new(),
                decisions: vec![
                    s("改建临时停车位18个，12月20日前完工。"),
                    s("划设标准车位46个，消防通道施划禁停线。"),
                    s("临时停车前2小时免费，超过2小时每小时2元，当日最高10元。"),
                ],
            },
        ],
    }
}

pub fn sign_in_sheet() -> SignInSheet {
    let p = |name: &str, role: &str| Invitee { name: s(name), role: s(role) };
    SignInSheet {
        paper: Paper::A4,
        meeting_title: s("幸福里社区2026年第11次居民议事会"),
        starts_at: at(11, 26, 19, 0),
        place: s("幸福里小区3栋架空层"),
        invited: vec![
            p("周红梅", "社区党委书记"),
            p("王秀兰", "居委会委员（记录人）"),
            p("李建国", "网格员"),
            p("张建军", "安居物业服务中心"),
            p("刘志强", "业主委员会主任"),
            p("赵海燕", "安居物业服务中心"),
            p("陈丽", "志愿服务队"),
            p("孙明", "居务监督委员会"),
            p("黄德华", "5栋居民代表"),
            p("吴小芳", "2栋居民代表"),
        ],
        blank_rows: 6,
    }
}

pub fn points_table() -> PointsTable {
    let e = |name: &str, building: &str, points: i64, note: &str| PointsEntry {
        name: s(name),
        building: s(building),
        points,
        note: s(note),
    };
    PointsTable {
        paper: Paper::A4,
        period: s("2026年度"),
        entries: vec![
            e("黄德华", "5栋", 46, "参加议事会6次、车库维修监督、楼道清理志愿服务3次"),
            e("吴小芳", "2栋", 38, "参加议事会5次、文明养犬劝导志愿服务4次"),
            e("马玉兰", "1栋", 38, "参加议事会4次、邻里纠纷调解2次"),
            e("郑国庆", "7栋", 31, "参加议事会4次、收集居民意见12条"),
            e("林淑珍", "3栋", 24, "参加议事会3次、重阳节敬老活动"),
            e("何伟", "6栋", 18, "参加议事会2次、充电桩需求调查"),
            e("欧阳明月", "4栋", 12, "参加议事会2次"),
        ],
        rules: vec![
            s("参加议事会每次计5分，提出被采纳的意见建议每条计3分，参加志愿服务每次计2分。"),
            s("积分可于每年12月到社区“积分超市”兑换生活用品，20分可兑换大米一袋（5公斤）。"),
        ],
        issuer: s(ISSUER),
        date: day(12, 1),
        masking: Masking { names: true, ..Masking::default() },
        qr: None,
    }
}

pub fn convention() -> Convention {
    let ch =
        |title: &str, articles: &[&str]| Chapter { title: s(title), articles: articles.iter().map(|a| s(a)).collect() };
    Convention {
        paper: Paper::A4,
        title: s("幸福里小区居民公约"),
        draft_period: Some((day(11, 21), day(12, 5))),
        adopted: None,
        preamble: vec![s("为营造整洁、安全、和谐的居住环境，经居民议事会多次协商，制定本公约。欢迎全体居民在征求意见期内提出修改意见。")],
        chapters: vec![
            ch("总则", &["本公约适用于幸福里小区全体居民、租户及在小区内经营的单位。", "居民遵守法律法规，尊重公序良俗，积极参与社区协商议事。"]),
            ch("公共秩序", &["车辆按划线车位停放，不占用消防通道、盲道和单元出入口。", "共享单车停放在指定停放点，不得推入楼道。", "晚上十点至次日早上七点，不进行装修施工，不大声播放音乐。"]),
            ch("环境卫生", &["生活垃圾分类投放，不在楼道堆放杂物和垃圾。", "遛狗牵绳，及时清理宠物粪便。"]),
            ch("邻里关系", &["邻里之间互谅互让，发生矛盾先协商，协商不成可请网格员或调解委员会调解。"]),
            ch("协商议事", &["涉及全体居民利益的事项，通过居民议事会协商决定，议定结果在公示栏公示。", "本公约经居民会议通过后施行，由居委会负责解释。"]),
        ],
        issuer: s(ISSUER),
        date: day(11, 21),
        masking: Masking::default(),
        qr: None,
    }
}

/// The free notice of `yishi-cli render`, as JSON.
pub const FREE_NOTICE_JSON: &str = r#"{
  "paper": "A4",
  "title": "关于王家沟便民桥修建捐款情况的公示",
  "salutation": "各位村民、各位乡贤：",
  "paragraphs": [
    "王家沟便民桥每逢大雨即被淹没，群众出行需绕行六七里路。经村民议事会协商，由慈善协会牵头，乡贤捐资、村民投工投劳修建新桥。现将捐款情况公示如下：",
    "如对捐款金额有疑问，请联系村务监督委员会王德明，电话13812345678。"
  ],
  "table": {
    "columns": ["序号", "捐款人/单位", "金额（元）", "备注"],
    "rows": [
      ["1", "县慈善协会", "50,000", "专项资金"],
      ["2", "王建华（乡贤）", "20,000", ""],
      ["3", "李桂英", "2,000", "另投工5天"],
      ["4", "王家沟村民小组", "—", "投工投劳共计320个工日"]
    ]
  },
  "closing": "特此公示。",
  "issuer": "青石镇王家沟村民委员会",
  "date": "2026-11-21",
  "period": {"from": "2026-11-21", "to": "2026-11-30"}
}"#;

pub fn free_notice() -> FreeNotice {
    FreeNotice::from_json(FREE_NOTICE_JSON).unwrap_or_else(|e| panic!("demo spec reads: {e}"))
}

/// A small PNG drawn in code (a dim garage with a row of lights), so the demo needs no file.
pub fn garage_photo() -> Vec<u8> {
    let (w, h) = (240u32, 120u32);
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            let lamp = y < 14 && (x % 40) < 18;
            let floor_crack = y > 80 && (x + y * 2) % 57 < 2;
            let shade = if lamp {
                230
            } else if floor_crack {
                20
            } else {
                60 + (y / 3) as u8
            };
            raw.extend_from_slice(&[shade, shade, shade.saturating_add(10)]);
        }
    }
    png::encode_rgb(w, h, &raw)
}

pub mod png {
    //! Just enough PNG: one IDAT with stored (uncompressed) deflate blocks.

    pub fn encode_rgb(w: u32, h: u32, filtered_rows: &[u8]) -> Vec<u8> {
        let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &zlib_stored(filtered_rows));
        chunk(&mut out, b"IEND", &[]);
        out
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }

    fn zlib_stored(data: &[u8]) -> Vec<u8> {
        let mut out = vec![0x78, 0x01];
        let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
        for (i, block) in blocks.iter().enumerate() {
            out.push(u8::from(i + 1 == blocks.len()));
            let len = block.len() as u16;
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&(!len).to_le_bytes());
            out.extend_from_slice(block);
        }
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        out.extend_from_slice(&((b << 16) | a).to_be_bytes());
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
