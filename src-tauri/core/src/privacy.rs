//! Masking personal data for public notices (个人信息保护法): phone numbers, ID card numbers
//! and, when asked, given names. It works on plain text — also free text typed by the secretary —
//! and knows nothing about where the text goes; `crate::notices` decides what is public.

/// Mask every mainland mobile number (11 digits starting with 1[3-9]), every landline with its
/// area code (0 + area code + 7 or 8 digits: 010-62345678, 0755 1234567) and every 18-digit ID
/// card number (last character may be X) found in `text` — also when typed with full-width
/// digits (１３８…, as Chinese input methods often give) or grouped by single spaces or dashes
/// (138 1234 5678, 138-1234-5678). Longer digit runs (bank accounts, order numbers) and numbers
/// glued to Latin letters are left alone. A masked mobile or ID number is written with ASCII
/// digits and no separators; a landline keeps its area code (010-****5678).
///
/// ```
/// use yishi_core::privacy::mask_text;
/// assert_eq!(mask_text("联系电话13812345678"), "联系电话138****5678");
/// assert_eq!(mask_text("电话１３８-1234-５６７８"), "电话138****5678");
/// assert_eq!(mask_text("身份证11010519491231002X"), "身份证110105********002X");
/// assert_eq!(mask_text("座机010-62345678"), "座机010-****5678");
/// ```
pub fn mask_text(text: &str) -> String {
    mask_text_keeping(text, &[]).text
}

/// Text as masked by [`mask_text_keeping`], and how many numbers were hidden.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Masked {
    pub text: String,
    /// Mobile and landline numbers masked.
    pub phones: u32,
    /// ID card numbers masked.
    pub ids: u32,
}

/// [`mask_text`], except for the numbers in `keep` (the committee's public contact number:
/// residents must be able to call it), compared by their digits whatever the separators.
pub fn mask_text_keeping(text: &str, keep: &[String]) -> Masked {
    let keep: Vec<String> = keep.iter().map(|k| k.chars().filter_map(digit).collect()).collect();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Masked { text: String::with_capacity(text.len()), ..Masked::default() };
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() || (i > 0 && is_word_char(chars[i - 1])) {
            out.text.push(chars[i]);
            i += 1;
            continue;
        }
        let groups = digit_groups(&chars[i..]);
        match personal_number(&chars[i..], &groups) {
            // A letter right after the number makes it a code (A13812345678B), not a number.
            Some((end, _)) if chars.get(i + end).is_some_and(|c| is_word_char(*c)) => {
                let code = end + chars[i + end..].iter().take_while(|c| is_word_char(**c)).count();
                out.text.extend(&chars[i..i + code]);
                i += code;
            }
            Some((end, number)) if keep.contains(&number) => {
                out.text.extend(&chars[i..i + end]);
                i += end;
            }
            Some((end, number)) => {
                if is_id_number(&number) {
                    out.ids += 1
                } else {
                    out.phones += 1
                }
                out.text.push_str(&mask_number(&number));
                i += end;
            }
            None => {
                let (_, end) = groups[0];
                out.text.extend(&chars[i..i + end]);
                i += end;
            }
        }
    }
    out
}

/// An ASCII digit for an ASCII or full-width digit.
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// The runs of digits at the start of `chars` that are joined by single spaces or dashes:
/// (start, end) of each, relative to `chars`. A final X/x after 17 digits belongs to the run.
fn digit_groups(chars: &[char]) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let (mut at, mut total) = (0, 0);
    loop {
        let len = chars[at..].iter().take_while(|c| digit(**c).is_some()).count();
        total += len;
        let mut end = at + len;
        if total == 17 && matches!(chars.get(end), Some('X' | 'x')) {
            end += 1;
        }
        groups.push((at, end));
        let joined = matches!(chars.get(end), Some(' ' | '-' | '\u{3000}'))
            && chars.get(end + 1).and_then(|c| digit(*c)).is_some();
        if !joined || total > 18 {
            return groups;
        }
        at = end + 1;
    }
}

/// The longest leading groups that spell a mobile or ID number: (end in `chars`, the number).
fn personal_number(chars: &[char], groups: &[(usize, usize)]) -> Option<(usize, String)> {
    let mut number = String::new();
    let mut found = None;
    for &(start, end) in groups {
        number.extend(chars[start..end].iter().map(|c| digit(*c).unwrap_or(*c)));
        if is_mobile(&number) || is_landline(&number) || is_id_number(&number) {
            found = Some((end, number.clone()));
        }
    }
    found
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || digit(c).is_some()
}

fn is_id_number(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 18 && b[..17].iter().all(u8::is_ascii_digit) && matches!(b[17], b'0'..=b'9' | b'X' | b'x')
}

fn mask_number(number: &str) -> String {
    if is_mobile(number) {
        format!("{}****{}", &number[..3], &number[7..])
    } else if is_landline(number) {
        let area = landline_area_len(number);
        let local = number.len() - area;
        format!("{}-{}{}", &number[..area], "*".repeat(local - 4), &number[number.len() - 4..])
    } else {
        format!("{}********{}", &number[..6], &number[14..])
    }
}

/// 0 + area code + a 7- or 8-digit local number: 010 and 02x codes have 3 digits with the 0,
/// the others 4 (0755, 0871).
fn is_landline(digits: &str) -> bool {
    let b = digits.as_bytes();
    if b.len() < 3 || b[0] != b'0' || b[1] == b'0' || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let local = b.len() - landline_area_len(digits);
    (7..=8).contains(&local)
}

fn landline_area_len(digits: &str) -> usize {
    if digits.starts_with("01") || digits.starts_with("02") {
        3
    } else {
        4
    }
}

fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// Mask one phone number field: a mobile number keeps its first 3 and last 4 digits; any other
/// number keeps only its last 4 (landlines 010-62345678 → ****5678).
pub fn mask_phone(phone: &str) -> String {
    let digits: String = phone.chars().filter_map(digit).collect();
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
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "令狐", "司徒", "端木",
    "宇文", "轩辕", "南宫", "独孤",
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
    fn numbers_typed_with_full_width_digits_or_separators_are_masked_too() {
        assert_eq!(mask_text("电话１３８１２３４５６７８"), "电话138****5678");
        assert_eq!(mask_text("电话138 1234 5678。"), "电话138****5678。");
        assert_eq!(mask_text("电话138-1234-5678，"), "电话138****5678，");
        assert_eq!(mask_text("身份证 110105 19491231 002X"), "身份证 110105********002X");
        assert_eq!(mask_text("+86 13812345678"), "+86 138****5678");
        assert_eq!(mask_text("（13812345678）"), "（138****5678）");
    }

    #[test]
    fn dates_times_and_a_number_beside_a_phone_are_left_alone() {
        assert_eq!(mask_text("2026-11-21 19:30"), "2026-11-21 19:30");
        assert_eq!(mask_text("13812345678 2026年"), "138****5678 2026年");
        assert_eq!(mask_text("2026-11-21 19:30至21:00"), "2026-11-21 19:30至21:00");
        assert_eq!(mask_text("订单号1381234567812"), "订单号1381234567812");
        assert_eq!(mask_text("编号13812345678B"), "编号13812345678B");
    }

    #[test]
    fn landlines_with_an_area_code_are_masked_too() {
        assert_eq!(mask_text("座机010-62345678"), "座机010-****5678");
        assert_eq!(mask_text("电话028 86001234。"), "电话028-****1234。");
        assert_eq!(mask_text("0755-1234567"), "0755-***4567");
        assert_eq!(mask_text("02886001234"), "028-****1234");
        assert_eq!(mask_text("编号0012345678"), "编号0012345678", "no area code starts with 00");
        assert_eq!(mask_text("62345678"), "62345678", "without an area code it is not known to be a phone");
    }

    #[test]
    fn the_public_number_is_kept_and_the_others_are_counted() {
        let keep = vec!["028-8600 1234".to_string()];
        let m = mask_text_keeping("请拨打02886001234或网格员13987654321，身份证110105194912310021", &keep);
        assert_eq!(m.text, "请拨打02886001234或网格员139****4321，身份证110105********0021");
        assert_eq!((m.phones, m.ids), (1, 1));
        let m = mask_text_keeping("社区 028-86001234、028-86001235", &keep);
        assert_eq!(m.text, "社区 028-86001234、028-****1235");
        assert_eq!(mask_text_keeping("无号码", &keep), Masked { text: "无号码".into(), phones: 0, ids: 0 });
    }

    #[test]
    fn masking_is_idempotent() {
        let once = mask_text("王秀兰 13812345678 11010519491231002X 010-62345678");
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
