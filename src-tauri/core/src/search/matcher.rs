//! The reference meaning of a hit, checked in Rust where the FTS match alone is not exact.

/// `LIKE`'s case rule: ASCII letters fold, nothing else does. Byte lengths are unchanged, so
/// offsets found in the folded text are valid in the original.
pub(crate) fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// Whether every (folded) term occurs in the folded title or the folded body, and whether the
/// whole (folded) phrase does: `(all terms, exact phrase)`.
pub(crate) fn check(terms: &[String], phrase: &str, title: &str, body: &str) -> (bool, bool) {
    let (title, body) = (fold(title), fold(body));
    let occurs = |needle: &str| title.contains(needle) || body.contains(needle);
    let all = terms.iter().all(|t| occurs(t));
    (all, all && occurs(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_may_sit_in_title_or_body_but_not_across_them() {
        let terms = vec!["车库".to_string(), "ev".to_string()];
        assert_eq!(check(&terms, "车库 ev", "地下车库", "加装EV充电桩"), (true, false));
        assert_eq!(check(&terms, "车库 ev", "车库 EV", ""), (true, true));
        let one = vec!["库加".to_string()];
        assert_eq!(check(&one, "库加", "地下车库", "加装"), (false, false));
    }
}
