//! Checks on text a user typed, shared by every domain module.
//!
//! Text is stored faithfully — emoji, rare CJK (𠀀, 䶮), quotes and SQL-looking strings included
//! (all writes use bound parameters) — or refused with a reason: an empty required field, or
//! text over a field's limit. Invisible characters a paste carries (a BOM or zero-width space from
//! WeChat, bidi marks, C0 controls) are stripped on input instead ([`strip_invisible`]): they print
//! nothing and the secretary cannot see what to delete, so refusing would only block her.

mod invisible;

use thiserror::Error;

use crate::error::UserFacing;

pub use invisible::strip_invisible;

/// Longest title of anything (topic, meeting, task…), in characters.
pub const TITLE_MAX: usize = 200;
/// Longest free text (description, minutes, notes), in characters: a 50,000-character paste fits.
pub const TEXT_MAX: usize = 200_000;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FieldError {
    #[error("请填写{field}。")]
    Empty { field: &'static str },
    #[error("{field}太长了（{len} 字，最多 {max} 字），请删减后再保存。")]
    TooLong { field: &'static str, len: usize, max: usize },
    #[error("{field}“{value}”不是可选的值。")]
    NotAnOption { field: &'static str, value: String },
    /// A date or time that cannot be read or lies outside the sane range (it names the field).
    #[error(transparent)]
    Time(#[from] crate::time::TimeError),
}

impl UserFacing for FieldError {
    fn code(&self) -> &'static str {
        match self {
            FieldError::Empty { .. } => "field_empty",
            FieldError::TooLong { .. } => "field_too_long",
            FieldError::NotAnOption { .. } => "field_not_an_option",
            FieldError::Time(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            FieldError::Empty { field } | FieldError::TooLong { field, .. } | FieldError::NotAnOption { field, .. } => {
                Some(field)
            }
            FieldError::Time(e) => e.field(),
        }
    }
}

/// A phone number that is neither a mobile number nor a landline with its area code.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("联系电话“{value}”不是有效的电话号码：请只填阿拉伯数字，写 11 位手机号（如 13812345678）或带区号的固定电话（如 0531-88886666）。")]
pub struct BadPhone {
    pub value: String,
}

impl UserFacing for BadPhone {
    fn code(&self) -> &'static str {
        "bad_phone"
    }

    fn field(&self) -> Option<&str> {
        Some("联系电话")
    }
}

/// An optional phone number, as the roster and the topic form take it: an 11-digit mobile
/// (13812345678, 138 1234 5678) or a landline with its area code (010-62345678,
/// (0531)8888-6666, 3 or 4 digits of area code then 7 or 8). A Chinese IME types full-width
/// digits and dashes as easily as ASCII ones: they are accepted and stored as ASCII, so masking
/// and search read one form; spaces, dashes and brackets are kept as typed. A leading +86 is
/// allowed. Empty stays empty.
pub fn phone(value: &str) -> Result<String, BadPhone> {
    let bad = || BadPhone { value: value.trim().to_string() };
    let typed = optional_line("联系电话", value, 30).map_err(|_| bad())?;
    let ascii: String = typed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' | '–' => '-',
            '（' => '(',
            '）' => ')',
            '　' => ' ',
            '＋' => '+',
            _ => c,
        })
        .collect();
    if ascii.is_empty() {
        return Ok(ascii);
    }
    let number = ascii.strip_prefix("+86").unwrap_or(&ascii);
    if !number.chars().all(|c| c.is_ascii_digit() || " -()".contains(c)) {
        return Err(bad());
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let b = digits.as_bytes();
    let mobile = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    // An area code is 3 or 4 digits starting with 0 (never 00: that dials abroad), the local
    // number 7 or 8 digits: 10 to 12 digits in all. Without the area code it is refused.
    let landline = (10..=12).contains(&b.len()) && b[0] == b'0' && b[1] != b'0';
    if mobile || landline {
        Ok(ascii)
    } else {
        Err(bad())
    }
}

/// A required one-line field: invisible characters stripped, line breaks made spaces, trimmed,
/// non-empty, at most `max` characters.
pub fn required_line(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let line = one_line(value);
    if line.is_empty() {
        return Err(FieldError::Empty { field });
    }
    check_length(field, &line, max)?;
    Ok(line)
}

/// An optional one-line field: as [`required_line`], possibly empty.
pub fn optional_line(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let line = one_line(value);
    check_length(field, &line, max)?;
    Ok(line)
}

/// Free text (may be empty): invisible characters stripped, line breaks (`\r\n` read as `\n`)
/// and spacing kept as typed.
pub fn free_text(field: &'static str, value: &str) -> Result<String, FieldError> {
    let text = strip_invisible(value);
    check_length(field, &text, TEXT_MAX)?;
    Ok(text)
}

/// A one-line field's text: a title pasted over two lines keeps its words apart with a space
/// rather than being refused for a line break the input box never showed.
fn one_line(value: &str) -> String {
    let text = strip_invisible(value);
    let joined: String = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    joined.trim().to_string()
}

fn check_length(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    let len = value.chars().count();
    if len > max {
        return Err(FieldError::TooLong { field, len, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_titles_are_refused() {
        for v in ["", "   ", "\u{3000}\u{3000}", "\t"] {
            assert_eq!(required_line("标题", v, 10), Err(FieldError::Empty { field: "标题" }), "{v:?}");
        }
    }

    #[test]
    fn emoji_rare_cjk_and_sql_are_kept_faithfully() {
        let v = "𠀀䶮😀 '); DROP TABLE topics; --";
        assert_eq!(required_line("标题", v, 100).unwrap(), v);
    }

    #[test]
    fn invisible_characters_are_stripped_not_refused() {
        // A title pasted from WeChat: BOM, zero-width space, a bell, a bidi override.
        assert_eq!(required_line("标题", "\u{FEFF}车库\u{200B}照明\u{0007}\u{202E}", 100).unwrap(), "车库照明");
        assert_eq!(optional_line("备注", "\u{200B}\u{FEFF}", 100).unwrap(), "");
        assert_eq!(required_line("标题", "\u{FEFF}\u{200B}", 100), Err(FieldError::Empty { field: "标题" }));
        assert_eq!(free_text("说明", "第一行\r\n第二行\t缩进\u{2028}").unwrap(), "第一行\n第二行\t缩进");
        assert_eq!(required_line("标题", "两\n行", 100).unwrap(), "两 行", "a title is one line");
    }

    #[test]
    fn an_emoji_family_survives_every_field() {
        let family = "👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}";
        assert_eq!(required_line("标题", family, 100).unwrap(), family);
        assert_eq!(free_text("说明", family).unwrap(), family);
    }

    #[test]
    fn length_is_counted_after_stripping() {
        let padded = format!("{}{}", "车".repeat(10), "\u{200B}".repeat(50));
        assert_eq!(required_line("标题", &padded, 10).unwrap(), "车".repeat(10));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(required_line("标题", &"车".repeat(200), 200).is_ok());
        let err = required_line("标题", &"车".repeat(201), 200).unwrap_err();
        assert_eq!(err, FieldError::TooLong { field: "标题", len: 201, max: 200 });
        assert!(err.to_string().contains("201"));
    }

    #[test]
    fn a_fifty_thousand_character_paste_fits_free_text() {
        let text = "楼道里堆放杂物，影响消防通道。".repeat(3400);
        assert!(text.chars().count() > 50_000);
        assert_eq!(free_text("说明", &text).unwrap(), text);
    }

    #[test]
    fn phones_are_mobiles_or_landlines_with_area_code() {
        for (typed, stored) in [
            ("13812345678", "13812345678"),
            (" 138 1234 5678 ", "138 1234 5678"),
            ("138-1234-5678", "138-1234-5678"),
            ("１３８１２３４５６７８", "13812345678"),
            ("１３８－１２３４－５６７８", "138-1234-5678"),
            ("+86 13812345678", "+86 13812345678"),
            ("010-62345678", "010-62345678"),
            ("0531-88886666", "0531-88886666"),
            ("(0531)8888-6666", "(0531)8888-6666"),
            ("（０５３１）８８８８６６６６", "(0531)88886666"),
            ("0771 3123456", "0771 3123456"),
            ("", ""),
        ] {
            assert_eq!(phone(typed).as_deref(), Ok(stored), "{typed:?}");
        }
        for typed in [
            "123",
            "1381234567",
            "138123456789",
            "12812345678",
            "62345678",
            "00862345678",
            "一三九",
            "call me",
            "138 1234 567８x",
            "0531-88886666 转 8",
        ] {
            let err = phone(typed).unwrap_err();
            assert_eq!(err.value, typed.trim(), "{typed:?}");
            let message = err.to_string();
            assert!(
                message.contains("联系电话") && message.contains("11 位手机号") && message.contains("区号"),
                "{message}"
            );
        }
    }
}
