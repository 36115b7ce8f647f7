//! The demo's points: the community's rules, volunteering credited by hand, and year-end
//! exchanges at the points shop (积分超市).

use rusqlite::Transaction;

use super::people::Roster;
use super::{step, DemoError};
use crate::points::{self, PointsRules, PointsSource};

const VOLUNTEERING: &[(&str, i64, &str)] = &[
    ("胡玉珍", 5, "重阳节为独居老人包饺子"),
    ("梁春花", 3, "垃圾分类桶边值守一周"),
    ("石大嫂", 5, "便民桥修缮出工两天"),
    ("于晓燕", 3, "四点半课堂志愿辅导"),
    ("王秀兰", 4, "组织楼道大扫除"),
];

const EXCHANGES: &[(&str, i64, &str)] = &[("王秀兰", 10, "大米一袋（10斤）"), ("石大嫂", 6, "食用油一桶")];

pub(crate) fn build(tx: &Transaction, roster: &Roster) -> Result<(), DemoError> {
    // Must be set before the meetings close: closing credits attendance and speaking by these rules.
    points::set_rules(tx, &PointsRules { attendance: 2, speaking: 1 }).map_err(step)?;
    for (name, pts, why) in VOLUNTEERING {
        let person = person(roster, name)?;
        points::credit(tx, &person, *pts, PointsSource::Volunteer, why, None).map_err(step)?;
    }
    Ok(())
}

/// After the year's meetings have credited their points.
pub(crate) fn exchanges(tx: &Transaction, roster: &Roster) -> Result<(), DemoError> {
    for (name, pts, what) in EXCHANGES {
        points::redeem(tx, &person(roster, name)?, *pts, what).map_err(step)?;
    }
    Ok(())
}

fn person(roster: &Roster, name: &str) -> Result<String, DemoError> {
    roster.id(name).ok_or_else(|| DemoError::Step(format!("示例名单里没有 {name}")))
}
