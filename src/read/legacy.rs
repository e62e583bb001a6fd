//! The pre-Unicode Vietnamese font encodings TCVN3 and VNI-Windows: their
//! tables, embedded from `grammars/encodings/*.tsv`, and a one-pass decoder.
//!
//! Both are "font encodings": the file holds Windows-1252 bytes and the font
//! draws Vietnamese letters in place of some of them. So a byte without a row
//! decodes as Windows-1252 shows it (ASCII, curly quotes, dashes), which is what
//! the author saw for those bytes too.
//!
//! TCVN3 maps one byte to one letter. Its normal fonts have no toned capitals
//! (headings used the "H" fonts with the same bytes), so toned letters decode to
//! lower case; only Ă Â Ê Ô Ơ Ư Đ exist as capitals. VNI-Windows writes most
//! letters as an ASCII base letter plus a diacritic byte; decoding takes the
//! longest row that matches (two bytes before one).

use std::sync::LazyLock;

use super::Encoding;

/// One row of an encoding table: the bytes in the file and the letter they stand for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegacyRow {
    /// One or two bytes.
    pub bytes: Vec<u8>,
    /// The Unicode letter (NFC).
    pub letter: char,
}

/// A decoding table: what each byte means alone, and which two-byte rows start with it.
struct Table {
    rows: Vec<LegacyRow>,
    single: [char; 256],
    /// `pairs[first][second]`, present only for bytes that start a two-byte row.
    pairs: [Option<Box<[Option<char>; 256]>>; 256],
}

static TCVN3: LazyLock<Table> =
    LazyLock::new(|| Table::parse("tcvn3.tsv", include_str!("../../grammars/encodings/tcvn3.tsv")));
static VNI: LazyLock<Table> =
    LazyLock::new(|| Table::parse("vni.tsv", include_str!("../../grammars/encodings/vni.tsv")));

fn table(encoding: Encoding) -> Option<&'static Table> {
    match encoding {
        Encoding::Tcvn3 => Some(&TCVN3),
        Encoding::VniWindows => Some(&VNI),
        _ => None,
    }
}

/// The rows of the table for `encoding` (TCVN3 or VNI-Windows), in file order;
/// empty for any other encoding. Useful for building an encoder (the tests do).
pub fn rows(encoding: Encoding) -> &'static [LegacyRow] {
    table(encoding).map_or(&[], |t| t.rows.as_slice())
}

/// Decode `bytes` from TCVN3 or VNI-Windows in one pass. Any other encoding is
/// a caller's mistake and decodes as Windows-1252. TCVN3 headings get their
/// capitals back ([`restore_heading_case`]).
pub fn decode(encoding: Encoding, bytes: &[u8]) -> String {
    let text = decode_bytes(encoding, bytes);
    match encoding {
        Encoding::Tcvn3 => restore_heading_case(text),
        _ => text,
    }
}

fn decode_bytes(encoding: Encoding, bytes: &[u8]) -> String {
    let Some(table) = table(encoding) else {
        return encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned();
    };
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let pair = table.pairs[usize::from(bytes[i])]
            .as_ref()
            .zip(bytes.get(i + 1))
            .and_then(|(seconds, &second)| seconds[usize::from(second)]);
        match pair {
            Some(letter) => {
                out.push(letter);
                i += 2;
            }
            None => {
                out.push(table.single[usize::from(bytes[i])]);
                i += 1;
            }
        }
    }
    out
}

/// Give TCVN3 headings back their toned capitals.
///
/// A heading set in an "H" font was typed with the bytes of toned small letters,
/// often after capital ASCII letters: "KẾ HOẠCH" decodes as "Kế HOạCH", "KT. CHỦ
/// TỊCH" as "KT. CHủ TịCH". A word with two ASCII capitals, no small ASCII letter and
/// a small toned letter can only be such a heading ("HOạCH"); on its line every word
/// without a small ASCII letter is upper-cased ("Kế" too). A line without such a
/// word stays as decoded: "Số: 45/KH-UBND" is title case, not a heading. Upper-casing
/// a Vietnamese letter keeps its UTF-8 length, so offsets do not move.
fn restore_heading_case(text: String) -> String {
    if !text.lines().any(|line| line.split(|c: char| !c.is_alphabetic()).any(is_h_font_word)) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !line.split(|c: char| !c.is_alphabetic()).any(is_h_font_word) {
            out.push_str(line);
            continue;
        }
        let mut word_start = 0;
        for (i, c) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
            if c.is_alphabetic() {
                continue;
            }
            let word = &line[word_start..i];
            if word.bytes().any(|b| b.is_ascii_lowercase()) {
                out.push_str(word);
            } else {
                out.extend(word.chars().map(upper_same_length));
            }
            if i < line.len() {
                out.push(c);
            }
            word_start = i + c.len_utf8();
        }
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// "HOạCH": two ASCII capitals or more, no small ASCII letter, a small non-ASCII letter.
fn is_h_font_word(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).nth(1).is_some()
        && !word.bytes().any(|b| b.is_ascii_lowercase())
        && word.chars().any(|c| !c.is_ascii() && c.is_lowercase())
}

/// The capital of `c` when it is one char of the same UTF-8 length (every
/// Vietnamese letter's is), else `c`.
fn upper_same_length(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if u.len_utf8() == c.len_utf8() => u,
        _ => c,
    }
}

/// What Windows-1252 shows for `byte`.
fn windows_1252(byte: u8) -> char {
    let mut buf = [0u8; 4];
    let (_, _, written, _) =
        encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling().decode_to_utf8(&[byte], &mut buf, true);
    std::str::from_utf8(&buf[..written]).ok().and_then(|s| s.chars().next()).unwrap_or('\u{FFFD}')
}

impl Table {
    /// Parse an embedded table. A malformed row is a defect of the shipped data
    /// (the unit tests parse every table), so it panics naming the file and line.
    fn parse(file: &str, tsv: &str) -> Table {
        let mut single: [char; 256] = std::array::from_fn(|b| windows_1252(b as u8));
        let mut pairs: [Option<Box<[Option<char>; 256]>>; 256] = std::array::from_fn(|_| None);
        let mut rows = vec![];
        let lines = tsv.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()).skip(1);
        for (n, line) in lines {
            let row = parse_row(line).unwrap_or_else(|why| panic!("{file}:{}: {why}: {line:?}", n + 1));
            match row.bytes[..] {
                [b] => single[usize::from(b)] = row.letter,
                [first, second] => {
                    let seconds = pairs[usize::from(first)].get_or_insert_with(|| Box::new([None; 256]));
                    seconds[usize::from(second)] = Some(row.letter);
                }
                _ => unreachable!("parse_row returns one or two bytes"),
            }
            rows.push(row);
        }
        Table { rows, single, pairs }
    }
}

fn parse_row(line: &str) -> Result<LegacyRow, String> {
    let mut cols = line.split('\t');
    let (Some(hex), Some(letter), Some(codepoint), None) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
        return Err("expected three tab-separated columns".into());
    };
    let bytes = hex
        .split(' ')
        .map(|h| u8::from_str_radix(h, 16).map_err(|e| format!("bad byte {h:?}: {e}")))
        .collect::<Result<Vec<u8>, String>>()?;
    if !(1..=2).contains(&bytes.len()) || bytes[0] < 0x80 && bytes.len() == 1 {
        return Err("a row is one non-ASCII byte or two bytes".into());
    }
    let mut chars = letter.chars();
    let (Some(letter), None) = (chars.next(), chars.next()) else {
        return Err("the letter column must hold one character".into());
    };
    let expected = codepoint
        .strip_prefix("U+")
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or_else(|| format!("bad code point {codepoint:?}"))?;
    if u32::from(letter) != expected {
        return Err(format!("letter is U+{:04X}, code point column says {codepoint}", u32::from(letter)));
    }
    Ok(LegacyRow { bytes, letter })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};
    use unicode_normalization::UnicodeNormalization;

    const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

    /// Every Vietnamese letter, lower case.
    const LETTERS: &str = "aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ";

    #[test]
    fn tables_parse_without_duplicate_byte_sequences() {
        for encoding in [Encoding::Tcvn3, Encoding::VniWindows] {
            let mut seen = HashSet::new();
            for row in rows(encoding) {
                assert!(seen.insert(&row.bytes), "{}: {:02X?} twice", encoding.name(), row.bytes);
            }
        }
        assert_eq!(rows(Encoding::Tcvn3).len(), 74);
        assert_eq!(rows(Encoding::VniWindows).len(), 134);
        assert!(rows(Encoding::Utf8).is_empty());
    }

    #[test]
    fn vni_holds_every_letter_in_both_cases() {
        let letters: HashSet<char> = rows(Encoding::VniWindows).iter().map(|r| r.letter).collect();
        for c in LETTERS.chars().filter(|c| !c.is_ascii()) {
            assert!(letters.contains(&c), "vni lacks {c}");
            let upper = c.to_uppercase().next().unwrap();
            assert!(letters.contains(&upper), "vni lacks {upper}");
        }
    }

    #[test]
    fn tcvn3_holds_every_lower_case_letter() {
        let letters: HashSet<char> = rows(Encoding::Tcvn3).iter().map(|r| r.letter).collect();
        for c in LETTERS.chars().filter(|c| !c.is_ascii()) {
            assert!(letters.contains(&c), "tcvn3 lacks {c}");
        }
    }

    /// The round trip cannot catch two swapped rows (its encoder inverts the same
    /// table), so the tables are checked against their layouts: in TCVN3 each
    /// vowel's toned letters lie in the order grave, hook, tilde, acute, dot.
    #[test]
    fn tcvn3_rows_follow_the_tone_order() {
        let byte_of: HashMap<char, u8> = rows(Encoding::Tcvn3).iter().map(|r| (r.letter, r.bytes[0])).collect();
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            let bytes: Vec<u8> = TONES.iter().map(|t| byte_of[&format!("{vowel}{t}").nfc().next().unwrap()]).collect();
            assert!(bytes.is_sorted() && bytes.windows(2).all(|w| w[0] != w[1]), "{vowel}: {bytes:02X?}");
        }
    }

    /// In VNI each diacritic byte means one thing whatever vowel it follows, and
    /// its upper-case form is the same byte minus 0x20.
    #[test]
    fn vni_diacritic_bytes_mean_one_thing() {
        let mut meaning: HashMap<u8, String> = HashMap::new();
        for row in rows(Encoding::VniWindows).iter().filter(|r| r.bytes.len() == 2) {
            let (base, mark) = (row.bytes[0], row.bytes[1]);
            let decomposed: String = std::iter::once(row.letter).nfd().collect();
            let base_letter = decode(Encoding::VniWindows, &[base]);
            let marks = decomposed.nfd().skip(1).collect::<String>();
            let base_marks = base_letter.nfd().skip(1).collect::<String>();
            assert!(decomposed.nfd().next() == base_letter.nfd().next(), "{:02X?} {}", row.bytes, row.letter);
            // Horn (ơ ư) belongs to the single-byte base; the rest is the diacritic byte's.
            let own: String = marks.chars().filter(|m| !base_marks.contains(*m)).collect();
            let lower = if mark < 0xE0 { mark + 0x20 } else { mark };
            let known = meaning.entry(lower).or_insert_with(|| own.clone());
            assert_eq!(*known, own, "{:02X?} {}: byte {mark:02X} means two things", row.bytes, row.letter);
        }
        assert_eq!(meaning.len(), 17, "5 tones, circumflex and 5 tones with it, breve and 5 tones with it");
    }

    #[test]
    fn tcvn3_decodes_the_national_motto() {
        // "Cộng hoà xã hội chủ nghĩa Việt Nam" as .VnTime stores it; the heading
        // capitals of an H font come back lower case.
        let bytes = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam \xa7\xae";
        assert_eq!(decode(Encoding::Tcvn3, bytes), "Cộng hoà xã hội chủ nghĩa Việt Nam Đđ");
    }

    #[test]
    fn tcvn3_headings_get_their_capitals_back() {
        // "KẾ HOẠCH", "KT. CHỦ TỊCH" and "PHỤ LỤC I" typed in .VnTimeH over ASCII capitals.
        let bytes = b"K\xd5 HO\xb9CH\nKT. CH\xf1 T\xdeCH\nPH\xf4 L\xf4C I\n";
        assert_eq!(decode(Encoding::Tcvn3, bytes), "KẾ HOẠCH\nKT. CHỦ TỊCH\nPHỤ LỤC I\n");
        // Title case and running text keep their small letters, even beside ASCII capitals.
        assert_eq!(decode(Encoding::Tcvn3, b"S\xe8: 45/KH-UBND"), "Số: 45/KH-UBND");
        assert_eq!(decode(Encoding::Tcvn3, b"K\xd5 ho\xb9ch s\xe8 12/KH-UBND"), "Kế hoạch số 12/KH-UBND");
        // The heading word makes its line a heading, the running text after it stays.
        assert_eq!(decode(Encoding::Tcvn3, b"K\xd5 HO\xb9CH tri\xd3n khai"), "KẾ HOẠCH triển khai");
    }

    #[test]
    fn vni_takes_the_longest_match() {
        // "Độc lập - Tự do - Hạnh phúc"; "ô" alone is ơ, "ôï" is ợ, "oä" is ộ.
        let bytes = b"\xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c \xf4 \xf4\xef";
        assert_eq!(decode(Encoding::VniWindows, bytes), "Độc lập - Tự do - Hạnh phúc ơ ợ");
        // A diacritic byte with nothing to attach to is shown as Windows-1252 shows it.
        assert_eq!(decode(Encoding::VniWindows, b"\xf9 \x93x\x94"), "ù “x”");
    }

    #[test]
    fn malformed_rows_are_refused() {
        assert!(parse_row("E1\tá\tU+00E1").is_ok());
        assert!(parse_row("E1\tá").is_err());
        assert!(parse_row("61\ta\tU+0061").is_err(), "a single ASCII byte cannot be a row");
        assert!(parse_row("61 F9 F9\tá\tU+00E1").is_err());
        assert!(parse_row("E1\ta\u{301}\tU+00E1").is_err(), "decomposed letter");
        assert!(parse_row("E1\tá\tU+00E0").is_err(), "wrong code point");
    }
}
