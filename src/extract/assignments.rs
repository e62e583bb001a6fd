//! Assignments: which unit must do what, in which role.
//!
//! Owns the role triggers of plans and letters (`grammars/roles.tsv`): labelled
//! lines ("- Đơn vị thực hiện: …", "- Chỉ đạo thực hiện: …"), phrases the unit
//! follows ("Giao …", "phối hợp với …", "(qua …)", "báo cáo … về …") or precedes
//! ("… chủ trì", "… có trách nhiệm"), a unit that opens a task sentence, and a
//! unit named as a section heading (the items of "Tổ chức thực hiện"). Unit
//! names are read word by word: they open with a head word ("Sở", "Ủy ban",
//! "các cơ quan"), end at a stop word (a verb, "để", "theo") or punctuation, and
//! a list splits where the next piece opens a new capitalized unit, so "Ủy ban
//! nhân dân các huyện, thị xã, thành phố" stays one unit and "Thường trực HĐND,
//! UBND, Ủy ban MTTQ tỉnh" is three. Hands on one assignment per (section, unit, role).

use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Assignment, Role, Section};
use crate::extract::sections::{self, Outline};
use crate::grammar::{self, char_case};
use crate::span::Span;

/// What a row of `grammars/roles.tsv` is (its header comment says each in full).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// A "Label:" line whose value lists units.
    Label,
    /// The unit follows the phrase ("Giao …").
    Before,
    /// The unit precedes the phrase ("… chủ trì").
    After,
    /// A word a unit name opens with.
    Head,
    /// A word where a unit name ends.
    Stop,
    /// A phrase inside a unit name that holds a stop word ("Ban Chỉ đạo").
    Name,
    /// A phrase that is no unit though it opens with a head word.
    Not,
    /// A head word that opens a task sentence as a verb.
    Verbal,
    /// A clause that describes the unit before it when no verb follows.
    Relative,
    /// An opening phrase after which the subject follows a comma.
    Intro,
    /// A heading phrase after which the rest of the heading names the unit.
    Owner,
    /// A verb that ends a unit and tells what it did or received, not what it must do.
    Narrative,
    /// A word between any trigger and its unit ("giao cho X", "phối hợp ngay với X").
    Object,
    /// A direction word between a trigger that is no lead and its unit ("gửi về X").
    Toward,
    /// A verb of sending: after one, a direction word alone reaches an addressee
    /// ("gửi báo cáo kết quả đến X").
    Sending,
    /// A word for a person before the office held ("Đồng chí Phó Chủ tịch").
    Person,
    /// A phrase that places a unit by the area it serves ("các xã trên địa bàn").
    Area,
    /// The full name of a standing body ("Sở Tài chính"): a name that reached it ends before
    /// a lower-case word that does not place or list it ("Sở Tài chính soạn thảo").
    Whole,
    /// The title of an office a person holds ("Thủ trưởng", "Chủ tịch"): it governs bodies.
    Title,
    /// Those who act as themselves ("cá nhân"), whom no title governs: after "và" in a
    /// unit that opens with a title they are a unit of their own.
    Individual,
    /// A heading whose items say whom the text concerns, not who acts ("Đối tượng áp dụng").
    Scope,
    /// A board named for the field it serves after "về" ("Ban Chỉ đạo liên ngành về an toàn
    /// thực phẩm"), where "về" would end another unit's name.
    Field,
    /// A person's office ("Phó Bí thư"): "phụ trách" after it names the portfolio held,
    /// which goes on the unit's name ("Phó Bí thư phụ trách phong trào").
    Office,
    /// A clause that says which of the units are meant ("các xã nơi có rừng", "Đảng ủy các
    /// xã được kiểm tra"): the unit's name goes on through it, stop words and all.
    Qualifier,
}

impl RoleKind {
    const COUNT: usize = 24;

    fn parse(kind: &str) -> RoleKind {
        match kind {
            "label" => RoleKind::Label,
            "before" => RoleKind::Before,
            "after" => RoleKind::After,
            "head" => RoleKind::Head,
            "stop" => RoleKind::Stop,
            "name" => RoleKind::Name,
            "not" => RoleKind::Not,
            "verbal" => RoleKind::Verbal,
            "relative" => RoleKind::Relative,
            "intro" => RoleKind::Intro,
            "owner" => RoleKind::Owner,
            "narrative" => RoleKind::Narrative,
            "object" => RoleKind::Object,
            "toward" => RoleKind::Toward,
            "sending" => RoleKind::Sending,
            "person" => RoleKind::Person,
            "area" => RoleKind::Area,
            "whole" => RoleKind::Whole,
            "title" => RoleKind::Title,
            "individual" => RoleKind::Individual,
            "scope" => RoleKind::Scope,
            "field" => RoleKind::Field,
            "office" => RoleKind::Office,
            "qualifier" => RoleKind::Qualifier,
            other => panic!("grammars/roles.tsv: unknown kind {other:?}"),
        }
    }
}

/// One row of `grammars/roles.tsv`.
#[derive(Debug)]
pub struct RoleRow {
    /// What the row is.
    pub kind: RoleKind,
    /// The role a trigger gives (`None` for word lists).
    pub role: Option<Role>,
    /// The phrase, lower case, as words.
    pub words: Vec<String>,
    /// An example sentence that contains the phrase.
    pub example: String,
}

/// The rows of `grammars/roles.tsv`.
pub static ROLES: LazyLock<Vec<RoleRow>> = LazyLock::new(|| {
    include_str!("../../grammars/roles.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let role = match *cols.get(1)? {
                "lead" => Some(Role::Lead),
                "support" => Some(Role::Support),
                "direct" => Some(Role::Direct),
                "report_to" => Some(Role::ReportTo),
                _ => None,
            };
            Some(RoleRow {
                kind: RoleKind::parse(cols[0]),
                role,
                words: words_of(cols.get(2)?),
                example: cols.get(3).unwrap_or(&"").to_string(),
            })
        })
        .collect()
});

/// [`ROLES`] by first word and kind. A token looks its word up once ([`Token::first_of`]);
/// each look-up of a kind at that token then reads the few rows that can match there.
struct RoleIndex {
    ids: FirstWords,
    rows: Vec<[Vec<&'static RoleRow>; RoleKind::COUNT]>,
}

static ROLE_INDEX: LazyLock<RoleIndex> = LazyLock::new(|| {
    let mut index = RoleIndex { ids: FirstWords::default(), rows: vec![] };
    for r in ROLES.iter() {
        let first = r.words.first().expect("grammars/roles.tsv: a row without a phrase").as_str();
        let next = index.rows.len() as u32;
        let id = index.ids.get(first).unwrap_or_else(|| index.ids.insert(first, next));
        if id == next {
            index.rows.push(Default::default());
        }
        index.rows[id as usize][r.kind as usize].push(r);
    }
    index
});

/// The first words of the rows and their ids. Every token of every paragraph is looked
/// up here and nearly two in three are no first word, so a word is not hashed: its
/// length and its first, second and last bytes pick a slot of a table, which holds
/// the one or two first words that share them (a hash map's look-up was a fifth of
/// tokenizing).
struct FirstWords {
    slots: Vec<Vec<(&'static str, u32)>>,
}

impl FirstWords {
    const SLOTS: usize = 4096;

    fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        let byte = |i: usize| b.get(i).map_or(0, |&c| c as usize);
        let h = ((byte(0) * 31 + byte(1)) * 31 + byte(b.len().wrapping_sub(1))) * 31 + b.len();
        (h ^ (h >> 12)) % FirstWords::SLOTS
    }

    fn get(&self, word: &str) -> Option<u32> {
        self.slots[FirstWords::slot(word)].iter().find(|(w, _)| *w == word).map(|&(_, id)| id)
    }

    fn insert(&mut self, word: &'static str, id: u32) -> u32 {
        self.slots[FirstWords::slot(word)].push((word, id));
        id
    }
}

impl Default for FirstWords {
    fn default() -> FirstWords {
        FirstWords { slots: vec![vec![]; FirstWords::SLOTS] }
    }
}

/// A token of a paragraph: its lower-case text, its first letter's case, its span.
#[derive(Debug)]
struct Token<'p> {
    /// Borrowed from the paragraph when it is lower case already, as most words are.
    lower: Cow<'p, str>,
    upper: bool,
    /// Every letter capitalized: an abbreviation ("UBND", "MTTQ").
    caps: bool,
    start: usize,
    end: usize,
    /// The token's entry in [`ROLE_INDEX`], if a row opens with it.
    first_of: Option<u32>,
    /// Where the line that holds the token starts.
    line_from: usize,
}

/// Words (runs of letters, digits, "/", "&") and single other characters (a dash,
/// a punctuation mark), spaces skipped.
fn words_of(s: &str) -> Vec<String> {
    token_spans(s).map(|t| grammar::lower_case(&s[t.start..t.end])).collect()
}

/// Where a token stands and how its letters are cased, read in the same pass.
struct TokenSpan {
    start: usize,
    end: usize,
    /// Lowering it changes nothing.
    lowered: bool,
    /// Every letter capitalized.
    caps: bool,
    /// The first char is a capital.
    upper: bool,
    /// Where the line that holds the token starts.
    line_from: usize,
}

fn token_spans(p: &str) -> impl Iterator<Item = TokenSpan> + '_ {
    let bytes = p.as_bytes();
    let mut at = 0;
    let mut line_from = 0;
    std::iter::from_fn(move || {
        let c = loop {
            let c = char_at(p, at)?;
            if !c.is_whitespace() {
                break c;
            }
            at += c.len_utf8();
            if c == '\n' {
                line_from = at;
            }
        };
        let first = char_case(c);
        let mut t = TokenSpan {
            start: at,
            end: at + c.len_utf8(),
            lowered: first.own_lower,
            caps: first.capital || !first.letter,
            upper: first.capital,
            line_from,
        };
        at = t.end;
        if is_word_char(c) {
            // Bytes, not chars: most of a word is ASCII and needs no decoding.
            loop {
                match bytes.get(at) {
                    Some(b'a'..=b'z') => t.caps = false,
                    Some(b'A'..=b'Z') => t.lowered = false,
                    Some(b'0'..=b'9' | b'/' | b'&') => {}
                    Some(0x80..) => {
                        let d = char_at(p, at).expect("a char starts here");
                        if !is_word_char(d) {
                            break;
                        }
                        let case = char_case(d);
                        t.lowered &= case.own_lower;
                        t.caps &= case.capital || !case.letter;
                        at += d.len_utf8();
                        continue;
                    }
                    _ => break,
                }
                at += 1;
            }
            t.end = at;
        }
        Some(t)
    })
}

/// The char that starts at byte `at` of `p`; ASCII without decoding.
#[inline]
fn char_at(p: &str, at: usize) -> Option<char> {
    match *p.as_bytes().get(at)? {
        b @ 0..0x80 => Some(b as char),
        _ => p[at..].chars().next(),
    }
}

/// The tokens of a paragraph with their role rows. Every paragraph passes here,
/// which makes it the hot loop of assignments: case is read while the token is.
fn tokens(p: &str) -> Vec<Token<'_>> {
    // Vietnamese syllables are short: a token per ~4 bytes, so the vector never regrows.
    let mut out = Vec::with_capacity(p.len() / 4 + 1);
    let index = &*ROLE_INDEX;
    for t in token_spans(p) {
        let text = &p[t.start..t.end];
        let lower = if t.lowered { Cow::Borrowed(text) } else { Cow::Owned(grammar::lower_case(text)) };
        out.push(Token {
            first_of: index.ids.get(&lower),
            lower,
            upper: t.upper,
            caps: t.caps,
            start: t.start,
            end: t.end,
            line_from: t.line_from,
        });
    }
    out
}

/// A letter or digit (`\p{L}`, `\p{N}`), "/" or "&": what a word is made of. Latin
/// letters, which are nearly all of Vietnamese text, are answered without a table.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '/' | '&' => true,
        '\u{0}'..='\u{BF}' => !c.is_ascii() && is_letter_or_number(c),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => is_letter_or_number(c),
    }
}

fn is_letter_or_number(c: char) -> bool {
    static LETTER_OR_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]$").unwrap());
    LETTER_OR_NUMBER.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Whether the rows of `kind` have a phrase at token `i`; the longest one's length.
/// Inlined: the readings ask it of nearly every token, and most have no row at all.
#[inline]
fn phrase_at(toks: &[Token], i: usize, kind: RoleKind) -> Option<usize> {
    rows_at(toks, i, kind).map(|r| r.words.len()).max()
}

/// The rows of `kind` whose phrase stands at token `i`, in grammar order.
fn rows_at<'t>(toks: &'t [Token<'_>], i: usize, kind: RoleKind) -> impl Iterator<Item = &'static RoleRow> + 't {
    let rows =
        toks.get(i).and_then(|t| t.first_of).map_or(&[][..], |id| &ROLE_INDEX.rows[id as usize][kind as usize][..]);
    rows.iter().copied().filter(move |r| {
        r.words.len() <= toks.len() - i && r.words[1..].iter().zip(&toks[i + 1..]).all(|(w, t)| *w == t.lower)
    })
}

/// Where a unit may open at `i`: after "các"/"những", at a head word that is not a non-unit phrase.
fn opens_unit(toks: &[Token], i: usize) -> bool {
    let j = if toks.get(i).is_some_and(|t| t.lower == "các" || t.lower == "những") { i + 1 } else { i };
    j < toks.len()
        && phrase_at(toks, j, RoleKind::Head).is_some()
        && phrase_at(toks, i, RoleKind::Not).is_none()
        && phrase_at(toks, j, RoleKind::Not).is_none()
}

/// Whether a list goes on at `i` with a new unit: a capitalized head, or "các"/"những" and a head.
fn opens_next_unit(toks: &[Token], i: usize) -> bool {
    let plural = toks.get(i).is_some_and(|t| t.lower == "các" || t.lower == "những");
    opens_unit(toks, i) && (plural || toks[i].upper)
}

/// Whether individuals ("cá nhân", "tổ chức, cá nhân") open at `i` after a unit that opens
/// with a title: "Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan" are the heads of
/// the bodies, and the individuals themselves, for a title governs no person.
fn individuals_after_title(toks: &[Token], start: usize, i: usize) -> bool {
    let mut s = start;
    if toks.get(s).is_some_and(|t| matches!(&*t.lower, "các" | "những")) {
        s += 1;
    }
    s += phrase_at(toks, s, RoleKind::Person).unwrap_or(0);
    let plural = usize::from(toks.get(i).is_some_and(|t| matches!(&*t.lower, "các" | "những")));
    phrase_at(toks, s, RoleKind::Title).is_some() && phrase_at(toks, i + plural, RoleKind::Individual).is_some()
}

/// Whether token `i` lies inside a name phrase ("Ban Chỉ đạo", "bầu cử", "cùng cấp")
/// that opens between `start` and `i` itself: its verbs are part of the unit's name.
fn inside_name(toks: &[Token], start: usize, i: usize) -> bool {
    (start..=i).any(|k| name_at(toks, k).is_some_and(|n| k + n > i))
}

/// Whether the word at byte `at` of `text` lies inside a name phrase (a `name` row) that
/// opened before it: the "và" of "Văn phòng HĐND và UBND huyện", one office where another
/// reader would see two bodies.
pub fn within_name_phrase(text: &str, at: usize) -> bool {
    let toks = tokens(text);
    toks.iter().position(|t| t.start >= at).is_some_and(|k| k > 0 && inside_name(&toks, 0, k))
}

/// Whether `text` opens with a stop phrase of roles.tsv, a verb that no name goes on with
/// ("đăng ký mô hình …" after "Luật Thực hiện dân chủ ở cơ sở và").
pub fn opens_with_stop(text: &str) -> bool {
    let toks = tokens(&text[..text.floor_char_boundary(text.len().min(60))]);
    !toks.is_empty() && phrase_at(&toks, 0, RoleKind::Stop).is_some()
}

/// The length of the name phrase (a `name` row) that opens at `k`, if one does. The
/// capitalized part after a dash of a compound name opens none that takes in a trigger:
/// "Phòng Tài chính - Kế hoạch phối hợp với …" holds no "kế hoạch phối hợp" (where
/// "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên" is one name).
#[inline]
fn name_at(toks: &[Token], k: usize) -> Option<usize> {
    // Asked of every token before every token of a unit's name: the phrase look-up first.
    let n = phrase_at(toks, k, RoleKind::Name)?;
    let compound_part = k > 0 && toks[k].upper && matches!(&*toks[k - 1].lower, "-" | "–");
    (!(compound_part && (k + 1..k + n).any(|j| phrase_at(toks, j, RoleKind::Before).is_some()))).then_some(n)
}

/// Whether "thực hiện" at `i` goes on a name phrase that ends there with what the body
/// carries out, a document named in capitals: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ
/// sở xã" is one board; "Ban Chỉ đạo thực hiện tốt …" is the board, then its verb, and so
/// is "Ban Chỉ đạo thực hiện Kế hoạch này", the document itself.
fn names_its_subject(toks: &[Token], start: usize, i: usize) -> bool {
    toks[i].lower == "thực"
        && toks.get(i + 1).is_some_and(|t| t.lower == "hiện")
        && toks.get(i + 2).is_some_and(|t| t.upper)
        && !toks[i + 2..].iter().take(4).any(|t| t.lower == "này")
        && (start..i).any(|k| name_at(toks, k) == Some(i - k))
}

/// What a report is about, after "về" ("báo cáo Ban Chỉ đạo tỉnh về kết quả …"): never a
/// board's field.
const REPORTED: [&str; 12] = ["kết", "tình", "việc", "tiến", "nội", "các", "những", "số", "công", "kế", "khó", "đề"];

/// Whether "về" at `i` goes on the name of a board named for its field, which opens the unit
/// (a `field` row): "Ban Chỉ đạo liên ngành Trung ương về an toàn thực phẩm", once, and with a
/// field that opens no unit — a unit after it is where a report goes ("về Sở Y tế"), while a
/// field is often capitalized in a board's formal name ("Ban Chỉ đạo quốc gia về Phòng, chống
/// thiên tai") — and what a report is about is no field ([`REPORTED`]).
fn names_its_field(toks: &[Token], start: usize, i: usize) -> bool {
    let s = start + usize::from(matches!(&*toks[start].lower, "các" | "những"));
    toks[i].lower == "về"
        && phrase_at(toks, s, RoleKind::Field).is_some()
        && !toks[s..i].iter().any(|t| t.lower == "về")
        && toks.get(i + 1).is_some_and(|t| t.lower.chars().all(grammar::is_letter) && !REPORTED.contains(&&*t.lower))
        && !opens_next_unit(toks, i + 1)
}

/// Whether "phụ trách" at `i` opens the portfolio of the office the unit opens with (an
/// `office` row): "Phó Chủ tịch Hội phụ trách kinh tế chỉ đạo", where a body's "phụ trách"
/// is its verb ("Công an phường phụ trách"). Printed straight after the office: after a comma
/// it is an aside on the person. A portfolio is a lower-case word that ends no name ("Phó
/// Chủ tịch phụ trách chỉ đạo" holds none) and deals out no places ("Thành viên Ban Chỉ đạo
/// phụ trách từng xã" is the member who acts there).
fn opens_portfolio(toks: &[Token], start: usize, i: usize) -> bool {
    let s = start + usize::from(matches!(&*toks[start].lower, "các" | "những"));
    let s = s + phrase_at(toks, s, RoleKind::Person).unwrap_or(0);
    toks[i].lower == "phụ"
        && toks.get(i + 1).is_some_and(|t| t.lower == "trách")
        && i > 0
        && toks[i - 1].lower != ","
        && phrase_at(toks, s, RoleKind::Office).is_some()
        && toks.get(i + 2).is_some_and(|t| !t.upper && t.lower.chars().all(grammar::is_letter))
        && !matches!(&*toks[i + 2].lower, "từng" | "các" | "những" | "mỗi")
        && phrase_at(toks, i + 2, RoleKind::Stop).is_none()
        && phrase_at(toks, i + 2, RoleKind::Narrative).is_none()
}

/// Whether the stop word at `i` links the name to a unit it belongs to
/// ("các thành viên trong Tiểu ban", "các phòng thuộc Văn phòng UBND tỉnh").
/// Likewise a relative clause that describes the unit ("các cơ quan được giao quản lý tài
/// sản"), unless a verb follows it ("được giao chủ trì"), and a head word that goes on a
/// list after a comma ("các cơ quan, tổ chức").
fn links_unit(toks: &[Token], i: usize) -> bool {
    if matches!(&*toks[i].lower, "trong" | "thuộc") && opens_unit(toks, i + 1) {
        return true;
    }
    if i > 0 && toks[i - 1].lower == "," && opens_unit(toks, i) {
        return true;
    }
    phrase_at(toks, i, RoleKind::Relative).is_some_and(|n| {
        toks.get(i + n).is_some_and(|t| t.lower.chars().all(grammar::is_letter_or_digit))
            && phrase_at(toks, i + n, RoleKind::Stop).is_none()
    })
}

/// Whether the unit read so far (`start..end`) is a proper name: capitalized, with no
/// plural word ("Bộ Tài chính", "UBND") — a head word after it opens another unit
/// ("Bộ Tài chính và cơ quan có thẩm quyền"), where "các sở, ban, ngành" goes on.
fn proper_name(toks: &[Token], start: usize, end: usize) -> bool {
    toks[start].upper
        && toks[start..end].iter().all(|t| !matches!(&*t.lower, "các" | "những" | "," | "-" | "–"))
        && phrase_at(toks, start, RoleKind::Head).is_some_and(|n| end > start + n || toks[start].caps)
}

/// Whether token `i` opens a table cell: it opens a line with a capital after a short line,
/// as the cells of a table converted to text are printed one under the other ("Bộ Tài
/// chính\nBộ Khoa học và\nCông nghệ\nCơ quan, tổ chức"). Wrapped prose lines are longer.
fn new_cell(toks: &[Token], i: usize) -> bool {
    const CELL_WIDTH: usize = 40;
    let (prev, t) = (&toks[i - 1], &toks[i]);
    let wraps = matches!(&*prev.lower, "và" | "," | "-" | "–");
    t.upper && !wraps && t.line_from > prev.line_from && prev.end - prev.line_from < CELL_WIDTH
}

/// Whether a plural opens the piece at `i` ("MTTQ, các ngành", "các tổ chức chính trị - xã
/// hội, các thôn"): a list goes on within one unit by bare words ("các huyện, thị xã"), so a
/// piece that opens with its own "các"/"những" is a unit of its own, head word or not.
fn plural_piece(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| matches!(&*t.lower, "các" | "những"))
        && toks.get(i + 1).is_some_and(|t| t.lower.chars().all(grammar::is_letter_or_digit))
}

/// Whether a head in lower case at `k`, after a list word, opens a unit of its own: one
/// that repeats after "và" a head of the unit read from `start` ("các Tổ đại biểu và đại
/// biểu Hội đồng nhân dân tỉnh", "trường THCS và trường THPT"; a comma lists the kinds of one
/// collective: "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"), or one named after its head like
/// that unit is ("Các trường THPT, trung tâm GDNN-GDTX"). Never a level of place ("UBND
/// các xã, phường"), nor the members of a bare plural ("các cơ quan, đơn vị").
fn another_named_unit(toks: &[Token], start: usize, k: usize) -> bool {
    let Some(n) = phrase_at(toks, k, RoleKind::Head) else { return false };
    if toks[k].upper || opens_level(&toks[k]) || !opens_unit(toks, k) {
        return false;
    }
    let head = &toks[k..k + n];
    let repeats = toks[k - 1].lower == "và"
        && (start..k - 1)
            .filter(|&j| j + n < k)
            .any(|j| toks[j..j + n].iter().zip(head).all(|(a, b)| a.lower == b.lower));
    let s = start + usize::from(matches!(&*toks[start].lower, "các" | "những"));
    let named = |s: usize, end: usize| {
        phrase_at(toks, s, RoleKind::Head).is_some_and(|m| s + m < end && toks[s + m].upper)
            && toks[s..end].iter().all(|t| !matches!(&*t.lower, "," | ";" | "và"))
    };
    repeats || (named(s, k - 1) && toks.get(k + n).is_some_and(|t| t.upper))
}

/// Whether the list word at `i` goes on a plural of bare head words ("Giám đốc các Sở,
/// Ban, ngành"): the unit so far ends in "các" and one head word, and the next piece is a
/// head word alone, capitalized or not. "các Sở, Ủy ban nhân dân các huyện" splits.
fn collective_goes_on(toks: &[Token], start: usize, i: usize) -> bool {
    ends_in_bare_plural(toks, start, i)
        && phrase_at(toks, i + 1, RoleKind::Head) == Some(1)
        && toks.get(i + 2).is_none_or(|t| matches!(&*t.lower, "," | "và" | ";" | "."))
}

/// Whether the tokens from `start` end before `end` in "các"/"những" and one head word
/// ("Giám đốc các Sở"): a plural whose members a list after it names.
fn ends_in_bare_plural(toks: &[Token], start: usize, end: usize) -> bool {
    end >= start + 2
        && matches!(&*toks[end - 2].lower, "các" | "những")
        && phrase_at(toks, end - 1, RoleKind::Head) == Some(1)
}

/// Whether a bare area phrase at `i` (an `area` row: "trên địa bàn") tells where the task
/// is done, not which unit: the unit so far already ends in its level of place ("Ủy ban
/// nhân dân các xã, phường, thị trấn trên địa bàn tổ chức …"). With a place after it ("trên
/// địa bàn huyện") or after a unit that names none ("các cơ quan, đơn vị trên địa bàn") it
/// stays in the name.
fn placed_already(toks: &[Token], start: usize, i: usize) -> bool {
    // Asked at every token of a unit's name: the cheap test first, the rest only on an area phrase.
    let Some(area) = phrase_at(toks, i, RoleKind::Area).filter(|_| i > start) else { return false };
    let place_follows = || toks.get(i + area).is_some_and(|t| t.upper || opens_level(t));
    level_before(toks, i) && !place_follows()
}

/// The words of each level of place, spelled: asked at most tokens of every unit's name,
/// so split once.
static LEVEL_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| grammar::LEVELS_OF_PLACE_SPELLED.iter().map(|l| l.split(' ').collect()).collect());

/// Whether the tokens from `k` on are a level of place, tone marks and all ("thanh tra" is none).
fn level_at(toks: &[Token], k: usize) -> bool {
    LEVEL_WORDS.iter().any(|words| {
        toks.len() >= k + words.len() && toks[k..k + words.len()].iter().zip(words).all(|(t, w)| &*t.lower == *w)
    })
}

/// Whether the tokens right before `k` are a level of place ("tỉnh", "thị xã"), tone
/// marks and all: folded, "quận" would be "quân sự" and "cơ quan".
fn level_before(toks: &[Token], k: usize) -> bool {
    LEVEL_WORDS.iter().any(|words| {
        k >= words.len()
            && words.last().is_some_and(|w| *w == &*toks[k - 1].lower)
            && toks[k - words.len()..k].iter().zip(words).all(|(t, w)| &*t.lower == *w)
    })
}

/// Whether a name that reached a level of place ends before the lower-case word at `i`
/// ("Kho bạc Nhà nước tỉnh kiểm soát …", "Văn phòng UBND tỉnh thông báo …"): after its
/// level a name goes on only with the place's name, a list ("các huyện, thị xã", "tỉnh các
/// huyện" as printed), a word the level word is part of ("xã hội", "tỉnh ủy"), or what
/// places the level ("thành phố trực thuộc Trung ương", "cấp huyện trở lên").
///
/// The same after the place's name ("UBND thị trấn Hưng Hóa khảo sát …"): its capitalized
/// words right after the level.
fn ends_at_level(toks: &[Token], start: usize, i: usize) -> bool {
    let named_place = toks[start..i].iter().rev().take_while(|t| t.upper).count();
    let level_at = if named_place > 0 && !toks[i].upper { i - named_place } else { i };
    // A name goes on with a list, a word the level is part of, or what places the level.
    let goes_on = matches!(
        &*toks[i].lower,
        "và" | "hoặc" | "các" | "những" | "hội" | "ủy" | "uỷ" | "đoàn" | "đội" | "trực" | "thuộc" | "trở"
    );
    if goes_on || !toks[i].lower.chars().all(grammar::is_letter) {
        return false;
    }
    if let Some(ends) = head_name_end(toks, start, i) {
        return ends;
    }
    // A level word that ends a head ("Liên minh Hợp tác xã") is no level: the name takes
    // its place after it ("… Hợp tác xã tỉnh").
    level_at > start + 1 && level_before(toks, level_at) && !(ends_head(toks, level_at) && opens_level(&toks[i]))
}

/// Whether the level word before `k` ends a head of three words or more ("Hợp tác xã",
/// "Thông tấn xã"): no level then, but a body named after it. A level that is a head
/// itself ("thị trấn") is still a level.
fn ends_head(toks: &[Token], k: usize) -> bool {
    (k.saturating_sub(4)..k.saturating_sub(2)).any(|j| phrase_at(toks, j, RoleKind::Head) == Some(k - j))
}

/// After such a head and its proper name, whether the lower-case word at `i` ends the
/// name (`None` when no such head comes before): a word between two capitalized ones
/// belongs to it ("Hợp tác xã Nông nghiệp Ea Kiết kết nối …" ends before "kết").
fn head_name_end(toks: &[Token], start: usize, i: usize) -> Option<bool> {
    let mut k = i;
    while k > start + 1 && (toks[k - 1].upper || toks[k].upper && toks[k - 2].upper) {
        k -= 1;
    }
    (k < i && ends_head(toks, k) && level_before(toks, k)).then(|| !toks.get(i + 1).is_some_and(|t| t.upper))
}

/// Whether the name read from `start` ends in the full name of a standing body (a `whole` row
/// of roles.tsv) right before the lower-case word at `i`, which then opens the predicate: no
/// verb list can be complete ("Sở Tài chính soạn thảo, đề xuất"). The name goes on with its
/// place ("Sở Tài chính tỉnh", "Ban Dân vận huyện ủy"), a list or a link ("Sở Y tế và các
/// đơn vị", "Ban Dân vận các cấp", "Hội Nông dân cùng cấp").
fn ends_at_whole_name(toks: &[Token], start: usize, i: usize) -> bool {
    // Asked at every lower-case token of a unit's name: the last words of the names first.
    static LAST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        ROLES.iter().filter(|r| r.kind == RoleKind::Whole).filter_map(|r| r.words.last()).map(String::as_str).collect()
    });
    let ends_here = |k: usize| rows_at(toks, k, RoleKind::Whole).any(|r| k + r.words.len() == i);
    i > start
        && LAST_WORDS.contains(&*toks[i - 1].lower)
        // "những" lists units after a name only when a unit follows ("báo cáo Thủ tướng Chính
        // phủ những vấn đề phát sinh" reports the matters).
        && (opens_predicate(&toks[i]) || toks[i].lower == "những" && !opens_unit(toks, i))
        && (start..i).rev().take(NAME_WORDS).any(ends_here)
        && !opens_level(&toks[i])
        && !names_region(toks, i)
        // The grassroots body ("Đảng ủy cơ sở", "Hội Nông dân cơ sở"); a committee's "ủy"
        // printed twice ("Đảng ủy ủy") is a slip inside the name.
        && !(toks[i].lower == "cơ" && toks.get(i + 1).is_some_and(|t| t.lower == "sở"))
        && !(matches!(&*toks[i].lower, "ủy" | "uỷ") && toks[i].lower == toks[i - 1].lower)
}

/// Whether the lower-case word after a complete name may open its predicate: a word,
/// and none that lists, links, places or sets the name apart ("Sở Y tế và các đơn vị", "Ban
/// Dân vận các cấp", "Hội Nông dân cùng cấp", "Công an tỉnh trực thuộc", "… người sử dụng
/// lao động khác").
fn opens_predicate(t: &Token) -> bool {
    const GOES_ON: &[&str] =
        &["và", "hoặc", "các", "những", "cấp", "cùng", "của", "thuộc", "trực", "trong", "tại", "ở", "khác"];
    t.lower.chars().all(grammar::is_letter) && !GOES_ON.contains(&&*t.lower)
}

/// Whether a name that is a head and then a proper name of two capitalized words or more,
/// and nothing else, ends before the lower-case word at `i` ("Viettel Kon Tum lắp đặt …",
/// "Tỉnh đoàn Lạng Sơn triển khai …"): a body named in words has a lower-case word after
/// its first capital ("Sở Tài chính", "Ban Quản lý dự án"), a place's name has none. An
/// acronym is no place's name ("Ban QLDA đầu tư xây dựng"), nor are heads and levels.
fn ends_after_proper_name(toks: &[Token], start: usize, i: usize) -> bool {
    let s = start + usize::from(matches!(&*toks[start].lower, "các" | "những"));
    let Some(head) = phrase_at(toks, s, RoleKind::Head) else {
        return false;
    };
    let name = s + head..i;
    // Capitalized heads and levels are a body's or a place's name in words ("Giám đốc Sở
    // Nông nghiệp", "Viện Pasteur Thành phố Hồ Chí Minh").
    let place_word = |k: usize| {
        toks[k].upper && !toks[k].caps && phrase_at(toks, k, RoleKind::Head).is_none() && !opens_level(&toks[k])
    };
    name.len() >= 2 && name.clone().all(place_word) && opens_predicate(&toks[i]) && !opens_level(&toks[i])
}

/// "khu vực XIII", "khu vực 3": the region a body's branch serves, part of its name
/// ("Kho bạc Nhà nước khu vực XIII", "Chi cục Hải quan khu vực VI").
fn names_region(toks: &[Token], i: usize) -> bool {
    toks[i].lower == "khu"
        && toks.get(i + 1).is_some_and(|t| t.lower == "vực")
        && toks.get(i + 2).is_some_and(|t| is_numeral(t))
}

/// The name read from `start` ends before the lower-case word at `i` when a number ends
/// it: a region's ("… khu vực XIII ngay khi …") or a team's ("Tổ công tác số 1 thanh tra
/// …", "Đoàn kiểm tra liên ngành số 2 do …"), unless a place follows ("Trường Tiểu học số 1
/// xã Ea Kly") or the last of a range ("Phòng Giao dịch số 1 đến Phòng Giao dịch số 12").
fn ends_after_number(toks: &[Token], start: usize, i: usize) -> bool {
    let numbered = i >= start + 3
        && toks[i - 2].lower == "số"
        && is_numeral(&toks[i - 1])
        && !level_at(toks, i)
        && !matches!(&*toks[i].lower, "đến" | "tới");
    i >= start + 3 && toks[i].lower.chars().all(grammar::is_letter) && (names_region(toks, i - 3) || numbered)
}

/// A number in figures or in Roman capitals ("3", "XIII").
fn is_numeral(t: &Token) -> bool {
    !t.lower.is_empty()
        && (t.lower.chars().all(|c| c.is_ascii_digit()) || t.upper && t.lower.chars().all(|c| "ivxlc".contains(c)))
}

/// Whether the token is the first word of a level of place ("tỉnh", "thị" of "thị xã"),
/// tone marks and all ("tình hình" opens none), or without any where the text lost them all.
fn opens_level(t: &Token) -> bool {
    static FIRST_WORDS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| grammar::LEVELS_OF_PLACE_SPELLED.iter().filter_map(|l| l.split(' ').next()).collect());
    let first = grammar::fold(&t.lower);
    if first == *t.lower {
        grammar::LEVELS_OF_PLACE.iter().any(|l| l.split(' ').next() == Some(first.as_str()))
    } else {
        FIRST_WORDS.contains(&&*t.lower)
    }
}

/// Where the next unit of a list opens after the parenthesis at `open`, when one does
/// ("báo cáo UBND tỉnh (qua Sở Nội vụ) và Ban Thi đua - Khen thưởng tỉnh": the channel,
/// read by its own trigger, stands between two addressees).
fn unit_after_parenthesis(toks: &[Token], open: usize) -> Option<usize> {
    let close = open + toks[open..].iter().take(NAME_WORDS).position(|t| t.lower == ")")?;
    let list = toks.get(close + 1).is_some_and(|t| matches!(&*t.lower, "và" | ","));
    (list && opens_next_unit(toks, close + 2)).then_some(close + 2)
}

/// The most tokens a unit's name runs to before the reading stops.
const NAME_WORDS: usize = 18;

/// Read the list of units that opens at token `i`: each unit's token range.
/// Returns the units and, when the list ended at a stop word (a verb follows), where.
fn read_units(toks: &[Token], mut i: usize) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut units = vec![];
    if !opens_unit(toks, i) {
        return (units, None);
    }
    let mut start = i;
    let mut at_stop = None;
    // Where the portfolio of an office held began: past it only a stop word ends the name.
    let mut portfolio: Option<usize> = None;
    // Past a colon that lists the names of a plural unit, which may run long.
    let mut listed = false;
    while i < toks.len() {
        let t = &*toks[i].lower;
        // A verb ends the name; the same words capitalized ("Xây dựng", "Thông tin")
        // or right after "các" ("các tổ chức") are part of it.
        let after_plural = i > 0 && matches!(&*toks[i - 1].lower, "các" | "những");
        // A bare "cấp" needs what follows it: "Ban Thường trực … cấp tổ chức hội nghị" names the
        // level that organizes, not a unit "… cấp" that organizes ("cùng cấp", "các cấp" are whole).
        let after_level = i > 1
            && toks[i - 1].lower == "cấp"
            && !matches!(&*toks[i - 2].lower, "cùng" | "các" | "mọi" | "hai" | "ba");
        let in_portfolio = portfolio.is_some_and(|p| p > start);
        // "UBND các xã, phường nơi có rừng": which of them, no verb.
        if let Some(n) = (i > start).then(|| phrase_at(toks, i, RoleKind::Qualifier)).flatten() {
            i += n;
            continue;
        }
        if i > start && !in_portfolio && opens_portfolio(toks, start, i) {
            portfolio = Some(i);
            i += 2;
            continue;
        }
        if i > start
            && (!toks[i].upper || capital_trigger(toks, i))
            && !after_plural
            && !after_level
            && !inside_name(toks, start, i)
            && !names_its_subject(toks, start, i)
            && !names_its_field(toks, start, i)
            && !links_unit(toks, i)
            && (phrase_at(toks, i, RoleKind::Stop).is_some()
                || phrase_at(toks, i, RoleKind::Narrative).is_some()
                || !in_portfolio
                    && (placed_already(toks, start, i)
                        || ends_at_level(toks, start, i)
                        || ends_at_whole_name(toks, start, i)
                        || ends_after_proper_name(toks, start, i)
                        || ends_after_number(toks, start, i)))
        {
            at_stop = Some(i);
            break;
        }
        // A head word alone ("Bộ\nTài chính") is a cell wrapped, not a cell.
        if i > start + 1 && new_cell(toks, i) {
            if !opens_unit(toks, i) {
                break;
            }
            units.push((start, i));
            start = i;
        }
        if matches!(t, "," | ";" | "và" | "hoặc") {
            // A level of place in lower case lists the places of the unit ("UBND xã, phường"),
            // as does a lower-case head word after a bare one ("Ban Công tác Mặt trận ở thôn, tổ dân phố").
            let bare_head = t == "," && !toks[i - 1].upper && phrase_at(toks, i - 1, RoleKind::Head) == Some(1);
            let place = toks.get(i + 1).is_some_and(|n| !n.upper && (opens_level(n) || bare_head));
            let splits = opens_next_unit(toks, i + 1)
                || (proper_name(toks, start, i) && opens_unit(toks, i + 1) && !place)
                || (t == "," && plural_piece(toks, i + 1))
                || another_named_unit(toks, start, i + 1)
                || (t == "và" && individuals_after_title(toks, start, i + 1));
            // "Văn phòng HĐND và UBND huyện" is one office: a name row holds its "và"; a
            // portfolio lists its fields ("phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng").
            if splits && !in_portfolio && !collective_goes_on(toks, start, i) && !inside_name(toks, start, i) {
                units.push((start, i));
                i += 1;
                start = i;
                continue;
            }
            // ", số 02 Trần Phú, …", ", địa chỉ: …": where the unit is, no part of its name.
            if t == ";" || t == "," && starts_address(toks, i + 1) {
                break;
            }
            // "các huyện, thị xã, thành phố": the list belongs to this unit, as does what a
            // name phrase holds after its "và" ("Khoa Kiểm soát bệnh tật và HIV/AIDS").
            if (toks.get(i + 1).is_some_and(|n| n.lower.chars().all(grammar::is_letter_or_digit))
                || inside_name(toks, start, i))
                && i + 1 > start
            {
                i += 1;
                continue;
            }
            break;
        }
        if i > start && names_follow(toks, i) {
            listed = true;
            i += 1;
            continue;
        }
        if let Some(next) = (t == "(" && i > start).then(|| unit_after_parenthesis(toks, i)).flatten() {
            units.push((start, i));
            i = next;
            start = i;
            continue;
        }
        if !t.chars().next().is_some_and(|c| grammar::is_letter_or_digit(c) || c == '-' || c == '–' || c == '/')
            && !inside_name(toks, start, i)
        {
            break;
        }
        if i - start >= NAME_WORDS && !listed {
            break;
        }
        i += 1;
    }
    if i > start {
        units.push((start, i));
    }
    // "Giao Giám đốc: Sở A, Sở B …": a title alone before a colon is whose title the names
    // after it bear, no unit of its own; the names are read as a list of their own.
    if let [(s, e)] = units[..]
        && toks.get(e).is_some_and(|t| t.lower == ":")
        && phrase_at(toks, s, RoleKind::Head) == Some(e - s)
    {
        return (vec![], at_stop);
    }
    // A unit that ends in a list word ("…, thị xã,") drops it.
    let units = units
        .into_iter()
        .map(|(s, mut e)| {
            while e > s && matches!(&*toks[e - 1].lower, "," | "và" | "hoặc" | "-" | "–") {
                e -= 1;
            }
            (s, e)
        })
        .filter(|(s, e)| e > s)
        .collect();
    (drop_appositions(toks, units), at_stop)
}

/// Whether an address opens at token `i`: a house number ("số 02 Trần Phú") or "địa chỉ".
fn starts_address(toks: &[Token], i: usize) -> bool {
    let word = |k: usize| toks.get(i + k).map_or("", |t| &*t.lower);
    word(0) == "số" && word(1).starts_with(|c: char| c.is_ascii_digit()) || (word(0), word(1)) == ("địa", "chỉ")
}

/// Whether a capitalized token opens a trigger of three words or more ("Phối hợp với"):
/// a sentence's verb printed with a capital, which no unit's name holds.
fn capital_trigger(toks: &[Token], i: usize) -> bool {
    rows_at(toks, i, RoleKind::Before).any(|r| r.words.len() >= 3)
}

/// One person named by two titles ("Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy
/// ban MTTQ xã"): the party rank after "Đồng chí" is no unit of its own, the office after
/// the comma is the one that acts. A plural ("Các đồng chí Phó Chủ tịch, Trưởng đoàn thể")
/// is a list.
fn drop_appositions(toks: &[Token], units: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let person = |s: usize| phrase_at(toks, s, RoleKind::Person).is_some();
    let office = |s: usize| toks[s].upper && !matches!(&*toks[s].lower, "các" | "những") && !person(s);
    (0..units.len())
        .filter(|&k| {
            let (s, e) = units[k];
            let next = units.get(k + 1).filter(|n| n.0 == e + 1 && toks[e].lower == ",");
            !(person(s) && next.is_some_and(|n| office(n.0)))
        })
        .map(|k| units[k])
        .collect()
}

/// The units that are the subject of a clause opening at `i`: units, then a verb that is
/// no trigger of its own ("… chủ trì", "… chỉ đạo thực hiện" give their roles themselves;
/// who asks "… đề nghị X", "… yêu cầu X" is not addressed, nor who tells what it did:
/// "… nhận được …", nor who is acted on: "100% cán bộ, công chức được bồi dưỡng").
fn subject_at(toks: &[Token], i: usize) -> Option<Vec<(usize, usize)>> {
    let (units, at_stop) = read_units(toks, i);
    // "X yêu cầu/đề nghị Y …": Y is addressed, not X; "X nhận được …" tells what X did.
    let deferred = at_stop.is_some_and(|k| {
        phrase_at(toks, k, RoleKind::After).is_some()
            || phrase_at(toks, k, RoleKind::Narrative).is_some()
            || toks[k].lower == "giao"
            // The passive, but "X được giao chủ trì" (a relative row) is X's task.
            || toks[k].lower == "được" && phrase_at(toks, k, RoleKind::Relative).is_none()
            || toks.get(k + 1).is_some_and(|n| {
                (toks[k].lower == "yêu" && n.lower == "cầu") || (toks[k].lower == "đề" && n.lower == "nghị")
            })
    });
    // One word is a unit when it is an abbreviation ("MTTQ phối hợp …"), not a bare head word.
    let whole = |&(s, e): &(usize, usize)| {
        e - s >= 2 || (toks[s].caps && toks[s].lower.chars().filter(|&c| grammar::is_letter(c)).count() >= 2)
    };
    (!opens_task(toks, i) && at_stop.is_some() && !deferred && units.iter().all(whole)).then_some(units)
}

/// Whether the colon at `colon` is followed by the person who holds the post before it
/// ("Chủ tịch Hội đồng: Ông Vũ Mạnh Hà - …"): a member list, not a task.
fn names_holder(toks: &[Token], colon: usize) -> bool {
    matches!(toks.get(colon + 1).map(|t| &*t.lower), Some("ông" | "bà")) && toks.get(colon + 2).is_some_and(|t| t.upper)
}

/// The units that head an item before its colon ("- Sở Tài chính: tham mưu bố trí kinh
/// phí"), as a lettered item's heading does: the duties after the colon are theirs.
fn unit_before_colon(toks: &[Token], i: usize) -> Option<Vec<(usize, usize)>> {
    let (units, at_stop) = read_units(toks, i);
    let end = units.last()?.1;
    let whole = |&(s, e): &(usize, usize)| e - s >= 2 || toks[s].caps;
    // "Đơn vị phối hợp:", "Bộ phận thực hiện:" a scan misspelled past the label rows: a
    // label's head opens it, and the units follow the colon, not precede it.
    let label_head = |s: usize| {
        phrase_at(toks, s, RoleKind::Head).is_some_and(|n| {
            ROLES
                .iter()
                .filter(|r| r.kind == RoleKind::Label)
                .any(|r| r.words.len() > n && r.words[..n].iter().zip(&toks[s..s + n]).all(|(w, t)| *w == t.lower))
        })
    };
    let headed = at_stop.is_none() && toks.get(end).is_some_and(|t| t.lower == ":") && !names_holder(toks, end);
    (headed && units.iter().all(whole) && !label_head(i)).then_some(units)
}

/// Whether the sentence at `i` opens with a word that is a verb there though it can head
/// a unit ("Tổ chức hội nghị …"); "Các tổ chức …" is the unit.
fn opens_task(toks: &[Token], i: usize) -> bool {
    phrase_at(toks, i, RoleKind::Verbal).is_some()
}

/// Assignments of one paragraph at offset `base` in the text. `subjects`: whether a unit
/// opening a sentence is read as the one addressed — not in the opening passage, where
/// the issuer says what it does ("Ủy ban nhân dân xã xây dựng Kế hoạch …").
fn read_paragraph(p: &str, toks: &[Token], base: usize, subjects: bool, mut push: impl FnMut(Span, &str, Role)) {
    // A slogan ("… sống mãi trong sự nghiệp của chúng ta!") assigns nothing.
    if p.trim_end().ends_with('!') {
        return;
    }
    let mut emit = |units: Vec<(usize, usize)>, role: Role| push_units(p, base, toks, units, role, &mut push);
    // Skip a bullet or a label ("- ", "2.", "a)").
    let first = first_word(toks);
    let first = if toks.get(first).is_some_and(|t| {
        t.lower.chars().count() == 1 && toks.get(first + 1).is_some_and(|n| n.lower == ")" || n.lower == ".")
    }) {
        first + 2
    } else {
        first
    };
    // A labelled line: the value lists its units.
    if let Some((role, value)) = line_label(toks, first) {
        emit(read_units(toks, value).0, role);
        return;
    }
    for i in 0..toks.len() {
        // The subject of a task sentence: a unit at the start of a sentence, then a verb.
        // A paragraph that opens in lower case with no bullet goes on with a sentence a page
        // break cut ("… ở cấp\n  32\n\nxã, ở thôn, tổ dân phố theo …"): no subject opens it.
        let cut_sentence = i == 0 && !toks[0].upper;
        let sentence_start = (i == first && !cut_sentence) || (i > 0 && matches!(&*toks[i - 1].lower, "." | ";" | ":"));
        if sentence_start && subjects && !opens_task(toks, i) {
            // "Đối với X xây dựng …": X is the subject.
            let addressed = (&*toks[i].lower == "đối" && toks.get(i + 1).is_some_and(|t| t.lower == "với"))
                .then(|| subject_at(toks, i + 2))
                .flatten();
            // A unit heading its item before a colon, asked only of the paragraph's first word
            // when no subject was read there.
            let headed = || (i == first).then(|| unit_before_colon(toks, i)).flatten();
            if let Some(units) = addressed.or_else(|| subject_at(toks, i)).or_else(headed) {
                emit(units, Role::Lead);
            } else if phrase_at(toks, i, RoleKind::Intro).is_some() {
                // "Căn cứ …, các cơ quan … chủ động …": the subject follows the opening phrase.
                let end =
                    toks[i..].iter().position(|t| matches!(&*t.lower, "." | ";" | ":")).map_or(toks.len(), |k| i + k);
                let k = after_opening_phrase(&toks[..end], i, end);
                if let Some(units) = (k > i).then(|| subject_at(&toks[..end], k)).flatten() {
                    emit(units, Role::Lead);
                }
            }
        }
        let longest = phrase_at(toks, i, RoleKind::Before).filter(|_| !trigger_in_name(toks, i));
        for row in rows_at(toks, i, RoleKind::Before) {
            let n = row.words.len();
            // "phối hợp với X" is read once, by its longest phrase.
            if Some(n) != longest {
                continue;
            }
            // "(qua X)" is a channel only inside parentheses; "về X", "đến X" only after a verb
            // of sending ("gửi báo cáo kết quả đến X").
            if row.words == ["qua"] && (i == 0 || toks[i - 1].lower != "(") {
                continue;
            }
            if n == 1 && phrase_at(toks, i, RoleKind::Toward) == Some(1) && !reports_before(toks, i) {
                continue;
            }
            let j = trigger_object(toks, i + n, row.role == Some(Role::Lead));
            // "Phối hợp tổ chức kiểm tra": what follows is a verb, not a unit; after a preposition
            // or a verb of reporting it is the noun ("báo cáo tổ chức đại diện người lao động").
            if j == i + n && row.role != Some(Role::ReportTo) && opens_task(toks, j) {
                continue;
            }
            let (units, stop) = read_units(toks, j);
            if row.words.last().is_some_and(|w| w == "để") && !stop.is_some_and(|k| told_to_carry_out(toks, k)) {
                continue;
            }
            emit(units, row.role.unwrap_or(Role::Lead));
        }
        for row in rows_at(toks, i, RoleKind::After) {
            // "Ban Chỉ đạo thực hiện …" names a board, no one "chỉ đạo thực hiện".
            if trigger_in_name(toks, i) {
                continue;
            }
            let mut s = clause_start(toks, i).unwrap_or(first);
            while s < i && matches!(&*toks[s].lower, "giao" | "đề" | "nghị" | "yêu" | "cầu" | "đối" | "với" | "-" | "+")
            {
                s += 1;
            }
            let s = after_opening_phrase(toks, s, i);
            let (units, _) = read_units(&toks[..i], list_start(toks, s));
            emit(units, row.role.unwrap_or(Role::Lead));
        }
    }
}

/// Whether the units whose list stopped at `k` are told to carry out what they are told
/// ("thông báo để các cơ quan, đơn vị biết, thực hiện"): to be informed alone ("… để các
/// cơ quan biết") sets no task.
fn told_to_carry_out(toks: &[Token], k: usize) -> bool {
    let word = |j: usize| toks.get(j).map_or("", |t| &*t.lower);
    word(k) == "biết"
        && matches!(word(k + 1), "," | "và")
        && matches!((word(k + 2), word(k + 3)), ("thực", "hiện") | ("triển", "khai"))
}

/// Where the subject of a clause `s..end` opens when the clause opens with an opening
/// phrase ("Căn cứ …, Trên cơ sở …, các cơ quan …"): at the first unit after a comma; else `s`.
fn after_opening_phrase(toks: &[Token], s: usize, end: usize) -> usize {
    if phrase_at(toks, s, RoleKind::Intro).is_none() {
        return s;
    }
    // "… của các cơ quan, tổ chức, đơn vị …" goes on a list inside the phrase; the subject opens
    // with a capital or a plural.
    (s..end).find(|&k| toks[k].lower == "," && opens_next_unit(toks, k + 1)).map_or(s, |k| k + 1)
}

/// Where the units that a trigger ending before `j` names open: past a preposition or an
/// adverb ("báo cáo ngay với X"), and past the first party of "phối hợp giữa A với B", which is
/// the one that works with B; "phối hợp giữa A và B" names no one that supports. The words
/// passed are the `object` and `toward` rows of roles.tsv; a `lead` trigger passes no `toward`
/// word ("Giao cho X", but in "hướng dẫn về X" X is the subject matter).
fn trigger_object(toks: &[Token], mut j: usize, lead: bool) -> usize {
    if toks[j - 1].lower == "giữa" {
        let with = toks[j..].iter().take(12).position(|t| matches!(&*t.lower, "với" | "." | ";" | ":"));
        return match with.filter(|&k| toks[j + k].lower == "với") {
            Some(k) => j + k + 1,
            None => toks.len(),
        };
    }
    let passed = |k: usize| {
        phrase_at(toks, k, RoleKind::Object).or_else(|| phrase_at(toks, k, RoleKind::Toward).filter(|_| !lead))
    };
    while let Some(n) = passed(j) {
        j += n;
    }
    j
}

/// Whether the trigger at `i` is part of a name (the `name` rows of roles.tsv): a unit's
/// ("Ban Chỉ đạo") or a document's ("Quy chế phối hợp giữa …", "kế hoạch phối hợp …"), or
/// a word in lower case that opens with it ("giao ban", a briefing, gives no order; "Giao
/// Ban Chỉ đạo …" does).
fn trigger_in_name(toks: &[Token], i: usize) -> bool {
    let trigger = phrase_at(toks, i, RoleKind::Before).unwrap_or(1);
    name_at(toks, i).is_some_and(|n| n > trigger && toks[i + 1..i + n].iter().all(|t| !t.upper))
        || (i.saturating_sub(4)..i).any(|k| name_at(toks, k).is_some_and(|n| k + n > i))
}

/// Where the clause that holds token `i` starts: after the last sentence mark, or
/// after an opening parenthesis still open at `i`; a parenthesis closed before it
/// belongs to the clause ("các ông (bà) có tên tại Điều 1 chịu trách nhiệm …").
fn clause_start(toks: &[Token<'_>], i: usize) -> Option<usize> {
    let mut closed = 0;
    for k in (0..i).rev() {
        match &*toks[k].lower {
            ")" => closed += 1,
            "(" if closed > 0 => closed -= 1,
            ":" if names_follow(toks, k) => {}
            "." | ";" | ":" | "(" => return Some(k + 1),
            _ => {}
        }
    }
    None
}

/// Whether the colon at `k` opens the names of the plural unit before it: "Giám đốc các sở:
/// Nội vụ, Tài chính, Y tế", "Thủ trưởng các cơ quan: Công an tỉnh, …" is one unit as printed.
fn names_follow(toks: &[Token<'_>], k: usize) -> bool {
    toks[k].lower == ":"
        && toks.get(k + 1).is_some_and(|t| t.upper)
        && toks[k.saturating_sub(3)..k].iter().any(|t| matches!(&*t.lower, "các" | "những"))
}

/// Where a list of units that ends at clause start `s` opens: the clauses before it that
/// name units only, one list with it ("Chánh Văn phòng …, Giám đốc các sở …; Chủ tịch Ủy ban
/// nhân dân các huyện … chịu trách nhiệm thi hành …").
fn list_start(toks: &[Token<'_>], mut s: usize) -> usize {
    while s > 0 && toks[s - 1].lower == ";" {
        let from = clause_start(toks, s - 1).unwrap_or(0);
        let from =
            toks[from..s - 1].iter().position(|t| t.lower.chars().all(grammar::is_letter)).map_or(s, |k| from + k);
        let (units, stop) = read_units(&toks[..s - 1], from);
        if stop.is_some() || units.first().is_none_or(|u| u.0 != from) || units.last().is_none_or(|u| u.1 + 1 < s - 1) {
            break;
        }
        s = from;
    }
    s
}

/// The role of the last trigger ("Giao …", "phối hợp với …") in a paragraph, of tokens `toks`.
fn last_trigger(toks: &[Token]) -> Option<Role> {
    (0..toks.len()).rev().find_map(|i| {
        rows_at(toks, i, RoleKind::Before).filter(|r| r.words.len() > 1 || r.words == ["giao"]).find_map(|r| r.role)
    })
}

/// The first token that is a word: past a bullet, a dash or a label's number.
fn first_word(toks: &[Token]) -> usize {
    toks.iter().position(|t| t.lower.chars().next().is_some_and(grammar::is_letter)).unwrap_or(0)
}

/// Hands on each unit (a token range of `toks`, the tokens of `text`, which starts at
/// `base` in the document) with its span and `role`.
fn push_units(
    text: &str,
    base: usize,
    toks: &[Token],
    units: Vec<(usize, usize)>,
    role: Role,
    push: &mut impl FnMut(Span, &str, Role),
) {
    for (s, e) in units {
        let (a, b) = (toks[s].start, toks[e - 1].end);
        push(Span::new(base + a, base + b), &text[a..b], role);
    }
}

/// The role of a task table's column by its header: a label ("Đơn vị chủ trì"), or one of
/// two words or more that opens it and says whose column it is ("Đơn vị chủ trì bảo vệ");
/// not "Chủ trì kiểm tra".
pub fn column_role(header: &str) -> Option<Role> {
    let toks = tokens(header);
    rows_at(&toks, 0, RoleKind::Label)
        .filter(|r| r.words.len() == toks.len() || r.words.len() >= 3)
        .max_by_key(|r| r.words.len())
        .and_then(|r| r.role)
}

/// A task table in Markdown ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời
/// gian |"): the cells under a column whose header is a `label` row of roles.tsv list that
/// column's units, each read as the value after "Cơ quan chủ trì:" is. Whether `p` was one.
fn read_table(p: &str, base: usize, mut push: impl FnMut(Span, &str, Role)) -> bool {
    let Some(rows) = sections::table_rows(p) else { return false };
    let roles: Vec<Option<Role>> = rows[0].iter().map(|(_, h)| column_role(h)).collect();
    if roles.iter().all(Option::is_none) {
        return false;
    }
    for row in &rows[1..] {
        for (k, ((at, cell), role)) in row.iter().zip(&roles).enumerate() {
            let toks = tokens(cell);
            match *role {
                Some(role) => {
                    push_units(cell, base + at, &toks, read_units(&toks, first_word(&toks)).0, role, &mut push)
                }
                // The role columns say who does the task; its own text may still say where
                // its report goes ("Tổng hợp, báo cáo UBND tỉnh").
                None if k > 0 => read_paragraph(cell, &toks, base + at, false, |span, unit, role| {
                    if role == Role::ReportTo {
                        push(span, unit, role);
                    }
                }),
                None => {}
            }
        }
    }
    true
}

/// A bulleted item under a paragraph that ends in a colon ("Giao các sở … gồm:"), read as
/// a unit of that list when it names units only, with an optional note in parentheses
/// ("- Sở Xây dựng (đối với hạ tầng đô thị);"). Whether it was one.
fn read_listed(p: &str, toks: &[Token], base: usize, role: Role, mut push: impl FnMut(Span, &str, Role)) -> bool {
    let end = toks.iter().position(|t| t.lower == "(").unwrap_or(toks.len());
    // An item that opens with its parenthesis ("- (Sở Tư pháp);") names no unit before it.
    let first = first_word(&toks[..end]);
    let (units, stop) = read_units(&toks[..end], first);
    let covered = units.last().map_or(first, |u| u.1);
    let only_units = stop.is_none() && toks[covered..end].iter().all(|t| matches!(&*t.lower, ";" | "." | ","));
    if units.is_empty() || !only_units {
        return false;
    }
    push_units(p, base, toks, units, role, &mut push);
    true
}

/// Whether a verb of sending (the `sending` rows of roles.tsv) stands in the clause before
/// token `i`. One followed by "của" is the noun ("kiến nghị, phản ánh của công dân về …",
/// "báo cáo của …"), which sends nothing. "chuyển" is not one: what is passed on ("chuyển
/// đơn đến X giải quyết") is handed over to be dealt with, not reported; "chuyển đến X" on
/// its own is a row of `roles.tsv`.
fn reports_before(toks: &[Token], i: usize) -> bool {
    let from = toks[..i].iter().rposition(|t| matches!(&*t.lower, "." | ";")).map_or(0, |k| k + 1);
    (from..i).any(|k| {
        phrase_at(&toks[..i], k, RoleKind::Sending).is_some_and(|n| toks.get(k + n).is_none_or(|t| t.lower != "của"))
    })
}

/// The role a line's label gives and where its value opens: a `label` row before the colon
/// ("Đơn vị chủ trì:"), also after the unit word it qualifies ("Bộ phận chủ trì:", "Cơ quan,
/// đơn vị phối hợp:") and before a closing "thực hiện" ("Đơn vị chủ trì thực hiện:"). Words
/// before the row must open with a unit's head: "Nội dung phối hợp:" lists no units.
fn line_label(toks: &[Token], first: usize) -> Option<(Role, usize)> {
    let colon = (first..toks.len().min(first + 9)).find(|&k| toks[k].lower == ":")?;
    let closes = |e: usize| e == colon || (e + 2 == colon && toks[e].lower == "thực" && toks[e + 1].lower == "hiện");
    (first..colon).find_map(|k| {
        let qualified = k == first || phrase_at(toks, first, RoleKind::Head).is_some_and(|n| first + n <= k);
        let plain = toks[first..k].iter().all(|t| t.lower.chars().all(grammar::is_letter) || t.lower == ",");
        let row = rows_at(toks, k, RoleKind::Label).find(|r| closes(k + r.words.len()))?;
        (qualified && plain).then(|| (row.role.unwrap_or(Role::Lead), colon + 1))
    })
}

/// The units a section title names. A title of units only gives each of them; under
/// "Tổ chức thực hiện" (`organizing`) a short heading is a unit even when it opens with no
/// head word ("Tài chính – Kế toán phường"). A heading that opens with a unit and goes on
/// to describe it ("Cán bộ phụ trách lĩnh vực …", "Các sở quản lý nhà nước chuyên ngành về
/// hạ tầng") is one unit, under "Tổ chức thực hiện" or when it opens with "các"/"những";
/// an item that names its unit before a colon ("Đồng chí Phó Trưởng ban - Ủy viên: …")
/// gives that unit.
fn heading_units(title: &str, organizing: bool) -> Vec<(usize, usize)> {
    let toks = tokens(title);
    let mut i = 0;
    while toks.get(i).is_some_and(|t| matches!(&*t.lower, "đối" | "với" | "đề" | "nghị")) {
        i += 1;
    }
    let is_word = |t: &Token| t.lower.chars().next().is_some_and(grammar::is_letter_or_digit);
    let span = |s: usize, e: usize| (toks[s].start, toks[e - 1].end);
    // "Nhiệm vụ của X": the rest of the heading is the unit, whatever it holds.
    if let Some(n) = phrase_at(&toks, i, RoleKind::Owner) {
        let end = toks.iter().position(|t| t.lower == ":").unwrap_or(toks.len());
        let end = toks[..end].iter().rposition(is_word).map_or(i + n, |k| k + 1);
        return if end > i + n { vec![span(i + n, end)] } else { vec![] };
    }
    if !opens_unit(&toks, i) || opens_task(&toks, i) {
        let words = toks.iter().filter(|t| is_word(t)).count();
        let short = i < toks.len() && toks[i].upper && words <= 12 && !title.contains(':');
        let end = (i + 1..toks.len()).find(|&k| new_cell(&toks, k)).unwrap_or(toks.len());
        // A name holds no verb: "Giao UBND xã tổ chức triển khai …" is a task sentence, whose
        // units the paragraph's own reading finds; "Tuyên truyền" opens a heading of a task.
        let verb = |k: usize| {
            [RoleKind::Before, RoleKind::After].iter().any(|&kind| phrase_at(&toks, k, kind).is_some())
                || (k == i || !toks[k].upper) && phrase_at(&toks, k, RoleKind::Stop).is_some()
        };
        let name = !opens_task(&toks, i) && !(i..end).any(verb);
        return if organizing && short && name { vec![span(i, end)] } else { vec![] };
    }
    if let Some(colon) = toks.iter().position(|t| t.lower == ":") {
        let label = phrase_at(&toks, i, RoleKind::Label).is_some();
        let plain = toks[i..colon].iter().all(|t| is_word(t) || matches!(&*t.lower, "," | ";" | "-" | "–"));
        // "Giám đốc các Sở: Tài chính, …": the names after the colon are the plural's, a
        // list the paragraph's own reading splits.
        let names_follow = ends_in_bare_plural(&toks, i, colon);
        // "Các thành viên là lãnh đạo: …" says who the members are: a list, no unit; so does
        // a post and the person who holds it ("Chủ tịch Hội đồng: Ông Vũ Mạnh Hà - …").
        let says_what =
            (i..colon).any(|k| phrase_at(&toks, k, RoleKind::Narrative).is_some()) || names_holder(&toks, colon);
        let named = !label && plain && !names_follow && !says_what && colon - i <= 20;
        if !named {
            return vec![];
        }
        // "Sở Thông tin và Truyền thông, Báo Hà Tĩnh, Đài …: Tăng cường …" (a Chỉ thị's
        // points): a list of units, split as printed when the reading covers it whole.
        let (units, stop) = read_units(&toks[..colon], i);
        // "Ủy ban nhân dân các huyện có tên tại Phụ lục I có trách nhiệm:": the phrase that
        // gives the duties ends the units (an `after` row).
        let duties = stop.is_some_and(|k| phrase_at(&toks, k, RoleKind::After).is_some());
        if units.len() > 1 && units.last().is_some_and(|u| u.1 == colon) || duties && !units.is_empty() {
            return units.into_iter().map(|(s, e)| span(s, e)).collect();
        }
        return vec![span(i, colon)];
    }
    // "Công an tỉnh (Cơ quan Thường trực Tổ công tác Đề án 06)": a closing parenthesis says
    // what the unit is to the plan; the units are the words before it.
    let named = trailing_parenthesis(&toks).unwrap_or(toks.len());
    let (units, stop) = read_units(&toks[..named], i);
    let covered = units.last().map_or(0, |u| u.1);
    // A title of one name is short; a list of three names or more is as long as they are
    // ("Sở Xây dựng, Sở Công Thương, …, Sở Nội vụ và Ban Quản lý các khu công nghiệp").
    if toks[covered..named].iter().all(|t| !is_word(t)) && (named <= 25 || units.len() >= 3) {
        return units.into_iter().map(|(s, e)| span(s, e)).collect();
    }
    // One unit described at length: no sentence in it, no list of clauses.
    let plural = matches!(&*toks[i].lower, "các" | "những");
    // A name that ran to its length limit ("Các cơ quan, …, doanh nghiệp được giao quản lý, sử
    // dụng hoặc khai thác tài sản …") describes its unit as much as one ended by a verb.
    let long = units.last().is_some_and(|u| u.1 - u.0 >= NAME_WORDS);
    let described = (stop.is_some() || long)
        && (organizing || plural)
        && toks.iter().filter(|t| is_word(t)).count() <= 24
        && !toks.iter().any(|t| matches!(&*t.lower, "." | ";" | ":"));
    let end = toks.iter().rposition(is_word).map_or(i, |k| k + 1);
    let end = (i + 1..end).find(|&k| new_cell(&toks, k)).unwrap_or(end);
    if described { vec![span(i, end)] } else { vec![] }
}

/// Where a parenthesis that closes the title opens, when words stand before it.
fn trailing_parenthesis(toks: &[Token]) -> Option<usize> {
    if toks.last()?.lower != ")" {
        return None;
    }
    let open = toks.iter().rposition(|t| t.lower == "(")?;
    (open > 0).then_some(open)
}

/// One key for a unit printed two ways in one section ("UBND tỉnh" and "Ủy ban nhân dân
/// tỉnh", "Tổ chức - Nội vụ" and "Tổ chức – Nội vụ", "Ủy" and "Uỷ"): abbreviations written
/// out, a leading "các" dropped, case, dashes and punctuation ignored — they name one unit
/// once. Where a word's tone mark sits needs no decomposing here: the text is normalized, so
/// "Uỷ" was written "Ủy" before any unit was read (the `tone-placement` step).
fn same_unit_key(unit: &str) -> String {
    let canonical = grammar::lower_case(&grammar::canonical_unit(unit));
    let words = canonical.split(|c: char| !grammar::is_letter_or_digit(c) && c != '/').filter(|w| !w.is_empty());
    words.collect::<Vec<_>>().join(" ")
}

/// The words of a body's name for comparing it with the issuer: abbreviations written out,
/// folded, the country's name left out ("Ủy ban MTTQ xã" and "Ủy ban Mặt trận Tổ quốc Việt
/// Nam xã" are one name).
fn body_words(name: &str) -> Vec<String> {
    let folded = grammar::fold(&grammar::canonical_unit(name));
    let words: Vec<&str> = folded.split(|c: char| !grammar::is_letter_or_digit(c)).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<String> = vec![];
    for w in words {
        if w == "nam" && out.last().is_some_and(|l| l == "viet") {
            out.pop();
        } else {
            out.push(w.to_string());
        }
    }
    out
}

/// Whether `unit` is the issuing body itself: its name, or its name up to the level of its
/// place ("Ban Thường trực UBMTTQ xã" in a plan of "Ban Thường trực Ủy ban Mặt trận Tổ quốc
/// Việt Nam xã Lương Minh"), or up to its Party committee ("Ban Tuyên giáo Huyện ủy" in a
/// guide of "Ban Tuyên giáo Huyện ủy Cái Bè"). The issuer works with others; it does not
/// support itself.
fn is_issuer(unit: &str, issuer: &[String]) -> bool {
    let words = body_words(unit);
    if words.is_empty() || words.len() > issuer.len() || issuer[..words.len()] != words[..] {
        return false;
    }
    let joined = words.join(" ");
    // Or its name without its place ("Sở Tài chính" in a plan of "Sở Tài chính tỉnh Bắc Ninh").
    let rest = issuer[words.len()..].join(" ");
    // A level followed by "ủy" is a Party committee ("Ban Tuyên giáo" of "… Huyện ủy Cái Bè").
    let place_left = grammar::LEVELS_OF_PLACE
        .iter()
        .any(|l| rest.strip_prefix(l.as_str()).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| !r.starts_with("uy")));
    words.len() == issuer.len()
        || words.len() > 1 && place_left
        || words.len() > 1
            && grammar::LEVELS_OF_PLACE
                .iter()
                .chain(grammar::PARTY_COMMITTEES.iter())
                .any(|l| joined.strip_suffix(l.as_str()).is_some_and(|r| r.ends_with(' ')))
}

/// Find the assignments of one document issued by `issuer` (when the header names it).
pub fn extract(text: &str, outline: &Outline, issuer: Option<&str>) -> Vec<Assignment> {
    let issuer = issuer.map(body_words).unwrap_or_default();
    let mut seen = HashSet::default();
    let mut out = vec![];
    let mut add = |a: (Option<String>, Span, String, Role)| {
        if a.3 == Role::Support && is_issuer(&a.2, &issuer) {
            return;
        }
        if seen.insert((a.0.clone(), same_unit_key(&a.2), a.3)) {
            // A unit wrapped over two lines is printed with a space where the line broke.
            let unit = if a.2.contains('\n') { crate::extract::header::join_lines(&a.2) } else { a.2 };
            out.push(Assignment { path: a.0, unit, role: a.3, span: a.1 });
        }
    };
    let mut named = vec![];
    let scopes = scope_paths(outline);
    for s in outline.sections.iter().filter(|s| !concerns_only(&scopes, &s.path)) {
        let title_at = find_near_start(&text[s.span.range()], &s.title)
            .map_or(s.span.start as usize, |k| s.span.start as usize + k);
        let parent = s.path.rsplit_once('.').and_then(|(p, _)| outline.section(p));
        let organizing = parent.is_some_and(|p| grammar::lower_case(&p.title).contains("tổ chức thực hiện"));
        // An item that is a unit's name and a full stop, with nothing under it, lists who
        // something concerns ("Đối tượng áp dụng: 1. Cán bộ cấp xã."), not who is to act;
        // "2. Sở Y tế: chỉ đạo …" names who does what follows its colon.
        let under = text.get(title_at + s.title.len()..s.span.end as usize);
        let listed_only =
            s.title.trim_end().ends_with('.') && !s.title.contains(':') && under.is_some_and(|u| u.trim().is_empty());
        if listed_only && !organizing {
            continue;
        }
        for (a, b) in heading_units(&s.title, organizing) {
            let span = Span::new(title_at + a, title_at + b);
            named.push(span);
            add((Some(s.path.clone()), span, s.title[a..b].to_string(), Role::Lead));
        }
    }
    for part in &outline.paragraphs {
        // The role a paragraph ending in a colon gives the bulleted units listed under it.
        let mut listing: Option<Role> = None;
        for span in part {
            let (base, paragraph) = (span.start as usize, &text[span.range()]);
            let opening = outline.sections.first().is_some_and(|s| base < s.span.start as usize);
            let mut push = |span: Span, unit: &str, role: Role| {
                // The heading already named the unit in full; a subject read inside it is a piece.
                if role == Role::Lead && named.iter().any(|h| h.range().contains(&(span.start as usize))) {
                    return;
                }
                let path = outline.path_at(span.start as usize);
                if path.is_some_and(|p| concerns_only(&scopes, p)) {
                    return;
                }
                add((path.map(str::to_string), span, unit.to_string(), role));
            };
            if read_table(paragraph, base, &mut push) {
                listing = None;
                continue;
            }
            // One tokenization serves every reading of the paragraph below.
            let toks = tokens(paragraph);
            match listing.filter(|_| grammar::strip_bullet(paragraph).is_some()) {
                Some(role) if read_listed(paragraph, &toks, base, role, &mut push) => continue,
                _ => listing = None,
            }
            read_paragraph(paragraph, &toks, base, !opening, &mut push);
            if paragraph.trim_end().ends_with(':') {
                listing = last_trigger(&toks);
            }
        }
    }
    out
}

/// Whether the section at `path`, or one it lies in, is one of the `scopes`: it says whom
/// the text concerns ("Điều 2. Đối tượng áp dụng": "1. Doanh nghiệp, hợp tác xã đầu tư vào
/// nông nghiệp." is no one told to invest).
fn concerns_only(scopes: &[&str], path: &str) -> bool {
    !scopes.is_empty() && path.match_indices('.').map(|(i, _)| &path[..i]).chain([path]).any(|p| scopes.contains(&p))
}

/// How many bytes of a heading hold a `scope` phrase (five words of up to eight letters).
const SCOPE_REACH: usize = 64;

/// The paths of the sections whose heading says whom the text concerns (`scope` rows).
fn scope_paths(outline: &Outline) -> Vec<&str> {
    // A title runs to the end of its paragraph; the phrase is in its first words.
    let scope = |s: &&Section| {
        let opening = &s.title[..s.title.floor_char_boundary(SCOPE_REACH)];
        phrase_at(&tokens(opening), 0, RoleKind::Scope).is_some()
    };
    outline.sections.iter().filter(scope).map(|s| s.path.as_str()).collect()
}

/// `hay.find(needle)` for a needle that is usually near the start (a section's
/// title after its label): tried in place first, so a long title costs no
/// searcher set-up (which was most of the cost of reading headings).
fn find_near_start(hay: &str, needle: &str) -> Option<usize> {
    const NEAR: usize = 256;
    // Any occurrence that starts within NEAR is the first one there is.
    let near =
        hay.char_indices().take_while(|&(i, _)| i < NEAR).map(|(i, _)| i).find(|&i| hay[i..].starts_with(needle));
    near.or_else(|| hay.find(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Layout;

    fn roles_in(p: &str) -> Vec<(String, Role)> {
        let mut out = vec![];
        read_paragraph(p, &tokens(p), 0, true, |_, u, r| out.push((u.to_string(), r)));
        out
    }

    proptest::proptest! {
        /// The byte-wise tokenizer splits and cases words as reading char by char does.
        #[test]
        fn token_spans_read_chars(text in "\\PC{0,30}|[a-zA-Z0-9/&àÀđĐơƠưƯếẾ ,.\t\n\u{A0}\u{2003}]{0,40}") {
            let mut want = vec![];
            let mut chars = text.char_indices().peekable();
            let mut line_from = 0;
            while let Some((start, c)) = chars.next() {
                if c.is_whitespace() {
                    if c == '\n' { line_from = start + 1; }
                    continue;
                }
                let mut word = vec![c];
                let mut end = start + c.len_utf8();
                while let Some(&(at, d)) = chars.peek().filter(|_| is_word_char(c)).filter(|&&(_, d)| is_word_char(d)) {
                    word.push(d);
                    end = at + d.len_utf8();
                    chars.next();
                }
                let cases: Vec<_> = word.iter().map(|&w| char_case(w)).collect();
                want.push((start, end, cases.iter().all(|k| k.own_lower), cases.iter().all(|k| k.capital || !k.letter), cases[0].capital, line_from));
            }
            let got: Vec<_> = token_spans(&text).map(|t| (t.start, t.end, t.lowered, t.caps, t.upper, t.line_from)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn find_near_start_is_find() {
        let far = format!("{}Kế hoạch", "x ".repeat(200));
        for (hay, needle) in
            [("1. Tổ chức thực hiện", "Tổ chức thực hiện"), ("ab", "abc"), ("", ""), (far.as_str(), "Kế hoạch")]
        {
            assert_eq!(find_near_start(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn every_trigger_example_yields_its_role() {
        for row in ROLES.iter().filter(|r| matches!(r.kind, RoleKind::Label | RoleKind::Before | RoleKind::After)) {
            let got = roles_in(&row.example);
            let role = row.role.unwrap();
            assert!(got.iter().any(|(_, r)| *r == role), "{:?} in {:?}: got {got:?}", row.words, row.example);
        }
    }

    /// The rows of `kinds`, each with the units its example yields.
    /// Where the row's phrase stands in the tokens of its example.
    fn row_at(toks: &[Token], row: &RoleRow) -> usize {
        let n = row.words.len();
        (0..toks.len())
            .find(|&k| toks[k..].iter().map(|t| &*t.lower).take(n).eq(&row.words))
            .expect("the example holds the phrase")
    }

    fn examples_of(kinds: &[RoleKind]) -> impl Iterator<Item = (&'static RoleRow, Vec<(String, Role)>)> {
        ROLES.iter().filter(|r| kinds.contains(&r.kind)).map(|r| (r, roles_in(&r.example)))
    }

    #[test]
    fn a_unit_wrapped_over_two_lines_is_printed_on_one() {
        let text = "Đề nghị Công an tỉnh và Hội Liên hiệp\nPhụ nữ tỉnh tuyên truyền.\n";
        let whole = Span::new(0, text.len());
        let layout = Layout { span: whole, body: whole, ..Layout::default() };
        let got = extract(text, &Outline::build(text, &layout), None);
        let units: Vec<&str> = got.iter().map(|a| a.unit.as_str()).collect();
        assert_eq!(units, ["Công an tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"]);
        assert_eq!(&text[got[1].span.range()], "Hội Liên hiệp\nPhụ nữ tỉnh");
    }

    #[test]
    fn nothing_under_a_scope_heading_is_an_assignment() {
        let units = |heading: &str| {
            let text = format!(
                "{heading}\n1. Doanh nghiệp, hợp tác xã đầu tư vào nông nghiệp.\n2. Cơ quan, tổ chức có liên quan phối hợp với Sở Tài chính.\n"
            );
            let whole = Span::new(0, text.len());
            let layout = Layout { span: whole, body: whole, ..Layout::default() };
            extract(&text, &Outline::build(&text, &layout), None).len()
        };
        assert!(units("Điều 2. Tổ chức thực hiện") > 0);
        for row in ROLES.iter().filter(|r| r.kind == RoleKind::Scope) {
            assert_eq!(units(&row.example), 0, "roles.tsv scope {:?}: {:?}", row.words, row.example);
        }
    }

    #[test]
    fn every_object_example_reaches_the_unit_past_its_word() {
        for (row, got) in examples_of(&[RoleKind::Object, RoleKind::Toward]) {
            assert!(!got.is_empty(), "{:?}: no unit in {:?}", row.words, row.example);
            assert!(got.iter().all(|(u, _)| !words_of(u).starts_with(&row.words)), "{:?}: {got:?}", row.words);
            // The word itself is passed: after any trigger, or (toward) after one that is no lead.
            let toks = tokens(&row.example);
            let n = row.words.len();
            let k = row_at(&toks, row);
            assert_eq!(trigger_object(&toks, k, false), k + n, "{:?}", row.words);
            let after_lead = if row.kind == RoleKind::Object { k + n } else { k };
            assert_eq!(trigger_object(&toks, k, true), after_lead, "{:?}", row.words);
        }
    }

    #[test]
    fn every_sending_example_reports_to_its_addressee() {
        for (row, got) in examples_of(&[RoleKind::Sending]) {
            assert!(got.iter().any(|(_, r)| *r == Role::ReportTo), "{:?}: {got:?}", row.words);
        }
    }

    #[test]
    fn every_person_example_acts_by_the_office() {
        for (row, got) in examples_of(&[RoleKind::Person]) {
            assert_eq!(got.len(), 1, "{:?}: {got:?}", row.words);
            assert!(!words_of(&got[0].0).starts_with(&row.words), "{:?}: {got:?}", row.words);
        }
    }

    #[test]
    fn every_title_and_individual_example_splits_before_the_individuals() {
        let individual = |words: &[String]| {
            let words = if words.first().is_some_and(|w| w == "các") { &words[1..] } else { words };
            ROLES.iter().any(|r| r.kind == RoleKind::Individual && words.starts_with(&r.words))
        };
        for (row, got) in examples_of(&[RoleKind::Title, RoleKind::Individual]) {
            let [.., (titled, _), (last, _)] = &got[..] else { panic!("{:?}: {got:?}", row.words) };
            assert!(individual(&words_of(last)), "{:?}: {got:?}", row.words);
            assert!(!words_of(titled).iter().any(|w| w == "và"), "{:?}: {got:?}", row.words);
        }
    }

    #[test]
    fn every_intro_example_leads_with_the_subject_after_its_comma() {
        for (row, got) in examples_of(&[RoleKind::Intro]) {
            assert!(got.iter().any(|(_, r)| *r == Role::Lead), "{:?}: {got:?}", row.words);
        }
    }

    #[test]
    fn every_area_example_ends_its_unit_before_the_phrase() {
        for (row, got) in examples_of(&[RoleKind::Area]) {
            let phrase = row.words.join(" ");
            assert!(!got.is_empty() && got.iter().all(|(u, _)| !u.to_lowercase().contains(&phrase)), "{got:?}");
        }
    }

    #[test]
    fn every_head_example_opens_a_unit_at_the_head() {
        for row in ROLES.iter().filter(|r| r.kind == RoleKind::Head) {
            let toks = tokens(&row.example);
            let k = row_at(&toks, row);
            let k = if k > 0 && matches!(&*toks[k - 1].lower, "các" | "những") { k - 1 } else { k };
            let (units, _) = read_units(&toks, k);
            assert!(units.first().is_some_and(|&(s, e)| s == k && e > k), "{:?}: {:?}", row.words, row.example);
        }
    }

    #[test]
    fn every_whole_example_ends_its_unit_at_the_name() {
        for (row, got) in examples_of(&[RoleKind::Whole]) {
            // The example tests the rule only when no stop word would end the name anyway.
            let toks = tokens(&row.example);
            let n = row.words.len();
            let k = row_at(&toks, row);
            assert!(phrase_at(&toks, k + n, RoleKind::Stop).is_none(), "{}: a stop word follows", row.example);
            assert!(got.iter().any(|(u, _)| words_of(u).ends_with(&row.words)), "{:?}: {got:?}", row.words);
        }
        // The name goes on with its place, a list or a link.
        for (p, unit) in [
            ("Sở Tài chính tỉnh cân đối kinh phí.", "Sở Tài chính tỉnh"),
            ("Ban Dân vận huyện ủy nắm tình hình.", "Ban Dân vận huyện ủy"),
            ("Hội Nông dân cùng cấp vận động hội viên.", "Hội Nông dân cùng cấp"),
            ("Phòng Kinh tế - Hạ tầng thẩm định hồ sơ.", "Phòng Kinh tế - Hạ tầng"),
            // "những" before no unit opens what is reported.
            ("Báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.", "Thủ tướng Chính phủ"),
        ] {
            assert_eq!(unit_names(&units_in(p)), [unit], "{p}");
        }
        let got = units_in("Phối hợp với Sở Y tế và những đơn vị liên quan thực hiện.");
        assert_eq!(unit_names(&got), ["Sở Y tế", "những đơn vị liên quan"]);
    }

    #[test]
    fn every_owner_example_names_its_unit() {
        for row in ROLES.iter().filter(|r| r.kind == RoleKind::Owner) {
            let units = heading_units(&row.example, false);
            assert_eq!(units.len(), 1, "{}", row.example);
            let unit = &row.example[units[0].0..units[0].1];
            assert!(!words_of(unit).starts_with(&row.words), "{unit}");
        }
        let units = heading_units("Nhiệm vụ của Tổ tiếp công dân, xử lý khiếu nại, tố cáo:", false);
        assert_eq!(units.len(), 1);
    }

    #[test]
    fn the_unit_after_doi_voi_is_the_subject() {
        let got = roles_in(
            "Đối với Ủy ban nhân dân các xã phối hợp với Mặt trận cùng cấp tổ chức hội nghị; đối với các phòng, ban huyện chủ động xây dựng kế hoạch.",
        );
        assert!(got.contains(&("Ủy ban nhân dân các xã".to_string(), Role::Lead)), "{got:?}");
        assert!(got.contains(&("Mặt trận cùng cấp".to_string(), Role::Support)), "{got:?}");
        assert!(got.contains(&("các phòng, ban huyện".to_string(), Role::Lead)), "{got:?}");
        // Not a subject: "đối với" before a field, not a unit.
        assert!(roles_in("Đối với công tác tuyên truyền cần đổi mới hình thức.").is_empty());
    }

    #[test]
    fn who_is_acted_on_is_no_subject_and_who_is_given_a_task_is() {
        assert!(roles_in("- 100% cán bộ, công chức được bồi dưỡng kỹ năng số cơ bản.").is_empty());
        let got = roles_in("Phòng Nội vụ được giao chủ trì tổ chức hội nghị.");
        assert!(got.contains(&("Phòng Nội vụ".to_string(), Role::Lead)), "{got:?}");
    }

    #[test]
    fn a_closed_parenthesis_stays_in_the_clause() {
        let got =
            roles_in("Văn phòng xã, Phòng Tư pháp (cơ quan thường trực) chịu trách nhiệm thi hành Quyết định này.");
        assert!(got.iter().any(|(u, r)| u == "Văn phòng xã" && *r == Role::Lead), "{got:?}");
        assert!(got.iter().any(|(u, r)| u == "Phòng Tư pháp" && *r == Role::Lead), "{got:?}");
        let got = roles_in("báo cáo kết quả (Văn phòng chịu trách nhiệm tổng hợp).");
        assert!(got.iter().any(|(u, _)| u == "Văn phòng"), "{got:?}");
        // A list of addressees goes on after a channel in parentheses.
        let got = roles_in("Phòng Nội vụ báo cáo UBND tỉnh (qua Sở Nội vụ) và Ban Thi đua - Khen thưởng tỉnh.");
        for unit in ["UBND tỉnh", "Sở Nội vụ", "Ban Thi đua - Khen thưởng tỉnh"] {
            assert!(got.contains(&(unit.to_string(), Role::ReportTo)), "{unit}: {got:?}");
        }
        // The channel's address is where it is, not part of its name; a list of places goes on.
        for (text, unit) in [
            ("gửi về Thanh tra tỉnh (qua Phòng Nghiệp vụ 3, số 02 Trần Phú, Quy Nhơn).", "Phòng Nghiệp vụ 3"),
            ("gửi về Bộ (qua Cục Quản lý đất đai, địa chỉ: 10 Tôn Thất Thuyết).", "Cục Quản lý đất đai"),
            ("Giao UBND các xã, phường, thị trấn thực hiện.", "UBND các xã, phường, thị trấn"),
        ] {
            assert!(roles_in(text).iter().any(|(u, _)| u == unit), "{text}: {:?}", roles_in(text));
        }
    }

    #[test]
    fn a_unit_before_an_items_colon_leads_its_duties() {
        let got = roles_in("- Sở Tài chính: tham mưu bố trí kinh phí thực hiện.");
        assert_eq!(got, [("Sở Tài chính".to_string(), Role::Lead)]);
        let got = roles_in("- Công an tỉnh: chủ trì, phối hợp với Sở Y tế rà soát văn bản.");
        assert!(got.contains(&("Công an tỉnh".to_string(), Role::Lead)), "{got:?}");
        assert!(got.contains(&("Sở Y tế".to_string(), Role::Support)), "{got:?}");
        // A label, even one a scan misspelled, or a word that is no unit, heads nothing.
        for item in ["- Đơn vị phốí hợp: Sở Y tế.", "- Thời gian thực hiện: Quý II/2025.", "- Báo cáo nhanh: gửi ngay."]
        {
            assert!(
                roles_in(item).iter().all(|(u, _)| !item.contains(&format!("- {u}:"))),
                "{item}: {:?}",
                roles_in(item)
            );
        }
    }

    #[test]
    fn every_stop_example_ends_its_unit_before_the_word() {
        // The last time the phrase stands in the example it is outside every unit ("Ban Dân
        // vận cùng cấp cùng": a name row holds the first "cùng"), and no unit ends inside it
        // ("các cơ quan, đơn vị đăng" before "ký").
        let at = |s: &str, words: &[String]| {
            let w = words_of(s);
            (0..w.len()).filter(|&k| w[k..].starts_with(words)).collect::<Vec<_>>()
        };
        for (row, got) in examples_of(&[RoleKind::Stop]) {
            let example = words_of(&row.example);
            let last = *at(&row.example, &row.words).last().expect("example holds its phrase");
            let before = &example[..last];
            for (u, _) in &got {
                let w = words_of(u);
                assert!(at(u, &row.words).len() < at(&row.example, &row.words).len(), "{:?}: {got:?}", row.words);
                let cut =
                    (1..row.words.len()).any(|k| w.ends_with(&row.words[..k]) && !before.ends_with(&row.words[..k]));
                assert!(!cut, "{:?}: {got:?}", row.words);
            }
        }
    }

    #[test]
    fn every_name_example_keeps_the_phrase_in_a_unit() {
        // No unit ends before or inside the phrase, nor opens inside it: "UBND các xã, phường
        // liên quan" is not cut before "liên", and "Quy chế phối hợp giữa …" gives no unit
        // after "phối hợp".
        for (row, got) in examples_of(&[RoleKind::Name]) {
            let example = words_of(&row.example);
            let n = row.words.len();
            for (u, _) in &got {
                let w = words_of(u);
                let inside = (1..n).any(|k| w.ends_with(&row.words[..k]) || w.starts_with(&row.words[k..]));
                let before = (0..example.len())
                    .any(|k| example[k..].starts_with(&w) && example[k + w.len()..].starts_with(&row.words));
                assert!(!inside && !before, "{:?}: {got:?}", row.words);
            }
        }
    }

    #[test]
    fn every_field_example_keeps_the_field_in_its_unit() {
        for (row, got) in examples_of(&[RoleKind::Field]) {
            let field = row.example.split(" về ").nth(1).and_then(|f| f.split_whitespace().next()).unwrap();
            let kept = got.iter().any(|(u, _)| u.contains(&format!(" về {field}")));
            assert!(kept, "{:?}: {got:?}", row.words);
        }
        // What a report is about, and where it goes, are no field.
        let got = units_in("Sở Y tế báo cáo Ban Chỉ đạo tỉnh về kết quả thực hiện.");
        assert!(got.iter().any(|(u, r)| u == "Ban Chỉ đạo tỉnh" && *r == Role::ReportTo), "{got:?}");
        let got = units_in("Gửi báo cáo về Ban Chỉ đạo về an toàn thực phẩm tỉnh và Sở Y tế.");
        assert!(got.iter().any(|(u, _)| u == "Ban Chỉ đạo về an toàn thực phẩm tỉnh"), "{got:?}");
        // A formal name capitalizes its field; a unit after "về" is still where a report goes.
        let got = units_in("Tổng hợp, báo cáo Ban Chỉ đạo quốc gia về Phòng, chống thiên tai trước ngày 15/12.");
        assert_eq!(got, [("Ban Chỉ đạo quốc gia về Phòng, chống thiên tai".to_string(), Role::ReportTo)]);
        let got = units_in("Gửi báo cáo của Ban Chỉ đạo về Ủy ban nhân dân tỉnh.");
        assert!(got.iter().any(|(u, r)| u == "Ủy ban nhân dân tỉnh" && *r == Role::ReportTo), "{got:?}");
    }

    #[test]
    fn a_notice_sets_a_task_only_on_those_told_to_carry_it_out() {
        let got = units_in(
            "Văn phòng UBND tỉnh thông báo để Ban Thường vụ Đảng ủy xã và các cơ quan liên quan biết và triển khai.",
        );
        assert_eq!(unit_names(&got), ["Ban Thường vụ Đảng ủy xã", "các cơ quan liên quan"]);
        assert!(units_in("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết.").is_empty());
    }

    #[test]
    fn every_qualifier_example_keeps_the_qualifier_in_its_unit() {
        for (row, got) in examples_of(&[RoleKind::Qualifier]) {
            let phrase = row.words.join(" ");
            assert!(got.iter().any(|(u, _)| u.to_lowercase().contains(&phrase)), "{phrase:?}: {got:?}");
        }
        // A qualifier opens no unit's name, and a verb after it ends the name.
        let got = units_in("Giao Ủy ban nhân dân các xã, phường nơi có rừng chủ động phương án.");
        assert_eq!(unit_names(&got), ["Ủy ban nhân dân các xã, phường nơi có rừng"]);
    }

    #[test]
    fn every_office_example_keeps_the_portfolio_in_its_unit() {
        for (row, got) in examples_of(&[RoleKind::Office]) {
            let portfolio = row.example.split(" phụ trách ").nth(1).and_then(|f| f.split_whitespace().next()).unwrap();
            let kept = got.iter().any(|(u, _)| u.contains(&format!(" phụ trách {portfolio}")));
            assert!(kept, "{:?}: {got:?}", row.words);
        }
        // A body's "phụ trách" is its verb; an office's with a verb after it holds no portfolio.
        let got = units_in("Giao Công an phường phụ trách an ninh trật tự.");
        assert!(got.iter().any(|(u, _)| u == "Công an phường"), "{got:?}");
        let got = units_in("Giao Phó Chủ tịch Ủy ban nhân dân xã phụ trách chỉ đạo thực hiện.");
        assert!(got.iter().all(|(u, _)| !u.contains("phụ trách")), "{got:?}");
    }

    #[test]
    fn every_row_example_holds_its_phrase() {
        for row in ROLES.iter() {
            assert!(
                words_of(&row.example).windows(row.words.len()).any(|w| w == row.words.as_slice()),
                "{:?}",
                row.words
            );
        }
    }

    #[test]
    fn a_unit_placed_by_its_level_ends_before_tren_dia_ban() {
        let got = units_in("Chỉ đạo Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn tổ chức triển khai.");
        assert_eq!(got, [("Ủy ban nhân dân các xã, phường, thị trấn".to_string(), Role::Lead)]);
        let got = units_in("Phối hợp với các cơ quan, đơn vị trên địa bàn về việc tiếp nhận tin bài.");
        assert_eq!(got, [("các cơ quan, đơn vị trên địa bàn".to_string(), Role::Support)]);
        let got = units_in("Chỉ đạo Ban Công tác Mặt trận các thôn trên địa bàn xã tổ chức hội nghị.");
        assert_eq!(got, [("Ban Công tác Mặt trận các thôn trên địa bàn xã".to_string(), Role::Lead)]);
    }

    #[test]
    fn a_whole_name_ends_before_a_word_whose_tones_are_no_level() {
        // "tình hình" is no "tỉnh": folded, it would read as a place of the name.
        let got = units_in("Sở Nông nghiệp và Môi trường báo cáo Sở Tài chính tình hình giải ngân.");
        assert_eq!(unit_names(&got), ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"]);
        // The grassroots body and a word printed twice stay in the name.
        assert_eq!(unit_names(&units_in("Chỉ đạo các Đảng ủy cơ sở triển khai.")), ["các Đảng ủy cơ sở"]);
        assert_eq!(unit_names(&units_in("Báo cáo Ban Thường vụ Đảng ủy ủy kết quả.")), ["Ban Thường vụ Đảng ủy ủy"]);
    }

    #[test]
    fn a_compound_name_and_a_region_stay_in_the_unit() {
        let got = units_in("Phòng Tài chính - Kế hoạch phối hợp với Kho bạc Nhà nước khu vực XIII ngay khi có vốn.");
        assert_eq!(
            got,
            [
                ("Phòng Tài chính - Kế hoạch".to_string(), Role::Lead),
                ("Kho bạc Nhà nước khu vực XIII".to_string(), Role::Support)
            ]
        );
        // A region needs its number: "khu vực" alone places the task.
        let got = units_in("Phối hợp với Kho bạc Nhà nước khu vực biên giới rà soát.");
        assert_eq!(got, [("Kho bạc Nhà nước".to_string(), Role::Support)]);
        // A team's number ends its name, unless a place follows.
        let got = units_in("Tổ công tác số 2 phối hợp với Tổ công tác số 1 thanh tra việc thu tiền sử dụng đất.");
        assert_eq!(unit_names(&got), ["Tổ công tác số 2", "Tổ công tác số 1"]);
        let got = units_in("Giao Trường Tiểu học số 1 xã Ea Kly tổ chức.");
        assert_eq!(unit_names(&got), ["Trường Tiểu học số 1 xã Ea Kly"]);
        // A head in lower case after a list word opens a unit when it repeats one, or is named
        // like the unit before it; the places and members of a plural do not.
        let got = units_in(
            "Giao Thường trực Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát.",
        );
        assert_eq!(
            unit_names(&got),
            ["Thường trực Hội đồng nhân dân", "các Tổ đại biểu", "đại biểu Hội đồng nhân dân tỉnh"]
        );
        let got = units_in("Giao các trường THPT, trung tâm GDNN-GDTX xây dựng kế hoạch.");
        assert_eq!(unit_names(&got), ["các trường THPT", "trung tâm GDNN-GDTX"]);
        let got = units_in("Giao Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị Trung ương thực hiện.");
        assert_eq!(unit_names(&got), ["Ủy ban nhân dân các xã, phường", "các cơ quan, đơn vị Trung ương"]);
        let got = units_in("Giao Trạm Y tế xã, phường thực hiện.");
        assert_eq!(unit_names(&got), ["Trạm Y tế xã, phường"]);
        let got = units_in("Giao các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ thực hiện.");
        assert_eq!(unit_names(&got), ["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]);
    }

    #[test]
    fn the_issuer_is_no_support_of_itself() {
        let issuer = body_words("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh");
        assert!(is_issuer("Ban Thường trực UBMTTQ xã", &issuer));
        assert!(is_issuer("Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh", &issuer));
        assert!(!is_issuer("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh", &issuer));
        assert!(!is_issuer("Ủy ban MTTQ xã", &issuer));
        assert!(!is_issuer("Ban Thường trực", &issuer));
        assert!(!is_issuer("Ban Thường trực UBMTTQ", &[]));
        let issuer = body_words("Ban Tuyên giáo Huyện ủy Cái Bè");
        assert!(is_issuer("Ban Tuyên giáo Huyện ủy", &issuer));
        assert!(!is_issuer("Ban Tuyên giáo", &issuer));
        // Its name without its place.
        let issuer = body_words("Sở Tài chính tỉnh Bắc Ninh");
        assert!(is_issuer("Sở Tài chính", &issuer));
        assert!(!is_issuer("Sở Tài chính tỉnh Hà Nam", &issuer));
        assert!(!is_issuer("Sở", &issuer));
    }

    #[test]
    fn lists_split_where_a_new_unit_opens() {
        let got = roles_in(
            "- Đơn vị thực hiện: Văn phòng phường, Ủy ban Mặt trận TQVN phường và các tổ chức chính trị xã hội phường.",
        );
        let units = unit_names(&got);
        assert_eq!(units, ["Văn phòng phường", "Ủy ban Mặt trận TQVN phường", "các tổ chức chính trị xã hội phường"]);
        let got = roles_in(
            "Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo Ủy ban nhân dân các xã, phường, thị trấn thực hiện.",
        );
        let units = unit_names(&got);
        assert_eq!(units, ["Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các xã, phường, thị trấn"]);
        let got = roles_in("Phối hợp với UBND xã, các tổ chức chính trị - xã hội, các thôn để tổ chức hội nghị.");
        let units = unit_names(&got);
        assert_eq!(units, ["UBND xã", "các tổ chức chính trị - xã hội", "các thôn"]);
    }

    #[test]
    fn report_to_and_channel() {
        let got =
            roles_in("thực hiện chế độ báo cáo gửi Ủy ban nhân dân phường (qua Văn phòng UBND phường) theo quy định.");
        assert!(got.contains(&("Ủy ban nhân dân phường".into(), Role::ReportTo)), "{got:?}");
        assert!(got.contains(&("Văn phòng UBND phường".into(), Role::ReportTo)), "{got:?}");
    }

    #[test]
    fn report_to_after_an_object_or_an_adverb() {
        let got = units_in("- Báo cáo ngay với Thường trực Đảng ủy phường khi có vụ việc phức tạp.");
        assert_eq!(got, [("Thường trực Đảng ủy phường".to_string(), Role::ReportTo)]);
        let got = units_in("Gửi danh sách người ứng cử đến Ủy ban bầu cử phường trước ngày 10/3.");
        assert_eq!(got, [("Ủy ban bầu cử phường".to_string(), Role::ReportTo)]);
        let got = units_in("Trường hợp vượt thẩm quyền, chuyển ngay đến Thanh tra huyện.");
        assert_eq!(got, [("Thanh tra huyện".to_string(), Role::ReportTo)]);
        // What is handed over to be dealt with is no report.
        assert!(units_in("Chuyển đơn đến Ủy ban nhân dân phường để giải quyết.").is_empty());
        let got = units_in("tổng hợp ý kiến, kiến nghị với Ủy ban nhân dân quận giải quyết.");
        assert_eq!(got, [("Ủy ban nhân dân quận".to_string(), Role::ReportTo)]);
        // Without a verb of sending "đến"/"tới" reach no addressee.
        assert!(units_in("Tuyên truyền đến các tổ chức xã hội trên địa bàn.").is_empty());
        assert!(units_in("Phổ biến tới các cơ quan trong khối thi đua.").is_empty());
    }

    #[test]
    fn an_enforcement_clause_names_every_unit_of_its_list() {
        let got = units_in(
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ngành; Chủ tịch Ủy ban nhân dân các huyện và các đơn vị có liên quan căn cứ Quyết định thi hành.",
        );
        let units = unit_names(&got);
        assert_eq!(
            units,
            [
                "Chánh Văn phòng Ủy ban nhân dân tỉnh",
                "Giám đốc các sở, ngành",
                "Chủ tịch Ủy ban nhân dân các huyện",
                "các đơn vị có liên quan"
            ]
        );
        assert!(got.iter().all(|(_, r)| *r == Role::Lead));
        let got = units_in(
            "Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        );
        let units = unit_names(&got);
        assert_eq!(units, ["Giám đốc Sở Nội vụ", "Chủ tịch UBND các huyện", "các ông, bà có tên tại Điều 1"]);
        let got = units_in("Giám đốc các Sở, Ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này.");
        assert_eq!(got, [("Giám đốc các Sở, Ban, ngành tỉnh".to_string(), Role::Lead)]);
        let got = units_in("Giám đốc các Sở, Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này.");
        assert_eq!(got.len(), 2, "{got:?}");
        // A clause that says something else is no part of the list.
        let got = units_in("Sở Nội vụ rà soát hồ sơ; Văn phòng tỉnh chịu trách nhiệm thi hành Quyết định này.");
        assert!(got.iter().all(|(u, _)| u != "Sở Nội vụ rà soát hồ sơ"), "{got:?}");
        assert!(got.contains(&("Văn phòng tỉnh".to_string(), Role::Lead)), "{got:?}");
        // A colon that lists the names of a plural unit keeps them with it, however many.
        let got = units_in(
            "Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nội vụ, Tài chính, Y tế, Giáo dục và Đào tạo, Xây dựng, Công Thương; Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này.",
        );
        let units = unit_names(&got);
        assert_eq!(
            units,
            [
                "Chánh Văn phòng UBND tỉnh",
                "Giám đốc các sở: Nội vụ, Tài chính, Y tế, Giáo dục và Đào tạo, Xây dựng, Công Thương",
                "Chủ tịch UBND các huyện"
            ]
        );
        // A colon after a unit that is no plural ends it.
        let got = units_in("Văn phòng UBND tỉnh: Nội vụ chịu trách nhiệm thi hành Quyết định này.");
        assert!(got.iter().all(|(u, _)| !u.contains(':')), "{got:?}");
    }

    #[test]
    fn table_cells_are_units_of_their_own() {
        let got = units_in("Giao Bộ Tài chính\nBộ Khoa học và\nCông nghệ\nCơ chế, chính sách\nNăm 2026");
        let units = unit_names(&got);
        assert_eq!(units, ["Bộ Tài chính", "Bộ Khoa học và\nCông nghệ"]);
        let got = units_in("Giao Bộ\nTài chính\nNăm 2026");
        assert_eq!(got, [("Bộ\nTài chính".to_string(), Role::Lead)]);
        // A wrapped line of prose is long: the name goes on.
        let got = units_in(
            "Đề nghị các cơ quan, đơn vị phối hợp chặt chẽ với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\nQuảng Ninh trong quá trình thực hiện.",
        );
        assert!(
            got.contains(&("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\nQuảng Ninh".to_string(), Role::Support)),
            "{got:?}"
        );
    }

    #[test]
    fn headings_that_name_units() {
        let units = heading_units("Đề nghị Ban Dân vận Đảng ủy, Mặt trận các tổ chức chính trị - xã hội phường", true);
        assert_eq!(units.len(), 2);
        assert_eq!(heading_units("Công chức Địa chính – Xây dựng", false).len(), 1);
        assert_eq!(heading_units("Tài chính – Kế toán phường", true).len(), 1);
        // The phrase that gives the duties is no part of the unit before the colon.
        assert!(heading_units("Chủ tịch Hội đồng: Ông Vũ Mạnh Hà - Chủ tịch UBND huyện.", false).is_empty());
        let title = "Ủy ban nhân dân các huyện có tên tại Phụ lục I có trách nhiệm:";
        let got: Vec<&str> = heading_units(title, false).into_iter().map(|(a, b)| &title[a..b]).collect();
        assert_eq!(got, ["Ủy ban nhân dân các huyện có tên tại Phụ lục I"]);
        assert!(heading_units("Tổ chức thực hiện", false).is_empty());
        assert!(heading_units("Kinh phí thực hiện: Kinh phí phục vụ công tác kiểm tra", true).is_empty());
        assert!(heading_units("Tổ chức hội nghị sơ kết", true).is_empty());
        // A short task sentence under "Tổ chức thực hiện" is no name: it holds a verb.
        assert!(heading_units("Giao UBND xã tổ chức triển khai thực hiện Nghị quyết.", true).is_empty());
        assert!(heading_units("Các xã báo cáo định kỳ hằng tháng.", true).is_empty());
        // A heading that opens with a verb names a task, not a unit.
        assert!(heading_units("Tuyên truyền", true).is_empty());
        assert!(heading_units("Kiểm tra, giám sát", true).is_empty());
        assert!(heading_units("Các thành viên là lãnh đạo: Phòng Nội vụ, Phòng Tài chính", true).is_empty());
        // Units listed before the colon of a point are split as printed.
        let title =
            "Sở Thông tin và Truyền thông, Báo Hà Tĩnh, Đài Phát thanh - Truyền hình tỉnh: Tăng cường tuyên truyền.";
        assert_eq!(heading_units(title, false).len(), 3);
        assert_eq!(heading_units("Sở Nội vụ; Sở Tư pháp: Hướng dẫn thực hiện.", false).len(), 2);
        assert_eq!(heading_units("Đồng chí Phó Trưởng ban - Ủy viên: Phụ trách chung.", false).len(), 1);
        // A plural whose names follow its colon is a list for the paragraph to read.
        let title = "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Kế hoạch và Đầu tư; Chủ tịch UBND các huyện chịu trách nhiệm thi hành.";
        assert!(heading_units(title, false).is_empty());
        // A list of names is as long as they are; a long topic is no list of names.
        let title =
            "Sở Xây dựng, Sở Công Thương, Sở Tài chính, Sở Tư pháp, Sở Nội vụ và Ban Quản lý các khu công nghiệp";
        assert_eq!(heading_units(title, false).len(), 6);
        let title = "Tăng cường công tác kiểm tra, giám sát và xử lý vi phạm trong lĩnh vực phòng cháy, chữa cháy tại các khu dân cư, cơ sở sản xuất";
        assert!(heading_units(title, true).is_empty());
        // A closing parenthesis says what the unit is to the plan; the unit stands before it.
        let title = "Công an tỉnh (Cơ quan Thường trực Tổ công tác Đề án 06 tỉnh)";
        let units = heading_units(title, true);
        assert_eq!(units.iter().map(|&(s, e)| &title[s..e]).collect::<Vec<_>>(), ["Công an tỉnh"]);
    }

    #[test]
    fn a_label_may_qualify_a_unit_word() {
        for (line, want) in [
            ("- Bộ phận chủ trì: Công chức Văn hóa - Xã hội.", ("Công chức Văn hóa - Xã hội", Role::Lead)),
            ("- Cơ quan, đơn vị phối hợp: Công an huyện.", ("Công an huyện", Role::Support)),
            ("- Đơn vị chủ trì thực hiện: Văn phòng HĐND và UBND huyện.", ("Văn phòng HĐND và UBND huyện", Role::Lead)),
        ] {
            assert_eq!(units_in(line), [(want.0.to_string(), want.1)], "{line}");
        }
        // What a label lists when its words open with no unit: no units.
        assert!(units_in("- Nội dung phối hợp: Tuyên truyền, vận động nhân dân.").is_empty());
    }

    #[test]
    fn headings_that_describe_one_unit() {
        let title = "Chuyên viên phụ trách lĩnh vực thi đua, khen thưởng";
        assert_eq!(heading_units(title, true), [(0, title.len())]);
        let title = "Các phòng quản lý chuyên ngành về đô thị";
        assert_eq!(heading_units(title, false), [(0, title.len())]);
        // Outside "Tổ chức thực hiện" a singular heading with a verb is a task.
        assert!(heading_units("Phòng Kinh tế tổng hợp số liệu", false).is_empty());
        // A sentence is no heading of units.
        assert!(heading_units("Các sở chủ động rà soát. Báo cáo kết quả", true).is_empty());
        let title = "Đồng chí Phó Chủ tịch UBND xã - Trưởng Ban Chỉ đạo: Phụ trách chung, chỉ đạo các tổ.";
        let units = heading_units(title, true);
        assert_eq!(
            units.iter().map(|&(a, b)| &title[a..b]).collect::<Vec<_>>(),
            ["Đồng chí Phó Chủ tịch UBND xã - Trưởng Ban Chỉ đạo"]
        );
        assert!(heading_units("Đơn vị thực hiện: Phòng Văn hóa - Thông tin", true).is_empty());
    }

    fn units_in(p: &str) -> Vec<(String, Role)> {
        roles_in(p)
    }

    fn unit_names(got: &[(String, Role)]) -> Vec<&str> {
        got.iter().map(|(u, _)| u.as_str()).collect()
    }

    #[test]
    fn an_item_that_only_names_a_unit_is_no_assignment() {
        let decree = "NGHỊ ĐỊNH\nVề cán bộ cấp xã\n\nĐiều 2. Đối tượng áp dụng\n1. Cán bộ cấp xã.\n2. Công chức cấp xã.\n\
                      Điều 3. Trách nhiệm thi hành\n1. Sở Y tế: tổ chức tiêm chủng.\n2. Sở Nội vụ\nHướng dẫn thực hiện.\n";
        let x = crate::pipeline::extract_bytes("decree.txt", decree.as_bytes()).expect("reads");
        let got: Vec<(Option<&str>, &str)> =
            x.documents[0].assignments.iter().map(|a| (a.path.as_deref(), a.unit.as_str())).collect();
        assert_eq!(got, [(Some("Điều 3.1"), "Sở Y tế"), (Some("Điều 3.2"), "Sở Nội vụ")]);
    }

    #[test]
    fn a_task_table_lists_the_units_of_its_role_columns() {
        let table = "| STT | Nhiệm vụ | Cơ quan chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n\
                     | 1 | Xây dựng kho dữ liệu | Sở Khoa học và Công nghệ | Các sở, ban, ngành | Quý II/2025 |\n\
                     | 2 | Triển khai nền tảng số | UBND các huyện, thành phố | Sở Nội vụ | Trước 30/9/2025 |";
        let mut got = vec![];
        assert!(read_table(table, 10, |span, unit, role| got.push((span, unit.to_string(), role))));
        let units: Vec<(&str, Role)> = got.iter().map(|(_, u, r)| (u.as_str(), *r)).collect();
        assert_eq!(
            units,
            [
                ("Sở Khoa học và Công nghệ", Role::Lead),
                ("Các sở, ban, ngành", Role::Support),
                ("UBND các huyện, thành phố", Role::Lead),
                ("Sở Nội vụ", Role::Support)
            ]
        );
        for (span, unit, _) in &got {
            assert_eq!(&table[span.start as usize - 10..span.end as usize - 10], unit);
        }
        // The same table printed without its border.
        let borderless = table
            .lines()
            .filter(|l| !l.contains("---"))
            .map(|l| l.trim().trim_matches('|').trim())
            .collect::<Vec<_>>()
            .join("\n");
        let mut again = vec![];
        assert!(read_table(&borderless, 0, |span, unit, role| again.push((span, unit.to_string(), role))));
        assert_eq!(again.iter().map(|(_, u, r)| (u.as_str(), *r)).collect::<Vec<_>>(), units);
        for (span, unit, _) in &again {
            assert_eq!(&borderless[span.range()], unit);
        }
        // A header cell that opens with a label of three words or more names its column too;
        // one that only opens with "Chủ trì" does not.
        let units_of = |table: &str| {
            let mut got = vec![];
            read_table(table, 0, |_, unit, role| got.push((unit.to_string(), role)));
            got
        };
        let extra = "TT | Vị trí | Đơn vị chủ trì bảo vệ\n1 | Đê Hải Lý | UBND xã Hải Lý";
        assert_eq!(units_of(extra), [("UBND xã Hải Lý".to_string(), Role::Lead)]);
        assert!(units_of("TT | Vị trí | Chủ trì kiểm tra\n1 | Đê Hải Lý | UBND xã Hải Lý").is_empty());
        // A task's own text still says where its report goes; any other unit in it is no one's.
        let got = units_of("TT | Nội dung | Chủ trì\n1 | Giao Sở Y tế tổng hợp, báo cáo UBND tỉnh | Sở Nội vụ");
        assert_eq!(got, [("UBND tỉnh".to_string(), Role::ReportTo), ("Sở Nội vụ".to_string(), Role::Lead)]);
        // A table without a role column, and a paragraph that is no table, are read as text.
        assert!(!read_table("| STT | Nội dung |\n|---|---|\n| 1 | Sở Nội vụ chủ trì |", 0, |_, _, _| {}));
        assert!(!read_table("Sở Nội vụ chủ trì.", 0, |_, _, _| {}));
    }

    #[test]
    fn a_name_ends_at_its_level_of_place_before_a_verb() {
        for (text, want) in [
            ("3. Kho bạc Nhà nước tỉnh kiểm soát, thanh toán kịp thời cho các dự án.", vec!["Kho bạc Nhà nước tỉnh"]),
            ("Văn phòng UBND tỉnh thông báo kết quả đến các xã.", vec!["Văn phòng UBND tỉnh"]),
            // After the place's name too.
            (
                "Phối hợp với Phòng Kinh tế và Hạ tầng, UBND thị trấn Hưng Hóa khảo sát vị trí.",
                vec!["Phòng Kinh tế và Hạ tầng", "UBND thị trấn Hưng Hóa"],
            ),
            // What the level is part of, or what places it, stays in the name.
            ("Giám đốc Bảo hiểm xã hội tỉnh kiểm soát việc chi trả.", vec!["Giám đốc Bảo hiểm xã hội tỉnh"]),
            (
                "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và các cơ quan có liên quan chịu trách nhiệm thi hành.",
                vec!["Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương", "các cơ quan có liên quan"],
            ),
            // Folded, "quân" and "quan" would be the level "quận".
            ("Ban Chỉ huy quân sự phường phối hợp.", vec!["Ban Chỉ huy quân sự phường"]),
            // A level word that ends a head is no level.
            (
                "Phối hợp với Hợp tác xã Nông nghiệp Ea Kiết kết nối tiêu thụ cà phê.",
                vec!["Hợp tác xã Nông nghiệp Ea Kiết"],
            ),
        ] {
            assert_eq!(unit_names(&units_in(text)), want, "{text}");
        }
    }

    #[test]
    fn name_phrases_and_links_keep_the_unit_whole() {
        let got = units_in("Chỉ đạo Ban Chỉ đạo cấp xã và các thành viên trong Ban Tổ chức kiểm tra tiến độ.");
        assert!(got.contains(&("Ban Chỉ đạo cấp xã".into(), Role::Lead)), "{got:?}");
        assert!(got.contains(&("các thành viên trong Ban Tổ chức".into(), Role::Lead)), "{got:?}");
        let got = units_in("Phối hợp với Ủy ban bầu cử phường chuẩn bị tài liệu.");
        assert_eq!(got, [("Ủy ban bầu cử phường".to_string(), Role::Support)]);
        // "trong" before a word that is no unit still ends the name.
        let got = units_in("Phối hợp với các phòng chuyên môn trong công tác kiểm tra.");
        assert_eq!(got, [("các phòng chuyên môn".to_string(), Role::Support)]);
        // Bare head words in lower case list the places of one unit.
        let got = units_in("Ban Công tác Mặt trận ở thôn, tổ dân phố vận động Nhân dân.");
        assert_eq!(got, [("Ban Công tác Mặt trận ở thôn, tổ dân phố".to_string(), Role::Lead)]);
    }

    #[test]
    fn a_relative_clause_describes_the_unit_unless_a_verb_follows() {
        let got = units_in("Đôn đốc các đơn vị được giao quản lý công trình thực hiện bảo trì.");
        assert_eq!(got, [("các đơn vị được giao quản lý công trình".to_string(), Role::Lead)]);
        let got = units_in("Sở Xây dựng được giao chủ trì thẩm định hồ sơ.");
        assert!(got.iter().all(|(u, _)| u == "Sở Xây dựng"), "{got:?}");
    }

    #[test]
    fn lien_quan_stays_with_the_unit_it_qualifies() {
        let got = units_in(
            "Phòng Tài chính chủ trì, phối hợp với UBND các xã, phường liên quan và các cơ quan, đơn vị liên quan tổ chức thực hiện.",
        );
        assert_eq!(
            unit_names(&got),
            ["Phòng Tài chính", "UBND các xã, phường liên quan", "các cơ quan, đơn vị liên quan"]
        );
    }

    #[test]
    fn communes_villages_schools_and_their_staff_are_units_and_places() {
        for (text, want) in [
            ("Đề nghị các xã tổ chức thực hiện.", vec!["các xã"]),
            ("Các xã, thị trấn tổ chức thực hiện.", vec!["Các xã, thị trấn"]),
            ("Chỉ đạo các thôn hoàn thành thu hoạch.", vec!["các thôn"]),
            ("Các thôn, tổ dân phố tuyên truyền, vận động nhân dân.", vec!["Các thôn, tổ dân phố"]),
            ("Giao các trường học tổ chức ngoại khóa.", vec!["các trường học"]),
            ("Trạm Y tế xã tổ chức tiêm chủng.", vec!["Trạm Y tế xã"]),
            ("- Đơn vị phối hợp: Tổ trưởng các tổ dân phố.", vec!["Tổ trưởng các tổ dân phố"]),
            ("Phối hợp với nhà trường bảo đảm an toàn cho học sinh.", vec!["nhà trường"]),
            ("Ngành y tế chủ động phòng, chống dịch.", vec!["Ngành y tế"]),
            ("Chỉ đạo các cơ sở giáo dục thực hiện.", vec!["các cơ sở giáo dục"]),
            ("Phối hợp với lực lượng công an xã tuần tra.", vec!["lực lượng công an xã"]),
            ("Trạm trưởng chịu trách nhiệm chỉ đạo chung.", vec!["Trạm trưởng"]),
            // A level of place in lower case after a name lists the unit's places.
            ("Giao UBND xã, phường tổ chức thực hiện.", vec!["UBND xã, phường"]),
            ("Công an xã, phường phối hợp thực hiện.", vec!["Công an xã, phường"]),
            ("Phối hợp với Ban Chỉ đạo cấp huyện, xã thực hiện.", vec!["Ban Chỉ đạo cấp huyện, xã"]),
            // "Xã hội" in a ministry's name, "Trường hợp" opening a sentence: no commune, no school.
            ("Giao Sở Lao động - Thương binh và Xã hội hướng dẫn.", vec!["Sở Lao động - Thương binh và Xã hội"]),
            ("Trường hợp phát hiện vi phạm, báo cáo Ủy ban nhân dân xã.", vec!["Ủy ban nhân dân xã"]),
        ] {
            assert_eq!(unit_names(&units_in(text)), want, "{text}");
        }
        // A paragraph a page break cut opens with no subject.
        assert!(units_in("xã, ở thôn, tổ dân phố theo quy định của Chính phủ; hướng dẫn thực hiện.").is_empty());
    }

    #[test]
    fn a_briefing_or_a_handover_gives_no_order() {
        assert!(units_in("Thông báo kết luận cuộc họp giao ban tháng 9/2024 của Ủy ban nhân dân tỉnh.").is_empty());
        assert!(units_in("Tổ chức bàn giao Ban Quản lý chợ về xã quản lý.").is_empty());
        // "Giao" before a unit's name in capitals is an order.
        assert_eq!(unit_names(&units_in("Giao Ban Quản lý chợ tổ chức thu phí.")), ["Ban Quản lý chợ"]);
    }

    #[test]
    fn a_title_governs_bodies_never_individuals() {
        for (text, want) in [
            (
                "đề nghị Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan nghiêm túc triển khai thực hiện.",
                vec!["Thủ trưởng các cơ quan, đơn vị", "cá nhân có liên quan"],
            ),
            (
                "Giám đốc Sở Nội vụ, Chủ tịch UBND các huyện và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
                vec!["Giám đốc Sở Nội vụ", "Chủ tịch UBND các huyện", "tổ chức, cá nhân có liên quan"],
            ),
            // Without a title, bodies and individuals are one collective.
            (
                "Yêu cầu các cơ quan, tổ chức và cá nhân có liên quan thực hiện.",
                vec!["các cơ quan, tổ chức và cá nhân có liên quan"],
            ),
        ] {
            assert_eq!(unit_names(&units_in(text)), want, "{text}");
        }
    }

    #[test]
    fn a_proper_name_ends_where_a_head_word_follows() {
        let got = units_in("báo cáo Bộ Nội vụ và cơ quan có thẩm quyền xem xét.");
        assert!(got.contains(&("Bộ Nội vụ".into(), Role::ReportTo)), "{got:?}");
        assert!(got.contains(&("cơ quan có thẩm quyền".into(), Role::ReportTo)), "{got:?}");
        // A plural list goes on: one collective unit.
        let got = units_in("Yêu cầu các sở, ban, ngành và địa phương triển khai.");
        assert_eq!(got, [("các sở, ban, ngành và địa phương".to_string(), Role::Lead)]);
    }

    #[test]
    fn subjects_of_task_sentences() {
        // A verb that is itself a trigger gives its role, not lead.
        let got = units_in("- Các Phó Chủ tịch UBND phường chỉ đạo thực hiện theo lĩnh vực được phân công.");
        assert_eq!(got, [("Các Phó Chủ tịch UBND phường".to_string(), Role::Direct)]);
        // "Tổ chức" opening a sentence is the verb.
        assert!(units_in("Tổ chức hội nghị sơ kết vào tháng 6.").is_empty());
        assert!(units_in("a) Tổ chức tập huấn cho cán bộ.").is_empty());
        // A slogan names no one.
        assert!(units_in("Đảng Cộng sản Việt Nam quang vinh muôn năm!").is_empty());
    }

    #[test]
    fn state_management_units_keep_their_field() {
        let got = units_in("Phối hợp với các cơ quan quản lý nhà nước về đất đai theo dõi.");
        assert_eq!(got, [("các cơ quan quản lý nhà nước về đất đai".to_string(), Role::Support)]);
        let got = units_in("báo cáo Ủy ban nhân dân huyện về kết quả thực hiện.");
        assert_eq!(got, [("Ủy ban nhân dân huyện".to_string(), Role::ReportTo)]);
    }

    #[test]
    fn the_subject_after_an_opening_phrase() {
        let got = units_in("Căn cứ nhiệm vụ được giao, các phòng, ban thuộc UBND huyện chủ động triển khai.");
        assert_eq!(got, [("các phòng, ban thuộc UBND huyện".to_string(), Role::Lead)]);
        let got = units_in("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời phản ánh.");
        assert_eq!(got, [("các đơn vị".to_string(), Role::Lead)]);
        // The first unit after the opening phrase is the subject or there is none.
        let got = units_in("Căn cứ Kế hoạch này, UBND huyện yêu cầu các phòng, đơn vị, UBND các xã triển khai.");
        assert!(got.iter().all(|(u, _)| u != "đơn vị" && u != "UBND huyện"), "{got:?}");
        assert!(units_in("Trên cơ sở đó, tổ chức đánh giá kết quả thực hiện.").is_empty());
        // Without an opening phrase a unit after a comma is no subject.
        assert!(units_in("Rà soát hồ sơ, Phòng Tư pháp tổng hợp.").is_empty());
    }

    #[test]
    fn bulleted_units_under_a_trigger() {
        assert_eq!(last_trigger(&tokens("Giao các phòng chuyên môn theo lĩnh vực gồm:")), Some(Role::Lead));
        assert_eq!(last_trigger(&tokens("Chủ trì, phối hợp với các đơn vị sau:")), Some(Role::Support));
        assert_eq!(last_trigger(&tokens("Nội dung kiểm tra gồm:")), None);
        let mut got = vec![];
        let item = "- Phòng Kinh tế (đối với chợ, trung tâm thương mại);";
        let listed = read_listed(item, &tokens(item), 0, Role::Lead, |_, u, r| got.push((u.to_string(), r)));
        assert!(listed);
        assert_eq!(got, [("Phòng Kinh tế".to_string(), Role::Lead)]);
        // An item that says what to do is no unit of the list.
        assert!(!read_listed(
            "- Phòng Kinh tế rà soát các chợ;",
            &tokens("- Phòng Kinh tế rà soát các chợ;"),
            0,
            Role::Lead,
            |_, _, _| ()
        ));
        assert!(!read_listed("- Rà soát các chợ;", &tokens("- Rà soát các chợ;"), 0, Role::Lead, |_, _, _| ()));
        // A parenthesis before the first word (a property test found it): nothing listed, no panic.
        assert!(!read_listed("- (Sở Tư pháp);", &tokens("- (Sở Tư pháp);"), 0, Role::Lead, |_, _, _| ()));
    }

    #[test]
    fn a_verb_ends_the_subject() {
        let got = units_in("Ban Thường trực Ủy ban Mặt trận Tổ quốc phường triệu tập hội nghị đại biểu.");
        assert_eq!(got, [("Ban Thường trực Ủy ban Mặt trận Tổ quốc phường".to_string(), Role::Lead)]);
        let got = units_in("Chủ trì, phối hợp với các hội đoàn thể xác minh nội dung phản ánh.");
        assert_eq!(got, [("các hội đoàn thể".to_string(), Role::Support)]);
        // Asking is no task of the asker; proposing is.
        let got = units_in("Sở Công Thương đề xuất giải pháp hỗ trợ doanh nghiệp.");
        assert_eq!(got, [("Sở Công Thương".to_string(), Role::Lead)]);
        assert!(units_in("Sở Công Thương đề nghị bổ sung kinh phí.").is_empty());
    }

    #[test]
    fn a_unit_that_tells_what_it_did_is_not_addressed() {
        assert!(units_in("Ủy ban nhân dân huyện nhận được Văn bản số 12/SNV-TCBC của Sở Nội vụ.").is_empty());
        assert!(units_in("Hội đồng nhân dân thành phố đã thông qua Nghị quyết về phát triển đô thị.").is_empty());
        // The same unit with a task verb is.
        let got = units_in("Hội đồng nhân dân thành phố giám sát việc thực hiện Nghị quyết.");
        assert_eq!(got, [("Hội đồng nhân dân thành phố".to_string(), Role::Lead)]);
        // "X là …" says what X is; a task after it still addresses X.
        assert!(units_in("- Thành phần đoàn: Trưởng đoàn là đại diện Lãnh đạo Ban Thường trực UBMTTQ xã.").is_empty());
        let mut got =
            units_in("Sở Thông tin và Truyền thông là cơ quan thường trực của Ban Chỉ đạo, chủ trì tổ chức hội nghị.");
        got.dedup();
        assert_eq!(got, [("Sở Thông tin và Truyền thông".to_string(), Role::Lead)]);
        // Named the standing body or focal point of the task, X leads it.
        for p in [
            "Phòng Nội vụ là cơ quan thường trực, giúp UBND huyện theo dõi.",
            "Phòng Y tế là đầu mối, tổng hợp kết quả.",
        ] {
            assert_eq!(units_in(p).len(), 1, "{p}");
            assert_eq!(units_in(p)[0].1, Role::Lead, "{p}");
        }
    }

    #[test]
    fn a_telephone_number_is_no_part_of_the_unit() {
        let got = units_in("Phản ánh về Sở Tài chính (qua Phòng Quản lý ngân sách, số điện thoại 0238.3844.xxx).");
        assert_eq!(got.last(), Some(&("Phòng Quản lý ngân sách".to_string(), Role::ReportTo)), "{got:?}");
    }

    #[test]
    fn one_unit_printed_two_ways_is_one_key() {
        assert_eq!(same_unit_key("UBND tỉnh"), same_unit_key("Ủy ban nhân dân tỉnh"));
        assert_eq!(same_unit_key("Cơ quan Tổ chức - Nội vụ"), same_unit_key("Cơ quan Tổ chức – Nội vụ"));
        // Tone placement is the normalizer's: the units come from normalized text.
        let read = |u: &str| same_unit_key(&crate::normalize::normalize(u).text);
        assert_eq!(read("Uỷ ban nhân dân xã"), read("Ủy ban Nhân dân xã"));
        assert_eq!(read("Uỷ ban nhân dân xã"), read("U\u{309}y ban nhân dân xã"));
        assert_ne!(same_unit_key("UBND tỉnh"), same_unit_key("UBND xã"));
    }

    #[test]
    fn triggers_after_a_joined_verb_an_adverb_or_between() {
        let got = units_in("Ủy ban nhân dân các huyện chỉ đạo, hướng dẫn Ủy ban nhân dân các xã triển khai thực hiện.");
        assert!(got.contains(&("Ủy ban nhân dân các xã".to_string(), Role::Lead)), "{got:?}");
        let got = units_in("Đề nghị các phòng phản ánh trực tiếp về Phòng Hành chính - Tổ chức để tổng hợp.");
        assert!(got.contains(&("Phòng Hành chính - Tổ chức".to_string(), Role::ReportTo)), "{got:?}");
        // "phối hợp giữa A với B": B supports; A is not named by the trigger.
        let got = units_in("Bảo đảm sự phối hợp chặt chẽ giữa MTTQ với các tổ chức thành viên, các cơ quan liên quan.");
        let units = unit_names(&got);
        assert_eq!(units, ["các tổ chức thành viên", "các cơ quan liên quan"]);
        assert!(got.iter().all(|(_, r)| *r == Role::Support));
        // Without "với" no one supports; a "Quy chế phối hợp" is a document, no task.
        assert!(units_in("Tăng cường sự phối hợp giữa các cơ quan, đơn vị và địa phương.").is_empty());
        assert!(units_in("Ban hành Quy chế phối hợp giữa UBND phường với Mặt trận Tổ quốc phường.").is_empty());
        assert!(units_in("- Phối hợp tổ chức kiểm tra tiến độ bầu cử.").is_empty());
        // "Chỉ đạo" inside "Ban Chỉ đạo" tells no one to act.
        let got = units_in("Ban Chỉ đạo chính quyền thân thiện xã tổ chức kiểm tra.");
        assert_eq!(got, [("Ban Chỉ đạo chính quyền thân thiện xã".to_string(), Role::Lead)]);
        // "phản ánh" far before "về" is the noun.
        assert!(units_in("Tiếp nhận kiến nghị, phản ánh của công dân về Ủy ban nhân dân xã.").is_empty());
    }

    #[test]
    fn the_subject_of_an_after_trigger_follows_an_opening_phrase() {
        let got = units_in(
            "Trên cơ sở nội dung Kế hoạch, căn cứ chức năng, nhiệm vụ, Thủ trưởng các Sở, ban ngành tỉnh, Chủ tịch Ủy ban nhân dân các huyện có trách nhiệm triển khai.",
        );
        let units = unit_names(&got);
        assert_eq!(units, ["Thủ trưởng các Sở, ban ngành tỉnh", "Chủ tịch Ủy ban nhân dân các huyện"]);
    }

    #[test]
    fn a_person_with_two_titles_acts_by_the_office() {
        let got =
            units_in("- Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ xã lãnh đạo, chỉ đạo chung.");
        assert_eq!(got, [("Chủ tịch Ủy ban MTTQ xã".to_string(), Role::Lead)]);
        let got = units_in("- Đ/c Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch UBND xã chỉ đạo chung.");
        assert_eq!(got, [("Chủ tịch UBND xã".to_string(), Role::Lead)]);
        // Plural: a list of offices.
        let got = units_in("Các đồng chí Phó Chủ tịch, Trưởng các đoàn thể xã chủ động triển khai.");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_title_alone_before_a_colon_is_whose_title_the_names_after_it_bear() {
        let got = units_in(
            "Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông tiếp tục tuyên truyền.",
        );
        assert_eq!(unit_names(&got), ["Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"]);
        // Counter-example: a title with its body is a unit before a colon too.
        let got = units_in("Giao Giám đốc Sở Nội vụ: tổ chức thực hiện.");
        assert_eq!(unit_names(&got), ["Giám đốc Sở Nội vụ"]);
    }

    #[test]
    fn a_steering_board_named_by_what_it_carries_out() {
        let got = units_in("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã chủ trì, phối hợp với các ngành.");
        assert_eq!(got[0], ("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã".to_string(), Role::Lead));
        // The trigger "chỉ đạo thực hiện" inside the board's name directs nothing.
        assert!(got.iter().all(|(_, r)| *r != Role::Direct), "{got:?}");
        // Counter-examples: a verb, and the document itself.
        for p in ["Ban Chỉ đạo thực hiện tốt công tác kiểm tra.", "Giao Ban Chỉ đạo thực hiện Kế hoạch này."]
        {
            assert_eq!(units_in(p), [("Ban Chỉ đạo".to_string(), Role::Lead)], "{p}");
        }
    }

    #[test]
    fn names_that_hold_a_verb_or_a_parenthesis() {
        let got = units_in(
            "Điều 3. Văn phòng xã và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        );
        assert!(got.contains(&("các ông (bà) có tên tại Điều 1".to_string(), Role::Lead)), "{got:?}");
        let got = units_in(
            "gửi về Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tổ chức hội nghị hiệp thương trước ngày 10/3.",
        );
        let unit = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tổ chức hội nghị hiệp thương";
        assert!(got.iter().all(|(u, r)| u == unit && *r == Role::ReportTo), "{got:?}");
        // A sentence's verb printed with a capital is no part of the name.
        let got = units_in("- MTTQ Phối hợp với UBND xã tổ chức hội nghị.");
        assert!(got.contains(&("MTTQ".to_string(), Role::Lead)), "{got:?}");
        assert!(got.contains(&("UBND xã".to_string(), Role::Support)), "{got:?}");
    }

    #[test]
    fn the_opening_passage_is_the_issuer_speaking() {
        let mut got = vec![];
        let p = "Ủy ban nhân dân phường xây dựng Kế hoạch như sau:";
        read_paragraph(p, &tokens(p), 0, false, |_, u, r| got.push((u.to_string(), r)));
        assert!(got.is_empty(), "{got:?}");
    }
}
