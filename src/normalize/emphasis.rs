//! `markdown-emphasis`: documents converted to Markdown carry `**bold**` and
//! `*italic*` delimiters that break every pattern ("“*Dân vận khéo*”").
//!
//! pulldown-cmark finds the `Emphasis`/`Strong` spans; we delete only their
//! delimiter characters and never re-render, so list markers, numbering and
//! line structure stay as printed. The parser is given each line without its
//! leading whitespace (so indented layout text is not read as a code block)
//! and its offsets are mapped back line by line.
//!
//! Delimiters the parser leaves as text are decided by rule, not by the parser,
//! which keeps the step idempotent once later steps have joined lines:
//! - a literal `*` is deleted, unless its line holds only `*` and spaces (a
//!   separator rule, left for `separator-rules`). So the stray stars of
//!   "Nơi nhận: *ch*" or of an emphasis the parser did not close go, and
//!   "(*)" becomes "()";
//! - a literal run of `_` is kept only where it can never delimit emphasis,
//!   whatever later steps join: inside a word ("a_b") or standing alone
//!   between spaces or line ends (a rule "_____", a blank "Số ____ ngày");
//!   elsewhere it goes ("_Điều", and the blank of "Số: ____/QĐ" too).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::{NormalizeStep, Rewrite};

/// Deletes Markdown emphasis delimiters.
pub struct MarkdownEmphasis;

/// The text as the parser sees it: lines without leading whitespace, and the
/// way back from its offsets to the step's input.
struct Stripped {
    text: String,
    /// Per line: (offset in `text`, offset in the input) of the line's first kept byte.
    starts: Vec<(usize, usize)>,
}

impl Stripped {
    fn new(input: &str) -> Stripped {
        let mut text = String::with_capacity(input.len());
        let mut starts = vec![];
        for line in super::lines::lines(input) {
            let body = &input[line.start..line.next];
            let kept = body.trim_start_matches([' ', '\t']);
            if kept.trim().is_empty() {
                continue;
            }
            starts.push((text.len(), line.next - kept.len()));
            text.push_str(kept);
        }
        Stripped { text, starts }
    }

    fn to_input(&self, pos: usize) -> usize {
        let i = self.starts.partition_point(|&(s, _)| s <= pos).max(1) - 1;
        let (s, o) = self.starts[i];
        o + (pos - s)
    }
}

fn is_delimiter_run(s: &str, delimiter: char) -> bool {
    !s.is_empty() && s.chars().all(|c| c == delimiter)
}

/// Literal `*` and `_` in a text event at `range` of `text` that the rules delete.
fn stray_delimiters(text: &str, range: Range<usize>, doomed: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    // (A `_` run may end beyond the event.)
    while i < range.end
        && let Some(at) = memchr::memchr2(b'*', b'_', &bytes[i..range.end])
    {
        i += at;
        match bytes[i] {
            b'*' => {
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let line_end = text[i..].find('\n').map_or(text.len(), |p| i + p);
                if !text[line_start..line_end].chars().all(|c| c == '*' || c == ' ' || c == '\t') {
                    doomed.push(i..i + 1);
                }
                i += 1;
            }
            b'_' => {
                // The whole run, also beyond this event (the parser may split it);
                // `*` goes anyway, so it counts as part of the run.
                let is_run = |b: &u8| *b == b'_' || *b == b'*';
                let run_start = i - bytes[..i].iter().rev().take_while(|b| is_run(b)).count();
                let run_end = i + bytes[i..].iter().take_while(|b| is_run(b)).count();
                // The letter before is seen through combining marks (NFC comes later).
                let before =
                    text[..run_start].chars().rev().find(|&c| !unicode_normalization::char::is_combining_mark(c));
                let after = text[run_end..].chars().next();
                let inside_word = before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
                let standalone = before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
                if !(inside_word || standalone) {
                    doomed.push(run_start..run_end);
                }
                i = run_end.max(i + 1);
            }
            _ => i += 1,
        }
    }
}

impl NormalizeStep for MarkdownEmphasis {
    fn name(&self) -> &'static str {
        "markdown-emphasis"
    }

    fn applies(&self, text: &str) -> bool {
        memchr::memchr2(b'*', b'_', text.as_bytes()).is_some()
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // Deleting delimiters can make new ones meet ("(*)_(*)_" → "()_()_"), so
        // the step repeats on its own output until nothing is left to delete; a
        // text without a possible delimiter is not parsed at all, nor parsed again
        // once the first pass has deleted them all, as it usually does.
        let mut deleted = Deletions::default();
        let mut current = Cow::Borrowed(text);
        for _ in 0..8 {
            if !may_have_delimiters(&current) {
                break;
            }
            let doomed = doomed_ranges(&current);
            if doomed.is_empty() {
                break;
            }
            deleted.add(doomed);
            current = Cow::Owned(deleted.rest(text));
        }
        for r in deleted.ranges {
            edits.delete(r);
        }
    }
}

/// The delimiters deleted so far, as ranges of the step's input, and the way
/// from the text left over back to the input.
#[derive(Default)]
struct Deletions {
    /// Sorted; touching ranges are merged.
    ranges: Vec<Range<usize>>,
    /// Per kept stretch: (offset in the text left over, offset in the input).
    kept: Vec<(usize, usize)>,
}

impl Deletions {
    fn to_input(&self, pos: usize) -> usize {
        match self.kept.partition_point(|&(left, _)| left <= pos).checked_sub(1) {
            Some(i) => self.kept[i].1 + (pos - self.kept[i].0),
            None => pos,
        }
    }

    /// Delete `doomed`, ranges of the text left over by the last [`Deletions::rest`].
    fn add(&mut self, doomed: Vec<Range<usize>>) {
        // Bytes between two left-over bytes are deleted already, so a range maps whole.
        let mut all: Vec<Range<usize>> =
            doomed.into_iter().map(|r| self.to_input(r.start)..self.to_input(r.end - 1) + 1).collect();
        all.append(&mut self.ranges);
        all.sort_by_key(|r| r.start);
        for r in all {
            match self.ranges.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => self.ranges.push(r),
            }
        }
    }

    /// What is left of `input`.
    fn rest(&mut self, input: &str) -> String {
        let mut left = String::with_capacity(input.len());
        self.kept.clear();
        let mut at = 0;
        for r in self.ranges.iter().chain(std::iter::once(&(input.len()..input.len()))) {
            if r.start > at {
                self.kept.push((left.len(), at));
                left.push_str(&input[at..r.start]);
            }
            at = r.end;
        }
        left
    }
}

/// Whether some delimiter may be deleted, either as emphasis or as a stray.
///
/// Most documents have no `*`, and their `_` only in rules and blanks ("Số ____
/// ngày") or inside a word: a run between plain spaces or line ends, or between
/// two Latin letters or digits, neither opens nor closes emphasis (it is not,
/// or is both, left- and right-flanking) and the stray rules keep it. Such a
/// text needs no parse. Anything less plain (a combining mark, a backslash, a
/// quote next to the run) is left to the parser.
fn may_have_delimiters(text: &str) -> bool {
    if memchr::memchr(b'*', text.as_bytes()).is_some() {
        return true;
    }
    let is_space = |c: Option<char>| matches!(c, None | Some(' ' | '\t' | '\n'));
    let is_word = |c: Option<char>| c.is_some_and(is_plain_alphanumeric);
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'_', &bytes[from..]) {
        let start = from + at;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'_').count();
        let (before, after) = (text[..start].chars().next_back(), text[end..].chars().next());
        if !(is_space(before) && is_space(after) || is_word(before) && is_word(after)) {
            return true;
        }
        from = end;
    }
    false
}

/// An ASCII letter or digit, or a Latin letter (Latin-1, Extended-A/B, Extended Additional).
fn is_plain_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c != '\u{d7}' && c != '\u{f7}'
}

/// The delimiter ranges of `text` to delete, merged, in order.
fn doomed_ranges(text: &str) -> Vec<Range<usize>> {
    let stripped = Stripped::new(text);
    let s = stripped.text.as_str();
    let mut doomed: Vec<Range<usize>> = vec![];
    for (event, range) in Parser::new_ext(s, Options::empty()).into_offset_iter() {
        let width = match event {
            Event::Start(Tag::Emphasis) => 1,
            Event::Start(Tag::Strong) => 2,
            Event::Text(_) => {
                stray_delimiters(s, range, &mut doomed);
                continue;
            }
            _ => continue,
        };
        // The parser may count whitespace after the closer into the span ("*)*\t" at a
        // heading's end): the closer is the span's last printed characters.
        let range = range.start..range.start + s[range.clone()].trim_end().len();
        if range.len() < 2 * width {
            continue;
        }
        let open = range.start..range.start + width;
        let close = range.end - width..range.end;
        let delimiter = if s[open.clone()].starts_with('*') { '*' } else { '_' };
        if is_delimiter_run(&s[open.clone()], delimiter) && is_delimiter_run(&s[close.clone()], delimiter) {
            doomed.push(open);
            doomed.push(close);
        }
    }
    doomed.sort_by_key(|r| r.start);
    // Union of overlapping ranges (a closer can be the first `_` of a stray run).
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(doomed.len());
    for r in doomed {
        let r = stripped.to_input(r.start)..stripped.to_input(r.end - 1) + 1;
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn deletes_only_emphasis_delimiters() {
        assert_eq!(run_step(&MarkdownEmphasis, "về “*Dân vận khéo*” và **Xây dựng**"), "về “Dân vận khéo” và Xây dựng");
        assert_eq!(run_step(&MarkdownEmphasis, "**1.** Chủ tịch"), "1. Chủ tịch");
        assert_eq!(run_step(&MarkdownEmphasis, "__Điều 1__ x"), "Điều 1 x");
    }

    #[test]
    fn keeps_list_markers_numbering_and_indented_lines() {
        let t = "1. Mục đích\n\n- Tuyên *truyền*\n    - Các *sở*, ban\n* Về việc\n";
        assert_eq!(run_step(&MarkdownEmphasis, t), "1. Mục đích\n\n- Tuyên truyền\n    - Các sở, ban\n* Về việc\n");
    }

    #[test]
    fn a_closer_before_trailing_whitespace_is_a_closer() {
        // Found by the normalizer's property test: with the tab, the parser's span ended on it.
        assert_eq!(run_step(&MarkdownEmphasis, "# aa(*)*\t"), "# aa()\t");
    }

    #[test]
    fn emphasis_across_lines_of_a_heading() {
        assert_eq!(
            run_step(&MarkdownEmphasis, "**ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ**\n"),
            "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ\n"
        );
    }

    #[test]
    fn plain_underscores_need_no_parse() {
        assert!(!may_have_delimiters("Số ____ ngày, a_b, Việt_Nam\n_____\n  __\nx"));
        for t in ["a *b*", "_Điều", "Số: ____/QĐ", "a\\_b_", "e\u{301}_x"] {
            assert!(may_have_delimiters(t), "{t}");
        }
        // What the shortcut calls a word character is one for the parser and the stray rules.
        for c in (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| is_plain_alphanumeric(c)) {
            assert!(c.is_alphanumeric() && !c.is_ascii_punctuation(), "{c:?}");
        }
    }

    #[test]
    fn stray_delimiters_follow_the_rules() {
        assert_eq!(run_step(&MarkdownEmphasis, "Nơi nhận: *ch\n\nxong* a"), "Nơi nhận: ch\n\nxong a");
        assert_eq!(run_step(&MarkdownEmphasis, "Số ____ ngày, a_b\n***\n"), "Số ____ ngày, a_b\n***\n");
        assert_eq!(run_step(&MarkdownEmphasis, "Số: ____/QĐ-UBND"), "Số: /QĐ-UBND");
    }
}
