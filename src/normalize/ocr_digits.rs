//! `ocr-digits`: letters that OCR reads in place of digits inside a number ("ngày l2
//! tháng 3", "năm 2O24", "1O/3/2024"). In a run of digits and the look-alike letters `l`,
//! `I`, `O`, `o` that stands alone — no letter or digit touches it — and holds a real
//! digit, `l`/`I` become `1` and `O`/`o` become `0`. A run without a digit ("lo", "Ol")
//! is a word; one that a letter touches ("CO2", "H2O", "vanban2O24") is a formula, a
//! code or a name, and stays.

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

fn in_number(b: u8) -> bool {
    b.is_ascii_digit() || digit_for(b).is_some()
}

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
        // A look-alike right before or after a digit.
        let b = text.as_bytes();
        (1..b.len()).any(|i| {
            (b[i].is_ascii_digit() && digit_for(b[i - 1]).is_some())
                || (b[i - 1].is_ascii_digit() && digit_for(b[i]).is_some())
        })
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !in_number(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && in_number(b[i]) {
                i += 1;
            }
            let run = &b[start..i];
            let mixed = run.iter().any(u8::is_ascii_digit) && run.iter().any(|&c| digit_for(c).is_some());
            if mixed && !touched(text, start, i) {
                let digits: String = run.iter().map(|&c| char::from(digit_for(c).unwrap_or(c))).collect();
                edits.replace(start..i, &digits);
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
