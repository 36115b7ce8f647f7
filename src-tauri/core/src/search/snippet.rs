//! A plain-text window of the body around the first hit, with the hits marked by character
//! ranges. Built here because the contentless FTS5 table keeps no text for `snippet()`.

/// Characters shown in a snippet, and how many of them come before the first hit.
const WIDTH: usize = 60;
const BEFORE: usize = 20;
const ELLIPSIS: char = '…';

/// The snippet text and the half-open character ranges of the hits inside it.
pub(crate) fn make(body: &str, needles: &[String]) -> (String, Vec<(usize, usize)>) {
    let original: Vec<char> = body.chars().collect();
    let folded: Vec<char> = original.iter().map(|c| c.to_ascii_lowercase()).collect();
    let needles: Vec<Vec<char>> = needles.iter().filter(|n| !n.is_empty()).map(|n| n.chars().collect()).collect();
    let all = occurrences(&folded, &needles);
    let first_hit = all.iter().map(|r| r.0).min().unwrap_or(0);
    let start = first_hit.saturating_sub(BEFORE);
    let end = original.len().min(start + WIDTH);
    let lead = usize::from(start > 0);
    let mut text: String = if lead == 1 { ELLIPSIS.to_string() } else { String::new() };
    // Line breaks would break the one-line result list; a space keeps offsets one-to-one.
    text.extend(original[start..end].iter().map(|&c| if c.is_whitespace() { ' ' } else { c }));
    if end < original.len() {
        text.push(ELLIPSIS);
    }
    let ranges = all
        .into_iter()
        .filter(|&(s, e)| s < end && e > start)
        .map(|(s, e)| (s.max(start) - start + lead, e.min(end) - start + lead))
        .collect();
    (text, merge(ranges))
}

/// Every range where one of the needles occurs in `hay`.
fn occurrences(hay: &[char], needles: &[Vec<char>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for needle in needles {
        if needle.len() > hay.len() {
            continue;
        }
        for (at, window) in hay.windows(needle.len()).enumerate() {
            if window == needle.as_slice() {
                found.push((at, at + needle.len()));
            }
        }
    }
    found
}

/// Sorted, with overlapping or touching ranges joined.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str, (a, b): (usize, usize)) -> String {
        s.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn window_starts_shortly_before_the_first_hit() {
        let body = format!("{}地下车库照明{}", "前".repeat(50), "后".repeat(50));
        let (text, hl) = make(&body, &["车库".to_string()]);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().count(), WIDTH + 2);
        assert_eq!(hl.len(), 1);
        assert_eq!(chars(&text, hl[0]), "车库");
    }

    #[test]
    fn short_body_is_whole_and_case_folds_ascii_only() {
        let (text, hl) = make("给EV充电\n再给ev充电", &["ev".to_string(), "充电".to_string()]);
        assert_eq!(text, "给EV充电 再给ev充电");
        assert_eq!(hl, [(1, 5), (8, 12)]);
    }

    #[test]
    fn no_hit_in_body_shows_its_start() {
        let (text, hl) = make("正文没有关键词", &["车库".to_string()]);
        assert_eq!((text.as_str(), hl.len()), ("正文没有关键词", 0));
    }
}
