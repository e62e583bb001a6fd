//! Stage 3, `segment`: a normalized file → its documents, and each document →
//! its parts.
//!
//! Owns the layout of Vietnamese administrative documents (Nghị định
//! 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for the Party): header
//! block, type title, trích yếu, opening passage, body, closing, signature,
//! "Nơi nhận" and appendix. Hands on one [`Layout`] per document: byte spans in
//! the normalized text that the extractors read from.
//!
//! A file holds several documents when a new header block (agency lines and the
//! national motto) begins after a previous document's signature or "Nơi nhận";
//! an appendix or a blank form after the signature stays with its document.

use std::sync::LazyLock;

use regex::Regex;

use crate::grammar::{DOC_TYPES, fold, fold_starts_with, is_upper, opens_authority};
use crate::span::Span;

pub use crate::grammar::{DATE_LINE, type_title_word};

/// The parts of one document, as spans of the normalized text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The whole document.
    pub span: Span,
    /// Agency lines, national motto, "Số:" line, date line and a letter's "V/v".
    pub header: Span,
    /// The type title line(s) ("KẾ HOẠCH", "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY").
    pub type_title: Option<Span>,
    /// The trích yếu: lines under the type title, or after "V/v" in a letter.
    pub title: Option<Span>,
    /// "Kính gửi:" and its items.
    pub addressees: Option<Span>,
    /// From the end of the title to the first numbered heading or enacting line:
    /// the "Thực hiện …/Căn cứ …" passage whose citations are `basis`. For a letter
    /// without headings, its first paragraph.
    pub opening: Span,
    /// From the end of the title (or header) to the start of the signature block.
    pub body: Span,
    /// The closing passage when it opens with "Trên đây là …" (a final unlabelled "./."
    /// paragraph is judged by the section outline, which knows the items).
    pub closing: Option<Span>,
    /// Authority, position and name of the signer.
    pub signature: Option<Span>,
    /// The "Nơi nhận:" block.
    pub recipients: Option<Span>,
    /// An appendix after the signature ("PHỤ LỤC …", blank forms, a programme or
    /// list issued with the document).
    pub appendix: Option<Span>,
    /// The line that names an appendix not headed "PHỤ LỤC" ("DANH MỤC …", a
    /// programme's type title, a form's "Mẫu số"): its labels go under `PL`.
    pub appendix_title: Option<Span>,
}

/// A line of the text with its byte span (without the line break).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'t> {
    /// The line's text.
    pub text: &'t str,
    /// Its span in the text.
    pub span: Span,
}

impl<'t> Line<'t> {
    /// Whether the line holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Whether the line has no run of three spaces, no tab and no "|": one cell, its trimmed text.
    fn one_cell(&self) -> bool {
        let bytes = self.text.as_bytes();
        // One searcher for the gap, built once: segmentation asks this of every line.
        static GAP: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"   "));
        memchr::memchr2(b'\t', b'|', bytes).is_none() && GAP.find(bytes).is_none()
    }

    /// The columns of a two-column layout: pieces separated by runs of three or
    /// more spaces, a tab, or the "|" of a table a converter wrote out (the header of a
    /// Word document is a table: "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …"), each with its span.
    pub fn cells(&self) -> Vec<Line<'t>> {
        let mut out = vec![];
        // Most lines are one cell; segmentation asks for the cells of every line.
        if self.one_cell() {
            let trimmed = self.text.trim();
            if !trimmed.is_empty() {
                let s = self.span.start as usize + (self.text.len() - self.text.trim_start().len());
                out.push(Line { text: trimmed, span: Span::new(s, s + trimmed.len()) });
            }
            return out;
        }
        let base = self.span.start as usize;
        let mut push = |from: usize, to: usize| {
            let piece = &self.text[from..to];
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let lead = piece.len() - piece.trim_start().len();
                let s = base + from + lead;
                out.push(Line { text: trimmed, span: Span::new(s, s + trimmed.len()) });
            }
        };
        // Bytes, not a regex: a gap that may open with spaces before a "|" leaves a regex no
        // literal to look for, and every line with a "|" or a tab comes here. The pieces are
        // trimmed, so the spaces around a "|" need no matching.
        let bytes = self.text.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\t' | b'|' => {
                    push(start, i);
                    i += 1;
                    start = i;
                }
                b' ' if bytes[i..].starts_with(b"   ") => {
                    let run = bytes[i..].iter().take_while(|&&b| b == b' ').count();
                    // A bullet padded to its list's indent ("-   UBND tỉnh;", as pandoc writes
                    // one) opens its item, not a column.
                    let bullet = start == 0 && matches!(self.text[..i].trim(), "-" | "+" | "*" | "•");
                    if !(bullet && run <= 4) {
                        push(start, i);
                        start = i + run;
                    }
                    i += run;
                }
                _ => i += 1,
            }
        }
        push(start, bytes.len());
        out
    }
}

/// The lines of `text`, each with its span.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    // The memchr crate's search, not `split_inclusive('\n')`'s: every stage splits whole
    // texts into lines, and the standard library's byte search was a third of that.
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(Line { text: &text[start..end], span: Span::new(start, end) });
        start = end + 1;
    }
    if start < text.len() {
        out.push(Line { text: &text[start..], span: Span::new(start, text.len()) });
    }
    out
}

/// The name an organization prints as its motto, where the state prints "CỘNG HÒA XÃ HỘI
/// CHỦ NGHĨA VIỆT NAM" (folded): the Party's, and the Youth Union's in full or abbreviated.
pub(crate) const ORGANIZATION_MOTTOS: [&str; 3] =
    ["cong san viet nam", "doan tncs ho chi minh", "doan thanh nien cong san ho chi minh"];

/// The national names that the mass organizations print where the state prints its motto
/// ("HỘI NÔNG DÂN TỈNH ĐẮK LẮK      HỘI NÔNG DÂN VIỆT NAM"), folded: a motto only as a whole
/// cell, since an agency line may hold one ("BAN CHẤP HÀNH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM").
const MASS_ORGANIZATION_MOTTOS: [&str; 3] =
    ["hoi nong dan viet nam", "hoi lien hiep phu nu viet nam", "hoi cuu chien binh viet nam"];

/// Whether a header cell is a mass organization's national name printed as its motto.
pub(crate) fn is_mass_organization_motto(cell: &str) -> bool {
    MASS_ORGANIZATION_MOTTOS.contains(&fold(cell.trim()).as_str())
}

/// Whether a cell is the national or an organization's motto.
fn is_motto(cell: &str) -> bool {
    is_upper(cell) && {
        let f = fold(cell);
        f.contains("cong hoa xa hoi chu nghia viet nam")
            || ORGANIZATION_MOTTOS.iter().any(|m| f.contains(m))
            || is_mass_organization_motto(cell)
    }
}

/// Whether a cell opens the list of addressees: "Kính gửi:", or a Công điện's
/// "THỦ TƯỚNG CHÍNH PHỦ điện:".
pub fn opens_address_list(cell: &str) -> bool {
    let cell = cell.trim();
    // "… điện:" after a sender in capitals, at the end of the line or with the addressees
    // after it on the same line ("CHỦ TỊCH UBND HUYỆN KBANG điện: Thủ trưởng các cơ quan, …").
    let telegram = || {
        let colon = cell.find(':')?;
        let (sender, word) = cell[..colon].rsplit_once(char::is_whitespace)?;
        Some(word.len() <= "điện".len() && fold(word) == "dien" && is_upper(sender))
    };
    fold_starts_with(cell, "kinh gui") || telegram() == Some(true)
}

/// Whether `cell` stands at the left margin of `line`: a space or two before it are a
/// converter's (a PDF's "Nơi nhận" items lose their dashes and keep the space after them);
/// a column gap's worth is the signature's column.
fn in_left_column(line: &Line, cell: &Line) -> bool {
    // An item's wrapped line may stand under its text, past the bullet (" - Các Sở: …" /
    // "   và Đầu tư, …").
    let indent = &line.text[..cell.span.start as usize - line.span.start as usize];
    indent.len() <= 4 && indent.bytes().all(|b| b == b' ')
}

/// Whether a line opens the signature block: "Nơi nhận:" or an authority prefix.
fn opens_signature(line: &Line) -> bool {
    // The prefixes of grammars/signature-authorities.tsv: a bare one ("TM", "KT") wants its
    // dot or slash; one with a slash or dot inside ("T/M", "K.T") is whole without it.
    static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
        let prefix = |p: &str| {
            let mark = if p.contains(['/', '.']) { "[./]?" } else { "[./]" };
            format!(r"{}\s*{mark}", regex::escape(p))
        };
        let all: Vec<String> = crate::grammar::SIGNATURE_AUTHORITIES.iter().map(|(p, _)| prefix(p)).collect();
        Regex::new(&format!(r"^(?:{})\s*\S", all.join("|"))).unwrap()
    });
    // Asked of every line of the body, most of them one cell whose first letter opens
    // neither form (a letter that folds to "n", or T, K, Q): no cells, no regex for them.
    let may_open = |c: char| !c.is_ascii() || matches!(c, 'N' | 'n' | 'T' | 'K' | 'Q');
    if line.one_cell() && !line.text.trim_start().chars().next().is_some_and(may_open) {
        return false;
    }
    // "Nơi nhận" heads the left column; elsewhere in a row, without its colon, it heads a
    // table's column ("| STT | Nội dung | Thời hạn gửi | Nơi nhận |").
    let names_recipients = |i: usize, c: &Line| {
        fold_starts_with(c.text, "noi nhan") && (i == 0 || c.text.trim_end_matches(['*', ' ']).ends_with(':'))
    };
    line.cells().iter().enumerate().any(|(i, c)| names_recipients(i, c) || AUTHORITY.is_match(c.text))
}

/// Labels of parts and items that end the opening passage ("A. PHẦN CHUNG", "I.", "1.", "Điều 1.").
static TOP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[IVXLC]{{1,6}}\s*(?:[.:/)]|[-–]\s)|[0-9]{{1,2}}\s*(?:[.)]|[/\-–]\s)|[A-HĐ]\s*[.)]\s+\p{{Lu}}|{}\s+[0-9]+|Chương\s+[IVXLC0-9]+)",
        crate::grammar::ARTICLE_WORD
    ))
    .unwrap()
});

/// Split `text` into documents and find the parts of each.
pub fn segment(text: &str) -> Vec<Layout> {
    let lines = lines(text);
    let starts = document_starts(&lines);
    let mut out = vec![];
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(lines.len());
        out.push(layout(&lines[start..end]));
    }
    out
}

/// Line indexes where documents begin: 0, and every header block of a document
/// of its own (see [`HeaderBlock::opens_document`]) that follows a signature or
/// "Nơi nhận" of the document before it.
fn document_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut signed = false;
    for (i, line) in lines.iter().enumerate() {
        if opens_signature(line) {
            signed = true;
        }
        if signed && is_motto_line(line) {
            let block = HeaderBlock::around(lines, i, starts[starts.len() - 1] + 1);
            if block.opens_document() {
                starts.push(block.start);
                signed = false;
            }
        }
    }
    starts
}

/// Whether `line` goes on the bulleted item on the line above it, wrapped: the item is not
/// closed by ";" or ".", and the line is indented under the item's text ("- Bệnh viện Đa khoa"
/// / "  Tâm Đức …;"), where a paragraph after the list opens further left.
fn wraps_item(above: &str, line: &str) -> bool {
    let indent = |t: &str| t.chars().take_while(|c| c.is_whitespace()).count();
    let Some(item) = crate::grammar::strip_bullet(above) else { return false };
    let item_column = above.chars().count() - item.trim_start().chars().count();
    !line.trim().is_empty() && !above.trim_end().ends_with([';', '.']) && indent(line) + 1 >= item_column
}

/// Whether a cell of the line is the national or Party motto.
fn is_motto_line(line: &Line) -> bool {
    line.cells().iter().any(|c| is_motto(c.text))
}

/// A header block around a motto line: the agency lines above it and the lines
/// under it down to the type title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct HeaderBlock {
    /// Its first line.
    start: usize,
    /// A "Số:" line that numbers the block's own document.
    own_symbol: bool,
    /// A "Mẫu số …" mark next to it: a blank form.
    form: bool,
    /// A date line with day, month and year filled in: a document issued on its own date.
    dated: bool,
    /// A "(Ban hành) kèm theo …" line under the type title: issued with another document.
    issued_with: bool,
    /// The type title line under the motto ("CHƯƠNG TRÌNH", "BIÊN BẢN").
    type_title: Option<usize>,
}

impl HeaderBlock {
    /// The block whose motto stands at line `motto`; it reaches up no further than `floor`.
    fn around(lines: &[Line], motto: usize, floor: usize) -> HeaderBlock {
        let mut s = motto;
        while s > floor {
            let prev = &lines[s - 1];
            let header_like = prev.is_blank() || is_upper(prev.text) || fold_starts_with(prev.text.trim_start(), "so");
            if !header_like {
                break;
            }
            s -= 1;
        }
        while s < motto && lines[s].is_blank() {
            s += 1;
        }
        // Under the motto: its second line, the date line, the "Số:" line, then the type title.
        let mut end = motto + 1;
        let mut type_title = None;
        let mut seen = 0;
        while end < lines.len() && seen < 6 {
            if !lines[end].is_blank() {
                if type_title_word(lines[end].text).is_some() {
                    type_title = Some(end);
                    break;
                }
                seen += 1;
            }
            end += 1;
        }
        let own_symbol = lines[s..end].iter().any(|l| l.cells().iter().any(|c| is_own_symbol_line(c.text)));
        // The form mark stands just above the block (or inside it, beside the agency).
        let above = (0..s).rev().filter(|&j| !lines[j].is_blank()).take(2);
        let form = above.chain(s..end).any(|j| is_form_mark(lines[j].text));
        let dated = lines[s..end].iter().any(|l| is_filled_date_line(l.text));
        // The trích yếu under the type title may run over several lines before "(Kèm theo …)".
        let issued_with = lines[end.min(lines.len())..]
            .iter()
            .filter(|l| !l.is_blank())
            .take_while(|l| !TOP_LABEL.is_match(l.text))
            .take(8)
            .any(|l| opens_issued_with(l.text));
        HeaderBlock { start: s, own_symbol, form, dated, issued_with, type_title }
    }

    /// Whether the block opens a document of its own, and is not a blank form: it
    /// prints its own "Số:" line or — a damaged scan may lose that line — its own
    /// filled-in date without saying it is issued with the document before. An
    /// attachment that repeats the agency and the motto without a number
    /// ("CHƯƠNG TRÌNH … (Kèm theo Nghị quyết số …)"), or a form's second page,
    /// belongs to the document it is attached to.
    fn opens_document(&self) -> bool {
        !self.form && (self.own_symbol || self.dated && !self.issued_with)
    }
}

/// Whether a line is a date line with day, month and year printed ("Lai Châu,
/// ngày 19 tháng 10 năm 2012"), not a form's blanks ("…, ngày … tháng … năm …").
fn is_filled_date_line(line: &str) -> bool {
    static DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"ngay\s+[0-9]{1,2}\s+thang\s+[0-9]{1,2}\s+nam\s+[0-9]{4}").unwrap());
    line.contains(|c: char| c.is_ascii_digit()) && DATE.is_match(&fold(line))
}

/// Whether a line says what it heads is issued with another document: "(Kèm
/// theo Nghị quyết số …)", "Ban hành kèm theo Quyết định …", also at the end of a
/// trích yếu that line joins put on the same line.
fn opens_issued_with(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['(', '*', '_']);
    fold_starts_with(t, "ban hanh kem theo")
        || fold_starts_with(t, "kem theo")
        || line.contains('(') && {
            let f = fold(line);
            f.contains("(kem theo") || f.contains("(ban hanh kem theo")
        }
}

/// Whether a header cell is the document's own "Số:" line: "Số: 53/KH-UBND",
/// "Số 445-KL/TƯ", a blank number before its codes ("Số:    /HD-MTTQ"), "Số:"
/// alone (the symbol on the next line), or after a type word ("Nghị quyết số:
/// 17/2022/UBTVQH15"). A form's placeholder ("Số: .../...") numbers nothing, and
/// "Số lượng …", "Mẫu số 07" are no symbol lines.
fn is_own_symbol_line(cell: &str) -> bool {
    static SO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<before>(?:\p{{L}}+\s+){{0,3}}?)(?i:{})\s*(?::\s*$|:?\s*[0-9]{{1,5}}\s*[-/]|:?[\s.…_]*/\s*\p{{Lu}})",
            crate::grammar::NUMBER_LABEL
        ))
        .unwrap()
    });
    let cell = cell.trim().trim_start_matches('*');
    SO.captures(cell).is_some_and(|c| {
        let before = fold(c["before"].trim());
        before.is_empty() || DOC_TYPES.iter().any(|d| d.key == before)
    })
}

/// Whether a line marks a blank form: "Mẫu số 07", "MẪU SỐ 01/BB", "Mẫu 02".
fn is_form_mark(line: &str) -> bool {
    static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^mau(?:\s+so)?\s*:?\s*[0-9]").unwrap());
    MARK.is_match(&fold(line.trim().trim_start_matches('*')))
}

fn span_of(lines: &[Line]) -> Span {
    match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start as usize, b.span.end as usize),
        _ => Span::default(),
    }
}

/// The parts of one document.
fn layout(lines: &[Line]) -> Layout {
    let span = span_of(lines);
    let at = |i: usize| lines.get(i).map(|l| l.span.start as usize).unwrap_or(span.end as usize);
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let head_zone = non_blank.get(30).copied().unwrap_or(lines.len());

    let type_title = (0..head_zone).find(|&i| type_title_word(lines[i].text).is_some() && !lines[i].text.contains(':'));
    let mut type_title_end = type_title.map(|i| i + 1);
    if let Some(mut e) = type_title_end {
        while e < lines.len() && (lines[e].is_blank() || is_upper(lines[e].text)) && {
            let f = fold(lines[e].text.trim());
            lines[e].is_blank() && e + 1 < lines.len() && fold_starts_with(lines[e + 1].text.trim(), "cua ")
                || f.starts_with("cua ")
        } {
            e += 1;
        }
        type_title_end = Some(e);
    }

    // Trích yếu: under the type title, or a letter's "V/v" lines.
    let (title, title_end) = match type_title_end {
        Some(e) => title_lines(lines, e),
        None => vv_lines(lines, head_zone),
    };

    // "Kính gửi:" block.
    let addressees = (0..head_zone.min(lines.len()))
        .find(|&i| lines[i].cells().iter().any(|c| opens_address_list(c.text)))
        .map(|i| {
            let mut e = i + 1;
            while e < lines.len()
                && (lines[e].is_blank()
                    || crate::grammar::strip_bullet(lines[e].text).is_some()
                    || wraps_item(lines[e - 1].text, lines[e].text))
            {
                e += 1;
            }
            while e > i + 1 && lines[e - 1].is_blank() {
                e -= 1;
            }
            (i, e)
        });

    let header_end = type_title.unwrap_or(title_end.max(addressees.map(|a| a.0).unwrap_or(0)));
    let mut body_start = type_title_end.map(|e| e.max(title_end)).unwrap_or(title_end);
    if let Some((_, e)) = addressees {
        body_start = body_start.max(e);
    }
    // A document without header or title starts its body at the top.
    if type_title.is_none() && title.is_none() && addressees.is_none() {
        body_start = header_body_start(lines);
    }

    let (sig_start, appendix) = match (body_start..lines.len()).find(|&i| opens_signature(&lines[i])) {
        Some(s) => (s, Attachment::after(lines, s + 1)),
        None => unprefixed_signature(lines, body_start),
    };
    let appendix_title = appendix.and_then(|a| a.title);
    let appendix = appendix.map(|a| a.start);
    let sig_end = appendix.unwrap_or(lines.len());

    let recipients = (sig_start..sig_end)
        .find(|&i| lines[i].cells().iter().any(|c| fold_starts_with(c.text, "noi nhan")))
        .map(|i| {
            let mut e = i + 1;
            while e < sig_end
                && (lines[e].is_blank()
                    || crate::grammar::is_table_rule(lines[e].text)
                    // An item, or a pipe table's row whose left column is one.
                    || lines[e].cells().first().is_some_and(|c| c.text.starts_with(crate::grammar::ITEM_BULLETS))
                    || lines[e].cells().first().is_some_and(|c| !is_upper(c.text) && in_left_column(&lines[e], c)))
            {
                e += 1;
            }
            Span::new(at(i), lines[e.max(i + 1) - 1].span.end as usize)
        });

    let body = Span::new(at(body_start), at(sig_start).max(at(body_start)));
    let opening_end = (body_start..sig_start)
        .find(|&i| TOP_LABEL.is_match(lines[i].text) || is_enacting(lines[i].text))
        .unwrap_or_else(|| first_paragraph_end(lines, body_start, sig_start));
    let opening = Span::new(body.start as usize, at(opening_end).min(body.end as usize));

    Layout {
        span,
        header: Span::new(span.start as usize, at(header_end).max(span.start as usize)),
        type_title: type_title.map(|i| span_of(&lines[i..type_title_end.unwrap()])),
        title,
        addressees: addressees.map(|(a, e)| span_of(&lines[a..e])),
        opening,
        body,
        closing: closing(lines, body_start, sig_start),
        signature: (sig_start < sig_end).then(|| span_of(&lines[sig_start..sig_end])),
        recipients,
        appendix: appendix.map(|a| Span::new(at(a), span.end as usize)),
        appendix_title: appendix_title.map(|t| lines[t].span),
    }
}

/// Where an appendix opens after a signature, and the line that names it when
/// it is not headed "PHỤ LỤC" (whose labels `sections` reads itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Attachment {
    start: usize,
    title: Option<usize>,
}

impl Attachment {
    /// The first attachment from line `from` on: a "PHỤ LỤC" heading; a blank
    /// form's "Mẫu số" mark; a header block repeated without a number of its own
    /// (agency, motto, then "CHƯƠNG TRÌNH"); or an upper-case title whose next
    /// line says it is issued with the document ("DANH MỤC …" / "(Ban hành kèm
    /// theo Quyết định số …)").
    fn after(lines: &[Line], from: usize) -> Option<Attachment> {
        (from..lines.len()).find_map(|i| {
            let t = lines[i].text.trim();
            if fold_starts_with(t, "phu luc") && (is_upper(t) || is_appendix_label(t)) {
                return Some(Attachment { start: i, title: None });
            }
            if is_form_mark(t) {
                return Some(Attachment { start: i, title: Some(i) });
            }
            if is_motto_line(&lines[i]) {
                let block = HeaderBlock::around(lines, i, from);
                return Some(Attachment { start: block.start, title: block.type_title });
            }
            issued_with_title(lines, i).then_some(Attachment { start: i, title: Some(i) })
        })
    }
}

/// "Phụ lục I", "Phụ lục số 02:" on a line of its own: an appendix's label in title case
/// (in capitals any "PHỤ LỤC …" line is one).
fn is_appendix_label(t: &str) -> bool {
    crate::grammar::APPENDIX_LABEL.find(t).is_some_and(|m| m.end() == t.len())
}

/// Whether line `i` opens an upper-case title whose following lines end in "(Ban
/// hành) kèm theo …": the heading of a list or programme issued with the document.
/// The lines between are upper case too ("DANH MỤC / SỔ THEO DÕI"), or, under a
/// type title, its trích yếu in any case ("KẾ HOẠCH / Thử nghiệm").
fn issued_with_title(lines: &[Line], i: usize) -> bool {
    if !is_upper(lines[i].text) || TOP_LABEL.is_match(lines[i].text) {
        return false;
    }
    let typed = type_title_word(lines[i].text.trim()).is_some();
    let next: Vec<&Line> = lines[i + 1..].iter().filter(|l| !l.is_blank()).take(4).collect();
    next.iter()
        .position(|l| opens_issued_with(l.text))
        .is_some_and(|p| (typed && p > 0) || next[..p].iter().all(|l| is_upper(l.text)))
}

/// A signature printed without "Nơi nhận" or an authority prefix ("BỘ TRƯỞNG" /
/// the name): the position and name lines before the first attachment, else at
/// the end of the document. Returns the signature's first line and the attachment.
fn unprefixed_signature(lines: &[Line], body_start: usize) -> (usize, Option<Attachment>) {
    let mut from = body_start;
    while let Some(a) = Attachment::after(lines, from) {
        if let Some(s) = trailing_signature(&lines[..a.start], body_start) {
            return (s, Some(a));
        }
        from = a.start + 1;
    }
    let end = (body_start..lines.len()).rev().find(|&i| !lines[i].is_blank()).map_or(body_start, |i| i + 1);
    (trailing_signature(lines, body_start).unwrap_or(end), None)
}

/// The enacting line of a decision or resolution ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:").
fn is_enacting(line: &str) -> bool {
    let t = line.trim();
    is_upper(t) && (type_title_word(t).is_some() || fold(t).trim_end_matches(':') == "quyet nghi")
}

/// Title lines after the type title: the first run of non-blank lines that is
/// not the opening passage, in one case: an upper-case line ends a mixed-case
/// title, and ends an upper-case one only where it opens the authority line
/// (see [`continues_upper_title`]). Returns the span and the index after it.
fn title_lines(lines: &[Line], from: usize) -> (Option<Span>, usize) {
    let mut i = from;
    // Separator rules under the title were removed by normalize, leaving blank lines.
    while i < lines.len() && lines[i].is_blank() {
        i += 1;
    }
    let start = party_trich_yeu(lines, i).unwrap_or(i);
    i = start;
    let upper_title = lines.get(start).is_some_and(|l| is_upper(l.text.trim()));
    while i < lines.len() && i - start < 9 {
        let t = lines[i].text.trim();
        let f = fold(t);
        let stop = t.is_empty()
            || (is_upper(t) && i > start && !(upper_title && continues_upper_title(lines[i - 1].text, t)))
            || f.starts_with("can cu")
            || f.starts_with("kinh gui")
            || opens_address_list(t)
            // "(Ban hành kèm theo Quyết định số …)" under an issued plan's title notes where
            // it comes from; it is no part of the trích yếu.
            || (i > start && (f.starts_with("(ban hanh kem theo") || f.starts_with("(kem theo")))
            || (i > start && (f.starts_with("thuc hien ") || crate::normalize::opens_paragraph(t)) && t.len() > 120)
            || (i > start && opens_sentence_after_title(lines[i - 1].text.trim(), t))
            || TOP_LABEL.is_match(t);
        if stop {
            break;
        }
        i += 1;
    }
    if i == start { (None, from) } else { (Some(span_of(&lines[start..i])), i) }
}

/// Whether `line` under the title line `previous`, with no blank line between (a PDF's
/// text), is the body's first sentence: it opens in capitals where the title line left
/// nothing open, and runs to a sentence's end (". : ;") — which no trích yếu does.
fn opens_sentence_after_title(previous: &str, line: &str) -> bool {
    line.starts_with(char::is_uppercase)
        && line.chars().count() > 40
        && line.ends_with(['.', ':', ';'])
        && !crate::normalize::ends_mid_phrase(previous)
}

/// Where the trích yếu opens when upper-case lines at `from` name the body or meeting
/// that issues a Party document ("NGHỊ QUYẾT / HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH TRUNG
/// ƯƠNG ĐẢNG KHÓA XIII / về …", "KẾT LUẬN / BAN CHẤP HÀNH ĐẢNG BỘ TỈNH / về …"): at the
/// "về …" line under them. `None` when no such line follows.
fn party_trich_yeu(lines: &[Line], from: usize) -> Option<usize> {
    let names_body =
        |t: &str| is_upper(t) && (opens_authority(t) || ["hoi nghi", "dai hoi"].iter().any(|m| fold_starts_with(t, m)));
    let mut i = from;
    while i < lines.len() && i - from < 4 && (lines[i].is_blank() || names_body(lines[i].text.trim())) {
        i += 1;
    }
    let opens_about = lines.get(i).is_some_and(|l| fold_starts_with(l.text.trim(), "ve ") && !is_upper(l.text.trim()));
    (i > from && opens_about).then_some(i)
}

/// Whether upper-case `line` goes on with the upper-case title line `previous`
/// (a wrapped "… TRÊN ĐỊA" / "BÀN TỈNH LAI CHÂU NĂM 2024") rather than opening
/// the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") or an enacting word:
/// a title line that ends on a word which needs its complement ("… CỦA") always goes on.
fn continues_upper_title(previous: &str, line: &str) -> bool {
    // Narrower than line-joins' CONTINUING_WORDS: "… QUY CHẾ LÀM VIỆC" ends a title on
    // "việc", and the authority line after it must still end the title.
    let last = previous.split_whitespace().next_back().unwrap_or("").to_lowercase();
    if crate::grammar::OPEN_ENDED_WORDS.contains(&last) {
        return true;
    }
    !line.trim_end().ends_with(':') && !opens_authority(line) && type_title_word(line).is_none()
}

/// A letter's trích yếu: the "V/v …" cell and its continuation lines; or, in a web page's
/// copy that runs the header into one line, the "V/v …" after the date ("Số: 412/UBND-VP
/// Tân Hiệp, ngày 15 tháng 9 năm 2025 V/v tăng cường …").
fn vv_lines(lines: &[Line], zone: usize) -> (Option<Span>, usize) {
    static AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"năm\s+[0-9]{4}\s+(V/[vV]\s)").unwrap());
    for i in 0..zone.min(lines.len()) {
        let cells = lines[i].cells();
        let start = cells
            .iter()
            .find(|c| fold_starts_with(c.text, "v/v") || fold_starts_with(c.text, "ve viec"))
            .map(|c| (c.span.start as usize, c.span.end as usize))
            .or_else(|| {
                cells.iter().find_map(|c| {
                    let at = AFTER_DATE.captures(c.text)?.get(1)?.start();
                    Some((c.span.start as usize + at, c.span.end as usize))
                })
            });
        let Some((from, cell_end)) = start else { continue };
        let mut end = cell_end;
        let mut j = i + 1;
        while j < lines.len() {
            let cells = lines[j].cells();
            let Some(first) = cells.first() else { break };
            let f = fold(first.text);
            if f.starts_with("kinh gui") || DATE_LINE.is_match(first.text) || is_upper(first.text) {
                break;
            }
            end = first.span.end as usize;
            j += 1;
        }
        return (Some(Span::new(from, end)), j);
    }
    (None, 0)
}

/// Where the body starts in a document that prints neither type title nor trích yếu:
/// after the header block when a motto stands among its first lines (a converter may keep
/// the header table and drop the title under it), else after any leading blank lines.
fn header_body_start(lines: &[Line]) -> usize {
    let first = (0..lines.len()).find(|&i| !lines[i].is_blank()).unwrap_or(0);
    let Some(motto) =
        (first..lines.len()).filter(|&i| !lines[i].is_blank()).take(8).find(|&i| is_motto_line(&lines[i]))
    else {
        return first;
    };
    let header_cell = |c: &Line| {
        is_upper(c.text)
            || is_own_symbol_line(c.text)
            || DATE_LINE.is_match(c.text)
            || fold_starts_with(c.text, "doc lap")
            || !c.text.contains(char::is_alphanumeric)
    };
    (motto + 1..lines.len())
        .find(|&i| !lines[i].is_blank() && !lines[i].cells().iter().all(header_cell))
        .unwrap_or(lines.len())
}

/// A signature without "Nơi nhận" or authority: the position and name lines at the end.
fn trailing_signature(lines: &[Line], body_start: usize) -> Option<usize> {
    let mut i = lines.len();
    while i > body_start && lines[i - 1].is_blank() {
        i -= 1;
    }
    let last = i;
    // the name, then position lines in upper case
    if i > body_start && lines[i - 1].text.split_whitespace().count() <= 6 && !lines[i - 1].text.contains('.') {
        i -= 1;
        while i > body_start && (lines[i - 1].is_blank() || is_upper(lines[i - 1].text)) {
            i -= 1;
        }
        if i < last - 1 {
            while i < last && lines[i].is_blank() {
                i += 1;
            }
            return Some(i);
        }
    }
    None
}

/// End of the first paragraph of the body (for a letter without headings).
fn first_paragraph_end(lines: &[Line], from: usize, to: usize) -> usize {
    let mut i = from;
    while i < to && lines[i].is_blank() {
        i += 1;
    }
    while i < to && !lines[i].is_blank() {
        i += 1;
        // hard-wrapped text: a paragraph ends at a line ending a sentence
        if lines[i - 1].text.trim_end().ends_with(['.', ':']) {
            break;
        }
    }
    i
}

/// The closing passage when it opens with "Trên đây là …". A final unlabelled "./."
/// paragraph may close the document too, but only the section tree can tell whether
/// it is the only text of the last item (which it then belongs to): the extract
/// stage's outline decides that case.
fn closing(lines: &[Line], from: usize, to: usize) -> Option<Span> {
    let end = (from..to).rev().find(|&i| !lines[i].is_blank())?;
    let i = (from..to).find(|&i| fold_starts_with(lines[i].text.trim_start(), "tren day la"))?;
    Some(Span::new(lines[i].span.start as usize, lines[end].span.end as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of a grammar whose example is a title line ending on the row's word, " / ",
    /// and the line under it: (line number, title line, next line), the word checked.
    fn title_line_examples(tsv: &'static str, file: &str, words: usize) -> Vec<(usize, &'static str, &'static str)> {
        let rows: Vec<_> = crate::grammar::tsv_rows(tsv).collect();
        assert_eq!(rows.len(), words, "{file}");
        rows.into_iter()
            .map(|(line, c)| {
                let (title, next) = c[1].split_once(" / ").expect("example has /");
                assert!(title.to_lowercase().ends_with(c[0]), "{file}:{line}: the title line ends on {}", c[0]);
                (line, title, next)
            })
            .collect()
    }

    #[test]
    fn a_title_line_ending_on_an_open_ended_word_goes_on_over_an_authority_line() {
        let rows = title_line_examples(
            crate::grammar::OPEN_ENDED_WORDS_TSV,
            "open-ended-words.tsv",
            crate::grammar::OPEN_ENDED_WORDS.len(),
        );
        for (line, title, next) in rows {
            // The next line would end any other title line.
            assert!(!continues_upper_title("QUY CHẾ LÀM VIỆC", next), "open-ended-words.tsv:{line}: {next:?}");
            assert!(continues_upper_title(title, next), "open-ended-words.tsv:{line}");
        }
    }

    #[test]
    fn a_type_title_may_name_a_variety_of_its_type() {
        let rows = title_line_examples(
            crate::grammar::TYPE_TITLE_QUALIFIERS_TSV,
            "type-title-qualifiers.tsv",
            crate::grammar::TYPE_TITLE_QUALIFIERS.len(),
        );
        for (line, title, trich_yeu) in rows {
            let head = "ỦY BAN NHÂN DÂN\nHUYỆN YÊN ĐỊNH\nSố: 77/KH-UBND\nYên Định, ngày 10 tháng 4 năm 2024\n";
            let text = format!("{head}{title}\n{trich_yeu}\n\nI. MỤC ĐÍCH\n");
            let x = crate::pipeline::extract_bytes("t.txt", text.as_bytes()).expect("reads");
            assert_eq!(x.documents[0].title.as_deref(), Some(trich_yeu), "type-title-qualifiers.tsv:{line}");
        }
        let kind = |line: &str| type_title_word(line).map(|d| d.abbreviation.as_str());
        assert_eq!(kind("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN THƯỜNG VỤ HUYỆN ỦY"), Some("CTr"));
        // A qualifier is no subject: "KẾ HOẠCH HÀNH ĐỘNG NĂM 2024" titles no type.
        assert_eq!(kind("KẾ HOẠCH HÀNH ĐỘNG NĂM 2024"), None);
    }

    #[test]
    fn a_type_title_split_or_spaced_out_by_a_scan_is_read() {
        let kind = |line: &str| type_title_word(line).map(|d| d.abbreviation.as_str());
        for (line, want) in [("K ÉT LUẬN", "KL"), ("K Ế H O Ạ C H", "KH"), ("QUYÉT  ĐỊNH", "QĐ"), ("NGHỊ QUYẾT", "NQ")]
        {
            assert_eq!(kind(line), Some(want), "{line:?}");
        }
        // Lower case, or a type word followed by more than "của …", is no type title.
        for line in ["K ết luận", "KẾ HOẠCH NĂM 2024", "KẾT LUẬN CHUNG"] {
            assert_eq!(kind(line), None, "{line:?}");
        }
    }

    /// The layout's trích yếu of `text`.
    fn title_of(text: &str) -> Option<String> {
        let l = lines(text);
        layout(&l).title.map(|s| text[s.range()].split_whitespace().collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn the_body_s_first_sentence_is_no_part_of_the_title() {
        let text = "CHỈ THỊ\nVề việc đẩy mạnh giải ngân vốn đầu tư công\nTheo đề nghị của Cục trưởng Cục Quản lý đấu thầu tỉnh.\n1. Bộ Tài chính theo dõi.\n";
        assert_eq!(title_of(text).as_deref(), Some("Về việc đẩy mạnh giải ngân vốn đầu tư công"));
        // A title line after one that leaves it open goes on, full stop or not.
        let text = "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc của\nỦy ban nhân dân xã Phong Hòa nhiệm kỳ 2021 - 2026.\n\nCăn cứ Luật.\n";
        assert_eq!(
            title_of(text).as_deref(),
            Some("Về việc ban hành Quy chế làm việc của Ủy ban nhân dân xã Phong Hòa nhiệm kỳ 2021 - 2026.")
        );
    }

    #[test]
    fn a_party_title_opens_at_about_under_the_body_or_meeting_it_names() {
        let head = "TỈNH ỦY LÀO CAI\nSố 12-NQ/TU\n\n";
        for (under_type, want) in [
            (
                "HỘI NGHỊ LẦN THỨ BẢY\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)\nvề xây dựng kết cấu hạ tầng",
                "về xây dựng kết cấu hạ tầng",
            ),
            ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n\nvề phát triển công nghiệp", "về phát triển công nghiệp"),
            // A title in capitals that a "về …" line goes on is one title.
            (
                "THỰC HIỆN NGHỊ QUYẾT SỐ 18-NQ/TW\nvề tinh gọn bộ máy",
                "THỰC HIỆN NGHỊ QUYẾT SỐ 18-NQ/TW về tinh gọn bộ máy",
            ),
        ] {
            let text = format!("{head}NGHỊ QUYẾT\n{under_type}\n\nNội dung nghị quyết.\n");
            assert_eq!(title_of(&text).as_deref(), Some(want), "{under_type:?}");
        }
    }

    #[test]
    fn a_cable_address_with_marks_before_dien_does_not_panic() {
        // The folded body's length falls inside 'Ủ'; the prefix up to the letter before is read.
        assert!(opens_address_list("PHỦ điện:"));
        assert!(opens_address_list("THỦ TƯỚNG CHÍNH PHỦ điện:"));
        // The addressees on the same line; prose about the power grid is none.
        assert!(opens_address_list("CHỦ TỊCH UBND HUYỆN KBANG điện: Thủ trưởng các cơ quan, đơn vị;"));
        assert!(!opens_address_list("Kiểm tra hệ thống lưới điện: trạm biến áp, đường dây."));
        // It ends the title above it, blank line or none; so does an issued plan's note.
        let text = "UBND HUYỆN A\nSố: 2/KH-UBND\n\nKẾ HOẠCH\nTriển khai Đề án 06 năm 2024\n(Ban hành kèm theo Quyết định số 2150/QĐ-UBND ngày 12/8/2024)\n\nI. MỤC ĐÍCH\n";
        assert_eq!(&text[segment(text)[0].title.unwrap().range()], "Triển khai Đề án 06 năm 2024");
        let text = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 19/CĐ-TTg\n\nCÔNG ĐIỆN\nVề khắc phục hậu quả mưa lũ\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng Bộ Công an;\n";
        let docs = segment(text);
        assert_eq!(&text[docs[0].title.unwrap().range()], "Về khắc phục hậu quả mưa lũ");
    }

    #[test]
    fn cells_split_on_wide_gaps() {
        let text = "   ỦY BAN NHÂN DÂN        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let l = lines(text);
        let cells = l[0].cells();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[0].text, "ỦY BAN NHÂN DÂN");
        assert_eq!(&text[cells[1].span.range()], "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        // A bullet padded to its list's indent (pandoc's "-   ") opens its item; a wider gap
        // after it is a column's.
        let texts = |line: &str| lines(line)[0].cells().iter().map(|c| c.text.to_string()).collect::<Vec<_>>();
        assert_eq!(texts("-   UBND tỉnh (b/c);"), ["-   UBND tỉnh (b/c);"]);
        assert_eq!(texts("-        PHÓ CHỦ TỊCH"), ["-", "PHÓ CHỦ TỊCH"]);
    }

    #[test]
    fn letter_then_plan_are_two_documents() {
        let text = "ỦY BAN NHÂN DÂN\nTHỊ XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/UBND\nV/v việc gì\n\nThực hiện Kế hoạch số 2/KH-UBND./.\n\nNơi nhận:\n- Như trên;\n\nCHỦ TỊCH\n\nNguyễn Văn A\n\nỦY BAN NHÂN DÂN TỈNH B\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2/KH-UBND\n\nKẾ HOẠCH\nVề việc khác\n\nThực hiện Chỉ thị số 3/CT-TTg.\n\nI. MỤC ĐÍCH\n\n1. Một\n\nNơi nhận:\n- Sở A;\n\nCHỦ TỊCH\n\nTrần Văn B\n";
        let docs = segment(text);
        assert_eq!(docs.len(), 2);
        assert!(text[docs[1].span.range()].starts_with("ỦY BAN NHÂN DÂN TỈNH B"));
        assert_eq!(&text[docs[1].title.unwrap().range()], "Về việc khác");
        assert_eq!(&text[docs[0].title.unwrap().range()], "V/v việc gì");
        assert!(text[docs[1].opening.range()].trim().starts_with("Thực hiện Chỉ thị"));
        assert!(!text[docs[1].opening.range()].contains("MỤC ĐÍCH"));
    }
    /// A short decision of a provincial department, signed, then `tail`.
    fn decision_then(signature: &str, tail: &str) -> String {
        format!(
            "SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 14/QĐ-SNN\nK, ngày 3 tháng 5 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban hành mẫu sổ theo dõi\n\nCăn cứ Quyết định số 9/QĐ-UBND;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này mẫu sổ theo dõi.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\n{signature}\n\n{tail}"
        )
    }

    const PREFIXED: &str = "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nHoàng Thị Mai";

    #[test]
    fn a_table_column_named_for_recipients_is_no_signature_and_a_signature_table_lists_them() {
        let body = "| STT | Nội dung | Thời hạn | Nơi nhận |\n|---|---|---|---|\n| 1 | Báo cáo nhanh | Trước ngày 20/6/2026 | Vụ Chính quyền |";
        let signature = "| Nơi nhận: | KT. GIÁM ĐỐC |\n|---|---|\n| - Như Điều 2; | PHÓ GIÁM ĐỐC |\n| - Lưu: VT. | |\n| | Hoàng Thị Mai |";
        let text = decision_then(signature, "").replace("Điều 2. Quyết định", &format!("{body}\n\nĐiều 2. Quyết định"));
        let docs = segment(&text);
        let recipients = &text[docs[0].recipients.expect("the signature table lists recipients").range()];
        assert!(recipients.starts_with("| Nơi nhận:") && recipients.contains("- Lưu: VT."), "{recipients}");
        assert!(text[docs[0].body.range()].contains("Điều 2. Quyết định"));
    }

    #[test]
    fn a_blank_form_that_repeats_the_motto_stays_with_its_document() {
        let form = "Mẫu số 02\nTÊN ĐƠN VỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/SK-TD\n\nSỔ THEO DÕI\n1. Họ và tên: …\n\nNGƯỜI LẬP\n(Ký, ghi rõ họ tên)\n";
        let text = decision_then(PREFIXED, form);
        let docs = segment(&text);
        assert_eq!(docs.len(), 1);
        let appendix = docs[0].appendix.expect("the form is an appendix");
        assert!(text[appendix.range()].starts_with("Mẫu số 02"));
        assert!(!text[docs[0].signature.unwrap().range()].contains("NGƯỜI LẬP"));
    }

    #[test]
    fn a_programme_issued_with_the_document_without_a_number_stays_with_it() {
        let programme = "SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nCHƯƠNG TRÌNH\nKiểm tra việc ghi sổ năm 2024\n(Kèm theo Quyết định số 14/QĐ-SNN ngày 3/5/2024)\n\nI. NỘI DUNG\n1. Kiểm tra sổ\n";
        let text = decision_then(PREFIXED, programme);
        let docs = segment(&text);
        assert_eq!(docs.len(), 1);
        assert!(text[docs[0].appendix.unwrap().range()].starts_with("SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA"));
        assert_eq!(&text[docs[0].appendix_title.unwrap().range()], "CHƯƠNG TRÌNH");
    }

    #[test]
    fn a_header_block_with_its_own_number_after_a_signature_is_a_new_document() {
        // Counter-example to the two above: the same block with a "Số:" line of its own.
        let plan = "SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nK, ngày 4 tháng 5 năm 2024\nSố: 15/KH-SNN\n\nKẾ HOẠCH\nKiểm tra việc ghi sổ năm 2024\n\nI. NỘI DUNG\n";
        let text = decision_then(PREFIXED, plan);
        let docs = segment(&text);
        assert_eq!(docs.len(), 2);
        assert!(text[docs[1].span.range()].starts_with("SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA"));
        assert_eq!(docs[0].appendix, None);
    }

    #[test]
    fn an_addressee_wrapped_under_its_text_goes_on_the_item() {
        let above = "          - Bệnh viện Đa khoa Hợp Lực, Bệnh viện Đa khoa";
        assert!(wraps_item(above, "            Tâm Đức (bệnh viện tư nhân);"));
        // A closed item, or a paragraph that opens further left, ends the list.
        assert!(!wraps_item("          - Sở Y tế;", "            Sở Nội vụ"));
        assert!(!wraps_item(above, "    Sở Y tế đề nghị các đơn vị bảo đảm cung ứng thuốc."));
    }

    #[test]
    fn a_header_block_whose_number_was_lost_is_a_new_document() {
        // A scan that lost the "Số:" line: agency, motto and the new document's own date.
        let letter = "SỞ TƯ PHÁP TỈNH K\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nK, ngày 9 tháng 6 năm 2024\n\nKính gửi: Các phòng chuyên môn\n";
        assert_eq!(segment(&decision_then(PREFIXED, letter)).len(), 2);
        // A form's second page, motto and title without number or date: no document.
        let page = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nGIẤY XÁC NHẬN\nTên đơn vị: ……\n…, ngày … tháng … năm 20…\n";
        assert_eq!(segment(&decision_then(PREFIXED, page)).len(), 1);
        assert!(!is_filled_date_line("…………, ngày … tháng … năm 20…"));
        // A programme issued with the decision, its "(Kèm theo …)" joined onto its trích yếu: an attachment.
        let programme = "SỞ NÔNG NGHIỆP TỈNH K\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nCHƯƠNG TRÌNH\nKiểm tra sổ năm 2024 (Kèm theo Quyết định số 14/QĐ-SNN)\n\nI. NỘI DUNG\n";
        assert_eq!(segment(&decision_then(PREFIXED, programme)).len(), 1);
        // With a number of its own, a plan issued by the decision is a document.
        let numbered = programme.replace("CHƯƠNG TRÌNH", "Số: 15/CTr-SNN\n\nCHƯƠNG TRÌNH");
        assert_eq!(segment(&decision_then(PREFIXED, &numbered)).len(), 2);
    }

    #[test]
    fn own_symbol_lines_and_lines_that_number_nothing() {
        for yes in [
            "Số: 15/KH-SNN",
            "Số 27-KL/TƯ",
            "Số:     /HD-BTT",
            "Số:",
            "Nghị quyết số: 8/2023/NQ-HĐND",
            "**Số: 3/TB-UBND",
        ] {
            assert!(is_own_symbol_line(yes), "{yes}");
        }
        for no in
            ["Số: .../...", "Mẫu số 07", "Số lượng: 12", "Số phiếu thu về: 40", "Trang số: 2", "Giấy phép số: 4/GP-X"]
        {
            assert!(!is_own_symbol_line(no), "{no}");
        }
        assert!(is_form_mark("Mẫu số 03/BB-KT") && is_form_mark("MẪU SỐ 1") && is_form_mark("Mẫu 02"));
        assert!(!is_form_mark("Mẫu biên bản kiểm tra") && !is_form_mark("Theo Mẫu số 02 tại Phụ lục"));
    }

    #[test]
    fn a_signature_without_authority_before_a_list_issued_with_the_document() {
        let list = "DANH MỤC SỔ THEO DÕI\n(Ban hành kèm theo Quyết định số 14/QĐ-SNN ngày 3/5/2024)\n\nI. SỔ CẤP TỈNH\n1. Sổ theo dõi\n";
        let text = decision_then("GIÁM ĐỐC\n\nHoàng Thị Mai", list);
        let doc = &segment(&text)[0];
        assert_eq!(text[doc.signature.unwrap().range()].trim(), "GIÁM ĐỐC\n\nHoàng Thị Mai");
        assert!(text[doc.appendix.unwrap().range()].starts_with("DANH MỤC SỔ THEO DÕI"));
        assert_eq!(&text[doc.appendix_title.unwrap().range()], "DANH MỤC SỔ THEO DÕI");
        // The same signature at the end of the file, nothing attached.
        let text = decision_then("GIÁM ĐỐC\n\nHoàng Thị Mai", "");
        let doc = &segment(&text)[0];
        assert_eq!(text[doc.signature.unwrap().range()].trim(), "GIÁM ĐỐC\n\nHoàng Thị Mai");
        assert_eq!(doc.appendix, None);
    }

    #[test]
    fn an_authority_with_a_slash_opens_the_signature_without_a_dot() {
        for (line, yes) in [("T/M ĐẢNG ỦY", true), ("K/T CHỦ TỊCH", true), ("TM. ỦY BAN", true), ("TM ỦY BAN", false)]
        {
            let text = format!("{line}\n");
            assert_eq!(opens_signature(&lines(&text)[0]), yes, "{line}");
        }
    }

    #[test]
    fn an_upper_case_heading_in_the_body_is_no_attachment() {
        // Not followed by "kèm theo": a heading of the body, not a list issued with it.
        let text = "Nội dung\n\nDANH SÁCH ĐƠN VỊ\nHoàng Thị Mai\n(gồm 3 đơn vị)\n";
        assert!(!issued_with_title(&lines(text), 2));
        let text = "GIÁM ĐỐC\nHoàng Thị Mai\nDANH MỤC\n(Kèm theo Quyết định số 1/QĐ-X)\n";
        assert!(!issued_with_title(&lines(text), 0));
        assert!(issued_with_title(&lines(text), 2));
        // A type title's trích yếu is in any case; other titles' lines are in capitals.
        let text = "KẾ HOẠCH\nThử nghiệm\n(Ban hành kèm theo Quyết định số 100/QĐ-UBND)\n";
        assert!(issued_with_title(&lines(text), 0));
        let text = "DANH SÁCH ĐƠN VỊ\nHoàng Thị Mai\n(Ban hành kèm theo Quyết định số 100/QĐ-UBND)\n";
        assert!(!issued_with_title(&lines(text), 0));
    }
    #[test]
    fn a_capital_letter_part_ends_the_opening_passage() {
        let text = "ỦY BAN NHÂN DÂN XÃ H\nSố: 3/KH-UBND\n\nKẾ HOẠCH\nTuyên truyền pháp luật năm 2025\n\nThực hiện Kế hoạch số 8/KH-UBND của huyện.\nA. PHẦN CHUNG\nI. MỤC ĐÍCH\n";
        let doc = &segment(text)[0];
        assert_eq!(text[doc.opening.range()].trim(), "Thực hiện Kế hoạch số 8/KH-UBND của huyện.");
        // A capital before lower-case text, or without a gap, is no label.
        assert!(!TOP_LABEL.is_match("B. cáo kết quả") && !TOP_LABEL.is_match("B.Hà"));
    }

    #[test]
    fn a_mass_organization_prints_its_national_name_as_its_motto() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 12/UBND-VP\nHòa Bình, ngày 2 tháng 3 năm 2025\n\
                    V/v gửi kế hoạch\n\nỦy ban nhân dân xã gửi kèm kế hoạch.\n\nNơi nhận:\n- Như trên;\n\n\
                    HỘI LIÊN HIỆP PHỤ NỮ TỈNH NAM ĐỊNH          HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\n\
                    BCH HỘI LHPN XÃ HÒA BÌNH\nSố 7-KH/HPN          Hòa Bình, ngày 5 tháng 3 năm 2025\n\n\
                    KẾ HOẠCH\nTổ chức ngày hội phụ nữ năm 2025\n\nI. MỤC ĐÍCH\n";
        let x = crate::pipeline::extract_bytes("t.txt", text.as_bytes()).expect("reads");
        let symbols: Vec<_> = x.documents.iter().map(|d| d.symbol.as_deref()).collect();
        assert_eq!(symbols, [Some("12/UBND-VP"), Some("7-KH/HPN")]);
        let issuer = x.documents[1].issuer.as_deref().expect("issuer");
        assert!(issuer.ends_with("xã Hòa Bình") && !issuer.contains("Việt Nam"), "{issuer}");
        // Inside an agency line the national name is no motto.
        assert!(!is_motto("BAN CHẤP HÀNH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM"));
        assert!(is_motto("HỘI NÔNG DÂN VIỆT NAM"));
    }
}
