//! Tasks: what a plan asks in each section — the section's text, its units by
//! role (abbreviations expanded, so one unit printed two ways is one entry) and
//! its deadlines.

use std::collections::BTreeMap;

use crate::document::{Assignment, Deadline, Task};
use crate::extract::sections::Outline;
use crate::grammar;

/// One task per section (or the unlabelled text, path `None`) that carries an
/// assignment or a deadline, in the order the sections open, unlabelled text last.
pub fn collect(outline: &Outline, assignments: &[Assignment], deadlines: &[Deadline]) -> Vec<Task> {
    let mut paths: Vec<Option<String>> = outline.sections.iter().map(|s| Some(s.path.clone())).collect();
    paths.push(None);
    paths
        .into_iter()
        .filter_map(|path| {
            let mine = |p: &Option<String>| *p == path;
            let mut units: BTreeMap<_, Vec<String>> = BTreeMap::new();
            for a in assignments.iter().filter(|a| mine(&a.path)) {
                let unit = grammar::canonical_unit(&a.unit);
                let list = units.entry(a.role).or_default();
                if !list.contains(&unit) {
                    list.push(unit);
                }
            }
            let deadlines: Vec<Deadline> = deadlines.iter().filter(|d| mine(&d.path)).cloned().collect();
            if units.is_empty() && deadlines.is_empty() {
                return None;
            }
            let text = path.as_deref().and_then(|p| outline.section(p)).map(|s| s.title.clone()).unwrap_or_default();
            Some(Task { path, text, units, deadlines })
        })
        .collect()
}
