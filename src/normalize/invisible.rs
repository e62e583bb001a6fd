//! `invisible-chars`: zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
//! and control characters are deleted. Kept: `\n`, `\t`, and a form feed `\f`
//! at the start of a line, which marks a page break and is consumed by
//! `page-furniture`; a form feed inside a line is just deleted.

use super::{LeadBytes, NormalizeStep, Rewrite};

/// Deletes zero-width and control characters.
pub struct InvisibleChars;

fn is_invisible(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => true,
        c => c.is_control(),
    }
}

/// How every invisible character starts: C0 controls and DEL, C2 for the C1
/// controls U+0080–U+009F, E2 for U+200B–U+2060, EF for U+FEFF.
const LEADS: LeadBytes = LeadBytes::new(&[0x7f, 0xc2, 0xe2, 0xef]).with_range(0x00, 0x1f);

/// Whether the bytes `x y z` start an invisible character.
fn starts_invisible(x: u8, y: u8, z: u8) -> bool {
    let c0 = (x < 0x20) & (x != b'\n') & (x != b'\t') | (x == 0x7f);
    let c1 = (x == 0xc2) & (y < 0xa0);
    let zero_width = (x == 0xe2) & ((y == 0x80) & (z.wrapping_sub(0x8b) < 3) | (y == 0x81) & (z == 0xa0));
    let bom = (x == 0xef) & (y == 0xbb) & (z == 0xbf);
    c0 | c1 | zero_width | bom
}

impl NormalizeStep for InvisibleChars {
    fn name(&self) -> &'static str {
        "invisible-chars"
    }

    fn applies(&self, text: &str) -> bool {
        super::scan::any_at(text, starts_invisible)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // The last character kept before the current one, for the page-break test;
        // every character between two candidates is kept.
        let mut previous = '\n';
        let mut scanned = 0;
        for (i, c) in LEADS.chars(text) {
            if i > scanned {
                previous = text[..i].chars().next_back().expect("a character before a gap");
            }
            scanned = i + c.len_utf8();
            let page_break = c == '\u{c}' && matches!(previous, '\n' | '\u{c}');
            if is_invisible(c) && !page_break {
                edits.delete(i..scanned);
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
        assert_eq!(run_step(&InvisibleChars, "a\n\u{200b}\u{c}\u{c}x\u{c}“\u{c}"), "a\n\u{c}\u{c}x“");
    }

    #[test]
    fn the_byte_tests_agree_with_the_character_test() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert!(!is_invisible(c) || LEADS.starts(c), "{c:?}");
            assert_eq!(InvisibleChars.applies(&format!("a{c}b")), is_invisible(c), "{c:?}");
        }
    }
}
