//! Stage 2, `normalize`: decoded text → text every extractor can match, plus
//! the [`OffsetMap`] back to the decoded original.
//!
//! Normalization is an ordered list of small steps, [`STEPS`], one type per
//! file (charabia's normalizer pipeline). Each step sees the previous step's
//! output, records its edits through a [`Rewrite`] (which builds that step's own
//! offset map while it writes), and the maps compose into one map back to the
//! original; nothing is ever diffed afterwards. A step whose cheap
//! [`NormalizeStep::applies`] prefilter says no, or that finds nothing to do,
//! allocates nothing.
//!
//! The order, and why:
//! 1. line endings first, so every later step sees `\n` only;
//! 2. invisible characters and odd spaces, then a flattened signature table's
//!    lines (told by its bold runs), then Markdown emphasis and the
//!    other Markdown marks (escapes, heading markers), then `ð`,
//!    letters misread for digits and Cyrillic/Greek look-alikes: a deleted
//!    zero-width character or `*` can join two pieces into one word, and
//!    look-alikes are judged per word;
//! 3. all of these before NFC, because a zero-width character, a `*` or a
//!    Cyrillic base letter blocks composition, and NFC after them keeps the
//!    whole pipeline idempotent;
//! 4. NFC, then the horn OCR lost from "ươ" and tone placement, which read
//!    composed letters;
//! 5. trailing spaces, so the line steps see blank lines as empty;
//! 6. the non-text lines (signature stamps, page furniture, separator rules,
//!    duplicated lines), stamps first so that a stamp printed just before a
//!    page header becomes part of that page break;
//! 7. column-aligned task tables into pipe tables, on the cleaned lines, so that
//!    a rule or page number inside a table does not end it; then grid tables into
//!    pipe tables and every row onto one line, the rows column-tables wrote included;
//! 8. line joins last, on the cleaned lines (a pipe row is never joined).

mod column_tables;
mod duplicates;
mod emphasis;
mod horns;
mod invisible;
mod joins;

pub(crate) use joins::{WRAPPED_LINE, ends_mid_phrase, is_label, opens_paragraph};
pub(crate) use nfc::composed as nfc;
mod line_endings;
mod lines;
mod lookalikes;
mod markdown_marks;
mod nfc;
mod ocr_digits;
mod ocr_letters;
mod ocr_ones;
mod page_furniture;
pub(crate) mod scan;
mod separators;
mod signature_rows;
mod spaces;
mod stamps;
mod table_rows;
mod tone;
mod trailing_space;

use std::borrow::Cow;
use std::ops::Range;

use crate::span::{OffsetMap, OffsetMapBuilder, Span};
pub use scan::LeadBytes;

/// Normalized text, the way back to the original, and what was repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The text the extractors read.
    pub text: String,
    /// Normalized offsets → original offsets.
    pub map: OffsetMap,
    /// Each repair, by step, with its span in the original.
    pub repairs: Vec<Repair>,
}

/// One edit made by one normalization step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// The step's name.
    pub step: &'static str,
    /// What it changed, in the original text.
    pub original: Span,
    /// What the step wrote instead (empty for a deletion).
    pub replacement: String,
}

/// One normalization step: a name, a cheap prefilter and the rewrite itself.
pub trait NormalizeStep: Sync {
    /// The step's name, as `--explain` prints it.
    fn name(&self) -> &'static str;
    /// Whether the step may have something to do in `text` (may say yes wrongly, never no wrongly).
    fn applies(&self, text: &str) -> bool;
    /// Record the step's edits of `text`, left to right, in `edits`.
    fn apply(&self, text: &str, edits: &mut Rewrite<'_>);
}

/// What a per-character rule does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharEdit {
    /// Leave it.
    Keep,
    /// Write this character instead.
    Replace(char),
    /// Drop it.
    Delete,
}

/// A step made of a per-character rule; the blanket impl does the bookkeeping.
pub trait CharStep: Sync {
    /// The step's name.
    const NAME: &'static str;
    /// The UTF-8 lead bytes of every character the rule does not keep: only
    /// characters that start with one of them are looked at.
    const LEADS: LeadBytes;
    /// The rule for one character.
    fn rule(&self, c: char) -> CharEdit;
    /// Prefilter; by default, whether any character led by [`CharStep::LEADS`] is not kept.
    fn may_apply(&self, text: &str) -> bool {
        Self::LEADS.chars(text).any(|(_, c)| self.rule(c) != CharEdit::Keep)
    }
}

impl<T: CharStep> NormalizeStep for T {
    fn name(&self) -> &'static str {
        T::NAME
    }

    fn applies(&self, text: &str) -> bool {
        self.may_apply(text)
    }

    fn apply(&self, text: &str, edits: &mut Rewrite<'_>) {
        let mut buf = [0u8; 4];
        for (i, c) in T::LEADS.chars(text) {
            match self.rule(c) {
                CharEdit::Keep => {}
                CharEdit::Replace(r) => edits.replace(i..i + c.len_utf8(), r.encode_utf8(&mut buf)),
                CharEdit::Delete => edits.delete(i..i + c.len_utf8()),
            }
        }
    }
}

/// Every step, in the order they run (see the module docs for why this order).
pub static STEPS: &[&dyn NormalizeStep] = &[
    &line_endings::LineEndings,
    &invisible::InvisibleChars,
    &spaces::OddSpaces,
    &signature_rows::SignatureTableRows,
    &emphasis::MarkdownEmphasis,
    &markdown_marks::MarkdownMarks,
    &ocr_letters::OcrLetters,
    &ocr_digits::OcrDigits,
    &lookalikes::LookalikeLetters,
    &nfc::Nfc,
    &horns::OcrHorns,
    &tone::TonePlacement,
    &trailing_space::TrailingSpace,
    &stamps::SignatureStamps,
    &page_furniture::PageFurniture,
    &separators::SeparatorRules,
    &column_tables::ColumnTables,
    &table_rows::TableRows,
    &duplicates::DuplicateLines,
    &joins::LineJoins,
    // Last: it reads a word's letters once NFC has composed them and the sentence around the
    // "1" once page furniture is gone and lines are joined, so a second run finds nothing.
    &ocr_ones::OcrOnes,
];

/// One edit in a step's input: `span` replaced by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What was replaced, in the step's input.
    pub span: Span,
    /// The new text (empty: deleted).
    pub replacement: String,
}

/// A step's rewrite of its input, recorded left to right; allocates only on the first edit.
#[derive(Debug)]
pub struct Rewrite<'a> {
    input: &'a str,
    out: String,
    map: OffsetMapBuilder,
    copied: usize,
    edits: Vec<Edit>,
}

impl<'a> Rewrite<'a> {
    /// A rewrite of `input` with no edit yet.
    pub fn new(input: &'a str) -> Rewrite<'a> {
        Rewrite { input, out: String::new(), map: OffsetMapBuilder::default(), copied: 0, edits: vec![] }
    }

    /// Replace `range` of the input (on char boundaries, after every earlier edit) by `with`.
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        assert!(
            self.copied <= range.start && range.start <= range.end,
            "edits must come in order: {range:?} after {}",
            self.copied
        );
        if self.input[range.clone()] == *with {
            return;
        }
        if self.edits.is_empty() {
            self.out.reserve(self.input.len());
        }
        self.out.push_str(&self.input[self.copied..range.start]);
        if with.is_empty() {
            self.map.mark(self.out.len(), range.end);
        } else {
            self.map.mark_replaced(self.out.len(), range.start);
            self.out.push_str(with);
            self.map.mark(self.out.len(), range.end);
        }
        self.copied = range.end;
        self.edits.push(Edit { span: Span::new(range.start, range.end), replacement: with.to_string() });
    }

    /// Delete `range` of the input.
    pub fn delete(&mut self, range: Range<usize>) {
        self.replace(range, "");
    }

    /// The new text, its map back to the input and the edits; `None` if nothing changed.
    pub fn finish(mut self) -> Option<(String, OffsetMap, Vec<Edit>)> {
        if self.edits.is_empty() {
            return None;
        }
        self.out.push_str(&self.input[self.copied..]);
        let map = self.map.finish(self.input.len(), self.out.len());
        Some((self.out, map, self.edits))
    }
}

/// Normalize `text`.
pub fn normalize(text: &str) -> Normalized {
    let mut current: Cow<'_, str> = Cow::Borrowed(text);
    let mut map = OffsetMap::identity(text.len());
    let mut repairs = vec![];
    for step in STEPS {
        if !step.applies(&current) {
            continue;
        }
        let mut rewrite = Rewrite::new(&current);
        step.apply(&current, &mut rewrite);
        let Some((out, step_map, edits)) = rewrite.finish() else { continue };
        repairs.extend(edits.into_iter().map(|e| Repair {
            step: step.name(),
            original: map.span(e.span),
            replacement: e.replacement,
        }));
        map = map.compose(&step_map);
        current = Cow::Owned(out);
    }
    Normalized { text: current.into_owned(), map, repairs }
}

/// Apply one step alone (for the steps' unit tests): the new text, or the input unchanged.
#[cfg(test)]
fn run_step(step: &dyn NormalizeStep, text: &str) -> String {
    if !step.applies(text) {
        return text.to_string();
    }
    let mut rewrite = Rewrite::new(text);
    step.apply(text, &mut rewrite);
    rewrite.finish().map(|(out, _, _)| out).unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = STEPS.iter().map(|s| s.name()).collect();
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')), "{names:?}");
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate step names");
    }

    fn leads_cover_the_rule<T: CharStep>(step: T) {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert!(step.rule(c) == CharEdit::Keep || T::LEADS.starts(c), "{}: {c:?}", T::NAME);
        }
    }

    #[test]
    fn char_steps_look_at_every_character_they_change() {
        leads_cover_the_rule(spaces::OddSpaces);
        leads_cover_the_rule(ocr_letters::OcrLetters);
    }

    #[test]
    fn untouched_text_is_borrowed_through_and_maps_to_itself() {
        let n = normalize("Số: 12/KH-UBND\n");
        assert_eq!(n.text, "Số: 12/KH-UBND\n");
        assert!(n.repairs.is_empty());
        assert_eq!(n.map.span(Span::new(0, 5)), Span::new(0, 5));
    }

    #[test]
    fn repairs_carry_original_spans_across_steps() {
        let text = "**Thành uỷ**\r\nXong.";
        let n = normalize(text);
        assert_eq!(n.text, "Thành ủy\nXong.");
        for r in &n.repairs {
            assert!(text.is_char_boundary(r.original.start as usize), "{r:?}");
        }
        let tone = n.repairs.iter().find(|r| r.step == "tone-placement").unwrap();
        assert_eq!(&text[tone.original.range()], "uỷ");
    }
}
