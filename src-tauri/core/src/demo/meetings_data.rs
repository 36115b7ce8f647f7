//! The demo year's meetings, as data: who came, what was said, how they voted, what was decided.

use crate::decisions::TaskMode;
use crate::meetings::MeetingKind;
use crate::votes::VoteRule;

pub(crate) struct DemoMeeting {
    pub kind: MeetingKind,
    pub title: &'static str,
    pub when: (u32, u32, u32),
    pub place: &'static str,
    /// Invited and signed in (core members who are not listed stay absent).
    pub present: &'static [&'static str],
    /// Stakeholders invited for this meeting's topics (the "N" of 3+N), signed in.
    pub stakeholders: &'static [&'static str],
    pub walk_in: Option<(&'static str, &'static str)>,
    pub items: &'static [DemoItem],
    /// What was reported under item 1, 上轮议定事项落实情况.
    pub follow_up: &'static str,
    /// The last meeting of the demo is still being prepared.
    pub closed: bool,
}

pub(crate) struct DemoItem {
    /// Index into `topics::TOPICS`.
    pub topic: usize,
    pub minutes: &'static str,
    pub speakers: &'static [&'static str],
    pub vote: Option<DemoVote>,
    pub decision: Option<(&'static str, bool)>,
    pub tasks: &'static [DemoTask],
}

pub(crate) enum DemoVote {
    /// Counts by show of hands; present comes from the sign-in, eligible defaults to those invited.
    Hands { agree: u32, oppose: u32, abstain: u32, rule: VoteRule, quorum: Option<u32>, eligible: Option<u32> },
    /// 一户一票 over the roster's households: the first `agree` households agree, the next oppose.
    Household { agree: usize, oppose: usize, abstain: usize },
}

pub(crate) struct DemoTask {
    pub title: &'static str,
    pub mode: TaskMode,
    pub unit: &'static str,
    pub person: &'static str,
    pub deadline: (u32, u32),
}

const CORE: &[&str] = &["李红梅", "张敏", "陈国强", "刘建国", "王秀兰", "赵志刚"];

pub(crate) const MEETINGS: &[DemoMeeting] = &[
    DemoMeeting {
        kind: MeetingKind::Council, title: "小区停车秩序整治协商会", when: (1, 15, 19), place: "社区党群服务中心二楼会议室",
        present: CORE, stakeholders: &["冯建军", "郑丽华", "罗志明", "周桂芳"], walk_in: Some(("老孟", "3号楼住户")),
        items: &[DemoItem {
            topic: 0,
            minutes: "李红梅（两委成员）：今天请物业、业委会和几位车主一起商量停车的事，消防通道必须畅通。\n陈国强（物业）：小区现有车位 46 个，登记车辆 71 辆，东侧绿化带边角地可以改建临时车位 18 个。\n刘建国（业委会）：业委会同意改建，但收费标准要公示，收入用于公共设施维护。\n冯建军（居民代表）：主干道划线要清楚，违停先劝导再张贴提示，不要一上来就锁车。\n经过三个小时协商，形成三类措施：盘活闲置地块、划设标准车位、制定收费规则。",
            speakers: &["李红梅", "陈国强", "刘建国", "冯建军"],
            vote: Some(DemoVote::Hands { agree: 9, oppose: 1, abstain: 1, rule: VoteRule::MajorityPresent, quorum: Some(6), eligible: None }),
            decision: Some(("一、利用小区东侧闲置绿化带边角地改建临时停车位18个；二、主干道一侧划设标准车位46个，消防通道施划禁停黄线；三、临时停车前2小时免费，超过2小时每小时2元，收入用于小区公共设施维护，每季度公示。", true)),
            tasks: &[
                DemoTask { title: "改建东侧临时停车位18个", mode: TaskMode::Undertake, unit: "安居物业服务中心", person: "陈国强", deadline: (3, 20) },
                DemoTask { title: "施划标准车位和消防通道禁停线", mode: TaskMode::Joint, unit: "物业、业委会", person: "刘建国", deadline: (2, 28) },
            ],
        }],
        follow_up: "张敏（两委成员）：今年第一次议事会，没有上轮议定事项需要通报。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Bench, title: "电动车充电桩板凳会", when: (2, 10, 19), place: "3号楼前小广场",
        present: &["李红梅", "张敏", "陈国强", "王秀兰"], stakeholders: &["林晓", "蒋文", "高秀英"], walk_in: None,
        items: &[DemoItem {
            topic: 6,
            minutes: "林晓（居民）：过年回来的年轻人多，电动车推进楼道充电，太危险了。\n陈国强（物业）：车棚可以装 20 个充电口，电费按表计收，物业不加价。\n王秀兰（居民代表）：楼道里的车和电线要一起清理，装好以后不许再在楼道充电。",
            speakers: &["林晓", "陈国强", "王秀兰"],
            vote: Some(DemoVote::Household { agree: 14, oppose: 3, abstain: 2 }),
            decision: Some(("在北侧车棚安装20个智能充电口，电费按表计收；充电桩启用后，楼道内禁止停放和充电。", true)),
            tasks: &[DemoTask { title: "北侧车棚安装智能充电口20个", mode: TaskMode::Undertake, unit: "安居物业服务中心", person: "陈国强", deadline: (3, 31) }],
        }],
        follow_up: "张敏（两委成员）：通报上轮议定事项：停车秩序整治的三项措施已开工，东侧临时车位正在施工，标准车位划线本月底前完成。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Council, title: "地下车库问题第一次协商", when: (3, 2, 19), place: "社区党群服务中心二楼会议室",
        present: CORE, stakeholders: &["高秀英", "许丽"], walk_in: None,
        items: &[DemoItem {
            topic: 1,
            minutes: "王秀兰（居民代表）：车库地面开裂积水，一半的灯不亮，老人晚上不敢下去。\n陈国强（物业）：车库还在保修期内，应由开发商负责，物业可以先临时补灯。\n李红梅（两委成员）：下次会议请开发商代表到场，今天先不作决定。",
            speakers: &["王秀兰", "陈国强", "李红梅"],
            vote: None, decision: None, tasks: &[],
        }],
        follow_up: "张敏（两委成员）：通报上轮议定事项：标准车位和消防通道禁停线已施划完毕；临时车位三月中旬完工；车棚充电桩线路增容已完成，正在安装。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Bench, title: "共享单车和文明养犬夜话", when: (3, 12, 19), place: "1号楼前长廊",
        present: &["张敏", "陈国强", "王秀兰", "赵志刚"], stakeholders: &["周桂芳", "郑丽华", "何小燕", "马文明"], walk_in: Some(("快递员小刘", "驿站")),
        items: &[
            DemoItem {
                topic: 2,
                minutes: "周桂芳（居民代表）：门口人行道全是单车，推轮椅的老人过不去。\n赵志刚（网格员）：已联系三家单车企业，他们同意在小区门口划定停放区，每天清运两次。",
                speakers: &["周桂芳", "赵志刚"],
                vote: Some(DemoVote::Hands { agree: 8, oppose: 0, abstain: 1, rule: VoteRule::MajorityPresent, quorum: None, eligible: None }),
                decision: Some(("在小区南门外划定共享单车停放区，企业每日清运两次，网格员每周巡查。", true)),
                tasks: &[DemoTask { title: "南门外划定单车停放区", mode: TaskMode::Joint, unit: "网格员、单车企业", person: "赵志刚", deadline: (3, 31) }],
            },
            DemoItem {
                topic: 3,
                minutes: "郑丽华（居民）：傍晚遛狗不牵绳，孩子被吓哭了。\n马文明（党员）：建议起草文明养犬公约，党员带头，设置宠物便便箱。\n张敏（两委成员）：公约先起草，张贴征求意见后再通过。",
                speakers: &["郑丽华", "马文明", "张敏"],
                vote: None,
                decision: Some(("起草《幸福里小区文明养犬公约》，在广场设置两个宠物便便箱。", true)),
                tasks: &[DemoTask { title: "起草文明养犬公约并张贴征求意见", mode: TaskMode::SelfRun, unit: "社区居委会", person: "张敏", deadline: (4, 30) }],
            },
        ],
        follow_up: "张敏（两委成员）：通报上轮议定事项：临时停车位18个已投入使用；充电桩正在调试。地下车库问题待开发商到场后再议。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Courtyard, title: "便民桥修缮院坝会", when: (4, 20, 18), place: "院坝一组晒坝",
        present: &["李红梅", "张敏", "赵志刚"], stakeholders: &["田桂兰", "范老汉", "石大嫂", "袁师傅"], walk_in: Some(("黄会长", "慈善协会")),
        items: &[DemoItem {
            topic: 4,
            minutes: "田桂兰（乡贤）：桥一淹，大家要绕六七里路，娃娃上学最难。\n黄会长（慈善协会）：慈善协会可以出资三万元，乡贤再捐一部分。\n范老汉（居民）：材料钱有了，村民出工出力，十天能修好。",
            speakers: &["田桂兰", "黄会长", "范老汉"],
            vote: Some(DemoVote::Hands { agree: 8, oppose: 0, abstain: 0, rule: VoteRule::MajorityPresent, quorum: None, eligible: None }),
            decision: Some(("便民桥抬高加固：慈善协会出资三万元，乡贤捐款补足材料费，村民投工投劳，赶在雨季前完工。", true)),
            tasks: &[DemoTask { title: "便民桥抬高加固", mode: TaskMode::Joint, unit: "慈善协会、院坝一组", person: "田桂兰", deadline: (5, 31) }],
        }],
        follow_up: "张敏（两委成员）：通报上轮议定事项：停车整治已办结，电话回访满意率95.6%；单车停放区已划定；文明养犬公约草案已张贴征求意见。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Council, title: "地下车库问题第三次协商", when: (5, 20, 19), place: "社区党群服务中心二楼会议室",
        present: CORE, stakeholders: &["高秀英", "许丽", "蔡工程师", "孙律师", "吴德才"], walk_in: Some(("开发商代表", "开发商")),
        items: &[
            DemoItem {
                topic: 1,
                minutes: "蔡工程师（专业人士）：地面开裂属于结构防水问题，在保修范围内。\n孙律师（专业人士）：按购房合同，保修期内的维修费用应由开发商承担。\n开发商代表（开发商）：同意出资维修地面并更换照明，六月开工。",
                speakers: &["蔡工程师", "孙律师", "开发商代表"],
                vote: Some(DemoVote::Hands { agree: 11, oppose: 0, abstain: 1, rule: VoteRule::MajorityPresent, quorum: Some(8), eligible: None }),
                decision: Some(("地下车库地面修复和照明更换由开发商出资，物业配合施工，居民代表全程监督。", true)),
                tasks: &[
                    DemoTask { title: "车库地面防水修复", mode: TaskMode::Undertake, unit: "开发商", person: "陈国强", deadline: (8, 31) },
                    DemoTask { title: "车库照明全部更换为LED灯", mode: TaskMode::Undertake, unit: "开发商", person: "陈国强", deadline: (7, 15) },
                ],
            },
            DemoItem {
                topic: 5,
                minutes: "赵志刚（网格员）：三楼和四楼两家因为楼道垃圾和夜里放音乐已经吵了三次。\n吴德才（居民）：我家垃圾以后不放楼道，也请对方晚上十点后关音乐。\n周桂芳（居民代表）：两家当面说开了，约定写进楼道公约。\n曾提议增加楼道保洁频次，举手表决时到会人数不足，未形成决议。",
                speakers: &["赵志刚", "吴德才", "周桂芳"],
                vote: Some(DemoVote::Hands { agree: 5, oppose: 1, abstain: 0, rule: VoteRule::MajorityPresent, quorum: Some(15), eligible: Some(24) }),
                decision: Some(("两户当面和解：垃圾不放楼道，晚上十点后不放音乐；由楼栋长每周回访。", true)),
                tasks: &[DemoTask { title: "楼栋长每周回访两户", mode: TaskMode::SelfRun, unit: "社区居委会", person: "宋建华", deadline: (6, 30) }],
            },
        ],
        follow_up: "张敏（两委成员）：通报上轮议定事项：便民桥已赶在雨季前完工；充电桩整改后回访基本满意；文明养犬公约因意见分歧暂缓，待居民会议讨论。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Courtyard, title: "院坝水管抢修议事", when: (11, 5, 18), place: "院坝一组晒坝",
        present: &["张敏", "赵志刚"], stakeholders: &["田桂兰", "范老汉", "石大嫂", "袁师傅"], walk_in: None,
        items: &[DemoItem {
            topic: 7,
            minutes: "范老汉（居民）：主水管冻裂，五户人家停水三天了。\n赵志刚（网格员）：请水电师傅看过，换管加保温共需 1,800 元。\n张敏（两委成员）：从集体资金列支，同意的请举手。",
            speakers: &["范老汉", "赵志刚", "张敏"],
            vote: Some(DemoVote::Hands { agree: 6, oppose: 0, abstain: 0, rule: VoteRule::TwoThirds, quorum: None, eligible: None }),
            decision: Some(("从集体资金列支1800元更换院坝主水管并加装保温层。", true)),
            tasks: &[DemoTask { title: "更换院坝主水管并加装保温", mode: TaskMode::SelfRun, unit: "院坝一组", person: "袁师傅", deadline: (11, 30) }],
        }],
        follow_up: "张敏（两委成员）：通报上轮议定事项：车库照明已全部更换；车库地面防水修复开发商中途停工，社区已发函催促，列为督办事项；楼道纠纷两户连续四周回访无新矛盾。",
        closed: true,
    },
    DemoMeeting {
        kind: MeetingKind::Council, title: "十一月居民议事会", when: (11, 26, 19), place: "社区党群服务中心二楼会议室",
        present: &[], stakeholders: &["胡玉珍", "郭大伟"], walk_in: None,
        items: &[
            DemoItem { topic: 8, minutes: "", speakers: &[], vote: None, decision: None, tasks: &[] },
            DemoItem { topic: 9, minutes: "", speakers: &[], vote: None, decision: None, tasks: &[] },
        ],
        follow_up: "",
        closed: false,
    },
];
