//! Which revision of a template's fixed words a notice was issued with.
//!
//! A reprint must give the bytes that were issued (the 公示台账 checks the sha256), so a change to
//! what a template says may only apply to notices issued after it. Each template whose words
//! changed carries a [`Wording`] in its spec: a spec stored before the field existed reads as
//! [`Wording::FIRST`] and keeps its old words; a notice made now gets [`Wording::CURRENT`].

use serde::{Deserialize, Serialize};

/// The revision of a template's words (see the module docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Wording(u8);

impl Wording {
    /// Round 1's words: “在{地点}召开” even when the meeting had no place recorded, which
    /// printed “19:30，在召开”.
    pub const FIRST: Wording = Wording(0);
    /// A meeting without a place: the 会议通知 says 地点另行通知, the other notices leave “在” out;
    /// a 一户一票 election says 到会…户; the 决议公示 names an unnamed 居民筹资 without double brackets.
    pub const CURRENT: Wording = Wording(1);

    /// Left out of a spec when FIRST, so a stored spec reads back and serialises unchanged.
    pub fn is_first(&self) -> bool {
        *self == Wording::FIRST
    }

    /// “在{place}” before 召开, or nothing when no place was recorded (from the second revision).
    pub fn at(self, place: &str) -> String {
        if self > Wording::FIRST && place.trim().is_empty() {
            String::new()
        } else {
            format!("在{place}")
        }
    }

    /// [`Wording::at`] for a 会议通知, where residents must be told the place is still to come.
    pub fn at_or_later(self, place: &str) -> (String, &'static str) {
        let at = self.at(place);
        let later = if at.is_empty() { "（地点另行通知）" } else { "" };
        (at, later)
    }
}

#[cfg(test)]
mod tests {
    use super::Wording;

    #[test]
    fn the_first_wording_keeps_the_bare_zai_and_the_current_leaves_it_out() {
        assert_eq!(Wording::FIRST.at(""), "在");
        assert_eq!(Wording::CURRENT.at(""), "");
        assert_eq!(Wording::CURRENT.at("  "), "");
        assert_eq!(Wording::CURRENT.at("3号楼前"), "在3号楼前");
        assert_eq!(Wording::CURRENT.at_or_later(""), (String::new(), "（地点另行通知）"));
        assert_eq!(Wording::FIRST.at_or_later(""), ("在".to_string(), ""));
    }

    #[test]
    fn a_spec_without_the_field_reads_as_the_first_wording() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct S {
            #[serde(default, skip_serializing_if = "Wording::is_first")]
            wording: Wording,
        }
        let old: S = serde_json::from_str("{}").unwrap();
        assert_eq!(old.wording, Wording::FIRST);
        assert_eq!(serde_json::to_string(&old).unwrap(), "{}");
        let new = S { wording: Wording::CURRENT };
        assert_eq!(serde_json::to_string(&new).unwrap(), r#"{"wording":1}"#);
    }
}
