//! Text → the tokens stored in `search_fts`, and query terms → FTS5 phrases.
//!
//! **Every character starts exactly one token.** A word character (a Unicode letter or digit:
//! Chinese, Latin, digits alike) followed by another word character starts the bigram of the two;
//! a word character ending its run stands alone; every other character — punctuation, a space, a
//! line break, an emoji — is a token of its own. So `车库，照明` is `车库 库 ， 照明 明`. This gives:
//! - a query term (no whitespace in it) is the phrase of its tokens, and matches exactly where the
//!   term occurs as a substring, punctuation included: consecutive tokens spell consecutive
//!   characters. Only its last character needs care: in a document a word character may go on
//!   into a bigram, so a last word character is dropped when the bigram before it already names
//!   it, or made a prefix (`车*`) when it stands alone;
//! - several terms joined by one space are a phrase too (the space is a token), so the exact-
//!   phrase hits that rank first are found in the index as well. No hit's text is ever read.
//!
//! Latin letters and digits are bigrammed rather than kept as whole words, because results must
//! equal a substring search: `3号楼` has to find `13号楼`, `ev` has to find `NEV`. Tokens are
//! ASCII-lowercased here (`LIKE`'s case rule) and stored with FTS5's `ascii` tokenizer, which
//! splits only on ASCII non-alphanumerics and treats every other character as part of a token.
//! ASCII punctuation and spaces are therefore written as stand-ins in Unicode plane 15 (private
//! use, U+F0000 + the ASCII code), which no typed text contains.

/// Letters and digits of any script make up words; everything else separates them.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The space-separated token string indexed for `text`: the token each character starts, in
/// order. Written straight into one buffer, since autosave tokenizes the whole minutes text.
pub(crate) fn index_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut chars = text.chars().map(|c| c.to_ascii_lowercase()).peekable();
    while let Some(c) = chars.next() {
        if is_word_char(c) {
            out.push(c);
            if let Some(&next) = chars.peek().filter(|n| is_word_char(**n)) {
                out.push(next);
            }
        } else {
            out.push(stand_in(c));
        }
        out.push(' ');
    }
    out
}

/// What a character that is not a word character is stored as: itself, or for ASCII (which the
/// `ascii` tokenizer would treat as a separator) its plane-15 stand-in.
fn stand_in(c: char) -> char {
    if c.is_ascii() {
        char::from_u32(0xF0000 + u32::from(c)).unwrap_or(c)
    } else {
        c
    }
}

/// The FTS5 phrase matching exactly every place where `text` occurs (`None` for no text).
/// Tokens contain no `"` (ASCII punctuation is stored as its stand-in), so quoting makes any FTS
/// syntax in the query plain text.
pub(crate) fn chain_phrase(text: &str) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    let indexed = index_tokens(text);
    // Split on the ASCII space only: a full-width space (U+3000) is a token of its own.
    let mut tokens: Vec<&str> = indexed.split(' ').filter(|t| !t.is_empty()).collect();
    let chars: Vec<char> = text.chars().collect();
    let last_is_word = chars.last().is_some_and(|c| is_word_char(*c));
    let after_word = chars.len() >= 2 && is_word_char(chars[chars.len() - 2]);
    let prefix = match (last_is_word, after_word) {
        // `…库`: the bigram `车库` already ends in 库; in a document 库 may start `库照`.
        (true, true) => {
            tokens.pop();
            ""
        }
        // `，车` or `车`: 车 starts some token, a bigram or itself.
        (true, false) => " *",
        (false, _) => "",
    };
    Some(format!("\"{}\"{prefix}", tokens.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_starts_one_token() {
        assert_eq!(index_tokens("车库照明"), "车库 库照 照明 明 ");
        assert_eq!(index_tokens("3号楼，EV充电！"), "3号 号楼 楼 ， ev v充 充电 电 ！ ");
        assert_eq!(index_tokens("灯"), "灯 ");
        assert_eq!(index_tokens("a b"), "a \u{F0020} b ");
        assert_eq!(index_tokens("(x)\n"), "\u{F0028} x \u{F0029} \u{F000A} ");
    }

    #[test]
    fn phrases_quote_tokens_and_prefix_a_lone_last_character() {
        assert_eq!(chain_phrase("车库照明").unwrap(), "\"车库 库照 照明\"");
        assert_eq!(chain_phrase("车库").unwrap(), "\"车库\"");
        assert_eq!(chain_phrase("车").unwrap(), "\"车\" *");
        assert_eq!(chain_phrase("EV").unwrap(), "\"ev\"");
        assert_eq!(chain_phrase("，。").unwrap(), "\"， 。\"");
        assert_eq!(chain_phrase(""), None);
    }

    #[test]
    fn punctuation_and_spaces_are_part_of_the_phrase() {
        assert_eq!(chain_phrase("车库，").unwrap(), "\"车库 库 ，\"");
        assert_eq!(chain_phrase("（备注）").unwrap(), "\"（ 备注 注 ）\"");
        assert_eq!(chain_phrase("车库 照明").unwrap(), "\"车库 库 \u{F0020} 照明\"");
        assert_eq!(chain_phrase("，车").unwrap(), "\"， 车\" *");
        assert_eq!(chain_phrase("车库\u{3000}照明").unwrap(), "\"车库 库 \u{3000} 照明\"");
    }
}
