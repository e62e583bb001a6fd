//! The read stage on files: each encoding, each error, and the round trip of
//! every corpus document through every encoding vanban detects.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use vanban::normalize::normalize;
use vanban::read::{self, Decoded, Encoding, Limits, ReadError};

use crate::util::{TempDir, corpus_documents};

/// Every Vietnamese letter, lower case.
const LETTERS: &str = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

const MOTTO: &str = "Cộng hoà xã hội chủ nghĩa Việt Nam";

/// Write `bytes` to a file named `name` in `dir`.
fn file(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.0.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(path: &Path) -> Result<Decoded, ReadError> {
    read::read_path(path, &Limits::default())
}

#[test]
fn read_utf8_with_and_without_bom() {
    let dir = TempDir::new("read-utf8");
    let plain = read(&file(&dir, "a.txt", MOTTO.as_bytes())).unwrap();
    assert_eq!((plain.text.as_str(), plain.encoding), (MOTTO, Encoding::Utf8));
    let bom = read(&file(&dir, "b.txt", &[b"\xEF\xBB\xBF", MOTTO.as_bytes()].concat())).unwrap();
    assert_eq!((bom.text.as_str(), bom.encoding), (MOTTO, Encoding::Utf8Bom));
    let ascii = read(&file(&dir, "c.txt", b"Nam\n")).unwrap();
    assert_eq!(ascii.encoding, Encoding::Utf8);
}

#[test]
fn read_utf16_bom() {
    let dir = TempDir::new("read-utf16");
    for (name, encoding) in [("le.txt", Encoding::Utf16Le), ("be.txt", Encoding::Utf16Be)] {
        let decoded = read(&file(&dir, name, &utf16(MOTTO, encoding))).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (MOTTO, encoding));
    }
    // An unpaired surrogate is a decode error at its byte offset (BOM counted).
    let broken = read(&file(&dir, "bad.txt", b"\xFF\xFEA\x00\x00\xD8B\x00")).unwrap_err();
    assert!(matches!(broken, ReadError::Decode { offset: 4, .. }), "{broken:?}");
}

#[test]
fn read_windows_1258() {
    // As the Windows Vietnamese keyboard stores the motto: base letters, with
    // tone marks as separate combining bytes (0xCC grave, 0xDE tilde, 0xF2 dot
    // below, 0xD2 hook above).
    let bytes = b"C\xf4\xf2ng hoa\xcc xa\xde h\xf4\xf2i chu\xd2 nghi\xdea Vi\xea\xf2t Nam";
    let dir = TempDir::new("read-1258");
    let decoded = read(&file(&dir, "cp1258.txt", bytes)).unwrap();
    assert_eq!(decoded.encoding, Encoding::Windows1258);
    assert_eq!(decoded.text, MOTTO, "composed to NFC");
}

#[test]
fn read_too_large() {
    let dir = TempDir::new("read-large");
    let path = file(&dir, "big.txt", MOTTO.as_bytes());
    let err = read::read_path(&path, &Limits { max_file_bytes: 10, ..Limits::default() }).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { bytes, limit: 10, .. } if bytes == MOTTO.len() as u64), "{err:?}");
}

/// A NUL past the first 64 KiB that the binary sniffer looks at still makes a
/// UTF-8 file binary: the policy is "a NUL anywhere", and the sniff window is
/// only where it looks first (as in ripgrep's tests/binary.rs).
#[test]
fn read_nul_after_sniff_window() {
    let doc = std::fs::read(&corpus_documents()[0]).unwrap();
    let mut text = vec![];
    while text.len() <= read::binary::SNIFF_BYTES {
        text.extend_from_slice(&doc);
    }
    let dir = TempDir::new("read-nul");
    assert!(read(&file(&dir, "clean.txt", &text)).is_ok(), "the same text without the NUL reads");
    let offset = text.len() - 10;
    text.insert(offset, 0);
    let err = read(&file(&dir, "nul.txt", &text)).unwrap_err();
    match err {
        ReadError::Binary { reason, .. } => assert_eq!(reason, format!("NUL byte at offset {offset}")),
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn read_png() {
    let dir = TempDir::new("read-png");
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    let err = read(&file(&dir, "scan.txt", png)).unwrap_err();
    assert!(matches!(&err, ReadError::Binary { reason, .. } if reason.contains("PNG")), "{err:?}");
}

#[test]
fn read_empty_and_whitespace_only() {
    let dir = TempDir::new("read-empty");
    for (name, bytes) in [("zero.txt", &b""[..]), ("blank.txt", b" \r\n\t\n"), ("bom.txt", b"\xEF\xBB\xBF \n")] {
        let err = read(&file(&dir, name, bytes)).unwrap_err();
        assert!(matches!(err, ReadError::Empty { .. }), "{name}: {err:?}");
    }
    let err = read(&file(&dir, "utf16.txt", &utf16(" \n", Encoding::Utf16Le))).unwrap_err();
    assert!(matches!(err, ReadError::Empty { .. }), "{err:?}");
}

/// Latin-1 German and French are invalid UTF-8 and read as no Vietnamese
/// legacy encoding: an error, not mojibake.
#[test]
fn read_invalid_utf8_that_is_no_legacy_encoding() {
    let dir = TempDir::new("read-latin1");
    let err = read(&file(&dir, "latin1.txt", b"Die Gr\xf6\xdfe \xfcber alles, caf\xe9 na\xefve.\n")).unwrap_err();
    assert!(matches!(err, ReadError::Decode { offset: 6, .. }), "{err:?}");
}

/// Each error's message names the file.
#[test]
fn read_errors_name_the_path() {
    let dir = TempDir::new("read-errors");
    let cases: Vec<(PathBuf, Limits)> = vec![
        (dir.0.join("missing.txt"), Limits::default()),    // Io
        (dir.0.clone(), Limits::default()),                // NotAFile
        (file(&dir, "empty.txt", b""), Limits::default()), // Empty
        (file(&dir, "large.txt", b"0123456789"), Limits { max_file_bytes: 5, ..Limits::default() }), // TooLarge
        (file(&dir, "binary.txt", b"%PDF-1.4\n"), Limits::default()), // Binary
        (file(&dir, "latin1.txt", b"Gr\xf6\xdfe caf\xe9"), Limits::default()), // Decode
    ];
    let mut variants = vec![];
    for (path, limits) in cases {
        let err = read::read_path(&path, &limits).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        variants.push(format!("{err:?}").split([' ', '{']).next().unwrap().to_string());
    }
    assert_eq!(variants, ["Io", "NotAFile", "Empty", "TooLarge", "Binary", "Decode"]);
}

// ---------------------------------------------------------------------------
// The round trip.

/// Every corpus document, encoded into every encoding vanban detects, comes
/// back through detection as that encoding and normalizes to the same text.
#[test]
fn read_round_trip_of_every_corpus_document() {
    let encoders = LegacyEncoders::new();
    let mut failures = vec![];
    let documents = corpus_documents();
    assert!(!documents.is_empty());
    for doc in documents {
        let original: String = std::fs::read_to_string(&doc).unwrap().nfc().collect();
        let plain = plain_forms(&original);
        let cases: [(Encoding, Vec<u8>, &str); 6] = [
            (Encoding::Tcvn3, encoders.encode(Encoding::Tcvn3, &plain), &plain),
            (Encoding::VniWindows, encoders.encode(Encoding::VniWindows, &plain), &plain),
            (Encoding::Windows1258, windows_1258(&plain), &plain),
            (Encoding::Utf16Le, utf16(&original, Encoding::Utf16Le), &original),
            (Encoding::Utf16Be, utf16(&original, Encoding::Utf16Be), &original),
            (Encoding::Utf8, original.nfd().collect::<String>().into_bytes(), &original),
        ];
        for (encoding, bytes, expected) in cases {
            let name = format!("{} as {}", doc.display(), encoding.name());
            let decoded = match read::decode(&doc, &bytes) {
                Ok(d) => d,
                Err(e) => {
                    failures.push(format!("{name}: {e}"));
                    continue;
                }
            };
            if decoded.encoding != encoding {
                failures.push(format!("{name}: detected as {}", decoded.encoding.name()));
                continue;
            }
            // TCVN3's normal fonts have no toned capitals: headings typed in its upper-case
            // fonts decode with small toned letters, which decoding puts back in upper case
            // where the line shows it is a heading. Normalization reads case (upper-case
            // lines are never joined), so the text must come back as the original, case aside.
            let (got, want) = if encoding == Encoding::Tcvn3 {
                (normalize(&decoded.text).text.to_lowercase(), normalize(expected).text.to_lowercase())
            } else {
                (normalize(&decoded.text).text, normalize(expected).text)
            };
            if got != want {
                failures.push(format!("{name}: text differs {}", first_difference(&got, &want)));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The text as a legacy editor would have typed it: NFC, and every character
/// that is neither ASCII nor a Vietnamese letter replaced by its plain form
/// (straight quotes, hyphens, three dots, the base letter of a foreign accented
/// letter, Đ for its look-alike Ð). Panics on a character with no plain form,
/// so a new corpus document cannot slip through unencoded.
fn plain_forms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        let plain = match c {
            _ if c.is_ascii() || LETTERS.contains(c.to_lowercase().next().unwrap()) => None,
            '“' | '”' | '„' | '«' | '»' => Some("\""),
            '‘' | '’' | '‚' => Some("'"),
            '‹' => Some("<"),
            '›' => Some(">"),
            '–' | '—' | '−' | '•' => Some("-"),
            '…' => Some("..."),
            '\u{A0}' | '\u{2002}'..='\u{200A}' => Some(" "),
            'Ð' => Some("Đ"),
            'ð' => Some("đ"),
            'ø' => Some("o"),
            'Ø' => Some("O"),
            _ => None,
        };
        match plain {
            Some(p) => out.push_str(p),
            None if c.is_ascii() || LETTERS.contains(c.to_lowercase().next().unwrap()) => out.push(c),
            None => {
                let base: String = c.nfd().filter(char::is_ascii).collect();
                assert!(!base.is_empty(), "plain_forms has no plain form for {c:?} (U+{:04X})", u32::from(c));
                out.push_str(&base);
            }
        }
    }
    out
}

/// Encoders for TCVN3 and VNI-Windows: the library's decoding tables, inverted.
struct LegacyEncoders {
    tcvn3: HashMap<char, Vec<u8>>,
    vni: HashMap<char, Vec<u8>>,
}

impl LegacyEncoders {
    fn new() -> LegacyEncoders {
        let invert = |e| read::legacy::rows(e).iter().map(|r| (r.letter, r.bytes.clone())).collect();
        LegacyEncoders { tcvn3: invert(Encoding::Tcvn3), vni: invert(Encoding::VniWindows) }
    }

    /// Encode plain-form text. TCVN3 stores a toned capital as its lower-case
    /// byte, as text set in an "H" font does.
    fn encode(&self, encoding: Encoding, text: &str) -> Vec<u8> {
        let table = if encoding == Encoding::Tcvn3 { &self.tcvn3 } else { &self.vni };
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c as u8);
            } else if let Some(bytes) = table.get(&c).or_else(|| table.get(&c.to_lowercase().next().unwrap())) {
                out.extend_from_slice(bytes);
            } else {
                panic!("{} cannot encode {c:?}", encoding.name());
            }
        }
        out
    }
}

/// Windows-1258 as the Windows Vietnamese keyboard writes it: each letter with
/// its vowel modification composed (â, ơ …) and its tone as a combining mark.
fn windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut windows_form = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let (tones, rest): (String, String) = std::iter::once(c).nfd().partition(|m| TONES.contains(m));
        windows_form.extend(rest.nfc());
        windows_form.push_str(&tones);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&windows_form);
    assert!(!unmappable, "windows-1258 cannot hold part of the text");
    bytes.into_owned()
}

/// UTF-16 with its byte-order mark.
fn utf16(text: &str, encoding: Encoding) -> Vec<u8> {
    let be = encoding == Encoding::Utf16Be;
    let mut out = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if be { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

/// Where two texts first differ, with a little context.
fn first_difference(got: &str, want: &str) -> String {
    let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
    let around = |s: &str| s.chars().skip(at.saturating_sub(20)).take(40).collect::<String>();
    format!("at char {at}: got {:?}, want {:?}", around(got), around(want))
}
