//! The case rule every comparison of the search uses.

/// `LIKE`'s case rule: ASCII letters fold, nothing else does. Byte lengths are unchanged, so
/// offsets found in the folded text are valid in the original.
pub(crate) fn fold(text: &str) -> String {
    text.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn only_ascii_letters_fold() {
        assert_eq!(fold("EV充电Ä"), "ev充电Ä");
    }
}
