//! Regexes with a cheap superset run first.
//!
//! The regex crate's fast engine (a lazy DFA) gives up on a Unicode word
//! boundary `\b` at the first non-ASCII byte, which in Vietnamese text is
//! within a few letters, and the search falls back to a slower engine over the
//! whole haystack. A [`Prefiltered`] regex first runs the same pattern with its
//! word boundaries dropped: every match of the regex is a match of that
//! superset, so a haystack the superset does not match has no match, and the
//! exact regex runs only on the few that do. Results are the exact regex's.

use std::ops::Deref;

use regex::{CaptureMatches, Captures, Matches, Regex};
use regex_syntax::hir::{Hir, HirKind, Look};

/// A regex and its superset without word boundaries.
#[derive(Debug)]
pub struct Prefiltered {
    exact: Regex,
    superset: Option<Regex>,
}

impl Prefiltered {
    /// Wrap `exact`; without a word boundary in it there is nothing to gain and no superset.
    pub fn new(exact: Regex) -> Prefiltered {
        let superset = regex_syntax::parse(exact.as_str())
            .ok()
            .and_then(|hir| drop_word_boundaries(&hir))
            .and_then(|hir| Regex::new(&hir.to_string()).ok());
        Prefiltered { exact, superset }
    }

    /// Whether `hay` may hold a match (false only when it holds none).
    pub fn may_match(&self, hay: &str) -> bool {
        self.superset.as_ref().is_none_or(|s| s.is_match(hay))
    }

    /// As [`Regex::captures_iter`].
    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
        self.may_match(hay).then(|| self.exact.captures_iter(hay)).into_iter().flatten()
    }

    /// As [`Regex::find_iter`].
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> std::iter::Flatten<std::option::IntoIter<Matches<'r, 'h>>> {
        self.may_match(hay).then(|| self.exact.find_iter(hay)).into_iter().flatten()
    }

    /// As [`Regex::captures`].
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        if self.may_match(hay) { self.exact.captures(hay) } else { None }
    }

    /// As [`Regex::find`].
    pub fn find<'h>(&self, hay: &'h str) -> Option<regex::Match<'h>> {
        if self.may_match(hay) { self.exact.find(hay) } else { None }
    }

    /// As [`Regex::is_match`].
    pub fn is_match(&self, hay: &str) -> bool {
        self.may_match(hay) && self.exact.is_match(hay)
    }
}

impl From<Regex> for Prefiltered {
    fn from(exact: Regex) -> Prefiltered {
        Prefiltered::new(exact)
    }
}

impl Deref for Prefiltered {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        &self.exact
    }
}

/// One scan that says whether any of several regexes may match: the union of
/// their supersets. A paragraph that passes no gate skips every one of the
/// regexes behind it, where each would otherwise scan it on its own.
#[derive(Debug)]
pub struct Gate(Option<Regex>);

impl Gate {
    /// The gate of `patterns` (regex syntax); a gate that cannot be built lets everything pass.
    pub fn new(patterns: &[&str]) -> Gate {
        let hirs: Option<Vec<Hir>> = patterns
            .iter()
            .map(|p| regex_syntax::parse(p).ok().map(|h| drop_word_boundaries(&h).unwrap_or(h)))
            .collect();
        Gate(hirs.and_then(|h| Regex::new(&Hir::alternation(h).to_string()).ok()))
    }

    /// Whether `hay` may hold a match of one of the patterns (false only when none does).
    pub fn may_match(&self, hay: &str) -> bool {
        self.0.as_ref().is_none_or(|g| g.is_match(hay))
    }
}

/// `hir` with every Unicode word-boundary assertion made empty; `None` when it has none.
fn drop_word_boundaries(hir: &Hir) -> Option<Hir> {
    fn walk(hir: &Hir, found: &mut bool) -> Hir {
        match hir.kind() {
            HirKind::Look(look) if is_word_boundary(*look) => {
                *found = true;
                Hir::empty()
            }
            HirKind::Repetition(r) => {
                let mut r = r.clone();
                r.sub = Box::new(walk(&r.sub, found));
                Hir::repetition(r)
            }
            HirKind::Capture(c) => {
                let mut c = c.clone();
                c.sub = Box::new(walk(&c.sub, found));
                Hir::capture(c)
            }
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(|s| walk(s, found)).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|s| walk(s, found)).collect()),
            _ => hir.clone(),
        }
    }
    let mut found = false;
    let out = walk(hir, &mut found);
    found.then_some(out)
}

fn is_word_boundary(look: Look) -> bool {
    use Look::*;
    matches!(
        look,
        WordUnicode | WordUnicodeNegate | WordStartUnicode | WordEndUnicode | WordStartHalfUnicode | WordEndHalfUnicode
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_superset_drops_word_boundaries_and_keeps_the_results() {
        let re = Prefiltered::new(Regex::new(r"(?i)\b(?:trước|chậm\s+nhất)\s+ngày\s+(?P<d>\d{1,2})\b").unwrap());
        assert!(re.superset.is_some());
        let hay = "Các đơn vị báo cáo trước ngày 15 hằng tháng; chậm nhất ngày 20.";
        let got: Vec<&str> = re.captures_iter(hay).map(|c| c.name("d").unwrap().as_str()).collect();
        assert_eq!(got, ["15", "20"]);
        // "đtrước": a boundary is missing, so the superset matches and the regex decides.
        assert!(re.may_match("đtrước ngày 15") && !re.is_match("đtrước ngày 15"));
        assert!(!re.may_match("Thực hiện Kế hoạch số 49/KH-UBND"));
        assert!(re.find("không có").is_none());
        assert!(Prefiltered::new(Regex::new(r"ngày \d").unwrap()).superset.is_none());
    }

    #[test]
    fn a_gate_passes_what_any_of_its_patterns_matches() {
        let gate = Gate::new(&[r"(?i)\btrước\s+ngày\s+\d", r"(?i)\bhằng\s+tháng\b"]);
        assert!(gate.may_match("báo cáo TRƯỚC NGÀY 15"));
        assert!(gate.may_match("định kỳ hằng tháng"));
        assert!(!gate.may_match("Thực hiện Kế hoạch số 49/KH-UBND"));
    }
}
