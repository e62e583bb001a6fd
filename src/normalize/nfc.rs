//! `nfc`: Unicode NFC, so a Vietnamese letter is one code point whether the
//! source typed it precomposed or as base + combining marks (Windows-1258,
//! some converters). Works on runs that start at an ASCII character: no
//! canonical composition has an ASCII second element and ASCII is never
//! reordered, so each run normalizes on its own and is replaced as a whole.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

use super::{NormalizeStep, Rewrite};

/// Canonical composition.
pub struct Nfc;

/// Whether `c` may be changed by NFC or may change its neighbour.
fn may_change(c: char) -> bool {
    // Latin Extended Additional (the precomposed Vietnamese letters) and General
    // Punctuation from U+2002 on are all stable; a test checks these ranges.
    if matches!(c, '\u{1e00}'..='\u{1eff}' | '\u{2002}'..='\u{206f}') {
        return false;
    }
    canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

/// Whether NFC may change `text`: false only when every char is stable on its
/// own (a test checks every char against the quick check), found without
/// decoding most of it. Reading asks it of every decoded text too.
pub(crate) fn may_change_text(text: &str) -> bool {
    // A text is NFC when no character has a combining class or fails the
    // quick check on its own; that leaves out everything below U+0300.
    // Most characters from there on are precomposed Vietnamese letters,
    // E1 B8..BB xx, or punctuation, E2 80 82.. and E2 81 ..AF, told apart
    // without decoding them; anything else is decoded and asked.
    let stable_lead = |x: u8, y: u8, z: u8| {
        let vietnamese = (x == 0xe1) & (y.wrapping_sub(0xb8) < 4);
        let punctuation = (x == 0xe2) & ((y == 0x80) & (z >= 0x82) | (y == 0x81) & (z < 0xb0));
        (x < 0xcc) | vietnamese | punctuation
    };
    if !crate::normalize::scan::any_at(text, |x, y, z| !stable_lead(x, y, z)) {
        return false;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            ..0xcc => i += 1,
            0xe1 if matches!(bytes.get(i + 1), Some(0xb8..=0xbb)) => i += 3,
            _ => {
                let c = text[i..].chars().next().expect("a lead byte starts a character");
                if may_change(c) {
                    return true;
                }
                i += c.len_utf8();
            }
        }
    }
    false
}

/// `text` in NFC, borrowed when it is already (the fast test of
/// [`may_change_text`]): reading, unit keys and place names all ask for NFC of
/// text that nearly always has it.
pub(crate) fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    if may_change_text(text) { text.nfc().collect::<String>().into() } else { text.into() }
}

impl NormalizeStep for Nfc {
    fn name(&self) -> &'static str {
        "nfc"
    }

    fn applies(&self, text: &str) -> bool {
        may_change_text(text)
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
    fn the_prefilter_passes_exactly_what_the_quick_check_passes() {
        let stable =
            |c: char| canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if (c as u32) < 0x300 || !may_change(c) {
                assert!(stable(c), "{c:?}");
            }
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(Nfc.applies(&format!("a{c}b")), !stable(c), "{c:?}");
        }
        for t in ["Việt Nam “x”", "Vie\u{323}\u{302}t", "\u{2000}", "a\u{301}", "Ω"] {
            assert_eq!(Nfc.applies(t), is_nfc_quick(t.chars()) != IsNormalized::Yes, "{t}");
        }
    }

    #[test]
    fn composes_decomposed_letters() {
        assert_eq!(run_step(&Nfc, "Vie\u{323}\u{302}t Nam"), "Việt Nam");
        assert_eq!(run_step(&Nfc, "u\u{31b}o\u{31b}\u{300}ng"), "ường");
        assert_eq!(run_step(&Nfc, "Việt Nam"), "Việt Nam");
    }
}
