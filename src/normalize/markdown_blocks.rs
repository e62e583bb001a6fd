//! `markdown-blocks`: the block marks a Word-to-Markdown converter (pandoc and the
//! like) writes around the text, which no pattern expects:
//! - an ATX heading's `#`s ("# KẾ HOẠCH", "## I. MỤC ĐÍCH, YÊU CẦU ##") go, with the
//!   space after them, so a type title or a heading label opens its line;
//! - an HTML line break (`<br>`, `<br/>`, `<br />`) inside a table cell becomes a
//!   space (a newline would cut the table's row in two), elsewhere a newline;
//! - a backslash that escapes ASCII punctuation ("1\. Nội dung", "Số: 12/KH\-UBND") or
//!   ends a line (a hard line break: "**KT. CHỦ TỊCH**\") goes;
//! - a bullet's marker padded to the list's indent ("-   UBND tỉnh;", pandoc's three
//!   spaces) keeps one space: three spaces part a line's columns.
//!
//! Emphasis (`**`, `*`, `_`) is the next step's (`markdown-emphasis`).

use super::{NormalizeStep, Rewrite};

/// Drops Markdown block marks, keeping the text and its lines.
pub struct MarkdownBlocks;

impl NormalizeStep for MarkdownBlocks {
    fn name(&self) -> &'static str {
        "markdown-blocks"
    }

    fn applies(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.first() == Some(&b'#')
            || memchr::memmem::find(bytes, b"\n#").is_some()
            || memchr::memmem::find(bytes, b"<br").is_some()
            || memchr::memmem::find(bytes, b"<BR").is_some()
            || memchr::memchr(b'\\', bytes).is_some()
            || memchr::memmem::find(bytes, b"-   ").is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for line in super::lines::lines(text) {
            let body = line.text(text);
            let at = line.start;
            let heading = heading_marks(body);
            if let Some((open, _)) = heading {
                edits.delete(at..at + open);
            }
            if let Some(padding) = bullet_padding(body) {
                edits.delete(at + padding.start..at + padding.end);
            }
            let in_table = body.trim_start().starts_with('|');
            let end = heading.map_or(body.len(), |(_, close)| close);
            let mut i = heading.map_or(0, |(open, _)| open);
            while i < end {
                let rest = &body[i..end];
                // An escape, or pandoc's hard line break: a backslash ending the line.
                if rest.starts_with('\\')
                    && (rest.len() == 1 || rest[1..].starts_with(|c: char| c.is_ascii_punctuation()))
                {
                    edits.delete(at + i..at + i + 1);
                    i += 2;
                } else if let Some(n) = line_break(rest) {
                    edits.replace(at + i..at + i + n, if in_table { " " } else { "\n" });
                    i += n;
                } else {
                    i += rest.chars().next().map_or(1, char::len_utf8);
                }
            }
            if let Some((_, close)) = heading.filter(|&(_, close)| close < body.len()) {
                edits.delete(at + close..at + body.len());
            }
        }
    }
}

/// An ATX heading's marks: the length of the opening `#`s with the spaces after them,
/// and where the closing `#`s (with the spaces before them) begin, or the line's end.
fn heading_marks(line: &str) -> Option<(usize, usize)> {
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

/// The spaces past the first after a bullet's marker at the start of `line` ("-   X"), when
/// two to four stand there.
fn bullet_padding(line: &str) -> Option<std::ops::Range<usize>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if indent > 3 || !rest.starts_with(['-', '+', '*']) {
        return None;
    }
    let spaces = rest[1..].len() - rest[1..].trim_start_matches(' ').len();
    let text_follows = rest[1 + spaces..].starts_with(|c: char| !c.is_whitespace());
    ((2..=4).contains(&spaces) && text_follows).then(|| indent + 2..indent + 1 + spaces)
}

/// The length of an HTML line break at the start of `s`, if one stands there.
fn line_break(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 4 || b[0] != b'<' || !b[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    let mut n = 3;
    while b.get(n) == Some(&b' ') {
        n += 1;
    }
    if b.get(n) == Some(&b'/') {
        n += 1;
    }
    (b.get(n) == Some(&b'>')).then_some(n + 1)
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn heading_marks_line_breaks_and_escapes_go() {
        assert_eq!(run_step(&MarkdownBlocks, "# KẾ HOẠCH\n## I. MỤC ĐÍCH ##\n"), "KẾ HOẠCH\nI. MỤC ĐÍCH\n");
        assert_eq!(run_step(&MarkdownBlocks, "1\\. Nội dung: 12/KH\\-UBND"), "1. Nội dung: 12/KH-UBND");
        assert_eq!(run_step(&MarkdownBlocks, "KT. CHỦ TỊCH\\\nPHÓ CHỦ TỊCH"), "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
        assert_eq!(run_step(&MarkdownBlocks, "Dòng một<br>dòng hai<br />ba"), "Dòng một\ndòng hai\nba");
        assert_eq!(
            run_step(&MarkdownBlocks, "| ỦY BAN NHÂN DÂN<br>TỈNH A | Số: 1 |"),
            "| ỦY BAN NHÂN DÂN TỈNH A | Số: 1 |"
        );
    }

    #[test]
    fn text_that_only_looks_like_marks_stays() {
        // No space after the hashes, a fourth level of indent, a backslash before a letter.
        // A dash that opens a column gap wider than a list's indent.
        for text in
            ["#hashtag", "    # code", "C:\\Users", "Mục #3 của kế hoạch", "a < br > b", "-        PHÓ CHỦ TỊCH"]
        {
            assert_eq!(run_step(&MarkdownBlocks, text), text);
        }
    }
}
