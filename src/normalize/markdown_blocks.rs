//! `markdown-blocks`: an ATX heading's `#`s, which a Word-to-Markdown converter (pandoc
//! and the like) writes before a heading ("# KẾ HOẠCH", "## I. MỤC ĐÍCH, YÊU CẦU ##"), go
//! with the spaces after them, so a type title or a heading label opens its line.
//!
//! It runs after `markdown-emphasis`, whose deletions can bare a heading ("**# X**"), and
//! before the line steps ("# CÔNG BÁO/Số 1" is a page header on the first pass as on any).
//! Left as printed, because other steps read them differently once changed and a second
//! pass would not find the text it left: an HTML `<br>` (a lone one opens an HTML block to
//! the emphasis parser; line joins would rejoin lines it split) and backslash escapes. A
//! bullet padded to its list's indent ("-   UBND tỉnh;") is `segment`'s to read (a line's
//! cells), not an edit.

use std::ops::Range;

use super::{NormalizeStep, Rewrite};

/// Drops the marks of ATX headings, keeping the text and its lines.
pub struct MarkdownBlocks;

impl NormalizeStep for MarkdownBlocks {
    fn name(&self) -> &'static str {
        "markdown-blocks"
    }

    fn applies(&self, text: &str) -> bool {
        memchr::memchr(b'#', text.as_bytes()).is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for line in super::lines::lines(text) {
            let body = line.text(text);
            let found = line_edits(body);
            if found.is_empty() {
                continue;
            }
            let once = applied(body, &found);
            if line_edits(&once).is_empty() {
                for (range, with) in found {
                    edits.replace(line.start + range.start..line.start + range.end, with);
                }
            } else {
                // Should a removal bare another mark, the line is written as the rules leave it
                // when none applies any more, in one edit, so that a second pass finds
                // nothing (normalizing is idempotent).
                let mut fixed = once;
                loop {
                    let more = line_edits(&fixed);
                    if more.is_empty() {
                        break;
                    }
                    fixed = applied(&fixed, &more);
                }
                edits.replace(line.start..line.end, &fixed);
            }
        }
    }
}

/// One line's edits, left to right: ranges in `line` and what replaces each.
fn line_edits(line: &str) -> Vec<(Range<usize>, &'static str)> {
    let mut out = vec![];
    // A form feed that opens the line is a page break, `page-furniture`'s to take: the
    // line's marks stand after it. Trailing spaces are `trailing-space`'s, later in the pass.
    let at = line.len() - line.trim_start_matches('\u{c}').len();
    let body = line[at..].trim_end_matches([' ', '\t']);
    if let Some((open, close)) = heading_marks(body) {
        out.push((at..at + open, ""));
        if close < body.len() {
            out.push((at + close..at + body.len(), ""));
        }
    }
    out
}

/// `line` with `edits` (left to right, not overlapping) made.
fn applied(line: &str, edits: &[(Range<usize>, &str)]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for (range, with) in edits {
        out.push_str(&line[from..range.start]);
        out.push_str(with);
        from = range.end;
    }
    out.push_str(&line[from..]);
    out
}

/// An ATX heading's marks: the length of the opening `#`s with the spaces after them
/// (marks that open the rest again included: "# # X"), and where the closing `#`s (with
/// the spaces before them) begin, or the line's end.
fn heading_marks(line: &str) -> Option<(usize, usize)> {
    let (mut open, mut close) = heading_marks_once(line)?;
    while let Some((more, inner)) = heading_marks_once(&line[open..close]) {
        (open, close) = (open + more, open + inner);
    }
    Some((open, close))
}

fn heading_marks_once(line: &str) -> Option<(usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let hashes = line[indent..].len() - line[indent..].trim_start_matches('#').len();
    if indent > 3 || !(1..=6).contains(&hashes) {
        return None;
    }
    let after = &line[indent + hashes..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let open = indent + hashes + (after.len() - after.trim_start().len());
    // "## I. MỤC ĐÍCH ##": a closing run preceded by a space.
    let body = line[open..].trim_end_matches('#');
    let close = if body.len() < line.len() - open && (body.is_empty() || body.ends_with([' ', '\t'])) {
        open + body.trim_end().len()
    } else {
        line.len()
    };
    Some((open, close.max(open)))
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn heading_marks_go() {
        assert_eq!(run_step(&MarkdownBlocks, "# KẾ HOẠCH\n## I. MỤC ĐÍCH ##\n"), "KẾ HOẠCH\nI. MỤC ĐÍCH\n");
        assert_eq!(run_step(&MarkdownBlocks, "\u{c}# # X"), "\u{c}X");
    }

    #[test]
    fn text_that_only_looks_like_marks_stays() {
        // No space after the hashes, a fourth level of indent, a mark inside a line.
        for text in ["#hashtag", "    # code", "Mục #3 của kế hoạch", "a<br>b", "1\\. a"] {
            assert_eq!(run_step(&MarkdownBlocks, text), text);
        }
    }
}
