//! Citations: every other document a document refers to.

use crate::document::Citation;
use crate::segment::Layout;

/// Find the citations of one document.
pub fn extract(_text: &str, _layout: &Layout) -> Vec<Citation> {
    vec![]
}
