//! Deadlines: every time limit, normalized.

use crate::document::Deadline;
use crate::extract::sections::Outline;
use crate::segment::Layout;

/// Deadlines found in one document.
#[derive(Debug, Default)]
pub struct Found {
    /// Scored time limits.
    pub scored: Vec<Deadline>,
    /// Relative limits, kept but not scored.
    pub relative: Vec<Deadline>,
}

/// Find the deadlines of one document; `year` is the document's year.
pub fn extract(_text: &str, _layout: &Layout, _outline: &Outline, _year: Option<i32>) -> Found {
    Found::default()
}
