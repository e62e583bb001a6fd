//! `line-endings`: CRLF and lone CR become LF, so every later step sees `\n` only.

use super::{NormalizeStep, Rewrite};

/// CRLF / CR → LF.
pub struct LineEndings;

impl NormalizeStep for LineEndings {
    fn name(&self) -> &'static str {
        "line-endings"
    }

    fn applies(&self, text: &str) -> bool {
        text.as_bytes().contains(&b'\r')
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\r' {
                if bytes.get(i + 1) == Some(&b'\n') {
                    edits.delete(i..i + 1);
                } else {
                    edits.replace(i..i + 1, "\n");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_step;
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(run_step(&LineEndings, "a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(run_step(&LineEndings, "\r\r\n"), "\n\n");
    }
}
