//! 创建下一次会议: the next meeting of a recurring one, created from the last.
//!
//! Same kind, place, host, recorder, time of day and recurrence; the core members the last one
//! invited are invited again; item 1 is the follow-up (every new meeting has it). The title
//! follows the month (十一月居民议事会 → 十二月居民议事会, 11月板凳会 → 12月板凳会), else it gets
//! the date (周例会 → 周例会（12月9日）). Creating it twice is refused ([`MeetingError::NextExists`]):
//! the meeting page shows the one already created instead.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Transaction};

use super::{
    create, get, invite_core_member, participants, repo, Meeting, MeetingError, NewMeeting, ParticipantKind, Recurrence,
};

const MONTHS: [&str; 12] =
    ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"];

/// The day the next meeting would be on, or None if the meeting does not repeat.
pub fn next_day(conn: &Connection, meeting: &Meeting) -> Result<Option<NaiveDate>, MeetingError> {
    let zone = crate::community::zone(conn)?;
    let day = zone.date_or_today(&meeting.starts_at);
    Ok(Recurrence::from_stored(&meeting.recurrence).next_after(day))
}

/// The meeting already created from this one, if any.
pub fn next_of(conn: &Connection, meeting_id: &str) -> Result<Option<Meeting>, MeetingError> {
    Ok(repo::next_of(conn, meeting_id)?)
}

/// Creates the next meeting of a recurring one (see the module's doc).
pub fn create_next(tx: &Transaction, meeting_id: &str, actor: &str) -> Result<Meeting, MeetingError> {
    let _ = actor;
    let last = get(tx, meeting_id)?;
    if let Some(next) = repo::next_of(tx, meeting_id)? {
        return Err(MeetingError::NextExists { title: last.title, next_title: next.title });
    }
    let zone = crate::community::zone(tx)?;
    let Some(day) = next_day(tx, &last)? else {
        return Err(MeetingError::NotRecurring { title: last.title });
    };
    let old_day = zone.date_or_today(&last.starts_at);
    let time = zone.datetime_of(&last.starts_at).map(|t| t.time()).unwrap_or_default();
    let new = NewMeeting {
        kind: last.kind,
        title: next_title(&last.title, old_day, day),
        starts_at: day.and_time(time).format("%Y-%m-%d %H:%M").to_string(),
        place: last.place.clone(),
        host_name: last.host_name.clone(),
        recorder_name: last.recorder_name.clone(),
        recurrence: last.recurrence.clone(),
    };
    let next = create(tx, &new)?;
    repo::set_previous(tx, &next.id, &last.id)?;
    for p in participants(tx, &last.id)? {
        if p.kind != ParticipantKind::Core {
            continue;
        }
        if let Some(person_id) = &p.person_id {
            // Someone who left the roster since is simply not invited again.
            match invite_core_member(tx, &next.id, person_id) {
                Ok(_) | Err(MeetingError::PersonNotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
    }
    get(tx, &next.id)
}

/// 十一月居民议事会 → 十二月居民议事会; 11月板凳会 → 12月板凳会; otherwise 周例会（12月9日）,
/// replacing a date an earlier 创建下一次会议 added.
pub fn next_title(title: &str, old: NaiveDate, new: NaiveDate) -> String {
    let date = format!("（{}月{}日）", new.month(), new.day());
    if old.month() != new.month() {
        let (o, n) = (old.month0() as usize, new.month0() as usize);
        for (from, to) in [
            (MONTHS[o].to_string(), MONTHS[n].to_string()),
            (format!("{}月", old.month()), format!("{}月", new.month())),
        ] {
            if let Some(at) = title.find(&from) {
                // 十一月 contains 一月: only a whole month name counts.
                let before = &title[..at];
                if from.starts_with(|c: char| !c.is_ascii_digit()) && (before.ends_with('十')) {
                    continue;
                }
                if from.starts_with(|c: char| c.is_ascii_digit()) && before.ends_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                return format!("{before}{to}{}", &title[at + from.len()..]);
            }
        }
    }
    let base = match title.rfind('（') {
        Some(at) if title.ends_with("日）") && title[at..].contains('月') => &title[..at],
        _ => title,
    };
    format!("{base}{date}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::UserFacing;
    use crate::meetings::fixtures::{self, person};
    use crate::meetings::{agenda, invite_all_core_members, invite_stakeholder, AgendaKind};
    use crate::testing::temp_store;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_title_follows_the_month_or_gets_the_date() {
        assert_eq!(next_title("十一月居民议事会", day(2026, 11, 26), day(2026, 12, 26)), "十二月居民议事会");
        assert_eq!(next_title("十二月居民议事会", day(2026, 12, 26), day(2027, 1, 26)), "一月居民议事会");
        assert_eq!(next_title("一月议事会", day(2027, 1, 26), day(2027, 2, 26)), "二月议事会");
        assert_eq!(next_title("11月板凳会", day(2026, 11, 20), day(2026, 12, 20)), "12月板凳会");
        assert_eq!(next_title("周例会", day(2026, 12, 2), day(2026, 12, 9)), "周例会（12月9日）");
        assert_eq!(next_title("周例会（12月9日）", day(2026, 12, 9), day(2026, 12, 16)), "周例会（12月16日）");
    }

    #[test]
    fn the_next_meeting_keeps_place_time_and_core_members_and_is_created_once() {
        let (_d, mut store) = temp_store();
        let core = person(&mut store, "王建国", "党员", true);
        let other = person(&mut store, "赵大妈", "居民", false);
        let mut form = fixtures::new_meeting("十一月居民议事会", "2026-11-26T19:00:00+08:00");
        form.recurrence = "monthly:26".into();
        let m = store.write(|tx| create(tx, &form)).unwrap();
        assert_eq!(m.recurrence_label, "每月26日");
        let topic = fixtures::accepted_topic(&mut store, "楼道堆物");
        store
            .write(|tx| {
                invite_all_core_members(tx, &m.id)?;
                crate::meetings::add_topic(tx, &m.id, &topic, "张敏")?;
                invite_stakeholder(tx, &m.id, &other, &topic)
            })
            .unwrap();
        let next = store.write(|tx| create_next(tx, &m.id, "张敏")).unwrap();
        assert_eq!(next.title, "十二月居民议事会");
        assert_eq!(next.starts_at, "2026-12-26T11:00:00.000Z", "19:00 Beijing time, stored in UTC");
        assert_eq!((next.place.as_str(), next.recurrence.as_str()), (m.place.as_str(), "monthly:26"));
        assert_eq!(next.previous_meeting_id.as_deref(), Some(m.id.as_str()));
        let invited: Vec<_> =
            participants(store.conn(), &next.id).unwrap().into_iter().filter_map(|p| p.person_id).collect();
        assert_eq!(invited, vec![core], "the core member again, not last time's stakeholder");
        let items = agenda(store.conn(), &next.id).unwrap();
        assert_eq!(items.iter().map(|i| i.kind).collect::<Vec<_>>(), vec![AgendaKind::FollowUp]);

        let before = crate::meetings::list(store.conn()).unwrap().len();
        let e = store.write(|tx| create_next(tx, &m.id, "张敏")).unwrap_err();
        assert_eq!(e.code(), "meeting_next_exists");
        assert!(e.to_string().contains("十二月居民议事会"), "{e}");
        assert_eq!(crate::meetings::list(store.conn()).unwrap().len(), before, "nothing created");
    }

    #[test]
    fn a_meeting_that_does_not_repeat_has_no_next() {
        let (_d, mut store) = temp_store();
        let m = fixtures::meeting(&mut store, "楼道议事会", "2026-11-26T19:00:00+08:00");
        let e = store.write(|tx| create_next(tx, &m.id, "张敏")).unwrap_err();
        assert_eq!(e.code(), "meeting_not_recurring");
        assert!(e.to_string().contains("没有设置重复"));
        let mut bad = fixtures::new_meeting("楼道议事会", "2026-11-26T19:00:00+08:00");
        bad.recurrence = "monthly:32".into();
        let e = store.write(|tx| crate::meetings::update(tx, &m.id, &bad)).unwrap_err();
        assert!(e.to_string().contains("1到31"), "{e}");
        assert_eq!(crate::meetings::get(store.conn(), &m.id).unwrap().recurrence, "", "unchanged");
    }
}
