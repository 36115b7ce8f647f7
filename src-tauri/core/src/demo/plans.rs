//! The demo's plan before the vote (issue 22): 2号楼加装电梯, drafted by the 议事攻坚小组,
//! costed, revised after the 评审团, posted, two residents' comments (one answered).

use rusqlite::Transaction;

use super::topics::Topics;
use super::{moment, step, DemoError};
use crate::plans::{self, Aspect, NewAnswer, NewComment, NewOpinion, NewVersion};
use crate::time;

const TOPIC: &str = "加装电梯意向征集";

pub(crate) fn build(tx: &Transaction, topics: &Topics) -> Result<(), DemoError> {
    let Some(topic) = topics.all.iter().find(|t| t.title == TOPIC).map(|t| t.id.clone()) else {
        return Err(DemoError::Step(format!("示例议题“{TOPIC}”不存在")));
    };
    let first = NewVersion {
        proposal: "在2号楼北侧单元入口加装电梯一部，每层停靠，采用钢结构井道。\n\
                   费用由2号楼业主按楼层分摊，一楼住户不分摊，同时申请老旧小区加装电梯政府补贴。\n\
                   施工前须取得本单元三分之二以上业主同意，并征得一楼住户意见。"
            .into(),
        cost: "68万".into(),
        drafted_by: "议事攻坚小组".into(),
        note: String::new(),
    };
    time::at(moment(10, 15, 10, 0), || plans::save(tx, &topic, &first, "张敏")).map_err(step)?;
    let legality = NewOpinion {
        reviewer: "社区评审团（律师 周明远）".into(),
        aspect: Aspect::Legality,
        opinion: "加装电梯须经本单元专有部分面积和人数均占三分之二以上的业主参与表决，并经参与表决者四分之三以上同意，方案表述应据此修改。".into(),
        given_on: "2026-10-22".into(),
    };
    let cost = NewOpinion {
        reviewer: "社区评审团".into(),
        aspect: Aspect::Cost,
        opinion: "68万元高于同类工程，建议比选三家施工单位后再定预算。".into(),
        given_on: "2026-10-22".into(),
    };
    for o in [&legality, &cost] {
        time::at(moment(10, 22, 16, 0), || plans::add_opinion(tx, &topic, o, "张敏")).map_err(step)?;
    }
    let second = NewVersion {
        proposal: "在2号楼北侧单元入口加装电梯一部，每层停靠，采用钢结构井道。\n\
                   费用由2号楼业主按楼层分摊，一楼住户不分摊，同时申请老旧小区加装电梯政府补贴（每部最高20万元）。\n\
                   经本单元专有部分面积和人数均占三分之二以上的业主参与表决、参与表决者四分之三以上同意后施工；比选三家施工单位。\n\
                   联系人：议事攻坚小组 宋建华 13912345678。"
            .into(),
        cost: "58万".into(),
        drafted_by: "议事攻坚小组".into(),
        note: "按评审团意见修改表决条件，比选后预算降为58万元".into(),
    };
    time::at(moment(10, 28, 10, 0), || plans::save(tx, &topic, &second, "张敏")).map_err(step)?;
    let comments = [
        (moment(11, 2, 19, 0), "2026-11-02", "赵德明（2号楼101）", "电梯井道挡住一楼厨房的采光，希望挪开一点。"),
        (moment(11, 5, 9, 0), "2026-11-05", "", "五楼以上分摊比例能否再说明清楚？"),
    ];
    let mut first_comment = None;
    for (at, on, from, text) in comments {
        let new = NewComment { received_on: on.into(), from_name: from.into(), text: text.into() };
        let plan = time::at(at, || plans::add_comment(tx, &topic, &new, "张敏")).map_err(step)?;
        first_comment = first_comment.or_else(|| plan.comments.first().map(|c| c.id.clone()));
    }
    let answer = NewAnswer {
        text: "井道向东移60厘米，设计单位已出图，一楼厨房窗户不受遮挡。".into(),
        answered_by: "议事攻坚小组".into(),
        revise: false,
    };
    if let Some(comment) = first_comment {
        time::at(moment(11, 8, 15, 0), || plans::answer(tx, &comment, &answer, "张敏")).map_err(step)?;
    }
    Ok(())
}
