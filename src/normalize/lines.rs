//! Lines of a text with their byte ranges, shared by the line-based steps.

/// One line: `start..end` is its text without the `\n`; `next` is where the following line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// First byte.
    pub start: usize,
    /// End of the text, before the `\n`.
    pub end: usize,
    /// Start of the next line (`end + 1`, or `end` for a last line without `\n`).
    pub next: usize,
}

impl Line {
    /// The line's text in `text`.
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// The lines of `text`, in order (a final `\n` does not start another line).
pub fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let next = if end < text.len() { end + 1 } else { end };
        let line = Line { start, end, next };
        start = next;
        Some(line)
    })
}

/// Delete whole lines (with their `\n`) from `edits`; `doomed` must be in order.
pub fn delete_lines(text: &str, doomed: impl IntoIterator<Item = Line>, edits: &mut super::Rewrite<'_>) {
    let mut done = 0;
    for line in doomed {
        // A last line without `\n`: take the `\n` before it instead (unless that
        // went with the line before), so no empty line is left.
        let take_newline_before =
            line.next == line.end && line.start > done && text.as_bytes()[line.start - 1] == b'\n';
        let from = if take_newline_before { line.start - 1 } else { line.start };
        edits.delete(from..line.next);
        done = line.next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_a_run_up_to_the_end_never_overlaps() {
        let t = "a\n\n\u{c}";
        let mut edits = super::super::Rewrite::new(t);
        let doomed: Vec<Line> = lines(t).skip(1).collect();
        delete_lines(t, doomed, &mut edits);
        assert_eq!(edits.finish().unwrap().0, "a\n");
    }

    #[test]
    fn splits_with_and_without_final_newline() {
        let t = "a\n\nbc";
        let ls: Vec<&str> = lines(t).map(|l| l.text(t)).collect();
        assert_eq!(ls, ["a", "", "bc"]);
        let t = "a\n";
        assert_eq!(lines(t).count(), 1);
    }
}
