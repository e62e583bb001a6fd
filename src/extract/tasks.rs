//! Tasks: what a plan asks in each section — the section's text, its units by
//! role (abbreviations expanded, so one unit printed two ways is one entry) and
//! its deadlines.

use std::collections::BTreeMap;

use foldhash::HashMap;

use crate::document::{Assignment, Deadline, Task};
use crate::extract::sections::Outline;
use crate::grammar;

/// One task per section (or the unlabelled text, path `None`) that carries an
/// assignment or a deadline, in the order the sections open, unlabelled text last.
pub fn collect(outline: &Outline, assignments: &[Assignment], deadlines: &[Deadline]) -> Vec<Task> {
    // Each section's assignments and deadlines, gathered in one pass over each (in
    // their order): a filter per section would be sections × assignments.
    let mut by_path: HashMap<Option<&str>, (Vec<&Assignment>, Vec<&Deadline>)> = HashMap::default();
    for a in assignments {
        by_path.entry(a.path.as_deref()).or_default().0.push(a);
    }
    for d in deadlines {
        by_path.entry(d.path.as_deref()).or_default().1.push(d);
    }
    let sections = outline.sections.iter().map(|s| (Some(s.path.as_str()), s.title.as_str()));
    sections
        .chain([(None, "")])
        .filter_map(|(path, title)| {
            let (mine, deadlines) = by_path.get(&path)?;
            let mut units: BTreeMap<_, Vec<String>> = BTreeMap::new();
            for a in mine {
                let unit = grammar::canonical_unit(&a.unit);
                let list = units.entry(a.role).or_default();
                if !list.contains(&unit) {
                    list.push(unit);
                }
            }
            let deadlines: Vec<Deadline> = deadlines.iter().map(|&d| d.clone()).collect();
            Some(Task { path: path.map(str::to_string), text: title.to_string(), units, deadlines })
        })
        .collect()
}
