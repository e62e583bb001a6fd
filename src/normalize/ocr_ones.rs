//! `ocr-ones`: the digit one that OCR reads for the letter `l` opening a word ("1ập danh
//! sách", "các 1ớp 10"), the other way round from `ocr-digits`. A word that opens with
//! "1" and goes on in letters only, one of them Vietnamese (not ASCII), is a syllable
//! with its `l` misread: no number is written so. A unit after a figure ("1km", "1ha",
//! "1m2") is ASCII or holds a digit, and stays. Only inside a sentence, after a word in
//! lower case or a comma: a sentence's first letter is a capital, which a scan misreads as
//! "1" too ("7. 1ỷ lệ …" for "Tỷ lệ"), and no one can tell which.

use super::{NormalizeStep, Rewrite};

/// "1ập" → "lập".
pub struct OcrOnes;

/// The words in `text` that open with a "1" standing for "l": where each "1" stands.
fn misread_ones(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'1', text.as_bytes()).filter(move |&at| {
        if text[..at].chars().next_back().is_none_or(char::is_alphanumeric) {
            return false;
        }
        let before = text[..at].trim_end().chars().next_back();
        if !before.is_some_and(|c| c.is_lowercase() || c == ',') {
            return false;
        }
        let word: &str = text[at + 1..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        word.chars().next().is_some_and(char::is_lowercase) && word.chars().all(is_latin_letter) && !word.is_ascii()
    })
}

/// A letter of the Latin script Vietnamese is written in: a Cyrillic lookalike ("1а") is no
/// syllable, and `lookalike-letters` reads a Latin word with one as a scan's slip.
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}'))
}

impl NormalizeStep for OcrOnes {
    fn name(&self) -> &'static str {
        "ocr-ones"
    }

    fn applies(&self, text: &str) -> bool {
        misread_ones(text).next().is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for at in misread_ones(text) {
            edits.replace(at..at + 1, "l");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn a_one_opening_a_vietnamese_word_is_the_letter_l() {
        assert_eq!(run_step(&OcrOnes, "phối hợp,\n1ập danh sách các 1ớp 10"), "phối hợp,\nlập danh sách các lớp 10");
    }

    #[test]
    fn figures_and_their_units_stay() {
        for kept in [
            "các 1km",
            "các 1ha",
            "các 1m2",
            "10 ngày",
            "các 21ập",
            "các 1Ập",
            "x1ập",
            "1. Mục đích",
            "7. 1ỷ lệ",
            "1ập",
            "của 1а-",
        ] {
            assert_eq!(run_step(&OcrOnes, kept), kept);
        }
    }
}
