//! Rates as the reports print them: a fraction kept whole, rounded to per mille only for display.
//! No float is ever stored or compared; “95.2%” is made from integers.

use serde::{Deserialize, Serialize};

/// `numerator / denominator`, with the per-mille figure (half rounded up) and its display text.
/// An empty denominator has no rate: `per_mille` is `None` and the text is “—”, never NaN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub numerator: u64,
    pub denominator: u64,
    pub per_mille: Option<u32>,
    /// e.g. “95.2%”, “100.0%”, “—”.
    pub display: String,
}

impl Rate {
    pub fn new(numerator: u64, denominator: u64) -> Rate {
        let per_mille = (denominator > 0).then(|| {
            // (n × 1000 + d/2) / d in integers: half a per mille rounds up.
            let pm = (u128::from(numerator) * 2000 + u128::from(denominator)) / (2 * u128::from(denominator));
            u32::try_from(pm).unwrap_or(u32::MAX)
        });
        let display = match per_mille {
            Some(pm) => format!("{}.{}%", pm / 10, pm % 10),
            None => "—".to_string(),
        };
        Rate { numerator, denominator, per_mille, display }
    }
}

/// The counts of one survey (or of many added up) and the satisfaction rate:
/// (满意 + 基本满意) / all answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub satisfied: u64,
    pub basically_satisfied: u64,
    pub unsatisfied: u64,
    pub answers: u64,
    pub rate: Rate,
}

impl Satisfaction {
    pub fn new(satisfied: u64, basically_satisfied: u64, unsatisfied: u64) -> Satisfaction {
        let answers = satisfied + basically_satisfied + unsatisfied;
        Satisfaction {
            satisfied,
            basically_satisfied,
            unsatisfied,
            answers,
            rate: Rate::new(satisfied + basically_satisfied, answers),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_half_up_to_one_decimal_percent() {
        assert_eq!(Rate::new(40, 42).display, "95.2%"); // 952.38…
        assert_eq!(Rate::new(1, 3).display, "33.3%");
        assert_eq!(Rate::new(2, 3).display, "66.7%");
        assert_eq!(Rate::new(1, 2000).per_mille, Some(1), "0.5‰ rounds up");
        assert_eq!(Rate::new(1, 2001).per_mille, Some(0));
        assert_eq!(Rate::new(7, 7).display, "100.0%");
        assert_eq!(Rate::new(0, 5).display, "0.0%");
    }

    #[test]
    fn no_answers_is_no_rate_not_nan() {
        let r = Rate::new(0, 0);
        assert_eq!((r.per_mille, r.display.as_str()), (None, "—"));
        let s = Satisfaction::new(0, 0, 0);
        assert_eq!(s.answers, 0);
        assert_eq!(s.rate.per_mille, None);
    }

    #[test]
    fn satisfaction_counts_basically_satisfied_as_satisfied() {
        let s = Satisfaction::new(38, 2, 2);
        assert_eq!((s.answers, s.rate.numerator, s.rate.display.as_str()), (42, 40, "95.2%"));
        let huge = Rate::new(u64::MAX, u64::MAX);
        assert_eq!(huge.per_mille, Some(1000), "no overflow");
    }
}
