//! Text → the tokens stored in `search_fts`, and query runs → FTS5 phrases.
//!
//! Every maximal run of word characters (Unicode letters and digits: Chinese, Latin, digits
//! alike) `c0 c1 … cn` becomes the overlapping bigrams `c0c1 c1c2 … c(n-1)cn` followed by the
//! single character `cn`. So every character starts exactly one token of its run, which gives:
//! - a query run of 2+ characters is the phrase of its bigrams, and matches exactly where the run
//!   occurs as a substring: consecutive bigrams spell consecutive characters, and the trailing
//!   single character keeps a phrase from continuing into the next run;
//! - a one-character query `x` is the prefix query `x*`.
//!
//! Latin letters and digits are bigrammed too rather than kept as whole words, because results
//! must equal a substring search: `3号楼` has to find `13号楼`, `ev` has to find `NEV`.
//! Tokens are ASCII-lowercased here and stored with FTS5's `ascii` tokenizer, which splits only on
//! ASCII non-alphanumerics and folds only ASCII case — exactly `LIKE`'s case rule, and no Unicode
//! table of its own that could disagree with Rust's about which characters are letters.

/// Letters and digits of any script make up words; everything else separates them.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The maximal runs of word characters in `text`, as slices of it.
pub(crate) fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|run| !run.is_empty())
}

/// The space-separated token string indexed for `text`.
pub(crate) fn index_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for run in word_runs(text) {
        push_run_tokens(&mut out, run);
    }
    out
}

fn push_run_tokens(out: &mut String, run: &str) {
    let mut chars = run.chars().map(|c| c.to_ascii_lowercase()).peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if let Some(&next) = chars.peek() {
            out.push(next);
        }
        out.push(' ');
    }
}

/// An FTS5 phrase matching every place where `text` occurs (`None` if it has no word character):
/// the tokens of its runs in order, as the index holds them, since separators leave no token.
/// The last run may continue in the document unless `text` ends with a separator, so its
/// trailing single character is dropped, or made a prefix when it is the run's only token.
/// Exact when `text` is one run; otherwise a superset (which separators is not checked).
/// Tokens contain no `"`, so quoting makes any FTS syntax in the query plain text.
pub(crate) fn chain_phrase(text: &str) -> Option<String> {
    let mut tokens = String::new();
    let mut last_run_chars = 0;
    for run in word_runs(text) {
        push_run_tokens(&mut tokens, run);
        last_run_chars = run.chars().count();
    }
    let mut tokens: Vec<&str> = tokens.split_whitespace().collect();
    let open_end = text.chars().next_back().is_some_and(is_word_char);
    let prefix = if open_end && last_run_chars == 1 {
        " *"
    } else {
        if open_end {
            tokens.pop();
        }
        ""
    };
    (!tokens.is_empty()).then(|| format!("\"{}\"{prefix}", tokens.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_bigrams_and_a_final_single() {
        assert_eq!(index_tokens("车库照明"), "车库 库照 照明 明 ");
        assert_eq!(index_tokens("3号楼，EV充电！"), "3号 号楼 楼 ev v充 充电 电 ");
        assert_eq!(index_tokens("灯"), "灯 ");
        assert_eq!(index_tokens("，。 \n"), "");
    }

    #[test]
    fn phrases_quote_bigrams_and_prefix_single_characters() {
        assert_eq!(chain_phrase("车库照明").unwrap(), "\"车库 库照 照明\"");
        assert_eq!(chain_phrase("车库").unwrap(), "\"车库\"");
        assert_eq!(chain_phrase("车").unwrap(), "\"车\" *");
        assert_eq!(chain_phrase("EV").unwrap(), "\"ev\"");
        assert_eq!(chain_phrase("，。"), None);
    }

    #[test]
    fn separators_chain_runs_and_a_closed_end_keeps_the_run_end() {
        assert_eq!(chain_phrase("车库，照明").unwrap(), "\"车库 库 照明\"");
        assert_eq!(chain_phrase("车库 照").unwrap(), "\"车库 库 照\" *");
        assert_eq!(chain_phrase("，车库。").unwrap(), "\"车库 库\"");
        assert_eq!(chain_phrase("车。").unwrap(), "\"车\"");
    }

    #[test]
    fn word_runs_split_on_punctuation_and_space() {
        let runs: Vec<&str> = word_runs("NEAR(3号楼) \"车库\"").collect();
        assert_eq!(runs, ["NEAR", "3号楼", "车库"]);
    }
}
