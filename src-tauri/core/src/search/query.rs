//! What the user typed → the terms to check and FTS5 expressions that find them.

use super::kind::DocKind;
use super::matcher::fold;
use super::tokenize::{chain_phrase, word_runs};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Folded whitespace-separated terms; a hit contains every one.
    pub terms: Vec<String>,
    /// The folded terms joined by single spaces: a hit containing it is an exact-phrase hit.
    pub phrase: String,
    /// Per term with a word character, a phrase over title and body matching where it occurs.
    term_matches: Vec<String>,
    /// The same for the whole phrase.
    phrase_match: String,
    /// Every term is one run of word characters, so the AND of `term_matches` is exactly the
    /// set of hits and no text needs checking.
    pub terms_exact: bool,
}

/// `None` when the text holds no letter or digit: such a query finds nothing (a search for
/// punctuation alone is never what the secretary meant, and cannot use the index).
pub(crate) fn plan(text: &str) -> Option<Plan> {
    let terms: Vec<String> = text.split_whitespace().map(fold).collect();
    let phrase = terms.join(" ");
    let phrase_match = in_text(chain_phrase(&phrase)?);
    let term_matches = terms.iter().filter_map(|t| chain_phrase(t)).map(in_text).collect();
    let terms_exact = terms.iter().all(|t| word_runs(t).next() == Some(t.as_str()));
    Some(Plan { terms, phrase, term_matches, phrase_match, terms_exact })
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

    /// Matches a superset of the hits (exactly the hits when `terms_exact`) of `kinds`.
    pub(crate) fn terms_expr(&self, kinds: &[DocKind]) -> String {
        with_kinds(self.term_matches.join(" AND "), kinds)
    }

    /// Matches a superset of the exact-phrase hits of `kinds`.
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
    fn runs_alone_are_exact_anything_else_is_checked() {
        let p = plan("  3号楼 ").unwrap();
        assert!(p.terms_exact && p.single_term());
        assert_eq!(p.terms_expr(&[]), "{title body} : \"3号 号楼\"");
        assert!(!plan("车库，照明").unwrap().terms_exact);
        let two = plan("车库 照明").unwrap();
        assert!(two.terms_exact && !two.single_term());
        assert_eq!(two.phrase_expr(&[]), "{title body} : \"车库 库 照明\"");
    }

    #[test]
    fn syntax_characters_stay_inside_quotes() {
        let p = plan("\"NEAR(车*\" -OR").unwrap();
        assert_eq!(p.terms, ["\"near(车*\"", "-or"]);
        let expr = p.terms_expr(&[DocKind::TaskNote]);
        assert_eq!(expr, "{title body} : \"ne ea ar r 车\" AND {title body} : \"or\" AND (kind : \"task_note\")");
    }

    #[test]
    fn punctuation_only_is_no_query() {
        assert_eq!(plan("，。！？ ——"), None);
        assert_eq!(plan(""), None);
    }
}
