//! `separator-rules`: lines that are only a rule — "_____", "—————", "-----",
//! "***", "* * *", "=====", box-drawing rules "─────", dot leaders — drawn under headers and titles, and the
//! "|" a web page's table leaves on a line of its own between two cells.
//! The rule's characters go but its line stays, empty: a rule is a hard
//! boundary (between a title and the paragraph after it), and the extra blank
//! line keeps `line-joins` from joining across it.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::lines;
use super::scan::first_visible;
use super::{NormalizeStep, Rewrite};

/// Deletes separator rule lines.
pub struct SeparatorRules;

static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:(?:[-_—–=~.·…─━═]\s*){3,}|(?:\*\s*)+|(?:\|\s*)+)$").expect("valid regex"));

impl NormalizeStep for SeparatorRules {
    fn name(&self) -> &'static str {
        "separator-rules"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains(['_', '-', '—', '–', '=', '*', '~', '.', '·', '…', '|', '─', '━', '═'])
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        // A rule starts with one of its characters: most lines are told apart without the regex.
        let is_rule = |body: &str| {
            first_visible(body).is_some_and(|(c, _)| {
                matches!(c, '-' | '_' | '—' | '–' | '=' | '~' | '.' | '·' | '…' | '*' | '|' | '─' | '━' | '═')
            }) && RULE.is_match(body)
        };
        for line in lines(text).filter(|l| is_rule(l.text(text))) {
            edits.delete(line.start..line.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn deletes_rules_only() {
        let t = "CHÍNH PHỦ\n___________\nSố: 1\n———————\n-----\n*\n* * *\n|\n─────\n- Lưu: VT.\n1.\n...x\na | b\n";
        assert_eq!(run_step(&SeparatorRules, t), "CHÍNH PHỦ\n\nSố: 1\n\n\n\n\n\n\n- Lưu: VT.\n1.\n...x\na | b\n");
    }
}
