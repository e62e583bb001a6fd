//! The section tree: numbered headings of the body.

use crate::document::Section;
use crate::segment::Layout;

/// Find the numbered headings of one document.
pub fn extract(_text: &str, _layout: &Layout) -> Vec<Section> {
    vec![]
}
