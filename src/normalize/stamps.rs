//! `signature-stamps`: the text layer of a digital signature, which PDF
//! converters print in the middle of a page ("Ký bởi: …", "Cơ quan: VĂN PHÒNG
//! CHÍNH PHỦ", "Ngày ký: 2026-06-02 08:06:58 +07:00", "Người ký: …",
//! "Email: …", "Thời gian ký: …", a bare time "15:49:45").
//!
//! A stamp is a run of consecutive lines that each look like a stamp line, at
//! least one of them unmistakably ("Ký bởi:", "Ngày ký:", a bare time, an
//! e-mail line); lines that only may be part of one ("Cơ quan …", "Thời gian …")
//! go only together with such a line, so body text starting with "Cơ quan" stays.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Line, delete_lines, lines};
use super::scan::first_visible;
use super::{NormalizeStep, Rewrite};

/// Deletes signature stamp lines.
pub struct SignatureStamps;

static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:ký bởi|người ký|ngày ký|thời gian ký)\s*:.*|e-?mail\s*:\s*\S+@\S+|[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\s*[+-][0-9]{2}:?[0-9]{2})?)\s*$",
    )
    .expect("valid regex")
});

static WEAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:cơ quan\b|thời gian\b|ngày\s*:|chức vụ\s*:)").expect("valid regex"));

/// Whether a line is a strong and whether it is a weak stamp line. Most lines
/// are told apart by their first two characters (and a strong line has a `:`)
/// without a regex; `(?i)k` also matches U+212A KELVIN SIGN.
fn stamp_line(body: &str) -> (bool, bool) {
    let Some((first, second)) = first_visible(body) else { return (false, false) };
    let may_be_strong =
        matches!(first, 'k' | 'K' | '\u{212a}' | 'n' | 'N' | 't' | 'T' | 'e' | 'E') || first.is_numeric();
    let strong = may_be_strong && memchr::memchr(b':', body.as_bytes()).is_some() && STRONG.is_match(body);
    let may_be_weak = match first {
        'c' | 'C' => matches!(second, Some('ơ' | 'Ơ')),
        't' | 'T' => matches!(second, Some('h' | 'H')),
        'n' | 'N' => matches!(second, Some('g' | 'G')),
        _ => false,
    };
    let weak = !strong && may_be_weak && WEAK.is_match(body);
    (strong, weak)
}

impl NormalizeStep for SignatureStamps {
    fn name(&self) -> &'static str {
        "signature-stamps"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains("ký") || text.contains("Ký") || text.contains('@') || text.contains(':')
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut run: Vec<Line> = vec![];
        let mut strong = false;
        let mut doomed = vec![];
        for line in lines(text).chain(std::iter::once(Line { start: text.len(), end: text.len(), next: text.len() })) {
            let body = line.text(text);
            let (is_strong, is_weak) = stamp_line(body);
            if is_strong || is_weak {
                strong |= is_strong;
                run.push(line);
                continue;
            }
            if strong {
                doomed.append(&mut run);
            }
            run.clear();
            strong = false;
        }
        delete_lines(text, doomed, edits);
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn deletes_gazette_and_portal_stamps() {
        let t = "Nhân dân.\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2026-06-02 08:06:58 +07:00\n\nsau";
        assert_eq!(run_step(&SignatureStamps, t), "Nhân dân.\n\nsau");
        let t = "a,\nNgười ký: Cổng Thông tin điện tử Chính phủ\nEmail: thongtinchinhphu@chinhphu.vn\nCơ quan: Văn phòng Chính phủ\nThời gian ký: 08.04.2022 15:53:58 +07:00\nb";
        assert_eq!(run_step(&SignatureStamps, t), "a,\nb");
    }

    #[test]
    fn deletes_a_garbled_stamp_around_a_bare_time() {
        let t = "x\n15:49:45\n Thời gian kết: 25/03/20\n Cơ quan Tỉnh Quảng Ngãi\n\n4. Quá trình";
        assert_eq!(run_step(&SignatureStamps, t), "x\n\n4. Quá trình");
    }

    #[test]
    fn body_lines_that_merely_start_alike_stay() {
        let t = "Cơ quan Tổ chức - Nội vụ chủ trì;\nThời gian thực hiện: năm 2023\n";
        assert_eq!(run_step(&SignatureStamps, t), t);
    }
}
