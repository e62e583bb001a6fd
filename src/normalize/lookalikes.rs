//! `lookalike-letters`: Cyrillic and Greek letters that look like Latin ones
//! (`а` U+0430 for `a`, `С` U+0421 for `C`, `Ο` U+039F for `O`, …), as OCR and
//! copy-paste leave them inside Vietnamese words, become the Latin letter —
//! but only inside a word that also has a Latin letter, so real Russian or
//! Greek words are left alone.

use super::{NormalizeStep, Rewrite};
use crate::grammar::is_letter;

/// Cyrillic/Greek look-alikes inside Latin words → Latin.
pub struct LookalikeLetters;

/// The Latin letter a Cyrillic or Greek letter is mistaken for.
fn latin_for(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ӏ' => 'l',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        // Greek
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ι' => 'i',
        'ρ' => 'p',
        _ => return None,
    })
}

/// A Latin letter (Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{c0}'..='\u{24f}').contains(&c) && c != '×' && c != '÷')
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

impl NormalizeStep for LookalikeLetters {
    fn name(&self) -> &'static str {
        "lookalike-letters"
    }

    fn applies(&self, text: &str) -> bool {
        // Greek and Cyrillic letters are encoded with lead bytes CE..D4.
        super::scan::has_byte_in(text, 0xce, 0xd4)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut buf = [0u8; 4];
        let mut chars = text.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            if !is_letter(c) {
                chars.next();
                continue;
            }
            // One word: letters and combining marks.
            let mut word = vec![];
            while let Some(&(i, c)) = chars.peek() {
                if !(is_letter(c) || unicode_normalization::char::is_combining_mark(c)) {
                    break;
                }
                word.push((i, c));
                chars.next();
            }
            debug_assert!(word.first().is_some_and(|w| w.0 == start));
            if word.iter().any(|&(_, c)| is_latin(c)) {
                for &(i, c) in &word {
                    if let Some(l) = latin_for(c) {
                        edits.replace(i..i + c.len_utf8(), l.encode_utf8(&mut buf));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn lookalikes_inside_latin_words_become_latin() {
        // Cyrillic С, о, а, Н inside Vietnamese words.
        assert_eq!(
            run_step(&LookalikeLetters, "\u{421}ông vă\u{43d} và Kế h\u{43e}\u{430}ch"),
            "Công vă\u{43d} và Kế hoach"
        );
        assert_eq!(run_step(&LookalikeLetters, "UB\u{41d}D"), "UBHD");
        // Greek Ο in a symbol.
        assert_eq!(run_step(&LookalikeLetters, "Q\u{39f}"), "QO");
    }

    #[test]
    fn whole_cyrillic_or_greek_words_stay() {
        assert_eq!(run_step(&LookalikeLetters, "Москва и Αθήνα"), "Москва и Αθήνα");
    }
}
