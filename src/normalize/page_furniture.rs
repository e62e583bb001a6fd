//! `page-furniture`: what a page break leaves in converted text — the
//! Official Gazette's running header ("CÔNG BÁO/Số 302/Ngày 02-06-2026",
//! "CÔNG BÁO/Số 1095 + 1096/Ngày 30-12-2022"), OCR page markers
//! ("===== Trang 2 ====="), form feeds, and the bare page numbers beside them.
//!
//! A page break is a run of lines that are blank, page numbers or page
//! markers and holds at least one marker; the whole run goes, blank lines
//! included, so the text before and after the break meets at one `\n` and
//! `line-joins` can see a sentence that runs across pages. A number alone on a
//! line with no marker near it stays (it may be a table cell), and so do
//! numbered headings ("1.") and list items. A form feed inside a text line
//! (pdftotext starts each page with one) is deleted on its own.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Line, delete_lines, lines};
use super::scan::first_visible;
use super::{NormalizeStep, Rewrite};

/// Deletes page headers, page markers, form feeds and page numbers at page breaks.
pub struct PageFurniture;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            công\s*báo\s*/\s*số\s*[0-9]+(?:\s*\+\s*[0-9]+)*\s*/\s*ngày\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{4}
          | [=\-_*\#~]*\s*trang\s+[0-9]+(?:\s*/\s*[0-9]+)?\s*[=\-_*\#~]*
        )\s*$",
    )
    .expect("valid regex")
});

/// The fewest spaces before a number centred on its page (a table's cell starts nearer).
const CENTRING: &str = "          ";

static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:-\s*)?[0-9]{1,4}(?:\s*-)?\s*$").expect("valid regex"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Number,
    Marker,
    Content,
}

fn classify(body: &str) -> Kind {
    if memchr::memchr(b'\x0c', body.as_bytes()).is_some() {
        // A form feed makes whatever page furniture shares its line a page marker.
        return match classify(&body.replace('\u{c}', "")) {
            Kind::Content => Kind::Content,
            _ => Kind::Marker,
        };
    }
    // A marker starts with "công báo", "trang" or a decoration, a page number
    // with a digit or '-': most lines are content by their first two characters.
    let Some((first, second)) = first_visible(body) else { return Kind::Blank };
    let may_be_marker = match first {
        'c' | 'C' => matches!(second, Some('ô' | 'Ô')),
        't' | 'T' => matches!(second, Some('r' | 'R')),
        _ => matches!(first, '=' | '-' | '_' | '*' | '#' | '~'),
    };
    if may_be_marker && MARKER.is_match(body) {
        Kind::Marker
    } else if (first == '-' || first.is_numeric()) && PAGE_NUMBER.is_match(body) {
        // Centred far from the margin, or dashed on both sides ("- 2 -"), a number is how a
        // page prints its own, with no marker beside it.
        let centred = body.len() - body.trim_start().len() >= CENTRING.len();
        let dashed = first == '-' && body.trim_end().ends_with('-');
        if centred || dashed { Kind::Marker } else { Kind::Number }
    } else {
        Kind::Content
    }
}

impl NormalizeStep for PageFurniture {
    fn name(&self) -> &'static str {
        "page-furniture"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains('\u{c}')
            || text.contains("BÁO")
            || text.contains("báo")
            || text.contains("rang")
            // A centred page number, or a dashed one ("- 2 -").
            || text.contains(CENTRING)
            || text.contains("-\n")
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut run: Vec<Line> = vec![];
        let mut has_marker = false;
        let flush = |run: &mut Vec<Line>, has_marker: &mut bool, edits: &mut Rewrite<'_>| {
            if *has_marker {
                delete_lines(text, run.drain(..), edits);
            }
            run.clear();
            *has_marker = false;
        };
        for line in lines(text) {
            let body = line.text(text);
            match classify(body) {
                Kind::Content => {
                    flush(&mut run, &mut has_marker, edits);
                    for (i, _) in body.match_indices('\u{c}') {
                        edits.delete(line.start + i..line.start + i + 1);
                    }
                }
                kind => {
                    has_marker |= kind == Kind::Marker;
                    run.push(line);
                }
            }
        }
        flush(&mut run, &mut has_marker, edits);
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn gazette_page_break_disappears() {
        let t = "CÔNG BÁO/Số 302/Ngày 02-06-2026\n70\n\n\nTHỦ TƯỚNG\nphố và\n\nCÔNG BÁO/Số 302/Ngày 02-06-2026\n72\n\n\nbố trí";
        assert_eq!(run_step(&PageFurniture, t), "THỦ TƯỚNG\nphố và\nbố trí");
        let t = "tư,\n\n\n\n94\nCÔNG BÁO/Số 1217 + 1218/Ngày 03-11-2024\n\ndự án";
        assert_eq!(run_step(&PageFurniture, t), "tư,\ndự án");
    }

    #[test]
    fn ocr_markers_and_form_feeds() {
        let t = "phát triển\n\n\n\n===== Trang 2 =====\n2\n\ncác khu";
        assert_eq!(run_step(&PageFurniture, t), "phát triển\ncác khu");
        let t = "kinh\n\u{c}                 4\n\ndoanh\n\u{c}      - Sở Xây dựng\n\u{c}";
        assert_eq!(run_step(&PageFurniture, t), "kinh\ndoanh\n      - Sở Xây dựng");
    }

    #[test]
    fn numbers_without_a_page_marker_stay() {
        let t = "Bảng\n\n2\n\n1. Mục đích\n";
        assert_eq!(run_step(&PageFurniture, t), t);
    }

    #[test]
    fn a_centred_or_dashed_page_number_is_its_own_marker() {
        let t = "phối hợp với Hội Liên hiệp\n\n                                        2\n\nPhụ nữ xã tổ chức";
        assert_eq!(run_step(&PageFurniture, t), "phối hợp với Hội Liên hiệp\nPhụ nữ xã tổ chức");
        let t = "Trung tâm Văn hóa, Thể thao và\n- 2 -\nTruyền thanh huyện";
        assert_eq!(run_step(&PageFurniture, t), "Trung tâm Văn hóa, Thể thao và\nTruyền thanh huyện");
    }
}
