//! `ocr-letters`: letters that OCR and old converters put in place of
//! Vietnamese ones: Icelandic eth `ð`/`Ð` (U+00F0/U+00D0) for `đ`/`Đ`.

use super::{CharEdit, CharStep, LeadBytes};

/// `ð` → `đ`, `Ð` → `Đ`.
pub struct OcrLetters;

impl CharStep for OcrLetters {
    const NAME: &'static str = "ocr-letters";
    // Both are encoded C3 90 / C3 B0.
    const LEADS: LeadBytes = LeadBytes::new(&[0xc3]);

    fn rule(&self, c: char) -> CharEdit {
        match c {
            'ð' => CharEdit::Replace('đ'),
            'Ð' => CharEdit::Replace('Đ'),
            _ => CharEdit::Keep,
        }
    }

    fn may_apply(&self, text: &str) -> bool {
        // C3 leads every other Vietnamese vowel, so look for the pairs themselves.
        memchr::memmem::find(text.as_bytes(), "ð".as_bytes()).is_some()
            || memchr::memmem::find(text.as_bytes(), "Ð".as_bytes()).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn eth_becomes_d_with_stroke() {
        assert_eq!(run_step(&OcrLetters, "ðồng ý, ÐẢNG"), "đồng ý, ĐẢNG");
        assert_eq!(run_step(&OcrLetters, "đúng"), "đúng");
    }
}
