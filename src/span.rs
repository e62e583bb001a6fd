//! Byte spans and the offset map that ties normalized text back to the original.
//!
//! Every stage after `normalize` works on the normalized text; every value it
//! reports carries a [`Span`] in that text. [`OffsetMap`] turns such a span into
//! the span of the original (decoded) text, so a result can always be shown in
//! its source. The map keeps sparse markers at edit boundaries only, in the
//! spirit of ruff's `SourceMap`: between two markers the texts either run in
//! step (bytes copied verbatim, possibly followed by a deleted tail of the
//! original) or one original run was replaced as a whole, and then every offset
//! inside it maps to the run's start (for a span's start) or end (for its end).

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in some text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `usize` offsets.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start: start as u32, end: end as u32 }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A marker: from normalized offset `normalized` on, the text corresponds to the
/// original from `original` on, in step or (when `replaced`) as one replaced run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    normalized: u32,
    original: u32,
    replaced: bool,
}

/// One stretch between markers: normalized `[n0, n1)` corresponds to original `[o0, o1)`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    n0: u32,
    n1: u32,
    o0: u32,
    o1: u32,
    replaced: bool,
}

/// Maps offsets of a normalized text back to offsets of the original text.
///
/// Built left to right by [`OffsetMapBuilder`]; a lookup is a binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    markers: Vec<Marker>,
    original_len: u32,
    normalized_len: u32,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap { markers: vec![], original_len: len as u32, normalized_len: len as u32 }
    }

    /// The segment that holds normalized byte `pos` (`pos < normalized_len`).
    fn segment_at(&self, pos: u32) -> Segment {
        let i = self.markers.partition_point(|m| m.normalized <= pos);
        self.segment(i)
    }

    /// Segment `i`, where segment 0 is the implicit identity stretch before the first marker.
    fn segment(&self, i: usize) -> Segment {
        let start = if i == 0 { Marker { normalized: 0, original: 0, replaced: false } } else { self.markers[i - 1] };
        let (n1, o1) = match self.markers.get(i) {
            Some(m) => (m.normalized, m.original),
            None => (self.normalized_len, self.original_len),
        };
        Segment { n0: start.normalized, n1, o0: start.original, o1, replaced: start.replaced }
    }

    /// All non-empty segments, in order.
    fn segments(&self) -> impl Iterator<Item = Segment> + '_ {
        (0..=self.markers.len()).map(|i| self.segment(i)).filter(|s| s.n1 > s.n0)
    }

    /// The original offset of normalized offset `pos`, read as the start of a span.
    ///
    /// Inside a replaced run, offsets map to the start of the original run; the
    /// end of the normalized text maps to the end of the original.
    pub fn to_original(&self, pos: usize) -> usize {
        let pos = pos as u32;
        if pos >= self.normalized_len {
            return self.original_len as usize;
        }
        let s = self.segment_at(pos);
        if s.replaced { s.o0 as usize } else { (s.o0 + (pos - s.n0)).min(s.o1) as usize }
    }

    /// The original span of a normalized span.
    pub fn span(&self, span: Span) -> Span {
        let start = self.to_original(span.start as usize);
        let end = if span.is_empty() { start } else { self.end_to_original(span.end as usize) };
        Span::new(start, end.max(start))
    }

    /// The original offset for the *end* of a normalized range: an end inside a
    /// replaced run maps past the whole run; an end before a deleted stretch
    /// stays before it.
    fn end_to_original(&self, end: usize) -> usize {
        let end = (end as u32).min(self.normalized_len);
        if end == 0 {
            return self.to_original(0).min(self.original_len as usize);
        }
        let s = self.segment_at(end - 1);
        if s.replaced { s.o1 as usize } else { (s.o0 + (end - s.n0)).min(s.o1) as usize }
    }

    /// Compose two maps: `self` maps text B to A, `inner` maps C to B; the result maps C to A.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        for s in inner.segments() {
            if s.replaced {
                b.push(s.n0 as usize, self.to_original(s.o0 as usize), true);
                continue;
            }
            // The copied B bytes are [o0, o0 + len); the rest of [o0, o1) was deleted.
            let (lo, hi) = (s.o0, s.o0 + (s.n1 - s.n0));
            let first = self.markers.partition_point(|m| m.normalized <= lo);
            for i in first..=self.markers.len() {
                let t = self.segment(i);
                if t.n0 >= hi {
                    break;
                }
                if t.n1 <= lo || t.n1 == t.n0 {
                    continue;
                }
                let from = lo.max(t.n0);
                let c = (s.n0 + (from - lo)) as usize;
                if t.replaced {
                    b.push(c, t.o0 as usize, true);
                } else {
                    b.push(c, (t.o0 + (from - t.n0)) as usize, false);
                }
            }
        }
        b.finish(self.original_len as usize, inner.normalized_len as usize)
    }

    /// Length of the original text.
    pub fn original_len(&self) -> usize {
        self.original_len as usize
    }
}

/// Builds an [`OffsetMap`] while a text is rewritten left to right.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    markers: Vec<Marker>,
}

impl OffsetMapBuilder {
    /// Record that from normalized offset `normalized` on, the texts run in step
    /// from original offset `original` (whatever the original had between the
    /// previous marker's run and `original` was deleted).
    /// Markers must be pushed in order of both offsets.
    pub fn mark(&mut self, normalized: usize, original: usize) {
        self.push(normalized, original, false);
    }

    /// Record that from normalized offset `normalized` up to the next marker, the
    /// text replaces the original run that starts at `original` and ends at the
    /// next marker's original offset, as a whole.
    pub fn mark_replaced(&mut self, normalized: usize, original: usize) {
        self.push(normalized, original, true);
    }

    fn push(&mut self, normalized: usize, original: usize, replaced: bool) {
        let m = Marker { normalized: normalized as u32, original: original as u32, replaced };
        if let Some(last) = self.markers.last_mut() {
            assert!(
                m.normalized >= last.normalized && m.original >= last.original,
                "offset markers must be pushed in source order: {last:?} then {m:?}"
            );
            if last.normalized == m.normalized {
                *last = m;
                return;
            }
            // A marker that merely continues the previous in-step run adds nothing.
            if !replaced && !last.replaced && m.normalized - last.normalized == m.original - last.original {
                return;
            }
        } else if !replaced && m.normalized == m.original {
            return;
        }
        self.markers.push(m);
    }

    /// Finish the map for texts of the given lengths.
    pub fn finish(self, original_len: usize, normalized_len: usize) -> OffsetMap {
        OffsetMap { markers: self.markers, original_len: original_len as u32, normalized_len: normalized_len as u32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_each_offset_to_itself() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.to_original(3), 3);
        assert_eq!(m.span(Span::new(2, 5)), Span::new(2, 5));
    }

    #[test]
    fn deletion_shifts_later_offsets() {
        // original "a**b" -> normalized "ab": '**' deleted at original 1..3
        let mut b = OffsetMapBuilder::default();
        b.mark(1, 3);
        let m = b.finish(4, 2);
        assert_eq!(m.to_original(0), 0);
        assert_eq!(m.to_original(1), 3);
        assert_eq!(m.span(Span::new(0, 2)), Span::new(0, 4));
        assert_eq!(m.span(Span::new(1, 2)), Span::new(3, 4));
        // A span that ends before the deletion does not take it in.
        assert_eq!(m.span(Span::new(0, 1)), Span::new(0, 1));
    }

    #[test]
    fn replacement_maps_whole_run() {
        // original "x\u{a0}y" (nbsp 2 bytes) -> "x y": run 1..3 -> 1..2
        let mut b = OffsetMapBuilder::default();
        b.mark_replaced(1, 1);
        b.mark(2, 3);
        let m = b.finish(4, 3);
        assert_eq!(m.span(Span::new(1, 2)), Span::new(1, 3));
        assert_eq!(m.to_original(2), 3);
    }

    #[test]
    fn shorter_replacement_never_splits_an_original_char() {
        // original "u\u{31b}o\u{31b}" (6 bytes) -> NFC "ươ" (4 bytes), replaced as one run.
        let mut b = OffsetMapBuilder::default();
        b.mark_replaced(0, 0);
        let m = b.finish(6, 4);
        assert_eq!(m.span(Span::new(0, 2)), Span::new(0, 6));
        assert_eq!(m.span(Span::new(2, 4)), Span::new(0, 6));
    }

    #[test]
    fn compose_chains_a_deletion_and_a_replacement() {
        // A = "a**b\u{a0}c" -> B = "ab\u{a0}c" (delete 1..3) -> C = "ab c" (replace nbsp).
        let a = "a**b\u{a0}c";
        let mut ab = OffsetMapBuilder::default();
        ab.mark(1, 3);
        let b_to_a = ab.finish(a.len(), 5);
        let mut bc = OffsetMapBuilder::default();
        bc.mark_replaced(2, 2);
        bc.mark(3, 4);
        let c_to_b = bc.finish(5, 4);
        let c_to_a = b_to_a.compose(&c_to_b);
        assert_eq!(&a[c_to_a.span(Span::new(2, 3)).range()], "\u{a0}");
        assert_eq!(&a[c_to_a.span(Span::new(3, 4)).range()], "c");
        assert_eq!(&a[c_to_a.span(Span::new(0, 4)).range()], a);
        assert_eq!(&a[c_to_a.span(Span::new(1, 2)).range()], "b");
    }
}
