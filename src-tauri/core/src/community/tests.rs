use super::*;
use crate::error::UserFacing;
use crate::testing::{count, temp_store};

fn person(name: &str, phone: &str, roles: &[&str]) -> NewPerson {
    NewPerson {
        name: name.into(),
        phone: phone.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        household_id: None,
        place_id: None,
        is_core_member: false,
        note: String::new(),
    }
}

#[test]
fn settings_start_empty_and_save_trimmed() {
    let (_d, mut store) = temp_store();
    assert_eq!(load_settings(store.conn()).unwrap().issuer, "");
    let s = CommunitySettings {
        name: " 幸福里社区 ".into(),
        issuer: "幸福里社区居民委员会".into(),
        default_place: "3号楼前小广场".into(),
        time_zone: "Asia/Shanghai".into(),
        public_phone: String::new(),
        qr_text: String::new(),
        qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
        qr_picture: false,
    };
    store.write(|tx| save_settings(tx, &s)).unwrap();
    let loaded = load_settings(store.conn()).unwrap();
    assert_eq!(loaded.name, "幸福里社区");
    assert_eq!(loaded.issuer, "幸福里社区居民委员会");
    let empty = CommunitySettings {
        name: "幸福里社区".into(),
        issuer: " ".into(),
        default_place: String::new(),
        time_zone: "Asia/Shanghai".into(),
        public_phone: String::new(),
        qr_text: String::new(),
        qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
        qr_picture: false,
    };
    let err = store.write(|tx| save_settings(tx, &empty)).unwrap_err();
    assert!(err.to_string().contains("落款单位"), "{err}");
    assert_eq!(load_settings(store.conn()).unwrap().issuer, "幸福里社区居民委员会");
}

#[test]
fn the_time_zone_is_a_setting_that_defaults_to_china() {
    let (_d, mut store) = temp_store();
    assert_eq!(zone(store.conn()).unwrap().name(), "Asia/Shanghai");
    assert_eq!(load_settings(store.conn()).unwrap().time_zone, "Asia/Shanghai");
    let mut s = CommunitySettings {
        name: "乌鲁木齐某社区".into(),
        issuer: "某社区居民委员会".into(),
        default_place: String::new(),
        time_zone: "Asia/Urumqi".into(),
        public_phone: String::new(),
        qr_text: String::new(),
        qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
        qr_picture: false,
    };
    store.write(|tx| save_settings(tx, &s)).unwrap();
    assert_eq!(zone(store.conn()).unwrap().name(), "Asia/Urumqi");
    s.time_zone = "UTC+8".into();
    let err = store.write(|tx| save_settings(tx, &s)).unwrap_err();
    assert!(err.to_string().contains("时区"), "{err}");
    assert_eq!(load_settings(store.conn()).unwrap().time_zone, "Asia/Urumqi", "a refused save changes nothing");
}

/// 幸福里小区 with 3号楼 under it.
fn estate_and_building(store: &mut crate::store::Store) -> (Place, Place) {
    let estate = store
        .write(|tx| add_place(tx, &NewPlace { parent_id: None, kind: "小区".into(), name: "幸福里小区".into() }))
        .unwrap();
    let b3 = store
        .write(|tx| {
            add_place(tx, &NewPlace { parent_id: Some(estate.id.clone()), kind: "楼栋".into(), name: "3号楼".into() })
        })
        .unwrap();
    (estate, b3)
}

#[test]
fn places_form_a_tree_with_paths() {
    let (_d, mut store) = temp_store();
    let (estate, b3) = estate_and_building(&mut store);
    let unit = store
        .write(|tx| {
            add_place(tx, &NewPlace { parent_id: Some(b3.id.clone()), kind: "单元".into(), name: "2单元".into() })
        })
        .unwrap();
    assert_eq!(unit.path, "幸福里小区 / 3号楼 / 2单元");
    let names: Vec<_> = list_places(store.conn()).unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["幸福里小区", "3号楼", "2单元"]);
    let dup = store.write(|tx| {
        add_place(tx, &NewPlace { parent_id: Some(estate.id.clone()), kind: "楼栋".into(), name: "3号楼".into() })
    });
    assert_eq!(dup.unwrap_err().code(), "community_duplicate");
    let bad_kind =
        store.write(|tx| add_place(tx, &NewPlace { parent_id: None, kind: "星球".into(), name: "火星".into() }));
    assert_eq!(bad_kind.unwrap_err().code(), "field_not_an_option");
    assert_eq!(count(&store, "places"), 3);
}

#[test]
fn people_keep_whole_phone_but_lists_carry_a_masked_copy() {
    let (_d, mut store) = temp_store();
    let h =
        store.write(|tx| add_household(tx, &NewHousehold { label: "3号楼2单元501".into(), place_id: None })).unwrap();
    let mut p = person("王秀兰", "13812345678", &["居民代表", "党员", "党员"]);
    p.household_id = Some(h.id.clone());
    let saved = store.write(|tx| add_person(tx, &p)).unwrap();
    assert_eq!(saved.phone, "13812345678");
    assert_eq!(saved.phone_masked, "138****5678");
    assert_eq!(saved.roles, ["居民代表", "党员"], "duplicate roles are dropped");
    assert_eq!(saved.household_label, "3号楼2单元501");
    assert_eq!(list_households(store.conn()).unwrap()[0].members, 1);
}

#[test]
fn bad_people_are_refused_and_nothing_is_written() {
    let (_d, mut store) = temp_store();
    for p in [person("  ", "", &[]), person("李四", "call me", &[]), person("张三", "", &[" "])] {
        assert!(store.write(|tx| add_person(tx, &p)).is_err(), "{:?}", p.name);
    }
    let err = store.write(|tx| add_person(tx, &person("王五", "一三九", &[]))).unwrap_err();
    assert_eq!(err.code(), "community_bad_phone");
    assert!(err.to_string().contains("阿拉伯数字"), "{err}");
    let mut ghost = person("赵六", "", &[]);
    ghost.household_id = Some("no-such-household".into());
    let err = store.write(|tx| add_person(tx, &ghost)).unwrap_err();
    assert_eq!(err.code(), "community_not_found");
    assert_eq!(count(&store, "people"), 0);
}

#[test]
fn updating_a_person_changes_roles_and_core_membership() {
    let (_d, mut store) = temp_store();
    let saved = store.write(|tx| add_person(tx, &person("刘建国", "", &["居民"]))).unwrap();
    let mut edit = person("刘建国", "13900001111", &["业委会"]);
    edit.is_core_member = true;
    let updated = store.write(|tx| update_person(tx, &saved.id, &edit)).unwrap();
    assert!(updated.is_core_member);
    assert_eq!(updated.roles, ["业委会"]);
    assert_eq!(list_people(store.conn()).unwrap()[0].phone_masked, "139****1111");
}

#[test]
fn a_new_database_has_the_default_catalogue_and_it_is_editable() {
    let (_d, mut store) = temp_store();
    let all = list_categories(store.conn(), false).unwrap();
    assert_eq!(all.iter().filter(|c| c.parent_id.is_none()).count(), 4);
    assert_eq!(all[0].name, "基础设施建设");
    assert_eq!(all[1].parent_id.as_deref(), Some(all[0].id.as_str()), "kinds follow their class");
    let parking = all.iter().find(|c| c.name == "停车管理").unwrap().clone();
    let added = store.write(|tx| add_category(tx, parking.parent_id.as_deref(), "电动车充电")).unwrap();
    store.write(|tx| rename_category(tx, &added.id, "电动自行车充电")).unwrap();
    store.write(|tx| retire_category(tx, &parking.id)).unwrap();
    let offered = list_categories(store.conn(), false).unwrap();
    assert!(offered.iter().all(|c| c.name != "停车管理"));
    assert!(offered.iter().any(|c| c.name == "电动自行车充电"));
    let with_retired = list_categories(store.conn(), true).unwrap();
    assert!(with_retired.iter().any(|c| c.name == "停车管理" && c.retired));
}

#[test]
fn a_retired_category_stays_on_old_topics() {
    let (_d, mut store) = temp_store();
    let parking = list_categories(store.conn(), false).unwrap().into_iter().find(|c| c.name == "停车管理").unwrap();
    let topic = crate::topics::NewTopic {
        title: "小区停车乱".into(),
        description: String::new(),
        channel: crate::topics::Channel::Phone,
        raised_by_person_id: None,
        raised_by_name: String::new(),
        raised_by_phone: String::new(),
        raised_at: None,
        place_id: None,
        category_id: Some(parking.id.clone()),
        handling_class: crate::topics::HandlingClass::Community,
        scale: crate::topics::Scale::Major,
    };
    let t = store.write(|tx| crate::topics::create(tx, &topic, "王秀兰")).unwrap();
    store.write(|tx| retire_category(tx, &parking.id)).unwrap();
    assert_eq!(crate::topics::get(store.conn(), &t.id).unwrap().category_id, Some(parking.id));
}

#[test]
fn the_public_contact_number_is_a_dialable_phone_or_empty() {
    let (_d, mut store) = temp_store();
    assert_eq!(load_settings(store.conn()).unwrap().public_phone, "");
    let mut s = CommunitySettings {
        name: "幸福里社区".into(),
        issuer: "幸福里社区居民委员会".into(),
        default_place: String::new(),
        time_zone: "Asia/Shanghai".into(),
        public_phone: " 0531-86001234 ".into(),
        qr_text: String::new(),
        qr_caption: crate::community::DEFAULT_QR_CAPTION.into(),
        qr_picture: false,
    };
    store.write(|tx| save_settings(tx, &s)).unwrap();
    assert_eq!(load_settings(store.conn()).unwrap().public_phone, "0531-86001234");
    for bad in ["86001234", "1381234567", "找王主任"] {
        s.public_phone = bad.into();
        let err = store.write(|tx| save_settings(tx, &s)).unwrap_err();
        assert!(err.to_string().contains("公开联系电话") && err.to_string().contains("区号"), "{err}");
    }
    assert_eq!(load_settings(store.conn()).unwrap().public_phone, "0531-86001234", "a refused save changes nothing");
    s.public_phone = "13812345678".into();
    store.write(|tx| save_settings(tx, &s)).unwrap();
    s.public_phone = String::new();
    store.write(|tx| save_settings(tx, &s)).unwrap();
    assert_eq!(load_settings(store.conn()).unwrap().public_phone, "", "the number can be removed");
}

#[test]
fn a_household_in_use_is_retired_only_with_a_reason_and_stays_readable() {
    let (_d, mut store) = temp_store();
    let h = store.write(|tx| add_household(tx, &NewHousehold { label: "3-501".into(), place_id: None })).unwrap();
    let empty = store.write(|tx| add_household(tx, &NewHousehold { label: "3-502".into(), place_id: None })).unwrap();
    let mut p = person("张建国", "13912345678", &[]);
    p.household_id = Some(h.id.clone());
    let zhang = store.write(|tx| add_person(tx, &p)).unwrap();

    let err = store.write(|tx| retire(tx, Register::Household, &h.id, " ")).unwrap_err();
    assert_eq!(err.code(), "community_retire_reason_required");
    assert!(!list_households(store.conn()).unwrap()[0].retired, "a refused retire changes nothing");
    store.write(|tx| retire(tx, Register::Household, &h.id, "已搬离")).unwrap();
    // Nothing points at the empty one: no reason needed.
    store.write(|tx| retire(tx, Register::Household, &empty.id, "")).unwrap();
    let listed = list_households(store.conn()).unwrap();
    assert!(listed.iter().all(|x| x.retired), "{listed:?}");
    assert_eq!(listed[0].retired_reason, "已搬离");
    assert_eq!(get_person(store.conn(), &zhang.id).unwrap().household_label, "3-501", "old records keep the name");

    store.write(|tx| restore(tx, Register::Household, &h.id)).unwrap();
    assert!(!list_households(store.conn()).unwrap()[0].retired);
}

#[test]
fn a_place_with_buildings_in_use_under_it_is_not_retired_and_a_person_is_retired_without_a_reason_when_unused() {
    let (_d, mut store) = temp_store();
    let (estate, b3) = estate_and_building(&mut store);
    let err = store.write(|tx| retire(tx, Register::Place, &estate.id, "拆迁")).unwrap_err();
    assert_eq!(err.code(), "community_retire_children_first");
    store.write(|tx| retire(tx, Register::Place, &b3.id, "")).unwrap();
    store.write(|tx| retire(tx, Register::Place, &estate.id, "拆迁")).unwrap();
    assert!(list_places(store.conn()).unwrap().iter().all(|p| p.retired));
    let err = store.write(|tx| retire(tx, Register::Place, &b3.id, "")).unwrap_err();
    assert_eq!(err.code(), "community_already_retired");

    let mut p = person("李书记", "13800001111", &["两委成员"]);
    p.is_core_member = true;
    let li = store.write(|tx| add_person(tx, &p)).unwrap();
    store.write(|tx| retire(tx, Register::Person, &li.id, "")).unwrap();
    assert!(get_person(store.conn(), &li.id).unwrap().retired);
}
