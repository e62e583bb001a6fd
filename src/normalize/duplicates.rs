//! `duplicate-lines`: a line printed twice in a row (blank lines between
//! allowed) — a signer's name under the signature image and again as text,
//! an issuer repeated by the Gazette layout — is kept once. Lines with fewer
//! than two letters (numbers, bullets) are never taken for duplicates.

use super::lines::{Line, delete_lines, lines};
use super::{NormalizeStep, Rewrite};

/// Deletes the second of two identical adjacent lines.
pub struct DuplicateLines;

impl NormalizeStep for DuplicateLines {
    fn name(&self) -> &'static str {
        "duplicate-lines"
    }

    fn applies(&self, text: &str) -> bool {
        text.contains('\n')
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut previous: Option<&str> = None;
        let mut doomed: Vec<Line> = vec![];
        for line in lines(text) {
            let body = line.text(text).trim();
            if body.is_empty() {
                continue;
            }
            if previous == Some(body) && body.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                doomed.push(line);
                continue;
            }
            previous = Some(body);
        }
        delete_lines(text, doomed, edits);
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn keeps_one_of_adjacent_duplicates() {
        assert_eq!(run_step(&DuplicateLines, "Nguyễn Viết Thanh\nNguyễn Viết Thanh\n"), "Nguyễn Viết Thanh\n");
        assert_eq!(run_step(&DuplicateLines, "BỘ KẾ HOẠCH\n\n BỘ KẾ HOẠCH\nx"), "BỘ KẾ HOẠCH\n\nx");
    }

    #[test]
    fn separated_or_short_repeats_stay() {
        let t = "- Chỉ đạo: A.\n- Đơn vị: B.\n- Chỉ đạo: A.\n1\n1\n";
        assert_eq!(run_step(&DuplicateLines, t), t);
    }
}
