//! Byte spans and the offset map that ties normalized text back to the original.
//!
//! Every stage after `normalize` works on the normalized text; every value it
//! reports carries a [`Span`] in that text. [`OffsetMap`] turns such a span into
//! the span of the original (decoded) text, so a result can always be shown in
//! its source. The map keeps sparse markers at edit boundaries only, in the
//! spirit of ruff's `SourceMap`: between two markers the texts run in step.

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

/// A marker: at normalized offset `normalized`, the original offset is `original`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    normalized: u32,
    original: u32,
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

    /// The original offset of normalized offset `pos`.
    ///
    /// Inside a replaced run, offsets map to the start of the original run; the
    /// end of the normalized text maps to the end of the original.
    pub fn to_original(&self, pos: usize) -> usize {
        let pos = pos as u32;
        if pos >= self.normalized_len {
            return self.original_len as usize;
        }
        match self.markers.partition_point(|m| m.normalized <= pos) {
            0 => pos as usize,
            i => {
                let m = self.markers[i - 1];
                let next_original = self.markers.get(i).map(|n| n.original).unwrap_or(self.original_len);
                (m.original + (pos - m.normalized)).min(next_original) as usize
            }
        }
    }

    /// The original span of a normalized span.
    pub fn span(&self, span: Span) -> Span {
        let start = self.to_original(span.start as usize);
        let end = if span.is_empty() { start } else { self.end_to_original(span.end as usize) };
        Span::new(start, end.max(start))
    }

    /// The original offset for the *end* of a normalized range: an end that falls
    /// right after a replaced run maps past the whole original run.
    fn end_to_original(&self, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        let before = self.to_original(end - 1);
        let at = self.to_original(end);
        // Past the last byte of the run that holds `end - 1`.
        let i = self.markers.partition_point(|m| m.normalized < end as u32);
        let run_end = self.markers.get(i).map(|m| m.original as usize).unwrap_or(self.original_len as usize);
        if at > before { at.min(run_end.max(before + 1)) } else { run_end.max(before + 1) }
    }

    /// Compose two maps: `self` maps text B to A, `inner` maps C to B; the result maps C to A.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        let mut points: Vec<u32> = inner.markers.iter().map(|m| m.normalized).collect();
        points.push(0);
        points.sort_unstable();
        points.dedup();
        for p in points {
            let mid = inner.to_original(p as usize);
            b.mark(p as usize, self.to_original(mid));
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
    /// Record that normalized offset `normalized` corresponds to original offset `original`.
    /// Markers must be pushed in order of both offsets.
    pub fn mark(&mut self, normalized: usize, original: usize) {
        let m = Marker { normalized: normalized as u32, original: original as u32 };
        if let Some(last) = self.markers.last_mut() {
            assert!(
                m.normalized >= last.normalized && m.original >= last.original,
                "offset markers must be pushed in source order: {last:?} then {m:?}"
            );
            if last.normalized == m.normalized {
                *last = m;
                return;
            }
            // A marker that merely continues the previous run adds nothing.
            if m.normalized - last.normalized == m.original - last.original {
                return;
            }
        } else if m.normalized == m.original {
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
    }

    #[test]
    fn replacement_maps_whole_run() {
        // original "xðy" (ð = 2 bytes) -> "xđy" (đ = 2 bytes): same length, identity.
        // original "x\u{a0}y" (nbsp 2 bytes) -> "x y": run 1..3 -> 1..2
        let mut b = OffsetMapBuilder::default();
        b.mark(1, 1);
        b.mark(2, 3);
        let m = b.finish(4, 3);
        assert_eq!(m.span(Span::new(1, 2)), Span::new(1, 3));
        assert_eq!(m.to_original(2), 3);
    }
}
