//! Line breaking for Chinese text with Latin words and numbers mixed in.
//!
//! Any two CJK characters may be split; a run of Latin letters and digits ("LED", "1,800",
//! "13:30") stays whole; spaces are break points that vanish at a line end. Kinsoku (避头尾) rules:
//! closing punctuation is glued to the character before it and opening brackets to the character
//! after, so no line starts with 。，、；：？！）》」』’” and none ends with （《「『‘“. A line never
//! gets wider than the width it was given: a single unbreakable run wider than a whole line (a
//! long URL) is cut by characters as a last resort.

/// Characters that must not start a line.
pub const NO_LINE_START: &str = "。，、；：？！）》」』’”〉】〕…—·%,.;:?!)]}";
/// Characters that must not end a line.
pub const NO_LINE_END: &str = "（《「『‘“〈【〔([{";

/// Units and counters that stay with the number before them: 2026年, 15日, 36,500元, 18个.
const UNITS: &str = "年月日号时点分秒元角个人户次票条项岁栋楼层室盏米天周";

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
}

/// Break `text` into lines: the first `first_width` wide (room for an indent), the rest `width`
/// wide. `measure` gives the advance of one character. A `\n` in the text forces a break.
pub fn break_lines(text: &str, first_width: f32, width: f32, measure: &dyn Fn(char) -> f32) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, hard_line) in text.split('\n').enumerate() {
        let first = if i == 0 { first_width } else { width };
        fill(&clusters(hard_line), first, width, measure, &mut out);
    }
    out
}

/// An unbreakable piece: a CJK character with the punctuation glued to it, a Latin run, or a
/// space (a break point).
#[derive(Debug, PartialEq)]
enum Cluster {
    Glyphs(String),
    Space,
}

fn is_latin_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphanumeric() && (c as u32) < 0x2E80 && !c.is_whitespace())
        || "'-_/@#&+=~^.,:%*".contains(c) && c.is_ascii()
}

fn tokens(text: &str) -> Vec<Cluster> {
    let mut out = Vec::new();
    let mut latin = String::new();
    for c in text.chars() {
        if is_latin_run_char(c) && !(latin.is_empty() && NO_LINE_START.contains(c)) {
            latin.push(c);
            continue;
        }
        if !latin.is_empty() {
            out.push(Cluster::Glyphs(std::mem::take(&mut latin)));
        }
        // The ideographic space is deliberate spacing (第一章　总则), not a break point.
        if c.is_whitespace() && c != '\u{3000}' {
            out.push(Cluster::Space);
        } else if !c.is_control() {
            out.push(Cluster::Glyphs(c.to_string()));
        }
    }
    if !latin.is_empty() {
        out.push(Cluster::Glyphs(latin));
    }
    out
}

/// Glue tokens by the kinsoku rules. Ellipsis and dash pairs (…… ——) also stay together. An
/// emoji is a character like any CJK one: a line may break before or after it, and closing
/// punctuation after it stays with it.
fn clusters(text: &str) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for token in tokens(text) {
        let glue = match (&token, out.last()) {
            (Cluster::Glyphs(t), Some(Cluster::Glyphs(prev))) => {
                starts_with_any(t, NO_LINE_START)
                    || ends_with_any(prev, NO_LINE_END)
                    // A variation selector, joiner or skin tone belongs to the emoji before it,
                    // and the emoji after a joiner to the sequence: never split them.
                    || t.starts_with(super::fonts::is_ignorable)
                    || prev.ends_with('\u{200D}')
                    || (starts_with_any(t, UNITS) && prev.ends_with(|c: char| c.is_ascii_digit()))
            }
            _ => false,
        };
        match (glue, token, out.last_mut()) {
            (true, Cluster::Glyphs(t), Some(Cluster::Glyphs(prev))) => prev.push_str(&t),
            (_, token, _) => out.push(token),
        }
    }
    out
}

fn starts_with_any(s: &str, set: &str) -> bool {
    s.chars().next().is_some_and(|c| set.contains(c))
}

fn ends_with_any(s: &str, set: &str) -> bool {
    s.chars().next_back().is_some_and(|c| set.contains(c))
}

fn width_of(s: &str, measure: &dyn Fn(char) -> f32) -> f32 {
    s.chars().map(measure).sum()
}

/// Greedy fill: put clusters on the line while they fit.
fn fill(clusters: &[Cluster], first_width: f32, width: f32, measure: &dyn Fn(char) -> f32, out: &mut Vec<Line>) {
    let mut line = Line { text: String::new(), width: 0.0 };
    let mut pending_space = false;
    let mut limit = first_width;
    let space = measure(' ');
    for cluster in clusters {
        let Cluster::Glyphs(text) = cluster else {
            pending_space = !line.text.is_empty();
            continue;
        };
        let w = width_of(text, measure);
        let gap = if pending_space { space } else { 0.0 };
        if !line.text.is_empty() && line.width + gap + w > limit {
            out.push(std::mem::replace(&mut line, Line { text: String::new(), width: 0.0 }));
            limit = width;
        } else if pending_space {
            line.text.push(' ');
            line.width += space;
        }
        pending_space = false;
        if w > limit {
            // Wider than a whole line: cut by characters rather than overflow the margin.
            cut_by_chars(text, &mut line, &mut limit, width, measure, out);
        } else {
            line.text.push_str(text);
            line.width += w;
        }
    }
    out.push(line);
}

fn cut_by_chars(
    text: &str,
    line: &mut Line,
    limit: &mut f32,
    width: f32,
    measure: &dyn Fn(char) -> f32,
    out: &mut Vec<Line>,
) {
    for c in text.chars() {
        let w = measure(c);
        if !line.text.is_empty() && line.width + w > *limit {
            out.push(std::mem::replace(line, Line { text: String::new(), width: 0.0 }));
            *limit = width;
        }
        line.text.push(c);
        line.width += w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CJK and full-width punctuation one unit, Latin half a unit, like the real font.
    fn measure(c: char) -> f32 {
        if c.is_ascii() {
            0.5
        } else {
            1.0
        }
    }

    fn lines(text: &str, width: f32) -> Vec<String> {
        break_lines(text, width, width, &measure).into_iter().map(|l| l.text).collect()
    }

    fn check_rules(text: &str, width: f32) {
        let out = break_lines(text, width, width, &measure);
        let joined: String = out.iter().map(|l| l.text.as_str()).collect();
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(strip(&joined), strip(text), "text lost or changed");
        for (i, l) in out.iter().enumerate() {
            assert!(l.width <= width + 1e-3, "line {i} too wide: {l:?}");
            assert!((width_of(&l.text, &measure) - l.width).abs() < 1e-3, "width bookkeeping");
            if i > 0 {
                assert!(!starts_with_any(&l.text, NO_LINE_START), "line {i} starts badly: {out:?}");
            }
            if i + 1 < out.len() {
                assert!(!ends_with_any(&l.text, NO_LINE_END), "line {i} ends badly: {out:?}");
            }
        }
    }

    #[test]
    fn plain_cjk_fills_each_line() {
        assert_eq!(lines("一二三四五六七", 3.0), ["一二三", "四五六", "七"]);
    }

    #[test]
    fn full_stop_never_starts_a_line() {
        // 。 would start line 2: 三 moves down with it.
        assert_eq!(lines("一二三。四五", 3.0), ["一二", "三。四", "五"]);
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        assert_eq!(lines("一二（三）四", 3.0), ["一二", "（三）", "四"]);
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let out = lines("共计1,800元，LED灯12盏", 5.0);
        assert!(out.iter().any(|l| l.contains("1,800")), "{out:?}");
        assert!(out.iter().any(|l| l.contains("LED")), "{out:?}");
        check_rules("共计1,800元，LED灯12盏", 5.0);
    }

    #[test]
    fn spaces_break_latin_text_and_vanish_at_line_ends() {
        assert_eq!(lines("aa bb cc", 2.5), ["aa bb", "cc"]);
    }

    #[test]
    fn overlong_run_is_cut_but_never_overflows() {
        let out = lines("http://example.com/very/long/path", 5.0);
        assert!(out.len() > 1);
        check_rules("http://example.com/very/long/path", 5.0);
    }

    #[test]
    fn masked_numbers_stay_whole() {
        let out = lines("网格员李建国139****4321", 10.0);
        assert_eq!(out, ["网格员李建国", "139****4321"]);
    }

    #[test]
    fn numbers_keep_their_unit() {
        assert_eq!(lines("截止2026年12月15日", 4.5), ["截止", "2026年", "12月15日"]);
        assert_eq!(lines("约36,500元", 4.0), ["约", "36,500元"]);
    }

    #[test]
    fn hard_line_breaks_are_kept() {
        assert_eq!(lines("一二\n三", 10.0), ["一二", "三"]);
    }

    #[test]
    fn first_line_can_be_narrower_for_the_indent() {
        let out = break_lines("一二三四五", 2.0, 4.0, &measure);
        assert_eq!(out[0].text, "一二");
        assert_eq!(out[1].text, "三四五");
    }

    #[test]
    fn rules_hold_for_many_texts_and_widths() {
        let texts = [
            "经业主委员会、物业公司和网格员协商，决定：一、利用闲置场地；二、划线停车；三、制定收费规则。",
            "“请大家踊跃参加！”居委会说。（详见附件《停车管理办法》）",
            "地下车库照明不足，LED灯共需120盏，预算约36,500元，由开发商承担。",
            "「你好」『再见』‘一’“二”……——结束。",
            "1,800元！！！？？？。。。，，，",
            "（（（《《《「「「开始",
            "Hello world, this is a mixed 中英文 line with numbers 2026年11月21日 and 13:30.",
        ];
        for text in texts {
            for w in [1.0, 2.0, 3.0, 4.0, 5.0, 7.5, 10.0, 13.0, 28.0] {
                check_rules_where_possible(text, w);
            }
        }
    }

    /// With pathological runs of punctuation wider than the line, a rule may have to give;
    /// the width and the text may not.
    fn check_rules_where_possible(text: &str, width: f32) {
        let glued = clusters(text).iter().any(|c| match c {
            Cluster::Glyphs(t) => width_of(t, &measure) > width,
            Cluster::Space => false,
        });
        if glued {
            let out = break_lines(text, width, width, &measure);
            assert!(out.iter().all(|l| l.width <= width + 1e-3), "{out:?}");
        } else {
            check_rules(text, width);
        }
    }

    /// Like `measure`, with the engine's zero width for joiners and selectors.
    fn measure_emoji(c: char) -> f32 {
        if super::super::fonts::is_ignorable(c) {
            0.0
        } else {
            measure(c)
        }
    }

    #[test]
    fn emoji_break_anywhere_like_chinese_characters() {
        let out: Vec<String> =
            break_lines("😀😃😄😁😆😅😂", 3.0, 3.0, &measure_emoji).into_iter().map(|l| l.text).collect();
        assert_eq!(out, ["😀😃😄", "😁😆😅", "😂"]);
    }

    #[test]
    fn punctuation_after_an_emoji_stays_with_it() {
        assert_eq!(lines("一二👍。三", 3.0), ["一二", "👍。三"]);
        assert_eq!(lines("一二（😡）", 3.0), ["一二", "（😡）"]);
        check_rules("大家很生气😡！！请转告👍，谢谢🙏。（详见📢）", 3.0);
    }

    #[test]
    fn selectors_skin_tones_and_joined_sequences_are_never_split() {
        let text = "一二❤\u{FE0F}👍\u{1F3FB}👨\u{200D}👩\u{200D}👧";
        for w in [1.0, 2.0, 3.0, 4.0] {
            let out = break_lines(text, w, w, &measure_emoji);
            for l in &out {
                let first = l.text.chars().next().unwrap_or(' ');
                assert!(!super::super::fonts::is_ignorable(first), "{w}: {out:?}");
                // (Narrower than the whole sequence, it is cut as any overlong run is.)
                assert!(w < 3.0 || !l.text.starts_with(['👩', '👧']), "family split at {w}: {out:?}");
            }
        }
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        assert_eq!(lines("", 3.0), [""]);
    }
}
