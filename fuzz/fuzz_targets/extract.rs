//! Any bytes through the whole pipeline (read → normalize → segment → extract):
//! never a panic, and every span of the output inside the decoded text, on
//! character boundaries.
#![no_main]

use std::cell::RefCell;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use vanban::{pipeline, read};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = read::decode(Path::new("fuzz.txt"), bytes) else { return };
    let mut x = pipeline::extract_decoded("fuzz.txt", &decoded);
    let spans = RefCell::new(vec![]);
    x.map_spans(|s| {
        spans.borrow_mut().push(s);
        s
    });
    for s in spans.into_inner() {
        assert!(decoded.text.get(s.range()).is_some(), "{s:?} is not inside the text of {} bytes", decoded.text.len());
    }
});
