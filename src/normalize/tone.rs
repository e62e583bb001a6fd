//! `tone-placement`: one canonical place for the tone mark, so "hoà" and
//! "hòa" match the same pattern.
//!
//! Vietnamese has two conventions for the open syllables spelled with the
//! glides `oa`, `oe`, `uy` and no final consonant: the old style marks the
//! second vowel ("hoà", "khoẻ", "thuỷ", "uỷ"), the new style the first
//! ("hòa", "khỏe", "thủy", "ủy"). We write the new style. Everywhere else the
//! placement does not vary and nothing is touched: syllables with a final
//! consonant ("hoàng", "khoảng", "huỳnh", "thuyền", "quyết"), `qu` + vowel where
//! `u` belongs to the initial ("quý", "quỷ"), and triphthongs ("ngoài", "khuya").

use super::{NormalizeStep, Rewrite};
use crate::grammar::is_letter;

/// Old-style tone placement → new style.
pub struct TonePlacement;

/// The plain vowels that take part, each with its five toned forms, in tone order
/// (none, grave, acute, hook, tilde, dot).
const VOWELS: [&str; 10] =
    ["aàáảãạ", "AÀÁẢÃẠ", "oòóỏõọ", "OÒÓỎÕỌ", "eèéẻẽẹ", "EÈÉẺẼẸ", "uùúủũụ", "UÙÚỦŨỤ", "yỳýỷỹỵ", "YỲÝỶỸỴ"];

/// A plain vowel as (row in [`VOWELS`], tone 0..=5).
fn vowel(c: char) -> Option<(usize, usize)> {
    VOWELS.iter().enumerate().find_map(|(row, forms)| forms.chars().position(|f| f == c).map(|tone| (row, tone)))
}

fn with_tone(row: usize, tone: usize) -> char {
    VOWELS[row].chars().nth(tone).expect("six forms per row")
}

/// Base letter of a vowel row, lower case.
fn base(row: usize) -> char {
    VOWELS[row & !1].chars().next().expect("non-empty row")
}

/// Whether `c` is a vowel letter of Vietnamese, with any marks.
fn is_vowel_letter(c: char) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let b = std::iter::once(c).nfd().next().unwrap_or(c).to_ascii_lowercase();
    matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Initial consonants a syllable may start with (lower case).
const INITIALS: &[&str] = &[
    "", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "ch", "gh", "kh", "ng", "nh",
    "ph", "th", "tr", "ngh",
];

/// The new-style rewrite of one word, if it is an old-style `oa`/`oe`/`uy` syllable.
fn new_style(word: &[char]) -> Option<[char; 2]> {
    let n = word.len();
    // The last letter must carry the tone, and every toned vowel is outside ASCII: most words stop here.
    if n < 2 || word[n - 1].is_ascii() {
        return None;
    }
    // A combining mark left after NFC means a letter with stacked marks: not a syllable we know.
    if !(2..=5).contains(&n) || word.iter().any(|&c| unicode_normalization::char::is_combining_mark(c)) {
        return None;
    }
    let (r1, t1) = vowel(word[n - 2])?;
    let (r2, t2) = vowel(word[n - 1])?;
    if t1 != 0 || t2 == 0 || !matches!((base(r1), base(r2)), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return None;
    }
    let initial: String = word[..n - 2].iter().flat_map(|c| c.to_lowercase()).collect();
    if word[..n - 2].iter().any(|&c| is_vowel_letter(c)) || !INITIALS.contains(&initial.as_str()) {
        return None;
    }
    Some([with_tone(r1, t2), with_tone(r2, 0)])
}

impl NormalizeStep for TonePlacement {
    fn name(&self) -> &'static str {
        "tone-placement"
    }

    fn applies(&self, text: &str) -> bool {
        // The toned forms of a, e, o, u, y in NFC are all outside ASCII; the old
        // style needs one right after a plain o or u.
        text.as_bytes().windows(2).any(|w| matches!(w[0], b'o' | b'u' | b'O' | b'U') && w[1] >= 0xc3)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut word: Vec<char> = Vec::with_capacity(8);
        let mut word_start = 0;
        let mut buf = String::with_capacity(8);
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            if is_letter(c) || unicode_normalization::char::is_combining_mark(c) {
                if word.is_empty() {
                    word_start = i;
                }
                word.push(c);
                continue;
            }
            if let Some(pair) = new_style(&word) {
                let n = word.len();
                let from = word_start + word[..n - 2].iter().map(|c| c.len_utf8()).sum::<usize>();
                buf.clear();
                buf.extend(pair);
                edits.replace(from..i, &buf);
            }
            word.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    fn fold(s: &str) -> String {
        run_step(&TonePlacement, s).to_lowercase()
    }

    #[test]
    fn old_and_new_style_compare_equal_case_aside() {
        for w in ["hoà", "hòa", "HOÀ", "Hoà"] {
            assert_eq!(fold(w), "hòa", "{w}");
        }
        assert_eq!(fold("Thành uỷ"), fold("Thành ủy"));
        assert_eq!(fold("thuỷ"), fold("thủy"));
        assert_eq!(fold("khoẻ"), fold("khỏe"));
        assert_eq!(run_step(&TonePlacement, "Uỷ ban, xoá bỏ, Thuý"), "Ủy ban, xóa bỏ, Thúy");
    }

    #[test]
    fn fixed_placements_are_untouched() {
        for w in ["hoàng", "quý", "quỷ", "huỳnh", "thuyền", "khoảng", "quyết", "ngoài", "khuya", "của", "hòa"]
        {
            assert_eq!(run_step(&TonePlacement, w), w, "{w}");
        }
    }
}
