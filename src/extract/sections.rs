//! The section tree: numbered headings of the body, and which section each
//! offset of the document belongs to.
//!
//! Owns the labels of Vietnamese administrative documents: Roman parts ("II."),
//! Arabic items ("3."), compound items ("3.1.", "2.1.1"), lettered sub-items
//! ("a)", "đ."), numbers in parentheses ("(1)", one level below where they
//! stand), articles ("Điều 1.") and appendices ("PHỤ LỤC II" → `PLII`). Hands on
//! an [`Outline`]: the sections, and a lookup from an offset to the innermost
//! section path that assignments and deadlines share.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Section;
use crate::grammar::is_upper;
use crate::segment::{self, Layout};
use crate::span::Span;

/// How deep a label sits; a new label closes every open label of its level or deeper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    /// An appendix: the top of its own tree.
    Appendix,
    /// A part lettered in capitals ("A.", "PHẦN B") above the Roman parts.
    Division,
    /// An article ("Điều 1").
    Article,
    /// A Roman part; inside an article ("Điều 1. Phê duyệt Đề án … với các nội dung sau:
    /// I. MỤC TIÊU …") it stands under it.
    Part,
    /// Capital letters inside Roman parts, in a document that opens a part before its first one.
    SubPart,
    /// An Arabic item, or one component of a compound label ("3.1." is items 3 and 1).
    Item,
    /// A lettered sub-item.
    Letter,
    /// A number in parentheses.
    Paren,
}

/// One open label: its level and its path component (with a `#n` suffix if repeated).
#[derive(Clone, Debug)]
struct Open {
    level: Level,
    raw: String,
    label: String,
}

/// A label read at the start of a line.
#[derive(Debug, PartialEq, Eq)]
enum Label {
    Appendix(String),
    Part(String),
    /// A capital letter ("A.", "PHẦN B").
    Capital(String),
    /// Arabic components: `["3"]` for "3.", `["3", "1"]` for "3.1.".
    Items(Vec<String>),
    Letter(String),
    Paren(String),
}

// Besides ".", ")" and ":", local documents close a label with "/" or "-" ("I- MỤC ĐÍCH",
// "1/ Mục đích", "a/ Kiện toàn"), always with a space after: "15/KH-UBND", "1-2 ngày" are none.
static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([IVXL]+)\s*(?:[.):]\s*|[/\-–]\s+(\p{Lu}))").unwrap());
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}\s+([0-9]{{1,3}})\s*[.:]\s*", crate::grammar::ARTICLE_WORD)).unwrap());
// An item's text may open with a figure after "." or ")" and a space: a target ("1. 100% hồ
// sơ", "2. 05 xã đạt chuẩn"), a date ("3. 15/3/2024 tổ chức …"); not with a label ("1. 1.").
static ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{1,2}(?:\.[0-9]{1,2})*)(?:(?:\.|\)|\s|[/\-–]\s)\s*([^0-9\s/.,|-])|[.)]\s+([0-9]+(?:[%,/]|\s+\p{L})))",
    )
    .unwrap()
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-zđ])\s*[.)/]\s+(\S)").unwrap());
static CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
    // I, V, X, L read as Roman numerals; a capital label titles a heading, which opens with a capital.
    Regex::new(r"^(?:(?i:ph[ầa]n)\s+)?([A-HĐ])\s*[.):]\s+(\p{Lu})").unwrap()
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\(([0-9]{1,2})\)\s*(\S)").unwrap());

/// The section tree of one document and the offsets where each section opens.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// The numbered headings, in reading order.
    pub sections: Vec<Section>,
    /// The closing passage, which belongs to no section.
    pub closing: Option<Span>,
    /// The closing passage of a plan issued with the document ("Trên đây là Kế hoạch …"
    /// at the end of its appendix): no section's either.
    appendix_closing: Option<Span>,
    /// Where the body ends: text after it belongs to no section of the body.
    body_end: usize,
    /// The paragraphs of the body, then those of the appendix ([`paragraphs`]): read once
    /// here for the extractors that go through them one by one.
    pub paragraphs: Vec<Vec<Span>>,
}

impl Outline {
    /// Read the headings of the body (and appendix) of one document.
    pub fn build(text: &str, layout: &Layout) -> Outline {
        let mut tree = Tree::default();
        let mut paragraphs = vec![];
        for part in [Some(layout.body), layout.appendix].into_iter().flatten() {
            let base = part.start as usize;
            // One split into lines serves the headings and the paragraphs.
            let lines = segment::lines(&text[part.range()]);
            let ranges = paragraph_ranges(&lines);
            let rows = task_rows(&text[part.range()], &ranges);
            for line in &lines {
                let span = Span::new(line.span.start as usize + base, line.span.end as usize + base);
                let labelled = || matches!(read_label(strip_markup(line.text), true), Some((Label::Appendix(_), _)));
                if let Some((number, title)) = rows.get(&(line.span.start as usize)) {
                    tree.push(vec![(Level::Paren, number.clone())], title.clone(), span);
                } else if layout.appendix_title == Some(span) && !labelled() {
                    // An appendix headed "DANH MỤC …" or by a programme's type title: `PL`.
                    tree.push(vec![(Level::Appendix, "PL".into())], strip_markup(line.text).to_string(), span);
                } else {
                    tree.read_line(line.text, span, layout.appendix == Some(part));
                }
            }
            paragraphs.push(ranges.into_iter().map(|(s, e)| Span::new(base + s, base + e)).collect());
        }
        let closing = layout.closing.or_else(|| closing_fallback(text, layout.body, &tree.sections));
        let appendix_closing = layout.appendix.and_then(|a| appendix_closing(text, a, &tree.sections));
        let body_end = layout.appendix.unwrap_or(layout.body).end as usize;
        Outline { sections: tree.sections, closing, appendix_closing, body_end, paragraphs }
    }

    /// The innermost section that holds offset `pos`; `None` before the first
    /// heading, in the closing passage and outside the body.
    pub fn path_at(&self, pos: usize) -> Option<&str> {
        let closes = |c: Option<Span>| c.is_some_and(|c| c.range().contains(&pos));
        if closes(self.closing) || closes(self.appendix_closing) || pos >= self.body_end {
            return None;
        }
        let i = self.sections.partition_point(|s| s.span.start as usize <= pos);
        i.checked_sub(1).map(|i| self.sections[i].path.as_str())
    }

    /// The section with path `path`.
    pub fn section(&self, path: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.path == path)
    }
}

/// The closing passage of `part` (the body, or a plan in the appendix) when the segmenter
/// found no "Trên đây là": after the part's last heading, the paragraph that opens with
/// "Trên đây là", else the last one that ends with "./." unless it is the only text of the
/// last item (then it belongs to that item); to the end of the part. A numbered item
/// ("3. Trên đây là …") opens with its label, and a table row's "trên đây" stands mid-line:
/// neither is one.
fn closing_fallback(text: &str, part: Span, sections: &[Section]) -> Option<Span> {
    let end = part.end as usize;
    // Headings of an appendix lie past the body: only the part's last one counts.
    let last = sections.iter().rev().find(|s| (s.span.start as usize) < end);
    let from = last.map_or(part.start as usize, |s| (s.span.end as usize).min(end));
    let lines: Vec<_> = segment::lines(&text[from..end]).into_iter().filter(|l| !l.text.trim().is_empty()).collect();
    let at = lines.iter().position(|l| l.text.trim_start().starts_with("Trên đây là")).or_else(|| {
        let mut at = lines.iter().rposition(|l| ends_with_end_mark(l.text))?;
        // A wrapped paragraph ("Yêu cầu Giám đốc các sở, …\nKế hoạch này./.") closes from its first line.
        while at > 0 && goes_on_to(&lines[at - 1], &lines[at]) {
            at -= 1;
        }
        // A heading that is itself a paragraph ("b) Trong quá trình …, ….") is text of
        // its item already: a "./." paragraph after it is not the item's only text.
        // So is an article's sentence ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký."):
        // the enforcement clause after it ("Chánh Văn phòng … thi hành Quyết định này./.") is
        // the closing, as the contract's own example ("Yêu cầu Thủ trưởng các cơ quan …
        // quyết định./.") has it; under "Điều 3. Trách nhiệm thi hành" it is the only text.
        let heading_has_text =
            last.is_some_and(|s| s.title.split_whitespace().count() >= 12 || s.title.trim_end().ends_with(['.', ';']));
        (at > 0 || heading_has_text || sections.is_empty()).then_some(at)
    })?;
    Some(Span::new(from + lines[at].span.start as usize, end))
}

/// The closing passage of a plan in the appendix ([`closing_fallback`] over the appendix):
/// the plan issued with a decision ends as a plan does, with no signature after it.
/// An appendix without headings of its own has none.
fn appendix_closing(text: &str, appendix: Span, sections: &[Section]) -> Option<Span> {
    let first = sections.partition_point(|s| s.span.start < appendix.start);
    let inside = &sections[first..];
    if inside.is_empty() {
        return None;
    }
    closing_fallback(text, appendix, inside)
}

/// Whether line `a` wraps onto `b`, the line right under it: no blank line between, and
/// `a` neither ends a sentence nor is a heading.
fn goes_on_to(a: &segment::Line, b: &segment::Line) -> bool {
    let t = a.text.trim_end();
    b.span.start as usize <= a.span.end as usize + 1
        && !t.ends_with(['.', ':', ';', '!', '?'])
        && read_label(strip_markup(t), false).is_none()
}

/// Whether a line ends with the end mark of a document's text, "./.", also typed
/// with a space before the slash ("xử lý. /.").
fn ends_with_end_mark(line: &str) -> bool {
    line.trim_end().strip_suffix("/.").is_some_and(|before| before.trim_end().ends_with('.'))
}

/// The open labels while the lines are read.
#[derive(Default)]
struct Tree {
    open: Vec<Open>,
    seen: HashSet<String>,
    sections: Vec<Section>,
    /// Whether capital letters sit inside Roman parts: decided by the first one,
    /// below a part when a part is open there ("I." / "A." / "1."), else above.
    capitals_below_parts: Option<bool>,
}

impl Tree {
    fn read_line(&mut self, line: &str, span: Span, in_appendix: bool) {
        let trimmed = strip_markup(line);
        let Some((label, title)) = read_label(trimmed, in_appendix) else { return };
        let title = strip_markup(title).trim_end_matches([' ', ':']).trim_end().to_string();
        let labels: Vec<(Level, String)> = match label {
            Label::Appendix(n) => vec![(Level::Appendix, format!("PL{n}"))],
            Label::Part(l) if l.starts_with("Điều ") => vec![(Level::Article, l)],
            Label::Part(l) => vec![(Level::Part, l)],
            Label::Capital(l) => {
                let below = *self
                    .capitals_below_parts
                    .get_or_insert_with(|| self.open.iter().any(|o| matches!(o.level, Level::Part | Level::Article)));
                vec![(if below { Level::SubPart } else { Level::Division }, l)]
            }
            Label::Items(items) => items.into_iter().map(|i| (Level::Item, i)).collect(),
            // "l." is a scan's "1." unless it follows "k.", as the eleventh letter does.
            Label::Letter(l)
                if l == "l" && self.open.iter().rfind(|o| o.level == Level::Letter).is_none_or(|o| o.raw != "k") =>
            {
                vec![(Level::Item, "1".to_string())]
            }
            Label::Letter(l) => vec![(Level::Letter, l)],
            Label::Paren(l) => vec![(Level::Paren, l)],
        };
        self.push(labels, title, span);
    }

    /// Open the labels read from one line (the last one is the new section).
    fn push(&mut self, labels: Vec<(Level, String)>, title: String, span: Span) {
        let depth = self.depth_for(labels[0].0, &labels[0].1);
        let leaf = labels.len() - 1;
        // "3.1." stands under item 3: keep item 3 open if it is, else open it silently.
        for (i, (level, raw)) in labels[..leaf].iter().enumerate() {
            let open = self.open.get(depth + i);
            if open.is_some_and(|o| o.level == *level && o.raw == *raw) {
                continue;
            }
            self.open.truncate(depth + i);
            self.open.push(Open { level: *level, raw: raw.clone(), label: raw.clone() });
        }
        let (level, raw) = labels[leaf].clone();
        self.open.truncate(depth + leaf);
        let base: Vec<&str> = self.open.iter().map(|o| o.label.as_str()).collect();
        let mut label = raw.clone();
        let mut n = 1;
        while self.seen.contains(&join(&base, &label)) {
            n += 1;
            label = format!("{raw}#{n}");
        }
        let path = join(&base, &label);
        self.seen.insert(path.clone());
        self.open.push(Open { level, raw, label });
        self.sections.push(Section { path, title, span });
    }

    /// How many open labels stay open under a new label of `level` printed `raw`.
    fn depth_for(&self, level: Level, raw: &str) -> usize {
        let after = |pred: &dyn Fn(&Open) -> bool| self.open.iter().rposition(pred).map_or(0, |i| i + 1);
        match level {
            Level::Appendix => 0,
            Level::Division => after(&|o| o.level == Level::Appendix),
            // An article closes everything but the lettered part or appendix it stands in.
            Level::Article => after(&|o| o.level <= Level::Division),
            // So does a part, unless its article opened a numbering of parts ("Điều 1. Phê
            // duyệt … nội dung sau: I. …"): a part "I" opens one, and the parts after it stay
            // in it; a part "II" after an article is the document's own ("I. QUY ĐỊNH CHUNG /
            // Điều 1. … / II. …").
            Level::Part => {
                let article = self.open.iter().rposition(|o| o.level == Level::Article);
                let numbered_inside =
                    article.is_some_and(|a| self.open[a + 1..].iter().any(|o| o.level == Level::Part));
                if article.is_some() && (raw == "I" || numbered_inside) {
                    after(&|o| o.level <= Level::Article)
                } else {
                    after(&|o| o.level <= Level::Division)
                }
            }
            Level::SubPart => after(&|o| o.level <= Level::Part),
            // Arabic numbering restarts under the nearest part, article or appendix.
            Level::Item => after(&|o| o.level <= Level::SubPart),
            Level::Letter | Level::Paren => after(&|o| o.level < level),
        }
    }
}

fn join(base: &[&str], label: &str) -> String {
    let mut parts: Vec<&str> = base.to_vec();
    parts.push(label);
    parts.join(".")
}

/// A line without leading whitespace, Markdown heading marks and emphasis.
fn strip_markup(line: &str) -> &str {
    line.trim().trim_start_matches(['#', '*', '_', ' ']).trim_end_matches(['*', '_', ' '])
}

/// The label that opens `line`, and the text after it.
fn read_label(line: &str, in_appendix: bool) -> Option<(Label, &str)> {
    // The title runs to the end of the line from the label's end, or from the
    // title's first character where a form demands one (group 2): the forms
    // match the label only, not a `(.*)$` through the whole line.
    let rest = |c: &regex::Captures<'_>| {
        &line[c.get(2).or_else(|| c.get(3)).map_or_else(|| c.get(0).map_or(0, |m| m.end()), |m| m.start())..]
    };
    // Each form opens with its own few characters; most lines open with none of
    // them, and a look at the first one spares running the forms' regexes.
    let first = line.chars().next()?;
    if in_appendix
        && first == 'P'
        && let Some(c) = crate::grammar::APPENDIX_LABEL.captures(line)
    {
        let n = c.get(1).map_or("", |m| m.as_str()).to_string();
        return Some((Label::Appendix(n), rest(&c)));
    }
    if matches!(first, 'I' | 'V' | 'X' | 'L')
        && let Some(c) = ROMAN.captures(line)
        && is_roman(&c[1])
    {
        return Some((Label::Part(c[1].to_string()), rest(&c)));
    }
    if matches!(first, 'A'..='H' | 'Đ' | 'P' | 'p')
        && let Some(c) = CAPITAL.captures(line)
    {
        return Some((Label::Capital(c[1].to_string()), rest(&c)));
    }
    if first == 'Đ'
        && let Some(c) = ARTICLE.captures(line)
    {
        return Some((Label::Part(format!("Điều {}", &c[1])), rest(&c)));
    }
    if first.is_ascii_digit()
        && let Some(c) = ITEMS.captures(line)
    {
        let items = c[1].split('.').map(|s| s.trim_start_matches('0').to_string()).collect::<Vec<_>>();
        let items = items.into_iter().map(|s| if s.is_empty() { "0".to_string() } else { s }).collect();
        return Some((Label::Items(items), rest(&c)));
    }
    if matches!(first, 'a'..='z' | 'đ')
        && let Some(c) = LETTER.captures(line)
    {
        return Some((Label::Letter(c[1].to_string()), rest(&c)));
    }
    if first == '('
        && let Some(c) = PAREN.captures(line)
    {
        return Some((Label::Paren(c[1].to_string()), rest(&c)));
    }
    None
}

/// Whether `s` is a well-formed Roman numeral up to 39 (I … XXXIX).
fn is_roman(s: &str) -> bool {
    static FORM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^X{0,3}(IX|IV|V?I{0,3})$").unwrap());
    !s.is_empty() && FORM.is_match(s)
}

/// Whether a numbered heading is complete on its line, so that a line in capitals after
/// it starts a paragraph: it is short, or (shorter than two wrapped lines, so no sentence
/// that line joins made of several) it ends neither mid-phrase nor in a name that the
/// next line may go on with ("… báo cáo Thủ tướng\nChính phủ", "trình Chủ tịch\nUBND").
fn complete(heading: &str) -> bool {
    let chars = heading.chars().count();
    let in_name = || heading.split_whitespace().rev().take(3).any(|w| w.starts_with(char::is_uppercase));
    chars < crate::normalize::WRAPPED_LINE
        || chars < 2 * crate::normalize::WRAPPED_LINE && !crate::normalize::ends_mid_phrase(heading) && !in_name()
}

/// Paragraphs of `text` with their offsets: a blank line, a bullet, a label or
/// an indented first line starts a new one, so hard-wrapped lines stay together;
/// so does the line after a heading in capitals ("III. TỔ CHỨC THỰC HIỆN"), which
/// no sentence goes on from (a converter's text often has no blank line after it).
/// A line in capitals after a sentence's end or after a short heading ("2. Tuyên
/// truyền\nPhòng Văn hóa … chủ trì") starts one too: line joins left the break
/// there on purpose, as a wrapped line that goes on ends in a word that cannot end
/// it, or runs long.
pub fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    paragraph_ranges(&segment::lines(text)).into_iter().map(|(s, e)| (s, &text[s..e])).collect()
}

/// The byte ranges of [`paragraphs`], from the text's lines.
fn paragraph_ranges(lines: &[segment::Line]) -> Vec<(usize, usize)> {
    // The labels and bullets that line joins keep apart are the ones that open a paragraph.
    let starts = |line: &str| {
        let body = line.trim_start();
        line.len() - body.len() >= 3 || crate::normalize::is_label(body)
    };
    // A numbered heading; a bullet's item ("- Đơn vị thực hiện: …; Văn phòng\nUBND phường") wraps.
    let heading = |line: &str| crate::normalize::is_label(line) && line.starts_with(char::is_alphanumeric);
    let after_break = |prev: &str, line: &str| {
        let (prev, line) = (prev.trim(), line.trim_start());
        line.starts_with(char::is_uppercase) && (prev.ends_with(['.', '!', '?']) || heading(prev) && complete(prev))
    };
    // A table row after text, or text after one, changes paragraph: converters seldom leave
    // Markdown's blank line around a table ("1. Nhiệm vụ cụ thể\n| TT | …"). A row is
    // bordered, or has three cells or more ("TT | Nội dung | Chủ trì").
    // An indented line under a row goes on with its cell.
    let row = |line: &str| {
        let t = line.trim();
        memchr::memchr(b'|', t.as_bytes()).is_some()
            && (t.len() > 1 && t.starts_with('|') && t.ends_with('|') || t.matches(" | ").nth(1).is_some())
    };
    let table_edge = |prev: &str, line: &str| {
        !prev.is_empty() && (row(line) && !row(prev) || row(prev) && !row(line) && !line.starts_with([' ', '\t']))
    };
    // Rows of one table stay together however they are indented or cased ("    TT | NỘI DUNG").
    let goes_on = |prev: &str, line: &str| !starts(line) && !after_break(prev, line) && !table_edge(prev, line);
    let mut out: Vec<(usize, usize)> = vec![];
    let mut open = false;
    let mut prev = "";
    for line in lines {
        let (s, e) = (line.span.start as usize, line.span.end as usize);
        if line.text.trim().is_empty() {
            open = false;
        } else if open && (row(prev) && row(line.text) || goes_on(prev, line.text)) {
            out.last_mut().expect("an open paragraph").1 = e;
            open = row(line.text) || !is_upper(line.text);
        } else {
            out.push((s, e));
            open = row(line.text) || !is_upper(line.text);
        }
        prev = line.text;
    }
    out
}

/// The rows of a paragraph that is a pipe table, two lines or more: Markdown's (every
/// line opens with "|"), or one printed without its border, every line cut into the
/// same three cells or more ("TT | Nội dung | Đơn vị chủ trì"). Each row's cells,
/// trimmed, with their offsets in `p`, the border pipes left out. `None` for any other
/// paragraph. Assignments read its role columns, deadlines its time column.
pub fn table_rows(p: &str) -> Option<Vec<Vec<(usize, &str)>>> {
    // Every paragraph is asked, nearly none holds a pipe, and the tests below read
    // its lines three times over.
    memchr::memchr(b'|', p.as_bytes())?;
    let pipes = |l: &str| memchr::memchr_iter(b'|', l.as_bytes()).count();
    // An indented line with no pipe goes on with a cell's text ("  môi trường" under its
    // row): no row of its own, and no end of the table.
    let continues = |l: &str| pipes(l) == 0 && l.starts_with([' ', '\t']) && !l.trim().is_empty();
    let bordered = p.lines().all(|l| l.trim_start().starts_with('|') || continues(l));
    let first = p.lines().next().map_or(0, pipes);
    let borderless = first >= 2 && p.lines().all(|l| pipes(l) == first || continues(l));
    if !(bordered || borderless) || p.lines().filter(|l| pipes(l) > 0).nth(1).is_none() {
        return None;
    }
    let mut at = 0;
    let rows = p
        .split_inclusive('\n')
        .filter_map(|line| {
            let line_at = at;
            at += line.len();
            if continues(line) {
                return None;
            }
            let row = line.trim_end().trim_start_matches([' ', '\t']);
            let border = usize::from(row.starts_with('|'));
            let mut from = line_at + (line.len() - line.trim_start_matches([' ', '\t']).len()) + border;
            let inner = row.strip_prefix('|').unwrap_or(row);
            let inner = inner.strip_suffix('|').unwrap_or(inner);
            let cells = inner.split('|').map(|cell| {
                let here = from + (cell.len() - cell.trim_start().len());
                from += cell.len() + 1;
                (here, cell.trim())
            });
            Some(cells.collect())
        })
        .collect();
    Some(rows)
}

/// The numbered rows of the task tables among `paragraphs` of `part` (ranges in it): a
/// table whose first column numbers the rows ("STT", "TT") and another names who acts
/// ("Đơn vị chủ trì"). Each row is an item of the section the table stands in, one level
/// below it, titled by its task ("| 3 | Tổ chức tập huấn … | Trạm Y tế |" is item 3); the
/// rows of other tables, lists of places or people, are none. By where each row's line
/// starts in `part`.
fn task_rows(part: &str, paragraphs: &[(usize, usize)]) -> HashMap<usize, (String, String)> {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:stt|tt|số tt|số thứ tự)$").unwrap());
    let mut out = HashMap::default();
    for &(s, e) in paragraphs {
        let p = &part[s..e];
        let Some(rows) = table_rows(p) else { continue };
        let header = &rows[0];
        let numbered = header.first().is_some_and(|(_, h)| NUMBERED.is_match(h));
        if !numbered || !header.iter().any(|(_, h)| super::assignments::column_role(h).is_some()) {
            continue;
        }
        for row in &rows[1..] {
            let [(at, number), (_, task), ..] = row[..] else { continue };
            let number = number.trim_end_matches(['.', ')']);
            if number.is_empty() || number.len() > 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let line_start = s + p[..at].rfind('\n').map_or(0, |i| i + 1);
            out.insert(line_start, (number.trim_start_matches('0').to_string(), task.to_string()));
        }
    }
    out
}

/// Find the numbered headings of one document.
pub fn extract(text: &str, layout: &Layout) -> Vec<Section> {
    Outline::build(text, layout).sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Vec<(String, String)> {
        let whole = Span::new(0, text.len());
        let layout = Layout { span: whole, body: whole, opening: whole, ..Layout::default() };
        extract(text, &layout).into_iter().map(|s| (s.path, s.title)).collect()
    }

    #[test]
    fn labels_nest_and_repeats_get_a_suffix() {
        let text = "I. MỤC ĐÍCH\n1. Mục đích\na) Một\nb. Hai\nđ) Năm\n2. Yêu cầu\n2.1. Chi tiết\n(1) Lần thứ nhất\n2.1. Lặp\n3.3 Không chấm\nII. NỘI DUNG\nII. LẶP\n1. Mục\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(
            got,
            [
                "I", "I.1", "I.1.a", "I.1.b", "I.1.đ", "I.2", "I.2.1", "I.2.1.1", "I.2.1#2", "I.3.3", "II", "II#2",
                "II#2.1"
            ]
        );
    }

    #[test]
    fn titles_drop_the_label_and_markup() {
        assert_eq!(paths("**II. NỘI DUNG THỰC HIỆN**\n")[0], ("II".into(), "NỘI DUNG THỰC HIỆN".into()));
        assert_eq!(paths("Điều 1. Thành lập Tổ\n1. Bà A\n")[1], ("Điều 1.1".into(), "Bà A".into()));
    }

    #[test]
    fn bullets_dates_and_roman_in_parentheses_are_not_sections() {
        assert!(
            paths("- Chỉ đạo thực hiện: Chủ tịch\n+ Một ý\n15/3/2026 là ngày bầu cử\n(i) thứ nhất\n2026 của Bộ\n")
                .is_empty()
        );
    }

    #[test]
    fn rows_of_a_task_table_are_items_below_its_section() {
        // A task table printed without its border: each numbered row one level below the
        // item it stands in, titled by its task; the item after it keeps its own number.
        let text = "1. Nhiệm vụ\nTT | Nội dung | Đơn vị chủ trì\n1 | Rà soát | Sở Nội vụ\n2 | Kiểm tra | Thanh tra tỉnh\n2. Tổ chức thực hiện\n";
        let got = paths(text);
        assert_eq!(got.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["1", "1.1", "1.2", "2"]);
        assert_eq!(got[2].1, "Kiểm tra");
        // A table that names no one who acts is a list: its rows are no items.
        let list = "I. DANH SÁCH\n| STT | Xã | Tên thôn |\n|---|---|---|\n| 1 | Xã Đăk Na | Thôn Tu Thó |\n";
        assert_eq!(paths(list).len(), 1);
        let rows = table_rows("TT | Nội dung | Đơn vị\n1 | Rà soát | Sở Nội vụ").expect("a table");
        assert_eq!(rows[1], [(29, "1"), (33, "Rà soát"), (45, "Sở Nội vụ")]);
        // Lines with pipes that differ in number are no table.
        assert!(table_rows("a | b | c\nd | e").is_none());
        // An indented line without a pipe goes on with a cell: no row, the table goes on.
        let p = "| TT | Nội dung | Đơn vị |\n| 1 | Rà soát | Sở Nội vụ |\n  môi trường\n| 2 | Kiểm tra | Thanh tra |";
        let rows = table_rows(p).expect("a table");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2][2], (p.find("Thanh").unwrap(), "Thanh tra"));
        assert!(table_rows("| TT | Nội dung | Đơn vị |\nmôi trường\n| 1 | Rà soát | Sở |").is_none());
    }

    #[test]
    fn an_article_word_with_a_misplaced_tone_mark_is_read() {
        let got: Vec<String> =
            paths("Điêù 1. Phê duyệt Kế hoạch.\nĐiềù 2. Giao Phòng Nội vụ.\n").into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, ["Điều 1", "Điều 2"]);
    }

    #[test]
    fn a_scanned_one_read_as_the_letter_l_is_an_item() {
        let got: Vec<String> =
            paths("IV. TỔ CHỨC\nl. Tổ Quản lý thu\n2. Tổ Kế toán\n").into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, ["IV", "IV.1", "IV.2"]);
        let letters = "1. Nhiệm vụ\na) A\nb) B\nc) C\nd) D\nđ) Đ\ne) E\ng) G\nh) H\ni) I\nk) K\nl) L\n";
        assert_eq!(paths(letters).last().map(|(p, _)| p.as_str()), Some("1.l"));
    }

    #[test]
    fn an_item_may_open_with_a_figure() {
        let text = "I. CHỈ TIÊU\n1. 100% hồ sơ được số hóa.\n1.1. 95% cán bộ được tập huấn.\n2. 05 xã đạt chuẩn.\n\
                    3) 15/3/2024 tổ chức hội nghị.\n";
        let got: Vec<(String, String)> = paths(text);
        let want = [
            ("I", "CHỈ TIÊU"),
            ("I.1", "100% hồ sơ được số hóa."),
            ("I.1.1", "95% cán bộ được tập huấn."),
            ("I.2", "05 xã đạt chuẩn."),
            ("I.3", "15/3/2024 tổ chức hội nghị."),
        ];
        assert_eq!(got, want.map(|(p, t)| (p.to_string(), t.to_string())));
        // A figure after a label is no title when it is a label itself, or the line a number.
        assert!(paths("1. 1. Mục tiêu\n").iter().all(|(_, t)| !t.starts_with("1.")));
        assert!(paths("2 000 đồng\n1.000 người\n").is_empty());
    }

    #[test]
    fn labels_closed_by_a_slash_or_a_dash_are_sections() {
        let text = "I- MỤC ĐÍCH\n1/ Mục đích\na/ Kiện toàn Ban Chỉ huy\nII – NHIỆM VỤ\n1- Công chức chủ trì\n";
        let got: Vec<String> = paths(text).into_iter().map(|(p, _)| p).collect();
        assert_eq!(got, ["I", "I.1", "I.1.a", "II", "II.1"]);
        assert_eq!(paths("1/ Mục đích: Chủ động.\n")[0].1, "Mục đích: Chủ động.");
        // A symbol, a range, a fraction or a "v/v" at the start of a line opens none.
        assert!(paths("15/KH-UBND ngày 3/2\n1-2 ngày làm việc\n1/2 số hộ\nv/v triển khai\nI-ốt\n").is_empty());
        let got: Vec<&str> = paragraphs("1- Một việc.\n2- Hai việc.\n").into_iter().map(|(_, p)| p).collect();
        assert_eq!(got, ["1- Một việc.", "2- Hai việc."]);
    }

    #[test]
    fn closing_passage_belongs_to_no_section() {
        let text = "I. A\nnội dung\nTrên đây là Kế hoạch.\n";
        let whole = Span::new(0, text.len());
        let layout = Layout { span: whole, body: whole, opening: whole, ..Layout::default() };
        let outline = Outline::build(text, &layout);
        assert_eq!(outline.path_at(text.find("nội").unwrap()), Some("I"));
        assert_eq!(outline.path_at(text.find("Trên").unwrap()), None);
    }

    #[test]
    fn closing_passage_of_a_plan_in_the_appendix_belongs_to_no_section() {
        let path_of = |text: &str, at: &str| {
            let title = text.find("KẾ HOẠCH").unwrap();
            let appendix = Span::new(title, text.len());
            let body = Span::new(0, title);
            let layout = Layout {
                span: Span::new(0, text.len()),
                body,
                opening: body,
                appendix: Some(appendix),
                appendix_title: Some(Span::new(title, title + "KẾ HOẠCH".len())),
                ..Layout::default()
            };
            Outline::build(text, &layout).path_at(text.find(at).unwrap()).map(str::to_string)
        };
        let text = "Điều 1. Ban hành Kế hoạch.\nKẾ HOẠCH\nI. A\n1. Sở Tài chính\nnội dung\nTrên đây là Kế hoạch.\n";
        assert_eq!(path_of(text, "nội").as_deref(), Some("PL.I.1"));
        assert_eq!(path_of(text, "Trên"), None);
        // Opening a numbered item, the same words are its title.
        assert_eq!(path_of(&text.replace("Trên đây", "2. Trên đây"), "Trên").as_deref(), Some("PL.I.2"));
        // A plan that ends with the end mark and no signature closes as the body does.
        let text = "Điều 1. Ban hành Kế hoạch.\nKẾ HOẠCH\nI. A\n1. Sở Tài chính\nnội dung\n\n\
                    Trong quá trình thực hiện, các đơn vị báo cáo UBND xã./.\n";
        assert_eq!(path_of(text, "nội").as_deref(), Some("PL.I.1"));
        assert_eq!(path_of(text, "Trong"), None);
        // The end mark of the last item's only text stays the item's.
        let text = "Điều 1. Ban hành Kế hoạch.\nKẾ HOẠCH\nI. A\n1. Sở Tài chính\nThực hiện thường xuyên./.\n";
        assert_eq!(path_of(text, "Thực").as_deref(), Some("PL.I.1"));
    }

    #[test]
    fn paragraphs_break_at_blank_lines_labels_and_after_headings_in_capitals() {
        let text = "III. TỔ CHỨC THỰC HIỆN\nVăn phòng Huyện ủy theo dõi,\ntổng hợp.\n1. Một\n- Hai\n\nBa";
        let got: Vec<&str> = paragraphs(text).into_iter().map(|(_, p)| p).collect();
        assert_eq!(got, ["III. TỔ CHỨC THỰC HIỆN", "Văn phòng Huyện ủy theo dõi,\ntổng hợp.", "1. Một", "- Hai", "Ba"]);
    }

    #[test]
    fn a_table_without_blank_lines_around_it_is_a_paragraph_of_its_own() {
        let got = |text: &str| paragraphs(text).into_iter().map(|(_, p)| p.to_string()).collect::<Vec<_>>();
        let rows = "| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát | Sở Nội vụ |";
        assert_eq!(got(&format!("1. Nhiệm vụ cụ thể\n{rows}\nSở Tư pháp theo dõi.")).len(), 3);
        let rows = "TT | Nội dung | Chủ trì\n1 | Rà soát | Sở Nội vụ";
        assert_eq!(
            got(&format!("(Kèm theo Kế hoạch số 68/KH-UBND)\n{rows}")),
            ["(Kèm theo Kế hoạch số 68/KH-UBND)", rows]
        );
        // Rows indented as a layout prints them, a header in capitals: one table.
        let rows = "    TT | NỘI DUNG | ĐƠN VỊ CHỦ TRÌ\n    1 | Rà soát | Sở Nội vụ\n    2 | Kiểm tra | Thanh tra tỉnh";
        assert_eq!(got(&format!("I. NHIỆM VỤ\n{rows}")), ["I. NHIỆM VỤ", rows]);
        // A line with one pipe is no row: "Chủ trì | Sở Nội vụ" goes on with its sentence.
        assert_eq!(got("Giao Sở Nội vụ chủ trì, phối hợp\nSở Tư pháp | Sở Tài chính thực hiện.").len(), 1);
    }

    #[test]
    fn a_line_in_capitals_after_a_sentence_or_a_short_heading_opens_a_paragraph() {
        let got = |text: &str| paragraphs(text).into_iter().map(|(_, p)| p.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got("2. Tuyên truyền\nPhòng Văn hóa chủ trì.\nĐơn vị phối hợp: Công an huyện."),
            ["2. Tuyên truyền", "Phòng Văn hóa chủ trì.", "Đơn vị phối hợp: Công an huyện."]
        );
        // A long wrapped line, a clause before ";" and a bullet's item go on.
        let long = "a) Giao Phòng Tài chính - Kế hoạch thẩm định dự toán, trình Chủ tịch\nUBND thị xã phê duyệt.";
        assert_eq!(got(long), [long]);
        assert_eq!(got("- Báo cáo 6 tháng: gửi trước ngày 05/7;\nSở Tài chính tổng hợp.").len(), 1);
        assert_eq!(got("- Đơn vị thực hiện: Ban Dân vận; Văn phòng\nUBND phường").len(), 1);
        // A heading longer than a short one ends where a sentence in capitals follows,
        // unless it stops mid-phrase or in a name the next line goes on with.
        let heading = "1. Huy động nguồn vốn ủy thác từ ngân sách địa phương";
        let text = format!("{heading}\nUBND huyện chỉ đạo Phòng Tài chính - Kế hoạch tham mưu.");
        assert_eq!(got(&text).len(), 2);
        for wrapped in [
            "b) Tổng hợp tình hình thiệt hại, kịp thời báo cáo Thủ tướng\nChính phủ và Ban Chỉ đạo.",
            "b) Tổng hợp tình hình thiệt hại, phối hợp chặt chẽ với các cơ quan và\nBan Chỉ đạo.",
        ] {
            assert_eq!(got(wrapped).len(), 1, "{wrapped}");
        }
    }

    #[test]
    fn a_final_paragraph_is_closing_unless_it_is_the_last_items_only_text() {
        let outline_of = |text: &str| {
            let whole = Span::new(0, text.len());
            let layout = Layout { span: whole, body: whole, opening: whole, ..Layout::default() };
            Outline::build(text, &layout)
        };
        // The only text of "III": it belongs to III.
        let text = "II. A
1. Làm việc.
III. TỔ CHỨC THỰC HIỆN
Giao Văn phòng theo dõi việc thực hiện./.
";
        assert_eq!(outline_of(text).path_at(text.find("Giao").unwrap()), Some("III"));
        // After an item that is a paragraph of its own: the closing, in no section.
        let text = "1. A
a) Trong quá trình thực hiện, các cơ quan gửi Sở Tài chính để theo dõi, xử lý.
Yêu cầu các sở nghiêm túc thực hiện./.
";
        assert_eq!(outline_of(text).path_at(text.find("Yêu").unwrap()), None);
        // After an article's own sentence the enforcement clause is the closing; it is the
        // text of an article that only titles it.
        let decision = "Điều 2. Giao Sở Nội vụ theo dõi.\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.\n";
        assert_eq!(outline_of(decision).path_at(decision.find("Chánh").unwrap()), None);
        let titled = "Điều 2. Giao Sở Nội vụ theo dõi.\nĐiều 3. Trách nhiệm thi hành\nChánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.\n";
        assert_eq!(outline_of(titled).path_at(titled.find("Chánh").unwrap()), Some("Điều 3"));
        // The end mark typed with a space before its slash is the same mark.
        let spaced = text.replace("./.", ". /.");
        assert_eq!(outline_of(&spaced).path_at(spaced.find("Yêu").unwrap()), None);
        // A closing paragraph wrapped over lines closes from its first line.
        let wrapped = "1. A\nLàm việc.\n\nYêu cầu các sở, ngành nghiêm túc triển khai thực hiện\nKế hoạch này./.\n";
        assert_eq!(outline_of(wrapped).path_at(wrapped.find("Yêu").unwrap()), None);
        let only = "1. A\nGiao các sở nghiêm túc triển khai thực hiện\nKế hoạch này./.\n";
        assert_eq!(outline_of(only).path_at(only.find("Giao").unwrap()), Some("1"));
    }
    #[test]
    fn capital_letters_above_roman_parts_open_their_own_tree() {
        let text = "A. NHIỆM VỤ CHUNG\nI. MỤC TIÊU\n1. Giữ ổn định\nII. YÊU CẦU\nB. NHIỆM VỤ CỤ THỂ\nI. CẤP HUYỆN\n1. Phòng Tư pháp\nPHẦN C. PHÂN CÔNG\n1. Văn phòng\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(got, ["A", "A.I", "A.I.1", "A.II", "B", "B.I", "B.I.1", "C", "C.1"]);
        assert_eq!(paths(text)[4].1, "NHIỆM VỤ CỤ THỂ");
    }

    #[test]
    fn capital_letters_inside_a_roman_part_sit_below_it() {
        let text = "I. CÔNG VIỆC\nA. Trong quý I\n1. Rà soát\nB. Trong quý II\n1. Tổng hợp\nII. KINH PHÍ\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(got, ["I", "I.A", "I.A.1", "I.B", "I.B.1", "II"]);
    }

    #[test]
    fn appendices_labelled_in_title_case_are_numbered_as_printed() {
        let text = "THÔNG TƯ\nQuy định hồ sơ\n\nĐiều 1. Hồ sơ theo Phụ lục I và Phụ lục II.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn\n\n\
                    Phụ lục I\nMẪU ĐƠN\n1. Tên cơ sở\n\nPhụ lục II\nDANH MỤC GIẤY TỜ\n1. Đơn đề nghị\n";
        let doc = crate::extract::extract(text).remove(0);
        let paths: Vec<&str> = doc.sections.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["Điều 1", "PLI", "PLI.1", "PLII", "PLII.1"]);
    }

    #[test]
    fn roman_parts_an_article_opens_stand_under_it() {
        let text = "Điều 1. Phê duyệt Đề án với các nội dung sau:\nI. MỤC TIÊU\n1. Số hóa\nII. TỔ CHỨC\n1. Bộ Tài chính\nĐiều 2. Hiệu lực\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(got, ["Điều 1", "Điều 1.I", "Điều 1.I.1", "Điều 1.II", "Điều 1.II.1", "Điều 2"]);
        // Parts of the document's own, articles under them, stay at the top.
        let text = "I. QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\nII. QUY ĐỊNH CỤ THỂ\nĐiều 3. Trách nhiệm\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(got, ["I", "Điều 1", "Điều 2", "II", "Điều 3"]);
    }

    #[test]
    fn capitals_that_are_no_labels() {
        // Roman numerals stay Roman; a capital before lower-case text or without a
        // gap is no heading; lower-case letters stay sub-items.
        let text =
            "I. MỤC ĐÍCH\nV. NỘI DUNG\nA. nội dung viết thường\nB.Không cách\nQ. Ngoài dãy chữ\n1. Mục\na) Việc một\n";
        let got: Vec<String> = paths(text).into_iter().map(|p| p.0).collect();
        assert_eq!(got, ["I", "V", "V.1", "V.1.a"]);
    }

    #[test]
    fn an_appendix_named_by_its_title_line_opens_pl() {
        let text = "Điều 1. Ban hành\nDANH MỤC SỔ\n(Kèm theo Quyết định)\nA. SỔ CẤP TỈNH\nI. LĨNH VỰC\n1. Sổ một\n";
        let body = Span::new(0, text.find("DANH").unwrap());
        let appendix = Span::new(body.end as usize, text.len());
        let title = Span::new(body.end as usize, text.find("\n(Kèm").unwrap());
        let layout = Layout {
            span: Span::new(0, text.len()),
            body,
            opening: body,
            appendix: Some(appendix),
            appendix_title: Some(title),
            ..Layout::default()
        };
        let got: Vec<(String, String)> = extract(text, &layout).into_iter().map(|s| (s.path, s.title)).collect();
        let paths: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(paths, ["Điều 1", "PL", "PL.A", "PL.A.I", "PL.A.I.1"]);
        assert_eq!(got[1].1, "DANH MỤC SỔ");
    }
}
