//! `ocr-digits`: letters that OCR reads in place of digits inside a number ("ngày l2
//! tháng 3", "năm 2O24", "1O/3/2024"). In a run of digits and the look-alike letters `l`,
//! `I`, `O`, `o` that stands alone — no letter or digit touches it — and holds a real
//! digit, `l`/`I` become `1` and `O`/`o` become `0`. A run without a digit ("lo", "Ol")
//! is a word; one that a letter touches ("CO2", "H2O", "vanban2O24") is a formula, a
//! code or a name, and stays.

use std::sync::LazyLock;

use aho_corasick::packed;
use regex::Regex;

use super::{NormalizeStep, Rewrite};

/// Look-alike letters inside a number → digits.
pub struct OcrDigits;

/// The digit a letter is misread for.
fn digit_for(b: u8) -> Option<u8> {
    match b {
        b'l' | b'I' => Some(b'1'),
        b'O' | b'o' => Some(b'0'),
        _ => None,
    }
}

/// A run of digits and look-alikes in which a look-alike touches a digit. The regex, not a
/// byte loop, because every text passes here and the pairs are a literal set it looks for
/// without reading each byte.
static MIXED_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9lIOo]*(?:[0-9][lIOo]|[lIOo][0-9])[0-9lIOo]*").unwrap());

/// Whether a letter or digit touches `text[from..to]` on either side.
fn touched(text: &str, from: usize, to: usize) -> bool {
    text[..from].chars().next_back().is_some_and(char::is_alphanumeric)
        || text[to..].chars().next().is_some_and(char::is_alphanumeric)
}

impl NormalizeStep for OcrDigits {
    fn name(&self) -> &'static str {
        "ocr-digits"
    }

    fn applies(&self, text: &str) -> bool {
        // Every text passes here and hardly any holds a pair: the pairs are literals that a
        // vector search finds (Teddy, 40 to a searcher) without reading each byte.
        static PAIRS: LazyLock<[Option<packed::Searcher>; 2]> = LazyLock::new(|| {
            let digits = b"0123456789";
            let looks = b"lIOo";
            let after: Vec<[u8; 2]> = digits.iter().flat_map(|&d| looks.iter().map(move |&l| [d, l])).collect();
            let before: Vec<[u8; 2]> = after.iter().map(|&[d, l]| [l, d]).collect();
            [packed::Searcher::new(&after), packed::Searcher::new(&before)]
        });
        PAIRS.iter().any(|p| match p {
            Some(p) => p.find(text).is_some(),
            None => MIXED_RUN.is_match(text),
        })
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for m in MIXED_RUN.find_iter(text) {
            if !touched(text, m.start(), m.end()) {
                let digits: String = m.as_str().bytes().map(|c| char::from(digit_for(c).unwrap_or(c))).collect();
                edits.replace(m.range(), &digits);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn letters_inside_a_number_become_digits() {
        assert_eq!(run_step(&OcrDigits, "Tân Phú, ngày l2 tháng 3 năm 2O24"), "Tân Phú, ngày 12 tháng 3 năm 2024");
        assert_eq!(run_step(&OcrDigits, "Số: l5/QĐ-UBND ngày 1O/3/2024"), "Số: 15/QĐ-UBND ngày 10/3/2024");
    }

    #[test]
    fn words_codes_and_formulas_stay() {
        for kept in ["lo lắng", "Ol", "CO2", "H2O", "vanban2O24", "Mục I.2", "COVID-19", "10 ngày", "I, II"] {
            assert_eq!(run_step(&OcrDigits, kept), kept);
        }
    }
}
