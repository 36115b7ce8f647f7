//! A 一户一票 vote counted in parts (现场, 投票箱, 线上, 入户征求) as the minutes and the 决议公示
//! print it: each part and the total, which the parts add up to.

use serde::{Deserialize, Serialize};

use crate::pdf::{Align, Column, Table};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotePart {
    pub label: String,
    pub agree: u32,
    pub oppose: u32,
    pub abstain: u32,
}

impl VotePart {
    fn households(&self) -> u32 {
        self.agree + self.oppose + self.abstain
    }

    /// The parts and then their total, one row each.
    fn with_total(parts: &[VotePart]) -> Vec<VotePart> {
        let sum = |f: fn(&VotePart) -> u32| parts.iter().map(f).sum();
        let total = VotePart {
            label: "合计".to_string(),
            agree: sum(|p| p.agree),
            oppose: sum(|p| p.oppose),
            abstain: sum(|p| p.abstain),
        };
        parts.iter().cloned().chain(std::iter::once(total)).collect()
    }

    /// “现场 15 户（同意 10、反对 3、弃权 2）；……；合计 19 户（同意 14、反对 3、弃权 2）”.
    pub fn in_words(parts: &[VotePart]) -> String {
        let line = |p: &VotePart| {
            format!("{} {} 户（同意 {}、反对 {}、弃权 {}）", p.label, p.households(), p.agree, p.oppose, p.abstain)
        };
        VotePart::with_total(parts).iter().map(line).collect::<Vec<_>>().join("；")
    }

    /// The 分项计票 table of the 决议公示.
    pub fn table(parts: &[VotePart]) -> Table {
        let c = |t: &str| Column::new(t).align(Align::Center);
        let rows = VotePart::with_total(parts)
            .iter()
            .map(|p| {
                let n = [p.households(), p.agree, p.oppose, p.abstain].map(|n| n.to_string());
                std::iter::once(p.label.clone()).chain(n).collect()
            })
            .collect();
        Table {
            columns: vec![
                Column::new("计票点").weight(2.0),
                c("户数"),
                c("同意（户）"),
                c("反对（户）"),
                c("弃权（户）"),
            ],
            rows,
            min_row_height: 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(label: &str, agree: u32, oppose: u32, abstain: u32) -> VotePart {
        VotePart { label: label.into(), agree, oppose, abstain }
    }

    #[test]
    fn the_parts_and_their_total() {
        let parts = [part("现场", 10, 3, 2), part("入户征求", 4, 0, 0)];
        assert_eq!(
            VotePart::in_words(&parts),
            "现场 15 户（同意 10、反对 3、弃权 2）；入户征求 4 户（同意 4、反对 0、弃权 0）；合计 19 户（同意 14、反对 3、弃权 2）"
        );
        let table = VotePart::table(&parts);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2], ["合计", "19", "14", "3", "2"]);
    }
}
