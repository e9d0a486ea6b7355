//! Line breaking: Chinese may break between any two characters, Latin only at spaces (a
//! word longer than the line is cut), no line starts with closing punctuation (the
//! character before it comes down with it) and none ends with opening punctuation (it goes
//! down with what it opens).

use crate::fonts::Fonts;

const CLOSING: &str = "，。、；：？！）》」』】〕〉”’…,.;:?!)]}%";
const OPENING: &str = "（《「『【〔〈“‘";

fn starts_closing(token: &str) -> bool {
    token.chars().next().is_some_and(|c| CLOSING.contains(c))
}

fn ends_opening(token: &str) -> bool {
    token.trim_end().chars().last().is_some_and(|c| OPENING.contains(c))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Breaks into the pieces a line may end after: one CJK character, or a Latin word with
/// the spaces that follow it.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) || CLOSING.contains(c) && !c.is_ascii() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else {
            if word.ends_with(' ') {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The lines `text` takes in `width` points at `size` points; `\n` always breaks.
pub fn wrap(fonts: &Fonts, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<String> = Vec::new();
        let measure = |parts: &[String]| fonts.width(parts.concat().trim_end(), size, bold);
        for token in tokens(paragraph) {
            line.push(token.clone());
            if measure(&line) <= width || line.len() == 1 && fonts.width(token.trim_end(), size, bold) <= width {
                continue;
            }
            line.pop();
            if line.is_empty() {
                // A word wider than the line: cut it where it overflows.
                let mut piece = String::new();
                for c in token.chars() {
                    if !piece.is_empty() && fonts.width(&format!("{piece}{c}"), size, bold) > width {
                        lines.push(std::mem::take(&mut piece));
                    }
                    piece.push(c);
                }
                line.push(piece);
                continue;
            }
            // The next line starts with what it may start with ("）。" brings down the
            // character before both), and this one ends with no bracket left open.
            let mut next = vec![token];
            while line.len() > 1 && starts_closing(&next[0]) {
                next.insert(0, line.pop().expect("more than one token"));
            }
            while line.len() > 1 && line.last().is_some_and(|t| ends_opening(t)) {
                next.insert(0, line.pop().expect("more than one token"));
            }
            lines.push(line.concat().trim_end().to_string());
            line = next;
        }
        lines.push(line.concat().trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::fonts;

    #[test]
    fn chinese_breaks_anywhere_and_latin_at_spaces() {
        let f = fonts().unwrap();
        // Noto CJK: every ideograph is 1 em wide; 10 pt text in 40 pt: four per line.
        assert_eq!(wrap(f, "回款管理软件很好用", 40.0, 10.0, false), vec!["回款管理", "软件很好", "用"]);
        let latin = wrap(f, "delivery note for the customer", 60.0, 10.0, false);
        assert!(latin.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')), "{latin:?}");
        assert_eq!(latin.join(" "), "delivery note for the customer");
        assert!(latin.len() > 1);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let f = fonts().unwrap();
        let lines = wrap(f, "回款管理，软件好用。", 40.0, 10.0, false);
        assert_eq!(lines, vec!["回款管", "理，软件", "好用。"]);
        assert!(lines.iter().all(|l| !l.starts_with(|c| CLOSING.contains(c))));
    }

    #[test]
    fn two_closing_marks_together_bring_the_character_before_them_down() {
        let f = fonts().unwrap();
        // "（甲）。" would leave "）" or "。" at a line's start: the ideograph before them comes along.
        let lines = wrap(f, "回款管理（甲）。好", 40.0, 10.0, false);
        assert!(lines.iter().all(|l| !l.starts_with(|c| CLOSING.contains(c))), "{lines:?}");
        assert_eq!(lines.concat(), "回款管理（甲）。好");
        for text in ["回款（管理）。软件", "回款管理软）。件好用，。好", "一二三四五六七）。"]
        {
            let lines = wrap(f, text, 40.0, 10.0, false);
            assert!(lines.iter().all(|l| !l.starts_with(|c| CLOSING.contains(c))), "{text}: {lines:?}");
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        let f = fonts().unwrap();
        // Four ideographs a line: "（" would end the first line; it goes down with "甲".
        let lines = wrap(f, "回款管（甲乙丙）", 40.0, 10.0, false);
        assert_eq!(lines, vec!["回款管", "（甲乙", "丙）"]);
        // Five ideographs a line: "（【" would end the first; both go down with "六".
        assert_eq!(wrap(f, "一二三四（【六】）七八", 50.0, 10.0, false), vec!["一二三四", "（【六】）", "七八"]);
        for (text, width) in
            [("一二三《四五》六", 40.0), ("一二三四五六七「八」", 40.0), ("一二三四五（【六】）七八", 60.0)]
        {
            let lines = wrap(f, text, width, 10.0, false);
            assert!(lines.iter().all(|l| !l.ends_with(|c| OPENING.contains(c))), "{text}: {lines:?}");
            assert!(lines.iter().all(|l| !l.starts_with(|c| CLOSING.contains(c))), "{text}: {lines:?}");
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn a_newline_always_breaks_and_a_long_word_is_cut() {
        let f = fonts().unwrap();
        assert_eq!(wrap(f, "甲\n乙", 100.0, 10.0, false), vec!["甲", "乙"]);
        let cut = wrap(f, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 40.0, 10.0, false);
        assert!(cut.len() > 1 && cut.concat() == "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "{cut:?}");
    }
}
