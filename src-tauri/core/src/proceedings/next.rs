//! 下次会议: the next planned meeting and what is ready for it, for the home screen.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::decisions::{self, DecisionError};
use crate::meetings::{self, Meeting, MeetingError, MeetingStatus};
use crate::topics::{self, TopicFilter, TopicStatus};

#[derive(Debug, Clone, Serialize)]
pub struct NextMeeting {
    pub meeting: Meeting,
    /// 2026年12月26日（星期六） 19:00, in the community's zone.
    pub when: String,
    /// Topics accepted (已审定) and waiting for a meeting: N 个议题待上会.
    pub topics_waiting: usize,
    /// Tasks past their deadline, to report under item 1: N 项任务逾期.
    pub tasks_overdue: usize,
}

/// The first planned meeting on or after `today` (a community day), with what is ready for it.
pub fn next_meeting(conn: &Connection, today: NaiveDate) -> Result<Option<NextMeeting>, DecisionError> {
    let zone = crate::community::zone(conn).map_err(MeetingError::from)?;
    let from = zone.start_of_day(today);
    let Some(meeting) = meetings::list(conn)?
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.starts_at >= from)
        .min_by(|a, b| a.starts_at.cmp(&b.starts_at))
    else {
        return Ok(None);
    };
    let when = match zone.datetime_of(&meeting.starts_at) {
        Some(t) => format!(
            "{}（{}） {}",
            crate::time::chinese_date(t.date()),
            crate::time::weekday(t.date()),
            t.format("%H:%M")
        ),
        None => String::new(),
    };
    let filter = TopicFilter { statuses: vec![TopicStatus::Accepted], ..TopicFilter::default() };
    let topics_waiting = topics::list(conn, &filter).map_err(MeetingError::from)?.len();
    let tasks_overdue = decisions::overdue_count(conn, today)?;
    Ok(Some(NextMeeting { meeting, when, topics_waiting, tasks_overdue }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::fixtures;
    use crate::testing::temp_store;

    #[test]
    fn the_next_planned_meeting_and_what_is_ready() {
        let (_d, mut store) = temp_store();
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert!(next_meeting(store.conn(), today).unwrap().is_none(), "no meeting yet");
        fixtures::meeting(&mut store, "十一月居民议事会", "2026-11-26T19:00:00+08:00");
        let later = fixtures::meeting(&mut store, "一月居民议事会", "2027-01-26T19:00:00+08:00");
        let soon = fixtures::meeting(&mut store, "十二月居民议事会", "2026-12-26T19:00:00+08:00");
        fixtures::accepted_topic(&mut store, "电动车充电桩");
        fixtures::accepted_topic(&mut store, "楼道堆物");
        let next = next_meeting(store.conn(), today).unwrap().unwrap();
        assert_eq!(next.meeting.id, soon.id, "not the past one, not the later one: {}", later.title);
        assert_eq!(next.when, "2026年12月26日（星期六） 19:00");
        assert_eq!((next.topics_waiting, next.tasks_overdue), (2, 0));
    }
}
