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
//!
//! Most patterns also need some word: every match of the deadline pattern "từ …
//! đến …" holds "đến" or "tới". [`Prefiltered::required`] reads those words off
//! the pattern itself (so they cannot drift from it). A stage that runs several
//! such regexes over one haystack gathers them in [`Prefilters`]: one
//! Aho-Corasick scan of the haystack through [`fold_case`] for the words of all of
//! them tells which can match, and the others never run.

use std::borrow::Cow;
use std::ops::Deref;

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A regex, its superset without word boundaries, and the words it needs.
#[derive(Debug)]
pub struct Prefiltered {
    exact: Regex,
    superset: Option<Regex>,
    /// One of these (case-folded) strings is in every match; `None`: no such set known.
    required: Option<Vec<String>>,
}

impl Prefiltered {
    /// Wrap `exact`; without a word boundary in it there is nothing to gain and no superset.
    pub fn new(exact: Regex) -> Prefiltered {
        let hir = regex_syntax::parse(exact.as_str()).ok();
        let superset = hir.as_ref().and_then(drop_word_boundaries).and_then(|hir| Regex::new(&hir.to_string()).ok());
        let required = hir.as_ref().and_then(required_strings);
        Prefiltered { exact, superset, required }
    }

    /// The strings, one of which every match holds (as [`fold_case`] writes it).
    pub fn required(&self) -> Option<&[String]> {
        self.required.as_deref()
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

    /// As [`Prefiltered::captures_iter`], and none at all when the scan of the
    /// haystack rules a match out.
    pub fn captures_in<'r, 'h>(
        &'r self,
        hay: &'h str,
        scanned: &Scanned<'_, '_>,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        scanned.may_match(self).then(|| self.captures_iter(hay)).into_iter().flatten()
    }

    /// As [`Prefiltered::find_iter`], and none at all when the scan rules a match out.
    pub fn find_in<'r, 'h>(
        &'r self,
        hay: &'h str,
        scanned: &Scanned<'_, '_>,
    ) -> impl Iterator<Item = regex::Match<'h>> + use<'r, 'h> {
        scanned.may_match(self).then(|| self.find_iter(hay)).into_iter().flatten()
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

/// Prefiltered regexes that run over the same haystacks: one scan for the
/// required strings of all of them says which may match.
#[derive(Debug)]
pub struct Prefilters<'r> {
    members: Vec<&'r Prefiltered>,
    /// The required strings of all members, each once.
    scan: AhoCorasick,
    /// For each string of `scan`, the members (bits by index) that need it.
    needed_by: Vec<u64>,
    /// Members with no required strings: they may always match.
    always: u64,
}

impl<'r> Prefilters<'r> {
    /// At most 64 members.
    pub fn new(members: Vec<&'r Prefiltered>) -> Prefilters<'r> {
        assert!(members.len() <= 64, "a scan serves at most 64 regexes");
        let (mut words, mut needed_by, mut always) = (Vec::<&str>::new(), Vec::<u64>::new(), 0);
        for (i, member) in members.iter().enumerate() {
            let Some(required) = member.required() else {
                always |= 1 << i;
                continue;
            };
            for word in required {
                match words.iter().position(|w| w == word) {
                    Some(at) => needed_by[at] |= 1 << i,
                    None => {
                        words.push(word);
                        needed_by.push(1 << i);
                    }
                }
            }
        }
        let scan = AhoCorasick::new(&words).expect("required strings are short literals");
        Prefilters { members, scan, needed_by, always }
    }

    /// Which members may match a haystack, from `folded`, the haystack through [`fold_case`].
    pub fn scan<'s>(&'s self, folded: &str) -> Scanned<'s, 'r> {
        let all = if self.members.len() == 64 { u64::MAX } else { (1 << self.members.len()) - 1 };
        let mut possible = self.always;
        for m in self.scan.find_overlapping_iter(folded) {
            possible |= self.needed_by[m.pattern().as_usize()];
            if possible == all {
                break;
            }
        }
        Scanned { set: self, possible }
    }
}

/// What one [`Prefilters::scan`] found: the members that may match.
#[derive(Clone, Copy, Debug)]
pub struct Scanned<'s, 'r> {
    set: &'s Prefilters<'r>,
    possible: u64,
}

impl Scanned<'_, '_> {
    /// Whether `re` may match; true for a regex that is not a member.
    pub fn may_match(&self, re: &Prefiltered) -> bool {
        self.set.members.iter().position(|m| std::ptr::eq(*m, re)).is_none_or(|i| self.possible & (1 << i) != 0)
    }
}

impl Deref for Prefiltered {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        &self.exact
    }
}

/// The length of the char that opens `bytes` when its bytes alone show that
/// [`fold_char`] keeps it (a small letter of Latin-1, U+00DF–U+00FF, or of the
/// Vietnamese block, the odd code points of U+1EA0–U+1EF9: most non-ASCII chars of
/// Vietnamese text); 0 when the char has to be decoded and asked.
#[inline]
fn lower_case_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC3, b, ..] if *b >= 0x9F => 2,
        [0xE1, 0xBA, b, ..] if *b >= 0xA0 && b & 1 == 1 => 3,
        [0xE1, 0xBB, b, ..] if *b <= 0xB9 && b & 1 == 1 => 3,
        _ => 0,
    }
}

/// `text` in lower case, character by character, as the required strings of a
/// [`Prefiltered`] are written; borrowed when there is nothing to change.
pub fn fold_case(text: &str) -> Cow<'_, str> {
    // Every paragraph a gate asks about passes here: one pass over the bytes, runs
    // that stay as they are (most of them: lower-case letters with or without
    // diacritics) copied whole, and a copy at all only from the first char that changes.
    let mut out: Option<String> = None;
    let mut kept = 0; // text[kept..i] stays as it is
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // Most bytes are ASCII that stays as it is: no char, no fold.
        if bytes[i].is_ascii() && !bytes[i].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let stays = lower_case_len(&bytes[i..]);
        if stays > 0 {
            i += stays;
            continue;
        }
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => {
                let c = text[i..].chars().next().expect("i is at a char boundary");
                (c, c.len_utf8())
            }
        };
        let folded = fold_char(c);
        if folded != c {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[kept..i]);
            out.push(folded);
            kept = i + len;
        }
        i += len;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[kept..]);
            Cow::Owned(out)
        }
    }
}

/// One character's lower case, where it is one character (`ſ` is an `s` to a
/// case-insensitive regex, so it is one here too). ASCII, Latin-1 and the
/// Vietnamese block, where capitals sit at a fixed distance from their small
/// letters, are answered without Unicode's tables.
fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{0}'..='\u{7F}' => c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        // "à", "á", "â", "ê", "ô" … are in most Vietnamese words: no table for them.
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{DF}'..='\u{FF}' => c,
        '\u{1EA0}'..='\u{1EF9}' => char::from_u32(u32::from(c) | 1).unwrap_or(c),
        'ſ' => 's',
        // The Vietnamese letters outside that block ("đ", "ơ", "ư" are in most words):
        // each capital sits right before its small letter.
        _ => match crate::grammar::vietnamese_pair(c) {
            Some(true) => c,
            Some(false) => char::from_u32(u32::from(c) + 1).unwrap_or(c),
            None => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => c,
                }
            }
        },
    }
}

/// A set of strings one of which every match of `hir` contains, folded; `None`
/// when the pattern has no such set (a match may be all digits, say). From a
/// concatenation the rarest candidate is kept: the set whose shortest string is
/// longest (the first of equals).
fn required_strings(hir: &Hir) -> Option<Vec<String>> {
    /// An alternation's union grows with each branch; past this many strings the scan is no cheaper than the regex.
    const MOST: usize = 24;
    match hir.kind() {
        HirKind::Capture(c) => required_strings(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_strings(&r.sub),
        HirKind::Literal(_) | HirKind::Class(_) => literal_text(hir).map(|t| vec![t]),
        HirKind::Alternation(subs) => {
            let mut all: Vec<String> = vec![];
            for sub in subs {
                all.extend(required_strings(sub)?);
            }
            all.sort_unstable();
            all.dedup();
            (all.len() <= MOST).then_some(all)
        }
        HirKind::Concat(subs) => {
            let mut best: Option<Vec<String>> = None;
            let mut consider = |set: Vec<String>| {
                let rarity = |s: &[String]| s.iter().map(|w| w.chars().count()).min().unwrap_or(0);
                if !set.is_empty() && best.as_deref().is_none_or(|b| rarity(&set) > rarity(b)) {
                    best = Some(set);
                }
            };
            let mut run = String::new();
            for sub in subs {
                if let Some(text) = literal_text(sub) {
                    run.push_str(&text);
                    continue;
                }
                if !run.is_empty() {
                    consider(vec![std::mem::take(&mut run)]);
                }
                if let Some(set) = required_strings(sub) {
                    consider(set);
                }
            }
            if !run.is_empty() {
                consider(vec![run]);
            }
            best
        }
        _ => None,
    }
}

/// The folded text a literal, or a class of one letter in its cases, always matches.
fn literal_text(hir: &Hir) -> Option<String> {
    match hir.kind() {
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).ok().map(|t| t.chars().map(fold_char).collect()),
        HirKind::Class(Class::Unicode(class)) => {
            let mut members = class.iter().flat_map(|r| r.start()..=r.end());
            let first = fold_char(members.next()?);
            // A case-insensitive letter is a class of two to four characters.
            let few = class.iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum::<u32>() <= 4;
            (few && members.all(|c| fold_char(c) == first)).then(|| first.to_string())
        }
        _ => None,
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

    #[test]
    fn lower_case_len_only_passes_chars_that_stay() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            let len = lower_case_len(text.as_bytes());
            assert!(len == 0 || (len == text.len() && fold_char(c) == c), "{c:?}");
        }
    }

    #[test]
    fn fold_char_shortcuts_agree_with_unicode_lower_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| c != 'ſ') {
            let mut lower = c.to_lowercase();
            let want = match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(fold_char(c), want, "{c:?}");
        }
    }
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
    fn the_required_strings_are_read_off_the_pattern() {
        let words = |p: &str| Prefiltered::new(Regex::new(p).unwrap()).required().map(<[String]>::to_vec);
        assert_eq!(words(r"(?i)(?:\btừ\s+)?\d{1,2}/\d{1,2}\s*(?:đến|tới)\s+\d+").unwrap(), ["tới", "đến"]);
        // The longer of "hạn" and "chót", the first of "chậm" and "nhất"; "Chậm" and "CHẬM" fold to one string.
        assert_eq!(words(r"(?i)\b(?:hạn\s+chót|chậm\s+nhất)\s+\d").unwrap(), ["chót", "chậm"]);
        assert_eq!(words(r"\bKế hoạch số \d+").unwrap(), ["kế hoạch số "]);
        // An 's' may be a long s to a case-insensitive pattern: folded the same way.
        assert_eq!(words(r"(?i)sau").unwrap(), ["sau"]);
        assert!(may_occur(&Prefiltered::new(Regex::new(r"(?i)sau").unwrap()), "ſAU"));
        // Nothing is needed by a match that may be digits alone, or empty.
        assert_eq!(words(r"(?:ngày\s+)?\d+"), None);
        assert_eq!(words(r"(?i)(?:quý)?"), None);
        let due = Prefiltered::new(Regex::new(r"(?i)\btrước\s+ngày\s+\d+").unwrap());
        assert!(may_occur(&due, "Báo cáo TRƯỚC NGÀY 15"));
        assert!(!may_occur(&due, "Thực hiện Kế hoạch số 49/KH-UBND"));
    }

    /// Whether `re` may match `hay`, asked of a scan of `re` alone.
    fn may_occur(re: &Prefiltered, hay: &str) -> bool {
        Prefilters::new(vec![re]).scan(&fold_case(hay)).may_match(re)
    }

    proptest::proptest! {
        /// Folding by runs is folding char by char, and borrows exactly when nothing changes.
        #[test]
        fn fold_case_is_fold_char_by_char(text in "\\PC{0,40}|[a-zA-ZàÀđĐơƠưƯếẾſ İ]{0,40}") {
            let want: String = text.chars().map(fold_char).collect();
            let got = fold_case(&text);
            proptest::prop_assert_eq!(&*got, want.as_str());
            proptest::prop_assert_eq!(matches!(got, Cow::Borrowed(_)), want == text);
        }
    }

    proptest::proptest! {
        /// A haystack the required strings rule out holds no match.
        #[test]
        fn a_haystack_without_the_required_strings_holds_no_match(hay in "[a-dđĐA-DẾếnN ſ0-9/\\n]{0,30}") {
            let patterns = [r"(?i)\bđ[ếe]n\b", r"(?i)(?:a|b\s+c)\d", r"(?i)(?:\bđ\s+)?(?P<n>\d+)\s*(?:ab|cd)", r"(?i)sa?n", r"\d+"];
            let regexes: Vec<Prefiltered> = patterns.iter().map(|p| Prefiltered::new(Regex::new(p).unwrap())).collect();
            // One scan for all, as a stage runs them.
            let set = Prefilters::new(regexes.iter().collect());
            let scanned = set.scan(&fold_case(&hay));
            for re in &regexes {
                if !scanned.may_match(re) {
                    proptest::prop_assert!(!re.is_match(&hay), "{} {:?}", re.as_str(), hay);
                }
                proptest::prop_assert_eq!(scanned.may_match(re), may_occur(re, &hay), "{}", re.as_str());
            }
        }
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
