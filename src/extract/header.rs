//! Header fields: kind, symbol, number, issuer, place, date, title, signer,
//! recipients — read from the parts that `segment` found.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::iso_date;
use super::symbol::{DocumentSymbol, SYMBOL};
use crate::document::{Document, Signer};
use crate::grammar::{
    BODY_HEADS, GAZETTE_HEADINGS, LEVELS_OF_PLACE, PARTY_COMMITTEES, PROPER_NAMES, ParentPart, SIGNATURE_AUTHORITIES,
    expand_abbreviations, fold, fold_starts_with, is_upper,
};
use crate::segment::{DATE_LINE, Layout, Line, ORGANIZATION_MOTTOS, lines, type_title_word};
use crate::span::Span;

/// Read the header fields of one document.
pub fn extract(text: &str, layout: &Layout) -> Document {
    let mut doc = Document::default();
    let head = lines_in(text, layout.header.start as usize, layout.header.end as usize);
    let head_zone = first_lines(text, layout.span, 40);

    let before_body: Vec<Line> = head_zone.iter().copied().filter(|l| l.span.start < layout.body.start).collect();
    let symbol = header_symbol(&before_body).map(|(span, symbol)| {
        doc.number = symbol.number;
        doc.symbol = Some(symbol.canonical.clone());
        doc.field_spans.insert("symbol".into(), span);
        symbol
    });
    let doc_type = layout.type_title.and_then(|s| text[s.range()].lines().next().and_then(type_title_word));
    doc.kind = doc_type
        .map(|t| match &symbol {
            Some(symbol) if t.abbreviation == "QyĐ" => symbol.quy_dinh_kind(),
            _ => t.abbreviation.clone(),
        })
        // A converter may drop the type title and keep the header: the symbol's type code.
        .or_else(|| symbol.and_then(|s| s.type_code))
        // A letter prints no type title; its symbol has no type code.
        .or_else(|| layout.title.map(|_| "CV".to_string()));
    if let Some(t) = layout.title {
        let title = join_lines(&title_text(text, t));
        let title = title.strip_prefix("V/v").or_else(|| title.strip_prefix("V/V")).map(str::trim).unwrap_or(&title);
        doc.title = Some(title.to_string());
        doc.field_spans.insert("title".into(), t);
    }
    if let Some(DateLine { span, place, date }) = date_line(&head_zone, layout.body.start as usize) {
        doc.place = Some(place);
        doc.date = date;
        doc.field_spans.insert("date".into(), span);
    }
    if doc.date.is_none() && doc.place.is_none() {
        doc.date = adoption_date(&text[layout.span.range()]);
    }
    doc.issuer = issuer(text, layout, &head, doc.place.as_deref());
    doc.signer = layout.signature.and_then(|s| signer(&lines_in(text, s.start as usize, s.end as usize)));
    doc.recipients = recipients(text, layout);
    doc
}

/// The lines of `text[from..to]`, with spans in `text`.
/// The text of the trích yếu at `span`. A letter's "V/v" stands in the header's left
/// column: of each of its lines only the first cell, not the date line printed beside it
/// ("V/v triển khai thực hiện Nghị định      Hà Nội, ngày 24 tháng 02 năm 2025").
fn title_text(text: &str, span: Span) -> std::borrow::Cow<'_, str> {
    let whole = &text[span.range()];
    if !fold_starts_with(whole, "v/v") {
        return whole.into();
    }
    let lines = lines_in(text, span.start as usize, span.end as usize);
    lines.iter().filter_map(|l| l.cells().first().map(|c| c.text)).collect::<Vec<_>>().join("\n").into()
}

fn lines_in(text: &str, from: usize, to: usize) -> Vec<Line<'_>> {
    lines(&text[from..to])
        .into_iter()
        .map(|l| Line { text: l.text, span: Span::new(from + l.span.start as usize, from + l.span.end as usize) })
        .collect()
}

/// The first `n` lines of `span`, with spans in `text`.
fn first_lines(text: &str, span: Span, n: usize) -> Vec<Line<'_>> {
    let from = span.start as usize;
    let piece = &text[span.range()];
    let end = piece.match_indices('\n').nth(n).map_or(piece.len(), |(i, _)| i);
    lines_in(text, from, from + end)
}

/// Lines joined with single spaces.
pub fn join_lines(s: &str) -> String {
    // Every citation's sentence passes here, and most text is words and single spaces
    // already: one vectorized scan for whitespace that is not a single ASCII space between
    // words (each whitespace char of Unicode told by its bytes) says whether to copy it as is.
    let spaced = |x: u8, y: u8, z: u8| {
        (x.wrapping_sub(b'\t') < 5)
            | ((x == b' ') & (y == b' '))
            | ((x == 0xC2) & ((y == 0x85) | (y == 0xA0)))
            | ((x == 0xE1) & (y == 0x9A) & (z == 0x80))
            | ((x == 0xE2) & (y == 0x80) & ((z <= 0x8A) | (z == 0xA8) | (z == 0xA9) | (z == 0xAF)))
            | ((x == 0xE2) & (y == 0x81) & (z == 0x9F))
            | ((x == 0xE3) & (y == 0x80) & (z == 0x80))
    };
    if !s.starts_with(' ') && !s.ends_with(' ') && !crate::normalize::scan::any_at(s, spaced) {
        return s.to_string();
    }
    let mut joined = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// The "Số:" cell of the header and the symbol in it.
///
/// A label that opens its cell wins over one behind a type word ("Nghị quyết số:
/// 17/2022/UBTVQH15", how the Gazette prints it): a web page's own heading above the
/// document ("Quyết định số 1961/2019/QĐ-UBND tỉnh Kiên Giang") is no header label.
fn header_symbol(zone: &[Line]) -> Option<(Span, DocumentSymbol)> {
    // "Số:", "Số", or a type word before it; group 1 is that type word.
    static SO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^\s*((?:\p{{L}}+\s+){{0,3}}?)(?i:{})\s*:?\s*", crate::grammar::NUMBER_LABEL)).unwrap()
    });
    let symbol_at = |line: &Line, at: usize| {
        let rest = &line.text[at..];
        SYMBOL.captures(rest).filter(|c| c.get(0).unwrap().start() <= 12).map(|c| {
            let whole = c.get(0).unwrap();
            let s = line.span.start as usize + at + whole.start();
            (Span::new(s, s + whole.len()), DocumentSymbol::from_captures(&c))
        })
    };
    let mut behind_type_word = None;
    for (i, line) in zone.iter().enumerate() {
        // The number may sit in the next column ("Số:      /KH-MTTQ-BTT"): read the whole line.
        let start = line.text.len() - line.text.trim_start().len();
        for cell_start in
            std::iter::once(start).chain(line.cells().iter().map(|c| c.span.start as usize - line.span.start as usize))
        {
            let Some(c) = SO.captures(&line.text[cell_start..]) else { continue };
            let m = c.get(0).unwrap();
            // A table cell exported one line per cell: "Số:" alone, the symbol on the next line.
            let alone = cell_start + m.end() == line.text.trim_end().len() && m.as_str().contains(':');
            let on_next_line = || {
                let next = zone.get(i + 1).filter(|_| alone)?;
                let indent = next.text.len() - next.text.trim_start().len();
                symbol_at(next, indent).filter(|(s, _)| s.start as usize == next.span.start as usize + indent)
            };
            let Some(found) = symbol_at(line, cell_start + m.end()).or_else(on_next_line) else { continue };
            if c[1].is_empty() {
                return Some(found);
            }
            behind_type_word.get_or_insert(found);
        }
    }
    behind_type_word
}

/// The date line: its span, its place, and its ISO date (`None` when any part is blank).
struct DateLine {
    span: Span,
    place: String,
    date: Option<String>,
}

/// The date line of the header zone: the first before the body starts at `body_start`,
/// or past it one that opens its line or cell (a header the layout put in the body), never
/// a date inside a sentence ("… tỉnh Quảng Ninh ngày …"). A line no cell of which holds it
/// is read whole: a blank day ("ngày      tháng 4") is wide enough to pass for a gap between
/// columns. A place broken over two lines by a narrow header cell ("Sơn\nLa, ngày 11 tháng
/// 3") takes its first words back. The span is the date line's own, not its cell's.
fn date_line(zone: &[Line], body_start: usize) -> Option<DateLine> {
    let read = |text: &str| {
        DATE_LINE.captures(text).map(|c| {
            let place = c["place"].trim().trim_end_matches(',').trim().to_string();
            let part =
                |words: &str, figures: &str| c.name(words).or_else(|| c.name(figures)).map_or("", |m| m.as_str());
            let date = iso_date(part("d", "nd"), part("m", "nm"), part("y", "ny"));
            (c.name("place").unwrap().start()..c.get(0).unwrap().end(), place, date)
        })
    };
    let indent = |l: &Line| l.span.start as usize + (l.text.len() - l.text.trim_start().len());
    for (i, line) in zone.iter().enumerate() {
        let found = line
            .cells()
            .into_iter()
            .find_map(|c| {
                read(c.text)
                    .map(|(at, place, date)| (c.span.start as usize + at.start, at.len(), place, date, at.start == 0))
            })
            .or_else(|| {
                read(line.text).map(|(at, place, date)| {
                    let start = line.span.start as usize + at.start;
                    (start, at.len(), place, date, start == indent(line))
                })
            });
        let Some((start, len, place, date, opens)) = found else { continue };
        if (line.span.start as usize) >= body_start && !opens {
            continue;
        }
        let broken = i.checked_sub(1).map(|k| &zone[k]).filter(|prev| opens && place_piece(prev.text.trim()));
        return Some(match broken {
            Some(prev) => DateLine {
                span: Span::new(indent(prev), start + len),
                place: format!("{} {place}", prev.text.trim()),
                date,
            },
            None => DateLine { span: Span::new(start, start + len), place, date },
        });
    }
    None
}

/// Whether a line is the head of a place name broken off its date line: one or two
/// words, each a capital then lower case ("Sơn", "Buôn Ma"), nothing else.
fn place_piece(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_some() && chars.all(char::is_lowercase)
        })
}

/// The adoption date of a resolution without a date line ("… thông qua ngày 23 tháng 3 năm 2022").
fn adoption_date(text: &str) -> Option<String> {
    static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)thông\s+qua\s+ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})").unwrap()
    });
    let c = ADOPTED.captures(text)?;
    iso_date(&c[1], &c[2], &c[3])
}

/// Upper-case header cells that name the issuing body, in order.
fn agency_cells<'t>(head: &[Line<'t>]) -> Vec<&'t str> {
    let mut out = vec![];
    let mut motto = Motto::default();
    for line in head {
        for cell in line.cells() {
            let f = fold(cell.text);
            if motto.goes_on(&f) || crate::segment::is_mass_organization_motto(cell.text) {
                continue;
            }
            let mottos = ["cong hoa xa hoi", "doc lap"].into_iter().chain(ORGANIZATION_MOTTOS);
            if mottos.clone().any(|m| f.contains(m)) {
                // A motto glued to the agency by OCR or by a flattened two-column
                // header: keep what stands before it.
                let at = mottos.chain(["dang cong san"]).filter_map(|m| f.find(m)).min();
                if let Some(i) = at {
                    let before = cell.text.char_indices().nth(f[..i].chars().count()).map(|(b, _)| &cell.text[..b]);
                    if let Some(b) = before.map(str::trim).filter(|b| !b.is_empty() && is_upper(b)) {
                        out.push(b);
                    }
                }
                continue;
            }
            let gazette_heading = GAZETTE_HEADINGS.iter().any(|h| f.starts_with(h));
            let mark = crate::grammar::is_document_mark(cell.text);
            let symbol = SYMBOL.find(cell.text).is_some_and(|m| m.start() == 0);
            // "Số: 12/KH-UBND", "SỐ 12", "Số" alone: the symbol's label, not "SỞ TÀI CHÍNH".
            let symbol_label = f.strip_prefix("so").is_some_and(|r| {
                r.trim_start().is_empty()
                    || r.trim_start().starts_with(|c: char| c.is_ascii_digit() || ":/.…".contains(c))
            });
            if is_upper(cell.text)
                && !symbol_label
                && !symbol
                && !gazette_heading
                && !mark
                && DATE_LINE.find(cell.text).is_none()
            {
                // A web copy prints the agency's underline, or the star under it, on its line
                // ("SỞ XÂY DỰNG -------", "LĐLĐ TỈNH BẮC GIANG *").
                let text = cell.text.trim_end_matches(['-', '_', '–', '—', '*', ' ']);
                match run_together(text) {
                    Some((parent, body)) => out.extend([parent, body]),
                    None if !text.is_empty() => out.push(text),
                    None => {}
                }
            }
        }
    }
    undouble(out)
}

/// The two names of an agency line that runs the body in charge and the issuing body
/// together, as a web copy prints them on one line ("UBND TỈNH NGHỆ AN SỞ XÂY DỰNG", "BỘ
/// CÔNG AN CÔNG AN TỈNH NGHỆ AN"): split before a body's name (a head and more) that follows
/// a complete parent, one that names its place or a national body of issuer-codes.tsv ("BỘ
/// CÔNG AN") or the country. A name that only holds a head word ("BAN CHỈ ĐẠO PHÒNG, CHỐNG …", "BỘ NỘI VỤ")
/// has no such parent before it.
fn run_together(line: &str) -> Option<(&str, &str)> {
    static NATIONAL_BODIES: LazyLock<Vec<String>> = LazyLock::new(|| {
        crate::grammar::grammar_rows(crate::grammar::ISSUER_CODES_TSV)
            .filter(|r| r.get(1) == Some(&"national"))
            .filter_map(|r| r.get(3).map(|bodies| bodies.split(", ").map(fold).collect::<Vec<_>>()))
            .flatten()
            .collect()
    });
    // A national organisation names the country ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM").
    let complete = |parent: &str| {
        let f = fold(parent);
        (opens_body(parent) && names_place(&f)) || NATIONAL_BODIES.contains(&f) || f.ends_with(" viet nam")
    };
    line.match_indices(' ').map(|(at, _)| at).find_map(|at| {
        let (parent, body) = (line[..at].trim_end(), line[at..].trim_start());
        (body.contains(' ') && opens_body(body) && complete(parent)).then_some((parent, body))
    })
}

/// The national motto's first line, followed through a header that wraps it
/// ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"),
/// so that no piece of it is taken for the agency's name.
#[derive(Default)]
struct Motto {
    /// The words of the motto still to come, after a cell that began it.
    pending: usize,
}

impl Motto {
    const WORDS: [&'static str; 8] = ["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"];

    /// Whether the cell (folded) is a piece of the motto: its beginning, or the
    /// words that go on where the cell before left it.
    fn goes_on(&mut self, folded: &str) -> bool {
        let words: Vec<&str> =
            folded.split(|c: char| !crate::grammar::is_letter_or_digit(c)).filter(|w| !w.is_empty()).collect();
        let from = Self::WORDS.len() - self.pending;
        let piece = if self.pending > 0 && Self::WORDS[from..].starts_with(&words) && !words.is_empty() {
            from
        } else if Self::WORDS.starts_with(&words) && !words.is_empty() && words.len() < Self::WORDS.len() {
            0
        } else {
            // Another column's cell may stand between two pieces: the motto stays pending.
            return false;
        };
        self.pending = Self::WORDS.len() - piece - words.len();
        true
    }
}

/// The Gazette prints the issuing body above the document and again in its
/// header: keep one copy when the cells spell the same name twice, or when the
/// first spells the start of the rest (a provincial Gazette's "ỦY BAN NHÂN DÂN
/// TỈNH" above "ỦY BAN NHÂN DÂN / TỈNH TUYÊN QUANG").
fn undouble(cells: Vec<&str>) -> Vec<&str> {
    let key = |c: &[&str]| fold(&c.concat()).replace(|c: char| !crate::grammar::is_letter_or_digit(c), "");
    for split in 1..cells.len() {
        if key(&cells[split..]).starts_with(&key(&cells[..split])) {
            return cells[split..].to_vec();
        }
    }
    cells
}

/// The issuing body named by the header's agency lines. Nghị định 30/2020/NĐ-CP prints
/// the body in charge above the issuing body: a last line that names a body with its
/// own place stands alone ("ĐẢNG ỦY XÃ ĐỒNG TÂM" under "ĐẢNG BỘ HUYỆN YÊN THẾ"); one
/// without a place takes its parent after it ("BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ
/// VIỆT NAM / XÃ LƯƠNG MINH"); a line that only continues a wrapped name ("TỈNH LÀO
/// CAI" under "ỦY BAN NHÂN DÂN") is joined to it.
fn header_issuer(cells: &[&str], date_place: Option<&str>) -> String {
    let cells = join_wrapped_names(cells);
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    let last = cells[cells.len() - 1];
    let f = fold(last);
    // A last line that is the line above's name with what narrows it stands alone ("KHO BẠC
    // NHÀ NƯỚC / KHO BẠC NHÀ NƯỚC KHU VỰC X").
    if let [.., above, _] = cells[..]
        && f.starts_with(&format!("{} ", fold(above)))
    {
        return proper_case(last);
    }
    // "VĂN PHÒNG" alone under "HUYỆN ỦY YÊN THẾ" is the committee's office.
    let head = BODY_HEADS
        .iter()
        .filter(|h| f.strip_prefix(h.folded.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
        .max_by_key(|h| h.folded.len());
    let Some(head) = head.filter(|_| cells.len() >= 2) else { return proper_case(&cells.join(" ")) };
    // The head as body-heads.tsv spells it, where a scan misspelled it ("BẢO HIẺM XÃ HỘI").
    let body = respelled(&proper_case(last), &head.spelled);
    if names_place(&f) {
        return body;
    }
    // The body directly above: "ĐẢNG BỘ TỈNH THANH HÓA / HUYỆN ỦY THỌ XUÂN / ỦY BAN KIỂM TRA" is
    // the district committee's; a place line belongs to the body above it ("ỦY BAN MTTQ VIỆT
    // NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC").
    let above = &cells[..cells.len() - 1];
    let from = (0..above.len()).rev().find(|&k| opens_body(above[k])).unwrap_or(0);
    let parent = proper_case(&above[from..].join(" "));
    match head.parent {
        ParentPart::Name => format!("{body} {parent}"),
        ParentPart::Place => {
            // A parent named without a level ("SỞ Y TẾ HÀ TĨNH") ends in the place the date
            // line prints; a parent with no place known lends nothing, not its whole name.
            let Some(place) = place_of(&parent).or_else(|| place_suffix(&parent, date_place)) else {
                return body;
            };
            // "THANH TRA TỈNH" under "UBND TỈNH NGHỆ AN": its level is the place's own.
            let level =
                body.rsplit_once(' ').map(|(_, w)| w).filter(|w| fold(place).starts_with(&format!("{} ", fold(w))));
            match level {
                Some(w) => format!("{body}{}", &place[w.len()..]),
                None => format!("{body} {place}"),
            }
        }
        ParentPart::Nothing => body,
    }
}

/// `name` with its first words, which fold to `head`, written as `head` is.
fn respelled(name: &str, head: &str) -> String {
    let n = head.split_whitespace().count();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < n || fold(&words[..n].join(" ")) != fold(head) {
        return name.to_string();
    }
    std::iter::once(head).chain(words[n..].iter().copied()).collect::<Vec<_>>().join(" ")
}

/// Whether an agency line opens with the name of a body ([`BODY_HEADS`]) or a level's Party
/// committee ("HUYỆN ỦY THỌ XUÂN"), not with a place alone ("XÃ LƯƠNG MINH").
fn opens_body(cell: &str) -> bool {
    let f = fold(cell);
    let opens = |h: &str| f.strip_prefix(h).is_some_and(|r| r.is_empty() || r.starts_with(' '));
    BODY_HEADS.iter().any(|h| opens(&h.folded)) || PARTY_COMMITTEES.iter().any(|c| opens(c))
}

/// The agency lines with a name wrapped over two of them joined: a line that opens
/// with "VÀ" or a dash, or follows one that ends so ("SỞ LAO ĐỘNG - THƯƠNG BINH" /
/// "VÀ XÃ HỘI"), goes on with the name above it rather than naming a body of its own; so
/// does the field a board is named for ("BAN CHỈ ĐẠO LIÊN NGÀNH" / "VỀ AN TOÀN THỰC PHẨM"),
/// and a place alone under a body named without one ("BẢO HIỂM XÃ HỘI" / "HUYỆN NÔNG CỐNG").
fn join_wrapped_names(cells: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for &cell in cells {
        let f = fold(cell);
        let goes_on = f.starts_with("va ") || f.starts_with("ve ") || cell.starts_with(['-', '–']);
        let wraps = |above: &str| {
            let fa = fold(above);
            let places = || {
                place_start(&f.split_whitespace().collect::<Vec<_>>()) == Some(0)
                    && !names_place(&fa)
                    && opens_body(&fa)
            };
            goes_on || fa.ends_with(" va") || above.ends_with(['-', '–']) || places()
        };
        match out.last_mut() {
            Some(above) if wraps(above) => {
                above.push(' ');
                above.push_str(cell);
            }
            _ => out.push(cell.to_string()),
        }
    }
    out
}

/// The date line's place, as it prints it, where a body's name ends in it ("Hà Tĩnh" of
/// "SỞ Y TẾ HÀ TĨNH").
fn place_suffix<'p>(name: &str, place: Option<&'p str>) -> Option<&'p str> {
    let place = place?;
    let (name, folded) = (fold(name), fold(place));
    (name.len() > folded.len() && name.ends_with(&format!(" {folded}"))).then_some(place)
}

/// The place a body's name ends in, from its level word on ("tỉnh Quảng Ngãi" of "UBND
/// tỉnh Quảng Ngãi"), when a name follows the level.
fn place_of(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let i = place_start(&folded.iter().map(String::as_str).collect::<Vec<_>>())?;
    Some(&name[words[i].as_ptr() as usize - name.as_ptr() as usize..])
}

/// Whether a folded body name holds a place: a level word followed by a name
/// ("đảng ủy xã đồng tâm"), or a level's Party committee followed by one ("huyện ủy
/// yên thế"); not a committee word that ends the name ("ban thường vụ tỉnh ủy").
fn names_place(folded: &str) -> bool {
    place_start(&folded.split_whitespace().collect::<Vec<_>>()).is_some()
}

/// Where the place of a body's name opens among its folded words: the first level (or a
/// level's Party committee) with a name after it that is not "ủy".
fn place_start(words: &[&str]) -> Option<usize> {
    (0..words.len()).find(|&i| {
        // "xã hội" is society ("Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội"), no commune.
        let society = words[i] == "xa" && words.get(i + 1) == Some(&"hoi");
        !society
            && LEVELS_OF_PLACE.iter().chain(PARTY_COMMITTEES.iter()).any(|l| {
                let n = l.split(' ').count();
                i + n < words.len() && words[i..i + n].join(" ") == **l && words[i + n] != "uy"
            })
    })
}

/// The agency lines of a joint document's header, which sets its bodies side by side
/// ("ỦY BAN NHÂN DÂN        BAN THƯỜNG TRỰC ỦY BAN MTTQ" / "TỈNH ĐỒNG THÁP        VIỆT NAM
/// TỈNH ĐỒNG THÁP"): a line holds two agency cells, the lines split at the column the right
/// one starts in, and each column names its body in two lines or more. The issuer is then
/// both, "A - B".
fn joint_columns<'t>(head: &[Line<'t>], cells: &[&'t str]) -> Option<(Vec<&'t str>, Vec<&'t str>)> {
    // Each agency cell's line and the column (in chars) it starts at.
    let placed: Vec<(usize, usize, &str)> = cells
        .iter()
        .filter_map(|&c| {
            let at = c.as_ptr() as usize;
            head.iter().enumerate().find_map(|(k, l)| {
                let from = l.text.as_ptr() as usize;
                (from..=from + l.text.len()).contains(&at).then(|| (k, l.text[..at - from].chars().count(), c))
            })
        })
        .collect();
    let right_at = placed.windows(2).find(|w| w[0].0 == w[1].0).map(|w| w[1].1)?;
    let (left, right): (Vec<_>, Vec<_>) = placed.iter().partition(|p| p.1 + 4 < right_at);
    let column = |v: Vec<&(usize, usize, &'t str)>| v.into_iter().map(|p| p.2).collect::<Vec<_>>();
    // A column of one line beside the header is a mass organization's national name, printed as
    // its motto ("HỘI NÔNG DÂN VIỆT NAM" over "HỘI NÔNG DÂN TỈNH ĐẮK LẮK / BCH …").
    (left.len() >= 2 && right.len() >= 2).then(|| (column(left), column(right)))
}

/// The issuing body: from the header, else the body's "X ban hành Kế hoạch…", else the signature.
fn issuer(text: &str, layout: &Layout, head: &[Line], place: Option<&str>) -> Option<String> {
    let cells = agency_cells(head);
    let type_title = layout.type_title.map(|s| join_lines(&text[s.range()]));
    let party_body = type_title.as_deref().and_then(|t| {
        let f = fold(t);
        f.find(" cua ").map(|i| t[byte_at(t, &f, i + 5)..].trim().to_string())
    });
    let from_header = (!cells.is_empty()).then(|| match joint_columns(head, &cells) {
        Some((left, right)) => format!("{} - {}", header_issuer(&left, place), header_issuer(&right, place)),
        None => header_issuer(&cells, place),
    });
    let party = head.iter().any(|l| fold(l.text).contains("dang cong san viet nam"));
    let named = match (party_body, from_header) {
        (Some(body), Some(parent)) => Some(join_party(&proper_case(&body), &parent)),
        (Some(body), None) => Some(proper_case(&body)),
        // A Party document signed "T/M BAN THƯỜNG VỤ" under "ĐẢNG ỦY XÃ X" is the standing committee's.
        (None, Some(h)) if party => Some(match signature_issuer(text, layout) {
            Some(tm) if !fold(&h).contains(&fold(&tm)) => join_party(&tm, &h),
            _ => h,
        }),
        (None, Some(h)) => Some(h),
        (None, None) => body_issuer(&text[layout.opening.range()]).map(|b| with_place(&b, place)),
    };
    let named = named.or_else(|| signature_issuer(text, layout));
    named.map(|n| respell_place(&expand_abbreviations(&n), place))
}

fn byte_at(s: &str, folded: &str, folded_byte: usize) -> usize {
    let n = folded[..folded_byte].chars().count();
    s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())
}

/// "Ban Thường vụ Tỉnh ủy" under "Tỉnh ủy Lào Cai" → "Ban Thường vụ Tỉnh ủy Lào Cai"; a body
/// that names its level takes the committee's place after it ("Ban Chấp hành Đảng bộ xã"
/// under "Đảng ủy xã Nghĩa Lộc" → "… Đảng bộ xã Nghĩa Lộc"); and a Ban Chấp hành is the
/// Đảng bộ's, as its committee's name is the Đảng ủy ("Ban Chấp hành" under "Đảng ủy xã Phú
/// Lý" → "Ban Chấp hành Đảng bộ xã Phú Lý").
fn join_party(body: &str, parent: &str) -> String {
    let fb = fold(body);
    let fp = fold(parent);
    let words: Vec<&str> = parent.split_whitespace().collect();
    for k in (1..words.len()).rev() {
        let prefix = fold(&words[..k].join(" "));
        if fb.ends_with(&prefix) && fp.starts_with(&prefix) {
            return format!("{} {}", body, words[k..].join(" "));
        }
    }
    if let Some(level) = LEVELS_OF_PLACE.iter().find(|l| fb.ends_with(&format!(" {l}")))
        && let Some(at) = fp.find(&format!("{level} "))
        && (at == 0 || fp[..at].ends_with(' '))
    {
        let skip = fp[..at + level.len()].split_whitespace().count();
        return format!("{} {}", body, words[skip..].join(" "));
    }
    if fb == "ban chap hanh" && fp.starts_with("dang uy ") {
        return format!("{body} Đảng bộ {}", words[2..].join(" "));
    }
    format!("{body} {parent}")
}

/// "Văn phòng UBND tỉnh" and a date line at "Đồng Nai" → "Văn phòng UBND tỉnh Đồng Nai";
/// "UBND thành phố" at "TP. Quảng Ngãi" → "UBND thành phố Quảng Ngãi".
fn with_place(body: &str, place: Option<&str>) -> String {
    let f = fold(body);
    let Some(level) = LEVELS_OF_PLACE.iter().find(|l| f.ends_with(&format!(" {l}"))) else { return body.to_string() };
    let Some(place) = place.filter(|p| !p.is_empty()) else { return body.to_string() };
    let place = expand_abbreviations(place);
    let fp = fold(&place);
    if fp.starts_with(&format!("{level} ")) {
        let keep = body.split_whitespace().count() - level.split(' ').count();
        let head: Vec<&str> = body.split_whitespace().take(keep).collect();
        format!("{} {}", head.join(" "), place)
    } else {
        format!("{body} {place}")
    }
}

/// The place words of an issuer spelled as the date line spells them, where the
/// header's upper-case print lost or changed a mark ("ĐỨC PHỐ" beside "Đức Phổ").
fn respell_place(issuer: &str, place: Option<&str>) -> String {
    let Some(place) = place else { return issuer.to_string() };
    let words: Vec<&str> = issuer.split_whitespace().collect();
    let n = place.split_whitespace().count();
    if n == 0 || n > words.len() {
        return issuer.to_string();
    }
    let tail = words[words.len() - n..].join(" ");
    if tail != place && fold(&tail) == fold(place) {
        format!("{} {}", words[..words.len() - n].join(" "), place).trim().to_string()
    } else {
        issuer.to_string()
    }
}

/// The body that the opening passage says issues the document.
fn body_issuer(opening: &str) -> Option<String> {
    static ISSUES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[;:,.]\s*|\n)(?P<body>(?:UBND|Ủy ban|Uỷ ban|Ban|Đảng ủy|Đảng uỷ|Văn phòng|Sở|Hội đồng|HĐND|Thường trực|Chi bộ|Tiểu ban|Phòng|Trung tâm|Huyện ủy|Tỉnh ủy|Thành ủy)[^;:,.\n]{2,90}?)\s+(?:ban hành|xây dựng|triển khai)\s+(?:[Kk]ế hoạch|[Qq]uyết định|[Cc]hương trình|[Hh]ướng dẫn|[Nn]ghị quyết|[Pp]hương án)").unwrap()
    });
    ISSUES.captures(opening).map(|c| c["body"].trim().to_string())
}

/// The body named in a "TM." line of the signature.
fn signature_issuer(text: &str, layout: &Layout) -> Option<String> {
    let sig = layout.signature?;
    lines_in(text, sig.start as usize, sig.end as usize).iter().flat_map(|l| l.cells()).find_map(|c| {
        let t = c.text.trim_start_matches('*');
        let rest = t.strip_prefix("TM.").or_else(|| t.strip_prefix("T/M"))?;
        Some(proper_case(rest.trim()))
    })
}

/// Write the words of a body's name that a scan misread ("ỦY BAN NHẢN DÂN") as the name is
/// spelled: where the lower-case words fold (tone marks and all dropped) to a name of two
/// words or more that an abbreviation stands for (`grammars/abbreviations.tsv`: "Ủy ban
/// nhân dân", "Mặt trận Tổ quốc"), they take its spelling. Two names that differ in their
/// marks alone are not among those.
fn respell_known_names(words: &mut [String]) {
    /// Each name as spelled and as folded, the longest first ("ủy ban mặt trận tổ quốc việt
    /// nam" before "mặt trận tổ quốc").
    static NAMES: LazyLock<Vec<(Vec<String>, Vec<String>)>> = LazyLock::new(|| {
        let mut names: Vec<Vec<String>> = crate::grammar::ABBREVIATIONS
            .iter()
            .flat_map(|a| a.readings.iter())
            .map(|r| r.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| w.len() >= 2 && w.iter().all(|w| w.chars().all(crate::grammar::is_letter)))
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        names.into_iter().map(|n| (n.iter().map(|w| fold(w)).collect(), n)).collect()
    });
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    // A web page's copy may lose the line's first letter ("Y BAN NHÂN DÂN": the "Ủ" stood in
    // a span of its own); a name of three words or more still tells which it was.
    let first_letter_lost = |(f, _): &&(Vec<String>, Vec<String>)| {
        f.len() >= 3
            && folded.len() >= f.len()
            && f[0].len() >= 2
            && f[0].get(1..) == Some(folded[0].as_str())
            && folded[1..f.len()] == f[1..]
    };
    if let Some((_, spelled)) = NAMES.iter().find(first_letter_lost) {
        words[..spelled.len()].clone_from_slice(spelled);
    }
    let mut i = 0;
    while i < words.len() {
        match NAMES.iter().find(|(f, _)| folded[i..].starts_with(f)) {
            Some((_, spelled)) => {
                words[i..i + spelled.len()].clone_from_slice(spelled);
                i += spelled.len();
            }
            None => i += 1,
        }
    }
}

/// Write a level of place a scan misread ("ỦY BAN NHÂN DÂN HUYÊN HƯƠNG SƠN") as the grammar
/// spells it: the level's words, folded, are the level's.
fn respell_level(level: &mut [String]) {
    let folded = fold(&level.join(" "));
    let spelled = crate::grammar::LEVELS_OF_PLACE_SPELLED.iter().find(|l| fold(l) == folded);
    if let Some(spelled) = spelled {
        for (w, s) in level.iter_mut().zip(spelled.split(' ')) {
            *w = s.to_string();
        }
    }
}

/// Upper-case agency text in conventional case: words in lower case, the first
/// and proper names capitalized ("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỐ" → "Ủy ban nhân dân thị xã Đức Phố").
pub fn proper_case(s: &str) -> String {
    if !is_upper(s) {
        return s.trim().to_string();
    }
    // Abbreviations ("MTTQ") stay as printed, to be expanded after.
    let is_abbreviation =
        |w: &str| crate::grammar::ABBREVIATIONS.iter().any(|a| a.abbreviation == w && a.readings.len() == 1);
    let mut lower: Vec<String> = s
        .split_whitespace()
        .map(|w| if is_abbreviation(w) { w.to_string() } else { crate::grammar::lower_case(w) })
        .collect();
    respell_known_names(&mut lower);
    let mut words: Vec<String> = lower.clone();
    // Capitalize what follows a level word: a place name.
    let mut i = 0;
    while i < words.len() {
        let two = (i + 1 < words.len()).then(|| format!("{} {}", lower[i], lower[i + 1]));
        let step = if two.as_deref().is_some_and(|t| LEVELS_OF_PLACE.contains(&fold(t))) {
            2
        } else if LEVELS_OF_PLACE.contains(&fold(&lower[i])) {
            1
        } else {
            0
        };
        // "XÃ HỘI" is society, not a commune.
        let step = if lower[i] == "xã" && lower.get(i + 1).is_some_and(|w| w == "hội") { 0 } else { step };
        // "HUYỆN ỦY YÊN THẾ", "THÀNH ỦY QUẢNG NGÃI": a Party committee, whose name is
        // capitalized, then its place.
        let committee = step == 1 && lower.get(i + 1).is_some_and(|w| w == "ủy" || w == "uỷ")
            || two.as_deref().is_some_and(|t| PARTY_COMMITTEES.contains(&fold(t)));
        if committee {
            words[i] = capitalize(&words[i]);
        }
        let step = if committee { 2 } else { step };
        // After "… nhân dân" a level is sure to be one ("địa phương" is not "địa phường").
        if step > 0 && !committee && i > 0 && fold(&lower[i - 1]) == "dan" {
            respell_level(&mut words[i..i + step]);
        }
        if step > 0 {
            for w in words.iter_mut().skip(i + step) {
                *w = capitalize(w);
            }
            break;
        }
        i += 1;
    }
    if let Some(first) = words.first_mut() {
        *first = capitalize(first);
    }
    // A ministry or a provincial department capitalizes each field it names: "Bộ Lao động -
    // Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ".
    if lower.first().is_some_and(|w| w == "bộ" || w == "sở") {
        for i in 1..words.len() {
            if i == 1 || ["và", "-", "–"].contains(&lower[i - 1].as_str()) || lower[i - 1].ends_with(',') {
                words[i] = capitalize(&words[i]);
            }
        }
    }
    // "KHU VỰC XIII": the region's number is a Roman numeral, in capitals.
    for i in 2..words.len() {
        let roman = |w: &str| !w.is_empty() && w.chars().all(|c| "ivxlc".contains(c));
        if lower[i - 2] == "khu" && lower[i - 1] == "vực" && roman(&lower[i]) {
            words[i] = lower[i].to_uppercase();
        }
    }
    let mut out = words.join(" ");
    for k in PROPER_NAMES.iter() {
        let lk = k.to_lowercase();
        if let Some(p) = out.to_lowercase().find(&lk)
            && out.is_char_boundary(p)
            && out.is_char_boundary(p + lk.len())
            && out[p..p + lk.len()].to_lowercase() == lk
        {
            out.replace_range(p..p + lk.len(), k);
        }
    }
    // "Ban Thường vụ" inside "Ủy ban Thường vụ Quốc hội" is not a body of its own.
    out = out.replace("Ủy Ban", "Ủy ban");
    for unit in ["tỉnh ủy", "thành ủy", "huyện ủy", "đảng ủy", "tỉnh uỷ", "thành uỷ", "huyện uỷ", "đảng uỷ"]
    {
        out = out.replace(unit, &capitalize(unit));
    }
    out
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The signer: the name at the bottom, the position line above it, the authority line.
fn signer(sig: &[Line]) -> Option<Signer> {
    let (lines, cells): (Vec<usize>, Vec<&str>) = sig
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.cells().into_iter().map(move |c| (i, c)))
        .map(|(i, c)| (i, c.text.trim_matches('*').trim()))
        // "Nơi nhận: T/M BAN THƯỜNG VỤ" where OCR closed the gap between the columns.
        .map(|(i, t)| {
            (i, if fold_starts_with(t, "noi nhan") { t.split_once(':').map_or("", |x| x.1.trim()) } else { t })
        })
        // "- Như Điều 2; KT. CHỦ TỊCH": a recipient with the signature's line run into it.
        .map(|(i, t)| {
            (
                i,
                if t.starts_with(crate::grammar::ITEM_BULLETS) {
                    signature_run_in(t).map_or("", |(_, line)| line)
                } else {
                    t
                },
            )
        })
        .filter(|(_, t)| !t.is_empty() && !t.starts_with(crate::grammar::ITEM_BULLETS) && !t.starts_with('('))
        .unzip();
    let names = |k: &usize| is_person_name(without_titles(cells[*k]));
    let name_at = (0..cells.len()).rev().find(names)?;
    // Signers side by side (a joint circular): the first, the leading body's, as its header prints it first.
    let first_on_line = (0..name_at).filter(|k| lines[*k] == lines[name_at]).find(names);
    let name = without_titles(cells[first_on_line.unwrap_or(name_at)]).to_string();
    let above: Vec<&str> = cells[..name_at].iter().copied().filter(|t| is_upper(t)).collect();
    let mut authority = None;
    let mut position = None;
    for (i, t) in above.iter().enumerate().rev() {
        if let Some((_, code)) = SIGNATURE_AUTHORITIES.iter().find(|(p, _)| {
            t.strip_prefix(p.as_str())
                .is_some_and(|rest| rest.starts_with(['.', ' ', '/']) || (p.contains('/') && !rest.is_empty()))
        }) {
            authority = Some(code.clone());
            // "TL. CHỦ TỊCH" names whom the signer acts for; the position is the line after it.
            position = above.get(i + 1).map(|p| sentence_case(p));
            break;
        }
    }
    if authority.is_none() {
        position = above.last().map(|p| sentence_case(p));
    }
    Some(Signer { name: Some(name), position, authority })
}

/// A name line without the ranks and titles before the name ("Thượng tá Lê Đình Hòa",
/// "BS.CKII. Nguyễn Thanh Tâm"): each whole, at the start, one after another.
fn without_titles(line: &str) -> &str {
    let mut t = line;
    while let Some(rest) = crate::grammar::SIGNER_TITLES.iter().find_map(|title| {
        let rest = t.strip_prefix(title.as_str())?;
        (title.ends_with('.') || rest.starts_with(' ')).then(|| rest.trim_start())
    }) {
        t = rest;
    }
    t
}

/// Whether a cell reads as a person's name: two to six capitalized words, a highland
/// name's apostrophe included ("Siu H'Lan", "K’Nhiên"), also where the scan spaced it off
/// ("K' Bròng", "H' Yâm Byă").
fn is_person_name(t: &str) -> bool {
    let capitalized = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && {
            let rest = chars.as_str();
            match rest.split_once(['\'', '’']) {
                Some((before, after)) => {
                    before.chars().all(char::is_lowercase)
                        && after.chars().next().is_some_and(char::is_alphabetic)
                        && after.chars().skip(1).all(char::is_lowercase)
                }
                None => rest.chars().all(char::is_lowercase),
            }
        }
    };
    let initial = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && matches!(chars.next(), Some('\'' | '’'))
            && chars.next().is_none()
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| capitalized(w) || (initial(w) && i + 1 < words.len()))
}

/// "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng"? The contract writes positions in
/// sentence case; proper nouns inside (Văn phòng, Thủ tướng) keep a capital.
fn sentence_case(s: &str) -> String {
    let lower = crate::grammar::lower_case(s.trim());
    let mut out = capitalize(&lower);
    for k in ["Văn phòng", "Thủ tướng", "Chính phủ", "Thường trực"] {
        out = out.replace(&format!(" {}", k.to_lowercase()), &format!(" {k}"));
    }
    out
}

/// Whether at least four in five letters of `s` are capitals (and there are some).
fn mostly_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|&c| crate::grammar::is_letter(c)).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 4 && upper * 5 >= letters.len() * 4
}

/// The signature column that OCR or a flattened layout ran into a recipient item, after its
/// last ", " or "; " ("- Như Điều 2; KT. CHỦ TỊCH", "Tỉnh ủy, BÍ THƯ THƯỜNG TRỰC"): the item
/// and the authority or position line, in capitals, two words at least, or the signer's
/// titled name. One word in capitals
/// is an abbreviation the item lists ("VPUB: CVP, PCVP, KGVX"); a body abbreviated before its
/// place ("UBND xã, UBMTTQVN xã") ends in lower case.
fn signature_run_in(item: &str) -> Option<(&str, &str)> {
    // The filed copies' line, last of the list, with the signer's bare name run in after its
    // full stop ("- Lưu: VT, P8. Lê Văn Cường"): no recipient follows it.
    if let Some(at) = item.rfind(". ").filter(|_| files_copies(item))
        && is_person_name(item[at + 2..].trim())
    {
        return Some((&item[..at + 1], item[at + 2..].trim()));
    }
    let at = [", ", "; "].iter().filter_map(|sep| item.rfind(sep)).max()?;
    let (head, tail) = (&item[..at], item[at + 2..].trim());
    let ends_in_place = tail.split_whitespace().last().is_some_and(|w| !w.chars().any(char::is_uppercase));
    // A position is spelled in words ("PHÓ CHỦ TỊCH", "CHU TICH" without its marks) or opens
    // with an authority ("KT."); a code of a title or an office has no vowel ("PCVP NC": the
    // deputy for internal affairs) and is an item's.
    let code =
        |w: &str| w.chars().nth(1).is_some() && !w.ends_with('.') && !fold(w).contains(['a', 'e', 'i', 'o', 'u', 'y']);
    let spelled = !tail.split_whitespace().any(code);
    let position = tail.split_whitespace().nth(1).is_some() && mostly_upper(tail) && !ends_in_place && spelled;
    // Or the signer's name with its rank after an item's ";" ("- UBND các xã, phường; Thượng tá
    // Lương Văn Thuần"): a rank or title is what no recipient opens with after a semicolon.
    let name = without_titles(tail);
    let signer = item[at..].starts_with("; ") && name != tail && is_person_name(name);
    (position || signer).then_some((head, tail))
}

/// Whether a recipient item files the copies ("- Lưu: VT", "Lưu.", "VPĐU: Lưu VP."): a part
/// that opens with "Lưu", not the place "huyện Quỳnh Lưu".
fn files_copies(item: &str) -> bool {
    let item = item.trim_start().trim_start_matches(crate::grammar::ITEM_BULLETS);
    fold(item).split([':', ';', ',']).any(|part| {
        part.trim_start().strip_prefix("luu").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '.']))
    })
}

/// Items of "Kính gửi:" and "Nơi nhận:", one per item as printed, without "Lưu …".
/// An item without the signature column's "(đã ký)" that a flattened layout ran into it
/// ("Trưởng các thôn; (đã ký)").
fn without_signed_mark(item: &str) -> &str {
    let Some(open) = item.strip_suffix(')').and_then(|i| i.rfind('(')) else { return item };
    let mark = fold(&item[open + 1..item.len() - 1]);
    let mark = mark.trim();
    let signed = mark == "ky" || mark.starts_with("da ky") || mark.starts_with("ky ten") || mark.starts_with("ky va");
    if signed { item[..open].trim_end() } else { item }
}

/// The items of a list that a web page's copy ran into one line ("- Công an xã; - Ban Chỉ
/// huy Quân sự xã; - Trưởng các ấp."): split after each ";" that a bullet follows.
fn run_together_items(line: &str) -> Vec<&str> {
    static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r";\s*[-–+•]\s").unwrap());
    let mut out = vec![];
    let mut from = 0;
    for m in NEXT_ITEM.find_iter(line) {
        out.push(&line[from..m.start() + 1]);
        from = m.start() + 1 + (m.as_str()[1..].len() - m.as_str()[1..].trim_start().len());
    }
    out.push(&line[from..]);
    out
}

fn recipients(text: &str, layout: &Layout) -> Vec<String> {
    let mut out = vec![];
    for block in [layout.addressees, layout.recipients].into_iter().flatten() {
        let mut current: Option<String> = None;
        let flush = |c: &mut Option<String>, out: &mut Vec<String>| {
            if let Some(item) = c.take() {
                // Punctuation and OCR debris at the end of an item ("Tỉnh ủy, `"), and the
                // signature column run into it.
                let debris = |c: char| !crate::grammar::is_letter_or_digit(c) && c != ')';
                let item = without_signed_mark(item.trim().trim_end_matches(debris)).trim_end_matches(debris).trim();
                let item = signature_run_in(item).map_or(item, |(head, _)| head).to_string();
                if item.chars().count() > 2 && !files_copies(&item) {
                    out.push(item);
                }
            }
        };
        for line in lines_in(text, block.start as usize, block.end as usize) {
            // The first cell, and items set out in columns beside it ("- Phòng Y tế;      - Phòng
            // Giáo dục và Đào tạo;"); a cell without a bullet beside them is the signature's.
            let cells = line.cells();
            let beside = cells.iter().skip(1).filter(|c| crate::grammar::strip_bullet(c.text).is_some());
            for cell in cells.first().into_iter().chain(beside) {
                let mut t = cell.text.trim_matches('*').trim();
                let f = fold(t);
                if f.starts_with("noi nhan") || crate::segment::opens_address_list(t) {
                    t = t.split_once(':').map(|x| x.1).unwrap_or("").trim();
                }
                if t.is_empty() || is_upper(t) && !t.starts_with(crate::grammar::ITEM_BULLETS) {
                    continue;
                }
                for t in run_together_items(t) {
                    if let Some(item) = t.strip_prefix(crate::grammar::ITEM_BULLETS) {
                        flush(&mut current, &mut out);
                        current = Some(item.trim().to_string());
                    } else if let Some(c) = current.as_mut() {
                        c.push(' ');
                        c.push_str(t);
                    } else {
                        current = Some(t.to_string());
                        flush(&mut current, &mut out);
                    }
                }
            }
        }
        flush(&mut current, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn join_lines_is_split_whitespace_joined() {
        let spaces = (0..0x3001u32).filter_map(char::from_u32).filter(|c| c.is_whitespace());
        for space in spaces {
            for s in [format!("a{space}b"), format!("{space}ế"), format!("ế{space}"), format!("Ủy ban{space} nhân dân")]
            {
                assert_eq!(join_lines(&s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
            }
        }
        for s in ["", " ", "a", "a b", "a  b", "“Dân vận” – khéo…", "ế ề ệ"] {
            assert_eq!(join_lines(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }
    use super::*;

    #[test]
    fn a_header_kept_as_a_table_without_its_title_still_gives_symbol_date_and_kind() {
        // A converter wrote the Word header table out with "|" and dropped the type title.
        let text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
                    Số: 983/KH-UBND | Tây Ninh, ngày 15 tháng 5 năm 2019 |\n\
                    Thực hiện Quyết định số 471/QĐ-TTg ngày 26/4/2019 của Thủ tướng Chính phủ.\n\
                    1. Tiếp tục thể chế hóa chủ trương của Đảng.\n";
        let x = crate::pipeline::extract_bytes("plan.txt", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!(
            (doc.kind.as_deref(), doc.symbol.as_deref(), doc.date.as_deref(), doc.place.as_deref()),
            (Some("KH"), Some("983/KH-UBND"), Some("2019-05-15"), Some("Tây Ninh"))
        );
        // The document's own symbol is no citation; the body opens under the header.
        assert_eq!(doc.citations.iter().map(|c| c.symbol.as_deref()).collect::<Vec<_>>(), [Some("471/QĐ-TTg")]);
    }

    #[test]
    fn a_web_page_copy_from_a_pdf_keeps_the_header_symbol_and_undashed_recipients() {
        // The page's own heading names the document with another symbol form; the PDF's
        // text lost the hyphens and the dashes of "Nơi nhận", keeping the space after them.
        let text = "Quyết định số 1961/2019/QĐ-UBND tỉnh Kiên Giang\n\n\
                    ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐUBND\n\
                    CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM\nKiên Giang, ngày 28 tháng 8 năm 2019\n\
                    QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\n\
                    Điều 1. Ban hành kèm theo Quyết định này Quy chế.\n\
                    Nơi nhận:\n Như Điều 3;\n Văn phòng Chính phủ;\n TT.TU, TT.HĐND tỉnh;\n Lưu: VT.\n\
                    KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Thi\n";
        let x = crate::pipeline::extract_bytes("qd.txt", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!(doc.symbol.as_deref(), Some("1961/QĐ-UBND"));
        assert_eq!(doc.recipients, ["Như Điều 3", "Văn phòng Chính phủ", "TT.TU, TT.HĐND tỉnh"]);
    }

    #[test]
    fn proper_case_of_agency_lines() {
        assert_eq!(proper_case("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỐ"), "Ủy ban nhân dân thị xã Đức Phố");
        // A mark a scan misread inside a body's name that an abbreviation stands for.
        assert_eq!(proper_case("ỦY BAN NHẢN DÂN XÃ TÂN PHÚ"), "Ủy ban nhân dân xã Tân Phú");
        // The first letter a web page's copy lost; a name of three words at least tells it.
        assert_eq!(proper_case("Y BAN NHÂN DÂN TỈNH KON TUM"), "Ủy ban nhân dân tỉnh Kon Tum");
        assert_eq!(proper_case("AN NHÂN DÂN XÃ TÂN PHÚ"), "An nhân dân xã Tân Phú");
        // A level whose mark a scan lost or misplaced is the level.
        assert_eq!(proper_case("UY BAN NHÂN DÂN HUYÊN HƯƠNG SƠN"), "Ủy ban nhân dân huyện Hương Sơn");
        assert_eq!(proper_case("ỦY BAN NHÂN DÂN THI XA ĐỨC PHỐ"), "Ủy ban nhân dân thị xã Đức Phố");
        assert_eq!(proper_case("ỦY BAN MẶT TRÂN TỔ QUỐC VIỆT NAM"), "Ủy ban Mặt trận Tổ quốc Việt Nam");
        assert_eq!(proper_case("SỞ NỘI VỤ"), "Sở Nội vụ");
        assert_eq!(proper_case("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), "Sở Văn hóa, Thể thao và Du lịch");
        assert_eq!(proper_case("BỘ GIÁO DỤC VÀ ĐÀO TẠO"), "Bộ Giáo dục và Đào tạo");
        assert_eq!(join_party("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Lào Cai"), "Ban Thường vụ Tỉnh ủy Lào Cai");
        assert_eq!(
            join_party("Ban Chấp hành Đảng bộ xã", "Đảng ủy xã Nghĩa Lộc"),
            "Ban Chấp hành Đảng bộ xã Nghĩa Lộc"
        );
        assert_eq!(join_party("Ban Chấp hành", "Đảng ủy xã Phú Lý"), "Ban Chấp hành Đảng bộ xã Phú Lý");
        assert_eq!(join_party("Ban Thường vụ", "Đảng ủy xã Phú Lý"), "Ban Thường vụ Đảng ủy xã Phú Lý");
    }

    #[test]
    fn items_run_into_one_line_are_split_at_their_bullets() {
        assert_eq!(
            run_together_items("- Như trên; - TT HĐND xã (b/c); - Lưu: VT."),
            ["- Như trên;", "- TT HĐND xã (b/c);", "- Lưu: VT."]
        );
        assert_eq!(run_together_items("- Sở Tài chính; Sở Nội vụ"), ["- Sở Tài chính; Sở Nội vụ"]);
    }

    #[test]
    fn a_signed_mark_run_into_a_recipient_is_no_part_of_it() {
        assert_eq!(without_signed_mark("Trưởng các thôn; (đã ký)"), "Trưởng các thôn;");
        assert_eq!(without_signed_mark("UBND huyện (Đã ký và đóng dấu)"), "UBND huyện");
        for kept in ["Sở Tài chính (b/c)", "Như Điều 3 (để thực hiện)", "Chủ tịch"] {
            assert_eq!(without_signed_mark(kept), kept);
        }
    }

    #[test]
    fn signer_titles_before_the_name_are_no_part_of_it() {
        for (line, c) in crate::grammar::tsv_rows(crate::grammar::SIGNER_TITLES_TSV) {
            let (printed, name) = c[1].split_once(" => ").expect("example has =>");
            assert!(printed.starts_with(c[0]) || printed.contains(&format!(".{}", c[0])), "signer-titles.tsv:{line}");
            assert_eq!(without_titles(printed), name, "signer-titles.tsv:{line}");
            assert!(is_person_name(without_titles(printed)), "signer-titles.tsv:{line}");
        }
        for name in ["Nguyễn Văn Đại", "Trần Thị Tá", "Đại Văn Tá"] {
            assert_eq!(without_titles(name), name);
        }
    }

    #[test]
    fn header_issuer_reads_parent_and_issuing_body() {
        assert_eq!(header_issuer(&["ĐẢNG BỘ HUYỆN YÊN THẾ", "ĐẢNG ỦY XÃ ĐỒNG TÂM"], None), "Đảng ủy xã Đồng Tâm");
        assert_eq!(
            header_issuer(&["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"], None),
            "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"
        );
        assert_eq!(header_issuer(&["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], None), "Ủy ban nhân dân tỉnh Lào Cai");
        assert_eq!(header_issuer(&["HUYỆN ỦY YÊN THẾ", "BAN TUYÊN GIÁO"], None), "Ban tuyên giáo Huyện ủy Yên Thế");
        // The body directly above, not the top line; a level the place repeats.
        assert_eq!(
            header_issuer(&["ĐẢNG BỘ TỈNH THANH HÓA", "HUYỆN ỦY THỌ XUÂN", "ỦY BAN KIỂM TRA"], None),
            "Ủy ban kiểm tra Huyện ủy Thọ Xuân"
        );
        assert_eq!(header_issuer(&["UBND HUYỆN THẠCH HÀ", "THANH TRA HUYỆN"], None), "Thanh tra huyện Thạch Hà");
        // A parent without a level ends in the date line's place; with none known, nothing of it.
        let hospital = ["SỞ Y TẾ HÀ TĨNH", "BỆNH VIỆN ĐA KHOA TỈNH"];
        assert_eq!(header_issuer(&hospital, Some("Hà Tĩnh")), "Bệnh viện đa khoa tỉnh Hà Tĩnh");
        assert_eq!(header_issuer(&hospital, Some("Vinh")), "Bệnh viện đa khoa tỉnh");
        // A last line complete on its own drops the lines above it.
        assert_eq!(header_issuer(&["CỤC THUẾ", "THUẾ TỈNH THANH HÓA"], None), "Thuế tỉnh Thanh Hóa");
        // A place alone under the body it places, the line above both its parent.
        let district = ["BHXH TỈNH THANH HÓA", "BẢO HIỂM XÃ HỘI", "HUYỆN NÔNG CỐNG"];
        assert_eq!(header_issuer(&district, None), "Bảo hiểm xã hội huyện Nông Cống");
        let scanned = ["BHXH TỈNH THANH H0Á", "BẢO HIẺM XÃ HỘI", "HUYỆN NÔNG CỐNG"];
        assert_eq!(header_issuer(&scanned, None), "Bảo hiểm xã hội huyện Nông Cống");
        assert_eq!(
            header_issuer(&["BỘ TÀI CHÍNH", "KHO BẠC NHÀ NƯỚC", "KHO BẠC NHÀ NƯỚC KHU VỰC X"], None),
            "Kho bạc nhà nước khu vực X"
        );
        assert!(!names_place("ban thuong vu tinh uy"));
        assert!(!names_place("so lao dong - thuong binh va xa hoi"));
        assert_eq!(
            header_issuer(&["ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], None),
            "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam"
        );
        assert_eq!(
            header_issuer(&["BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH NGHỆ AN"], None),
            "Bảo hiểm xã hội tỉnh Nghệ An"
        );
        // A web copy's one line for both bodies, and its underline.
        let head = lines("UBND TỈNH NGHỆ AN SỞ XÂY DỰNG -------\nSố: 88/KH-SXD");
        assert_eq!(agency_cells(&head), ["UBND TỈNH NGHỆ AN", "SỞ XÂY DỰNG"]);
        assert_eq!(header_issuer(&agency_cells(&head), None), "Sở Xây dựng tỉnh Nghệ An");
        let head = lines("BỘ CÔNG AN CÔNG AN TỈNH NGHỆ AN -------\nSố: 215/KH-CAT");
        assert_eq!(agency_cells(&head), ["BỘ CÔNG AN", "CÔNG AN TỈNH NGHỆ AN"]);
        assert_eq!(agency_cells(&lines("BỘ NỘI VỤ\nSố: 1/BNV")), ["BỘ NỘI VỤ"]);
        let head = lines("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM LĐLĐ TỈNH BẮC GIANG *\nSố: 05/HD-LĐLĐ");
        assert_eq!(header_issuer(&agency_cells(&head), None), "LĐLĐ tỉnh Bắc Giang");
        let head = lines("BỘ NỘI VỤ VỤ TỔ CHỨC CÁN BỘ\nSố: 1/BNV");
        assert_eq!(agency_cells(&head), ["BỘ NỘI VỤ", "VỤ TỔ CHỨC CÁN BỘ"]);
        let head = lines("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC\nSố: 1/KH-MTTQ");
        assert_eq!(header_issuer(&agency_cells(&head), None), "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh");
        let head = lines("BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI\nSố: 1/KH-BCĐ");
        assert_eq!(agency_cells(&head), ["BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI"]);
        // A department is no symbol label ("SỞ" folds as "Số" does).
        let head = lines("UBND TỈNH NGHỆ AN\nSỞ TÀI CHÍNH\nSố: 3456/STC-QLNS");
        assert_eq!(agency_cells(&head), ["UBND TỈNH NGHỆ AN", "SỞ TÀI CHÍNH"]);
        // A Gazette's label above the header: the same name, or its start.
        let gazette =
            lines("PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT\nHỘI ĐỒNG NHÂN DÂN TỈNH\nHỘI ĐỒNG NHÂN DÂN\nTỈNH TUYÊN QUANG");
        assert_eq!(agency_cells(&gazette), ["HỘI ĐỒNG NHÂN DÂN", "TỈNH TUYÊN QUANG"]);
        assert_eq!(agency_cells(&lines("CHÍNH PHỦ\nCHÍNH PHỦ\nSố: 1/NQ-CP")), ["CHÍNH PHỦ"]);
    }

    /// The rows of a grammar with `columns` cells each, and the file's name for messages.
    fn grammar(tsv: &'static str, columns: usize) -> Vec<(String, Vec<&'static str>)> {
        let name = tsv.lines().next().unwrap_or_default();
        crate::grammar::tsv_rows(tsv)
            .map(|(line, c)| {
                assert_eq!(c.len(), columns, "line {line} of the grammar opening {name:?}: {columns} columns");
                (format!("line {line}"), c)
            })
            .collect()
    }

    /// "A / B => C": the cells A, B and the reading C.
    fn cells_and_reading(example: &str) -> (Vec<&str>, &str) {
        let (cells, reading) = example.split_once(" => ").expect("example has =>");
        (cells.split(" / ").collect(), reading)
    }

    #[test]
    fn body_heads_name_the_issuing_body_on_the_last_agency_line() {
        let rows = grammar(crate::grammar::BODY_HEADS_TSV, 3);
        assert_eq!(rows.len(), BODY_HEADS.len());
        for (at, c) in rows {
            let (cells, issuer) = cells_and_reading(c[2]);
            // The last line, with the lines that go on a name wrapped onto them.
            let last = fold(join_wrapped_names(&cells).last().expect("cells"));
            assert!(
                last == fold(c[0]) || last.starts_with(&format!("{} ", fold(c[0]))),
                "body-heads.tsv {at}: the last line opens with {}",
                c[0]
            );
            // Without the row the lines would be read as one name, first line first.
            assert_ne!(proper_case(&cells.join(" ")), issuer, "body-heads.tsv {at}: the example needs the row");
            assert_eq!(header_issuer(&cells, None), issuer, "body-heads.tsv {at}");
        }
    }

    #[test]
    fn levels_of_place_open_a_place_and_a_committee_word_does_not() {
        let rows = grammar(crate::grammar::LEVELS_OF_PLACE_TSV, 4);
        assert_eq!(rows.len(), LEVELS_OF_PLACE.len());
        for (at, c) in rows {
            let (line, cased) = c[2].split_once(" => ").expect("example has =>");
            assert!(names_place(&fold(line)), "levels-of-place.tsv {at}: {line:?} names a place");
            assert_eq!(proper_case(line), cased, "levels-of-place.tsv {at}");
            assert!(!names_place(&fold(c[3])), "levels-of-place.tsv {at}: {:?} names no place", c[3]);
            if !c[1].is_empty() {
                let committee = format!("{} Yên Thế", c[1]).to_uppercase();
                assert!(names_place(&fold(&committee)), "levels-of-place.tsv {at}: {committee:?} names a place");
                assert!(!names_place(&fold(&format!("BAN TUYÊN GIÁO {}", c[1]))), "levels-of-place.tsv {at}");
            }
        }
        // A longer level wins over the one it ends with.
        assert_eq!(with_place("UBND thị xã", Some("TX. Đức Phổ")), "UBND thị xã Đức Phổ");
    }

    #[test]
    fn gazette_headings_are_no_agency_lines() {
        let rows = grammar(crate::grammar::GAZETTE_HEADINGS_TSV, 3);
        assert_eq!(rows.len(), GAZETTE_HEADINGS.len());
        for (at, c) in rows {
            assert_eq!(agency_cells(&lines(c[1])), Vec::<&str>::new(), "gazette-headings.tsv {at}");
            assert_eq!(agency_cells(&lines(c[2])), vec![c[2]], "gazette-headings.tsv {at}");
        }
    }

    #[test]
    fn document_marks_are_no_agency_lines() {
        let rows = grammar(crate::grammar::DOCUMENT_MARKS_TSV, 3);
        assert_eq!(rows.len(), crate::grammar::DOCUMENT_MARKS.len());
        for (at, c) in rows {
            assert_eq!(agency_cells(&lines(c[1])), Vec::<&str>::new(), "document-marks.tsv {at}");
            assert_eq!(agency_cells(&lines(c[2])), vec![c[2]], "document-marks.tsv {at}");
        }
    }

    #[test]
    fn proper_names_keep_their_capitals() {
        let rows = grammar(crate::grammar::PROPER_NAMES_TSV, 2);
        assert_eq!(rows.len(), PROPER_NAMES.len());
        for (at, c) in rows {
            let (line, cased) = c[1].split_once(" => ").expect("example has =>");
            assert!(cased.contains(c[0]), "proper-names.tsv {at}: the example holds {}", c[0]);
            assert_eq!(proper_case(line), cased, "proper-names.tsv {at}");
        }
    }

    #[test]
    fn signature_authorities_are_read_from_the_signature() {
        let rows = grammar(crate::grammar::SIGNATURE_AUTHORITIES_TSV, 3);
        assert_eq!(rows.len(), SIGNATURE_AUTHORITIES.len());
        for (at, c) in rows {
            let signature = c[2].replace(" / ", "\n");
            let s = signer(&lines(&signature)).unwrap_or_else(|| panic!("signature-authorities.tsv {at}: a signer"));
            assert_eq!(s.authority.as_deref(), Some(c[1]), "signature-authorities.tsv {at}");
        }
    }

    /// The header of a Lai Châu plan, with `lines` in place of its agency, motto, symbol and date lines.
    fn plan_with_header(lines: &str, title: &str) -> Document {
        let text = format!(
            "{lines}\n\nKẾ HOẠCH\n{title}\n\nCăn cứ Quyết định số 919/QĐ-TTg ngày 01 tháng 8 năm 2022 của Thủ tướng Chính phủ;\n\nI. MỤC ĐÍCH\n1. Thực hiện tốt.\n"
        );
        crate::extract::extract(&text).remove(0)
    }

    #[test]
    fn a_party_quy_dinh_takes_the_code_of_its_symbol() {
        for (symbol, kind) in [("08-QĐi/TU", "QĐi"), ("05-QĐ/TU", "QĐ"), ("08/QyĐ-UBND", "QyĐ")] {
            let text = format!(
                "TỈNH ỦY PHÚ YÊN\n*\nSố {symbol}\nĐẢNG CỘNG SẢN VIỆT NAM\nPhú Yên, ngày 12 tháng 3 năm 2024\n\n\
                 QUY ĐỊNH\nvề trách nhiệm tiếp công dân\n\nĐiều 1. Phạm vi điều chỉnh\n"
            );
            assert_eq!(crate::extract::extract(&text)[0].kind.as_deref(), Some(kind), "{symbol}");
        }
    }

    #[test]
    fn a_motto_wrapped_or_beside_the_agency_is_no_part_of_the_issuer() {
        let title = "Thực hiện Chương trình OCOP năm 2024";
        for agency_and_motto in [
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ\nTỈNH LAI CHÂU        HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc",
        ] {
            let doc = plan_with_header(&format!("{agency_and_motto}\n\nSố: 1556/KH-UBND"), title);
            assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Lai Châu"), "{agency_and_motto}");
        }
        // The Youth Union prints its name where the state prints the national motto.
        for agency_and_motto in [
            "TỈNH ĐOÀN LÀO CAI        ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN XÃ GIA PHÚ",
            "TỈNH ĐOÀN LÀO CAI ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\nBCH ĐOÀN XÃ GIA PHÚ",
        ] {
            let doc = plan_with_header(&format!("{agency_and_motto}\n\nSố: 12-KH/ĐTN"), title);
            assert_eq!(doc.issuer.as_deref(), Some("Ban Chấp hành đoàn xã Gia Phú"), "{agency_and_motto}");
        }
    }

    #[test]
    fn symbol_on_the_line_after_so_and_party_codes_with_u_horn() {
        let head = "TỈNH ỦY THỪA THIÊN HUẾ\n\nĐẢNG CỘNG SẢN VIỆT NAM";
        let doc = plan_with_header(&format!("{head}\n\nSố:\n258/KH-UBND\n\nHuế, ngày 2 tháng 3 năm 2021"), "Về việc X");
        assert_eq!((doc.symbol.as_deref(), doc.number), (Some("258/KH-UBND"), Some(258)));
        let doc = plan_with_header(&format!("{head}\n\nSố 445-KL/TƯ\n\nHuế, ngày 2 tháng 3 năm 2021"), "Về việc X");
        assert_eq!(doc.symbol.as_deref(), Some("445-KL/TƯ"));
        // "Số:" then a line that does not open with a symbol: none is made up.
        let doc = plan_with_header(&format!("{head}\n\nSố:\nHuế, ngày 2 tháng 3 năm 2021"), "Về việc X");
        assert_eq!(doc.symbol, None);
    }

    #[test]
    fn marks_a_scan_misread_on_so_ngay_thang_nam_are_read_through() {
        let head = "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC PHỔ";
        for (symbol_line, date_line) in [
            ("Sổ: 12/KH-UBND", "Đức Phổ, ngày 05 thảng 3 năm 2024"),
            ("Sô: 12/KH-UBND", "Đức Phổ, ngày 05 tháng 3 nãm 2024"),
            ("SỐ: 12/KH-UBND", "Đức Phổ, ngảy 05 tháng 3 năm 2024"),
            // The label's letters spaced out.
            ("S ố: 12/KH-UBND", "Đức Phổ, ngày 05 tháng 3 năm 2024"),
            // The date in figures, with slashes or with hyphens.
            ("Số: 12/KH-UBND", "Đức Phổ, ngày 05/3/2024"),
            ("Số: 12/KH-UBND", "Đức Phổ, ngày 05-3-2024"),
        ] {
            let doc = plan_with_header(&format!("{head}\n{symbol_line}\n\n{date_line}"), "Về việc X");
            let got = (doc.symbol.as_deref(), doc.place.as_deref(), doc.date.as_deref());
            assert_eq!(got, (Some("12/KH-UBND"), Some("Đức Phổ"), Some("2024-03-05")), "{symbol_line} / {date_line}");
        }
        // "Sở" is a word of its own: no symbol follows it.
        let doc =
            plan_with_header(&format!("{head}\nSở: 12/KH-UBND\n\nĐức Phổ, ngày 05 tháng 3 năm 2024"), "Về việc X");
        assert_eq!(doc.symbol, None);
    }

    #[test]
    fn a_blank_day_keeps_the_place_and_takes_no_date_from_the_body() {
        let head = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 1556/KH-UBND";
        let doc = plan_with_header(&format!("{head}\n\nLai Châu, ngày      tháng 4 năm 2024"), "Về việc X");
        assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (Some("Lai Châu"), None));
        let doc = plan_with_header(&format!("{head}        Lai Châu, ngày …. tháng 01 năm 2026"), "Về việc X");
        assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (Some("Lai Châu"), None));
    }

    #[test]
    fn a_place_is_every_word_of_its_name_as_printed() {
        let head = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ X\n\nSố: 15/KH-UBND";
        for place in [
            "Phan Rang-Tháp Chàm",
            "Bà Rịa - Vũng Tàu",
            "Thành phố Hồ Chí Minh",
            "Tp. Hồ Chí Minh",
            "TP. Quảng Ngãi",
            "U Minh Thượng",
            "Cư M'gar",
            "M’Drắk",
        ] {
            let doc = plan_with_header(&format!("{head}\n\n{place}, ngày 05 tháng 3 năm 2024"), "Về việc X");
            assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (Some(place), Some("2024-03-05")));
        }
        // The date in figures, a comma before the year, an abbreviation glued to the name.
        for (line, place) in [
            ("Hà Nội, ngày 05/3/2024", "Hà Nội"),
            ("Hà Nội, ngày 05 tháng 3, năm 2024", "Hà Nội"),
            ("TP.Hồ Chí Minh, ngày 05 tháng 3 năm 2024", "TP.Hồ Chí Minh"),
        ] {
            let doc = plan_with_header(&format!("{head}\n\n{line}"), "Về việc X");
            assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (Some(place), Some("2024-03-05")), "{line}");
        }
        // A place broken over two lines by a narrow cell; a title-case motto is no place.
        let doc = plan_with_header(&format!("{head}\n\nSơn\nLa, ngày 11 tháng 3 năm 2020"), "Về việc X");
        assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (Some("Sơn La"), Some("2020-03-11")));
        let doc = plan_with_header(
            &format!("{head}\nĐộc Lập - Tự Do - Hạnh Phúc\nVị Thanh, ngày 6 tháng 4 năm 2011"),
            "Về việc X",
        );
        assert_eq!(doc.place.as_deref(), Some("Vị Thanh"));
        // No date line: a citation of the opening ("… 919/QĐ-TTg ngày 01 tháng 8 năm 2022") is none.
        let doc = plan_with_header(head, "Về việc X");
        assert_eq!((doc.place.as_deref(), doc.date.as_deref()), (None, None));
        // A lower-case word that is no level ends the place.
        let doc = plan_with_header(&format!("{head}\n\nthôn Hà Nội, ngày 05 tháng 3 năm 2024"), "Về việc X");
        assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
        // A capital on the line before is no part of the place.
        let doc = plan_with_header(&format!("{head}\n\nX\nHà Nội, ngày 05 tháng 3 năm 2024"), "Về việc X");
        assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    }

    #[test]
    fn an_upper_case_title_goes_on_over_its_lines_until_the_authority_line() {
        let head = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 1556/KH-UBND";
        let doc = plan_with_header(head, "THỰC HIỆN CHƯƠNG TRÌNH OCOP TRÊN ĐỊA\nBÀN TỈNH LAI CHÂU NĂM 2024");
        assert_eq!(doc.title.as_deref(), Some("THỰC HIỆN CHƯƠNG TRÌNH OCOP TRÊN ĐỊA BÀN TỈNH LAI CHÂU NĂM 2024"));
        let doc = plan_with_header(head, "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA\nỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
        assert_eq!(doc.title.as_deref(), Some("BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"));
        let doc = plan_with_header(head, "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
        assert_eq!(doc.title.as_deref(), Some("VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC"));
        // A mixed-case title ends at an upper-case line, as before.
        let doc = plan_with_header(head, "Thực hiện Chương trình OCOP\nỦY BAN NHÂN DÂN TỈNH");
        assert_eq!(doc.title.as_deref(), Some("Thực hiện Chương trình OCOP"));
    }

    #[test]
    fn a_signature_column_run_into_a_recipient_goes_and_a_listed_abbreviation_stays() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 1556/KH-UBND\n\nKẾ HOẠCH\nVề việc X\n\n\
                    I. MỤC ĐÍCH\n1. Thực hiện tốt.\n\nNơi nhận: T/M BAN THƯỜNG VỤ\n\
                    - Các đ/c Ủy viên BTV Tỉnh ủy, BÍ THƯ THƯỜNG TRỰC\n- VPUB: CVP, PCVP, KGVX, TTPV-KSTTHC;\n\
                    - VPCP: BTCN, các Vụ, Cục: TH, QHĐP;\n- Bộ Nội vụ; PHÓ CHỦ TỊCH\n- TTr Tỉnh ủy; TTr HĐND tỉnh;\n\
                    - UBND xã, UBMTTQVN xã;\n- UBND TX Hoàng Mai, UBND H. Quỳnh Lưu;\n- VPĐU: Lưu VP.\n- Lưu: VT.\n\nHoàng Giang\n";
        let doc = crate::extract::extract(text).remove(0);
        assert_eq!(
            doc.recipients,
            [
                "Các đ/c Ủy viên BTV Tỉnh ủy",
                "VPUB: CVP, PCVP, KGVX, TTPV-KSTTHC",
                "VPCP: BTCN, các Vụ, Cục: TH, QHĐP",
                "Bộ Nội vụ",
                "TTr Tỉnh ủy; TTr HĐND tỉnh",
                "UBND xã, UBMTTQVN xã",
                "UBND TX Hoàng Mai, UBND H. Quỳnh Lưu"
            ]
        );
    }

    #[test]
    fn a_signature_run_into_the_recipients_is_read_from_them() {
        let text = "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như Điều 2; KT. CHỦ TỊCH\n- Bộ Tài chính (b/c); PHÓ CHỦ TỊCH\n- Lưu: VT, TC.\nNguyễn Ngọc Phúc";
        let s = signer(&lines(text)).unwrap();
        assert_eq!(s.authority.as_deref(), Some("KT"));
        assert_eq!(s.position.as_deref(), Some("Phó chủ tịch"));
        assert_eq!(
            signature_run_in("TT Huyện ủy, TT HĐND huyện (b/c); CHÁNH VĂN PHÒNG").map(|x| x.0),
            Some("TT Huyện ủy, TT HĐND huyện (b/c)")
        );
        assert_eq!(signature_run_in("UBND xã, UBMTTQVN xã"), None);
        assert_eq!(signature_run_in("VPUB: CVP, PCVP"), None);
        assert_eq!(signature_run_in("Chánh VP, PCVP NC"), None);
        assert_eq!(signature_run_in("Như trên, KT. GIAM DOC").map(|x| x.0), Some("Như trên"));
        assert_eq!(signature_run_in("UBND huyện (b/c); CHU TICH").map(|x| x.0), Some("UBND huyện (b/c)"));
        // The signer's titled name run into the last item; an untitled one is a recipient's.
        let text =
            "Nơi nhận: CHỈ HUY TRƯỞNG\n- Công an tỉnh;\n- UBND các xã, phường; Thượng tá Lương Văn Thuần\n- Lưu: VT.";
        let s = signer(&lines(text)).unwrap();
        assert_eq!((s.name.as_deref(), s.position.as_deref()), (Some("Lương Văn Thuần"), Some("Chỉ huy trưởng")));
        assert_eq!(signature_run_in("UBND các xã; Nguyễn Văn An"), None);
        assert_eq!(signature_run_in("- Lưu: VT, P8. Lê Văn Cường"), Some(("- Lưu: VT, P8.", "Lê Văn Cường")));
        assert_eq!(signature_run_in("- Lưu: VT, P8, NVA."), None);
    }

    #[test]
    fn a_joint_header_sets_two_bodies_side_by_side() {
        let issuer = |head: &str| {
            let text = format!("{head}\nSố: 02/QCPH-UBND-MTTQ\n\nQUY CHẾ\nPhối hợp công tác\n\nĐiều 1. Phạm vi\n");
            crate::pipeline::extract_bytes("joint.txt", text.as_bytes()).expect("reads").documents[0].issuer.clone()
        };
        let joint = "ỦY BAN NHÂN DÂN                        BAN THƯỜNG TRỰC ỦY BAN MTTQ\n\
                     TỈNH ĐỒNG THÁP                            VIỆT NAM TỈNH ĐỒNG THÁP";
        assert_eq!(
            issuer(joint).as_deref(),
            Some("Ủy ban nhân dân tỉnh Đồng Tháp - Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp")
        );
        // A mass organization's national name beside its header is its motto, no second body.
        let one =
            "HỘI NÔNG DÂN TỈNH ĐẮK LẮK                         HỘI NÔNG DÂN VIỆT NAM\nBCH HỘI NÔNG DÂN XÃ EA KIẾT";
        assert_eq!(issuer(one).as_deref(), Some("Ban Chấp hành hội nông dân xã Ea Kiết"));
    }

    #[test]
    fn recipients_set_out_in_two_columns_are_each_an_item() {
        let text = "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    HUYỆN HẢI HẬU                         Độc lập - Tự do - Hạnh phúc\n\
                    Số: 845/UBND-YT                   Hải Hậu, ngày 22 tháng 5 năm 2025\n\
                    V/v phòng, chống dịch sốt xuất huyết\n\n\
                    \x20Kính gửi:  - Phòng Y tế;                       - Phòng Giáo dục và Đào tạo;\n\
                    \x20           - Phòng Tài chính - Kế hoạch;       - Ủy ban nhân dân các xã.\n\n\
                    Chủ tịch UBND huyện yêu cầu các cơ quan tăng cường phòng, chống dịch.\n\n\
                    Nơi nhận:                                        KT. CHỦ TỊCH\n\
                    - Như trên;                                       PHÓ CHỦ TỊCH\n\
                    - Các Sở: Xây dựng, Tài chính, Kế hoạch\n\
                    \x20  và Đầu tư;\n\
                    - Lưu: VT.\n\n                                                 Vũ Thị Thu Hà\n";
        let x = crate::pipeline::extract_bytes("letter.txt", text.as_bytes()).expect("reads");
        let doc = &x.documents[0];
        assert_eq!(
            doc.recipients,
            [
                "Phòng Y tế",
                "Phòng Giáo dục và Đào tạo",
                "Phòng Tài chính - Kế hoạch",
                "Ủy ban nhân dân các xã",
                "Như trên",
                "Các Sở: Xây dựng, Tài chính, Kế hoạch và Đầu tư"
            ]
        );
        assert_eq!(doc.signer.as_ref().and_then(|s| s.position.as_deref()), Some("Phó chủ tịch"));
    }

    #[test]
    fn en_and_em_dashes_open_recipient_items_like_a_hyphen() {
        let text = "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    THÀNH PHỐ BUÔN MA THUỘT               Độc lập - Tự do - Hạnh phúc\n\
                    Số: 3125/UBND-QLĐT                Buôn Ma Thuột, ngày 17 tháng 7 năm 2023\n\
                    V/v chấn chỉnh trật tự đô thị\n\n\
                    Kính gửi:\n- Phòng Quản lý đô thị thành phố;\n– Công an thành phố;\n\
                    —Đội Quản lý trật tự đô thị thành phố.\n\n\
                    Chủ tịch UBND thành phố yêu cầu các cơ quan tăng cường kiểm tra.\n\n\
                    Nơi nhận:                                        KT. CHỦ TỊCH\n\
                    – Như trên;                                       PHÓ CHỦ TỊCH\n\
                    – UBND tỉnh (b/c);\n– Lưu: VT.\n\n                                                 Nguyễn Văn Thạch\n";
        let x = crate::pipeline::extract_bytes("letter.txt", text.as_bytes()).expect("reads");
        assert_eq!(
            x.documents[0].recipients,
            [
                "Phòng Quản lý đô thị thành phố",
                "Công an thành phố",
                "Đội Quản lý trật tự đô thị thành phố",
                "Như trên",
                "UBND tỉnh (b/c)"
            ]
        );
    }

    #[test]
    fn signer_reads_authority_position_and_name() {
        let text = "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Viết Thanh";
        let s = signer(&lines(text)).unwrap();
        assert_eq!(s.name.as_deref(), Some("Nguyễn Viết Thanh"));
        assert_eq!(s.position.as_deref(), Some("Chánh Văn phòng"));
        assert_eq!(s.authority.as_deref(), Some("TL"));
        // A highland name keeps its apostrophe.
        let s = signer(&lines("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nSiu H'Lan")).unwrap();
        assert_eq!((s.name.as_deref(), s.authority.as_deref()), (Some("Siu H'Lan"), Some("KT")));
        // Also where the scan spaced the apostrophe off; an initial alone ends no name.
        let s = signer(&lines("TM. BAN CHẤP HÀNH\nCHỦ TỊCH\n\nH' Nguyệt Byă")).unwrap();
        assert_eq!(s.name.as_deref(), Some("H' Nguyệt Byă"));
        assert!(is_person_name("K' Bròng") && is_person_name("Siu H' Lan"));
        assert!(!is_person_name("Nguyễn Văn K'") && !is_person_name("K' bròng"));
        // Signers side by side: the first; a rank before a name is no part of it.
        let text =
            "BỘ TRƯỞNG BỘ TƯ PHÁP          BỘ TRƯỞNG BỘ CÔNG AN\n\nLê Thành Long          Thượng tướng Lương Tam Quang";
        assert_eq!(signer(&lines(text)).unwrap().name.as_deref(), Some("Lê Thành Long"));
        let s = signer(&lines("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nThượng tá Lê Đình Hòa")).unwrap();
        assert_eq!((s.name.as_deref(), s.authority.as_deref()), (Some("Lê Đình Hòa"), Some("KT")));
    }
}
