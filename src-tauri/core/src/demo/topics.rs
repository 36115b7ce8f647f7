//! The demo topics: ~30 across every intake channel and every life-cycle state.
//!
//! Topics that reach a meeting are left 已审定 here; the meetings part of the demo puts them on an
//! agenda and moves them along, the way the secretary would. Each topic is registered at the
//! moment it was raised and sorted ([`reviewed_at`]) soon after, as grid workers do.

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::Transaction;

use super::people::Roster;
use super::{at, moment, step, DemoError};
use crate::community;
use crate::time;
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale, Topic, TopicStatus};

/// Where a demo topic ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    Collected,
    Accepted,
    DoneOnSpot(&'static str),
    Escalated(&'static str),
    Rejected(&'static str),
    MergedInto(&'static str),
    /// Goes to a meeting (the meetings part decides how far).
    Meeting,
}

pub(crate) struct DemoTopic {
    pub title: &'static str,
    pub description: &'static str,
    pub channel: Channel,
    pub raised_by: &'static str,
    pub when: (u32, u32, u32),
    pub place: &'static str,
    pub category: &'static str,
    pub class: HandlingClass,
    pub scale: Scale,
    pub fate: Fate,
}

macro_rules! t {
    ($title:literal, $desc:literal, $ch:ident, $by:literal, $m:literal/$d:literal $h:literal, $place:literal, $cat:literal, $class:ident, $scale:ident, $fate:expr) => {
        DemoTopic {
            title: $title,
            description: $desc,
            channel: Channel::$ch,
            raised_by: $by,
            when: ($m, $d, $h),
            place: $place,
            category: $cat,
            class: HandlingClass::$class,
            scale: Scale::$scale,
            fate: $fate,
        }
    };
}

pub(crate) const TOPICS: &[DemoTopic] = &[
    t!("小区停车乱，消防通道被占", "晚上车辆乱停，消防通道和单元门口被堵，救护车进不来。希望规划车位、明确收费。", Wechat, "刘建国", 1/8 19, "小区", "停车管理", Community, Major, Fate::Meeting),
    t!("地下车库地面破损、照明不足", "3号楼地下车库地面多处开裂积水，一半灯不亮，晚上回家很危险。", Phone, "王秀兰", 2/20 10, "3号楼", "照明与线路", Community, Major, Fate::Meeting),
    t!("共享单车乱停放", "小区门口和人行道上堆满共享单车，老人推轮椅过不去。", Snapshot, "周桂芳", 3/5 8, "小区", "停车管理", Community, Minor, Fate::Meeting),
    t!("遛狗不牵绳", "傍晚有人在广场遛狗不牵绳，孩子被吓哭，草坪上有狗粪。", SuggestionBox, "郑丽华", 3/6 20, "小区", "文明养犬", Community, Minor, Fate::Meeting),
    t!("便民桥雨季被水淹", "院坝一组的便民桥一下大雨就被淹，村民要绕行六七里路。", HomeVisit, "田桂兰", 4/12 9, "院坝一组", "道路桥梁", Community, Urgent, Fate::Meeting),
    t!("楼道堆放垃圾和夜间音乐扰民", "2号楼1单元三楼和四楼邻居因楼道垃圾和夜里放音乐多次争吵。", GridWorker, "赵志刚", 5/3 21, "2号楼1单元", "邻里纠纷", Community, Minor, Fate::Meeting),
    t!("申请安装电动车充电桩", "过年回家的年轻人多，电动车在楼道充电有火灾隐患，希望在车棚装充电桩。", Questionnaire, "林晓", 1/25 15, "小区", "充电设施", Community, Major, Fate::Meeting),
    t!("院坝自来水管漏水", "院坝一组的主水管冬天冻裂，几户人家停水。", Phone, "范老汉", 11/2 7, "院坝一组", "供水排水", Community, Urgent, Fate::Meeting),
    t!("老年食堂想增加晚餐", "老年食堂只有午餐，独居老人希望增加晚餐。", HomeVisit, "胡玉珍", 6/18 11, "小区", "养老助餐", Community, Minor, Fate::Meeting),
    t!("垃圾分类亭异味大", "4号楼旁的垃圾分类亭夏天异味很大，清运不及时。", Hotline12345, "郭大伟", 7/2 16, "4号楼", "垃圾分类", Community, Minor, Fate::Meeting),
    t!("健身器材损坏", "小广场的两台健身器材螺丝松动，有安全隐患。", Snapshot, "马文明", 6/2 7, "小区", "楼道与公共空间", Immediate, Minor, Fate::DoneOnSpot("网格员当天联系物业紧固螺丝，并贴了暂停使用提示。")),
    t!("单元门禁坏了", "1号楼2单元门禁刷卡没反应。", Phone, "冯建军", 6/9 9, "1号楼2单元", "照明与线路", Immediate, Minor, Fate::DoneOnSpot("物业电工当天更换了门禁电源。")),
    t!("楼道灯不亮", "3号楼1单元5到6楼声控灯坏了。", Wechat, "高秀英", 8/14 20, "3号楼1单元", "照明与线路", Immediate, Minor, Fate::DoneOnSpot("网格员报物业，次日更换灯泡。")),
    t!("小区门口道路坑洼", "小区门口市政道路有大坑，下雨积水。", Hotline12345, "唐永强", 5/20 10, "小区", "道路桥梁", Escalate, Major, Fate::Escalated("上报街道城管科，由市政部门维修。")),
    t!("河道有人倾倒建筑垃圾", "院坝外河道边有人夜里倒建筑垃圾。", GridWorker, "赵志刚", 8/30 6, "院坝一组", "环境卫生", Escalate, Urgent, Fate::Escalated("上报街道综合执法队。")),
    t!("希望小区通公交", "出门坐公交要走一公里，希望公交线路改道。", Questionnaire, "谢宝林", 9/3 14, "小区", "便民服务", Escalate, Major, Fate::Escalated("上报街道，转区交通运输局研究。")),
    t!("要求物业退还多收的物业费", "认为物业多收了两个月物业费。", Phone, "邓小平", 4/8 10, "2号楼1单元", "物业纠纷", Community, Minor, Fate::Rejected("属于业主与物业的合同纠纷，已告知可申请人民调解或诉讼。")),
    t!("想在绿地上种菜", "有居民想把楼下绿地开成菜地。", Wechat, "彭德怀", 4/22 9, "4号楼", "绿化养护", Community, Minor, Fate::Rejected("公共绿地不能私自占用种菜，已做解释。")),
    t!("停车收费太贵", "新的停车收费标准太高。", Wechat, "罗志明", 1/10 21, "小区", "停车管理", Community, Minor, Fate::MergedInto("小区停车乱，消防通道被占")),
    t!("充电桩什么时候装", "楼下电动车多，充电桩能不能快点装。", Snapshot, "蒋文", 2/3 18, "小区", "充电设施", Community, Minor, Fate::MergedInto("申请安装电动车充电桩")),
    t!("广场舞音量太大", "晚上八点以后广场舞音响太响。", SuggestionBox, "程静", 9/15 21, "小区", "噪音扰民", Community, Minor, Fate::Accepted),
    t!("加装电梯意向征集", "2号楼多位老人希望加装电梯，想先征集意见。", Questionnaire, "宋建华", 10/8 10, "2号楼", "加装电梯", Community, Major, Fate::Accepted),
    t!("小区绿化带杂草多", "3号楼后面的绿化带杂草半人高，有蚊虫。", Other, "潘晓东", 10/20 17, "3号楼", "绿化养护", Community, Minor, Fate::Accepted),
    t!("重阳节活动建议", "建议重阳节组织老人包饺子、义诊。", HomeVisit, "于晓燕", 9/20 10, "小区", "文化活动", Community, Minor, Fate::Collected),
    t!("楼顶防水层老化", "4号楼顶楼住户反映下雨天天花板渗水。", Phone, "薛红", 11/10 19, "4号楼", "供水排水", Community, Major, Fate::Collected),
    t!("红白喜事大操大办", "院坝里办酒席越来越铺张，建议定个简办的规矩。", HomeVisit, "石大嫂", 11/12 15, "院坝一组", "移风易俗", Community, Minor, Fate::Collected),
    t!("快递堆在单元门口", "快递员把快递堆在单元门口，经常丢件。", Snapshot, "杜鹃", 11/15 18, "3号楼1单元", "便民服务", Community, Minor, Fate::Collected),
    t!("路灯杆倾斜", "院坝入口路灯杆被车撞歪。", Wechat, "袁师傅", 11/18 8, "院坝一组", "照明与线路", Community, Urgent, Fate::Collected),
    t!("楼下烧烤油烟", "底商烧烤店油烟直排，熏到楼上住户。", Hotline12345, "魏明", 11/19 22, "2号楼", "环境卫生", Community, Minor, Fate::Collected),
    t!("希望开设四点半课堂", "双职工家庭孩子放学没人管，希望社区开设四点半课堂。", Questionnaire, "韩梅", 11/20 16, "小区", "文化活动", Community, Minor, Fate::Collected),
];

pub(crate) struct Topics {
    pub all: Vec<Topic>,
    /// (demo topic, its record) for the topics that go to a meeting, in the order above.
    pub for_meetings: Vec<(usize, Topic)>,
}

pub(crate) fn build(tx: &Transaction, roster: &Roster) -> Result<Topics, DemoError> {
    let categories = community::list_categories(tx, true).map_err(step)?;
    let mut out = Topics { all: Vec::new(), for_meetings: Vec::new() };
    for (i, d) in TOPICS.iter().enumerate() {
        let person = roster.by_name.get(d.raised_by);
        let new = NewTopic {
            title: d.title.into(),
            description: d.description.into(),
            channel: d.channel,
            raised_by_person_id: person.map(|p| p.id.clone()),
            raised_by_name: d.raised_by.into(),
            raised_by_phone: person.map(|p| p.phone.clone()).unwrap_or_default(),
            raised_at: Some(at(d.when.0, d.when.1, d.when.2, 15)),
            place_id: roster.places.get(d.place).cloned(),
            category_id: categories.iter().find(|c| c.name == d.category).map(|c| c.id.clone()),
            handling_class: d.class,
            scale: d.scale,
        };
        let recorder = "赵志刚";
        let (month, day, hour) = d.when;
        let topic = time::at(moment(month, day, hour, 15), || topics::create(tx, &new, recorder)).map_err(step)?;
        let topic = time::at(reviewed_at(d), || apply_fate(tx, &topic, d.fate, &out.all))?;
        if d.fate == Fate::Meeting {
            out.for_meetings.push((i, topic.clone()));
        }
        out.all.push(topic);
    }
    Ok(out)
}

/// When the topic was sorted: a 即办件 is fixed the same day by the grid worker (the next morning
/// when it was raised in the evening); everything else is sorted the next morning.
pub(crate) fn reviewed_at(d: &DemoTopic) -> DateTime<Utc> {
    let (month, day, hour) = d.when;
    match d.fate {
        Fate::DoneOnSpot(_) if hour < 17 => moment(month, day, hour + 3, 15),
        _ => moment(month, day, 9, 0) + TimeDelta::days(1),
    }
}

fn apply_fate(tx: &Transaction, topic: &Topic, fate: Fate, earlier: &[Topic]) -> Result<Topic, DemoError> {
    let actor = "张敏";
    let mv = |to: TopicStatus, note: &str| topics::move_to(tx, &topic.id, to, actor, note).map_err(step);
    match fate {
        Fate::Collected => Ok(topic.clone()),
        Fate::Accepted | Fate::Meeting => mv(TopicStatus::Accepted, ""),
        Fate::DoneOnSpot(note) => mv(TopicStatus::DoneOnSpot, note),
        Fate::Escalated(note) => mv(TopicStatus::Escalated, note),
        Fate::Rejected(note) => mv(TopicStatus::Rejected, note),
        Fate::MergedInto(title) => {
            let target = earlier
                .iter()
                .find(|t| t.title == title)
                .ok_or_else(|| DemoError::Step(format!("示例数据缺少议题“{title}”")))?;
            topics::merge(tx, &topic.id, &target.id, actor).map_err(step)
        }
    }
}
