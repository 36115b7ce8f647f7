//! The demo's points: the community's rules, volunteering credited by hand, and year-end
//! exchanges at the points shop (积分超市).

use rusqlite::Transaction;

use super::people::Roster;
use super::{moment, step, DemoError};
use crate::points::{self, PointsRules, PointsSource};
use crate::time;

/// (name, points, what they did, (month, day) they were credited)
const VOLUNTEERING: &[(&str, i64, &str, (u32, u32))] = &[
    ("石大嫂", 5, "便民桥修缮出工两天", (5, 28)),
    ("梁春花", 3, "垃圾分类桶边值守一周", (7, 10)),
    ("于晓燕", 3, "四点半课堂志愿辅导", (7, 25)),
    ("王秀兰", 4, "组织楼道大扫除", (9, 6)),
    ("胡玉珍", 5, "重阳节为独居老人包饺子", (10, 18)),
];

/// The points shop's day before the story ends.
const EXCHANGES: &[(&str, i64, &str)] = &[("王秀兰", 10, "大米一袋（10斤）"), ("石大嫂", 6, "食用油一桶")];

/// Must run before the meetings close: closing credits attendance and speaking by these rules.
pub(crate) fn set_rules(tx: &Transaction) -> Result<(), DemoError> {
    points::set_rules(tx, &PointsRules { attendance: 2, speaking: 1 }).map(|_| ()).map_err(step)
}

pub(crate) fn build(tx: &Transaction, roster: &Roster) -> Result<(), DemoError> {
    for (name, pts, why, (month, day)) in VOLUNTEERING {
        let person = person(roster, name)?;
        time::at(moment(*month, *day, 18, 0), || points::credit(tx, &person, *pts, PointsSource::Volunteer, why, None))
            .map_err(step)?;
    }
    Ok(())
}

/// After the year's meetings have credited their points.
pub(crate) fn exchanges(tx: &Transaction, roster: &Roster) -> Result<(), DemoError> {
    for (name, pts, what) in EXCHANGES {
        let person = person(roster, name)?;
        time::at(moment(11, 20, 15, 0), || points::redeem(tx, &person, *pts, what)).map_err(step)?;
    }
    Ok(())
}

fn person(roster: &Roster, name: &str) -> Result<String, DemoError> {
    roster.id(name).ok_or_else(|| DemoError::Step(format!("示例名单里没有 {name}")))
}
