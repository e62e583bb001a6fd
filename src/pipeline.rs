//! The stages run in order for one input: read → normalize → segment → extract.

use std::path::Path;

use crate::document::FileExtraction;
use crate::read::{self, Decoded, Limits, ReadError};
use crate::{extract, normalize};

/// Read the file at `path` and extract everything from it.
pub fn extract_path(path: &Path, limits: &Limits) -> Result<FileExtraction, ReadError> {
    let decoded = read::read_path(path, limits)?;
    Ok(extract_decoded(&display_name(path), &decoded))
}

/// Extract everything from bytes already in memory (standard input, tests),
/// within the default [`Limits`].
pub fn extract_bytes(name: &str, bytes: &[u8]) -> Result<FileExtraction, ReadError> {
    extract_bytes_with(name, bytes, &Limits::default())
}

/// Extract everything from bytes already in memory, within `limits`.
pub fn extract_bytes_with(name: &str, bytes: &[u8], limits: &Limits) -> Result<FileExtraction, ReadError> {
    let decoded = read::decode_with(Path::new(name), bytes, limits)?;
    Ok(extract_decoded(name, &decoded))
}

/// Extract from decoded text; spans in the result are offsets of `decoded.text`.
pub fn extract_decoded(name: &str, decoded: &Decoded) -> FileExtraction {
    let normalized = normalize::normalize(&decoded.text);
    let mut out = FileExtraction {
        file: name.to_string(),
        encoding: decoded.encoding.name().to_string(),
        documents: extract::extract(&normalized.text),
    };
    out.map_spans(|s| normalized.map.span(s));
    out
}

/// The name a file is reported under: its file name.
pub fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}
