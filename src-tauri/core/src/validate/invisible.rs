//! Invisible characters taken out of text on input: a pasted text carries C0 controls,
//! zero-width spaces, byte-order marks, bidi marks and line separators that print nothing and
//! only confuse search, masking and the glyph check. They are removed from every field on input
//! (`crate::validate`) and every text of a free notice, never a reason to refuse them. A joiner
//! or variation selector inside an emoji sequence (👨‍👩‍👧, ❤️) is part of the emoji and stays.

/// `text` without invisible characters; tabs and line breaks stay (`\r\n` and `\r` become `\n`).
pub fn strip_invisible(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            '\r' if next == Some('\n') => {}
            '\r' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            // Kept only between emoji, where it builds one picture.
            '\u{200D}' if prev.is_some_and(emoji_like) && next.is_some_and(emoji_like) => out.push(c),
            '\u{FE0E}' | '\u{FE0F}' if prev.is_some_and(emoji_like) => out.push(c),
            c if invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}' | '\u{061C}' | '\u{180E}')
}

fn emoji_like(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF) || c == '\u{200D}'
}

#[cfg(test)]
mod tests {
    use super::strip_invisible;

    #[test]
    fn invisible_characters_go_and_emoji_sequences_stay() {
        assert_eq!(strip_invisible("\u{FEFF}停车\u{200B}公示\u{0007}\u{202E}\u{2028}"), "停车公示");
        assert_eq!(strip_invisible("第一行\r\n第二行\r第三\t行"), "第一行\n第二行\n第三\t行");
        assert_eq!(strip_invisible("王\u{200D}秀\u{FE0F}兰\u{E0101}"), "王秀兰");
        assert_eq!(strip_invisible("👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}"), "👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}");
    }
}
