//! Regexes with a cheap superset run first.
//!
//! The regex crate's fast engine (a lazy DFA) gives up on a Unicode word
//! boundary `\b` at the first non-ASCII byte, which in Vietnamese text is
//! within a few letters, and the search falls back to a slower engine that
//! runs until it finds a match or the haystack ends. A [`Prefiltered`] regex
//! also holds the same pattern with its word boundaries dropped: every match of
//! the regex is a match of that superset, so no match of the regex starts before
//! the superset's leftmost match. Each search first asks the superset (fast) where
//! the next candidate starts and runs the exact regex from there, where it
//! usually matches at once; where the superset finds nothing, the exact regex
//! never runs. Results are exactly the exact regex's.

use std::ops::Deref;

use regex::{Captures, Regex};
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

    /// Where the leftmost match at or after `at` may start: no match of the exact
    /// regex starts before it. `None` when there is no match.
    fn candidate(&self, hay: &str, at: usize) -> Option<usize> {
        match &self.superset {
            Some(s) => s.find_at(hay, at).map(|m| m.start()),
            None => (at <= hay.len()).then_some(at),
        }
    }

    /// As [`Regex::captures_at`].
    pub fn captures_at<'h>(&self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        self.exact.captures_at(hay, self.candidate(hay, at)?)
    }

    /// As [`Regex::find_at`].
    pub fn find_at<'h>(&self, hay: &'h str, at: usize) -> Option<regex::Match<'h>> {
        self.exact.find_at(hay, self.candidate(hay, at)?)
    }

    /// As [`Regex::captures_iter`].
    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        successive(hay, move |at| self.captures_at(hay, at), |c| c.get(0).map_or((0, 0), |m| (m.start(), m.end())))
    }

    /// As [`Regex::find_iter`].
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = regex::Match<'h>> + use<'r, 'h> {
        successive(hay, move |at| self.find_at(hay, at), |m| (m.start(), m.end()))
    }

    /// As [`Regex::captures`].
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.captures_at(hay, 0)
    }

    /// As [`Regex::find`].
    pub fn find<'h>(&self, hay: &'h str) -> Option<regex::Match<'h>> {
        self.find_at(hay, 0)
    }

    /// As [`Regex::is_match`].
    pub fn is_match(&self, hay: &str) -> bool {
        self.may_match(hay) && self.exact.is_match(hay)
    }
}

/// Successive non-overlapping matches, each sought from the end of the one before;
/// after an empty match the next may not end at the same place (as the regex
/// crate's iterators do).
fn successive<M>(
    hay: &str,
    mut search: impl FnMut(usize) -> Option<M>,
    bounds: impl Fn(&M) -> (usize, usize),
) -> impl Iterator<Item = M> {
    let (mut at, mut last_end) = (0, None);
    std::iter::from_fn(move || {
        loop {
            if at > hay.len() {
                return None;
            }
            let m = search(at)?;
            let (start, end) = bounds(&m);
            if start == end && last_end == Some(end) {
                // An empty match where the last one ended: step one character on.
                at = end + hay[end..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            at = if start == end { end + hay[end..].chars().next().map_or(1, char::len_utf8) } else { end };
            last_end = Some(end);
            return Some(m);
        }
    })
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

    proptest::proptest! {
        /// The search from each candidate finds what the regex's own iterators find,
        /// empty matches, overlapping candidates and words glued by a scan included.
        #[test]
        fn every_search_agrees_with_the_exact_regex(hay in "[a-cđ ạ0-9\\n]{0,40}") {
            for pattern in [r"\b[aạ]+\b", r"(?i)\bđ?\d*\b", r"\b(?:a|b\s+)?c?", r"(?i)(?:\bđ\s+)?\b(?P<n>\d+)\b"] {
                let exact = Regex::new(pattern).unwrap();
                let filtered = Prefiltered::new(exact.clone());
                let want: Vec<_> = exact.find_iter(&hay).map(|m| m.range()).collect();
                let got: Vec<_> = filtered.find_iter(&hay).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(&got, &want, "{}", pattern);
                let want: Vec<_> = exact.captures_iter(&hay).map(|c| c.get(0).unwrap().range()).collect();
                let got: Vec<_> = filtered.captures_iter(&hay).map(|c| c.get(0).unwrap().range()).collect();
                proptest::prop_assert_eq!(&got, &want, "{}", pattern);
            }
        }
    }
}
