//! Any bytes through the read stage, with and without limits: an error or NFC
//! text within the limits, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use vanban::read::{self, Limits};

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.txt");
    let unlimited = read::decode(path, bytes);
    let limits = Limits { max_file_bytes: 4096, max_line_bytes: 80 };
    if let Ok(decoded) = read::decode_with(path, bytes, &limits) {
        assert!(bytes.len() <= 4096);
        assert!(decoded.text.split('\n').all(|line| line.len() <= 80));
        assert_eq!(Some(&decoded), unlimited.as_ref().ok(), "limits only refuse, never change the text");
    }
});
