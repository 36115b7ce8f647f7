//! Checking a convention's text, and the form it takes in the search index and in print.

use super::{ConventionError, ConventionText};
use crate::notices::Chapter;
use crate::validate::{free_text, required_line, TITLE_MAX};

/// Trimmed text with every chapter titled and every article filled in.
pub(super) fn check(text: &ConventionText) -> Result<ConventionText, ConventionError> {
    if text.chapters.is_empty() {
        return Err(ConventionError::NoChapters);
    }
    let mut chapters = Vec::with_capacity(text.chapters.len());
    for (i, c) in text.chapters.iter().enumerate() {
        let chapter = i + 1;
        if c.title.trim().is_empty() {
            return Err(ConventionError::ChapterUntitled { chapter });
        }
        if c.articles.is_empty() {
            return Err(ConventionError::ChapterEmpty { chapter });
        }
        let mut articles = Vec::with_capacity(c.articles.len());
        for (j, a) in c.articles.iter().enumerate() {
            if a.trim().is_empty() {
                return Err(ConventionError::ArticleEmpty { chapter, article: j + 1 });
            }
            articles.push(free_text("条文", a.trim())?);
        }
        chapters.push(Chapter { title: required_line("章标题", &c.title, TITLE_MAX)?, articles });
    }
    Ok(ConventionText { preamble: free_text("序言", text.preamble.trim())?, chapters })
}

/// Preamble, chapter titles and articles, one per line: what search matches.
pub(super) fn search_body(text: &ConventionText) -> String {
    let mut lines = vec![text.preamble.clone()];
    for c in &text.chapters {
        lines.push(c.title.clone());
        lines.extend(c.articles.iter().cloned());
    }
    lines.join("\n")
}

/// The preamble as printed paragraphs (one per non-blank line).
pub(super) fn preamble_paragraphs(preamble: &str) -> Vec<String> {
    preamble.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}
