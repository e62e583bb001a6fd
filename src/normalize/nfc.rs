//! `nfc`: Unicode NFC, so a Vietnamese letter is one code point whether the
//! source typed it precomposed or as base + combining marks (Windows-1258,
//! some converters). Works on runs that start at an ASCII character: no
//! canonical composition has an ASCII second element and ASCII is never
//! reordered, so each run normalizes on its own and is replaced as a whole.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

use super::{NormalizeStep, Rewrite};

/// Canonical composition.
pub struct Nfc;

impl NormalizeStep for Nfc {
    fn name(&self) -> &'static str {
        "nfc"
    }

    fn applies(&self, text: &str) -> bool {
        !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < text.len() {
            // The run: one char, then everything up to the next ASCII byte.
            let first = text[start..].chars().next().map_or(1, char::len_utf8);
            let end = bytes[start + first..].iter().position(u8::is_ascii).map_or(text.len(), |i| start + first + i);
            let run = &text[start..end];
            if !run.is_ascii() && !is_nfc(run) {
                let composed: String = run.nfc().collect();
                edits.replace(start..end, &composed);
            }
            start = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn composes_decomposed_letters() {
        assert_eq!(run_step(&Nfc, "Vie\u{323}\u{302}t Nam"), "Việt Nam");
        assert_eq!(run_step(&Nfc, "u\u{31b}o\u{31b}\u{300}ng"), "ường");
        assert_eq!(run_step(&Nfc, "Việt Nam"), "Việt Nam");
    }
}
