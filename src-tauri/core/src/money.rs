//! Amounts of money: whole fen (分) in an `i64`, from what she types to what is printed.
//!
//! No floating point anywhere (issue 16): `1800.5` is read digit by digit into 180050 fen, sums
//! are integer sums, and printing splits fen into yuan and fen by division. A budget of
//! 20万元 is 20,000,000 fen, far inside `i64`; [`MAX_FEN`] bounds any one amount so that a sum of
//! many of them can never overflow either.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::UserFacing;

/// The largest single amount accepted: 100亿元 (10^12 fen). A typo with extra zeros is refused.
pub const MAX_FEN: i64 = 1_000_000_000_000;

/// An amount in fen. Serialised as the integer number of fen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// Why a typed amount could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum MoneyError {
    #[error("请填写{field}。")]
    Empty { field: String },
    #[error("{field}“{text}”看不懂，请写成 1800、1800.50、1,800元 或 1.8万元 这样的金额。")]
    Unreadable { field: String, text: String },
    #[error("{field}最多写到分（小数点后两位），“{text}”多了一位。")]
    TooPrecise { field: String, text: String },
    #[error("{field}不能是负数或零。")]
    NotPositive { field: String },
    #[error("{field}“{text}”太大了（单笔最多 100 亿元），请检查是否多写了零。")]
    TooLarge { field: String, text: String },
}

impl UserFacing for MoneyError {
    fn code(&self) -> &'static str {
        match self {
            MoneyError::Empty { .. } => "money_empty",
            MoneyError::Unreadable { .. } => "money_unreadable",
            MoneyError::TooPrecise { .. } => "money_too_precise",
            MoneyError::NotPositive { .. } => "money_not_positive",
            MoneyError::TooLarge { .. } => "money_too_large",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            MoneyError::Empty { field }
            | MoneyError::Unreadable { field, .. }
            | MoneyError::TooPrecise { field, .. }
            | MoneyError::NotPositive { field }
            | MoneyError::TooLarge { field, .. } => Some(field),
        }
    }
}

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Reads an amount as typed in China: `1800`, `1800元`, `1,800.00`, `¥1,800.00`, `￥1800`,
    /// `1800.5`, `1.8万`, `20万元`, `3千元`, full-width digits and punctuation. Zero, negative and
    /// more than two decimals (after 万/千 are applied) are refused.
    pub fn parse(field: &str, text: &str) -> Result<Fen, MoneyError> {
        let typed = normalize(text);
        if typed.is_empty() {
            return Err(MoneyError::Empty { field: field.to_string() });
        }
        let unreadable = || MoneyError::Unreadable { field: field.to_string(), text: text.trim().to_string() };
        if typed.starts_with('-') {
            return Err(MoneyError::NotPositive { field: field.to_string() });
        }
        let (number, scale_digits) = match typed.strip_suffix('万') {
            Some(n) => (n, 4),
            None => match typed.strip_suffix('千') {
                Some(n) => (n, 3),
                None => (typed.as_str(), 0),
            },
        };
        let too_large = || MoneyError::TooLarge { field: field.to_string(), text: text.trim().to_string() };
        // The amount in fen is the digits of whole.fraction shifted by 2 + scale places.
        let fen = scaled(number, 2 + scale_digits).map_err(|e| match e {
            Decimal::NotANumber => unreadable(),
            Decimal::TooPrecise => MoneyError::TooPrecise { field: field.to_string(), text: text.trim().to_string() },
            Decimal::TooLarge => too_large(),
        })?;
        if fen == 0 {
            return Err(MoneyError::NotPositive { field: field.to_string() });
        }
        if fen > MAX_FEN {
            return Err(too_large());
        }
        Ok(Fen(fen))
    }

    /// Like [`Fen::parse`], but an empty field is “no amount”.
    pub fn parse_optional(field: &str, text: &str) -> Result<Option<Fen>, MoneyError> {
        if normalize(text).is_empty() {
            return Ok(None);
        }
        Fen::parse(field, text).map(Some)
    }

    /// `1800.00`, `-5.50` — the exact decimal text of a CSV cell (no ¥, no grouping).
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// `¥1,800.00` — tables, balances.
    pub fn yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}¥{}.{:02}", group(abs / 100), abs % 100)
    }

    /// `1800元`, `1800.50元` — running text of a notice (no trailing `.00`).
    pub fn words(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        match abs % 100 {
            0 => format!("{sign}{}元", abs / 100),
            f if f % 10 == 0 => format!("{sign}{}.{}元", abs / 100, f / 10),
            f => format!("{sign}{}.{f:02}元", abs / 100),
        }
    }

    /// The sum of `amounts` (each at most [`MAX_FEN`], so a realistic count cannot overflow;
    /// saturates rather than wraps if one ever did).
    pub fn sum(amounts: impl IntoIterator<Item = Fen>) -> Fen {
        Fen(amounts.into_iter().fold(0i64, |acc, f| acc.saturating_add(f.0)))
    }
}

impl std::ops::Sub for Fen {
    type Output = Fen;
    fn sub(self, other: Fen) -> Fen {
        Fen(self.0.saturating_sub(other.0))
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.yuan())
    }
}

/// Thousands separators: 1800 → `1,800`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why a plain decimal could not be read (see [`scaled`]).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decimal {
    NotANumber,
    TooPrecise,
    TooLarge,
}

/// `whole[.fraction]` in ASCII digits as a whole number of 10^-`places` units, read digit by
/// digit (no float): `scaled("2.5", 1)` is 25, `scaled("1800.5", 2)` is 180050. More decimals
/// than `places` is `TooPrecise`; more than 13 significant digits `TooLarge`.
pub(crate) fn scaled(number: &str, places: usize) -> Result<i64, Decimal> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !digits_only(whole)
        || !digits_only(fraction)
        || (number.contains('.') && fraction.is_empty())
    {
        return Err(Decimal::NotANumber);
    }
    if fraction.len() > places {
        return Err(Decimal::TooPrecise);
    }
    let digits = format!("{whole}{fraction:0<places$}");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 13 {
        return Err(Decimal::TooLarge);
    }
    if digits.is_empty() {
        return Ok(0);
    }
    digits.parse().map_err(|_| Decimal::NotANumber)
}

/// Full-width to ASCII (as dates are read), then currency signs, separators, spaces and a
/// trailing 元 / 圆 / 块 away.
fn normalize(text: &str) -> String {
    let mut s: String = crate::time::normalize(text)
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '、' | ' ' | '¥' | '￥' | '\''))
        .collect();
    for suffix in ["人民币", "元整", "元", "圆", "块钱", "块", "RMB", "rmb"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix("人民币").or_else(|| s.strip_prefix("RMB")) {
        s = rest.to_string();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(text: &str) -> i64 {
        Fen::parse("金额", text).unwrap_or_else(|e| panic!("{text}: {e}")).0
    }

    #[test]
    fn amounts_are_read_the_ways_they_are_typed() {
        for (text, want) in [
            ("1800", 180_000),
            ("1800元", 180_000),
            ("1,800.00", 180_000),
            ("¥1,800.00", 180_000),
            ("￥１８００．５", 180_050),
            ("1800.5元", 180_050),
            ("0.01", 1),
            ("1.8万", 1_800_000),
            ("20万元", 20_000_000),
            ("3千元", 300_000),
            ("0.0001万", 100),
            ("人民币300元整", 30_000),
            (" 300 块 ", 30_000),
            ("007", 700),
        ] {
            assert_eq!(fen(text), want, "{text}");
        }
    }

    #[test]
    fn bad_amounts_are_refused_in_words_that_say_why() {
        let err = |t: &str| Fen::parse("预算金额", t).unwrap_err();
        assert!(matches!(err(""), MoneyError::Empty { .. }));
        assert!(matches!(err("  元 "), MoneyError::Empty { .. }));
        assert!(matches!(err("-5"), MoneyError::NotPositive { .. }));
        assert!(matches!(err("0"), MoneyError::NotPositive { .. }));
        assert!(matches!(err("0.00"), MoneyError::NotPositive { .. }));
        assert!(matches!(err("1.005"), MoneyError::TooPrecise { .. }));
        assert!(matches!(err("0.0000001万"), MoneyError::TooPrecise { .. }));
        for t in ["一千八", "18OO", "1.2.3", "1800.", ".5", "1e5", "😀100", "NaN", "inf"] {
            assert!(matches!(err(t), MoneyError::Unreadable { .. }), "{t}: {:?}", err(t));
        }
        assert!(matches!(err("100000000000000"), MoneyError::TooLarge { .. }));
        assert!(matches!(err("99999999999999999999999"), MoneyError::TooLarge { .. }));
        assert_eq!(fen("10000000000"), MAX_FEN, "100亿元 itself is allowed");
        assert!(err("1.005").to_string().contains("预算金额"));
        assert_eq!(err("x").field(), Some("预算金额"));
    }

    #[test]
    fn amounts_print_as_yuan_with_separators_and_in_words() {
        assert_eq!(Fen(180_000).yuan(), "¥1,800.00");
        assert_eq!(Fen(200_000_000).yuan(), "¥2,000,000.00");
        assert_eq!(Fen(5).yuan(), "¥0.05");
        assert_eq!(Fen(-12_345).yuan(), "-¥123.45");
        assert_eq!(
            (Fen(180_000).decimal(), Fen(5).decimal(), Fen(-550).decimal()),
            ("1800.00".into(), "0.05".into(), "-5.50".into())
        );
        assert_eq!(Fen(180_000).words(), "1800元");
        assert_eq!(Fen(180_050).words(), "1800.5元");
        assert_eq!(Fen(180_005).words(), "1800.05元");
        assert_eq!(Fen(MAX_FEN).yuan(), "¥10,000,000,000.00");
    }

    #[test]
    fn every_printed_amount_reads_back_to_the_same_fen() {
        for f in [1, 9, 10, 99, 100, 101, 180_050, 123_456_789, MAX_FEN] {
            assert_eq!(fen(&Fen(f).yuan()), f, "{}", Fen(f).yuan());
            assert_eq!(fen(&Fen(f).words()), f, "{}", Fen(f).words());
        }
    }
}
