//! `markdown-marks`: the marks a Word-to-Markdown export writes besides
//! emphasis, which break labels, bullets and names as printed:
//! - backslash escapes before ASCII punctuation: "1\." (a label), "\- Bộ Tài
//!   chính;" (a recipient), "Việt \- Đức" (a name); and the backslash of a hard
//!   line break at a line's end;
//! - the `#` markers of an ATX heading ("# **KẾ HOẠCH**", "## I. NHIỆM VỤ"),
//!   which hide a type title from the header reader and a label from the
//!   section reader.
//!
//! It runs after `markdown-emphasis`, which reads escapes and headings as
//! Markdown does, so that every `*` is gone before a `#` could come to open a
//! line; a backslash is deleted whenever punctuation or a line end follows it,
//! so a run "\\\." goes whole and a second run finds nothing to do.

use std::ops::Range;

use super::lines::lines;
use super::{NormalizeStep, Rewrite};

/// Deletes Markdown escapes, hard-break backslashes and heading markers.
pub struct MarkdownMarks;

impl NormalizeStep for MarkdownMarks {
    fn name(&self) -> &'static str {
        "markdown-marks"
    }

    fn applies(&self, text: &str) -> bool {
        memchr::memchr2(b'\\', b'#', text.as_bytes()).is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for line in lines(text) {
            let body = &text.as_bytes()[line.start..line.end];
            if memchr::memchr2(b'\\', b'#', body).is_none() {
                continue;
            }
            let escapes: Vec<usize> =
                memchr::memchr_iter(b'\\', body).filter(|&at| is_escape(&body[at + 1..])).collect();
            // Headings are read as the line will stand without its escapes ("\# x" opens
            // one), or a second run would find a heading the first did not.
            let kept: Vec<usize> = (0..body.len()).filter(|at| escapes.binary_search(at).is_err()).collect();
            let compact: Vec<u8> = kept.iter().map(|&at| body[at]).collect();
            let (open, close) = heading_markers(&compact);
            let marker = |r: Range<usize>| (!r.is_empty()).then(|| kept[r.start]..kept[r.end - 1] + 1);
            let (open, close) = (marker(open), marker(close));
            let mut deletions: Vec<Range<usize>> = open.iter().chain(close.iter()).cloned().collect();
            let in_marker = |at: &usize| deletions.iter().any(|r| r.contains(at));
            let escapes: Vec<Range<usize>> = escapes.iter().filter(|at| !in_marker(at)).map(|&at| at..at + 1).collect();
            deletions.extend(escapes);
            deletions.sort_by_key(|r| r.start);
            for r in deletions {
                edits.delete(line.start + r.start..line.start + r.end);
            }
        }
    }
}

/// Whether a backslash followed by `rest` (the rest of its line) goes: before
/// ASCII punctuation (an escape), or at the line's end, spaces aside (a hard
/// break; trailing spaces go later).
fn is_escape(rest: &[u8]) -> bool {
    // (Backslashes after it go too: "\\\t\\" leaves nothing a second run would delete.)
    rest.first().is_some_and(u8::is_ascii_punctuation) || rest.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\\'))
}

/// The opening and closing markers of an ATX heading in `line`. Opening: after
/// the indentation, one to six `#` and the spaces after them; closing: spaces and
/// `#` at the line's end. Both empty when the line opens no heading ("#1",
/// "##########").
fn heading_markers(line: &[u8]) -> (Range<usize>, Range<usize>) {
    // A form feed or other control before it counts as indentation: a later step
    // may turn it into a line break, and the `#` would open a line.
    let indent = line.iter().take_while(|&&b| b <= b' ').count();
    let hashes = line[indent..].iter().take_while(|&&b| b == b'#').count();
    let after = indent + hashes;
    if !(1..=6).contains(&hashes) || line.get(after).is_some_and(|&b| b != b' ' && b != b'\t') {
        return (0..0, 0..0);
    }
    // Hashes, spaces and hashes again ("# # x") are all marker, or a second run would find one.
    let end = after + line[after..].iter().take_while(|&&b| matches!(b, b' ' | b'\t' | b'#')).count();
    let hashes = line[end..].iter().rev().take_while(|&&b| b == b'#').count();
    let spaces = line[end..line.len() - hashes].iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
    let close = if hashes > 0 && spaces > 0 && line.len() - hashes - spaces > end {
        line.len() - hashes - spaces..line.len()
    } else {
        0..0
    };
    (indent..end, close)
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn escapes_and_hard_breaks_go() {
        let t = "**1\\. Đào tạo**\n\\- Bộ Tài chính;\\\nViệt \\- Đức\nC:\\Users\\a \\\\\\.";
        assert_eq!(run_step(&MarkdownMarks, t), "**1. Đào tạo**\n- Bộ Tài chính;\nViệt - Đức\nC:\\Users\\a .");
    }

    #[test]
    fn heading_markers_go_numbers_stay() {
        let t = "# **KẾ HOẠCH**\n  ## I. NHIỆM VỤ ##\n#1 mục\n####### bảy\n# # x\n\\# y\nSố: 12 #";
        assert_eq!(run_step(&MarkdownMarks, t), "**KẾ HOẠCH**\n  I. NHIỆM VỤ\n#1 mục\n####### bảy\nx\ny\nSố: 12 #");
    }
}
