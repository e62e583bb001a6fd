//! The data model that `extract` hands on: what one file says, as plain types.
//!
//! Field names follow the output contract (`shared/spec/extraction.md`), so the
//! JSON of [`FileExtraction`] is what `vanban extract --format json` prints.
//! Extractors fill spans in normalized-text offsets; [`FileExtraction::map_spans`]
//! turns them into offsets of the original file before anything leaves the library.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::span::Span;

/// Everything extracted from one input file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileExtraction {
    /// The file name as given (or `-` for standard input).
    pub file: String,
    /// The encoding the read stage detected.
    pub encoding: String,
    /// The documents of the file, in reading order.
    pub documents: Vec<Document>,
}

/// One administrative document: its header, what it cites, and what it asks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Type abbreviation (`KH`, `CV`, `QĐ`, …).
    pub kind: Option<String>,
    /// Canonical "Số, ký hiệu" (`53/KH-UBND`), `None` when none is printed.
    pub symbol: Option<String>,
    /// The number of the symbol.
    pub number: Option<u32>,
    /// The issuing body, abbreviations expanded.
    pub issuer: Option<String>,
    /// The place words of the date line.
    pub place: Option<String>,
    /// Signing date, ISO 8601.
    pub date: Option<String>,
    /// The trích yếu.
    pub title: Option<String>,
    /// Who signed, in which position and capacity.
    pub signer: Option<Signer>,
    /// Items of "Kính gửi:" and "Nơi nhận:".
    pub recipients: Vec<String>,
    /// Other documents this one refers to, one entry per distinct document.
    pub citations: Vec<Citation>,
    /// Numbered headings of the body.
    pub sections: Vec<Section>,
    /// Who must do what.
    pub assignments: Vec<Assignment>,
    /// Scored time limits.
    pub deadlines: Vec<Deadline>,
    /// Relative time limits ("trong thời hạn 05 ngày kể từ …"): kept, not scored.
    pub relative_deadlines: Vec<Deadline>,
    /// What the document asks, per section: units by role and deadlines.
    pub tasks: Vec<Task>,
    /// Where the document lies in the file.
    pub span: Span,
    /// Where each header field was read, by field name.
    pub field_spans: BTreeMap<String, Span>,
}

/// The person who signs, with the capacity in which they sign.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// Full name.
    pub name: Option<String>,
    /// Position, in sentence case ("Chánh Văn phòng").
    pub position: Option<String>,
    /// `TM`, `KT`, `TL`, `TUQ` or `Q`.
    pub authority: Option<String>,
}

/// Whether a cited document is what this one rests on, or merely mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Cited in the title or the opening "Thực hiện …/Căn cứ …" passage.
    Basis,
    /// Cited anywhere else.
    Cites,
}

/// A distinct document that this one refers to, with every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Type abbreviation of the type word used (or of the symbol's code).
    pub kind: Option<String>,
    /// Canonical symbol, `None` for a document cited by name only.
    pub symbol: Option<String>,
    /// ISO date, from the first mention that gives one.
    pub date: Option<String>,
    /// The body named after the symbol or date, as printed.
    pub issuer: Option<String>,
    /// For a document without a number: its name as printed.
    pub name: Option<String>,
    /// `basis` or `cites`.
    pub relation: Relation,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

/// One place where a citation is mentioned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention itself ("Kế hoạch số 53/KH-UBND ngày 23/3/2022").
    pub span: Span,
    /// The sentence that contains it, as normalized text.
    pub sentence: String,
    /// A pinpoint inside the cited document ("khoản 1, Mục III").
    pub pinpoint: Option<String>,
}

/// A numbered heading of the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Labels joined from the top: `II.3.a`, `Điều 1`, `PL.1`.
    pub path: String,
    /// The heading text, to the end of its line or paragraph.
    pub title: String,
    /// The heading line.
    pub span: Span,
}

/// The role a unit plays in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Carries the task out.
    Lead,
    /// Works with the lead.
    Support,
    /// Directs the task.
    Direct,
    /// Receives the report or submission.
    ReportTo,
}

/// A unit asked to play a role in the section that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Innermost section path, `None` outside numbered sections.
    pub path: Option<String>,
    /// The unit as printed.
    pub unit: String,
    /// Its role.
    pub role: Role,
    /// The unit's text.
    pub span: Span,
}

/// How often a deadline comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recurrence {
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Every nine months.
    NineMonthly,
    /// Every year.
    Yearly,
}

/// A time limit, normalized.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Innermost section path.
    pub path: Option<String>,
    /// The expression as printed (after normalization).
    pub text: String,
    /// A due date: ISO, or `--MM-DD` / `---DD` when recurring.
    pub due: Option<String>,
    /// Start of a period.
    pub start: Option<String>,
    /// End of a period.
    pub end: Option<String>,
    /// How often it recurs.
    pub recurrence: Option<Recurrence>,
    /// Where it was read.
    pub span: Span,
    /// A problem with the expression (a date that does not exist), reported rather than shifted.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub problem: Option<String>,
}

/// What a plan asks in one section: the task text, the units by role, the deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Section path.
    pub path: Option<String>,
    /// The task as the section states it.
    pub text: String,
    /// Units per role.
    pub units: BTreeMap<Role, Vec<String>>,
    /// Deadlines of the section.
    pub deadlines: Vec<Deadline>,
}

impl FileExtraction {
    /// Apply `f` to every span, e.g. to turn normalized offsets into original ones.
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for d in &mut self.documents {
            d.span = f(d.span);
            d.field_spans.values_mut().for_each(|s| *s = f(*s));
            d.citations.iter_mut().flat_map(|c| c.mentions.iter_mut()).for_each(|m| m.span = f(m.span));
            d.sections.iter_mut().for_each(|s| s.span = f(s.span));
            d.assignments.iter_mut().for_each(|a| a.span = f(a.span));
            let deadlines = d.deadlines.iter_mut().chain(d.relative_deadlines.iter_mut());
            deadlines.for_each(|x| x.span = f(x.span));
            d.tasks.iter_mut().flat_map(|t| t.deadlines.iter_mut()).for_each(|x| x.span = f(x.span));
        }
    }
}
