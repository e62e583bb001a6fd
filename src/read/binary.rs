//! The binary-file policy: which bytes are not text, and why.
//!
//! In order, a file is binary when
//! 1. it starts with the signature of a known non-text format ([`SIGNATURES`]);
//!    office files (DOCX, XLSX, ODT are ZIP; DOC, XLS are OLE2) and PDFs are here:
//!    vanban reads their text only after a converter has extracted it;
//! 2. it holds a NUL byte anywhere, except in UTF-16 (whose ASCII letters have a
//!    zero half). The first [`SNIFF_BYTES`] are checked before any decoding, and
//!    the rest too, so a NUL far into a long file still counts (ripgrep
//!    `tests/binary.rs` plants one after its 64 KiB buffer for the same reason);
//! 3. more than one byte in [`CONTROL_SHARE`] of the first [`SNIFF_BYTES`] is a
//!    control byte other than tab, line feed, vertical tab, form feed (page
//!    breaks from PDF converters), carriage return and SUB (the DOS end-of-file mark).

use std::fmt;

/// How many bytes from the start the statistics look at.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// One control byte in this many makes a file binary.
pub const CONTROL_SHARE: usize = 10;

/// Signatures of non-text formats: leading bytes and the format's name.
pub const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (also DOCX, XLSX, ODT)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE2 compound file (DOC, XLS)"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"\x7FELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
];

/// What shows that a file is not text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BinaryEvidence {
    /// The file starts with a known format's signature.
    Signature(&'static str),
    /// A NUL byte (or, in UTF-16, a NUL character) at this byte offset.
    Nul {
        /// Where.
        offset: usize,
    },
    /// Too many control bytes in the sniffed start.
    ControlBytes {
        /// How many.
        count: usize,
        /// Out of how many bytes looked at.
        of: usize,
    },
}

impl fmt::Display for BinaryEvidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BinaryEvidence::Signature(format) => write!(f, "starts like a {format}"),
            BinaryEvidence::Nul { offset } => write!(f, "NUL byte at offset {offset}"),
            BinaryEvidence::ControlBytes { count, of } => write!(f, "{count} control bytes in the first {of}"),
        }
    }
}

/// The signature `bytes` start with, if any.
pub fn signature(bytes: &[u8]) -> Option<BinaryEvidence> {
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, name)| BinaryEvidence::Signature(name))
}

/// Rules 2 and 3 for a file that is not UTF-16: a NUL in the sniffed start,
/// then too many control bytes there, then a NUL in the rest.
pub fn sniff(bytes: &[u8]) -> Option<BinaryEvidence> {
    let window = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(offset) = memchr::memchr(0, window) {
        return Some(BinaryEvidence::Nul { offset });
    }
    // A table and a sum rather than a branch per byte: every file passes here whole.
    let count: usize = window.iter().map(|&b| usize::from(CONTROL[usize::from(b)])).sum();
    if count * CONTROL_SHARE > window.len() {
        return Some(BinaryEvidence::ControlBytes { count, of: window.len() });
    }
    let rest = &bytes[window.len()..];
    memchr::memchr(0, rest).map(|i| BinaryEvidence::Nul { offset: window.len() + i })
}

const fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A)) || b == 0x7F
}

/// [`is_control`] of every byte.
const CONTROL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_control(b as u8);
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(signature(b"\x89PNG\r\n\x1a\n\0\0"), Some(BinaryEvidence::Signature("PNG image")));
        assert_eq!(signature(b"%PDF-1.7\n"), Some(BinaryEvidence::Signature("PDF document")));
        assert_eq!(signature(b"PDF- is not a signature"), None);
        assert_eq!(signature(b"PK"), None, "too short to be a ZIP");
    }

    #[test]
    fn control_bytes_over_the_share() {
        assert_eq!(sniff(b"page one\x0cpage two\r\n\x1a"), None);
        assert_eq!(sniff(b"ab\x01\x02\x03"), Some(BinaryEvidence::ControlBytes { count: 3, of: 5 }));
        // One ESC in a long text is not enough.
        let text = format!("{}\x1b", "x".repeat(100));
        assert_eq!(sniff(text.as_bytes()), None);
    }

    #[test]
    fn nul_anywhere() {
        assert_eq!(sniff(b"ab\0c"), Some(BinaryEvidence::Nul { offset: 2 }));
        let mut late = vec![b'a'; SNIFF_BYTES + 10];
        late[SNIFF_BYTES + 5] = 0;
        assert_eq!(sniff(&late), Some(BinaryEvidence::Nul { offset: SNIFF_BYTES + 5 }));
    }
}
