//! Any text through segment: documents in order, every part inside its
//! document, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::segment::segment;
use vanban::span::Span;

fuzz_target!(|text: &str| {
    let mut previous_end = 0;
    for layout in segment(text) {
        let doc = layout.span;
        assert!(text.get(doc.range()).is_some() && doc.start as usize >= previous_end, "{doc:?}");
        previous_end = doc.end as usize;
        let parts = [layout.header, layout.opening, layout.body].into_iter().map(Some);
        let optional = [layout.type_title, layout.title, layout.addressees, layout.closing];
        let later = [layout.signature, layout.recipients, layout.appendix];
        for part in parts.chain(optional).chain(later).flatten() {
            let inside = |p: Span| doc.start <= p.start && p.end <= doc.end;
            assert!(inside(part) && text.get(part.range()).is_some(), "{part:?} outside {doc:?}");
        }
    }
});
