//! `ocr-horns`: the horn OCR loses from one letter of "ươ" ("truớc", "nguời", "đuợc",
//! "ngưòi") put back, so that "trước", "người" and "được" match the grammars' words.
//!
//! Vietnamese spells the diphthong before a final consonant or glide only "ươ": "uơ"
//! and "ưo" followed by c, m, n, p, t, i or u are no syllable of the language, so the
//! repair is certain. "uơ" with no final ("thuở", "huơ") is a word and stays, and so does
//! "quơ", whose "u" belongs to the initial.

use std::sync::LazyLock;

use regex::Regex;

use super::{NormalizeStep, Rewrite};

/// Puts the lost horn back on "uơ"/"ưo" before a final.
pub struct OcrHorns;

/// "ơ" with each tone, and "o" with each tone, in the same order, lower then upper case.
const HORNED_O: [char; 12] = ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ', 'Ơ', 'Ớ', 'Ờ', 'Ở', 'Ỡ', 'Ợ'];
const PLAIN_O: [char; 12] = ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ', 'O', 'Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ'];

static BROKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:([uU])[ơớờởỡợƠỚỜỞỠỢ]|[ưƯ]([oóòỏõọOÓÒỎÕỌ]))[cmnptiuCMNPTIU]").expect("valid regex")
});

impl NormalizeStep for OcrHorns {
    fn name(&self) -> &'static str {
        "ocr-horns"
    }

    fn applies(&self, text: &str) -> bool {
        BROKEN.is_match(text)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for c in BROKEN.captures_iter(text) {
            let at = c.get(0).map_or(0, |m| m.start());
            if text[..at].ends_with(['q', 'Q']) {
                continue;
            }
            if let Some(u) = c.get(1) {
                edits.replace(u.range(), if u.as_str() == "u" { "ư" } else { "Ư" });
            } else if let Some(o) = c.get(2) {
                let plain = o.as_str().chars().next().unwrap_or('o');
                let k = PLAIN_O.iter().position(|&p| p == plain).unwrap_or(0);
                edits.replace(o.range(), HORNED_O[k].encode_utf8(&mut [0; 4]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn a_lost_horn_before_a_final_comes_back() {
        assert_eq!(
            run_step(&OcrHorns, "báo cáo truớc ngày 25; nguời dân, đuợc giao; ngưòi lao động; TRUỚC NGÀY; ước tính"),
            "báo cáo trước ngày 25; người dân, được giao; người lao động; TRƯỚC NGÀY; ước tính"
        );
        // "uớc" at a word's start is "ước".
        assert_eq!(run_step(&OcrHorns, "uớc tính"), "ước tính");
    }

    #[test]
    fn words_spelled_with_u_and_o_stay() {
        let t = "thuở ấy, huơ tay, quơ quào, quớt, thuộc, cuối, người, nguồn, khuôn";
        assert_eq!(run_step(&OcrHorns, t), t);
    }
}
