//! Assignments: which unit must do what, in which role.

use crate::document::Assignment;
use crate::extract::sections::Outline;
use crate::segment::Layout;

/// Find the assignments of one document.
pub fn extract(_text: &str, _layout: &Layout, _outline: &Outline) -> Vec<Assignment> {
    vec![]
}
