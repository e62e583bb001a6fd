//! `line-joins`: a sentence broken over lines — by a hard wrap (Gazette pages,
//! OCR, pdftotext: a newline every ~80 characters), a page break (after
//! `page-furniture` removed it) or a converter's blank line — becomes one line;
//! the break becomes one space, or nothing after a hyphen or slash inside a
//! symbol ("53/KH-\nUBND" → "53/KH-UBND").
//!
//! The segmenter needs the structure, so a join needs evidence and is refused:
//! - into a line that starts with a heading or label ("I.", "1.", "1)", "3.1.",
//!   "a)", "a.", "(1)", "-", "+", "•", "Điều 5.", also after an opening quote);
//! - out of or into an all-uppercase line (headers, type titles, signature
//!   blocks; for the next line its first two words decide);
//! - after a line that ends a sentence or a label (". : ; ! ? …", "./.",
//!   also behind a closing quote or bracket) or ends in "này"/"đó";
//! - into or out of a line with a run of four spaces or a tab (two-column
//!   layout, whose runs the segmenter splits on; runs inside lines are kept),
//!   or with two pipes (a table row printed without its border);
//! - out of a line with no letter (a number or a date on its own);
//! - across more than three blank lines;
//! - into a header's date line ("Đức Phổ, ngày 22 tháng 8 năm 2017").
//!
//! The evidence, when nothing refuses:
//! - the next line starts in lower case (after an optional opening quote or
//!   bracket): "…chính sách\nđối với…", "Thực hiện quy chế dân chủ ở cơ sở\nvà
//!   công tác…" — across up to three blank lines;
//! - it starts with a number that continues a phrase ("2024;", "13 tháng",
//!   "26/2023/NĐ-CP") — across at most one blank line; "1 Các …" (a footnote)
//!   is no continuation;
//! - with no blank line between: the previous line ends in a word that cannot
//!   end a sentence ("của", "và", "với", "về", "các", …), or in a comma, or in a
//!   capitalized word ("…của Bộ\nNông nghiệp"), or the next line starts with a
//!   name of two capitalized words ("…tổng hợp báo cáo\nBan Bí thư…"), when the
//!   line so far has 50 characters or more (a wrapped line, not a short heading);
//! - across one blank line: the line so far is a body paragraph of 100
//!   characters or more that ends mid-sentence ("…của Ban Thường vụ\n\nThành
//!   uỷ…") and the next line starts with a capital letter but not like a
//!   paragraph after a title ("Căn cứ", "Thực hiện", "Theo đề nghị", …); a
//!   short title followed by its paragraph is not joined either, nor a trích
//!   yếu under its type title, however long.
//!
//! Every test looks at the logical line joined so far, never at the physical
//! line alone, so a second run sees exactly what the first did: idempotent.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use super::lines::{Line, lines};
use super::{NormalizeStep, Rewrite};
use crate::grammar::{is_upper, is_upper_chars};

/// Joins lines broken inside a sentence.
pub struct LineJoins;

/// The fewest characters of a line that a hard wrap left: a shorter line followed by a
/// capitalized one is a heading, which no sentence goes on from.
pub(crate) const WRAPPED_LINE: usize = 50;

/// Words that cannot end a sentence or a heading line.
const CONTINUING_WORDS: &[&str] = &[
    "của", "và", "với", "về", "các", "cho", "tại", "theo", "trong", "đối", "từ", "đến", "là", "được", "những", "hoặc",
    "để", "khi", "như", "do", "bởi", "giữa", "thuộc", "gồm", "cùng", "nhằm", "mà", "thì", "tới", "bằng", "hay", "một",
    "có", "sự", "việc", "qua",
];

/// How a paragraph after a title starts ("Căn cứ Luật…", "Thực hiện Kế hoạch…", a
/// letter's "Ngày 10/6/2024, Bộ … ban hành …", "Nhận được …", a notice's "Sau khi nghe
/// …"): never the continuation of the line before a blank line. A sentence broken there
/// goes on in lower case or with a name ("…của Ban Thường vụ\n\nThành uỷ…"), not with
/// a word that opens a sentence.
const PARAGRAPH_OPENINGS: &[&str] = &[
    "Căn cứ",
    "Thực hiện",
    "Theo ",
    "Xét ",
    "Trên cơ sở",
    "Để ",
    "Nhằm",
    "Ngày ",
    "Nhận được",
    "Liên quan",
    "Sau khi",
    "Triển khai",
    "Trong ",
    "Tại ",
    "Qua ",
    "Hôm nay",
    "Vừa qua",
    // A letter's addressees and a document's distribution list open blocks of their own.
    "Kính gửi",
    "Nơi nhận",
    // A Chỉ thị opens with the state of things: "Năm 2023, …", "Thời gian qua, …".
    "Năm 20",
    "Thời gian qua",
    "Thời gian vừa qua",
    "Những năm qua",
    "Những năm gần đây",
    "Hiện nay",
];

/// Whether `line` opens like a paragraph of its own ([`PARAGRAPH_OPENINGS`]).
pub(crate) fn opens_paragraph(line: &str) -> bool {
    PARAGRAPH_OPENINGS.iter().any(|o| line.starts_with(o))
}

/// Words that end a noun phrase, after which a capital starts a new sentence.
const CLOSING_WORDS: &[&str] = &["này", "đó"];

/// What the tests need of the logical line joined so far.
struct Logical<'t> {
    first: &'t str,
    chars: usize,
    all_upper: bool,
    columns: bool,
    /// It stands right under a type title ("CHỈ THỊ"): a trích yếu, which no body
    /// sentence goes on from across a blank line however long it is.
    under_type_title: bool,
    /// The start of a word the last physical line continues with no space ("Xaaaa-"
    /// then "đaaa"): after the join it is one word, so the tests read it whole, as
    /// a second pass over the joined text would.
    glued: Option<String>,
}

impl Logical<'_> {
    /// The last word of the logical line, whose last physical line is `a_end`.
    fn last_word<'a>(&'a self, a_end: &'a str) -> Cow<'a, str> {
        match &self.glued {
            Some(head) if !a_end.contains([' ', '\t']) => Cow::Owned(format!("{head}{a_end}")),
            _ => Cow::Borrowed(last_word(a_end)),
        }
    }
}

/// A run of four spaces or a tab inside the line: a column layout; or two pipes, the
/// cells of a table row ("1 | Rà soát … | Sở Nội vụ").
fn has_columns(s: &str) -> bool {
    static FOUR_SPACES: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("    "));
    let t = s.trim().as_bytes();
    memchr::memchr(b'\t', t).is_some() || FOUR_SPACES.find(t).is_some() || memchr::memchr_iter(b'|', t).nth(1).is_some()
}

fn strip_opening(s: &str) -> &str {
    s.trim_start_matches(['“', '"', '‘', '\'', '(', '[', '«'])
}

/// Whether a (left-trimmed) line starts with a heading or list label.
pub(crate) fn is_label(s: &str) -> bool {
    let s = s.trim_start_matches(['“', '"', '‘', '\'']);
    let mut chars = s.chars();
    let Some(c) = chars.next() else { return false };
    if matches!(c, '-' | '+' | '•' | '–' | '—' | '*' | '·' | '●' | '○' | '▪' | '♦') {
        return true;
    }
    // "Điều 5." also with the tone mark a scan misplaced ("Điêù 1."): the word folds to "dieu".
    let article = (c == 'Đ')
        .then(|| s.split_once(' '))
        .flatten()
        .filter(|(word, _)| crate::grammar::fold(word) == "dieu")
        .map(|(_, rest)| rest);
    if let Some(rest) = article {
        let digits = rest.trim_start().chars().take_while(char::is_ascii_digit).count();
        return digits > 0 && rest.trim_start()[digits..].trim_start().starts_with('.');
    }
    let followed = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    if c == '(' {
        let inner: String = chars.clone().take_while(|&c| c != ')').collect();
        return !inner.is_empty()
            && inner.len() <= 4
            && (inner.chars().all(|c| c.is_ascii_digit()) || inner.chars().all(|c| c.is_alphabetic()))
            && s[1 + inner.len()..].starts_with(')');
    }
    // "I.", "IV.", "1.", "1)", "3.1.", "a)", "đ.", "7.1" without its final dot, and "I-",
    // "1/", "a/" (followed by a space, as every label here)
    let token = s.split([' ', '\t']).next().unwrap_or("");
    let mut parts = token.split('.');
    // (later parts of one or two digits: "1.000" is a thousand)
    let numeric = |p: &str, max: usize| (1..=max).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    if token.contains('.') && parts.next().is_some_and(|p| numeric(p, 3)) && parts.all(|p| numeric(p, 2)) {
        return followed(&s[token.len()..]);
    }
    let Some(body) = token.strip_suffix(['.', ')', '/', '-', '–']) else { return false };
    let rest = &s[token.len()..];
    // "a-" or "1/" ending a line is a word or a symbol broken there, no label: after a
    // join it would not read as one, and a second pass must see what the first did.
    let slashed = token.ends_with(['/', '-', '–']);
    if !followed(rest) || body.is_empty() || slashed && rest.trim().is_empty() {
        return false;
    }
    let roman = body.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let numbered = body.split('.').all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
    let letter = body.chars().count() == 1 && body.chars().all(char::is_alphabetic);
    roman || numbered || letter
}

/// Whether a line ending in `end`, whose last word is `word`, stops mid-phrase: after a
/// comma, a dash that joins two parts of a name ("Lao động -\nThương binh và Xã hội") or
/// a word that cannot end it ("của", "và", "thuộc"), unless that word closes a phrase
/// that can ("các đơn vị trực thuộc").
fn continues_phrase(end: &str, word: &str) -> bool {
    const CLOSED_BY: &[&str] = &["trực thuộc"];
    let closed = || {
        CLOSED_BY.iter().any(|p| {
            end.len() >= p.len()
                && end.is_char_boundary(end.len() - p.len())
                && crate::grammar::lower_case(&end[end.len() - p.len()..]) == *p
                && end[..end.len() - p.len()].ends_with([' ', '\t'])
        })
    };
    end.ends_with(',') || end.ends_with(" -") || end.ends_with(" –") || is_one_of(word, CONTINUING_WORDS) && !closed()
}

/// Whether `line` stops mid-phrase (see [`continues_phrase`]).
pub(crate) fn ends_mid_phrase(line: &str) -> bool {
    continues_phrase(line, last_word(line))
}

fn last_word(s: &str) -> &str {
    strip_opening(s.rsplit([' ', '\t']).next().unwrap_or(""))
}

/// "Ban Bí thư", "Bộ Nội vụ": the next line starts with a name of two capitalized words.
fn starts_with_name(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let capitalized = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase) && !is_upper(w));
    capitalized(words.next()) && capitalized(words.next())
}

fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»', '*']);
    let last = core.chars().next_back();
    if matches!(last, Some('.' | ':' | ';' | '!' | '?' | '…')) {
        return true;
    }
    is_one_of(last_word(s), CLOSING_WORDS)
}

/// Whether `word`, lower-cased, is in `list`. Lower-casing never makes fewer
/// characters, so a word longer than every listed one is not lowered at all.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    word.chars().nth(LONGEST_LISTED_WORD).is_none() && list.contains(&crate::grammar::lower_case(word).as_str())
}

/// The most characters of a word in [`CONTINUING_WORDS`] and [`CLOSING_WORDS`].
const LONGEST_LISTED_WORD: usize = 5;

/// "53/KH-" or "Nghị quyết số 10-": a symbol broken after its hyphen or slash.
fn ends_in_symbol_break(s: &str) -> bool {
    let mut rev = s.chars().rev();
    matches!(rev.next(), Some('-' | '/')) && rev.next().is_some_and(char::is_alphanumeric)
}

/// The first two words are all upper case (a header line, whatever follows them).
fn starts_upper(s: &str) -> bool {
    is_upper_chars(s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).take(2).flat_map(str::chars))
}

/// "nh ủy" after "Tỉ": a line that opens with the rest of a word a scan broke, consonants
/// in lower case without a vowel, which no Vietnamese syllable is.
fn starts_with_fragment(s: &str) -> bool {
    // Asked of every pair of lines; most open with a letter no fragment does.
    if !s.starts_with(|c: char| "bcdđghklmnpqrstvx".contains(c)) {
        return false;
    }
    let first = s.split([' ', '\t']).next().unwrap_or("");
    let first = first.trim_end_matches([',', '.', ';', ':']);
    (1..=3).contains(&first.chars().count()) && first.chars().all(|c| "bcdđghklmnpqrstvx".contains(c))
}

fn starts_lowercase(s: &str) -> bool {
    strip_opening(s).chars().next().is_some_and(char::is_lowercase)
}

/// "2024;", "13 tháng", "26/2023/NĐ-CP", "III/2025.": a number that continues a phrase (a
/// quarter in Roman numerals with its year is one, where "III." is a heading's label).
fn starts_continuing_number(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else { return false };
    let quarter = first.split_once('/').is_some_and(|(q, year)| {
        matches!(q, "I" | "II" | "III" | "IV") && year.len() >= 4 && year.starts_with(|c: char| c.is_ascii_digit())
    });
    if quarter {
        return true;
    }
    if !first.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if !first.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    words.next().is_some_and(starts_lowercase)
}

/// The separator to write between the logical line `a` (ending in `a_end`) and
/// the next line `b` (laid out in columns: `b_columns`), after `blanks` blank
/// lines; `None` keeps the break.
fn join(a: &Logical<'_>, a_end: &str, b: &str, b_columns: bool, blanks: usize) -> Option<&'static str> {
    if blanks == 0 && wraps_upper_heading(a, a_end, b) {
        return Some(" ");
    }
    if blanks > 3 || a.columns || b_columns || a.all_upper || is_label(b) || ends_sentence(a_end) {
        return None;
    }
    // A line with no letter (a number, a date) stays alone: it is a page number
    // or a table cell, or a continuation test on it would read the next line.
    if !a.first.chars().any(char::is_alphabetic) {
        return None;
    }
    if blanks <= 1 && ends_in_symbol_break(a_end) && b.starts_with(|c: char| c.is_alphanumeric()) {
        return Some("");
    }
    // (Latin letters both sides: a Cyrillic look-alike kept in a word of its own is no
    // part of a broken Vietnamese word.)
    let latin = |c: char| c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    if blanks == 0 && starts_with_fragment(b) && a_end.ends_with(latin) {
        return Some("");
    }
    // Before the capital test: a quarter's Roman numeral ("III/2025") opens no sentence.
    if blanks <= 1 && starts_continuing_number(b) {
        return Some(" ");
    }
    if starts_upper(b) {
        return None;
    }
    if starts_lowercase(b) {
        return Some(" ");
    }
    let word = a.last_word(a_end);
    let word = word.as_ref();
    let evidence = match blanks {
        0 => {
            continues_phrase(a_end, word)
                || ((word.starts_with(char::is_uppercase) || starts_with_name(b))
                    && a.chars >= WRAPPED_LINE
                    && !(is_label(a.first.trim_start()) && ended_early(a_end, b)))
        }
        1 => a.chars >= 100 && !a.under_type_title && b.starts_with(char::is_uppercase) && !opens_paragraph(b),
        _ => false,
    };
    // "…của UBND tỉnh Điện Biên\nĐức Phổ, ngày 22 tháng 8 năm 2017": a header's date line
    // starts with a name too, and is a line of its own.
    let date_line = || crate::grammar::DATE_LINE.find(b).is_some_and(|m| m.start() <= 1);
    (evidence && !date_line()).then_some(" ")
}

/// Whether the line above ended well before the width its text wraps at: the line below is
/// longer than it would be with its first word moved up ("3. Phối hợp tổ chức Phiên chợ hàng
/// Việt về nông thôn" over a longer "Ban Thường trực Ủy ban MTTQ … chủ trì, phối hợp với
/// Phòng"), so the break is the author's, not the wrap's. Asked of a numbered heading only:
/// a paragraph's first line may break anywhere ("… của Bộ" / "Nông nghiệp và Môi trường …").
fn ended_early(above: &str, below: &str) -> bool {
    // Columns as printed, indentation included; a typeset page's proportional letters make
    // character counts a rough width, hence the slack.
    const SLACK: usize = 10;
    let first = below.split_whitespace().next().map_or(0, |w| w.chars().count());
    above.trim_end().chars().count() + 1 + first + SLACK <= below.trim_end().chars().count()
}

/// Whether an upper-case numbered heading goes on on the next line: it ends in a comma or a
/// word that cannot end it ("I. MỤC ĐÍCH,\nYÊU CẦU", "II. NHIỆM VỤ VÀ\nGIẢI PHÁP"), and the
/// next line is upper case with no label of its own. Upper-case lines are otherwise never
/// joined, as headers and titles are laid out line by line.
fn wraps_upper_heading(a: &Logical<'_>, a_end: &str, b: &str) -> bool {
    // Asked of every pair of lines: the cheap tests first.
    a.all_upper
        && !a.columns
        && continues_phrase(a_end, &a.last_word(a_end))
        && is_label(a.first)
        && a.first.starts_with(|c: char| c.is_alphanumeric())
        && is_upper(b)
        && !is_label(b)
        && !has_columns(b)
}

impl NormalizeStep for LineJoins {
    fn name(&self) -> &'static str {
        "line-joins"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains('\n')
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut previous: Option<(Line, Logical<'_>)> = None;
        let mut blanks = 0;
        for line in lines(text) {
            let body = line.text(text);
            let trimmed = body.trim();
            if trimmed.is_empty() {
                blanks += 1;
                continue;
            }
            let columns = has_columns(trimmed);
            let joined = previous.as_ref().and_then(|(p, logical)| {
                let a_end = p.text(text).trim_end();
                join(logical, a_end.trim_start(), trimmed, columns, blanks).map(|sep| (p.start + a_end.len(), sep))
            });
            match (joined, previous.as_mut()) {
                (Some((from, sep)), Some((p, logical))) => {
                    let to = line.start + (body.len() - body.trim_start().len());
                    edits.replace(from..to, sep);
                    logical.chars += sep.len() + trimmed.chars().count();
                    logical.glued = sep.is_empty().then(|| logical.last_word(p.text(text).trim()).into_owned());
                    *p = line;
                }
                _ => {
                    let under_type_title = blanks == 0
                        && previous.as_ref().is_some_and(|(p, l)| {
                            l.all_upper && crate::grammar::type_title_word(p.text(text)).is_some()
                        });
                    let logical = Logical {
                        first: trimmed,
                        chars: trimmed.chars().count(),
                        all_upper: is_upper(trimmed),
                        columns,
                        under_type_title,
                        glued: None,
                    };
                    previous = Some((line, logical));
                }
            }
            blanks = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    fn joined(t: &str) -> String {
        run_step(&LineJoins, t)
    }

    #[test]
    fn listed_words_fit_the_length_guard() {
        let longest = CONTINUING_WORDS.iter().chain(CLOSING_WORDS).map(|w| w.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_LISTED_WORD));
        assert!(
            is_one_of("CỦA", CONTINUING_WORDS)
                && is_one_of("Này", CLOSING_WORDS)
                && !is_one_of("củaa", CONTINUING_WORDS)
        );
        assert!(
            starts_upper("ỦY BAN nhân")
                && starts_upper("12 UBND TỈNH")
                && !starts_upper("Ủy ban")
                && !starts_upper("A")
        );
    }

    #[test]
    fn an_upper_case_heading_wrapped_after_a_comma_or_a_linking_word_is_one_line() {
        assert_eq!(joined("I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích"), "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích");
        assert_eq!(joined("II. NHIỆM VỤ VÀ\nGIẢI PHÁP\n"), "II. NHIỆM VỤ VÀ GIẢI PHÁP\n");
        // Not a heading with its label, not wrapped, or the next line has its own label.
        for kept in [
            "KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC DÂN VẬN",
            "ỦY BAN NHÂN DÂN,\nTỈNH LÀO CAI",
            "I. MỤC ĐÍCH\nYÊU CẦU",
            "I. MỤC ĐÍCH,\nII. YÊU CẦU",
            "I. MỤC ĐÍCH,\nYêu cầu",
            "I. MỤC ĐÍCH,\n\nYÊU CẦU",
        ] {
            assert_eq!(joined(kept), kept);
        }
    }

    #[test]
    fn labels_are_recognized() {
        for l in [
            "I. MỤC ĐÍCH",
            "1. Tăng",
            "1) x",
            "3.1. Tổ chức",
            "a) Bố trí",
            "đ. Giám sát",
            "(1) Tập",
            "- Như trên;",
            "+ Về",
            "• x",
            "Điều 1. Phạm vi",
            "Điêù 1. Phê duyệt",
            "“Điều 4. Trình tự",
            "IV. TỔ CHỨC",
            "I- MỤC ĐÍCH",
            "1/ Mục đích",
            "a/ Kiện toàn",
            "2- Trưởng các thôn",
        ] {
            assert!(is_label(l), "{l}");
        }
        assert!(is_label("7.1 Tổng kết"));
        for l in [
            "Điều 107 của Bộ luật",
            "1.000 đồng",
            "V/v tăng cường",
            "13 tháng 4",
            "Chính phủ",
            "(sau đây gọi là",
            "15/KH-UBND ngày",
            "2024- 2025",
            "1/2 số hộ",
        ] {
            assert!(!is_label(l), "{l}");
        }
    }

    #[test]
    fn a_heading_that_ended_before_the_width_keeps_apart_from_a_longer_line() {
        let t = "3. Phối hợp tổ chức Phiên chợ hàng Việt về nông thôn\nBan Thường trực Ủy ban MTTQ Việt Nam huyện chủ trì, phối hợp với Phòng\nKinh tế và Hạ tầng huyện tổ chức.";
        assert_eq!(
            joined(t),
            "3. Phối hợp tổ chức Phiên chợ hàng Việt về nông thôn\nBan Thường trực Ủy ban MTTQ Việt Nam huyện chủ trì, phối hợp với Phòng Kinh tế và Hạ tầng huyện tổ chức."
        );
        // A paragraph's first line broken inside a name joins whatever the length below.
        let t = "Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ\nNông nghiệp và Môi trường về việc tăng cường thanh tra, kiểm tra hoạt động khoáng sản.";
        assert!(!joined(t).contains('\n'));
    }

    #[test]
    fn a_quarter_wrapped_onto_the_next_line_joins_and_a_heading_does_not() {
        let t = "1. Các chủ đầu tư hoàn thiện thủ tục quyết toán, xong trong quý\n  III/2025.\nIII. TỔ CHỨC THỰC HIỆN";
        assert_eq!(
            joined(t),
            "1. Các chủ đầu tư hoàn thiện thủ tục quyết toán, xong trong quý III/2025.\nIII. TỔ CHỨC THỰC HIỆN"
        );
    }

    #[test]
    fn hard_wrapped_gazette_paragraph_becomes_one_line() {
        let t = "1. Việc sắp xếp thôn, tổ dân phố phải bảo đảm phù hợp với tiêu chí, điều\nkiện theo quy định của Chính phủ và yêu cầu quản lý của Nhân dân đối với\nĐảng, Nhà nước.\n2. Trong";
        assert_eq!(
            joined(t),
            "1. Việc sắp xếp thôn, tổ dân phố phải bảo đảm phù hợp với tiêu chí, điều kiện theo quy định của Chính phủ và yêu cầu quản lý của Nhân dân đối với Đảng, Nhà nước.\n2. Trong"
        );
    }

    #[test]
    fn a_word_a_scan_broke_joins_without_a_space() {
        assert_eq!(joined("phối hợp với Văn phòng Tỉ\nnh ủy theo dõi"), "phối hợp với Văn phòng Tỉnh ủy theo dõi");
        // A syllable of its own is a word, and joins with a space as ever.
        assert_eq!(joined("phối hợp với Văn phòng\ntỉnh ủy theo dõi"), "phối hợp với Văn phòng tỉnh ủy theo dõi");
    }

    #[test]
    fn a_dash_inside_a_name_joins_and_a_closed_phrase_does_not() {
        let t = "Điều 3. Trưởng phòng Lao động -\nThương binh và Xã hội chịu trách nhiệm thi hành.";
        assert_eq!(joined(t), t.replace(" -\n", " - "));
        // "trực thuộc" ends a unit ("các đơn vị trực thuộc"), where "thuộc" alone goes on.
        let t = "1. Các chi, đảng bộ trực thuộc\nCăn cứ Kế hoạch này, xây dựng kế hoạch.";
        assert_eq!(joined(t), t);
        let t = "1. Các cơ quan, đơn vị thuộc\nỦy ban nhân dân huyện";
        assert_eq!(joined(t), t.replace('\n', " "));
    }

    #[test]
    fn symbols_broken_at_a_hyphen_join_without_space() {
        assert_eq!(
            joined("hiện Kế hoạch số 53/KH-\nUBND ngày 23/3/2022 của\nUBND tỉnh"),
            "hiện Kế hoạch số 53/KH-UBND ngày 23/3/2022 của UBND tỉnh"
        );
        assert_eq!(joined("Nghị định số 26/2023/NĐ-\nCP (gửi kèm theo)"), "Nghị định số 26/2023/NĐ-CP (gửi kèm theo)");
    }

    #[test]
    fn short_title_lines_join_but_not_the_paragraph_after_them() {
        let t = "KẾ HOẠCH\nThực hiện quy chế dân chủ ở cơ sở\nvà công tác dân vận chính quyền năm 2022\n\nThực hiện Công văn số 869-CV/TU";
        assert_eq!(
            joined(t),
            "KẾ HOẠCH\nThực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022\n\nThực hiện Công văn số 869-CV/TU"
        );
    }

    #[test]
    fn page_break_in_a_long_paragraph_joins() {
        let long = "Kết luận số 114-KL/TW ngày 14/7/2015; Kế hoạch số 48- KH/TU, ngày 06/12/2022 của Ban Thường vụ";
        let t = format!("1. Tiếp tục triển khai {long}\n\nThành uỷ về thực hiện.");
        assert_eq!(joined(&t), format!("1. Tiếp tục triển khai {long} Thành uỷ về thực hiện."));
        assert_eq!(joined("Ban công\n\n tác MT thôn;"), "Ban công tác MT thôn;");
    }

    #[test]
    fn a_long_title_keeps_apart_from_a_paragraph_that_opens_a_sentence() {
        let title =
            "Kết luận của Chủ tịch UBND tỉnh Nguyễn Văn A tại cuộc họp nghe báo cáo tình hình giải ngân vốn năm 2024";
        for paragraph in [
            "Ngày 10/6/2024, Chủ tịch UBND tỉnh chủ trì.",
            "Sau khi nghe báo cáo, Chủ tịch kết luận:",
            "Kính gửi: Ủy ban nhân dân huyện Cẩm Xuyên.",
            "Năm 2023, trên địa bàn tỉnh ghi nhận 1.200 ca mắc sốt xuất huyết.",
            "Thời gian qua, công tác cải cách hành chính đạt nhiều kết quả.",
        ] {
            let t = format!("THÔNG BÁO\n{title}\n\n{paragraph}");
            assert_eq!(joined(&t), t, "{paragraph}");
        }
        // A trích yếu wrapped over two lines, then a paragraph opening with any words.
        let t = "CHỈ THỊ\nVề tăng cường các biện pháp cấp bách phòng cháy, chữa cháy rừng\nmùa khô năm 2024 - 2025 trên địa bàn tỉnh\n\nMùa khô năm nay được dự báo nắng nóng gay gắt, kéo dài,";
        assert_eq!(joined(t), t.replacen("rừng\nmùa", "rừng mùa", 1));
    }

    #[test]
    fn structure_is_protected() {
        for t in [
            "4. Ủy ban nhân dân các tỉnh, thành phố\na) Khẩn trương",
            "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ",
            "Nơi nhận:\n- Như trên;",
            "KT. THỦ TƯỚNG\nPhạm Thị Thanh Trà",
            "Số: 2416/QĐ-BKHĐT\nHà Nội, ngày 17 tháng 10 năm 2024",
            "thuế nhập khẩu ngoài hạn ngạch thuế quan\nKéo dài thời hạn",
            "Nơi nhận:                    KT. CHỦ TỊCH\n- Như trên;            PHÓ CHỦ TỊCH",
            "khoáng sản\n\n   1 Các quy định của Luật",
            "Điều 3. Các ông có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này\n\nQuyết định này có hiệu lực",
            "triển khai thực hiện./.\nNơi nhận:",
            "Điều 2. Số giờ làm thêm trong 01 tháng\nTrường hợp người sử dụng lao động",
            "Về việc kéo dài thời hạn áp dụng của Nghị định số 72/2026/NĐ-CP ngày 09 tháng 3 năm 2026 của Chính phủ về thuế\n\nCăn cứ Luật Tổ chức Chính phủ",
            "V/v tham mưu triển khai thực hiện Kế hoạch số 13/KH-UBND của UBND tỉnh Điện Biên\nĐức Phổ, ngày 22 tháng 8 năm 2017",
        ] {
            assert_eq!(joined(t), t, "{t}");
        }
    }

    #[test]
    fn joining_is_idempotent() {
        let t = "Về việc kéo dài của Nghị định số 72/2026/NĐ-CP ngày 09\ntháng 3 năm 2026 của Chính phủ về Biểu thuế\nxuất khẩu, dầu\nMức thuế";
        let once = joined(t);
        assert_eq!(joined(&once), once);
    }
}
