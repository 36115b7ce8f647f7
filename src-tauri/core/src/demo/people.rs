//! The demo roster: 幸福里社区, four buildings and a courtyard grid, ~25 households, ~40 people.

use std::collections::HashMap;

use rusqlite::Transaction;

use super::{step, DemoError};
use crate::community::{self, CommunitySettings, NewHousehold, NewPerson, NewPlace, Person};

pub(crate) struct Roster {
    pub people: Vec<Person>,
    pub households: Vec<String>,
    pub by_name: HashMap<String, Person>,
    pub places: HashMap<String, String>,
}

impl Roster {
    pub fn id(&self, name: &str) -> Option<String> {
        self.by_name.get(name).map(|p| p.id.clone())
    }
}

/// name, phone, roles, household (building-unit-room) or "", core member
const PEOPLE: &[(&str, &str, &[&str], &str, bool)] = &[
    ("李红梅", "13905310001", &["党员", "两委成员"], "", true),
    ("张敏", "13905310002", &["两委成员"], "", true),
    ("陈国强", "13905310003", &["物业"], "", true),
    ("刘建国", "13905310004", &["业委会", "党员"], "1号楼1单元101", true),
    ("王秀兰", "13812345678", &["居民代表", "楼栋长"], "3号楼2单元501", true),
    ("赵志刚", "13905310006", &["网格员"], "", true),
    ("孙律师", "13905310007", &["专业人士"], "", false),
    ("周桂芳", "13905310008", &["居民代表", "党员"], "2号楼1单元302", false),
    ("吴德才", "13905310009", &["居民"], "2号楼1单元302", false),
    ("郑丽华", "13905310010", &["居民"], "1号楼2单元201", false),
    ("冯建军", "13905310011", &["居民代表"], "1号楼2单元202", false),
    ("何小燕", "13905310012", &["居民"], "1号楼1单元102", false),
    ("马文明", "13905310013", &["党员"], "4号楼1单元101", false),
    ("胡玉珍", "13905310014", &["居民", "志愿者"], "4号楼1单元102", false),
    ("郭大伟", "13905310015", &["居民"], "4号楼2单元401", false),
    ("林晓", "13905310016", &["居民"], "3号楼1单元601", false),
    ("高秀英", "13905310017", &["居民代表"], "3号楼1单元602", false),
    ("罗志明", "13905310018", &["居民"], "3号楼2单元502", false),
    ("梁春花", "13905310019", &["居民", "志愿者"], "2号楼2单元101", false),
    ("宋建华", "13905310020", &["党员", "楼栋长"], "2号楼2单元102", false),
    ("谢宝林", "13905310021", &["居民"], "1号楼1单元101", false),
    ("韩梅", "13905310022", &["居民"], "1号楼2单元201", false),
    ("唐永强", "13905310023", &["居民"], "4号楼2单元402", false),
    ("许丽", "13905310024", &["居民"], "3号楼2单元501", false),
    ("邓小平", "13905310025", &["居民"], "2号楼1单元301", false),
    ("曹雪梅", "13905310026", &["居民代表"], "2号楼1单元301", false),
    ("彭德怀", "13905310027", &["居民"], "4号楼1单元201", false),
    ("蒋文", "13905310028", &["居民"], "4号楼1单元202", false),
    ("田桂兰", "13905310029", &["乡贤"], "院坝一组01", false),
    ("范老汉", "13905310030", &["居民"], "院坝一组02", false),
    ("石大嫂", "13905310031", &["居民", "志愿者"], "院坝一组03", false),
    ("袁师傅", "13905310032", &["居民"], "院坝一组04", false),
    ("潘晓东", "13905310033", &["居民"], "3号楼1单元301", false),
    ("杜鹃", "13905310034", &["居民"], "3号楼1单元302", false),
    ("黄志远", "13905310035", &["党员"], "1号楼1单元301", false),
    ("程静", "13905310036", &["居民"], "1号楼1单元302", false),
    ("魏明", "13905310037", &["居民"], "2号楼2单元201", false),
    ("薛红", "13905310038", &["居民"], "4号楼2单元301", false),
    ("蔡工程师", "13905310039", &["专业人士"], "", false),
    ("于晓燕", "13905310040", &["志愿者"], "3号楼1单元301", false),
];

pub(crate) fn build(tx: &Transaction) -> Result<Roster, DemoError> {
    community::save_settings(
        tx,
        &CommunitySettings {
            name: "幸福里社区".into(),
            issuer: "幸福里社区居民委员会".into(),
            default_place: "3号楼前小广场".into(),
            time_zone: crate::time::DEFAULT_ZONE.into(),
            // The committee's office line: printed whole on the notices, unlike residents' numbers.
            public_phone: "0531-86001234".into(),
            qr_text: String::new(),
            qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
            qr_picture: false,
        },
    )
    .map_err(step)?;
    let places = build_places(tx)?;
    let mut households: HashMap<String, String> = HashMap::new();
    let mut roster = Roster { people: Vec::new(), households: Vec::new(), by_name: HashMap::new(), places };
    for (name, phone, roles, household, core) in PEOPLE {
        let household_id = if household.is_empty() {
            None
        } else {
            Some(household_id(tx, &mut households, &roster.places, household)?)
        };
        let person = community::add_person(
            tx,
            &NewPerson {
                name: name.to_string(),
                phone: phone.to_string(),
                roles: roles.iter().map(|r| r.to_string()).collect(),
                household_id,
                place_id: building_of(&roster.places, household),
                is_core_member: *core,
                note: String::new(),
            },
        )
        .map_err(step)?;
        roster.by_name.insert(name.to_string(), person.clone());
        roster.people.push(person);
    }
    roster.households = households.into_values().collect();
    Ok(roster)
}

fn build_places(tx: &Transaction) -> Result<HashMap<String, String>, DemoError> {
    let mut ids = HashMap::new();
    let add = |tx: &Transaction, parent: Option<&String>, kind: &str, name: &str| {
        community::add_place(tx, &NewPlace { parent_id: parent.cloned(), kind: kind.into(), name: name.into() })
            .map(|p| p.id)
            .map_err(step)
    };
    let estate = add(tx, None, "小区", "幸福里小区")?;
    for b in 1..=4 {
        let building = add(tx, Some(&estate), "楼栋", &format!("{b}号楼"))?;
        for u in 1..=2 {
            let unit = add(tx, Some(&building), "单元", &format!("{u}单元"))?;
            ids.insert(format!("{b}号楼{u}单元"), unit);
        }
        ids.insert(format!("{b}号楼"), building);
    }
    let grid = add(tx, None, "网格", "幸福里第二网格")?;
    let yard = add(tx, Some(&grid), "院坝", "院坝一组")?;
    ids.insert("院坝一组".into(), yard);
    ids.insert("小区".into(), estate);
    Ok(ids)
}

/// "3号楼2单元501" → the unit's place id; "院坝一组01" → the courtyard.
fn building_of(places: &HashMap<String, String>, household: &str) -> Option<String> {
    places
        .iter()
        .filter(|(key, _)| household.starts_with(key.as_str()))
        .max_by_key(|(key, _)| key.len())
        .map(|(_, id)| id.clone())
}

fn household_id(
    tx: &Transaction,
    households: &mut HashMap<String, String>,
    places: &HashMap<String, String>,
    label: &str,
) -> Result<String, DemoError> {
    if let Some(id) = households.get(label) {
        return Ok(id.clone());
    }
    let h = community::add_household(tx, &NewHousehold { label: label.into(), place_id: building_of(places, label) })
        .map_err(step)?;
    households.insert(label.into(), h.id.clone());
    Ok(h.id)
}

/// Issue 21, people who move: in November the 潘 family (潘晓东 and 于晓燕) moves from
/// 3号楼1单元301 into a flat of 4号楼, and 301 is ended; 薛红 moves away to her daughter's.
/// Recorded by 张敏 on the evening before the story ends, dated the days they happened.
pub(crate) fn moves(tx: &Transaction, roster: &Roster) -> Result<(), DemoError> {
    use crate::community::{LeaveReason, Leaving, NewMove};
    let person = |name: &str| roster.id(name).ok_or_else(|| DemoError::Step(format!("名册里没有{name}")));
    let old_home = community::list_households(tx)
        .map_err(step)?
        .into_iter()
        .find(|h| h.label == "3号楼1单元301")
        .ok_or_else(|| DemoError::Step("没有3号楼1单元301".into()))?;
    let new_home = community::add_household(
        tx,
        &NewHousehold { label: "4号楼2单元502".into(), place_id: building_of(&roster.places, "4号楼2单元502") },
    )
    .map_err(step)?;
    for name in ["潘晓东", "于晓燕"] {
        let m =
            NewMove { to_household_id: new_home.id.clone(), day: "2026-11-08".into(), recorded_by: "张敏".into() };
        community::move_person(tx, &person(name)?, &m).map_err(step)?;
    }
    community::end_household(tx, &old_home.id, "2026-11-08").map_err(step)?;
    let edit = community::HouseholdEdit {
        label: new_home.label.clone(),
        place_id: new_home.place_id.clone(),
        head_person_id: Some(person("潘晓东")?),
    };
    community::update_household(tx, &new_home.id, &edit).map_err(step)?;
    let away = Leaving {
        day: "2026-11-15".into(),
        reason: LeaveReason::MovedAway,
        note: "随女儿迁往成都".into(),
        recorded_by: "张敏".into(),
    };
    community::person_leaves(tx, &person("薛红")?, &away).map_err(step)?;
    Ok(())
}
