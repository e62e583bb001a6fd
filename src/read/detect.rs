//! Choosing a legacy encoding for bytes that are not UTF-8, by how Vietnamese
//! each candidate decoding looks.
//!
//! Each candidate (TCVN3, VNI-Windows, Windows-1258) decodes a sample, and the
//! decoded text is cut into words. A word with a non-ASCII letter counts for the
//! candidate if it is a well-formed Vietnamese syllable (initial consonant,
//! vowel nucleus, final consonant, at most one tone) and against it otherwise;
//! a stray non-ASCII symbol counts against it. The wrong tables turn letters
//! into symbols (TCVN3's á 0xB8 is "¸" in Windows-1258), into foreign letters
//! (VNI's diacritic bytes read as ø ï ä after a vowel), or into two tones on
//! one syllable (Windows-1258's combining marks read as TCVN3 letters), so the
//! right table wins by a wide margin. Words in plain ASCII decode the same
//! under every candidate and carry no evidence.

use unicode_normalization::UnicodeNormalization;

use super::{Encoding, legacy};
use crate::grammar::is_letter;

/// The candidates, in the order that breaks a tie: TCVN3 first, as the most
/// common encoding of Vietnamese government files before Unicode.
const CANDIDATES: [Encoding; 3] = [Encoding::Tcvn3, Encoding::VniWindows, Encoding::Windows1258];

/// The share of evidence that must be Vietnamese syllables for a candidate to be accepted.
const MIN_SHARE: f64 = 0.6;

/// How many bytes from the start are scored (the whole file if they carry no evidence).
const SAMPLE_BYTES: usize = 64 * 1024;

/// What one decoding looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// Words with a non-ASCII letter that are Vietnamese syllables.
    pub(crate) syllables: usize,
    /// Words with a non-ASCII letter that are not, and stray non-ASCII symbols.
    pub(crate) garbage: usize,
}

impl Evidence {
    fn share(self) -> f64 {
        self.syllables as f64 / (self.syllables + self.garbage).max(1) as f64
    }

    fn is_empty(self) -> bool {
        self.syllables + self.garbage == 0
    }
}

/// The legacy encoding `bytes` are most likely in, if any looks like Vietnamese.
pub(crate) fn detect_legacy(bytes: &[u8]) -> Option<Encoding> {
    let score = |sample: &[u8]| CANDIDATES.map(|e| (e, evidence(&decode_candidate(e, sample))));
    let mut scores = score(&bytes[..bytes.len().min(SAMPLE_BYTES)]);
    if scores.iter().all(|(_, ev)| ev.is_empty()) && bytes.len() > SAMPLE_BYTES {
        scores = score(bytes);
    }
    let mut best: Option<(Encoding, Evidence)> = None;
    for (encoding, ev) in scores {
        let better = best.is_none_or(|(_, b)| (ev.share(), ev.syllables) > (b.share(), b.syllables));
        if better {
            best = Some((encoding, ev));
        }
    }
    best.filter(|(_, ev)| ev.syllables > 0 && ev.share() >= MIN_SHARE).map(|(e, _)| e)
}

/// Decode with one of the legacy candidates. Windows-1258 comes out partly
/// decomposed (base letter + combining tone); the caller composes.
pub(crate) fn decode_candidate(encoding: Encoding, bytes: &[u8]) -> String {
    match encoding {
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes).0.into_owned(),
        _ => legacy::decode(encoding, bytes),
    }
}

/// Score a decoded text.
pub(crate) fn evidence(text: &str) -> Evidence {
    let mut ev = Evidence::default();
    let mut word_start = None;
    let judge_word = |word: &str, ev: &mut Evidence| match (word.is_ascii(), is_vietnamese_syllable(word)) {
        (true, _) => {}
        (false, true) => ev.syllables += 1,
        (false, false) => ev.garbage += 1,
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            judge_word(&text[start..i], &mut ev);
        }
        if !c.is_ascii() && !c.is_whitespace() && !is_shared_punctuation(c) {
            ev.garbage += 1;
        }
    }
    if let Some(start) = word_start {
        judge_word(&text[start..], &mut ev);
    }
    ev
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || ('\u{300}'..='\u{36F}').contains(&c)
}

/// Punctuation that every candidate decodes alike (Windows-1252 positions no
/// legacy table reuses), so it is no evidence either way.
fn is_shared_punctuation(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '•')
}

const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu",
    "r", "s", "t", "th", "tr", "v", "x",
];

/// Vowel nuclei that may be followed by a final consonant.
const OPEN_NUCLEI: [&str; 24] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "yê", "uô", "ươ", "oa", "oă", "oe", "uâ", "uê",
    "uy", "uyê", "oo",
];

/// Vowel nuclei that end in a glide and take no final consonant.
const CLOSED_NUCLEI: [&str; 31] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "uơ",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];

const FINALS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether `word` (any case, composed or decomposed) is a well-formed
/// Vietnamese syllable: initial + nucleus + final, at most one tone mark.
pub(crate) fn is_vietnamese_syllable(word: &str) -> bool {
    let mut letters = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.nfd() {
        let modified = match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {
                tones += 1;
                continue;
            }
            '\u{302}' => modify(&mut letters, &[('a', 'â'), ('e', 'ê'), ('o', 'ô')]),
            '\u{306}' => modify(&mut letters, &[('a', 'ă')]),
            '\u{31B}' => modify(&mut letters, &[('o', 'ơ'), ('u', 'ư')]),
            'Đ' | 'đ' => {
                letters.push('đ');
                true
            }
            c if c.is_ascii_alphabetic() => {
                letters.push(c.to_ascii_lowercase());
                true
            }
            _ => false,
        };
        if !modified || tones > 1 {
            return false;
        }
    }
    well_formed(&letters)
}

/// Replace the last letter by its modified form, if the mark fits it.
fn modify(letters: &mut String, forms: &[(char, char)]) -> bool {
    let Some(last) = letters.pop() else { return false };
    match forms.iter().find(|(base, _)| *base == last) {
        Some(&(_, modified)) => {
            letters.push(modified);
            true
        }
        None => false,
    }
}

fn well_formed(letters: &str) -> bool {
    INITIALS.iter().filter_map(|i| letters.strip_prefix(i)).any(|rest| {
        let open = OPEN_NUCLEI.iter().filter_map(|n| rest.strip_prefix(n));
        let closed = CLOSED_NUCLEI.iter().filter_map(|n| rest.strip_prefix(n));
        open.clone().any(|f| f.is_empty() || FINALS.contains(&f)) || closed.clone().any(str::is_empty)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        let good = [
            "Cộng", "hoà", "hòa", "xã", "hội", "chủ", "nghĩa", "Việt", "NAM", "được", "người", "nghiêng", "khuya",
            "thuyền", "quốc", "gìn", "giữ", "rượu", "khuỷu", "ĐỒNG", "ngoặc", "Hạnh", "phúc", "oanh", "huỳnh",
        ];
        for w in good {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        // Decomposed input, as Windows-1258 decodes: "Việt" = ê + combining dot below.
        assert!(is_vietnamese_syllable("Vie\u{302}\u{323}t"));
        let bad = [
            "caùc",  // VNI "các" read as Windows-1258: au takes no final
            "Vieät", // VNI "Việt" read as Windows-1258: ä
            "ñöôïc", // VNI "được" read as Windows-1258
            "Viờũt", // Windows-1258 "Việt" read as TCVN3: two tones
            "café",  // a French word
            "Größe",
            "tiếngg",
            "q",
            "aé\u{301}",
        ];
        for w in bad {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn evidence_counts_words_and_stray_symbols() {
        // TCVN3 "các" read as Windows-1258 is "c¸c": the cedilla is stray.
        let ev = evidence("Các c¸c “Nam” – 2024 café");
        assert_eq!(ev, Evidence { syllables: 1, garbage: 2 });
    }

    #[test]
    fn detects_each_legacy_encoding() {
        // "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"
        let tcvn3 =
            b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam. \xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c";
        let vni = b"Co\xe4ng hoa\xf8 xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam. \xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c";
        let cp1258 = b"C\xf4\xf2ng hoa\xcc xa\xde h\xf4\xf2i chu\xd2 nghi\xdea Vi\xea\xf2t Nam. \xd0\xf4\xf2c l\xe2\xf2p - T\xfd\xf2 do - Ha\xf2nh phu\xecc";
        assert_eq!(detect_legacy(tcvn3), Some(Encoding::Tcvn3));
        assert_eq!(detect_legacy(vni), Some(Encoding::VniWindows));
        assert_eq!(detect_legacy(cp1258), Some(Encoding::Windows1258));
        // Latin-1 German and French are none of them.
        assert_eq!(detect_legacy(b"Gr\xf6\xdfe \xfcber caf\xe9 na\xefve"), None);
    }
}
