//! What the user typed → the terms and the FTS5 expressions that find exactly their hits.

use super::kind::DocKind;
use super::matcher::fold;
use super::tokenize::{chain_phrase, is_word_char};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Folded whitespace-separated terms; a hit contains every one.
    pub terms: Vec<String>,
    /// The folded terms joined by single spaces: a hit containing it is an exact-phrase hit.
    pub phrase: String,
    /// Per term, the phrase over title and body matching exactly where it occurs.
    term_matches: Vec<String>,
    /// The same for the whole phrase.
    phrase_match: String,
}

/// `None` when the text holds no letter or digit: such a query finds nothing (a search for
/// punctuation alone is never what the secretary meant).
pub(crate) fn plan(text: &str) -> Option<Plan> {
    if !text.chars().any(is_word_char) {
        return None;
    }
    let terms: Vec<String> = text.split_whitespace().map(fold).collect();
    let phrase = terms.join(" ");
    let phrase_match = in_text(chain_phrase(&phrase)?);
    let term_matches = terms.iter().filter_map(|t| chain_phrase(t)).map(in_text).collect();
    Some(Plan { terms, phrase, term_matches, phrase_match })
}

/// Title and body only: the kind column holds names like `topic` that are not text.
fn in_text(phrase: String) -> String {
    format!("{{title body}} : {phrase}")
}

impl Plan {
    /// One term: every hit is an exact-phrase hit.
    pub(crate) fn single_term(&self) -> bool {
        self.terms.len() == 1
    }

    /// Matches exactly the hits of `kinds`.
    pub(crate) fn terms_expr(&self, kinds: &[DocKind]) -> String {
        with_kinds(self.term_matches.join(" AND "), kinds)
    }

    /// Matches exactly the exact-phrase hits of `kinds`.
    pub(crate) fn phrase_expr(&self, kinds: &[DocKind]) -> String {
        with_kinds(self.phrase_match.clone(), kinds)
    }
}

fn with_kinds(expr: String, kinds: &[DocKind]) -> String {
    if kinds.is_empty() {
        return expr;
    }
    let alternatives: Vec<String> = kinds.iter().map(|k| format!("kind : \"{}\"", k.as_str())).collect();
    format!("{expr} AND ({})", alternatives.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_term_is_a_phrase_and_the_whole_query_another() {
        let p = plan("  3号楼 ").unwrap();
        assert!(p.single_term());
        assert_eq!(p.terms_expr(&[]), "{title body} : \"3号 号楼\"");
        let two = plan("车库 照明").unwrap();
        assert!(!two.single_term());
        assert_eq!(two.terms_expr(&[]), "{title body} : \"车库\" AND {title body} : \"照明\"");
        assert_eq!(two.phrase_expr(&[]), "{title body} : \"车库 库 \u{F0020} 照明\"");
        let punct = plan("车库 ，").unwrap();
        assert_eq!(punct.terms_expr(&[]), "{title body} : \"车库\" AND {title body} : \"，\"");
    }

    #[test]
    fn syntax_characters_stay_inside_quotes() {
        let p = plan("\"NEAR(车*\" -OR").unwrap();
        assert_eq!(p.terms, ["\"near(车*\"", "-or"]);
        let expr = p.terms_expr(&[DocKind::TaskNote]);
        assert!(!expr.contains("NEAR") && expr.matches('"').count() == 6, "{expr}");
        assert!(expr.ends_with("AND (kind : \"task_note\")"), "{expr}");
    }

    #[test]
    fn punctuation_only_is_no_query() {
        assert_eq!(plan("，。！？ ——"), None);
        assert_eq!(plan(""), None);
    }
}
