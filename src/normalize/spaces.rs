//! `odd-spaces`: no-break and typographic spaces (U+00A0, U+2000–U+200A,
//! U+202F, U+205F, U+3000) become a plain space, so patterns need only `' '`.

use super::{CharEdit, CharStep, LeadBytes};

/// Odd spaces → `' '`.
pub struct OddSpaces;

impl CharStep for OddSpaces {
    const NAME: &'static str = "odd-spaces";
    // U+00A0 is C2 A0; U+2000–U+205F start with E2, U+3000 with E3.
    const LEADS: LeadBytes = LeadBytes::new(&[0xc2, 0xe2, 0xe3]);

    fn rule(&self, c: char) -> CharEdit {
        match c {
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => CharEdit::Replace(' '),
            _ => CharEdit::Keep,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn odd_spaces_become_plain() {
        assert_eq!(run_step(&OddSpaces, "Số:\u{a0}12\u{2009}/KH\u{3000}x"), "Số: 12 /KH x");
        assert_eq!(run_step(&OddSpaces, "a\u{200b}b"), "a\u{200b}b");
    }
}
