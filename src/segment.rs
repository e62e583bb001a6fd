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

use crate::grammar::{DOC_TYPES, DocType, fold, fold_starts_with, is_upper, opens_authority};
use crate::span::Span;

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
    /// An appendix after the signature ("PHỤ LỤC …").
    pub appendix: Option<Span>,
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

    /// The columns of a two-column layout: pieces separated by runs of three or
    /// more spaces (or a tab), each with its span.
    pub fn cells(&self) -> Vec<Line<'t>> {
        static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t+| {3,}").unwrap());
        let mut out = vec![];
        let mut start = 0;
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
        for m in GAP.find_iter(self.text) {
            push(start, m.start());
            start = m.end();
        }
        push(start, self.text.len());
        out
    }
}

/// The lines of `text`, each with its span.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        out.push(Line { text: body, span: Span::new(start, start + body.len()) });
        start += piece.len();
    }
    out
}

/// Whether a cell is the national or Party motto.
fn is_motto(cell: &str) -> bool {
    is_upper(cell) && {
        let f = fold(cell);
        f.contains("cong hoa xa hoi chu nghia viet nam") || f.contains("cong san viet nam")
    }
}

/// Whether a cell opens the list of addressees: "Kính gửi:", or a Công điện's
/// "THỦ TƯỚNG CHÍNH PHỦ điện:".
pub fn opens_address_list(cell: &str) -> bool {
    let f = fold(cell.trim());
    f.starts_with("kinh gui")
        // The words before "điện:", in the cell as printed: the folded text is
        // shorter, so its offsets do not fall on the cell's characters.
        || f.ends_with(" dien:") && cell.trim().rsplit_once(char::is_whitespace).is_some_and(|(body, _)| is_upper(body))
}

/// Whether a line opens the signature block: "Nơi nhận:" or an authority prefix.
fn opens_signature(line: &Line) -> bool {
    static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:TM|T/M|KT|TL|TUQ|Q)\s*[./]\s*\S").unwrap());
    line.cells().iter().any(|c| fold_starts_with(c.text, "noi nhan") || AUTHORITY.is_match(c.text))
}

/// Labels of parts and items that end the opening passage ("I.", "1.", "Điều 1.").
static TOP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[IVXLC]{1,6}\s*[.:/)]|\d{1,2}\s*[.)]|Điều\s+\d+|Chương\s+[IVXLC\d]+)").unwrap()
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

/// Line indexes where documents begin: 0, and every header block that follows
/// a signature or "Nơi nhận" of the document before it.
fn document_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut signed = false;
    for (i, line) in lines.iter().enumerate() {
        if opens_signature(line) {
            signed = true;
        }
        let motto = line.cells().iter().any(|c| is_motto(c.text));
        if motto && signed {
            let mut s = i;
            while s > starts[starts.len() - 1] + 1 {
                let prev = &lines[s - 1];
                let header_like =
                    prev.is_blank() || is_upper(prev.text) || fold(prev.text.trim_start()).starts_with("so");
                if !header_like {
                    break;
                }
                s -= 1;
            }
            while s < i && lines[s].is_blank() {
                s += 1;
            }
            starts.push(s);
            signed = false;
        }
    }
    starts
}

/// The document type a line titles: an upper-case line holding a type word alone
/// or followed by "CỦA …" ("NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY").
pub fn type_title_word(line: &str) -> Option<&'static DocType> {
    let t = line.trim().trim_end_matches(':').trim();
    if !is_upper(t) {
        return None;
    }
    let f = fold(t);
    DOC_TYPES.iter().find(|d| {
        let w = &d.key;
        f == *w || f.strip_prefix(w.as_str()).is_some_and(|rest| rest.starts_with(" cua "))
    })
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
            lines[e].is_blank() && e + 1 < lines.len() && fold(lines[e + 1].text.trim()).starts_with("cua ")
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
            while e < lines.len() && (lines[e].is_blank() || lines[e].text.trim_start().starts_with(['-', '+', '•']))
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

    let sig_start = (body_start..lines.len())
        .find(|&i| opens_signature(&lines[i]))
        .unwrap_or_else(|| trailing_signature(lines, body_start));
    let appendix = (sig_start..lines.len()).find(|&i| {
        let t = lines[i].text.trim();
        is_upper(t) && fold(t).starts_with("phu luc")
    });
    let sig_end = appendix.unwrap_or(lines.len());

    let recipients = (sig_start..sig_end)
        .find(|&i| lines[i].cells().iter().any(|c| fold(c.text).starts_with("noi nhan")))
        .map(|i| {
            let mut e = i + 1;
            while e < sig_end
                && (lines[e].is_blank()
                    || lines[e].text.trim_start().starts_with(['-', '+', '•'])
                    || lines[e]
                        .cells()
                        .first()
                        .is_some_and(|c| !is_upper(c.text) && c.span.start == lines[e].span.start))
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
    }
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
    let start = i;
    let upper_title = lines.get(start).is_some_and(|l| is_upper(l.text.trim()));
    while i < lines.len() && i - start < 9 {
        let t = lines[i].text.trim();
        let f = fold(t);
        let stop = t.is_empty()
            || (is_upper(t) && i > start && !(upper_title && continues_upper_title(lines[i - 1].text, t)))
            || f.starts_with("can cu")
            || f.starts_with("kinh gui")
            || (i > start && (f.starts_with("thuc hien ") && t.len() > 120))
            || TOP_LABEL.is_match(t);
        if stop {
            break;
        }
        i += 1;
    }
    if i == start { (None, from) } else { (Some(span_of(&lines[start..i])), i) }
}

/// Whether upper-case `line` goes on with the upper-case title line `previous`
/// (a wrapped "… TRÊN ĐỊA" / "BÀN TỈNH LAI CHÂU NĂM 2024") rather than opening
/// the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") or an enacting word:
/// a title line that ends on a word which needs its complement ("… CỦA") always goes on.
fn continues_upper_title(previous: &str, line: &str) -> bool {
    // Narrower than line-joins' CONTINUING_WORDS: "… QUY CHẾ LÀM VIỆC" ends a title on
    // "việc", and the authority line after it must still end the title.
    const OPEN_ENDED: &[&str] = &["của", "và", "về", "cho", "với", "tại", "trên", "thuộc", "các", "những"];
    let last = previous.split_whitespace().next_back().unwrap_or("").to_lowercase();
    if OPEN_ENDED.contains(&last.as_str()) {
        return true;
    }
    !line.trim_end().ends_with(':') && !opens_authority(line) && type_title_word(line).is_none()
}

/// A letter's trích yếu: the "V/v …" cell and its continuation lines.
fn vv_lines(lines: &[Line], zone: usize) -> (Option<Span>, usize) {
    for i in 0..zone.min(lines.len()) {
        let Some(cell) = lines[i]
            .cells()
            .into_iter()
            .find(|c| fold(c.text).starts_with("v/v") || fold(c.text).starts_with("ve viec"))
        else {
            continue;
        };
        let mut end = cell.span.end as usize;
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
        return (Some(Span::new(cell.span.start as usize, end)), j);
    }
    (None, 0)
}

/// "Hà Nội, ngày 25 tháng 4 năm 2026" and the forms with blanks or without comma.
pub static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<place>(?:\p{Lu}\p{Ll}\p{L}*|\p{Lu}{1,3}\.)(?:\s(?:\p{Lu}\p{Ll}\p{L}*|\p{Lu}{1,3}\.)){0,3})\s*,?\s*(?i:ng[àa]y)\s+(?P<d>[\d.…_ ]*?)\s*(?i:th[áa]ng)\s+(?P<m>[\d.…_ ]*?)\s*(?i:n[ăa]m)\s+(?P<y>\d{4})")
        .unwrap()
});

/// Where the body starts in a document that prints no header: after any
/// leading blank lines.
fn header_body_start(lines: &[Line]) -> usize {
    (0..lines.len()).find(|&i| !lines[i].is_blank()).unwrap_or(0)
}

/// A signature without "Nơi nhận" or authority: the position and name lines at the end.
fn trailing_signature(lines: &[Line], body_start: usize) -> usize {
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
            return i;
        }
    }
    last
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
    let i = (from..to).find(|&i| fold(lines[i].text.trim_start()).starts_with("tren day la"))?;
    Some(Span::new(lines[i].span.start as usize, lines[end].span.end as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cable_address_with_marks_before_dien_does_not_panic() {
        // The folded body's length falls inside 'Ủ'; the prefix up to the letter before is read.
        assert!(opens_address_list("PHỦ điện:"));
        assert!(opens_address_list("THỦ TƯỚNG CHÍNH PHỦ điện:"));
    }

    #[test]
    fn cells_split_on_wide_gaps() {
        let text = "   ỦY BAN NHÂN DÂN        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let l = lines(text);
        let cells = l[0].cells();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[0].text, "ỦY BAN NHÂN DÂN");
        assert_eq!(&text[cells[1].span.range()], "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
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
}
