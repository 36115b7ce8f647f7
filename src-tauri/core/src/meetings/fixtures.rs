//! Test data for meetings, votes, decisions and points: roster rows go in with plain SQL so these
//! tests do not depend on the community module's forms.

use crate::ids::{new_id, now_utc};
use crate::meetings::{self, Meeting, MeetingKind, NewMeeting};
use crate::store::Store;
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale, TopicStatus};

pub fn household(store: &mut Store, label: &str) -> String {
    let id = new_id();
    store
        .conn()
        .execute(
            "INSERT INTO households (id, label, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            rusqlite::params![id, label, now_utc()],
        )
        .expect("insert household");
    id
}

pub fn person(store: &mut Store, name: &str, role: &str, core: bool) -> String {
    let id = new_id();
    // Stored as the roster stores it: the key of an offered role (党员 → party_member).
    let roles =
        if role.is_empty() { vec![] } else { vec![crate::community::Role::read(role).map_or(role, |r| r.as_str())] };
    let roles = serde_json::to_string(&roles).expect("roles json");
    store
        .conn()
        .execute(
            "INSERT INTO people (id, name, roles, is_core_member, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            rusqlite::params![id, name, roles, core, now_utc()],
        )
        .expect("insert person");
    id
}

pub fn new_meeting(title: &str, starts_at: &str) -> NewMeeting {
    NewMeeting {
        kind: MeetingKind::Bench,
        title: title.into(),
        starts_at: starts_at.into(),
        place: "3号楼前小广场".into(),
        host_name: "李书记".into(),
        recorder_name: "张敏".into(),
        recurrence: String::new(),
    }
}

pub fn meeting(store: &mut Store, title: &str, starts_at: &str) -> Meeting {
    store.write(|tx| meetings::create(tx, &new_meeting(title, starts_at))).expect("create meeting")
}

/// A topic already reviewed and accepted (ready for an agenda).
pub fn accepted_topic(store: &mut Store, title: &str) -> String {
    let new = NewTopic {
        title: title.into(),
        description: format!("居民反映：{title}"),
        channel: Channel::Wechat,
        raised_by_person_id: None,
        raised_by_name: "王秀兰".into(),
        raised_by_phone: String::new(),
        raised_at: None,
        place_id: None,
        category_id: None,
        handling_class: HandlingClass::Community,
        scale: Scale::Minor,
    };
    store
        .write(|tx| {
            let t = topics::create(tx, &new, "张敏")?;
            topics::move_to(tx, &t.id, TopicStatus::Accepted, "李书记", "")
        })
        .expect("accepted topic")
        .id
}
