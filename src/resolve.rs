//! Stage 5, `resolve`: the canonical identity of documents, ingested or only cited.
//!
//! Every document gets a *work id* in the spirit of Akoma Ntoso / ELI work
//! identifiers: `vn/{issuer}[-{place}]/{type}/{year}/{number}`, e.g.
//! `vn/tw/kl/2015/114` (114-KL/TW), `vn/cp/nd/2015/4` (04/2015/NĐ-CP),
//! `vn/ubnd-tinh-quang-ngai/kh/2022/53` (53/KH-UBND of UBND tỉnh Quảng Ngãi),
//! `vn/qh15/2024/41` (41/2024/QH15, whose symbol prints no type code).
//! State letters print no type code either and take `cv`.
//!
//! Numbers restart every year (Party numbers every term) and every local body
//! numbers its own, so an id needs the year (from the date, or the year of a
//! normative symbol) and, for a local issuer ([`grammars/issuer-codes.tsv`]),
//! the place: from the issuer as printed ("của UBND tỉnh Quảng Ngãi"), or, when
//! only the level is printed ("UBND tỉnh"), from the places the citing document
//! itself names at that level — its own issuer first, else the one place of that
//! level it names anywhere. Nothing is inferred beyond what the documents state.
//!
//! A document that cannot be pinned down gets a *stub* id, `stub:…`, keyed by
//! the citing document (or the file's content hash) so that two stubs are never
//! merged by guesswork. Hands on [`WorkId`]s; the graph stage stores them.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::document::{Citation, Document};
use crate::grammar::{DOC_TYPE_CODES_TSV, ISSUER_CODES_TSV, grammar_rows};

/// The identity of a document in the graph.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkId {
    /// `vn/…` when resolved, `stub:…` otherwise.
    pub id: String,
    /// Whether the id names one document for sure.
    pub resolved: bool,
}

impl WorkId {
    fn stub(key: String) -> WorkId {
        WorkId { id: format!("stub:{key}"), resolved: false }
    }
}

/// An administrative level, as named before a place name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// tỉnh (and a centrally-run city's province-level bodies).
    Tinh,
    /// thành phố.
    ThanhPho,
    /// thị xã.
    ThiXa,
    /// huyện.
    Huyen,
    /// quận.
    Quan,
    /// xã.
    Xa,
    /// phường.
    Phuong,
    /// thị trấn.
    ThiTran,
}

impl Level {
    fn from_word(word: &str) -> Option<Level> {
        Some(match fold(word).as_str() {
            "tinh" => Level::Tinh,
            "thanh pho" | "tp" | "thanh" => Level::ThanhPho,
            "thi xa" | "tx" | "thi" => Level::ThiXa,
            "huyen" => Level::Huyen,
            "quan" => Level::Quan,
            "xa" => Level::Xa,
            "phuong" => Level::Phuong,
            "thi tran" | "tt" => Level::ThiTran,
            _ => return None,
        })
    }

    /// The level's words, as a slug.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Tinh => "tinh",
            Level::ThanhPho => "thanh-pho",
            Level::ThiXa => "thi-xa",
            Level::Huyen => "huyen",
            Level::Quan => "quan",
            Level::Xa => "xa",
            Level::Phuong => "phuong",
            Level::ThiTran => "thi-tran",
        }
    }
}

/// A place a document names: a level and a proper name ("tỉnh Quảng Ngãi").
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    /// The level.
    pub level: Level,
    /// The name, as a slug (`quang-ngai`).
    pub name: String,
}

impl Place {
    fn slug(&self) -> String {
        format!("{}-{}", self.level.slug(), self.name)
    }
}

/// What a level word names in a body's name: the level, and the place when printed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct NamedLevel {
    level: Level,
    name: Option<String>,
}

// A level word, or a Party committee named after one ("Tỉnh ủy Lào Cai", "Thành uỷ"); the
// place name after it is read by `name_after`.
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)(?:tỉnh|thành|huyện|quận|thị)\s+[uủ][yỷ]
              |tỉnh|thành\ phố|tp\.|thị\ xã|tx\.|huyện|quận|xã|phường|thị\ trấn",
    )
    .expect("place pattern compiles")
});

/// Every level word in `text`, with the place name after it when one is printed.
fn named_levels(text: &str) -> Vec<NamedLevel> {
    // Extracted text is NFC already (normalize composes it); only JSON from elsewhere needs it.
    let text = crate::normalize::nfc(text);
    let mut out = vec![];
    let mut at = 0;
    // Found, not captured: level words are frequent, and a capture of the name after each
    // (Unicode classes) cost more than the search.
    while let Some(m) = PLACE.find_at(&text, at) {
        // A level word opens a word ("chuyện" holds "huyện"): tested here, not by a class
        // before it in the pattern, which would leave the search no literal to look for.
        if text[..m.start()].chars().next_back().is_some_and(char::is_alphabetic) {
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        at = m.end();
        // "Tỉnh ủy": the level is the committee's first word.
        let word = match m.as_str().rsplit_once(char::is_whitespace) {
            Some((first, last)) if fold(last) == "uy" => first.trim_end(),
            _ => m.as_str(),
        };
        let Some(level) = Level::from_word(word.trim_end_matches('.')) else { continue };
        let (name, end) = name_after(&text, m.end());
        at = end.max(at);
        let name = slug(name);
        out.push(NamedLevel { level, name: (!name.is_empty()).then_some(name) });
    }
    out
}

/// The place name that follows a level word ending at `from`: up to four words, each
/// capitalized or a number, after white space; and where it ends.
fn name_after(text: &str, from: usize) -> (&str, usize) {
    let mut end = from;
    for _ in 0..4 {
        let rest = &text[end..];
        let word_at = rest.len() - rest.trim_start().len();
        let word = &rest[word_at..];
        let len = match word.chars().next() {
            _ if word_at == 0 => 0,
            Some(c) if c.is_uppercase() => {
                word.char_indices().find(|&(_, c)| !c.is_alphabetic()).map_or(word.len(), |(i, _)| i)
            }
            Some(c) if c.is_ascii_digit() => word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len()),
            _ => 0,
        };
        if len == 0 {
            break;
        }
        end += word_at + len;
    }
    (&text[from..end], end)
}

/// The places a document names, by level: what a citation's bare "UBND tỉnh" may refer to.
///
/// Gathered on first need: most work ids print their place or are national, and
/// reading every sentence of a document for places costs more than resolving it.
#[derive(Clone, Debug)]
pub struct DocumentContext<'d> {
    doc: &'d Document,
    /// Places named in the document's own issuer.
    own: OnceCell<BTreeSet<Place>>,
    /// Places named anywhere in the document.
    all: OnceCell<BTreeSet<Place>>,
}

impl<'d> DocumentContext<'d> {
    /// The context of `doc`, whose places are read when first asked for.
    pub fn of(doc: &'d Document) -> DocumentContext<'d> {
        DocumentContext { doc, own: OnceCell::new(), all: OnceCell::new() }
    }

    fn own(&self) -> &BTreeSet<Place> {
        self.own.get_or_init(|| self.doc.issuer.iter().flat_map(|i| places(i)).collect())
    }

    /// Places in its issuer, title, recipients, citations, assignments, section
    /// titles and mention sentences.
    fn all(&self) -> &BTreeSet<Place> {
        self.all.get_or_init(|| {
            let doc = self.doc;
            let mut all = self.own().clone();
            let texts = doc
                .title
                .iter()
                .chain(&doc.recipients)
                .chain(doc.citations.iter().filter_map(|c| c.issuer.as_ref()))
                .chain(doc.citations.iter().flat_map(|c| c.mentions.iter().map(|m| &m.sentence)))
                .chain(doc.assignments.iter().map(|a| &a.unit))
                .chain(doc.sections.iter().map(|s| &s.title));
            // A sentence that cites several documents is the mention sentence of each:
            // read each text once (the places gather into a set).
            let mut seen = HashSet::new();
            for t in texts.filter(|t| seen.insert(t.as_str())) {
                all.extend(places(t));
            }
            all
        })
    }

    /// The one place of `level` this document means: its own, else the only one it names.
    fn place_at(&self, level: Level) -> Option<&Place> {
        fn unique(set: &BTreeSet<Place>, level: Level) -> Option<&Place> {
            let mut at = set.iter().filter(|p| p.level == level);
            match (at.next(), at.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        }
        let own = self.own();
        unique(own, level)
            .or_else(|| if own.iter().any(|p| p.level == level) { None } else { unique(self.all(), level) })
    }
}

/// The named places in `text`.
fn places(text: &str) -> impl Iterator<Item = Place> {
    named_levels(text).into_iter().filter_map(|n| Some(Place { level: n.level, name: n.name? }))
}

/// A symbol taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The number; `None` when left blank (a draft).
    pub number: Option<u32>,
    /// The letter after the number of a document slotted in after another ("30c/NQ-CP").
    pub letter: Option<char>,
    /// The year printed in a normative symbol (`04/2015/NĐ-CP`).
    pub year: Option<u16>,
    /// The type code, `None` for a state letter or a Quốc hội symbol.
    pub kind: Option<String>,
    /// Issuer codes (with drafting units), in order: `["UBND", "KGVX"]`.
    pub issuers: Vec<String>,
}

/// Repair what scans and converters do to a symbol: spaces, dashes, look-alike Đ.
fn clean_symbol(s: &str) -> String {
    s.nfc()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2212}' => '-',
            '\u{00D0}' => 'Đ',
            c => c,
        })
        .collect()
}

/// Take a symbol apart: state `49/KH-UBND`, letter `7086/UBND-KGVX`, normative
/// `04/2015/NĐ-CP`, Quốc hội `41/2024/QH15`, Party `114-KL/TW`. `None` when it is
/// none of these forms.
pub fn parse_symbol(symbol: &str) -> Option<Symbol> {
    let s = clean_symbol(symbol);
    let parts: Vec<&str> = s.split('/').collect();
    let letter = parts.first().and_then(|n| n.split('-').next()?.chars().last()).filter(char::is_ascii_lowercase);
    let number = |n: &str| -> Option<Option<u32>> {
        let n = n.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(n);
        if n.is_empty() {
            Some(None)
        } else if n.bytes().all(|b| b.is_ascii_digit()) {
            n.parse().ok().map(Some)
        } else {
            None
        }
    };
    let comps = |t: &str| -> Vec<String> { t.split('-').filter(|c| !c.is_empty()).map(str::to_string).collect() };
    match parts.as_slice() {
        [n, y, rest] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            let number = number(n)?;
            let mut c = comps(rest);
            let kind = (c.len() > 1 || !is_legislature(c.first()?)).then(|| c.remove(0));
            Some(Symbol { number, letter, year: y.parse().ok(), kind, issuers: c })
        }
        [head, rest] if head.contains('-') => {
            let (n, kind) = head.split_once('-')?;
            Some(Symbol { number: number(n)?, letter, year: None, kind: Some(kind.to_string()), issuers: comps(rest) })
        }
        [n, rest] => {
            let number = number(n)?;
            let mut c = comps(rest);
            let first = c.first()?;
            let kind = (c.len() > 1 && type_code(first).is_some()).then(|| c.remove(0));
            Some(Symbol { number, letter, year: None, kind, issuers: c })
        }
        _ => None,
    }
}

fn is_legislature(code: &str) -> bool {
    matches!(code.trim_end_matches(|c: char| c.is_ascii_digit()), "QH" | "UBTVQH")
}

/// A key under which people's spellings of one symbol meet: `114|kl/tw` for
/// "114-KL/TW", "114 KL/TW", "114 - KL/TW"; `4|2015/nd-cp` for "04/2015/NĐ-CP".
pub fn symbol_key(symbol: &str) -> Option<String> {
    let s = symbol.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, rest) = s.split_at(digits_end);
    let rest = clean_symbol(rest);
    let rest = rest.trim_start_matches(['-', '/']);
    if rest.is_empty() {
        return None;
    }
    let n: u64 = if n.is_empty() { 0 } else { n.parse().ok()? };
    Some(format!("{n}|{}", fold(rest).replace(' ', "")))
}

/// Issuer scope and level from `grammars/issuer-codes.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct IssuerCode {
    national: bool,
    level: Option<Level>,
}

static ISSUER_CODES: LazyLock<BTreeMap<String, IssuerCode>> = LazyLock::new(|| {
    grammar_rows(ISSUER_CODES_TSV)
        .map(|r| {
            let level = r.get(2).and_then(|l| Level::from_word(l));
            (fold(r[0]), IssuerCode { national: r.get(1) == Some(&"national"), level })
        })
        .collect()
});

/// A type code from `grammars/doc-type-codes.tsv`, folded once, and the words that name it.
struct TypeCode {
    code: String,
    folded: String,
    words: Vec<String>,
}

static TYPE_CODES: LazyLock<Vec<TypeCode>> = LazyLock::new(|| {
    grammar_rows(DOC_TYPE_CODES_TSV)
        .map(|r| TypeCode {
            code: r[0].to_string(),
            folded: fold(r[0]),
            words: r.get(1).map(|w| w.split('|').map(fold).collect()).unwrap_or_default(),
        })
        .collect()
});

fn issuer_code(code: &str) -> Option<&'static IssuerCode> {
    let f = fold(code);
    ISSUER_CODES.get(&f).or_else(|| ISSUER_CODES.get(f.trim_end_matches(|c: char| c.is_ascii_digit())))
}

/// The canonical type code for `code` as printed (`Qd` → `QĐ`), if it is one: an
/// exact match first, since folding makes `HD`/`HĐ` and `DA`/`ĐA` meet.
fn type_code(code: &str) -> Option<&'static str> {
    let exact = TYPE_CODES.iter().find(|t| t.code == code);
    exact
        .or_else(|| {
            let f = fold(code);
            TYPE_CODES.iter().find(|t| t.folded == f)
        })
        .map(|t| t.code.as_str())
}

/// Type codes named by a type word ("Kết luận" → `KL`; "quy định" → `QĐ`, `QĐi`, `QyĐ`).
pub fn type_codes_for_word(word: &str) -> Vec<&'static str> {
    let f = fold(word);
    TYPE_CODES.iter().filter(|t| t.words.contains(&f)).map(|t| t.code.as_str()).collect()
}

/// What is known of a document, whether read from its header or from a citation.
struct Description<'a> {
    symbol: Option<&'a str>,
    date: Option<&'a str>,
    issuer: Option<&'a str>,
}

/// The id of `desc` when it can be pinned down from what is printed and the context.
fn resolve(desc: &Description, ctx: &DocumentContext) -> Option<String> {
    let sym = parse_symbol(desc.symbol?)?;
    let number = sym.number?;
    let year = sym.year.or_else(|| year_of(desc.date?))?;
    let primary = sym.issuers.first()?;
    let code = issuer_code(primary);
    let mut issuer = sym.issuers.iter().map(|i| slug(i)).collect::<Vec<_>>().join("-");
    if !code.is_some_and(|c| c.national) {
        let named = desc.issuer.map(named_levels).unwrap_or_default();
        let level = named.first().map(|n| n.level).or(code.and_then(|c| c.level))?;
        let name = match named.iter().find(|n| n.level == level).and_then(|n| n.name.clone()) {
            Some(name) => name,
            None => ctx.place_at(level)?.name.clone(),
        };
        issuer = format!("{issuer}-{}", Place { level, name }.slug());
    }
    let kind = match (&sym.kind, sym.year) {
        (Some(k), _) => format!("/{}", slug(k)),
        (None, Some(_)) => String::new(),
        (None, None) => "/cv".to_string(),
    };
    let letter = sym.letter.map(String::from).unwrap_or_default();
    Some(format!("vn/{issuer}{kind}/{year}/{number}{letter}"))
}

fn year_of(date: &str) -> Option<u16> {
    date.get(..4)?.parse().ok().filter(|y| (1900..=2200).contains(y))
}

/// The work id of an ingested document; `file_key` (the file's content hash) and
/// `ordinal` key the stub of a document that cannot be pinned down.
pub fn document_id(doc: &Document, ctx: &DocumentContext, file_key: &str, ordinal: usize) -> WorkId {
    let desc = Description { symbol: doc.symbol.as_deref(), date: doc.date.as_deref(), issuer: doc.issuer.as_deref() };
    match resolve(&desc, ctx) {
        Some(id) => WorkId { id, resolved: true },
        None => WorkId::stub(format!("{file_key}:{ordinal}")),
    }
}

/// The work id of a document cited by the document `citing` (whose places are `ctx`).
pub fn citation_id(c: &Citation, ctx: &DocumentContext, citing: &WorkId) -> WorkId {
    let desc = Description { symbol: c.symbol.as_deref(), date: c.date.as_deref(), issuer: c.issuer.as_deref() };
    match resolve(&desc, ctx) {
        Some(id) => WorkId { id, resolved: true },
        None => {
            let label = c.symbol.as_deref().or(c.name.as_deref()).unwrap_or("?");
            WorkId::stub(format!("{}:{}", citing.id.trim_start_matches("stub:"), slug(label)))
        }
    }
}

/// What a person typed to name a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentQuery {
    /// A work id (`vn/…` or `stub:…`).
    Id(String),
    /// A symbol, as a [`symbol_key`].
    Symbol(String),
    /// A number, with the type codes its type word allows (empty: any type).
    Number {
        /// The number.
        number: u32,
        /// Allowed type codes.
        kinds: Vec<String>,
    },
}

/// Read what people type: "Kết luận 114-KL/TW", "114-KL/TW", "114 KL/TW", "kl 114", an id.
pub fn parse_query(text: &str) -> Option<DocumentQuery> {
    let t: String = text.trim().nfc().collect();
    if t.starts_with("vn/") || t.starts_with("stub:") {
        return Some(DocumentQuery::Id(t));
    }
    let first_digit = t.find(|c: char| c.is_ascii_digit());
    let (words, rest) = t.split_at(first_digit.unwrap_or(t.len()));
    let words = words.trim().trim_end_matches([':', '.']).trim();
    let words = words.strip_suffix(" số").or(words.strip_suffix(" Số")).unwrap_or(words).trim();
    let mut kinds: Vec<String> = if words.is_empty() {
        vec![]
    } else {
        let by_word = type_codes_for_word(words);
        if by_word.is_empty() { type_code(words).into_iter().collect() } else { by_word }
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    if !words.is_empty() && kinds.is_empty() {
        return None;
    }
    let rest = rest.trim();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim();
    if after.is_empty() {
        let number = digits.parse().ok()?;
        kinds.sort();
        return Some(DocumentQuery::Number { number, kinds });
    }
    // "114 KL/TW": a space where the Party hyphen or the state slash stood.
    symbol_key(&format!("{digits}/{after}")).map(DocumentQuery::Symbol)
}

/// Case- and diacritic-folded text: lower case, tone marks and `đ` folded to
/// ASCII, runs of anything else to one space ("Quảng  Ngãi" → "quang ngai").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' | '\u{00D0}' => 'd',
            c => c,
        };
        if c.is_alphanumeric() || c == '/' || c == '-' || c == '|' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// A slug for ids: folded, words joined by `-` (`Quảng Ngãi` → `quang-ngai`, `NĐ` → `nd`).
pub fn slug(text: &str) -> String {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Mention, Relation};

    fn doc(symbol: &str, date: &str, issuer: &str) -> Document {
        Document {
            symbol: Some(symbol.into()),
            date: Some(date.into()),
            issuer: Some(issuer.into()),
            ..Default::default()
        }
    }

    fn cite(symbol: Option<&str>, date: Option<&str>, issuer: Option<&str>, name: Option<&str>) -> Citation {
        Citation {
            kind: None,
            symbol: symbol.map(Into::into),
            date: date.map(Into::into),
            issuer: issuer.map(Into::into),
            name: name.map(Into::into),
            relation: Relation::Basis,
            mentions: vec![],
        }
    }

    fn id_of(citing: &Document, c: &Citation) -> WorkId {
        let ctx = DocumentContext::of(citing);
        let me = document_id(citing, &ctx, "f", 0);
        citation_id(c, &ctx, &me)
    }

    #[test]
    fn parses_symbol_forms() {
        let p = |s| parse_symbol(s).unwrap();
        assert_eq!(p("49/KH-UBND").kind.as_deref(), Some("KH"));
        assert_eq!(p("49/KH-UBND").issuers, ["UBND"]);
        let letter = p("7086/UBND-KGVX");
        assert_eq!(
            (letter.number, letter.kind, letter.issuers),
            (Some(7086), None, vec!["UBND".into(), "KGVX".into()])
        );
        let nd = p("04/2015/NĐ-CP");
        assert_eq!((nd.number, nd.year, nd.kind.as_deref()), (Some(4), Some(2015), Some("NĐ")));
        let law = p("41/2024/QH15");
        assert_eq!((law.number, law.year, law.kind, law.issuers), (Some(41), Some(2024), None, vec!["QH15".into()]));
        let party = p("114-KL/TW");
        assert_eq!((party.number, party.kind.as_deref(), party.issuers), (Some(114), Some("KL"), vec!["TW".into()]));
        let joint = p("31-CTr/BĐVTU-BCSĐUBND");
        assert_eq!(joint.issuers, ["BĐVTU", "BCSĐUBND"]);
        assert_eq!(p("/KH-MTTQ-BTT").number, None);
        assert_eq!(p("49/KH- UBND"), p("49/KH-UBND"));
        assert_eq!(p("120 -KL/TW"), p("120-KL/TW"));
        assert_eq!(p("3/QĐ-UBBC").kind.as_deref(), Some("QĐ"));
        assert!(parse_symbol("Luật Thực hiện dân chủ ở cơ sở").is_none());
        assert!(parse_symbol("CT/BĐVTU").is_none());
        let slotted = p("30c/NQ-CP");
        assert_eq!((slotted.number, slotted.letter), (Some(30), Some('c')));
        assert_eq!(p("12a-KH/TU").letter, Some('a'));
        assert_eq!(p("12-KH/TU").letter, None);
    }

    #[test]
    fn national_symbols_need_no_place() {
        let citing = doc("1/KH-UBND", "2018-01-01", "Ủy ban nhân dân thành phố Quảng Ngãi");
        let id = |s, d| id_of(&citing, &cite(Some(s), d, None, None));
        assert_eq!(id("114-KL/TW", Some("2015-07-14")).id, "vn/tw/kl/2015/114");
        assert_eq!(id("04/2015/NĐ-CP", None).id, "vn/cp/nd/2015/4");
        assert_eq!(id("4/2015/NĐ-CP", Some("2015-01-09")).id, "vn/cp/nd/2015/4");
        assert_eq!(id("41/2024/QH15", None).id, "vn/qh15/2024/41");
        // A number with a letter is another document than the number alone.
        assert_eq!(id("30c/NQ-CP", Some("2011-11-08")).id, "vn/cp/nq/2011/30c");
        assert_eq!(id("30/NQ-CP", Some("2011-11-08")).id, "vn/cp/nq/2011/30");
        assert_eq!(id("34/2007/PL-UBTVQH11", None).id, "vn/ubtvqh11/pl/2007/34");
        assert_eq!(id("33/CT-TTg", Some("2021-11-26")).id, "vn/ttg/ct/2021/33");
        assert_eq!(id("4643/VPCP-CN", Some("2026-05-20")).id, "vn/vpcp-cn/cv/2026/4643");
        assert_eq!(id("15/2024/TT-BKHĐT", None).id, "vn/bkhdt/tt/2024/15");
        // Đ read as D, or as the look-alike Ð, by a scanner: the same document.
        assert_eq!(id("15/2024/TT-BKHDT", None).id, "vn/bkhdt/tt/2024/15");
        assert_eq!(id("04/2015/\u{00D0}-CP", None).id, id("04/2015/D-CP", None).id);
    }

    #[test]
    fn a_party_symbol_without_a_year_stays_a_stub() {
        let citing = doc("294/KH-VP", "2024-04-08", "Văn phòng Ủy ban nhân dân tỉnh Đồng Nai");
        let w = id_of(&citing, &cite(Some("25-NQ/TW"), None, Some("Ban Chấp hành Trung ương Đảng"), None));
        assert!(!w.resolved);
        assert!(w.id.starts_with("stub:vn/vp-tinh-dong-nai/kh/2024/294:"), "{}", w.id);
    }

    #[test]
    fn local_place_comes_from_the_issuer_as_printed() {
        let citing = doc("560/UBND", "2022-03-28", "Ủy ban nhân dân thị xã Đức Phổ");
        let w = id_of(&citing, &cite(Some("53/KH-UBND"), Some("2022-03-23"), Some("UBND tỉnh Quảng Ngãi"), None));
        assert_eq!(w, WorkId { id: "vn/ubnd-tinh-quang-ngai/kh/2022/53".into(), resolved: true });
        // The plan itself, ingested, gets the same id.
        let plan = doc("53/KH-UBND", "2022-03-23", "Ủy ban nhân dân tỉnh Quảng Ngãi");
        assert_eq!(document_id(&plan, &DocumentContext::of(&plan), "f", 1).id, w.id);
        assert_eq!(
            document_id(&citing, &DocumentContext::of(&citing), "f", 0).id,
            "vn/ubnd-thi-xa-duc-pho/cv/2022/560"
        );
    }

    #[test]
    fn a_bare_level_takes_the_place_the_citing_document_names() {
        // A provincial letter citing "Ủy ban nhân dân tỉnh": its own province.
        let citing = doc("5973/UBND-KT", "2026-06-11", "Ủy ban nhân dân tỉnh Lào Cai");
        let w = id_of(&citing, &cite(Some("200/KH-UBND"), Some("2026-05-05"), Some("Ủy ban nhân dân tỉnh"), None));
        assert_eq!(w.id, "vn/ubnd-tinh-lao-cai/kh/2026/200");
        // "Ban Thường vụ Tỉnh ủy": the level through the Party committee.
        let w = id_of(&citing, &cite(Some("11-CT/TU"), Some("2026-02-04"), Some("BTV Tỉnh ủy"), None));
        assert_eq!(w.id, "vn/tu-tinh-lao-cai/ct/2026/11");
        // A ward's plan names its province only through another citation's issuer.
        let mut ward = doc("49/KH-UBND", "2023-03-20", "Ủy ban nhân dân phường Trương Quang Trọng");
        ward.citations.push(cite(Some("1211/QĐ-UBND"), Some("2022-11-02"), Some("UBND tỉnh Quảng Ngãi"), None));
        ward.citations.push(cite(Some("49/KH-UBND"), Some("2023-03-08"), Some("UBND thành phố Quảng Ngãi"), None));
        let tu = cite(Some("13-ĐA/TU"), Some("2022-10-10"), Some("Ban Thường vụ Tỉnh uỷ"), None);
        assert_eq!(id_of(&ward, &tu).id, "vn/tu-tinh-quang-ngai/da/2022/13");
        let city = cite(Some("1012-QĐ/TU"), Some("2021-11-09"), Some("Ban Thường vụ Thành uỷ"), None);
        assert_eq!(id_of(&ward, &city).id, "vn/tu-thanh-pho-quang-ngai/qd/2021/1012");
        // No issuer at all: TU names the province level by itself.
        assert_eq!(
            id_of(&ward, &cite(Some("48-KH/TU"), Some("2022-12-06"), None, None)).id,
            "vn/tu-tinh-quang-ngai/kh/2022/48"
        );
    }

    #[test]
    fn a_local_issuer_without_a_place_stays_a_stub() {
        // The citing document names no province: nothing to infer from.
        let xa = doc("1/KH-UBND", "2024-03-01", "Đảng ủy xã Đồng Tâm");
        let w = id_of(&xa, &cite(Some("1/2007/QĐ-UBND"), Some("2017-01-16"), Some("UBND tỉnh"), None));
        assert!(!w.resolved, "{}", w.id);
        // UBND of unknown level, no issuer printed.
        let w = id_of(&xa, &cite(Some("5451/UBND-CNXD"), Some("2018-09-10"), None, None));
        assert!(!w.resolved);
        // Two provinces named: ambiguous, so no guess.
        let mut two = doc("7/KH-BCĐ", "2024-01-01", "Ban Chỉ đạo");
        two.recipients = vec!["UBND tỉnh Quảng Ngãi".into(), "UBND tỉnh Bình Định".into()];
        assert!(!id_of(&two, &cite(Some("3/KH-UBND"), Some("2023-01-01"), Some("UBND tỉnh"), None)).resolved);
        // The citing document's own province wins over others it mentions.
        let mut own = doc("7/KH-UBND", "2024-01-01", "Ủy ban nhân dân tỉnh Quảng Ngãi");
        own.recipients = vec!["UBND tỉnh Bình Định".into()];
        let w = id_of(&own, &cite(Some("3/KH-UBND"), Some("2023-01-01"), Some("UBND tỉnh"), None));
        assert_eq!(w.id, "vn/ubnd-tinh-quang-ngai/kh/2023/3");
    }

    #[test]
    fn name_only_citations_are_stubs_of_their_citing_document() {
        let a = doc("16/KH-MTTQ-BTT", "2025-11-18", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh");
        let b = doc("560/UBND", "2022-03-28", "Ủy ban nhân dân thị xã Đức Phổ");
        let law = cite(None, None, None, Some("Luật Thực hiện dân chủ ở cơ sở"));
        let (wa, wb) = (id_of(&a, &law), id_of(&b, &law));
        assert!(!wa.resolved && !wb.resolved);
        assert_ne!(wa.id, wb.id, "two citers' stubs are never merged");
        assert!(wa.id.ends_with(":luat-thuc-hien-dan-chu-o-co-so"), "{}", wa.id);
    }

    #[test]
    fn a_document_without_symbol_is_a_stub_keyed_by_its_file() {
        let d = Document { issuer: Some("Đảng ủy xã Đồng Tâm".into()), ..Default::default() };
        assert_eq!(document_id(&d, &DocumentContext::of(&d), "abc", 2), WorkId::stub("abc:2".into()));
    }

    #[test]
    fn places_are_read_from_names() {
        let p = |t: &str| named_levels(t).into_iter().map(|n| (n.level, n.name)).collect::<Vec<_>>();
        assert_eq!(p("UBND tỉnh Quảng Ngãi"), [(Level::Tinh, Some("quang-ngai".into()))]);
        assert_eq!(p("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"), [(Level::Tinh, Some("quang-ngai".into()))]);
        assert_eq!(p("UBND TP. Quảng Ngãi"), [(Level::ThanhPho, Some("quang-ngai".into()))]);
        assert_eq!(p("Ban Thường vụ Tỉnh ủy Lào Cai"), [(Level::Tinh, Some("lao-cai".into()))]);
        assert_eq!(p("Ban Thường vụ Thành uỷ"), [(Level::ThanhPho, None)]);
        assert_eq!(p("UBND các xã, phường"), [(Level::Xa, None), (Level::Phuong, None)]);
        assert_eq!(p("Ủy ban nhân dân phường 1"), [(Level::Phuong, Some("1".into()))]);
    }

    #[test]
    fn mention_sentences_name_places_too() {
        let mut d = doc("3/KH-UBND", "2024-01-01", "Ủy ban nhân dân xã Đồng Tâm");
        let mut c = cite(Some("1/2007/QĐ-UBND"), None, Some("UBND tỉnh"), None);
        c.mentions.push(Mention {
            span: Default::default(),
            sentence: "Thực hiện Quyết định số 01/2007/QĐ-UBND của UBND tỉnh Vĩnh Phúc".into(),
            pinpoint: None,
        });
        d.citations.push(c.clone());
        assert_eq!(id_of(&d, &c).id, "vn/ubnd-tinh-vinh-phuc/qd/2007/1");
    }

    #[test]
    fn queries_read_as_people_type_them() {
        let key = |s| Some(DocumentQuery::Symbol(symbol_key(s).unwrap()));
        assert_eq!(parse_query("Kết luận 114-KL/TW"), key("114-KL/TW"));
        assert_eq!(parse_query("114-KL/TW"), key("114-KL/TW"));
        assert_eq!(parse_query("114 KL/TW"), key("114-KL/TW"));
        assert_eq!(parse_query("Kế hoạch số 053/KH-UBND"), key("53/KH-UBND"));
        assert_eq!(parse_query("04/2015/ND-CP"), key("4/2015/NĐ-CP"));
        assert_eq!(parse_query("kl 114"), Some(DocumentQuery::Number { number: 114, kinds: vec!["KL".into()] }));
        assert_eq!(parse_query("Kết luận 114"), Some(DocumentQuery::Number { number: 114, kinds: vec!["KL".into()] }));
        assert_eq!(parse_query("vn/tw/kl/2015/114"), Some(DocumentQuery::Id("vn/tw/kl/2015/114".into())));
        assert_eq!(parse_query("1'; DROP TABLE documents;--"), key("1'; DROP TABLE documents;--"));
        assert_eq!(parse_query("xyz abc"), None);
    }

    #[test]
    fn grammar_rows_carry_examples_that_parse() {
        for row in grammar_rows(ISSUER_CODES_TSV) {
            assert_eq!(row.len(), 5, "{row:?}");
            for ex in row[4].split("; ") {
                let sym = parse_symbol(ex).unwrap_or_else(|| panic!("{ex} parses"));
                let found = sym.issuers.iter().any(|i| issuer_code(i) == issuer_code(row[0]));
                assert!(found, "{ex} carries the code {}", row[0]);
            }
        }
        for row in grammar_rows(DOC_TYPE_CODES_TSV) {
            assert_eq!(row.len(), 3, "{row:?}");
            for word in row[1].split('|') {
                assert!(type_codes_for_word(word).contains(&row[0]), "{word} → {}", row[0]);
            }
            for ex in row[2].split("; ") {
                let sym = parse_symbol(ex).unwrap_or_else(|| panic!("{ex} parses"));
                // A Quốc hội symbol prints no type code (`45/2019/QH14` is a Bộ luật).
                if let Some(kind) = sym.kind {
                    assert_eq!(type_code(&kind), Some(row[0]), "{ex}");
                }
            }
        }
    }

    #[test]
    fn fold_and_slug() {
        assert_eq!(fold("Thành uỷ"), fold("Thành ủy"));
        assert_eq!(slug("Quảng  Ngãi"), "quang-ngai");
        assert_eq!(slug("NĐ"), "nd");
        assert_eq!(symbol_key("114 - KL/TW"), symbol_key("114-KL/TW"));
        assert_ne!(symbol_key("53/KH-UBND"), symbol_key("54/KH-UBND"));
    }
}
