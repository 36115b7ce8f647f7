//! The demo's 办事 · 评事: progress notes on the year's tasks (some done, one blocked, one overdue),
//! residents' satisfaction surveys (one poor result that reopened the work), and the dog-walking
//! convention drafted, posted for comment and revised. Each note and survey is written on the
//! evening of its day, so a task is marked done on the day the story says.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Transaction;

use super::{day as date, moment, step, today, DemoError};
use crate::conventions::{self, ConventionText, NewFeedback};
use crate::decisions::{self, TaskFilter, TaskStatus};
use crate::evaluations::{self, EvalMethod, NewEvaluation};
use crate::followup::{self, NewNote};
use crate::notices::Chapter;
use crate::time;

/// Runs `f` at `hour`:00 on `on`, with `on` as the day's "today".
fn on_day<T>(on: NaiveDate, hour: u32, f: impl FnOnce(NaiveDate) -> T) -> T {
    time::at(moment(on.month(), on.day(), hour, 0), || f(on))
}

/// A task's id and its topic's id, by the task's title.
type TaskLookup<'a> = &'a dyn Fn(&str) -> Result<(String, Option<String>), DemoError>;

/// (task title, [(month, day, note, new status)])
type Progress = (&'static str, &'static [(u32, u32, &'static str, Option<TaskStatus>)]);

const PROGRESS: &[Progress] = &[
    (
        "施划标准车位和消防通道禁停线",
        &[
            (2, 20, "物业和业委会一起放线，主干道一侧46个车位划线完成。", Some(TaskStatus::InProgress)),
            (2, 26, "消防通道黄线施划完毕，张贴了禁停提示。", Some(TaskStatus::Done)),
        ],
    ),
    (
        "改建东侧临时停车位18个",
        &[
            (2, 10, "施工队进场，清理绿化带边角地。", Some(TaskStatus::InProgress)),
            (3, 15, "18个临时车位铺装完成，已投入使用。", Some(TaskStatus::Done)),
        ],
    ),
    (
        "北侧车棚安装智能充电口20个",
        &[
            (3, 5, "供电公司完成线路增容。", Some(TaskStatus::InProgress)),
            (3, 28, "20个充电口安装调试完毕。", Some(TaskStatus::Done)),
        ],
    ),
    ("南门外划定单车停放区", &[(3, 25, "停放区划线完成，三家企业每天上午、傍晚各清运一次。", Some(TaskStatus::Done))]),
    (
        "起草文明养犬公约并张贴征求意见",
        &[(4, 10, "公约草案已在公示栏张贴，征求意见十天。", Some(TaskStatus::InProgress))],
    ),
    (
        "便民桥抬高加固",
        &[
            (5, 8, "慈善协会三万元到账，乡贤捐款八千元。", Some(TaskStatus::InProgress)),
            (5, 28, "村民投工六十余人次，便民桥抬高一米，赶在雨季前完工。", Some(TaskStatus::Done)),
        ],
    ),
    (
        "车库照明全部更换为LED灯",
        &[
            (6, 20, "开发商施工队进场，先换照明。", Some(TaskStatus::InProgress)),
            (7, 10, "车库全部更换为LED灯，共126盏。", Some(TaskStatus::Done)),
        ],
    ),
    (
        "车库地面防水修复",
        &[
            (7, 15, "地面凿开检查，防水层大面积失效。", Some(TaskStatus::InProgress)),
            (9, 10, "开发商施工队修了一半后停工，社区已发函催促。", None),
        ],
    ),
    (
        "楼栋长每周回访两户",
        &[
            (6, 5, "回访两户，楼道已清理干净，夜间音乐已停。", Some(TaskStatus::InProgress)),
            (6, 30, "连续四周回访无新矛盾，两户关系缓和。", Some(TaskStatus::Done)),
        ],
    ),
    ("更换院坝主水管并加装保温", &[(11, 8, "新水管已运到，等天晴施工。", Some(TaskStatus::InProgress))]),
];

pub(crate) fn build(tx: &Transaction) -> Result<(), DemoError> {
    let tasks: HashMap<String, (String, Option<String>)> = decisions::tasks(tx, &TaskFilter::default(), today())
        .map_err(step)?
        .into_iter()
        .map(|t| (t.title.clone(), (t.id, t.topic_id)))
        .collect();
    let task =
        |title: &str| tasks.get(title).cloned().ok_or_else(|| DemoError::Step(format!("示例任务“{title}”不存在")));
    for (title, notes) in PROGRESS {
        let (id, _) = task(title)?;
        for (m, d, text, status) in notes.iter() {
            note(tx, &id, date(*m, *d), text, *status)?;
        }
    }
    let (dog_task, _) = task("起草文明养犬公约并张贴征求意见")?;
    on_day(date(5, 6), 17, |on| {
        followup::set_status(
            tx,
            &dog_task,
            TaskStatus::Blocked,
            "公约草案意见分歧较大（是否限定遛狗时段），待下次居民会议讨论。",
            on,
            "张敏",
        )
    })
    .map_err(step)?;
    // The plumber named at the meeting left for work in town: the task changes hands, on record.
    let (pipe, _) = task("更换院坝主水管并加装保温")?;
    on_day(date(11, 10), 19, |on| {
        followup::reassign(tx, &pipe, "院坝一组", "杨师傅", "袁师傅外出务工，改由杨师傅负责。", on, "张敏")
    })
    .map_err(step)?;
    surveys(tx, &task)?;
    convention(tx)
}

fn note(
    tx: &Transaction,
    task_id: &str,
    on: NaiveDate,
    text: &str,
    status: Option<TaskStatus>,
) -> Result<(), DemoError> {
    let new = NewNote { date: on, text: text.into(), status, photos: Vec::new(), draft_key: None };
    on_day(on, 18, |today| followup::add_note(tx, task_id, &new, today, "张敏")).map_err(step)?;
    Ok(())
}

fn surveys(tx: &Transaction, task: TaskLookup) -> Result<(), DemoError> {
    let topic_of = |title: &str| -> Result<String, DemoError> {
        task(title)?.1.ok_or_else(|| DemoError::Step(format!("示例任务“{title}”没有议题")))
    };
    let survey = |topic: &str,
                  s: u32,
                  b: u32,
                  u: u32,
                  method: EvalMethod,
                  on: NaiveDate,
                  comment: &str,
                  reopen: Option<(&str, &str)>| {
        let new = NewEvaluation {
            topic_id: topic.to_string(),
            task_id: reopen.map(|(t, _)| t.to_string()),
            satisfied: s,
            basically_satisfied: b,
            unsatisfied: u,
            method,
            evaluator: "居务监督委员会 孙明".into(),
            comment: comment.into(),
            date: on,
            reopen: reopen.map(|(_, why)| why.to_string()),
        };
        on_day(on, 15, |today| evaluations::record(tx, &new, today, "张敏")).map(|_| ()).map_err(step)
    };
    let parking = topic_of("改建东侧临时停车位18个")?;
    survey(
        &parking,
        38,
        5,
        2,
        EvalMethod::PhoneCallback,
        date(4, 2),
        "多数住户认为停车秩序明显好转，个别住户认为收费偏高。",
        None,
    )?;
    let bikes = topic_of("南门外划定单车停放区")?;
    survey(&bikes, 21, 3, 0, EvalMethod::SiteCheck, date(4, 8), "人行道已畅通，轮椅可以通过。", None)?;
    let bridge = topic_of("便民桥抬高加固")?;
    survey(&bridge, 46, 2, 0, EvalMethod::Meeting, date(6, 12), "院坝会上村民一致认可，娃娃上学不再绕路。", None)?;
    // The charging points: a poor first result reopened the work, then a second survey closed it.
    let (charging_task, charging_topic) = task("北侧车棚安装智能充电口20个")?;
    let charging_topic = charging_topic.unwrap_or_default();
    survey(
        &charging_topic,
        8,
        4,
        9,
        EvalMethod::SiteCheck,
        date(4, 10),
        "部分充电口频繁跳闸。",
        Some((&charging_task, "实地验收不满意：部分充电口频繁跳闸，请物业整改。")),
    )?;
    note(tx, &charging_task, date(4, 25), "供电公司更换了两个空气开关，连续一周未再跳闸。", Some(TaskStatus::Done))?;
    survey(&charging_topic, 25, 3, 1, EvalMethod::PhoneCallback, date(5, 5), "整改后基本满意。", None)
}

fn convention(tx: &Transaction) -> Result<(), DemoError> {
    let chapter = |title: &str, articles: &[&str]| Chapter {
        title: title.into(),
        articles: articles.iter().map(|a| a.to_string()).collect(),
    };
    let mut text = ConventionText {
        preamble: "为了营造文明、安全、整洁的居住环境，经居民议事会协商，制定本公约。".into(),
        chapters: vec![
            chapter(
                "总则",
                &["本公约适用于幸福里小区全体居民及其饲养的犬只。", "养犬居民应当遵守法律法规，尊重他人，文明养犬。"],
            ),
            chapter(
                "文明遛犬",
                &[
                    "出户遛犬必须牵绳，绳长不超过1.5米。",
                    "遛犬时随身携带清理用品，及时清理犬只粪便。",
                    "大型犬不得进入儿童游乐区。",
                ],
            ),
            chapter(
                "监督与奖励",
                &[
                    "居民发现违反本公约的行为，可以劝导，也可以向楼栋长反映。",
                    "连续一年文明养犬的家庭，年底可获得积分奖励。",
                ],
            ),
        ],
    };
    let c = on_day(date(4, 8), 10, |_| conventions::create(tx, "幸福里小区文明养犬公约", &text)).map_err(step)?;
    on_day(date(4, 10), 9, |_| conventions::post(tx, &c.id, date(4, 10), date(4, 20))).map_err(step)?;
    for (on, who, what) in [
        (date(4, 12), "郑丽华", "建议规定晚上七点到九点广场不许遛狗，孩子多。"),
        (date(4, 15), "", "（意见箱）希望小区设置宠物便便箱。"),
    ] {
        let feedback =
            NewFeedback { received_on: on, from_name: who.into(), text: what.into(), response: String::new() };
        on_day(on, 18, |_| conventions::add_feedback(tx, &c.id, &feedback)).map_err(step)?;
    }
    text.chapters[1].articles.push("社区在中心广场设置宠物便便箱两个，由物业每日清理。".into());
    on_day(date(4, 25), 10, |_| {
        conventions::save_version(tx, &c.id, &text, "采纳意见箱建议，增加便便箱条款；遛狗时段限制待居民会议讨论。")
    })
    .map_err(step)?;
    Ok(())
}
