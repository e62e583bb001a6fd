//! The data that drives extraction, embedded from `grammars/` at build time.
//!
//! (First piece: the unit abbreviations of `grammars/abbreviations.tsv` and
//! [`canonical_unit`], which groups one unit printed two ways.)

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// One row of `grammars/abbreviations.tsv`.
#[derive(Debug)]
pub struct Abbreviation {
    /// As printed ("UBND").
    pub short: String,
    /// Written out ("Ủy ban nhân dân").
    pub expansion: String,
    /// A phrase that uses it.
    pub example: String,
}

/// The unit abbreviations, longest first so "UBMTTQ" wins over "MTTQ".
pub static ABBREVIATIONS: LazyLock<Vec<Abbreviation>> = LazyLock::new(|| {
    let mut rows: Vec<Abbreviation> = include_str!("../grammars/abbreviations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some(Abbreviation {
                short: cols.next()?.to_string(),
                expansion: cols.next()?.to_string(),
                example: cols.next().unwrap_or_default().to_string(),
            })
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.short.chars().count()));
    rows
});

/// A unit name in one form: NFC, single spaces, abbreviations written out, a
/// leading "các", "những", "đồng chí" or "đ/c" dropped.
pub fn canonical_unit(unit: &str) -> String {
    let nfc: String = unit.nfc().collect();
    let mut words: Vec<String> = nfc.split_whitespace().map(str::to_string).collect();
    while let Some(first) = words.first().map(|w| w.to_lowercase()) {
        let two = words.get(1).map(|w| format!("{first} {}", w.to_lowercase()));
        if matches!(first.as_str(), "các" | "những" | "đ/c") {
            words.remove(0);
        } else if two.as_deref() == Some("đồng chí") {
            words.drain(..2);
        } else {
            break;
        }
    }
    let expanded: Vec<String> = words
        .iter()
        .map(|w| {
            let core = w.trim_end_matches([',', ';', '.']);
            match ABBREVIATIONS.iter().find(|a| a.short == core) {
                Some(a) => format!("{}{}", a.expansion, &w[core.len()..]),
                None => w.clone(),
            }
        })
        .collect();
    expanded.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_expands() {
        for a in ABBREVIATIONS.iter() {
            assert!(canonical_unit(&a.example).contains(&a.expansion), "{} in {:?}", a.short, a.example);
        }
    }

    #[test]
    fn one_unit_printed_two_ways_is_one() {
        assert_eq!(canonical_unit("các UBND  phường"), canonical_unit("Ủy ban nhân dân phường"));
        assert_eq!(canonical_unit("Đồng chí Chủ tịch"), "Chủ tịch");
    }
}
