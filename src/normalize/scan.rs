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

/// Whether `f` holds at some offset of `text`, given the byte there and the two
/// after it (0 past the end): a multi-byte character told by its bytes, with
/// no decoding. Folds 64-byte blocks without stopping early, so it vectorizes;
/// `f` should combine its tests with `&` and `|`.
pub fn any_at(text: &str, f: impl Fn(u8, u8, u8) -> bool) -> bool {
    let b = text.as_bytes();
    let body = b.len().saturating_sub(2);
    let mut start = 0;
    while start < body {
        let end = (start + 64).min(body);
        let block = b[start..end].iter().zip(&b[start + 1..end + 1]).zip(&b[start + 2..end + 2]);
        if block.fold(false, |hit, ((&x, &y), &z)| hit | f(x, y, z)) {
            return true;
        }
        start = end;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    (body..b.len()).any(|i| f(b[i], at(i + 1), at(i + 2)))
}

/// Whether `text` has a byte in `from..=to`; vectorizes, unlike a search that stops early.
pub fn has_byte_in(text: &str, from: u8, to: u8) -> bool {
    let width = to - from;
    text.as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | (b.wrapping_sub(from) <= width)))
}

/// The first character of `s` that is not whitespace (`char::is_whitespace`,
/// which is also what the regex class `\s` means), and the character after it.
pub fn first_visible(s: &str) -> Option<(char, Option<char>)> {
    let mut chars = s.chars().skip_while(|c| c.is_whitespace());
    chars.next().map(|first| (first, chars.next()))
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
    fn tests_every_offset_with_the_bytes_after_it() {
        let long = format!("{}Ω", "x".repeat(130));
        let omega = |x: u8, y: u8, _: u8| (x == 0xce) & (y == 0xa9);
        assert!(any_at(&long, omega) && any_at("Ω", omega) && !any_at("x", omega) && !any_at("", omega));
        let z = |x: u8, _: u8, z: u8| (x == b'a') & (z == 0);
        assert!(any_at("xa", z) && any_at("a", z) && !any_at("abc", z));
    }

    #[test]
    fn finds_bytes_in_a_range() {
        let long = "x".repeat(100);
        assert!(has_byte_in(&format!("{long}Ω{long}"), 0xce, 0xd4));
        assert!(!has_byte_in(&format!("{long}ư{long}"), 0xce, 0xd4));
    }
}
