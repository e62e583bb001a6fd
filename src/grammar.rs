//! The data that drives extraction, embedded from `grammars/` at build time and
//! parsed once: document types and abbreviations of unit names, plus the
//! matching helpers every extractor shares ([`fold`], [`word_pattern`]).
//!
//! Each table is a TSV file with a header row and `#` comments; every row
//! carries examples that the tests in this module check.

use foldhash::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use unicode_normalization::UnicodeNormalization;

/// A document type: the type word and its official abbreviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocType {
    /// The type word in canonical spelling ("Kế hoạch").
    pub word: String,
    /// The abbreviation used as `kind` ("KH").
    pub abbreviation: String,
    /// Systems that issue it: state, norm, party.
    pub systems: Vec<String>,
    /// Citation phrases that must be read as this type.
    pub examples: Vec<String>,
    /// Line in `grammars/doc-types.tsv`, for error messages.
    pub line: usize,
    /// `word` folded ([`fold`]), once, for comparisons in loops over the types.
    pub key: String,
}

/// An abbreviation of a unit or body name and its expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abbreviation {
    /// As printed ("UBND").
    pub abbreviation: String,
    /// Its readings; the first is used for names of bodies.
    pub readings: Vec<String>,
    /// "UBND tỉnh => Ủy ban nhân dân tỉnh".
    pub example: String,
    /// Line in `grammars/abbreviations.tsv`.
    pub line: usize,
}

const DOC_TYPES_TSV: &str = include_str!("../grammars/doc-types.tsv");
const ABBREVIATIONS_TSV: &str = include_str!("../grammars/abbreviations.tsv");
const AUTHORITIES_TSV: &str = include_str!("../grammars/authorities.tsv");

/// The phrases an authority line opens with (`grammars/authorities.tsv`), lower case.
static AUTHORITIES: LazyLock<Vec<String>> =
    LazyLock::new(|| tsv_rows(AUTHORITIES_TSV).map(|(_, c)| c[0].to_lowercase()).collect());

/// Whether `line` opens with the body or position that issues a decision
/// ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"): whole words, in lower case, tone marks kept.
pub fn opens_authority(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    AUTHORITIES.iter().any(|a| {
        lower
            .strip_prefix(a.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

/// "Số", "ngày", "tháng", "năm" as they open a symbol or spell a date, for regexes (under
/// `(?i:…)`): a scan misreads the mark on their vowel ("Sổ:", "thảng", "nãm", "ngảy"), and
/// around a symbol or between the figures of a date nothing else is meant.
pub const NUMBER_WORD: &str = "s[oóòỏõọôốồổỗộ]";
/// [`NUMBER_WORD`] as the header's "Số:" label, whose letters a scan may also space out
/// as it does a type title's ("S ố: 12/KH-UBND").
pub const NUMBER_LABEL: &str = r"s\s?[oóòỏõọôốồổỗộ]";
/// See [`NUMBER_WORD`].
pub const DAY_WORD: &str = "ng[aàáảãạ]y";
/// See [`NUMBER_WORD`].
pub const MONTH_WORD: &str = "th[aàáảãạ]ng";
/// See [`NUMBER_WORD`].
pub const YEAR_WORD: &str = "n[aàáảãạăằắẳẵặâầấẩẫậ]m";
/// "Điều" opening an article, its tone mark where a scan put it ("Điêù 1.": the grave on
/// the u), for regexes.
pub const ARTICLE_WORD: &str = "Đi[eêềếểễệ][uùúủũụ]";

/// `grammars/body-heads.tsv`: words that open the name of a body.
pub(crate) const BODY_HEADS_TSV: &str = include_str!("../grammars/body-heads.tsv");
/// `grammars/levels-of-place.tsv`: administrative levels that open a place name.
pub(crate) const LEVELS_OF_PLACE_TSV: &str = include_str!("../grammars/levels-of-place.tsv");
/// `grammars/gazette-headings.tsv`: the Official Gazette's section headings.
pub(crate) const GAZETTE_HEADINGS_TSV: &str = include_str!("../grammars/gazette-headings.tsv");
/// `grammars/document-marks.tsv`: urgency, secrecy and circulation marks of a header.
pub(crate) const DOCUMENT_MARKS_TSV: &str = include_str!("../grammars/document-marks.tsv");
/// `grammars/proper-names.tsv`: names that keep their capitals in an agency's name.
pub(crate) const PROPER_NAMES_TSV: &str = include_str!("../grammars/proper-names.tsv");
/// `grammars/signature-authorities.tsv`: authority prefixes of a signature.
pub(crate) const SIGNATURE_AUTHORITIES_TSV: &str = include_str!("../grammars/signature-authorities.tsv");
/// `grammars/signer-titles.tsv`: ranks and titles before a signer's name.
pub(crate) const SIGNER_TITLES_TSV: &str = include_str!("../grammars/signer-titles.tsv");
/// `grammars/open-ended-words.tsv`: words that leave a title line open.
pub(crate) const OPEN_ENDED_WORDS_TSV: &str = include_str!("../grammars/open-ended-words.tsv");
/// `grammars/type-title-qualifiers.tsv`.
pub(crate) const TYPE_TITLE_QUALIFIERS_TSV: &str = include_str!("../grammars/type-title-qualifiers.tsv");

/// The first column of a grammar, each cell through `key`, in the file's order.
fn first_column(tsv: &str, key: fn(&str) -> String) -> Vec<String> {
    tsv_rows(tsv).map(|(_, c)| key(c[0])).collect()
}

/// What follows the name of a body printed without its own place under its parent's
/// lines (`grammars/body-heads.tsv`, column `parent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentPart {
    /// The parent's whole name: an organ of that body ("Văn phòng Huyện ủy Yên Thế").
    Name,
    /// The parent's place, from its level word on: an agency named for its area
    /// ("Sở Nội vụ tỉnh Quảng Ngãi").
    Place,
    /// Nothing: a body named on its own ("Trường Tiểu học Mỹ Thạnh Bắc").
    Nothing,
}

/// A row of `grammars/body-heads.tsv`: words that open the name of a body.
#[derive(Debug)]
pub struct BodyHead {
    /// The words as the grammar spells them ("Ủy ban", "Sở").
    pub spelled: String,
    /// The same, [`fold`]ed ("uy ban", "so"): what a line's folded text is matched on.
    pub folded: String,
    /// What of the parent follows a body printed without a place.
    pub parent: ParentPart,
}

/// The rows of `grammars/body-heads.tsv`.
pub static BODY_HEADS: LazyLock<Vec<BodyHead>> = LazyLock::new(|| {
    tsv_rows(BODY_HEADS_TSV)
        .map(|(at, c)| {
            let part = match c[1] {
                "name" => ParentPart::Name,
                "place" => ParentPart::Place,
                "none" => ParentPart::Nothing,
                other => panic!("grammars/body-heads.tsv:{at}: parent {other:?} is none of name, place, none"),
            };
            BodyHead { spelled: c[0].to_string(), folded: fold(c[0]), parent: part }
        })
        .collect()
});

/// Administrative levels that open a place name ("thi xa", "xa"), folded, longest first.
pub static LEVELS_OF_PLACE: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v = first_column(LEVELS_OF_PLACE_TSV, fold);
    v.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    v
});

/// The levels of place as spelled in the grammar ("thành phố", "thị xã"), in file order.
pub static LEVELS_OF_PLACE_SPELLED: LazyLock<Vec<String>> =
    LazyLock::new(|| first_column(LEVELS_OF_PLACE_TSV, str::to_string));

/// The Party committees named after a level's place ("huyen uy", "thanh uy"), folded.
pub static PARTY_COMMITTEES: LazyLock<Vec<String>> = LazyLock::new(|| {
    tsv_rows(LEVELS_OF_PLACE_TSV).filter_map(|(_, c)| c.get(1).filter(|c| !c.is_empty()).map(|c| fold(c))).collect()
});

/// The Official Gazette's section headings ("van ban quy pham phap luat"), folded.
pub static GAZETTE_HEADINGS: LazyLock<Vec<String>> = LazyLock::new(|| first_column(GAZETTE_HEADINGS_TSV, fold));

/// Urgency, secrecy and circulation marks ("hoa toc", "mat"), folded.
pub static DOCUMENT_MARKS: LazyLock<Vec<String>> = LazyLock::new(|| first_column(DOCUMENT_MARKS_TSV, fold));

/// Whether a header cell is one of [`DOCUMENT_MARKS`] and nothing else ("HỎA TỐC",
/// "KHẨN!", "TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)").
pub fn is_document_mark(cell: &str) -> bool {
    let f = fold(cell);
    let f = f.trim_matches(|c: char| !c.is_alphanumeric());
    DOCUMENT_MARKS.iter().any(|m| f == m || f.strip_prefix(m.as_str()).is_some_and(|rest| rest.starts_with(" (")))
}

/// Names that keep their capitals in an agency's name, as spelled, in the file's order.
pub static PROPER_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| first_column(PROPER_NAMES_TSV, str::to_string));

/// Authority prefixes of a signature and their codes: ("T/M", "TM").
pub static SIGNATURE_AUTHORITIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    tsv_rows(SIGNATURE_AUTHORITIES_TSV)
        .map(|(_, c)| (c[0].to_string(), c.get(1).copied().unwrap_or_default().to_string()))
        .collect()
});

/// Ranks and titles printed before a signer's name ("Thượng tá", "TS."), longest first.
pub static SIGNER_TITLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v = first_column(SIGNER_TITLES_TSV, str::to_string);
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v
});

/// Words that leave a title line open ("của", "và"), lower case.
pub static OPEN_ENDED_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| first_column(OPEN_ENDED_WORDS_TSV, str::to_lowercase));

/// Words a type title carries after its type word ("hành động"), folded ([`fold`]).
pub static TYPE_TITLE_QUALIFIERS: LazyLock<Vec<String>> =
    LazyLock::new(|| first_column(TYPE_TITLE_QUALIFIERS_TSV, fold));

/// Rows of a TSV grammar: (line number, cells), header and comments skipped.
pub fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn list(cell: Option<&&str>) -> Vec<String> {
    cell.map(|c| c.split(" | ").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
}

/// Document types, longest word first (so "Thông tư liên tịch" wins over "Thông tư").
pub static DOC_TYPES: LazyLock<Vec<DocType>> = LazyLock::new(|| {
    let mut v: Vec<DocType> = tsv_rows(DOC_TYPES_TSV)
        .map(|(line, c)| DocType {
            word: c[0].to_string(),
            key: fold(c[0]),
            abbreviation: c.get(1).copied().unwrap_or_default().to_string(),
            systems: c.get(2).map(|s| s.split(',').map(str::to_string).collect()).unwrap_or_default(),
            examples: list(c.get(3)),
            line,
        })
        .collect();
    v.sort_by_key(|t| std::cmp::Reverse(t.word.chars().count()));
    v
});

/// Abbreviations of unit and body names.
pub static ABBREVIATIONS: LazyLock<Vec<Abbreviation>> = LazyLock::new(|| {
    tsv_rows(ABBREVIATIONS_TSV)
        .map(|(line, c)| Abbreviation {
            abbreviation: c[0].to_string(),
            readings: c.get(1).map(|r| r.split('|').map(|s| s.trim().to_string()).collect()).unwrap_or_default(),
            example: c.get(2).copied().unwrap_or_default().to_string(),
            line,
        })
        .collect()
});

/// The document type whose word is `word` (compared by [`fold`], any run of
/// spaces or a line break between its words).
pub fn doc_type_by_word(word: &str) -> Option<&'static DocType> {
    let key = fold(word).split_whitespace().collect::<Vec<_>>().join(" ");
    DOC_TYPES.iter().find(|t| t.key == key)
}

/// The document type a line titles: an upper-case line holding a type word alone,
/// with a qualifier of `grammars/type-title-qualifiers.tsv` ("CHƯƠNG TRÌNH HÀNH ĐỘNG"),
/// or followed by "CỦA …" ("NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY"). A scan splits or
/// spaces out the letters of a title printed large ("K ÉT LUẬN", "K Ế H O Ạ C H"): a line
/// that is a type word once its spaces are dropped titles it too.
pub fn type_title_word(line: &str) -> Option<&'static DocType> {
    let t = line.trim().trim_end_matches(':').trim();
    if !is_upper(t) {
        return None;
    }
    let f = fold(t);
    let typed = DOC_TYPES.iter().find(|d| {
        let w = &d.key;
        f.strip_prefix(w.as_str()).is_some_and(|rest| {
            let rest = TYPE_TITLE_QUALIFIERS
                .iter()
                .find_map(|q| rest.strip_prefix(' ')?.strip_prefix(q.as_str()))
                .unwrap_or(rest);
            rest.is_empty() || rest.starts_with(" cua ")
        })
    });
    typed.or_else(|| {
        let compact: String = f.split_whitespace().collect();
        DOC_TYPES.iter().find(|d| d.key.chars().filter(|&c| c != ' ').eq(compact.chars()))
    })
}

/// Whether `code` is the abbreviation of a document type (`KH`, `QĐ`, `QĐi`, `CTr`).
pub fn is_type_code(code: &str) -> bool {
    let code = code.replace('Ð', "Đ");
    code == "QĐi" || DOC_TYPES.iter().any(|t| t.abbreviation == code)
}

/// The marks that open a list item ("- Sở Nội vụ;", "– Như trên;", "• UBND các xã"):
/// hyphen, plus, bullet, and the en and em dashes that word processors put in a hyphen's place.
pub const ITEM_BULLETS: [char; 5] = ['-', '+', '•', '–', '—'];

/// The item after the bullet that opens `line` (left-trimmed), if one does.
pub fn strip_bullet(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix(ITEM_BULLETS)
}

/// Whether a line is the rule under a pipe table's first row ("|---|:---|").
pub fn is_table_rule(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '))
}

/// Whether `s` has two letters or more and none of them lower case (an agency line,
/// a type title, "UBND").
pub fn is_upper(s: &str) -> bool {
    is_upper_chars(s.chars())
}

/// [`is_upper`] of a run of chars (two words of a line, say) without collecting them.
pub fn is_upper_chars(chars: impl Iterator<Item = char>) -> bool {
    let mut letters = 0;
    for c in chars {
        let (letter, lower) = letter_case(c);
        if lower {
            return false;
        }
        letters += usize::from(letter);
    }
    letters >= 2
}

/// [`char::is_alphabetic`], by [`letter_case`]'s shortcuts.
pub fn is_letter(c: char) -> bool {
    letter_case(c).0
}

/// What [`letter_case`], [`is_capital`] and [`is_own_lower_case`] say of `c`, read
/// with one lookup where [`letter_case`]'s shortcuts apply: word scanners ask all
/// three of every char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharCase {
    /// [`char::is_alphabetic`].
    pub letter: bool,
    /// [`is_capital`].
    pub capital: bool,
    /// [`is_own_lower_case`].
    pub own_lower: bool,
}

/// The [`CharCase`] of `c`.
#[inline]
pub fn char_case(c: char) -> CharCase {
    // ASCII, most of any text, first and without a call.
    match c {
        'a'..='z' => return CharCase { letter: true, capital: false, own_lower: true },
        'A'..='Z' => return CharCase { letter: true, capital: true, own_lower: false },
        '\0'..='\x7F' => return CharCase { letter: false, capital: false, own_lower: true },
        _ => {}
    }
    match CHAR_CASES.get(c as usize) {
        Some(&bits) => {
            CharCase { letter: bits & LETTER != 0, capital: bits & CAPITAL != 0, own_lower: bits & OWN_LOWER != 0 }
        }
        None => char_case_by_rules(c),
    }
}

/// `text.to_lowercase()`, every char below U+2000 (Latin, the Vietnamese block) lowered
/// from a table made once: the standard library searches Unicode's tables for each
/// non-ASCII char, and every token, unit key and heading of a document is lowered.
/// Only "Σ" lowers by its neighbours; a text with it, or with a char the table leaves
/// out, is lowered by the standard library.
pub fn lower_case(text: &str) -> String {
    /// The lower case of each char below U+2000 when it is one char, else `'\0'`.
    static LOWER: LazyLock<Vec<char>> = LazyLock::new(|| {
        (0..0x2000u32)
            .map(|u| {
                let mut lower = char::from_u32(u).map(char::to_lowercase).into_iter().flatten();
                match (lower.next(), lower.next()) {
                    (Some(c), None) => c,
                    _ => '\0',
                }
            })
            .collect()
    });
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let table = &*LOWER;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match table.get(c as usize) {
            Some(&lower) if lower != '\0' && c != 'Σ' => out.push(lower),
            _ => return text.to_lowercase(),
        }
    }
    out
}

/// [`char::is_alphanumeric`], letters answered as [`is_letter`] does: the standard
/// library searches Unicode's tables for every non-ASCII char, a third of the letters
/// of Vietnamese text.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii() && (is_letter(c) || c.is_numeric())
}

/// Bits of a [`CHAR_CASES`] entry.
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;
const OWN_LOWER: u8 = 4;

/// [`char_case_by_rules`] of every char below U+1F00 (Latin, the Vietnamese block),
/// computed once: the tokenizers ask it of every letter with a diacritic, a third
/// of the letters of Vietnamese text.
static CHAR_CASES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    below_greek_extended(0, |c| {
        let case = char_case_by_rules(c);
        (u8::from(case.letter) * LETTER) | (u8::from(case.capital) * CAPITAL) | (u8::from(case.own_lower) * OWN_LOWER)
    })
});

/// `answer` of every char below U+1F00 (Latin, combining marks, the Vietnamese block),
/// indexed by code point; `surrogate` where no char is.
fn below_greek_extended<T: Copy>(surrogate: T, answer: impl Fn(char) -> T) -> Vec<T> {
    (0..0x1F00u32).map(|u| char::from_u32(u).map_or(surrogate, &answer)).collect()
}

fn char_case_by_rules(c: char) -> CharCase {
    let (letter, lower) = letter_case(c);
    if has_simple_case(c) {
        let capital = letter && !lower;
        CharCase { letter, capital, own_lower: !capital }
    } else {
        CharCase { letter, capital: is_capital(c), own_lower: is_own_lower_case(c) }
    }
}

/// Whether `c` is an upper-case letter ([`char::is_uppercase`], by [`letter_case`]'s
/// shortcuts where they apply: every letter there is upper or lower case).
#[inline]
pub fn is_capital(c: char) -> bool {
    if has_simple_case(c) {
        let (letter, lower) = letter_case(c);
        letter && !lower
    } else {
        c.is_uppercase()
    }
}

/// Whether lowering `c` leaves it as it is.
#[inline]
pub fn is_own_lower_case(c: char) -> bool {
    if has_simple_case(c) {
        !is_capital(c)
    } else {
        let mut lower = c.to_lowercase();
        lower.len() == 1 && lower.next() == Some(c)
    }
}

/// The ranges [`letter_case`] answers itself, where a letter is upper or lower case
/// and lowers to one character.
#[inline]
fn has_simple_case(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{7F}' | '\u{C0}'..='\u{FF}' | '\u{1EA0}'..='\u{1EF9}') || vietnamese_pair(c).is_some()
}

/// The Vietnamese letters outside those blocks (ă đ ĩ ũ ơ ư, as frequent as any
/// vowel): whether `c` is one, and the lower-case one.
#[inline]
pub(crate) fn vietnamese_pair(c: char) -> Option<bool> {
    match c {
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => Some(true),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => Some(false),
        _ => None,
    }
}

/// Whether `c` is a letter and whether it is a lower-case one: [`char::is_alphabetic`]
/// and [`char::is_lowercase`], with ASCII, Latin-1 and the Vietnamese block (where
/// upper and lower case alternate) answered without Unicode's tables.
#[inline]
pub fn letter_case(c: char) -> (bool, bool) {
    match c {
        'a'..='z' | '\u{DF}'..='\u{F6}' | '\u{F8}'..='\u{FF}' => (true, true),
        'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => (true, false),
        '\u{0}'..='\u{BF}' if c.is_ascii() => (false, false),
        '\u{1EA0}'..='\u{1EF9}' => (true, u32::from(c) % 2 == 1),
        _ => match vietnamese_pair(c) {
            Some(lower) => (true, lower),
            None => (c.is_alphabetic(), c.is_lowercase()),
        },
    }
}

/// The comparison key of a text: lower case, without diacritics, `đ` → `d`.
/// Vietnamese text that lost its diacritics to OCR or an old keyboard folds to
/// the same key as the correct spelling.
///
/// Char by char rather than through `nfd()`: NFD only reorders combining marks
/// (canonical class > 0), which are all dropped here (a test checks every
/// char), so decomposing each char alone gives the same key without the
/// iterator's buffering; ASCII, most of any text, is lowered directly.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_char(c, &mut out));
    out
}

/// Whether `fold(text)` starts with `prefix`, folding only as much of `text` as that takes.
pub fn fold_starts_with(text: &str, prefix: &str) -> bool {
    let mut out = String::with_capacity(prefix.len() + 4);
    for c in text.chars() {
        if out.len() >= prefix.len() {
            break;
        }
        fold_char(c, &mut out);
        if !(out.starts_with(prefix) || prefix.starts_with(out.as_str())) {
            return false;
        }
    }
    out.starts_with(prefix)
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match FOLDED.get(c as usize) {
        Some(&NO_CHAR) => {}
        Some(&one) if one != MANY_CHARS => out.push(char::from_u32(one).unwrap_or(c)),
        _ => fold_by_tables(c, out),
    }
}

/// [`FOLDED`]: the char folds to nothing (a combining mark) / to more than one char.
const NO_CHAR: u32 = 0;
const MANY_CHARS: u32 = u32::MAX;

/// [`fold_by_tables`] of every char below U+1F00 (Latin, combining marks, the
/// Vietnamese block), computed once: every word of every paragraph that is
/// compared by its key passes here, and three Unicode table look-ups per letter
/// were a tenth of the cost of reading a name.
static FOLDED: LazyLock<Vec<u32>> = LazyLock::new(|| {
    below_greek_extended(MANY_CHARS, |c| {
        let mut s = String::new();
        fold_by_tables(c, &mut s);
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (None, _) => NO_CHAR,
            (Some(one), None) if one != '\0' => u32::from(one),
            _ => MANY_CHARS,
        }
    })
});

fn fold_by_tables(c: char, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !unicode_normalization::char::is_combining_mark(d) {
            for l in d.to_lowercase() {
                out.push(if l == 'đ' || l == 'ð' { 'd' } else { l });
            }
        }
    });
}

/// The base letter of a Vietnamese letter (without diacritics), keeping case.
fn base_letter(c: char) -> char {
    let base: String = c.to_string().nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    match c {
        'đ' | 'ð' => 'd',
        'Đ' | 'Ð' => 'D',
        _ => base.chars().next().unwrap_or(c),
    }
}

/// A regex fragment that matches `word` case-insensitively, with each letter
/// as printed or without its diacritics (OCR loss), any run of spaces between words,
/// and either tone placement of the open syllables oa/oe/uy.
pub fn word_pattern(word: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = word.nfc().collect();
    let is_vowel = |c: Option<&char>| c.is_some_and(|&c| !vowel_family(base_letter(c)).is_empty());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            out.push_str(r"\s+");
            continue;
        }
        let base = base_letter(c);
        let mut alternatives = vec![c, base];
        match base.to_ascii_lowercase() {
            'd' => alternatives.extend(['đ', 'ð', 'Đ', 'Ð']),
            // Old/new tone placement moves the mark between the two vowels of oa/oe/uy.
            _ if is_vowel(i.checked_sub(1).and_then(|j| chars.get(j))) || is_vowel(chars.get(i + 1)) => {
                alternatives.extend(vowel_family(base));
            }
            // A vowel alone may lose marks to OCR ("Quyêt", "Ke hoach"), not gain them:
            // "Cống Văn Lý" is a sluice, not a "Công văn".
            'a' | 'e' | 'o' | 'u' | 'y' | 'i' => {
                alternatives.extend(vowel_family(base).into_iter().filter(|&v| marks_within(v, c)));
            }
            _ => {}
        }
        alternatives.sort_unstable();
        alternatives.dedup();
        if alternatives.len() == 1 {
            out.push_str(&regex::escape(&c.to_string()));
        } else {
            out.push('[');
            for a in alternatives {
                out.push_str(&regex::escape(&a.to_string()));
            }
            out.push(']');
        }
    }
    format!("(?i:{out})")
}

/// Whether every diacritic of `v` is one of `c`'s ("ê" and "é" are within "ế", "ố" is not within "ô").
fn marks_within(v: char, c: char) -> bool {
    let marks_of = |x: char| std::iter::once(x.to_lowercase().next().unwrap_or(x)).nfd().skip(1).collect::<Vec<char>>();
    let of_c = marks_of(c);
    marks_of(v).iter().all(|m| of_c.contains(m))
}

/// Every toned and untoned form of a base vowel (lower case; the pattern is case-insensitive).
fn vowel_family(base: char) -> Vec<char> {
    const FAMILIES: &[&str] =
        &["aàáảãạăằắẳẵặâầấẩẫậ", "eèéẻẽẹêềếểễệ", "iìíỉĩị", "oòóỏõọôồốổỗộơờớởỡợ", "uùúủũụưừứửữự", "yỳýỷỹỵ"];
    let b = base.to_ascii_lowercase();
    FAMILIES.iter().find(|f| f.starts_with(b)).map(|f| f.chars().collect()).unwrap_or_default()
}

/// Expand the unambiguous abbreviations of a body name, token by token
/// ("UBND tỉnh Quảng Ngãi" → "Ủy ban nhân dân tỉnh Quảng Ngãi"). Abbreviations
/// with several readings ("TT", "CT") stay as printed.
pub fn expand_abbreviations(name: &str) -> String {
    let tokens: Vec<&str> = name.split_whitespace().map(|token| abbreviation_reading(token).unwrap_or(token)).collect();
    tokens.join(" ")
}

/// The reading of `token` when it is an unambiguous abbreviation.
fn abbreviation_reading(token: &str) -> Option<&'static str> {
    /// The reading of each unambiguous abbreviation (the first row's, as the table
    /// is read top down): one look-up per token, not a pass over the table.
    static READING: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        let mut reading = HashMap::default();
        for a in ABBREVIATIONS.iter().filter(|a| a.readings.len() == 1) {
            reading.entry(a.abbreviation.as_str()).or_insert(a.readings[0].as_str());
        }
        reading
    });
    READING.get(token).copied()
}

/// A unit name in one form, to group one unit printed two ways: NFC, single
/// spaces, unambiguous abbreviations written out, a leading "các", "những",
/// "đồng chí" or "đ/c" dropped.
pub fn canonical_unit(unit: &str) -> String {
    let nfc = crate::normalize::nfc(unit);
    let words: Vec<&str> = nfc.split_whitespace().collect();
    // Char by char: none of these words holds a sigma, the one letter whose lower case
    // `str::to_lowercase` reads from its neighbours, so no word needs lowering whole.
    let is = |at: usize, lower: &str| {
        words.get(at).is_some_and(|w| w.chars().flat_map(char::to_lowercase).eq(lower.chars()))
    };
    let mut from = 0;
    loop {
        if ["các", "những", "đ/c"].iter().any(|l| is(from, l)) {
            from += 1;
        } else if is(from, "đồng") && is(from + 1, "chí") {
            from += 2;
        } else {
            break;
        }
    }
    // The words are already split at whitespace: each is written out as
    // [`expand_abbreviations`] would, with no joined string to split again.
    let mut out = String::with_capacity(unit.len() + 16);
    for (k, &w) in words[from..].iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(abbreviation_reading(w).unwrap_or(w));
    }
    out
}

/// `grammars/issuer-codes.tsv`: issuer codes, their scope and level.
pub(crate) const ISSUER_CODES_TSV: &str = include_str!("../grammars/issuer-codes.tsv");
/// `grammars/doc-type-codes.tsv`: type codes and the words that name them.
pub(crate) const DOC_TYPE_CODES_TSV: &str = include_str!("../grammars/doc-type-codes.tsv");

/// The rows of a grammar TSV, comments and blank lines skipped, split at tabs.
pub(crate) fn grammar_rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// `grammars/citation-names.tsv`: the words that decide where a cited document's name ends.
const CITATION_NAMES_TSV: &str = include_str!("../grammars/citation-names.tsv");

/// What a row of `grammars/citation-names.tsv` says of its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameWordRole {
    /// A fixed expression whose halves a comma joins inside one name ("phòng, chống").
    Comma,
    /// A common noun printed with a capital ("Nhân dân"), which makes no description a proper name.
    Common,
    /// Words that open the description of one document of a class there are few of, so the
    /// description names it ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới").
    Class,
}

/// A row of `grammars/citation-names.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameWords {
    /// What the words do to a name.
    pub role: NameWordRole,
    /// The expression or noun as printed.
    pub words: String,
    /// "text => name; name": the names the citation extractor must read in the text.
    pub examples: Vec<String>,
    /// The same form, where the row must not apply.
    pub counter_examples: Vec<String>,
    /// Line in the file, for error messages.
    pub line: usize,
}

/// The rows of `grammars/citation-names.tsv` in file order; a row of an unknown kind is
/// left out (a test checks that none is).
pub static CITATION_NAME_WORDS: LazyLock<Vec<NameWords>> = LazyLock::new(|| {
    tsv_rows(CITATION_NAMES_TSV)
        .filter_map(|(line, c)| {
            let role = match c[0] {
                "comma" => NameWordRole::Comma,
                "common" => NameWordRole::Common,
                "class" => NameWordRole::Class,
                _ => return None,
            };
            Some(NameWords {
                role,
                words: c.get(1).copied().unwrap_or_default().to_string(),
                examples: list(c.get(2)),
                counter_examples: list(c.get(3)),
                line,
            })
        })
        .collect()
});

/// An appendix's label, in capitals or title case: "PHỤ LỤC II", "Phụ lục số 02:"; group 1
/// is its number as printed. Segment opens an appendix at it, sections name the appendix by it.
pub static APPENDIX_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:PH[ỤU]\s*L[ỤU]C|Ph[ụu]\s*l[ụu]c)(?:\s+(?:(?i:số)\s+)?([IVXL]+|[0-9]{1,2})\b)?\s*[.:]?\s*").unwrap()
});

/// "Hà Nội, ngày 25 tháng 4 năm 2026" and the forms with blanks, without comma or with one
/// before the year, or in figures ("ngày 25/4/2026": groups `nd`, `nm`, `ny`). The place
/// is up to four capitalized words or abbreviations ("TP.", "Tp.", "TP.Hồ Chí Minh"), joined
/// by spaces or a hyphen ("Phan Rang-Tháp Chàm"), the first of them possibly one capital
/// ("U Minh Thượng"), after a level of two words whose second is in lower case
/// ("Thành phố Hồ Chí Minh", the levels of `grammars/levels-of-place.tsv`); never inside a
/// word ("…/QĐ-TTg ngày 01 tháng 8" names no place "Tg"). Not `\b`, which would keep the
/// search off the lazy DFA on non-ASCII text: the match may start one char before the place.
pub static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    const ABBREVIATION: &str = r"(?:\p{Lu}{1,3}\.|\p{Lu}\p{Ll}\.)";
    // Highland names keep an apostrophe: "Cư M'gar", "Ea H'leo", "M'Drắk".
    const WORD: &str = r"(?:\p{Lu}[\p{Ll}'’][\p{L}'’]*|\p{Lu}{1,3}\.|\p{Lu}\p{Ll}\.)";
    let levels: Vec<String> =
        LEVELS_OF_PLACE_SPELLED.iter().filter(|l| l.contains(' ')).map(|l| regex::escape(l)).collect();
    let levels = levels.join("|");
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}])(?P<place>(?:(?i:{levels})\s+)?(?:{ABBREVIATION}\s?)?(?:\p{{Lu}}[ \t])?{WORD}(?:(?:\s|\s?[-–]\s?){WORD}){{0,3}})\s*,?\s*(?i:{DAY_WORD})\s+(?:(?P<d>[0-9.…_ ]*?)\s*(?i:{MONTH_WORD})\s+(?P<m>[0-9.…_ ]*?)\s*,?\s*(?i:{YEAR_WORD})\s+(?P<y>[0-9]{{4}})|(?P<nd>[0-9]{{1,2}})\s*[/-]\s*(?P<nm>[0-9]{{1,2}})\s*[/-]\s*(?P<ny>[0-9]{{4}}))"
    ))
    .unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_types_load_with_unique_words_and_examples() {
        assert!(DOC_TYPES.len() >= 38, "doc-types.tsv rows: {}", DOC_TYPES.len());
        let mut words: Vec<String> = DOC_TYPES.iter().map(|t| fold(&t.word)).collect();
        words.sort();
        let before = words.len();
        words.dedup();
        assert_eq!(before, words.len(), "duplicate type words in grammars/doc-types.tsv");
        for t in DOC_TYPES.iter() {
            assert!(!t.abbreviation.is_empty(), "grammars/doc-types.tsv:{}: no abbreviation", t.line);
            assert!(!t.examples.is_empty(), "grammars/doc-types.tsv:{}: no example", t.line);
        }
    }

    #[test]
    fn one_unit_printed_two_ways_is_one() {
        assert_eq!(canonical_unit("các UBND  phường"), canonical_unit("Ủy ban nhân dân phường"));
        assert_eq!(canonical_unit("Đồng chí Chủ tịch"), "Chủ tịch");
    }

    #[test]
    fn authority_rows_hold_for_their_examples_and_not_their_counter_examples() {
        let rows: Vec<_> = tsv_rows(AUTHORITIES_TSV).collect();
        assert!(rows.len() >= 20, "authorities.tsv rows: {}", rows.len());
        for (line, c) in rows {
            assert_eq!(c.len(), 3, "grammars/authorities.tsv:{line}: three columns");
            assert!(opens_authority(c[1]), "grammars/authorities.tsv:{line}: {:?} is an authority line", c[1]);
            assert!(!opens_authority(c[2]), "grammars/authorities.tsv:{line}: {:?} goes on a title", c[2]);
        }
    }

    #[test]
    fn abbreviation_examples_expand_as_stated() {
        for a in ABBREVIATIONS.iter().filter(|a| a.readings.len() == 1) {
            let (input, expected) = a.example.split_once(" => ").expect("example has =>");
            assert_eq!(expand_abbreviations(input), expected, "grammars/abbreviations.tsv:{}", a.line);
        }
    }

    #[test]
    fn fold_char_by_char_is_fold_of_nfd() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        // Char by char is NFD with the marks dropped only if every reorderable char is dropped.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(canonical_combining_class(c) == 0 || is_combining_mark(c), "{c:?}");
        }
        let nfd = |t: &str| -> String {
            t.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'đ' || c == 'ð' { 'd' } else { c })
                .collect()
        };
        for t in ["Quyết ĐỊNH số 12/QĐ-UBND", "Ðảng uỷ", "hoa\u{300} ǅ İ ẞ Ω ﬁ", "Ủy ban nhân dân tỉnh Lào Cai"]
        {
            assert_eq!(fold(t), nfd(t), "{t}");
            for prefix in ["", "q", "quyet d", "dang uy", "hoa", "uy ban nhan dan tinh lao cai", "x"] {
                assert_eq!(fold_starts_with(t, prefix), nfd(t).starts_with(prefix), "{t} {prefix}");
            }
        }
    }

    #[test]
    fn char_case_agrees_with_unicode() {
        for c in (0..0x2100u32).filter_map(char::from_u32) {
            let want =
                CharCase { letter: c.is_alphabetic(), capital: c.is_uppercase(), own_lower: c.to_lowercase().eq([c]) };
            assert_eq!(char_case(c), want, "{c:?}");
        }
    }

    #[test]
    fn fold_table_agrees_with_unicode_tables() {
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char(c, &mut fast);
            if c.is_ascii() {
                slow.push(c.to_ascii_lowercase());
            } else {
                fold_by_tables(c, &mut slow);
            }
            assert_eq!(fast, slow, "{c:?}");
        }
    }

    #[test]
    fn fold_ignores_case_diacritics_and_ocr_eth() {
        assert_eq!(fold("Quyết ĐỊNH"), "quyet dinh");
        assert_eq!(fold("Quyết Ðịnh"), "quyet dinh");
        assert_eq!(fold("hoà"), fold("hòa"));
    }

    #[test]
    fn lower_case_is_to_lowercase() {
        for u in (0..0x2100u32).filter(|u| char::from_u32(*u).is_some()) {
            let c = char::from_u32(u).unwrap();
            for t in [format!("{c}"), format!("Ủy {c}"), format!("A{c}b"), format!("{c}Σ"), format!("ΑΣ{c}")] {
                assert_eq!(lower_case(&t), t.to_lowercase(), "{t:?}");
            }
        }
    }

    #[test]
    fn letter_questions_agree_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn char_case_agrees_with_its_three_questions() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = CharCase { letter: letter_case(c).0, capital: is_capital(c), own_lower: is_own_lower_case(c) };
            assert_eq!(char_case(c), want, "{c:?}");
        }
    }

    #[test]
    fn letter_case_agrees_with_unicode() {
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            assert_eq!(letter_case(c), (c.is_alphabetic(), c.is_lowercase()), "{c:?}");
        }
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_own_lower_case(c), c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(is_upper("ỦY BAN NHÂN DÂN") && is_upper("UBND") && !is_upper("Ủy ban") && !is_upper("A"));
    }

    #[test]
    fn word_pattern_accepts_lost_diacritics_and_case() {
        let re = regex::Regex::new(&format!("^{}$", word_pattern("Quyết định"))).unwrap();
        for ok in ["Quyết định", "QUYẾT ĐỊNH", "Quyet dinh", "Quyết Ðịnh", "quyết  định"] {
            assert!(re.is_match(ok), "{ok}");
        }
        assert!(!re.is_match("Quy định"));
        let re = regex::Regex::new(&format!("^{}$", word_pattern("Công văn"))).unwrap();
        for ok in ["Công văn", "CÔNG VĂN", "Cong van", "Công van"] {
            assert!(re.is_match(ok), "{ok}");
        }
        assert!(!re.is_match("Cống Văn"), "a vowel alone gains no tone");
        let re = regex::Regex::new(&format!("^{}$", word_pattern("Giấy ủy quyền"))).unwrap();
        assert!(re.is_match("Giấy uỷ quyền"));
    }

    #[test]
    fn citation_name_rows_have_a_known_kind_words_and_examples() {
        assert_eq!(
            CITATION_NAME_WORDS.len(),
            tsv_rows(CITATION_NAMES_TSV).count(),
            "unknown kind in citation-names.tsv"
        );
        for w in CITATION_NAME_WORDS.iter() {
            let at = format!("grammars/citation-names.tsv:{}", w.line);
            assert!(!w.words.is_empty(), "{at}: no words");
            assert_eq!(w.words.matches(',').count(), usize::from(w.role == NameWordRole::Comma), "{at}: {}", w.words);
            assert!(!w.examples.is_empty() || !w.counter_examples.is_empty(), "{at}: no example");
            for e in w.examples.iter().chain(&w.counter_examples) {
                assert!(e.contains(" =>"), "{at}: {e:?} says what it reads after \" => \"");
            }
        }
    }
}
