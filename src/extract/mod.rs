//! Stage 4, `extract`: from each segmented document, the header fields, the
//! citations, the section tree, the assignments, the deadlines and the tasks.
//!
//! Each extractor is a plain function over the normalized text and the
//! document's [`Layout`]; this module runs them in order and assembles the
//! [`Document`]. Spans are normalized offsets until `pipeline` maps them.

pub mod assignments;
pub mod calendar;
pub mod citations;
pub mod deadlines;
pub mod header;
pub mod sections;
pub mod symbol;
pub mod tasks;

use crate::document::Document;
use crate::segment::{self, Layout};

/// Build the patterns the extractors compile on first use, costliest first;
/// patterns compile once per process and are most of a one-file run. Call it on
/// another thread (`rayon::spawn(vanban::extract::prepare)`) before the first
/// document: an extractor that needs a pattern still being built waits for it,
/// so nothing is built twice and results do not change.
pub fn prepare() {
    deadlines::prepare();
}

/// Extract every document of a normalized file.
pub fn extract(text: &str) -> Vec<Document> {
    segment::segment(text).iter().map(|layout| extract_document(text, layout)).collect()
}

/// Extract one document.
pub fn extract_document(text: &str, layout: &Layout) -> Document {
    let mut doc = header::extract(text, layout);
    doc.span = layout.span;
    doc.citations = citations::extract(text, layout);
    citations::drop_self(&mut doc.citations, doc.symbol.as_deref(), doc.date.as_deref());
    let outline = sections::Outline::build(text, layout);
    doc.assignments = assignments::extract(text, &outline, doc.issuer.as_deref());
    let found = deadlines::extract(text, &outline, doc.date.as_deref());
    doc.deadlines = found.scored;
    doc.relative_deadlines = found.relative;
    doc.tasks = tasks::collect(&outline, &doc.assignments, &doc.deadlines);
    doc.sections = outline.sections;
    doc
}
