//! Byte-level scans the steps share to find what they look for without
//! decoding every character: most of a document is ASCII and precomposed
//! Vietnamese letters, which no step but the line steps has business with.

/// The set of UTF-8 lead bytes that can start a character a step looks for.
pub struct LeadBytes {
    table: [bool; 256],
    /// Up to three bytes, searched with `memchr`; empty when the set is larger.
    few: &'static [u8],
}

impl LeadBytes {
    /// The set of the given lead bytes.
    pub const fn new(bytes: &'static [u8]) -> LeadBytes {
        let mut table = [false; 256];
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        LeadBytes { table, few: if bytes.len() <= 3 { bytes } else { &[] } }
    }

    /// This set plus the bytes `from..=to`.
    pub const fn with_range(mut self, from: u8, to: u8) -> LeadBytes {
        let mut b = from as usize;
        while b <= to as usize {
            self.table[b] = true;
            b += 1;
        }
        self.few = &[];
        self
    }

    /// Whether `c` starts with one of these bytes.
    pub fn starts(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.table[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])]
    }

    /// The offset of the first byte of `haystack` in the set.
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        match *self.few {
            [a] => memchr::memchr(a, haystack),
            [a, b] => memchr::memchr2(a, b, haystack),
            [a, b, c] => memchr::memchr3(a, b, c, haystack),
            _ => haystack.iter().position(|&b| self.table[usize::from(b)]),
        }
    }

    /// Every character of `text` that starts with one of these bytes, with its offset.
    ///
    /// Only lead bytes of multi-byte characters and ASCII bytes may be in the
    /// set: a continuation byte (0x80–0xBF) would yield a character that does not start there.
    pub fn chars<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, char)> + 't {
        let mut from = 0;
        std::iter::from_fn(move || {
            let i = from + self.find(&text.as_bytes()[from..])?;
            let c = text[i..].chars().next().expect("a lead byte starts a character");
            from = i + c.len_utf8();
            Some((i, c))
        })
    }
}

/// Whether `text` has a byte in `from..=to`; vectorizes, unlike a search that stops early.
pub fn has_byte_in(text: &str, from: u8, to: u8) -> bool {
    let width = to - from;
    text.as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | (b.wrapping_sub(from) <= width)))
}

/// The first character of `s` that is not whitespace (`char::is_whitespace`,
/// which is also what the regex class `\s` means).
pub fn first_visible(s: &str) -> Option<char> {
    s.chars().find(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_characters_by_their_lead_byte() {
        const LEADS: LeadBytes = LeadBytes::new(&[0xc3, b'*']);
        let found: Vec<(usize, char)> = LEADS.chars("aà*ư ð").collect();
        assert_eq!(found, [(1, 'à'), (3, '*'), (7, 'ð')]);
        const MANY: LeadBytes = LeadBytes::new(&[0xc3, b'*', b'\n', 0xc6]);
        let found: Vec<(usize, char)> = MANY.chars("aà*ư ð").collect();
        assert_eq!(found, [(1, 'à'), (3, '*'), (4, 'ư'), (7, 'ð')]);
    }

    #[test]
    fn finds_bytes_in_a_range() {
        let long = "x".repeat(100);
        assert!(has_byte_in(&format!("{long}Ω{long}"), 0xce, 0xd4));
        assert!(!has_byte_in(&format!("{long}ư{long}"), 0xce, 0xd4));
    }
}
