//! Line breaking: Chinese may break between any two characters, Latin only at spaces (a
//! word longer than the line is cut), and no line starts with closing punctuation: the
//! character before it comes down with it.

use crate::fonts::Fonts;

const CLOSING: &str = "，。、；：？！）》」』】〕〉”’…,.;:?!)]}%";

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
            let starts_closing = token.chars().next().is_some_and(|c| CLOSING.contains(c));
            let carried = if starts_closing && line.len() > 1 { line.pop() } else { None };
            lines.push(line.concat().trim_end().to_string());
            line = carried.into_iter().chain(std::iter::once(token)).collect();
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
    fn a_newline_always_breaks_and_a_long_word_is_cut() {
        let f = fonts().unwrap();
        assert_eq!(wrap(f, "甲\n乙", 100.0, 10.0, false), vec!["甲", "乙"]);
        let cut = wrap(f, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 40.0, 10.0, false);
        assert!(cut.len() > 1 && cut.concat() == "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "{cut:?}");
    }
}
