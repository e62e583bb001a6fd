//! `trailing-space`: spaces and tabs at line ends are deleted, so blank lines
//! are empty and line ends compare equal. Runs of spaces inside a line stay:
//! the segmenter splits two-column layouts on them.

use super::{NormalizeStep, Rewrite};

/// Deletes trailing spaces and tabs.
pub struct TrailingSpace;

impl NormalizeStep for TrailingSpace {
    fn name(&self) -> &'static str {
        "trailing-space"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains(" \n") || text.contains("\t\n") || text.ends_with([' ', '\t'])
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        for line in super::lines::lines(text) {
            let body = line.text(text);
            let kept = body.trim_end_matches([' ', '\t']).len();
            if kept < body.len() {
                edits.delete(line.start + kept..line.end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn trims_line_ends_only() {
        assert_eq!(run_step(&TrailingSpace, "a  b \t\n \nc "), "a  b\n\nc");
    }
}
