//! Citations: every other document a document refers to, once per distinct
//! document, with all its mentions.
//!
//! Two scanners feed one list of mentions. The symbol scanner anchors on a
//! printed symbol ([`SYMBOL`]) and reads its type word before it (directly,
//! through a list "…, số …", or at the head of a named law "Luật X số …") and its
//! date and issuer after it. The name scanner reads documents cited by a type
//! word and a proper name ("Luật Thực hiện dân chủ ở cơ sở", "Nghị quyết Trung
//! ương 4 (khóa XII)", "Đề án 06"). Mentions are then grouped by canonical symbol
//! or folded name; the relation is `basis` when any mention stands in the title
//! or the opening passage.

use foldhash::HashMap;
use std::sync::LazyLock;

use memchr::{memchr, memchr3, memmem, memrchr3};
use regex::Regex;

use super::calendar::iso_date;
use super::header::join_lines;
use super::symbol::{DocumentSymbol, SYMBOL};
use crate::document::{Citation, Mention, Relation};
use crate::grammar::{
    ABBREVIATIONS, CITATION_NAME_WORDS, DAY_WORD, DOC_TYPES, DocType, MONTH_WORD, NUMBER_WORD, NameWordRole, YEAR_WORD,
    doc_type_by_word, fold, word_pattern,
};
use crate::segment::{Layout, type_title_word};
use crate::span::Span;

/// One mention before grouping.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    kind: Option<String>,
    type_word: Option<&'static DocType>,
    symbol: Option<DocumentSymbol>,
    name: Option<String>,
    date: Option<String>,
    issuer: Option<String>,
    pinpoint: Option<String>,
    /// Where the date/issuer tail ends.
    tail_end: usize,
}

/// All type words as one alternation, longest first; group `tw`.
static TYPE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&type_words()).unwrap());

/// [`TYPE_WORD`] at the start of the haystack only: whether a text opens with a
/// type word is answered without searching the rest of it.
static TYPE_WORD_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{}", type_words())).unwrap());

/// The pattern of [`TYPE_WORD`]: every type word, longest first, as group `tw`.
fn type_words() -> String {
    let alts: Vec<String> = DOC_TYPES.iter().map(|t| word_pattern(&t.word)).collect();
    format!(r"(?P<tw>{})", alts.join("|"))
}

/// A type word right before a symbol: "Kế hoạch số ", "Chương trình phối hợp số ",
/// "Quyết định số: ", "Luật số ", at the end of the text before the symbol.
static TYPE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}(?:\s+(?:phối hợp|hành động|liên tịch|công tác|liên ngành))?\s*(?:(?i:{NUMBER_WORD})\s*:?\s*)?$",
        type_words()
    ))
    .unwrap()
});

/// A list continuation right before a symbol: ", số ", " và số ", ", ".
static LIST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:,|;|\s(?:và|hoặc))\s*(?:(?i:{NUMBER_WORD})\s*:?\s*)?$")).unwrap());

/// A form's label right before its number: "Mẫu số ", "biểu mẫu số: ", "Biểu số ",
/// and without its tone marks ("Mau so").
static FORM_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i:m[ẫa]u|bi[ểe]u)\s*(?:(?i:{NUMBER_WORD})\s*:?\s*)?$")).unwrap());

/// A form's label in parentheses right after a name: "(Mẫu số 01/HNCT)", "(theo mẫu
/// 02)", "(Biểu mẫu số 3)", and without its tone marks.
static FORM_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(\s*(?:theo\s+)?(?i:m[ẫa]u|bi[ểe]u)(?:\s|$)").unwrap());

/// "số " right before a symbol.
static SO_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i:{NUMBER_WORD})\s*:?\s*$")).unwrap());

/// "ngày" and a date, short or long form: groups `d`, `m`, `y` or `d2`, `m2`, `y2`.
static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i:{DAY_WORD})\s*(?:(?P<d>[0-9]{{1,2}})\s*[/.-]\s*(?P<m>[0-9]{{1,2}})\s*[/.-]\s*(?P<y>[0-9]{{4}})|(?P<d2>[0-9]{{1,2}})\s+(?i:{MONTH_WORD})\s+(?P<m2>[0-9]{{1,2}})\s+(?i:{YEAR_WORD})\s+(?P<y2>[0-9]{{4}}))"
    )
});

/// A date right after a symbol or name.
static DATE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*[,;]?\s*(?:được\s+)?(?:(?i:ban hành)\s+)?{}", *DATE)).unwrap());

/// The issuer's opening: "của X", "giữa X", or a body word directly. A comma may stand
/// before "của" only: "Thực hiện Kế hoạch số 20/KH-UBND ngày 10/3/2024, Ủy ban nhân dân
/// huyện ban hành …" names the body that acts, not the plan's issuer.
static ISSUER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,?\s*(?P<link>của|giữa)\s+|(?P<body>(?:UBND|Ủy ban|Uỷ ban|Ban|Bộ|Thủ tướng|Chính phủ|Hội nghị|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|HĐND|Hội đồng|Văn phòng|Sở|Quốc hội|Chủ tịch|BTV|Tiểu ban|Cục|Tổng cục|Bảo hiểm)\s))").unwrap()
});

/// Where an issuer ends: before the words of the contract, a verb that begins the
/// subject, another document, and a date (a table's next cell, "… của Chính phủ
/// 01/7/2024"). The contract's words also as a scan leaves them ("vê", "quy đinh",
/// "huớng dẫn", "sửa đối"): no body's name holds those.
///
/// This and the other "where it ends" patterns write a word's end as `(?:\W|$)`, not
/// `\b`: only a match's start is used, where the two agree, and a Unicode `\b` sends
/// each search off the fast engine onto one many times slower.
static ISSUER_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:về|Về|v[êeé]|V[êe]|ban hành|Ban hành|ban hanh|quy định|Quy định|quy đinh|quy dinh|hướng dẫn|Hướng dẫn|h[uư][óớo]ng d[ẫa]n|thông báo|Thông báo|tổ chức|thực hiện|Thực hiện|triển khai|Triển khai|ngày|V/v|đã|tại|theo|nhằm|để|với|trong|sửa đ[ổốôo]i|sua doi|đối với|năm [0-9]|là|được|phê duyệt|Phê duyệt|phê chuẩn|thông qua|khẩn trương|yêu cầu|đảm bảo|bảo đảm|giao|cho|lập|tiếp tục|có|điều chỉnh|Điều chỉnh)(?:\W|$)|\s+và\s+(?:các|những|\p{Ll}|(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Công văn|Văn bản|Thông tư|Nghị định|Hướng dẫn|Kết luận|Chương trình|Đề án|Luật)(?:\W|$))|[(),;:.“”\x22|\t]|\n\s*\n|\n\s*[0-9]|\s+-\s+(?i:khoản|điều|điểm)\s|\s(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Công văn|Văn bản|Thông tư|Nghị định|Hướng dẫn|Kết luận)\s+(?:số|[0-9])|\s+[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}").unwrap()
});

/// A pinpoint before a type word: "khoản 1, Mục III ", "Điều 7, Điều 8 ".
static PINPOINT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)((?:(?:điểm|khoản|mục|điều|phần|chương|phụ lục)\s+[0-9IVXLCa-zđ.]+\s*,?\s*(?:và\s+)?)+)(?:của\s+|tại\s+)?$").unwrap()
});

/// The pinpoint printed right before a mention at `at` ("khoản 1, Mục III"). It is
/// sought in the few hundred bytes before the mention, so that each mention costs the
/// same whatever its place in a long text.
fn pinpoint_before(text: &str, at: usize) -> Option<String> {
    let from = text.floor_char_boundary(at.saturating_sub(PINPOINT_REACH));
    PINPOINT_BEFORE.captures(&text[from..at]).map(|p| p[1].trim().trim_end_matches(',').to_string())
}

/// How far back [`pinpoint_before`] reads: a run of a dozen pinpoints.
const PINPOINT_REACH: usize = 300;

/// Words before a name that say it does not exist yet, or is what another document
/// issues or approves ("Quyết định số 749/QĐ-TTg … phê duyệt Chương trình …" cites the
/// decision only); the name may open with a quote ("xây dựng “Đề án …”").
static NOT_A_NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:xây dựng|dự thảo|dự án|ban hành|phê duyệt|kèm theo|soạn thảo|việc|tham mưu)\s*(?:và\s+ban hành\s+)?[“\x22]?$",
    )
    .unwrap()
});

/// Verbs that carry out or rest on an existing document: "thực hiện Đề án …", "triển khai
/// Chương trình …", "Căn cứ Kế hoạch giáo dục nhà trường năm học 2024-2025".
static IMPLEMENTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:thực hiện|triển khai|Thực hiện|Triển khai)(?:\s+(?:có hiệu quả|hiệu quả|tốt|nghiêm túc|nghiêm))?|quy định tại|theo|điều chỉnh|Căn cứ|căn cứ)\s+$").unwrap()
});

/// A body whose name holds a type word: "Bộ Kế hoạch và Đầu tư", "Sở Kế hoạch"; its head
/// capitalized, as a body's name is ("triển khai đồng bộ Đề án 06" names no body).
static BODY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Bộ|BỘ|Sở|SỞ|Phòng|PHÒNG|Vụ|VỤ|Cục|CỤC|Viện|VIỆN|Trung tâm|TRUNG TÂM|Ban|BAN)\s+$").unwrap()
});

/// Find the citations of one document.
pub fn extract(text: &str, layout: &Layout) -> Vec<Citation> {
    let zones: Vec<Span> = [layout.title, Some(layout.body), layout.appendix].into_iter().flatten().collect();
    let mut found = vec![];
    for zone in &zones {
        found.extend(symbol_mentions(text, *zone));
    }
    for zone in &zones {
        let names: Vec<Found> = name_mentions(text, *zone, &found)
            .into_iter()
            .filter(|n| !found.iter().any(|f: &Found| overlaps(f.span, n.span)))
            .collect();
        found.extend(names);
    }
    found.sort_by_key(|f| f.span.start);
    // A description that repeats the document's own title is the document itself, when it
    // is of the document's own type: a report on "… Chương trình mục tiêu quốc gia …"
    // cites the programme its title names.
    if let Some(title) = layout.title {
        let own_type = layout.type_title.and_then(|s| text[s.range()].lines().next().and_then(type_title_word));
        found.retain(|f| {
            let type_words = f.type_word.map_or(1, |t| t.word.split_whitespace().count());
            // One issued by another body ("… của Thành ủy Quảng Ngãi") is not the document itself.
            let law = f.kind.as_deref().is_some_and(|k| matches!(k, "L" | "BL" | "HP" | "PL"));
            let other_type = own_type.is_some_and(|t| f.kind.as_deref() != Some(t.abbreviation.as_str()));
            f.symbol.is_some()
                || f.issuer.is_some()
                || law
                || other_type
                || !f.name.as_deref().is_some_and(|n| restates(n, type_words, &text[title.range()]))
        });
    }
    share_list_tails(text, &mut found);
    group(text, layout, found)
}

/// Drop the mentions of the document itself: its own symbol in the caption of its
/// appendix ("Ban hành kèm theo Quyết định số 169/QĐ-BLĐTBXH …") or in its closing
/// lines. A citation with the same symbol but another date is an earlier document
/// (numbers restart each year) and stays.
pub fn drop_self(citations: &mut Vec<Citation>, symbol: Option<&str>, date: Option<&str>) {
    let Some(symbol) = symbol.filter(|s| !s.starts_with('/')) else { return };
    citations.retain(|c| c.symbol.as_deref() != Some(symbol) || (c.date.is_some() && c.date.as_deref() != date));
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Mentions anchored on a printed symbol.
fn symbol_mentions(text: &str, zone: Span) -> Vec<Found> {
    let z = &text[zone.range()];
    let mut out: Vec<Found> = vec![];
    for c in SYMBOL.captures_iter(z) {
        let m = c.get(0).unwrap();
        let before = &z[..m.start()];
        // Part of a larger token ("QCVN 01:2021/BYT", a URL, a date "7/2026").
        // "số" glued to the number by the scan ("số53/KH-UBND") is still "số".
        let glued_so = before.split_whitespace().last().is_some_and(|w| fold(w) == "so");
        if before.ends_with(|ch: char| crate::grammar::is_letter_or_digit(ch) || ":/.-_".contains(ch)) && !glued_so {
            continue;
        }
        // "Thông báo số ……TB/MTTQ" in a blank form: the dots are the number to fill in,
        // a placeholder, not a document.
        if before.ends_with('…') {
            continue;
        }
        // "Mẫu số 01/BCĐBHĐND-MT": a form's number, not a document's symbol.
        if FORM_BEFORE.is_match(before) {
            continue;
        }
        let symbol = DocumentSymbol::from_captures(&c);
        // The number may only be broken off by a line break ("11-\nCT/TU"): not lost.
        let broken = before.trim_end().ends_with(|ch: char| ch == '-' || ch.is_ascii_digit());
        if c.name("lost").is_some() && broken {
            continue;
        }
        if c.name("lost").is_some() {
            out.push(lost_number(text, zone, m.start(), m.end(), &symbol));
            continue;
        }
        if symbol.number.is_none() && !before.trim_end().ends_with(|ch: char| crate::grammar::is_letter(ch)) {
            continue;
        }
        let start = zone.start as usize + m.start();
        let end = zone.start as usize + m.end();
        let (type_word, type_start) = type_word_before(z, m.start(), &out, zone.start as usize);
        // A bare code without a type word or "số" is only a citation when it reads as one.
        if type_word.is_none() && !SO_BEFORE.is_match(before) && symbol.type_code.is_none() && symbol.year.is_none() {
            continue;
        }
        let mention_start = type_start.map(|s| zone.start as usize + s).unwrap_or(start);
        // "Luật Bầu cử … số 85/2015/QH13": the words between the type word and "số" name the
        // document, so a later mention by name alone is the same citation.
        let alias = {
            let words = text[mention_start..start].trim_end().trim_end_matches(':');
            let words = words.strip_suffix("số").or_else(|| words.strip_suffix("Số")).unwrap_or(words);
            let words = join_lines(words.trim_end().trim_end_matches(','));
            (type_word.is_some_and(|t| words.chars().count() > t.word.chars().count() + 2)).then_some(words)
        };
        let kind = kind_of(type_word, &symbol);
        let (mut date, mut issuer, tail_end) = tail(text, end, zone.end as usize, symbol.is_joint());
        if date.is_none()
            && issuer.is_none()
            && let Some((d, i)) = issued_before(text, mention_start)
        {
            (date, issuer) = (d, Some(i));
        }
        let pinpoint = pinpoint_before(text, mention_start);
        out.push(Found {
            span: Span::new(mention_start, end),
            kind,
            type_word,
            symbol: Some(symbol),
            name: alias,
            date,
            issuer,
            pinpoint,
            tail_end,
        });
    }
    out
}

/// The date and body of a sentence that tells of the issuing before the symbol:
/// "Ngày 21/04/2015, Thủ tướng Chính phủ đã ban hành Chỉ thị số 06/CT-TTg …".
static ISSUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{}\s*,\s*(?P<body>\p{{Lu}}[^,;.()0-9]{{1,80}}?)\s+(?:đã\s+)?(?:ký\s+)?ban hành\s+$", *DATE))
        .unwrap()
});

/// The date and issuer told before a mention at `at` ([`ISSUED_BEFORE`]), sought in
/// the few hundred bytes before it.
fn issued_before(text: &str, at: usize) -> Option<(Option<String>, String)> {
    let from = text.floor_char_boundary(at.saturating_sub(PINPOINT_REACH));
    let c = ISSUED_BEFORE.captures(&text[from..at])?;
    let d = c.name("d").or(c.name("d2"))?.as_str();
    let m = c.name("m").or(c.name("m2"))?.as_str();
    let y = c.name("y").or(c.name("y2"))?.as_str();
    Some((iso_date(d, m, y), join_lines(&c["body"])))
}

/// A symbol whose number the scan lost ("… và Ban nhân dân CT/BĐVTU ngày 03/3/2022"):
/// still a citation, named by the fragment that stands where the number was.
fn lost_number(text: &str, zone: Span, at: usize, end: usize, symbol: &DocumentSymbol) -> Found {
    let z = &text[zone.range()];
    let before = &z[z.floor_char_boundary(at.saturating_sub(60))..at];
    let words: Vec<&str> = before.split_whitespace().collect();
    let keep = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase) || w.chars().all(char::is_lowercase))
        .count()
        .min(3);
    let fragment = format!("{} {}", words[words.len() - keep..].join(" "), &z[at..end]).trim().to_string();
    let start = zone.start as usize + at;
    let (date, issuer, tail_end) = tail(text, zone.start as usize + end, zone.end as usize, false);
    Found {
        span: Span::new(start, zone.start as usize + end),
        kind: symbol.type_code.clone(),
        type_word: None,
        symbol: None,
        name: Some(fragment),
        date,
        issuer,
        pinpoint: None,
        tail_end,
    }
}

/// The type word that governs a symbol at `at` in zone text `z`, and where it starts.
fn type_word_before(
    z: &str,
    at: usize,
    previous: &[Found],
    zone_start: usize,
) -> (Option<&'static DocType>, Option<usize>) {
    let window_start = z.floor_char_boundary(at.saturating_sub(200));
    let before = &z[window_start..at];
    // "pháp luật" is law in general, the end of a law's name ("Luật Ban hành văn bản quy
    // phạm pháp luật số 64/2025/QH15"), not the type word.
    if let Some(c) = TYPE_BEFORE.captures(before)
        && !(c["tw"].starts_with('l') && fold(&before[..c.name("tw").unwrap().start()]).ends_with("phap "))
    {
        let tw = c.name("tw").unwrap();
        return (doc_type_by_word(tw.as_str()), Some(window_start + tw.start()));
    }
    // A list: "Quyết định số 728-QĐ/TU …; Quyết định số 729…" is handled above; here
    // "các Tờ trình số 2138/TTr-BCT, số 3390/TTr-BCT" — inherit from the item before.
    if LIST_BEFORE.is_match(before)
        && let Some(prev) = previous.last()
        && prev.tail_end + 4 >= zone_start + at - (before.len() - before.trim_end().len()) - 8
    {
        return (prev.type_word, None);
    }
    // A named document: "Luật Bầu cử … số 85/2015/QH13" within the same clause.
    if SO_BEFORE.is_match(before) {
        let clause_start = before.rfind([';', '\n', '.']).map(|i| i + 1).unwrap_or(0);
        let clause = &before[clause_start..];
        // The last capitalised one: a name holds lower-case type words ("… quy phạm pháp luật").
        if let Some(tw) = TYPE_WORD.find_iter(clause).filter(|tw| tw.as_str().starts_with(char::is_uppercase)).last()
            && !SYMBOL.is_match(&clause[tw.end()..])
        {
            return (doc_type_by_word(tw.as_str()), Some(window_start + clause_start + tw.start()));
        }
    }
    (None, None)
}

/// The kind of a cited document: the type word's code, with the contract's exceptions.
fn kind_of(type_word: Option<&DocType>, symbol: &DocumentSymbol) -> Option<String> {
    let code = symbol.type_code.clone();
    match type_word {
        Some(t) if t.abbreviation == "QyĐ" => Some(symbol.quy_dinh_kind()),
        // In a list under one type word, an item whose own code names another type takes it.
        Some(t)
            if code.as_deref().is_some_and(|c| is_distinct_type(c, t))
                && t.abbreviation != "QC"
                && t.abbreviation != "CTr" =>
        {
            code
        }
        Some(t) => Some(t.abbreviation.clone()),
        None => match code {
            Some(c) => Some(c),
            // Laws and Quốc hội resolutions print no type code: "41/2024/QH15" is a law.
            None if symbol.year.is_some() && symbol.issuer_codes.iter().any(|c| c.starts_with("QH")) => {
                Some("L".into())
            }
            None => Some("CV".into()),
        },
    }
}

/// Whether a symbol's code names a type other than the type word's (not a variant of it).
fn is_distinct_type(code: &str, t: &DocType) -> bool {
    // "Nghị quyết số 30/2021/QH15", "Chỉ thị số 33/CT-TTg": the code agrees or is absent.
    let same_family = fold(code) == fold(&t.abbreviation)
        || matches!((t.abbreviation.as_str(), code), ("CV", _) | ("QĐ", "QĐi") | ("L", _) | ("BL", _));
    !same_family && crate::grammar::is_type_code(code)
}

/// Date and issuer after a mention ending at `from`; and where they end. A `joint`
/// document's issuer is both bodies of "của A và B" ([`DocumentSymbol::is_joint`]).
fn tail(text: &str, from: usize, limit: usize, joint: bool) -> (Option<String>, Option<String>, usize) {
    let rest = &text[from..limit];
    let mut pos = 0;
    let mut date = None;
    if let Some(c) = DATE_AFTER.captures(rest) {
        let d = c.name("d").or(c.name("d2")).unwrap().as_str();
        let m = c.name("m").or(c.name("m2")).unwrap().as_str();
        let y = c.name("y").or(c.name("y2")).unwrap().as_str();
        date = iso_date(d, m, y);
        pos = c.get(0).unwrap().end();
    }
    let mut issuer = None;
    if let Some(c) = ISSUER_AFTER.captures(&rest[pos..]) {
        let body_start = c.name("body").map(|b| b.start()).unwrap_or(c.get(0).unwrap().end());
        let s = &rest[pos + body_start..];
        // A stop word inside a name phrase of roles.tsv is the body's own ("Ban An toàn giao
        // thông tỉnh"); the phrases are sought only as far as a body's name may run.
        let window = &s[..s.floor_char_boundary(s.len().min(200))];
        let mut end = ISSUER_STOP
            .find_iter(s)
            .map(|m| m.start())
            .find(|&at| at >= window.len() || !super::assignments::within_name_phrase(window, at))
            .unwrap_or_else(|| s.floor_char_boundary(s.len().min(150)));
        // "của A và B" names A when B is another body, unless both issued it; "giữa A và
        // B" names both.
        if !joint
            && c.name("link").is_none_or(|l| l.as_str() == "của")
            && let Some(i) = s[..end].find(" và ")
            && ISSUER_AFTER.is_match(&s[i + " và".len()..])
            && !super::assignments::within_name_phrase(&s[..end], i + 1)
        {
            end = i;
        }
        let name = join_lines(&s[..end]);
        // A document has one issuer: "của các chủ thể …" is whose the subject is.
        let plural = c.name("link").is_some() && (name.starts_with("các ") || name.starts_with("những "));
        if !name.is_empty() && name.split_whitespace().count() <= 16 && !plural {
            pos += body_start + end;
            issuer = Some(name);
        }
    }
    // A date after the issuer ("của Chính phủ ngày …") also counts.
    if date.is_none()
        && let Some(c) = DATE_AFTER.captures(&rest[pos..])
    {
        let d = c.name("d").or(c.name("d2")).unwrap().as_str();
        let m = c.name("m").or(c.name("m2")).unwrap().as_str();
        let y = c.name("y").or(c.name("y2")).unwrap().as_str();
        date = iso_date(d, m, y);
        pos += c.get(0).unwrap().end();
    }
    (date, issuer, from + pos)
}

/// A trailing date or issuer is shared across a list when the items have the same
/// type word and are joined by "và" or a comma.
fn share_list_tails(text: &str, found: &mut [Found]) {
    for i in (1..found.len()).rev() {
        let (head, tail) = found.split_at_mut(i);
        let (prev, next) = (&mut head[i - 1], &tail[0]);
        if prev.symbol.is_none()
            || next.symbol.is_none()
            || prev.type_word.map(|t| &t.word) != next.type_word.map(|t| &t.word)
        {
            continue;
        }
        let gap = &text[prev.tail_end.min(next.span.start as usize)..next.span.start as usize];
        // "Quyết định số 1/QĐ-UBND và Quyết định số 2/QĐ-UBND ngày …", or one plural type
        // word over the list: "các Quyết định số 100/QĐ-UBND, số 101/QĐ-UBND ngày …".
        let gap = gap.trim();
        let gap = gap.strip_suffix("số").map_or(gap, str::trim_end);
        let joined = matches!(gap, "," | "và" | ", và");
        if joined && prev.tail_end <= next.span.start as usize {
            if prev.date.is_none() {
                prev.date = next.date.clone();
            }
            if prev.issuer.is_none() {
                prev.issuer = next.issuer.clone();
            }
        }
    }
}

/// Documents cited by type word and proper name.
fn name_mentions(text: &str, zone: Span, symbols: &[Found]) -> Vec<Found> {
    let z = &text[zone.range()];
    let mut out = vec![];
    for m in TYPE_WORD.find_iter(z) {
        let word = m.as_str();
        let Some(t) = doc_type_by_word(word) else { continue };
        let before = &z[z.floor_char_boundary(m.start().saturating_sub(40))..m.start()];
        if before.ends_with(|c: char| crate::grammar::is_letter_or_digit(c))
            || NOT_A_NAME_BEFORE.is_match(before)
            || BODY_BEFORE.is_match(before)
        {
            continue;
        }
        // "Quyết định số 728-QĐ/TU … về Quy chế …": what a decision issues is not cited on its own.
        if before.trim_end().ends_with("về") && issued_by_decision(symbols, zone.start as usize + m.start()) {
            continue;
        }
        let rest = &z[m.end()..];
        let shouting =
            crate::grammar::is_upper(word) && rest.split_whitespace().next().is_some_and(crate::grammar::is_upper);
        if shouting {
            continue;
        }
        if addresses_a_body(t, rest) {
            continue;
        }
        let implementing = IMPLEMENTING_BEFORE.is_match(before);
        let lead = LineLead::of(&z[..m.end()]);
        let Some(name_len) = name_extent(t, word, rest, implementing, lead) else { continue };
        // "Biên bản Hội nghị Cử tri Nơi Công tác (Mẫu số 01/HNCT)": a blank form's
        // title, drawn up anew each time, not one document.
        if FORM_AFTER.is_match(&rest[name_len..]) {
            continue;
        }
        let name = join_lines(&z[m.start()..m.end() + name_len]);
        let start = zone.start as usize + m.start();
        if out.last().is_some_and(|prev: &Found| prev.span.end as usize > start) {
            continue;
        }
        let end = start + m.len() + name_len;
        let (date, issuer, tail_end) = tail(text, end, zone.end as usize, false);
        let pinpoint = pinpoint_before(text, start);
        // The laws an amending law amends are documents named in its title: cited too,
        // each on its own ("… của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương").
        let amended = AMENDS
            .captures(rest)
            .and_then(|c| c.name("amended"))
            .map_or(vec![], |a| amended_laws(text, start + m.len() + a.start(), end));
        out.push(Found {
            span: Span::new(start, end),
            kind: Some(t.abbreviation.clone()),
            type_word: Some(t),
            symbol: None,
            name: Some(name),
            date,
            issuer,
            pinpoint,
            tail_end,
        });
        out.extend(amended);
    }
    out
}

/// The documents an amending law names in `text[from..end]`, split at "và" before a
/// type word.
fn amended_laws(text: &str, from: usize, end: usize) -> Vec<Found> {
    let inner = &text[from..end];
    let mut starts = vec![0];
    for (i, _) in inner.match_indices(" và ") {
        if next_document(&inner[i..]) {
            starts.push(i + " và ".len());
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let e = starts.get(k + 1).map_or(inner.len(), |&n| n - " và ".len());
            let piece = &inner[s..e];
            let t = TYPE_WORD.find(piece).and_then(|w| doc_type_by_word(w.as_str()));
            Found {
                span: Span::new(from + s, from + e),
                kind: t.map(|t| t.abbreviation.clone()),
                type_word: t,
                symbol: None,
                name: Some(join_lines(piece)),
                date: None,
                issuer: None,
                pinpoint: None,
                tail_end: from + e,
            }
        })
        .collect()
}

/// Whether a description (a name whose first word after the type word is lower case)
/// mostly repeats `title`: three in five of its words.
fn restates(name: &str, type_words: usize, title: &str) -> bool {
    if !name.split_whitespace().nth(type_words).is_some_and(|w| w.starts_with(char::is_lowercase)) {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !crate::grammar::is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let title_words = words(title);
    let name_words: Vec<String> = words(name).into_iter().skip(type_words).collect();
    let shared = name_words.iter().filter(|w| title_words.contains(w)).count();
    name_words.len() >= 2 && shared * 5 >= name_words.len() * 3
}

/// Whether the nearest symbol mention before `at` is a decision ("Quyết định")
/// whose tail ends right before it.
fn issued_by_decision(symbols: &[Found], at: usize) -> bool {
    symbols
        .iter()
        .rfind(|f| (f.span.end as usize) <= at)
        .is_some_and(|f| f.kind.as_deref() == Some("QĐ") && at.saturating_sub(f.tail_end) < 8)
}

/// An amending law is one name: "Luật sửa đổi, bổ sung một số điều của Luật X" (or
/// "Luật Sửa đổi, …", as the law prints its own name); group
/// `amended` is the law it amends, itself cited too.
static AMENDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+[sS]ửa đổi,\s*bổ sung một số điều của (?:các\s+)?(?P<amended>(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư)\s+)",
    )
    .unwrap()
});

/// Where a name ends: before "của", "ngày", "về", "số …", a comma, a parenthesis that
/// is not a term, and the other words of the contract; also before the list a
/// sentence goes on with ("gồm") or a time limit ("chậm nhất"), and before "và pháp luật"
/// ("theo quy định của Hiến pháp và pháp luật" names no law), and at a table's cell
/// boundary ("|", a tab), and before the manner a text is carried out in ("triển khai Luật
/// Đất đai kịp thời, nghiêm túc"; not "hiệu quả", which a law's name holds: "Luật Sử dụng
/// năng lượng tiết kiệm và hiệu quả"). "và"/"hoặc" before a capital ends it only before
/// another document ([`next_document`]).
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:của|ngày|về|ban hành|và\s+(?:các|những)|nhằm|để|đã|theo|trong|tại|với|đến|vào|có|được|là|sau|chậm nhất)\s|\s+(?:kịp\s+thời|nghiêm\s+túc|đồng\s+bộ|sâu\s+rộng|triệt\s+để)(?:\W|$)|\s+gồm(?:\W|$)|\s+và\s+pháp\s+luật(?:\W|$)|\s+năm\s+[0-9]|\s+(?:số|Số)\s*:?\s*[0-9]|\s+và\s+(?:\p{Lu}\p{Ll}+\s+){0,2}(?:số|Số)\s|[,;:!?\n|\t]|\.(?:\s|$)|\s\((?:[^k)]|k[^h)])[^)]*\)|\s+(?:này|nêu trên|trên)(?:\W|$)|\s+-\s|\s+(?:và|hoặc)\s+\p{Lu}").unwrap()
});

/// Common nouns that administrative text writes with a capital ("Nhân dân", "Nhà
/// nước"; the `common` rows of `grammars/citation-names.tsv`); they do not make a
/// description a proper name.
static CAPITALIZED_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CITATION_NAME_WORDS.iter().filter(|w| w.role == NameWordRole::Common).map(|w| w.words.as_str()).collect()
});

/// Where a description ends. A description is a title in running text, so it keeps
/// what a proper name may not: "của phụ nữ", "trên địa bàn", "đến năm 2025",
/// "chính trị - xã hội"; it ends at the end of its clause, a date, a number, or a
/// purpose or predicate that begins a new phrase. Commas are judged by
/// [`comma_continues`].
static DESCRIPTION_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:của|ngày|về|ban hành|nhằm|để|đã|được|là|có|sau khi|cho|đến\s+(?:các|những|toàn|mọi|từng)|và\s+(?:các|những)\s+(?:văn bản|nghị quyết|kế hoạch|chương trình|quy định))\s|\s+(?:số|Số)\s*:?\s*[0-9]|[,;:!?\n|\t]|\.(?:\s|$)|\s\((?:[^k)]|k[^h)])[^)]*\)|\s+(?:này|nêu trên)(?:\W|$)|\s+(?:và|hoặc)\s+\p{Lu}").unwrap()
});

/// The comma-joined expressions of `grammars/citation-names.tsv` ("phòng, chống"), each
/// half as [`folded_words`] gives it.
static COMMA_JOINS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    CITATION_NAME_WORDS
        .iter()
        .filter(|w| w.role == NameWordRole::Comma)
        .filter_map(|w| w.words.split_once(','))
        .map(|(left, right)| (folded_words(left), folded_words(right)))
        .collect()
});

/// `text` [`fold`]ed, its words joined by single spaces: one key for a phrase printed
/// with tone marks lost or spaces doubled.
fn folded_words(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How far on each side of a comma [`comma_joins`] reads: the longest half of an
/// expression is three words.
const COMMA_JOIN_REACH: usize = 48;

/// Whether the comma at byte `at` of `text` joins the halves of one fixed expression
/// inside a name ("Luật Phòng, chống tham nhũng", "Luật Cán bộ, công chức"): whole
/// words on both sides, case, tone marks and spacing aside. Any other comma ends the
/// name ("Luật Đất đai, Luật Nhà ở").
fn comma_joins(text: &str, at: usize) -> bool {
    let before = folded_words(&text[text.floor_char_boundary(at.saturating_sub(COMMA_JOIN_REACH))..at]);
    let after = folded_words(&text[at + 1..text.floor_char_boundary((at + 1 + COMMA_JOIN_REACH).min(text.len()))]);
    COMMA_JOINS.iter().any(|(left, right)| {
        before.strip_suffix(left.as_str()).is_some_and(|b| !b.ends_with(crate::grammar::is_letter_or_digit))
            && after.strip_prefix(right.as_str()).is_some_and(|a| !a.starts_with(crate::grammar::is_letter_or_digit))
    })
}

/// Whether the comma at the start of `after` belongs to a description: the title
/// formula ", tầm nhìn đến năm 2050", an enumeration closed by "và" within three
/// words ("lãnh đạo, quản lý và phát huy"), or a last short member that ends the
/// clause ("xanh, sinh thái."). A comma before anything longer starts a new item.
fn comma_continues(after: &str) -> bool {
    let rest = after[1..].trim_start_matches([' ', '\t']);
    if rest.starts_with("tầm nhìn") {
        return true;
    }
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let mut words = 0;
    for word in line.split_whitespace().take(4) {
        if words > 0 && word == "và" {
            return true;
        }
        words += 1;
        if word.ends_with(['.', ';']) {
            return words <= 2;
        }
    }
    words <= 2 && line.split_whitespace().nth(2).is_none() && !line.is_empty()
}

/// Whether what follows "của" in a description is part of its subject rather than its
/// issuer: a common noun ("vai trò của phụ nữ"), or bodies in the plural ("của Mặt
/// trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội") — a document has one issuer.
fn owner_is_subject(after: &str) -> bool {
    if after.starts_with(char::is_lowercase) {
        return true;
    }
    let clause = &after[..after.find([';', '.', '\n', ',']).unwrap_or(after.len())];
    clause.contains(" và các ") || clause.contains(" và những ")
}

/// The length of a description at the head of `rest`, if it has an end.
fn description_end(rest: &str) -> Option<usize> {
    let mut from = 0;
    let limit = rest.floor_char_boundary(rest.len().min(400));
    loop {
        let stop = DESCRIPTION_STOP.find(&rest[from..limit])?;
        let at = from + stop.start();
        let continues = match stop.as_str().trim() {
            "," => comma_joins(rest, at) || comma_continues(&rest[at..]),
            "của" => owner_is_subject(&rest[from + stop.end()..]),
            _ if ends_in_capital(stop.as_str()) => !next_document(&rest[at..]),
            _ => false,
        };
        if continues {
            from = at + 1;
            continue;
        }
        return Some(at);
    }
}

/// A document named by a description rather than a proper name: a quoted title
/// within its first words ("Kế hoạch phát động thi đua “Dân vận khéo”"), or, after
/// "thực hiện"/"triển khai", a description that names a place or a body ("Đề án
/// chuyển khu công nghiệp Tằng Loỏng sang khu công nghiệp xanh, sinh thái") or, for a
/// `periodic` type, its period.
fn described_extent(rest: &str, implementing: bool, periodic: bool) -> Option<usize> {
    // A quote counts within the first words only; most type words have none there.
    let reach =
        rest.split_whitespace().nth(6).map_or(rest.len(), |w| w.as_ptr() as usize - rest.as_ptr() as usize + w.len());
    if !implementing && !rest[..reach].contains(['“', '"']) {
        return None;
    }
    let stop = STOP.find(rest).map(|m| m.start()).unwrap_or_else(|| rest.floor_char_boundary(rest.len().min(160)));
    let head = &rest[..stop];
    if let Some(open) = head.find(['“', '"']).filter(|&o| head[..o].split_whitespace().count() <= 6) {
        let open_end = open + head[open..].chars().next().map_or(1, char::len_utf8);
        let close = rest[open_end..].find(['”', '"'])?;
        let close_len = rest[open_end + close..].chars().next().map_or(1, char::len_utf8);
        return Some(open_end + close + close_len);
    }
    if !implementing {
        return None;
    }
    let stop = description_end(rest)?;
    let words: Vec<&str> = rest[..stop].split_whitespace().collect();
    // A description opens with what the document is about, never with a word that links
    // the type word back to a document named before ("việc thực hiện Chỉ thị với …",
    // "sơ kết việc thực hiện Quy định vào Quý IV").
    const NO_DESCRIPTION: &[&str] = &[
        "của", "số", "Số", "với", "vào", "và", "cho", "để", "tại", "trong", "theo", "đã", "được", "sẽ", "đến", "từ",
        "trên", "này", "đó", "nêu", "về", "là", "thì", "mà", "khi", "nếu",
    ];
    if words.first().is_none_or(|w| NO_DESCRIPTION.contains(w)) {
        return None;
    }
    let proper = words.iter().enumerate().skip(1).any(|(i, w)| {
        w.starts_with(char::is_uppercase)
            && !ABBREVIATIONS.iter().any(|a| a.abbreviation == *w)
            && !CAPITALIZED_NOUNS
                .iter()
                .any(|n| n.starts_with(w) && (n.len() == w.len() || words.get(i + 1).is_some_and(|x| n.ends_with(x))))
    });
    // Or a programme named by its period (`periodic`: "Chương trình mục tiêu quốc gia giảm
    // nghèo bền vững giai đoạn 2021 - 2025"), as a plan is ("quy hoạch tỉnh … thời kỳ 2021 -
    // 2030"); a rule is not ("Quy chế dân chủ ở cơ sở giai đoạn 2022-2025" is its practice).
    let period = periodic && PERIOD.is_match(&rest[..stop]);
    // A programme is also named by its edition's year, printed bare, where its name ends
    // ("Chương trình giáo dục phổ thông 2018 ở tất cả các khối lớp"); "năm 2024" is the
    // year a text works on.
    let edition_end = words.iter().enumerate().skip(2).find_map(|(k, w)| {
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        (periodic && year && !matches!(words[k - 1], "năm" | "Năm" | "tháng" | "học" | "đến" | "từ"))
            .then(|| w.as_ptr() as usize - rest.as_ptr() as usize + w.len())
    });
    if let Some(end) = edition_end.filter(|_| !proper && !period) {
        return Some(end);
    }
    // Or one of a class there are few of, by its subject (the `class` rows).
    let class = || {
        let description = fold(&words.join(" "));
        CITATION_NAME_WORDS
            .iter()
            .filter(|w| w.role == NameWordRole::Class)
            .any(|w| description.strip_prefix(&fold(&w.words)).is_some_and(|after| after.starts_with(' ')))
    };
    if !(3..=30).contains(&words.len()) {
        return None;
    }
    if proper || period {
        return Some(stop);
    }
    // A programme of the class runs for years; the year a text works on is no part of
    // its name ("… xây dựng nông thôn mới 6 tháng cuối năm 2025").
    static YEAR_AT_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:(?:0?6|0?9)\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+[0-9]{4}\s*$").unwrap());
    class().then(|| YEAR_AT_END.find(&rest[..stop]).map_or(stop, |m| m.start()))
}

/// "Báo cáo Sở Xây dựng kết quả …", "Hướng dẫn Ban Công tác Mặt trận …": a type word that is
/// also a verb, with a body after it (a head of `grammars/body-heads.tsv`), is the verb,
/// addressed to that body; no document is named.
fn addresses_a_body(t: &DocType, rest: &str) -> bool {
    const VERBS: &[&str] = &["BC", "HD", "TB"];
    if !VERBS.contains(&t.abbreviation.as_str()) {
        return false;
    }
    static HEADS: LazyLock<Vec<String>> =
        LazyLock::new(|| crate::grammar::BODY_HEADS.iter().map(|head| head.folded.clone()).collect());
    let rest = rest.trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return false;
    }
    let folded = fold(&rest[..rest.floor_char_boundary(rest.len().min(40))]);
    HEADS.iter().any(|head| folded.strip_prefix(head.as_str()).is_some_and(|after| after.starts_with(' ')))
}

/// Where the name after a type word ends, if the words after it make a proper name.
/// `lead` is the type word's line up to the end of the type word, to tell a hard-wrapped
/// line ([`wrap_continues`]).
fn name_extent(t: &DocType, word: &str, rest: &str, implementing: bool, lead: LineLead) -> Option<usize> {
    // The Constitution in force needs no name where a clause or list ends after it ("Căn cứ
    // Hiến pháp;", "Tuân thủ Hiến pháp, Bộ luật Hình sự, …"); "Hiến pháp và pháp luật" is the
    // idiom for the law as a whole, and a lower-case "hiến pháp" the common noun.
    if t.abbreviation == "HP"
        && word.starts_with(char::is_uppercase)
        && (rest.starts_with([',', ';', '.', ':']) || rest.trim().is_empty())
    {
        return Some(0);
    }
    let first = rest.split_whitespace().next()?;
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || gap > 2 {
        return None;
    }
    // A constitution is named by its year ("Hiến pháp năm 2013"), as a law is not: there is
    // one of each year, and no proper name follows.
    static CONSTITUTION_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+năm\s+(?:19|20)[0-9]{2}\b").unwrap());
    if t.abbreviation == "HP"
        && word.starts_with(char::is_uppercase)
        && let Some(m) = CONSTITUTION_YEAR.find(rest)
    {
        return Some(m.end());
    }
    // A law's name is often printed in lower case ("Luật bầu cử …"); an order ("Lệnh",
    // coded L too) is cited by its number, and "Lệnh điều động của Cảng vụ" is a kind of order.
    let is_law = matches!(t.abbreviation.as_str(), "L" | "BL" | "HP" | "PL") && t.word != "Lệnh";
    let capital = first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "“\"".contains(c));
    let word_capital = word.starts_with(char::is_uppercase);
    // A lower-case type word names a document only before a Party congress or plenum.
    let congress = ["Đại hội", "Trung ương", "Hội nghị"].iter().any(|p| rest.trim_start().starts_with(p));
    if !capital && !is_law && !congress {
        // A lower-case type word is a common noun ("kế hoạch phối hợp với …") unless
        // its description names the period of one plan ("quy hoạch tỉnh Lào Cai thời
        // kỳ 2021 - 2030").
        // A capitalised type word inside it is the document meant ("theo hợp đồng thuộc
        // Chương trình mục tiêu quốc gia …"), the common noun only its context.
        // Programmes, plans and schemes run for a period, by which they are named.
        let periodic = matches!(t.abbreviation.as_str(), "CTr" | "KH" | "ĐA" | "QH");
        return described_extent(rest, implementing, periodic).filter(|&len| {
            let description = &rest[..len];
            word_capital || PERIOD.is_match(description) && !names_a_document(description)
        });
    }
    if !(word_capital && (capital || is_law) || congress && t.abbreviation == "NQ") {
        return None;
    }
    if ["này", "nêu", "trên", "của", "số", "Số"].contains(&first) {
        return None;
    }
    let skip = AMENDS.find(rest).map(|m| m.end()).unwrap_or(0);
    // A quoted name runs to its closing quote.
    let after = &rest[skip..];
    let trimmed = after.trim_start();
    let len = if let Some(quote) = trimmed.chars().next().filter(|c| ['“', '"'].contains(c)) {
        let open = after.len() - trimmed.len() + quote.len_utf8();
        let close = after[open..].find(['”', '"'])?;
        let close_len = after[open + close..].chars().next().map_or(1, char::len_utf8);
        open + close + close_len
    } else {
        // A law's subject may open with a word that elsewhere ends a name: "Luật ban
        // hành văn bản quy phạm pháp luật" (the first word of a name never ends it).
        let opening = if is_law { LAW_OPENING.find(after).map_or(0, |o| o.end()) } else { 0 };
        let lead = LineLead { chars: lead.chars + rest[..skip].chars().count(), ..lead };
        let stop = name_stop(after, opening, lead, skip > 0);
        // "và" before a verb joins the next clause, not a longer name ("… Luật Thực hiện dân
        // chủ ở cơ sở và đăng ký mô hình …").
        let stop = after[..stop]
            .match_indices(" và ")
            .find(|&(i, m)| i >= opening && super::assignments::opens_with_stop(&after[i + m.len()..]))
            .map_or(stop, |(i, _)| i);
        if opening > 0 && after[opening..stop].split_whitespace().count() < 2 {
            return None;
        }
        // A term of a Party body or an amended version closes the name: "Nghị quyết
        // Trung ương 4 (khóa XII)", "Luật Tổ chức chính quyền địa phương (sửa đổi)".
        const TERM: &str = r"\s\((?:(?i:kh[oó]a|khoá)\s[^)]*|sửa đổi(?:,?\s*bổ sung)?)\)";
        static TERM_IN: LazyLock<Regex> = LazyLock::new(|| Regex::new(TERM).unwrap());
        // Right at the stop, not anywhere in the rest of the text.
        static TERM_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^(?:{TERM})")).unwrap());
        TERM_IN
            .find(&after[..stop])
            .map(|t| t.end())
            .or_else(|| TERM_AT.find(&after[stop..]).map(|t| stop + t.end()))
            .unwrap_or(stop)
    };
    // A scheme named by its number alone ends there before "và" ("Đề án 06 và chuyển đổi
    // số"): the conjunction joins the next topic, not a longer name.
    let numbered = first.bytes().all(|b| b.is_ascii_digit()) && skip == 0;
    let len = match rest[gap + first.len()..].strip_prefix(' ') {
        Some(after) if numbered && after.starts_with("và ") => gap + first.len(),
        _ => len,
    };
    let total = skip + len;
    let name = without_stray_paren(without_stray_quote(rest[..total].trim_end().trim_end_matches('.')));
    let words = name.split_whitespace().count();
    // A number names a scheme ("Đề án 06"), not a period ("Báo cáo 6 tháng") or a
    // date ("Chương trình 05/6/2024", a table's next cell).
    if first.starts_with(|c: char| c.is_ascii_digit())
        && (words > 2
            || first.split(['/', '.']).nth(1).is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit()))
            || {
                // Lowered only as far as the longest word looked for.
                let next: String = rest.trim_start()[first.len()..]
                    .trim_start()
                    .chars()
                    .take(5)
                    .flat_map(char::to_lowercase)
                    .collect();
                ["tháng", "năm", "ngày", "quý"].iter().any(|p| next.starts_with(p))
            })
    {
        return None;
    }
    (1..=25).contains(&words).then_some(name.len())
}

/// Words that end a name elsewhere but open the subject of a law ("Luật ban hành văn
/// bản quy phạm pháp luật", printed in lower case as often as not).
static LAW_OPENING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+ban hành\s").unwrap());

/// Where a name at the head of `after` ends ([`STOP`]), searching from `from`. A line
/// break ends it unless the line is hard-wrapped inside the name ([`wrap_continues`]);
/// `lead` is the name's first line before `after`. The laws an
/// amending law amends are all in its name ("… của Luật A và Luật B"): `amending`
/// keeps "và" before another document inside it.
fn name_stop(after: &str, from: usize, lead: LineLead, amending: bool) -> usize {
    let limit = |s: &str| s.floor_char_boundary(s.len().min(160));
    let mut from = from;
    loop {
        let Some(stop) = STOP.find_at(after, from) else { return limit(after) };
        let at = stop.start();
        let joins = match stop.as_str() {
            "," => comma_joins(after, at),
            s if ends_in_capital(s) => amending || !next_document(&after[at..]),
            _ => false,
        };
        if joins {
            from = at + 1;
            continue;
        }
        if stop.as_str() != "\n" || from > 0 && after[..from].contains('\n') {
            return at;
        }
        let line = LineLead { chars: lead.chars + after[..at].chars().take(WRAPPED_LINE.end() + 1).count(), ..lead };
        if !wrap_continues(line, after[..at].trim_end(), &after[at + 1..]) {
            return at;
        }
        from = at + 1;
    }
}

/// Whether a stop is "và"/"hoặc" before a capital (the last alternative of [`STOP`]
/// and [`DESCRIPTION_STOP`]): no other stop ends in a capital letter.
fn ends_in_capital(stop: &str) -> bool {
    stop.chars().next_back().is_some_and(char::is_uppercase)
}

/// Whether `text`, opening with "và" or "hoặc", goes on with another document: a
/// type word with a capital ("… thuế nhập khẩu và Luật Quản lý thuế", "… và Thông
/// tư này"), where the name before ends. A capitalised word that is no type word is
/// part of the name ("Luật Khoa học và Công nghệ").
fn next_document(text: &str) -> bool {
    let Some(rest) = text.trim_start().split_once(char::is_whitespace).map(|(_, r)| r.trim_start()) else {
        return false;
    };
    // At the start only: the rest of the zone need not be searched.
    TYPE_WORD_AT.find(rest).is_some_and(|w| {
        w.as_str().starts_with(char::is_uppercase) && !rest[w.end()..].starts_with(crate::grammar::is_letter_or_digit)
    })
}

/// The line a name starts on, up to the name: how many characters, and how many of them
/// indent it.
#[derive(Clone, Copy, Debug)]
struct LineLead {
    chars: usize,
    indent: usize,
}

impl LineLead {
    /// The last line of `text`.
    fn of(text: &str) -> LineLead {
        let line = &text[text.rfind('\n').map_or(0, |i| i + 1)..];
        LineLead { chars: chars_on_line(text), indent: indentation(line) }
    }
}

/// The spaces and tabs that open `line`.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// How many characters a hard-wrapped page line holds.
const WRAPPED_LINE: std::ops::RangeInclusive<usize> = 40..=110;

/// The characters of the last line of `text`, counted as far as a wrapped line
/// can run ([`WRAPPED_LINE`]): a longer line is not wrapped whatever follows, and
/// a count to the start of a page-long line for every mention would be quadratic.
fn chars_on_line(text: &str) -> usize {
    text.chars().rev().take_while(|&c| c != '\n').take(WRAPPED_LINE.end() + 1).count()
}

/// Whether a name broken at a line break goes on on the next line: the line is
/// hard-wrapped (as long as a wrapped page line, 40 to 110 characters, and not ended
/// by punctuation) and the next line carries on with words — not a heading or list
/// label, an upper-case line, the opening of a new paragraph (or a line indented deeper, as
/// a layout prints a paragraph's first line), or another type word.
/// The words then run to the name's usual end, as if the break were a space.
fn wrap_continues(lead: LineLead, line: &str, next: &str) -> bool {
    // A label is what line joins take for one (the same test); a paragraph opening is not a name's words.
    let opens_line =
        |t: &str| t.starts_with('(') || crate::normalize::is_label(t) || crate::normalize::opens_paragraph(t);
    if !WRAPPED_LINE.contains(&lead.chars)
        || line.ends_with(|c: char| ".;:!?)”\"".contains(c))
        || indentation(next) > lead.indent + 2
    {
        return false;
    }
    let first_two: String = next.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    let starts_type_word = TYPE_WORD_AT.is_match(next.trim_start());
    next.trim_start().starts_with(crate::grammar::is_letter)
        && !next.starts_with('\n')
        && !opens_line(next.trim_start_matches([' ', '\t']))
        && !crate::grammar::is_upper(&first_two)
        && !starts_type_word
}

/// The period a plan or strategy is named by.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:thời kỳ|giai đoạn|nhiệm kỳ|năm học|[0-9]{1,2} năm)\s+[0-9]{4}\s*[-–]\s*[0-9]{4}").unwrap()
});

/// A name cut before a closing parenthesis that no opening one of its own pairs with:
/// a name given in parentheses ("(Bộ luật ISPS)").
fn without_stray_paren(name: &str) -> &str {
    match name.find(')') {
        Some(close) if !name[..close].contains('(') => name[..close].trim_end(),
        _ => name,
    }
}

/// Whether a description holds a capitalised type word after its first word: another
/// document, named inside it.
fn names_a_document(description: &str) -> bool {
    TYPE_WORD.find_iter(description).any(|w| {
        w.start() > 0
            && w.as_str().starts_with(char::is_uppercase)
            && description[..w.start()].ends_with(char::is_whitespace)
    })
}

/// A name without a closing quote that no opening quote of its own pairs with.
fn without_stray_quote(name: &str) -> &str {
    let quotes = name.matches('"').count();
    let opened = name.contains('“') || quotes >= 2;
    if opened { name } else { name.trim_end_matches(['”', '"', '’']) }
}

/// Group mentions into citations, in order of first mention.
///
/// A numbered document also answers to its name ("Luật Bầu cử … số 85/2015/QH13",
/// then "Luật Bầu cử …" alone); documents cited by the same name with different
/// dates are different documents (two laws amending one law).
fn group(text: &str, layout: &Layout, found: Vec<Found>) -> Vec<Citation> {
    let basis_zones: Vec<Span> = [layout.title, Some(layout.opening)].into_iter().flatten().collect();
    let mut out: Vec<Citation> = vec![];
    // Citations by key, several for a name cited with different dates: a linear
    // search per mention is quadratic in a text citing thousands of symbols.
    let mut keys: HashMap<String, Vec<usize>> = HashMap::default();
    for f in found {
        let key = match (&f.symbol, &f.name) {
            (Some(s), _) => format!("s:{}", s.canonical.to_uppercase()),
            (None, Some(n)) => name_key(n),
            _ => continue,
        };
        let in_basis = basis_zones.iter().any(|z| z.start <= f.span.start && f.span.start < z.end);
        let mention = Mention { span: f.span, sentence: sentence(text, f.span), pinpoint: f.pinpoint.clone() };
        let existing = keys.get(&key).into_iter().flatten().copied().find(|&i| {
            // Same name, another date: another document.
            f.symbol.is_some() || compatible(&out[i].date, &f.date)
        });
        if let Some(i) = existing {
            let c = &mut out[i];
            c.date = c.date.take().or(f.date);
            c.issuer = c.issuer.take().or(f.issuer);
            if in_basis {
                c.relation = Relation::Basis;
            }
            c.mentions.push(mention);
            continue;
        }
        if let (Some(_), Some(alias)) = (&f.symbol, &f.name) {
            keys.entry(name_key(alias)).or_default().push(out.len());
        }
        keys.entry(key).or_default().push(out.len());
        let (symbol, name) = match f.symbol {
            Some(s) => (Some(s.canonical), None),
            None => (None, f.name),
        };
        out.push(Citation {
            kind: f.kind,
            symbol,
            date: f.date,
            issuer: f.issuer,
            name,
            relation: if in_basis { Relation::Basis } else { Relation::Cites },
            mentions: vec![mention],
        });
    }
    merge_named_numbers(&mut out, &keys);
    merge_short_names(&mut out);
    merge_type_and_number(&mut out);
    out
}

/// A short form that names a document by its type word and number alone ("Nghị quyết
/// 18" after "Nghị quyết số 18-NQ/TW …") is that numbered document, when exactly one
/// citation of its kind carries the number: "Chỉ thị 33" beside 33/CT-TTg and
/// 33-CT/TW names neither for sure, and stays.
fn merge_type_and_number(out: &mut Vec<Citation>) {
    let mut numbered: HashMap<(Option<&str>, u32), Vec<usize>> = HashMap::default();
    for (i, c) in out.iter().enumerate() {
        if let Some(n) = c.symbol.as_deref().and_then(symbol_number) {
            numbered.entry((c.kind.as_deref(), n)).or_default().push(i);
        }
    }
    let mut pairs = vec![];
    for (i, c) in out.iter().enumerate() {
        let Some(n) = c.name.as_deref().and_then(type_word_and_number) else { continue };
        if let Some(&[target]) = numbered.get(&(c.kind.as_deref(), n)).map(Vec::as_slice)
            && compatible(&c.date, &out[target].date)
        {
            pairs.push((i, target));
        }
    }
    let mut merged = vec![false; out.len()];
    for (i, target) in pairs {
        absorb(out, i, target);
        merged[i] = true;
    }
    drop_merged(out, &merged);
}

/// The number of a name that is a type word and a number ("Nghị quyết 18", "Chỉ thị số 33").
fn type_word_and_number(name: &str) -> Option<u32> {
    let (word, number) = name.trim().rsplit_once(' ')?;
    let word = word.trim_end();
    let word = word.strip_suffix(" số").or_else(|| word.strip_suffix(" Số")).unwrap_or(word);
    crate::grammar::doc_type_by_word(word)?;
    number.parse().ok()
}

/// The number a canonical symbol opens with ("18" of "18-NQ/TW", "30" of "30c/NQ-CP").
fn symbol_number(symbol: &str) -> Option<u32> {
    let digits = symbol.find(|c: char| !c.is_ascii_digit()).map_or(symbol, |e| &symbol[..e]);
    digits.parse().ok()
}

/// A document cited by name before the mention that gives its number ("… của Luật
/// Chứng khoán" in the title, "Căn cứ Luật Chứng khoán số 54/2019/QH14" below) is
/// that numbered document: a name-only citation whose name is the name printed
/// with exactly one number joins it. (A name-only mention after the number finds
/// it directly in [`group`].) A shorter form of that name ("Luật Bầu cử" for "Luật
/// Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13") joins it
/// too when it begins no other name of its kind ([`short_form_target`]).
fn merge_named_numbers(out: &mut Vec<Citation>, keys: &HashMap<String, Vec<usize>>) {
    let mut merged = vec![false; out.len()];
    let mut sorted: Vec<&String> = keys.keys().filter(|k| k.starts_with("n:")).collect();
    sorted.sort();
    for (key, indices) in keys {
        if !key.starts_with("n:") {
            continue;
        }
        let mut numbered = indices.iter().copied().filter(|&i| out[i].symbol.is_some());
        let target = match (numbered.next(), numbered.next()) {
            (Some(target), None) => target,
            (None, _) => match short_form_target(out, keys, &sorted, key, indices) {
                Some(target) => target,
                None => continue,
            },
            _ => continue,
        };
        for &i in indices {
            if out[i].symbol.is_some() || merged[i] || !compatible(&out[i].date, &out[target].date) {
                continue;
            }
            absorb(out, i, target);
            merged[i] = true;
        }
    }
    drop_merged(out, &merged);
}

/// The one numbered citation whose printed name a name-only `key` begins, if it is
/// the only longer name of its kind: "Luật Bầu cử" names 85/2015/QH13 when no other
/// "Luật Bầu cử …" is cited. As in [`merge_short_names`], a form of one word after
/// the type word names nothing specific.
fn short_form_target(
    out: &[Citation],
    keys: &HashMap<String, Vec<usize>>,
    sorted: &[&String],
    key: &str,
    indices: &[usize],
) -> Option<usize> {
    if key.split(' ').count() < 3 {
        return None;
    }
    let kind = &out[*indices.first()?].kind;
    let prefix = format!("{key} ");
    let from = sorted.partition_point(|k| k.as_str() < prefix.as_str());
    let mut target = None;
    for longer in sorted[from..].iter().take_while(|k| k.starts_with(&prefix)) {
        let same_kind = || keys[*longer].iter().copied().filter(|&j| out[j].kind == *kind);
        // A name printed with its number, and the name-only mentions of that name.
        let mut numbered = same_kind().filter(|&j| out[j].symbol.is_some());
        match (numbered.next(), numbered.next()) {
            (Some(j), None) if target.is_none_or(|t| t == j) => target = Some(j),
            (None, _) if same_kind().next().is_none() => {}
            _ => return None,
        }
    }
    target
}

/// Move citation `i`'s mentions into citation `target`, which takes the date,
/// issuer and `basis` relation it lacks.
fn absorb(out: &mut [Citation], i: usize, target: usize) {
    let mentions = std::mem::take(&mut out[i].mentions);
    let (date, issuer, relation) = (out[i].date.take(), out[i].issuer.take(), out[i].relation);
    let c = &mut out[target];
    c.mentions.extend(mentions);
    c.mentions.sort_by_key(|m| m.span.start);
    c.date = c.date.take().or(date);
    c.issuer = c.issuer.take().or(issuer);
    if relation == Relation::Basis {
        c.relation = Relation::Basis;
    }
}

/// Remove the citations marked `merged`; the rest in order of first mention.
fn drop_merged(out: &mut Vec<Citation>, merged: &[bool]) {
    let mut index = 0;
    out.retain(|_| {
        index += 1;
        !merged[index - 1]
    });
    out.sort_by_key(|c| c.mentions[0].span.start);
}

/// A document cited by name answers to a shorter form of that name ("Luật bầu cử" for
/// "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"): a name-only citation
/// whose name begins exactly one longer name-only citation of its kind joins it, under
/// the longer name. Short forms of one word after the type word name nothing specific.
fn merge_short_names(out: &mut Vec<Citation>) {
    // Name keys in order, so that the names a key begins stand right after it: each
    // look-up is a binary search, not a pass over every citation.
    let mut sorted: Vec<(String, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| c.symbol.is_none())
        .filter_map(|(i, c)| c.name.as_deref().map(|n| (name_key(n), i)))
        .collect();
    sorted.sort();
    let mut merged = vec![false; out.len()];
    // Longest first: a chain of short forms ("Nghị quyết Đại hội" ⊂ "… Đảng bộ xã lần thứ
    // I" ⊂ "… lần thứ I cho cán bộ") folds into its longest link one step at a time, so the
    // shortest finds one longer name left, not two.
    for (short, i) in sorted.iter().rev() {
        let i = *i;
        if short.split(' ').count() < 3 {
            continue;
        }
        let prefix = format!("{short} ");
        let from = sorted.partition_point(|(k, _)| k.as_str() < prefix.as_str());
        let mut longer = sorted[from..]
            .iter()
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|&(_, j)| j)
            .filter(|&j| !merged[j] && out[j].kind == out[i].kind && compatible(&out[i].date, &out[j].date));
        let (Some(j), None) = (longer.next(), longer.next()) else { continue };
        absorb(out, i, j);
        merged[i] = true;
    }
    drop_merged(out, &merged);
}

/// Whether two mentions' dates allow one document: equal, or one of them unknown.
fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// The grouping key of a document cited by name.
///
/// "năm" before a year is left out: "Hiến pháp năm 2013" and "Hiến pháp 2013" are one.
fn name_key(name: &str) -> String {
    let f = fold(&crate::grammar::expand_abbreviations(name));
    let words: Vec<&str> =
        f.split(|c: char| !crate::grammar::is_letter_or_digit(c)).filter(|w| !w.is_empty()).collect();
    let year = |w: &&str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let kept: Vec<&str> = (0..words.len())
        .filter(|&k| !(words[k] == "nam" && words.get(k + 1).is_some_and(year)))
        .map(|k| words[k])
        .collect();
    format!("n:{}", kept.join(" "))
}

/// How far around a mention [`sentence`] looks for the sentence's ends: the
/// longest sentence of the corpus that holds a citation is about 1.5 KB.
const SENTENCE_REACH: usize = 2048;

/// How much context a sentence keeps on a side where no end was found within
/// [`SENTENCE_REACH`] (a text without sentence ends or blank lines).
const SENTENCE_CONTEXT: usize = 200;

/// The sentence around a span: within its paragraph, from the previous sentence end to the next.
///
/// The ends are sought at most [`SENTENCE_REACH`] away, and a side with no end
/// there is cut at a word [`SENTENCE_CONTEXT`] bytes from the mention: each
/// mention costs a bounded amount of time and output, so a text like "số 1/KH-"
/// repeated on one line stays linear instead of copying its whole paragraph
/// for every mention.
fn sentence(text: &str, span: Span) -> String {
    let (s, e) = (span.start as usize, span.end as usize);
    let bytes = text.as_bytes();
    let lo = s.saturating_sub(SENTENCE_REACH);
    let hi = e.saturating_add(SENTENCE_REACH).min(text.len());
    // Byte searches (memchr): every sought character is ASCII, and this runs once per mention.
    let para_start = last_pair(&bytes[lo..s], b'\n', b'\n').map(|i| lo + i + 2);
    let para_end = memmem::find(&bytes[e..hi], b"\n\n").map(|i| e + i);
    let from = para_start.unwrap_or(lo);
    let before = &bytes[from..s];
    let start = memrchr3(b';', b'!', b'?', before)
        .or_else(|| last_pair(before, b'.', b' '))
        .map(|i| from + i + 1)
        .or(para_start)
        .or((lo == 0).then_some(0));
    let to = para_end.unwrap_or(hi);
    let after = &bytes[e..to];
    let end = [memchr(b'.', after), memchr3(b';', b'!', b'?', after)]
        .into_iter()
        .flatten()
        .min()
        .map(|i| e + i + 1)
        .or(para_end)
        .or((hi == text.len()).then_some(hi));
    let start = start.unwrap_or_else(|| {
        let cut = text.ceil_char_boundary(s.saturating_sub(SENTENCE_CONTEXT));
        text[cut..s].find(char::is_whitespace).map_or(cut, |i| cut + i)
    });
    let end = end.unwrap_or_else(|| {
        let cut = text.floor_char_boundary(e + SENTENCE_CONTEXT);
        text[e..cut].rfind(char::is_whitespace).map_or(cut, |i| e + i)
    });
    join_lines(&text[start..end])
}

/// Where the last `a` followed by `b` in `bytes` starts: `memmem::rfind` of the two bytes,
/// by a search for `a` alone from the end. The reverse two-byte search sets up a searcher
/// for each call and reads byte by byte; a sentence is sought twice per mention.
fn last_pair(bytes: &[u8], a: u8, b: u8) -> Option<usize> {
    memchr::memrchr_iter(a, bytes).find(|&i| bytes.get(i + 1) == Some(&b))
}

#[cfg(test)]
mod tests;
