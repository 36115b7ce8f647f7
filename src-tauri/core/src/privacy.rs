//! Masking personal data for public notices (个人信息保护法): mobile numbers, ID card numbers
//! and, when asked, given names. It works on plain text — also free text typed by the secretary —
//! and knows nothing about where the text goes; `crate::notices` decides what is public.

/// Mask every mainland mobile number (11 digits starting with 1[3-9]) and every 18-digit ID
/// card number (last character may be X) found in `text`. Longer digit runs (bank accounts,
/// order numbers) and numbers glued to Latin letters are left alone.
///
/// ```
/// use yishi_core::privacy::mask_text;
/// assert_eq!(mask_text("联系电话13812345678"), "联系电话138****5678");
/// assert_eq!(mask_text("身份证11010519491231002X"), "身份证110105********002X");
/// ```
pub fn mask_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && is_word_char(chars[i - 1])) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = digit_run(&chars[i..]);
        let token: String = chars[i..i + run].iter().collect();
        out.push_str(&mask_number(&token));
        i += run;
    }
    out
}

/// Length of the run of digits (and a final X/x after 17 digits) at the start of `chars`,
/// including a following letter or digit so "A13812345678B" style codes are not mistaken.
fn digit_run(chars: &[char]) -> usize {
    let mut n = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 17 && matches!(chars.get(17), Some('X' | 'x')) {
        n = 18;
    }
    // A letter right after the digits makes it a code, not a number: keep it whole, unmasked.
    while chars.get(n).is_some_and(|c| is_word_char(*c)) {
        n += 1;
    }
    n
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn mask_number(token: &str) -> String {
    let bytes = token.as_bytes();
    let digits_only = bytes.iter().all(u8::is_ascii_digit);
    let id_like = bytes.len() == 18
        && bytes[..17].iter().all(u8::is_ascii_digit)
        && matches!(bytes[17], b'0'..=b'9' | b'X' | b'x');
    if digits_only && is_mobile(token) {
        format!("{}****{}", &token[..3], &token[7..])
    } else if id_like {
        format!("{}********{}", &token[..6], &token[14..])
    } else {
        token.to_string()
    }
}

fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// Mask one phone number field: a mobile number keeps its first 3 and last 4 digits; any other
/// number keeps only its last 4 (landlines 010-62345678 → ****5678).
pub fn mask_phone(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if is_mobile(&digits) {
        return format!("{}****{}", &digits[..3], &digits[7..]);
    }
    let keep = digits.len().min(4);
    if digits.len() <= 4 {
        return "*".repeat(digits.len());
    }
    format!("****{}", &digits[digits.len() - keep..])
}

/// Mask a person's name: keep the surname (compound surnames such as 欧阳 included) and the last
/// character, star the rest: 王秀兰 → 王*兰, 王兰 → 王*, 欧阳明月 → 欧阳*月. Names in Latin
/// letters keep their first letter: Anna → A***.
pub fn mask_name(name: &str) -> String {
    let name = name.trim();
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 1 {
        return name.to_string();
    }
    if chars.iter().all(|c| c.is_ascii()) {
        return format!("{}{}", chars[0], "*".repeat(chars.len() - 1));
    }
    let surname = if chars.len() >= 4 && is_compound_surname(&chars[..2]) { 2 } else { 1 };
    if chars.len() == 2 {
        return format!("{}*", chars[0]);
    }
    let rest = chars.len() - surname;
    let head: String = chars[..surname].iter().collect();
    let keep_last = if rest >= 2 { chars[chars.len() - 1].to_string() } else { String::new() };
    let stars = "*".repeat(rest - usize::from(rest >= 2));
    format!("{head}{stars}{keep_last}")
}

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "令狐",
    "司徒", "端木", "宇文", "轩辕", "南宫", "独孤",
];

fn is_compound_surname(first_two: &[char]) -> bool {
    let s: String = first_two.iter().collect();
    COMPOUND_SURNAMES.contains(&s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_keep_first_three_and_last_four() {
        assert_eq!(mask_text("13812345678"), "138****5678");
        assert_eq!(mask_text("电话：19987654321。"), "电话：199****4321。");
        assert_eq!(mask_text("联系王秀兰13812345678或15900001111"), "联系王秀兰138****5678或159****1111");
    }

    #[test]
    fn numbers_that_are_not_mobiles_are_kept() {
        assert_eq!(mask_text("12345678901"), "12345678901"); // second digit 2: not a mobile
        assert_eq!(mask_text("共计1,800元"), "共计1,800元");
        assert_eq!(mask_text("2026年11月21日"), "2026年11月21日");
        assert_eq!(mask_text("138123456789"), "138123456789"); // 12 digits: an account number
        assert_eq!(mask_text("订单A13812345678"), "订单A13812345678");
        assert_eq!(mask_text("编号13812345678B"), "编号13812345678B");
    }

    #[test]
    fn id_numbers_keep_region_and_last_four() {
        assert_eq!(mask_text("110105194912310021"), "110105********0021");
        assert_eq!(mask_text("身份证号11010519491231002X。"), "身份证号110105********002X。");
        assert_eq!(mask_text("11010519491231002x"), "110105********002x");
    }

    #[test]
    fn seventeen_or_nineteen_digits_are_not_ids() {
        assert_eq!(mask_text("11010519491231002"), "11010519491231002");
        assert_eq!(mask_text("1101051949123100211"), "1101051949123100211");
    }

    #[test]
    fn masking_is_idempotent() {
        let once = mask_text("王秀兰 13812345678 11010519491231002X");
        assert_eq!(mask_text(&once), once);
    }

    #[test]
    fn text_without_numbers_is_unchanged() {
        let s = "地下车库照明不足，请物业尽快维修！😀";
        assert_eq!(mask_text(s), s);
    }

    #[test]
    fn phone_fields() {
        assert_eq!(mask_phone("138 1234 5678"), "138****5678");
        assert_eq!(mask_phone("010-62345678"), "****5678");
        assert_eq!(mask_phone("110"), "***");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn names() {
        assert_eq!(mask_name("王秀兰"), "王*兰");
        assert_eq!(mask_name("王兰"), "王*");
        assert_eq!(mask_name("王"), "王");
        assert_eq!(mask_name("李建国华"), "李**华");
        assert_eq!(mask_name("欧阳明月"), "欧阳*月");
        assert_eq!(mask_name("欧阳明"), "欧*明"); // three characters: read as 欧 + 阳明
        assert_eq!(mask_name(" 张伟 "), "张*");
        assert_eq!(mask_name("Anna"), "A***");
        assert_eq!(mask_name(""), "");
    }
}
