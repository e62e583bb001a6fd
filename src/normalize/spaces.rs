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

    fn may_apply(&self, text: &str) -> bool {
        // C2 A0; E2 80 80..8A, E2 80 AF, E2 81 9F; E3 80 80.
        super::scan::any_at(text, |x, y, z| {
            let general = (x == 0xe2) & ((y == 0x80) & ((z <= 0x8a) | (z == 0xaf)) | (y == 0x81) & (z == 0x9f));
            (x == 0xc2) & (y == 0xa0) | general | (x == 0xe3) & (y == 0x80) & (z == 0x80)
        })
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

    #[test]
    fn the_byte_test_agrees_with_the_rule() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(OddSpaces.may_apply(&format!("a{c}b")), OddSpaces.rule(c) != CharEdit::Keep, "{c:?}");
        }
    }
}
