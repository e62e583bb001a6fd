//! Stage 1, `read`: bytes → text.
//!
//! Owns everything about the bytes of an input: size limits, binary detection,
//! and the choice of encoding (UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1258, TCVN3, VNI-Windows), made from byte statistics, never from the
//! file name. Hands on a [`Decoded`] text and the [`Encoding`] it found.

use std::path::{Path, PathBuf};

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
    /// TCVN3 (TCVN 5712:1993, "ABC").
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
    /// The text, as Unicode (not yet normalized).
    pub text: String,
    /// The detected encoding.
    pub encoding: Encoding,
}

/// Limits on what the read stage accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_bytes: 64 * 1024 * 1024 }
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
    /// Not text at all.
    #[error("{}: binary file ({reason})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// Text in no encoding that vanban knows.
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

/// Read and decode the file at `path`.
pub fn read_path(path: &Path, limits: &Limits) -> Result<Decoded, ReadError> {
    let io = |source| ReadError::Io { path: path.to_path_buf(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: path.to_path_buf() });
    }
    if meta.len() > limits.max_file_bytes {
        return Err(ReadError::TooLarge { path: path.to_path_buf(), bytes: meta.len(), limit: limits.max_file_bytes });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(path, &bytes)
}

/// Decode `bytes`, detecting the encoding; `path` only names the input in errors.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty { path: path.to_path_buf() });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(path, rest, Encoding::Utf8Bom);
    }
    utf8(path, bytes, Encoding::Utf8)
}

fn utf8(path: &Path, bytes: &[u8], encoding: Encoding) -> Result<Decoded, ReadError> {
    if bytes.contains(&0) {
        return Err(ReadError::Binary { path: path.to_path_buf(), reason: "NUL byte".into() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_string(), encoding }),
        Err(e) => Err(ReadError::Decode { path: path.to_path_buf(), encoding: "utf-8", offset: e.valid_up_to() }),
    }
}
