//! Stage 1, `read`: bytes → text.
//!
//! Owns everything about the bytes of an input: size limits, the binary-file
//! policy ([`binary`]), and the choice of encoding, made from the bytes, never
//! from the file name:
//!
//! 1. a UTF-16 byte-order mark (LE or BE) → UTF-16; UTF-16 without a BOM is not
//!    recognized (its NUL halves make it binary);
//! 2. a UTF-8 BOM, or valid UTF-8 (pure ASCII included) → UTF-8;
//! 3. otherwise the legacy encoding whose decoding reads most like Vietnamese
//!    (Windows-1258, TCVN3 or VNI-Windows; see `detect`), or, if none does, a
//!    [`ReadError::Decode`]: garbage text is never handed on.
//!
//! Hands on a [`Decoded`] text in Unicode NFC and the [`Encoding`] it found.
//! Composing here, not in `normalize`, is deliberate: Windows-1258 stores tone
//! marks as separate combining bytes and some UTF-8 writers (macOS) store NFD,
//! so only after composing does each Vietnamese letter have one form for every
//! later stage, and offsets refer to that one text.

use std::io::Read;
use std::path::{Path, PathBuf};

pub mod binary;
mod detect;
pub mod legacy;

use binary::BinaryEvidence;

/// An encoding the read stage can detect and decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16, little endian, with BOM.
    Utf16Le,
    /// UTF-16, big endian, with BOM.
    Utf16Be,
    /// Windows-1258 (decomposed tone marks).
    Windows1258,
    /// TCVN3 (TCVN 5712:1993, "ABC"); toned letters decode to lower case.
    Tcvn3,
    /// VNI-Windows.
    VniWindows,
}

impl Encoding {
    /// The name reported to users.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::VniWindows => "vni-windows",
        }
    }
}

/// Decoded text and the encoding it came in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, as Unicode NFC (otherwise as in the file; no BOM).
    pub text: String,
    /// The detected encoding.
    pub encoding: Encoding,
}

/// Limits on what the read stage accepts. Past a limit an input is an error
/// that names it, never silently cut: a document with its end missing would
/// be extracted as if it were whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub max_file_bytes: u64,
    /// Longest line of the decoded text, in UTF-8 bytes without the line feed.
    /// Real documents have lines of a few hundred bytes, paragraphs of a few
    /// thousand; a megabyte on one line is a converter that lost the line
    /// breaks, or not a document.
    pub max_line_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_bytes: 64 * 1024 * 1024, max_line_bytes: 1024 * 1024 }
    }
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file system refused.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The path is a directory or another non-file.
    #[error("{}: not a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// Zero bytes, or only whitespace.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Larger than the configured limit.
    #[error("{}: {bytes} bytes is over the limit of {limit} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A line longer than the configured limit.
    #[error("{}: line {line} is {bytes} bytes long, over the limit of {limit} bytes", path.display())]
    LineTooLong {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// Its length in UTF-8 bytes.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Not text at all; `reason` is a [`BinaryEvidence`].
    #[error("{}: binary file ({reason})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// Text in no encoding that vanban knows: invalid UTF-8 (or UTF-16) at
    /// `offset`, and, for 8-bit text, no legacy encoding that reads as Vietnamese.
    #[error("{}: not decodable as {encoding} at byte {offset}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// The encoding tried last.
        encoding: &'static str,
        /// Where decoding failed.
        offset: usize,
    },
}

/// Read and decode the file at `path`, within `limits`.
///
/// Only a regular file is opened (a FIFO or a device could block or never
/// end), and never more than the size limit is read, even from a file that
/// grows while it is read.
pub fn read_path(path: &Path, limits: &Limits) -> Result<Decoded, ReadError> {
    let io = |source| ReadError::Io { path: path.to_path_buf(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: path.to_path_buf() });
    }
    check_size(path, meta.len(), limits)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = std::fs::File::open(path).map_err(io)?;
    file.take(limits.max_file_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    decode_with(path, &bytes, limits)
}

/// [`decode`] within `limits`: the size of `bytes`, and the length of every line.
pub fn decode_with(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Decoded, ReadError> {
    check_size(path, bytes.len() as u64, limits)?;
    let decoded = decode(path, bytes)?;
    check_lines(path, &decoded.text, limits)?;
    Ok(decoded)
}

fn check_size(path: &Path, bytes: u64, limits: &Limits) -> Result<(), ReadError> {
    match bytes > limits.max_file_bytes {
        true => Err(ReadError::TooLarge { path: path.to_path_buf(), bytes, limit: limits.max_file_bytes }),
        false => Ok(()),
    }
}

/// The first line of `text` over the line limit is an error.
fn check_lines(path: &Path, text: &str, limits: &Limits) -> Result<(), ReadError> {
    let limit = limits.max_line_bytes;
    if text.len() as u64 <= limit {
        return Ok(());
    }
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    for (i, end) in ends.enumerate() {
        let bytes = (end - start) as u64;
        if bytes > limit {
            return Err(ReadError::LineTooLong { path: path.to_path_buf(), line: i + 1, bytes, limit });
        }
        start = end + 1;
    }
    Ok(())
}

/// Decode `bytes`, detecting the encoding; `path` only names the input in
/// errors. No limits apply: see [`decode_with`].
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, ReadError> {
    let empty = || ReadError::Empty { path: path.to_path_buf() };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    if let Some(evidence) = binary::signature(bytes) {
        return Err(binary_error(path, evidence));
    }
    let (text, encoding) = if let Some(units) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(path, units, Encoding::Utf16Le)?, Encoding::Utf16Le)
    } else if let Some(units) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(path, units, Encoding::Utf16Be)?, Encoding::Utf16Be)
    } else {
        if let Some(evidence) = binary::sniff(bytes) {
            return Err(binary_error(path, evidence));
        }
        eight_bit(path, bytes)?
    };
    let text = compose(text);
    if text.trim().is_empty() {
        return Err(empty());
    }
    Ok(Decoded { text, encoding })
}

fn binary_error(path: &Path, evidence: BinaryEvidence) -> ReadError {
    ReadError::Binary { path: path.to_path_buf(), reason: evidence.to_string() }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-8 (with or without BOM), or else a detected legacy encoding.
fn eight_bit(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    let decode_error = |encoding, offset| ReadError::Decode { path: path.to_path_buf(), encoding, offset };
    if let Some(body) = bytes.strip_prefix(UTF8_BOM) {
        return match utf8(body) {
            Ok(text) => Ok((text.to_owned(), Encoding::Utf8Bom)),
            Err(e) => Err(decode_error("utf-8", UTF8_BOM.len() + e.valid_up_to())),
        };
    }
    match utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(e) => match detect::detect_legacy(bytes) {
            Some(encoding) => Ok((detect::decode_candidate(encoding, bytes), encoding)),
            None => {
                Err(decode_error("utf-8 (nor as Vietnamese in windows-1258, tcvn3 or vni-windows)", e.valid_up_to()))
            }
        },
    }
}

/// `bytes` as UTF-8: validated with SIMD (every file passes here, and std's
/// validation was ten instructions a byte on Vietnamese text), and only when that
/// fails again by std, which says where the first bad byte is.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// UTF-16 after its BOM. Offsets in errors count the BOM.
fn utf16(path: &Path, bytes: &[u8], encoding: Encoding) -> Result<String, ReadError> {
    const BOM: usize = 2;
    let decode_error = |offset| ReadError::Decode { path: path.to_path_buf(), encoding: encoding.name(), offset };
    if bytes.len() % 2 == 1 {
        return Err(decode_error(BOM + bytes.len() - 1));
    }
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2 * 3);
    let mut offset = BOM;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| decode_error(offset))?;
        if c == '\0' {
            return Err(binary_error(path, BinaryEvidence::Nul { offset }));
        }
        text.push(c);
        offset += 2 * c.len_utf16();
    }
    Ok(text)
}

/// NFC, without copying text that already is.
fn compose(text: String) -> String {
    match crate::normalize::nfc(&text) {
        std::borrow::Cow::Owned(composed) => composed,
        std::borrow::Cow::Borrowed(_) => text,
    }
}
