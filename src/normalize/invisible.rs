//! `invisible-chars`: zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
//! and control characters are deleted. Kept: `\n`, `\t`, and a form feed `\f`
//! at the start of a line, which marks a page break and is consumed by
//! `page-furniture`; a form feed inside a line is just deleted.

use super::{NormalizeStep, Rewrite};

/// Deletes zero-width and control characters.
pub struct InvisibleChars;

fn is_invisible(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => true,
        c => c.is_control(),
    }
}

impl NormalizeStep for InvisibleChars {
    fn name(&self) -> &'static str {
        "invisible-chars"
    }

    fn applies(&self, text: &str) -> bool {
        text.chars().any(is_invisible)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut previous = '\n';
        for (i, c) in text.char_indices() {
            let page_break = c == '\u{c}' && matches!(previous, '\n' | '\u{c}');
            if is_invisible(c) && !page_break {
                edits.delete(i..i + c.len_utf8());
            } else {
                previous = c;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn deletes_zero_width_and_controls_but_keeps_layout() {
        assert_eq!(run_step(&InvisibleChars, "Kế\u{200b}hoạch\u{feff}\u{7}\tx\n\u{c}"), "Kếhoạch\tx\n\u{c}");
        assert_eq!(run_step(&InvisibleChars, "a\u{85}b"), "ab");
        assert_eq!(run_step(&InvisibleChars, "\u{c}a\u{c}b"), "\u{c}ab");
    }
}
