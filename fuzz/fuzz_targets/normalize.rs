//! Any text through normalize: every normalized span maps back inside the
//! original text, on character boundaries, and so does every repair.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::normalize::normalize;
use vanban::span::Span;

fuzz_target!(|text: &str| {
    let n = normalize(text);
    assert_eq!(n.map.original_len(), text.len());
    let mut cuts: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
    cuts.dedup();
    for w in cuts.windows(2) {
        let original = n.map.span(Span::new(w[0], w[1]));
        assert!(text.get(original.range()).is_some(), "{w:?} maps to {original:?}, not inside the original");
    }
    for r in &n.repairs {
        assert!(text.get(r.original.range()).is_some(), "repair {r:?} is not inside the original");
    }
});
