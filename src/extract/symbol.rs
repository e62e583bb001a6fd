//! Document symbols ("Số, ký hiệu"): the three printed forms, read through scan
//! damage, and their canonical string.
//!
//! Forms (shared/reference/symbol-forms.md): state `49/KH-UBND`, `7086/UBND-KGVX`;
//! normative `04/2015/NĐ-CP`, `41/2024/QH15`; Party `114-KL/TW`,
//! `31-CTr/BĐVTU-BCSĐUBND`. Damage read through: spaces around separators
//! (`49/KH- UBND`, `120 -KL/TW`, `Số: 560 /UBND`), en dashes, `Ð` for `Đ`,
//! a number left blank (`/KH-MTTQ-BTT`) or lost.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::grammar::{DOC_TYPE_CODES_TSV, ISSUER_CODES_TSV, grammar_rows};

/// The characters printed for the hyphen of a symbol, ASCII first.
const DASH_CHARS: [char; 6] = ['-', '–', '—', '‐', '‑', '−'];
/// [`DASH_CHARS`] as a regex class body.
const DASHES: &str = "\\-–—‐‑−";

/// The symbol pattern. Named groups: `num` (absent when blank or lost), `year`
/// (normative form), `party` (the type code of the Party form), `codes`.
pub static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    // "TƯ" (Trung ương) is printed for "TW" in Party symbols.
    // Two offices that share a symbol join their codes with "&" ("SNV-XDCQ&CTTN",
    // "SGDĐT-GDTrH&GDTX"), never with spaces: "12/UBND & các văn bản" ends at "UBND".
    let code = r"[A-ZĐÐ][A-Za-zĐđÐƯ0-9]*(?:&[A-ZĐÐ][A-Za-zĐđÐƯ0-9]*)*";
    let gap = r"[ \t]*";
    // A symbol wrapped at a separator goes on at the start of the next line
    // ("34/2018/TT-" / "BLĐTBXH", "75/2024/" / "NĐ-CP"); after a dash or the year's
    // slash only, where nothing but a wrap leaves a line open.
    let wrap = r"[ \t]*(?:\n[ \t]*)?";
    // Hyphen, en dash, em dash, Unicode hyphen, non-breaking hyphen, minus: what
    // converters and OCR print for the hyphen of a symbol.
    let dash = format!("{gap}[{DASHES}]{wrap}");
    let codes = format!(r"{code}(?:{dash}{code})*");
    // A Party symbol whose number the scan lost: "CT/BĐVTU". Only type codes open it.
    let mut type_codes: Vec<String> =
        crate::grammar::DOC_TYPES.iter().map(|t| regex::escape(&t.abbreviation)).collect();
    type_codes.sort_by_key(|c| std::cmp::Reverse(c.len()));
    let lost = format!(r"(?P<lost>(?:{}){gap}/{gap}{codes})", type_codes.join("|"));
    // A number may take a letter: a document slotted in after another ("30c/NQ-CP", "12a/QĐ-UBND").
    let num = "[0-9]{1,5}[a-z]?";
    // A year whose slash a converter dropped ("15/2020NĐ-CP") glues to a type code only.
    let glued = format!(r"(?P<gcodes>(?:{}){dash}{codes})", type_codes.join("|"));
    let pattern = format!(
        r"{lost}|(?:(?P<num>{num}){gap}/{gap}(?P<year>(?:19|20)[0-9][0-9])(?:{gap}/{wrap}(?P<ncodes>{codes})|{glued}))|(?:(?P<pnum>{num}){dash}(?P<party>{code}){gap}/{gap}(?P<pcodes>{codes}))|(?:(?P<snum>{num})?{gap}/{gap}(?P<scodes>{codes}))"
    );
    Regex::new(&pattern).unwrap()
});

/// A symbol as read from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentSymbol {
    /// Canonical string: no spaces, ASCII hyphens, `Đ` for `Ð`, no leading zeros.
    pub canonical: String,
    /// The number, when printed.
    pub number: Option<u32>,
    /// The year of a normative symbol.
    pub year: Option<u16>,
    /// The type code of a Party symbol (`KL` in `114-KL/TW`), or the first code of
    /// a state symbol when it names a type (`KH` in `49/KH-UBND`).
    pub type_code: Option<String>,
    /// The issuer codes after the type code.
    pub issuer_codes: Vec<String>,
}

impl DocumentSymbol {
    /// Read a symbol from a match of [`SYMBOL`].
    pub fn from_captures(c: &regex::Captures) -> DocumentSymbol {
        let number = ["num", "pnum", "snum"]
            .iter()
            .find_map(|g| c.name(g))
            .and_then(|m| m.as_str().trim_end_matches(|c: char| c.is_ascii_lowercase()).parse().ok());
        let year = c.name("year").and_then(|m| m.as_str().parse().ok());
        let codes_of = |g: &str| -> Vec<String> {
            c.name(g).map(|m| m.as_str().split(DASH_CHARS).map(|s| clean_code(s.trim())).collect()).unwrap_or_default()
        };
        let (type_code, issuer_codes) = if let Some(l) = c.name("lost") {
            let mut codes: Vec<String> =
                l.as_str().split(|c| c == '/' || DASH_CHARS.contains(&c)).map(|s| clean_code(s.trim())).collect();
            (Some(codes.remove(0)), codes)
        } else if let Some(p) = c.name("party") {
            (Some(clean_code(p.as_str())), codes_of("pcodes"))
        } else {
            // Normative and state forms: the first code names the type when it is one
            // ("NĐ" in 04/2015/NĐ-CP, "KH" in 49/KH-UBND; none in 7086/UBND-KGVX).
            let group = ["ncodes", "gcodes", "scodes"].into_iter().find(|g| c.name(g).is_some()).unwrap_or("scodes");
            let mut codes = codes_of(group);
            if let Some((kind, issuer)) = codes.first().and_then(|first| unglued(first)) {
                codes.splice(0..1, [kind.to_string(), issuer.to_string()]);
            }
            let first = (codes.len() > 1 && crate::grammar::is_type_code(&codes[0])).then(|| codes.remove(0));
            (first, codes)
        };
        DocumentSymbol { canonical: canonical(c.get(0).unwrap().as_str()), number, year, type_code, issuer_codes }
    }
}

impl DocumentSymbol {
    /// Whether two bodies of `grammars/issuer-codes.tsv` issued it together
    /// ("02/CTr-UBND-MTTQ"); a drafting office after the issuer ("7086/UBND-KGVX") is none.
    pub fn is_joint(&self) -> bool {
        self.issuer_codes.iter().filter(|c| ISSUER_CODES.contains(&c.as_str())).count() >= 2
    }

    /// The kind of a "Quy định" with this symbol: a Party one ("08-QĐi/TU", number and
    /// code joined by a dash) takes the code it prints (`QĐi`, else `QĐ`); a state one is
    /// `QyĐ`.
    pub fn quy_dinh_kind(&self) -> String {
        let c = &self.canonical;
        let party = c.find('-').is_some_and(|dash| c.find('/').is_some_and(|slash| dash < slash));
        match &self.type_code {
            Some(code) if party => code.clone(),
            _ if party => "QĐ".into(),
            _ => "QyĐ".into(),
        }
    }
}

fn clean_code(s: &str) -> String {
    let s = s.replace('Ð', "Đ");
    spelled_code(&s).map_or(s, str::to_string)
}

/// The canonical form of a printed symbol: spaces removed, dashes made ASCII,
/// `Ð` → `Đ`, leading zeros of the number dropped, and a code printed in capitals
/// that is spelled in mixed case ("19/CT-TTG" in an upper-case title) as spelled
/// ([`spelled_code`]).
pub fn canonical(raw: &str) -> String {
    let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.replace(&DASH_CHARS[1..], "-").replace('Ð', "Đ");
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    let mut s = if digits > 1 {
        let zeros = s.chars().take_while(|&c| c == '0').count().min(digits - 1);
        s[zeros..].to_string()
    } else {
        s
    };
    if let Some(at) = glued_year_end(&s) {
        s.insert(at, '/');
    }
    let mut after_slash = false;
    s.split_inclusive(['-', '/'])
        .map(|piece| {
            let code = piece.trim_end_matches(['-', '/']);
            let first_code = std::mem::replace(&mut after_slash, piece.ends_with('/'));
            match (first_code.then(|| unglued(code)).flatten(), spelled_code(code)) {
                (Some((kind, issuer)), _) => Cow::Owned(format!("{kind}-{issuer}{}", &piece[code.len()..])),
                (None, Some(spelled)) => Cow::Owned(spelled.to_string() + &piece[code.len()..]),
                (None, None) => Cow::Borrowed(piece),
            }
        })
        .collect()
}

/// Where the year of a normative symbol ends when a converter dropped the slash after it
/// ("15/2020NĐ-CP"): a number, a slash, a year of four figures, then a letter.
fn glued_year_end(s: &str) -> Option<usize> {
    let slash = s.find('/')?;
    let year = s.get(slash + 1..slash + 5)?;
    let glued = s[..slash].starts_with(|c: char| c.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"))
        && year.bytes().all(|b| b.is_ascii_digit())
        && s[slash + 5..].starts_with(|c: char| c.is_alphabetic());
    glued.then_some(slash + 5)
}

/// The type code and issuer code of a code that a converter glued together by dropping
/// the hyphen between them ("61/2018/NĐCP", "1961/QĐUBND", "01/2018/TTVPCP"): both as
/// spelled in the grammars, and the glued code itself neither of them.
fn unglued(code: &str) -> Option<(&'static str, &'static str)> {
    let known = |codes: &[&'static str]| codes.contains(&code);
    if known(&TYPE_CODES) || known(&ISSUER_CODES) {
        return None;
    }
    TYPE_CODES.iter().find_map(|&kind| {
        let rest = code.strip_prefix(kind)?;
        ISSUER_CODES.iter().find(|&&issuer| issuer == rest).map(|&issuer| (kind, issuer))
    })
}

/// The codes of `grammars/doc-type-codes.tsv` and `grammars/issuer-codes.tsv`, as spelled.
static TYPE_CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| grammar_rows(DOC_TYPE_CODES_TSV).map(|r| r[0]).collect());
static ISSUER_CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| grammar_rows(ISSUER_CODES_TSV).map(|r| r[0]).collect());

/// Codes spelled in mixed case (`TTg`, `QĐi`, `CTr`, `TTr`), from the type-code and
/// issuer-code grammars, keyed by their upper case.
static MIXED_CASE_CODES: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    TYPE_CODES
        .iter()
        .chain(ISSUER_CODES.iter())
        .copied()
        .filter(|code| code.chars().any(char::is_lowercase))
        .map(|code| (code.to_uppercase(), code))
        .collect()
});

/// The grammar's spelling of a code printed all in capitals ("TTG" → "TTg"); codes
/// printed in any other case are kept as printed.
fn spelled_code(code: &str) -> Option<&'static str> {
    if code.chars().any(char::is_lowercase) {
        return None;
    }
    MIXED_CASE_CODES.iter().find(|(upper, _)| upper == code).map(|&(_, spelled)| spelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> DocumentSymbol {
        let c = SYMBOL.captures(s).unwrap_or_else(|| panic!("no symbol in {s:?}"));
        DocumentSymbol::from_captures(&c)
    }

    #[test]
    fn reads_each_form_through_damage() {
        for (printed, canon, number) in [
            ("49/KH- UBND", "49/KH-UBND", Some(49)),
            ("120 -KL/TW", "120-KL/TW", Some(120)),
            ("560 /UBND", "560/UBND", Some(560)),
            ("04/2015/NĐ- CP", "4/2015/NĐ-CP", Some(4)),
            ("04/2015/NÐ-CP", "4/2015/NĐ-CP", Some(4)),
            ("31 - CT/BĐVTU-BCSSBUBND", "31-CT/BĐVTU-BCSSBUBND", Some(31)),
            ("17/2022/UBTVQH15", "17/2022/UBTVQH15", Some(17)),
            ("34/2007/PL-UBTVQH11", "34/2007/PL-UBTVQH11", Some(34)),
            ("7086/UBND-KGVX", "7086/UBND-KGVX", Some(7086)),
            ("01 /KH-UBND", "1/KH-UBND", Some(1)),
            ("/KH-MTTQ-BTT", "/KH-MTTQ-BTT", None),
            ("CT/BĐVTU", "CT/BĐVTU", None),
            ("08-QĐi/TW", "8-QĐi/TW", Some(8)),
            ("115 – KL/TW", "115-KL/TW", Some(115)),
            ("125 /KH—UBND", "125/KH-UBND", Some(125)),
            ("7‑CT/TU", "7-CT/TU", Some(7)),
            ("445-KL/TƯ", "445-KL/TƯ", Some(445)),
            ("34/2018/TT-\nBLĐTBXH ngày", "34/2018/TT-BLĐTBXH", Some(34)),
            ("75/2024/\n  NĐ-CP", "75/2024/NĐ-CP", Some(75)),
            ("11-\nCT/TU", "11-CT/TU", Some(11)),
            // A letter after the number; a hyphen that a converter dropped between two codes.
            ("30c/NQ-CP", "30c/NQ-CP", Some(30)),
            ("061/2018/NĐCP", "61/2018/NĐ-CP", Some(61)),
            ("1961/QĐUBND", "1961/QĐ-UBND", Some(1961)),
            ("01/2018/TTVPCP", "1/2018/TT-VPCP", Some(1)),
            ("145/TTrVP", "145/TTr-VP", Some(145)),
            ("56/KHSNV", "56/KH-SNV", Some(56)),
            // The slash after a normative symbol's year, dropped.
            ("15/2020NĐ-CP", "15/2020/NĐ-CP", Some(15)),
            ("27/2016TT-BLĐTBXH", "27/2016/TT-BLĐTBXH", Some(27)),
            // Codes that are one code, or glue no type to an issuer, stay.
            ("8011-CV/BTCTW", "8011-CV/BTCTW", Some(8011)),
            ("12/TTCP", "12/TTCP", Some(12)),
            ("145/TTrVN", "145/TTrVN", Some(145)),
            ("5/HĐND", "5/HĐND", Some(5)),
            // Two offices' codes joined by "&"; "&" between words is no part of a symbol.
            ("1026/SNV-XDCQ&CTTN", "1026/SNV-XDCQ&CTTN", Some(1026)),
            ("512/SGDĐT-GDTrH&GDTX ngày", "512/SGDĐT-GDTrH&GDTX", Some(512)),
            ("12/UBND & các văn bản", "12/UBND", Some(12)),
        ] {
            let s = read(printed);
            assert_eq!(s.canonical, canon, "{printed}");
            assert_eq!(s.number, number, "{printed}");
        }
    }

    #[test]
    fn a_code_printed_in_capitals_takes_its_grammar_spelling() {
        for (printed, canon) in [
            ("25/CT-TTG", "25/CT-TTg"),
            ("7/CĐ-TTG", "7/CĐ-TTg"),
            ("3-QĐI/TW", "3-QĐi/TW"),
            ("12-CTR/TU", "12-CTr/TU"),
            ("88/TTR-UBND", "88/TTr-UBND"),
            // Counter-examples: codes spelled in capitals, and mixed case as printed.
            ("25/CT-TTg", "25/CT-TTg"),
            ("40/QĐ-UBND", "40/QĐ-UBND"),
            ("6/2020/TT-BTC", "6/2020/TT-BTC"),
            ("9/KH-TTGDTX", "9/KH-TTGDTX"),
        ] {
            assert_eq!(read(printed).canonical, canon, "{printed}");
        }
    }

    #[test]
    fn two_issuers_codes_make_a_joint_document() {
        assert!(read("02/CTr-UBND-MTTQ").is_joint());
        assert!(!read("7086/UBND-KGVX").is_joint());
        assert!(!read("49/KH-UBND").is_joint());
    }

    #[test]
    fn finds_type_and_issuer_codes() {
        let s = read("114-KL/TW");
        assert_eq!(s.type_code.as_deref(), Some("KL"));
        assert_eq!(s.issuer_codes, vec!["TW"]);
        let s = read("49/KH-UBND");
        assert_eq!(s.type_code.as_deref(), Some("KH"));
        let s = read("7086/UBND-KGVX");
        assert_eq!(s.type_code, None);
        let s = read("04/2015/NĐ-CP");
        assert_eq!((s.type_code.as_deref(), s.year), (Some("NĐ"), Some(2015)));
        let s = read("41/2024/QH15");
        assert_eq!((s.type_code, s.issuer_codes), (None, vec!["QH15".to_string()]));
    }

    #[test]
    fn plain_numbers_and_ranges_are_not_symbols() {
        for text in [
            "giai đoạn 2022- 2026",
            "ngày 14/7/2015",
            "năm 2023",
            "Covid-19",
            "tháng 7/\nNăm 2024",
            "2021-\nKẾ HOẠCH",
            // A month and year before a name, with or without a space: no type code follows.
            "tháng 12/2020 UBND tỉnh",
            "tháng 12/2020UBND-VX",
        ] {
            assert!(SYMBOL.find(text).is_none(), "{text}");
        }
    }
}
