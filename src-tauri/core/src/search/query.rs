//! What the user typed → the terms to check and an FTS5 expression that finds them.

use super::kind::DocKind;
use super::matcher::fold;
use super::tokenize::{run_phrase, word_runs};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Folded whitespace-separated terms; a hit contains every one.
    pub terms: Vec<String>,
    /// The folded terms joined by single spaces: a hit containing it is an exact-phrase hit.
    pub phrase: String,
    /// FTS5 expression over title and body matching a superset of the hits.
    text_match: String,
    /// One term that is one word run: the FTS match is the answer, no check needed.
    pub fts_is_exact: bool,
}

/// `None` when the text holds no letter or digit: such a query finds nothing (a search for
/// punctuation alone is never what the secretary meant, and cannot use the index).
pub(crate) fn plan(text: &str) -> Option<Plan> {
    let terms: Vec<String> = text.split_whitespace().map(fold).collect();
    let phrases: Vec<String> = terms
        .iter()
        .flat_map(|t| word_runs(t))
        .map(|run| format!("{{title body}} : {}", run_phrase(run)))
        .collect();
    if phrases.is_empty() {
        return None;
    }
    let fts_is_exact = terms.len() == 1 && word_runs(&terms[0]).next() == Some(terms[0].as_str());
    Some(Plan { phrase: terms.join(" "), terms, text_match: phrases.join(" AND "), fts_is_exact })
}

impl Plan {
    /// The full MATCH expression, restricted to `kinds` unless that is empty.
    pub(crate) fn match_expr(&self, kinds: &[DocKind]) -> String {
        if kinds.is_empty() {
            return self.text_match.clone();
        }
        let alternatives: Vec<String> =
            kinds.iter().map(|k| format!("kind : \"{}\"", k.as_str())).collect();
        format!("{} AND ({})", self.text_match, alternatives.join(" OR "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_run_is_exact_anything_else_is_checked() {
        let p = plan("  3号楼 ").unwrap();
        assert!(p.fts_is_exact);
        assert_eq!(p.match_expr(&[]), "{title body} : \"3号 号楼\"");
        assert!(!plan("车库，照明").unwrap().fts_is_exact);
        assert!(!plan("车库 照明").unwrap().fts_is_exact);
    }

    #[test]
    fn syntax_characters_stay_inside_quotes() {
        let p = plan("\"NEAR(车*\" -OR").unwrap();
        assert_eq!(p.terms, ["\"near(车*\"", "-or"]);
        let expr = p.match_expr(&[DocKind::TaskNote]);
        assert_eq!(
            expr,
            "{title body} : \"ne ea ar\" AND {title body} : \"车\" * AND {title body} : \"or\" \
             AND (kind : \"task_note\")"
        );
    }

    #[test]
    fn punctuation_only_is_no_query() {
        assert_eq!(plan("，。！？ ——"), None);
        assert_eq!(plan(""), None);
    }
}
