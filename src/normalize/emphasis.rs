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
    while i < range.end {
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
        text.contains(['*', '_'])
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // Deleting delimiters can make new ones meet ("(*)_(*)_" → "()_()_"), so
        // the step repeats on its own output until nothing is left to delete.
        let mut alive: Option<Vec<bool>> = None;
        let mut current = text.to_string();
        let mut to_input: Vec<usize> = vec![];
        for _ in 0..8 {
            let doomed = doomed_ranges(&current);
            if doomed.is_empty() {
                break;
            }
            let first = alive.is_none();
            let alive = alive.get_or_insert_with(|| vec![true; text.len()]);
            for r in doomed {
                for p in r {
                    alive[if first { p } else { to_input[p] }] = false;
                }
            }
            let mut kept = Vec::with_capacity(text.len());
            to_input.clear();
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if alive[i] {
                    kept.push(b);
                    to_input.push(i);
                }
            }
            current = String::from_utf8(kept).expect("whole characters are deleted");
        }
        let Some(alive) = alive else { return };
        let mut i = 0;
        while i < alive.len() {
            if alive[i] {
                i += 1;
                continue;
            }
            let end = i + alive[i..].iter().take_while(|&&a| !a).count();
            edits.delete(i..end);
            i = end;
        }
    }
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
    fn emphasis_across_lines_of_a_heading() {
        assert_eq!(
            run_step(&MarkdownEmphasis, "**ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ**\n"),
            "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỐ\n"
        );
    }

    #[test]
    fn stray_delimiters_follow_the_rules() {
        assert_eq!(run_step(&MarkdownEmphasis, "Nơi nhận: *ch\n\nxong* a"), "Nơi nhận: ch\n\nxong a");
        assert_eq!(run_step(&MarkdownEmphasis, "Số ____ ngày, a_b\n***\n"), "Số ____ ngày, a_b\n***\n");
        assert_eq!(run_step(&MarkdownEmphasis, "Số: ____/QĐ-UBND"), "Số: /QĐ-UBND");
    }
}
