//! Stage 2, `normalize`: decoded text → text every extractor can match, plus
//! the [`OffsetMap`] back to the decoded original.
//!
//! (Minimal first version: drops Markdown emphasis stars and carriage returns.
//! The ordered step list of the foundation issue replaces it.)

use crate::span::{OffsetMap, OffsetMapBuilder, Span};

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
}

/// Normalize `text`.
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMapBuilder::default();
    let mut repairs = vec![];
    for (i, c) in text.char_indices() {
        if c == '*' || c == '\r' {
            repairs.push(Repair { step: "markdown-emphasis", original: Span::new(i, i + 1) });
            map.mark(out.len(), i + 1);
            continue;
        }
        out.push(c);
    }
    let map = map.finish(text.len(), out.len());
    Normalized { text: out, map, repairs }
}
