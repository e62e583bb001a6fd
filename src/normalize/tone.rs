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

use std::sync::LazyLock;

use std::ops::Range;

use aho_corasick::{AhoCorasick, packed};

use super::{NormalizeStep, Rewrite};
use crate::grammar::is_letter;

/// Old-style tone placement → new style.
pub struct TonePlacement;

/// The plain vowels that take part, each with its five toned forms, in tone order
/// (none, grave, acute, hook, tilde, dot).
const VOWELS: [&str; 10] =
    ["aàáảãạ", "AÀÁẢÃẠ", "oòóỏõọ", "OÒÓỎÕỌ", "eèéẻẽẹ", "EÈÉẺẼẸ", "uùúủũụ", "UÙÚỦŨỤ", "yỳýỷỹỵ", "YỲÝỶỸỴ"];

/// Every form in [`VOWELS`] as (form, row, tone), sorted by form.
static FORMS: LazyLock<Vec<(char, usize, usize)>> = LazyLock::new(|| {
    let mut forms: Vec<(char, usize, usize)> = VOWELS
        .iter()
        .enumerate()
        .flat_map(|(row, forms)| forms.chars().enumerate().map(move |(tone, c)| (c, row, tone)))
        .collect();
    forms.sort_unstable();
    forms
});

/// A plain vowel as (row in [`VOWELS`], tone 0..=5).
fn vowel(c: char) -> Option<(usize, usize)> {
    let i = FORMS.binary_search_by_key(&c, |&(form, _, _)| form).ok()?;
    Some((FORMS[i].1, FORMS[i].2))
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

/// What a word is made of: letters, and the combining marks NFC left.
fn is_word_char(c: char) -> bool {
    is_letter(c) || unicode_normalization::char::is_combining_mark(c)
}

/// The longest old-style syllable in characters: a three-letter initial and the two vowels.
const MAX_WORD: usize = 5;

/// How an old-style syllable ends: a plain `o` and a toned `a` or `e`, or a
/// plain `u` and a toned `y`, in either case. Searched for as literals, so the
/// scan skips the text in between without decoding it.
struct Endings {
    /// The SIMD searcher (Teddy), where the CPU has one.
    packed: Option<packed::Searcher>,
    automaton: AhoCorasick,
}

static ENDINGS: LazyLock<Endings> = LazyLock::new(|| {
    let pairs = [("oO", [0, 1, 4, 5].as_slice()), ("uU", [8, 9].as_slice())];
    let endings: Vec<String> = pairs
        .iter()
        .flat_map(|&(plain, rows)| plain.chars().flat_map(move |p| rows.iter().map(move |&row| (p, row))))
        .flat_map(|(p, row)| (1..6).map(move |tone| format!("{p}{}", with_tone(row, tone))))
        .collect();
    Endings { packed: packed::Searcher::new(&endings), automaton: AhoCorasick::new(&endings).expect("valid literals") }
});

impl Endings {
    /// Every ending in `text`, in order (no two can overlap).
    fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        match &self.packed {
            Some(packed) => packed.find_iter(text).map(|m| m.range()).collect(),
            None => self.automaton.find_iter(text).map(|m| m.range()).collect(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        match &self.packed {
            Some(packed) => packed.find(text).is_some(),
            None => self.automaton.is_match(text),
        }
    }
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
    if !(2..=MAX_WORD).contains(&n) || word[n - 1].is_ascii() {
        return None;
    }
    let (r1, t1) = vowel(word[n - 2])?;
    let (r2, t2) = vowel(word[n - 1])?;
    if t1 != 0 || t2 == 0 || !matches!((base(r1), base(r2)), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return None;
    }
    // A combining mark left after NFC means a letter with stacked marks: not a syllable we know.
    if word.iter().any(|&c| unicode_normalization::char::is_combining_mark(c)) {
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
        ENDINGS.is_match(text)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut word: Vec<char> = Vec::with_capacity(MAX_WORD + 1);
        let mut buf = String::with_capacity(8);
        for Range { start: from, end: to } in ENDINGS.find_all(text) {
            if text[to..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            // The rest of the word, backwards; a longer word than any syllable is no candidate.
            word.clear();
            word.extend(text[..from].chars().rev().take_while(|&c| is_word_char(c)).take(MAX_WORD - 1));
            word.reverse();
            word.extend(text[from..to].chars());
            if let Some(pair) = new_style(&word) {
                buf.clear();
                buf.extend(pair);
                edits.replace(from..to, &buf);
            }
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
    fn every_old_style_ending_is_searched_for() {
        assert_eq!(ENDINGS.automaton.patterns_len(), 60);
        for w in ["hoà", "HOẠ", "khoẻ", "Oẽ", "uỷ", "thuÝ"] {
            assert!(ENDINGS.is_match(w), "{w}");
        }
        assert!(!ENDINGS.is_match("hòa thủy của quốc"));
        let t = "Hoà, xoá uỷ ban; HOÀ thuỶ";
        let found: Vec<Range<usize>> = ENDINGS.automaton.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(ENDINGS.find_all(t), found);
        assert_eq!(found.len(), 5);
    }

    #[test]
    fn fixed_placements_are_untouched() {
        for w in ["hoàng", "quý", "quỷ", "huỳnh", "thuyền", "khoảng", "quyết", "ngoài", "khuya", "của", "hòa"]
        {
            assert_eq!(run_step(&TonePlacement, w), w, "{w}");
        }
    }
}
