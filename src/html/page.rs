//! One document's page: the text as printed with what was read marked on it, the
//! panel of what was read, and the document's place in the graph.
//!
//! Ids tie the two halves together: a mark `cit-3-m0` (citation 3, mention 0),
//! `asg-5`, `ddl-2`, `rel-0`, `sec-4`, `fld-symbol` in the text, and the panel entry
//! `p-…` of the same name; each side links to the other (`href`, `data-panel`).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::markup::{Mark, mark_up};
use super::neighbourhood::{Link, Neighbourhood};
use super::{Entry, INDEX, escape, graph_svg, shell};
use crate::document::{Deadline, Document, Recurrence, Relation, Role};
use crate::grammar;
use crate::span::Span;

/// The page of `e`.
pub(super) fn render(e: &Entry, n: &Neighbourhood) -> String {
    let doc = e.doc;
    let file_text = &e.file.text;
    // The document's own stretch of the file; the whole file if its span is unusable.
    let valid = |s: Span| s.end as usize <= file_text.len() && file_text.is_char_boundary(s.start as usize);
    let within = if doc.span.is_empty() || !valid(doc.span) || !file_text.is_char_boundary(doc.span.end as usize) {
        Span::new(0, file_text.len())
    } else {
        doc.span
    };
    let text = &file_text[within.range()];
    let marks = marks(doc, within);
    let label = doc_label(doc, e.ordinal);

    let mut body = String::new();
    let _ = write!(
        body,
        "<a class=\"skip\" href=\"#text\">Đến nội dung văn bản</a>\
         <header class=\"top\"><nav><a href=\"{INDEX}\">← Danh sách văn bản</a></nav>\
         <h1>{}</h1><p class=\"file\">{} · văn bản {} · mã hóa {}</p></header>\
         <div class=\"layout\"><main>",
        escape(&heading(doc, &label)),
        escape(&e.file.extraction.file),
        e.ordinal,
        escape(&e.file.extraction.encoding),
    );
    graph_section(&mut body, doc, &label, n);
    let _ = write!(
        body,
        "<section aria-labelledby=\"h-text\"><h2 id=\"h-text\">Nội dung</h2>{}\
         <pre id=\"text\" class=\"text\" tabindex=\"-1\" data-file=\"{}\" data-start=\"{}\">{}</pre></section></main>",
        LEGEND,
        escape(&e.file.extraction.file),
        within.start,
        mark_up(text, &marks)
    );
    body.push_str("<aside id=\"panel\" aria-label=\"Kết quả đọc văn bản\">");
    header_fields(&mut body, doc);
    citations(&mut body, doc, n);
    assignments(&mut body, doc);
    deadlines(&mut body, doc);
    sections(&mut body, doc);
    body.push_str("</aside></div>");
    shell(&heading(doc, &label), &body, include_str!("assets/page.js"))
}

const LEGEND: &str = "<p class=\"legend\" aria-label=\"Chú giải\">\
    <mark class=\"m cit basis\">văn bản căn cứ</mark> <mark class=\"m cit cites\">văn bản được trích dẫn</mark> \
    <mark class=\"m unit\">đơn vị được giao</mark> <mark class=\"m ddl\">thời hạn</mark> \
    <mark class=\"m sec\">đề mục</mark></p>";

/// The document's symbol, else its kind and position.
fn doc_label(doc: &Document, ordinal: usize) -> String {
    doc.symbol.clone().unwrap_or_else(|| format!("{} (không số) #{ordinal}", doc.kind.as_deref().unwrap_or("Văn bản")))
}

fn heading(doc: &Document, label: &str) -> String {
    let kind = doc.kind.as_deref().map(kind_name).unwrap_or("Văn bản");
    match &doc.title {
        Some(t) => format!("{kind} {label} — {t}"),
        None => format!("{kind} {label}"),
    }
}

/// The Vietnamese name of a type abbreviation (the abbreviation itself when unknown).
/// Where an abbreviation is shared (TT: Thông tư and the Party's Thông tri; L: Luật
/// and Lệnh), the type with the most citation forms in the grammar wins, state and
/// normative types before Party ones: it is the one most often cited.
pub(super) fn kind_name(kind: &str) -> &str {
    let types = grammar::DOC_TYPES.iter().filter(|t| t.abbreviation == kind);
    let rank = |t: &&grammar::DocType| (t.systems.iter().any(|s| s != "party"), t.examples.len());
    types.max_by_key(rank).map_or(kind, |t| t.word.as_str())
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Lead => "chủ trì",
        Role::Support => "phối hợp",
        Role::Direct => "chỉ đạo",
        Role::ReportTo => "nhận báo cáo",
    }
}

fn role_class(role: Role) -> &'static str {
    match role {
        Role::Lead => "lead",
        Role::Support => "support",
        Role::Direct => "direct",
        Role::ReportTo => "report-to",
    }
}

/// Every mark of the text, offsets relative to `within`.
fn marks(doc: &Document, within: Span) -> Vec<Mark> {
    let rel = |s: Span| -> Option<(usize, usize)> {
        (s.start >= within.start && s.end <= within.end && s.start < s.end)
            .then(|| ((s.start - within.start) as usize, (s.end - within.start) as usize))
    };
    let mut out = vec![];
    let mut push = |span: Span, id: String, class: String, mut attrs: Vec<(&'static str, String)>, focusable| {
        let Some((start, end)) = rel(span) else { return };
        attrs.push(("data-start", span.start.to_string()));
        attrs.push(("data-end", span.end.to_string()));
        attrs.push(("data-panel", format!("p-{id}")));
        out.push(Mark { start, end, id, class, attrs, focusable });
    };
    for (key, &span) in &doc.field_spans {
        push(span, format!("fld-{key}"), "m fld".into(), vec![("data-kind", "field".into())], false);
    }
    for (i, s) in doc.sections.iter().enumerate() {
        let attrs = vec![("data-kind", "section".into()), ("data-path", s.path.clone())];
        push(s.span, format!("sec-{i}"), "m sec".into(), attrs, false);
    }
    for (c_i, c) in doc.citations.iter().enumerate() {
        let relation = relation_class(c.relation);
        for (m_i, m) in c.mentions.iter().enumerate() {
            let mut attrs = vec![("data-kind", "citation".to_string()), ("data-relation", relation.to_string())];
            attrs.extend(c.symbol.clone().map(|s| ("data-symbol", s)));
            attrs.extend(c.name.clone().map(|s| ("data-name", s)));
            attrs.push(("title", format!("{}: {}", relation_name(c.relation), citation_label(c))));
            push(m.span, format!("cit-{c_i}-m{m_i}"), format!("m cit {relation}"), attrs, true);
        }
    }
    for (i, a) in doc.assignments.iter().enumerate() {
        let attrs = vec![
            ("data-kind", "unit".to_string()),
            ("data-unit", a.unit.clone()),
            ("data-role", role_class(a.role).to_string()),
            ("title", format!("{}: {}", role_name(a.role), a.unit)),
        ];
        push(a.span, format!("asg-{i}"), format!("m unit {}", role_class(a.role)), attrs, false);
    }
    for (prefix, list) in [("ddl", &doc.deadlines), ("rel", &doc.relative_deadlines)] {
        for (i, d) in list.iter().enumerate() {
            let attrs = vec![("data-kind", "deadline".to_string()), ("title", format!("Thời hạn: {}", when(d)))];
            push(d.span, format!("{prefix}-{i}"), format!("m ddl {prefix}"), attrs, true);
        }
    }
    out
}

fn relation_class(r: Relation) -> &'static str {
    match r {
        Relation::Basis => "basis",
        Relation::Cites => "cites",
    }
}

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Basis => "Căn cứ",
        Relation::Cites => "Trích dẫn",
    }
}

fn citation_label(c: &crate::document::Citation) -> String {
    labelled(c.kind.as_deref(), c.symbol.as_deref().or(c.name.as_deref()).unwrap_or("?"))
}

/// A symbol or name with its type word before it, unless the name starts with it.
fn labelled(kind: Option<&str>, label: &str) -> String {
    match kind.map(kind_name) {
        Some(word) if !grammar::fold(label).starts_with(&grammar::fold(word)) => format!("{word} {label}"),
        _ => label.to_string(),
    }
}

/// An ISO date as Vietnamese print has it; recurring forms spelled out.
pub(super) fn date_vi(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if !y.is_empty() => format!("{d}/{m}/{y}"),
        ["", "", "", d] => format!("ngày {d}"),
        ["", "", m, d] => format!("ngày {d}/{m}"),
        _ => iso.to_string(),
    }
}

fn recurrence_name(r: Recurrence) -> &'static str {
    match r {
        Recurrence::Monthly => "hằng tháng",
        Recurrence::Quarterly => "hằng quý",
        Recurrence::HalfYearly => "6 tháng một lần",
        Recurrence::NineMonthly => "9 tháng một lần",
        Recurrence::Yearly => "hằng năm",
    }
}

/// When a deadline falls, in words.
fn when(d: &Deadline) -> String {
    let mut parts = vec![];
    if let Some(due) = &d.due {
        parts.push(date_vi(due));
    }
    match (&d.start, &d.end) {
        (Some(s), Some(e)) => parts.push(format!("từ {} đến {}", date_vi(s), date_vi(e))),
        (None, Some(e)) => parts.push(format!("đến {}", date_vi(e))),
        (Some(s), None) => parts.push(format!("từ {}", date_vi(s))),
        (None, None) => {}
    }
    if let Some(r) = d.recurrence {
        parts.push(recurrence_name(r).to_string());
    }
    if parts.is_empty() { d.text.clone() } else { parts.join(", ") }
}

/// A jump link from the panel to a mark of the text.
fn jump(out: &mut String, id: &str, text: &str) {
    let _ = write!(out, "<a class=\"jump\" id=\"p-{id}\" href=\"#{id}\">{}</a>", escape(text));
}

fn graph_section(out: &mut String, doc: &Document, label: &str, n: &Neighbourhood) {
    out.push_str(
        "<section class=\"neighbourhood\" aria-labelledby=\"h-graph\"><h2 id=\"h-graph\">Vị trí trong đồ thị</h2>",
    );
    out.push_str(&graph_svg::render(n, label, doc.kind.as_deref(), doc.date.as_deref()));
    out.push_str("<div class=\"graph-lists\">");
    link_list(out, "Thực hiện / trích dẫn (lên)", "up", &n.up);
    link_list(out, "Được thực hiện bởi (xuống)", "down", &n.down);
    out.push_str("</div></section>");
}

fn link_list(out: &mut String, title: &str, class: &str, links: &[Link]) {
    // A long list (a plan citing a score of laws) starts folded: the drawing shows the gist.
    let open = if links.len() <= 6 { " open" } else { "" };
    let _ = write!(
        out,
        "<details class=\"{class}\"{open}><summary>{} <span class=\"count\">{}</span></summary>",
        escape(title),
        links.len()
    );
    if links.is_empty() {
        out.push_str("<p class=\"none\">Không có.</p></details>");
        return;
    }
    out.push_str("<ul>");
    for l in links {
        let depth =
            if l.depth > 1 { format!(" <span class=\"depth\">(bậc {})</span>", l.depth) } else { String::new() };
        let what = labelled(l.kind.as_deref(), &l.label);
        match &l.page {
            Some(p) => {
                let _ = write!(out, "<li><a href=\"{}\">{}</a>{depth}</li>", escape(p), escape(&what));
            }
            None => {
                let _ = write!(
                    out,
                    "<li class=\"unresolved\">{} <span class=\"note\">(chưa có trong tập)</span>{depth}</li>",
                    escape(&what)
                );
            }
        }
    }
    out.push_str("</ul></details>");
}

fn header_fields(out: &mut String, doc: &Document) {
    out.push_str(
        "<section aria-labelledby=\"h-fields\"><h2 id=\"h-fields\">Thông tin văn bản</h2><dl class=\"fields\">",
    );
    let signer = doc.signer.as_ref().map(|s| {
        [s.authority.as_deref(), s.position.as_deref(), s.name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let fields: [(&str, &str, Option<String>); 7] = [
        ("Loại", "kind", doc.kind.as_deref().map(|k| format!("{} ({k})", kind_name(k)))),
        ("Số, ký hiệu", "symbol", doc.symbol.clone()),
        ("Cơ quan ban hành", "issuer", doc.issuer.clone()),
        ("Địa danh", "place", doc.place.clone()),
        ("Ngày", "date", doc.date.as_deref().map(date_vi)),
        ("Trích yếu", "title", doc.title.clone()),
        ("Người ký", "signer", signer),
    ];
    for (name, key, value) in fields {
        let Some(value) = value else { continue };
        let _ = write!(out, "<dt>{name}</dt><dd>");
        if doc.field_spans.contains_key(key) {
            jump(out, &format!("fld-{key}"), &value);
        } else {
            out.push_str(&escape(&value));
        }
        out.push_str("</dd>");
    }
    if !doc.recipients.is_empty() {
        out.push_str("<dt>Nơi nhận</dt><dd><ul class=\"recipients\">");
        for r in &doc.recipients {
            let _ = write!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul></dd>");
    }
    out.push_str("</dl></section>");
}

fn citations(out: &mut String, doc: &Document, n: &Neighbourhood) {
    for relation in [Relation::Basis, Relation::Cites] {
        let class = relation_class(relation);
        let listed: Vec<(usize, &crate::document::Citation)> =
            doc.citations.iter().enumerate().filter(|(_, c)| c.relation == relation).collect();
        let _ = write!(
            out,
            "<section aria-labelledby=\"h-{class}\"><h2 id=\"h-{class}\">{} <span class=\"count\">{}</span></h2>",
            if relation == Relation::Basis { "Văn bản căn cứ" } else { "Văn bản được trích dẫn" },
            listed.len()
        );
        if listed.is_empty() {
            out.push_str("<p class=\"none\">Không có.</p></section>");
            continue;
        }
        out.push_str("<ol class=\"citations\">");
        for (c_i, c) in listed {
            let page = c
                .symbol
                .as_deref()
                .and_then(|s| n.up.iter().find(|l| l.depth == 1 && l.label == s).and_then(|l| l.page.as_deref()));
            let _ = write!(out, "<li class=\"citation {class}\" id=\"p-cit-{c_i}\"><span class=\"what\">");
            match page {
                Some(p) => {
                    let _ = write!(out, "<a href=\"{}\">{}</a>", escape(p), escape(&citation_label(c)));
                }
                None => out.push_str(&escape(&citation_label(c))),
            }
            out.push_str("</span>");
            let details: Vec<String> =
                [c.date.as_deref().map(date_vi), c.issuer.clone()].into_iter().flatten().collect();
            if !details.is_empty() {
                let _ = write!(out, " <span class=\"details\">{}</span>", escape(&details.join(", ")));
            }
            out.push_str("<ol class=\"mentions\">");
            for (m_i, m) in c.mentions.iter().enumerate() {
                out.push_str("<li>");
                jump(out, &format!("cit-{c_i}-m{m_i}"), &m.sentence);
                if let Some(p) = &m.pinpoint {
                    let _ = write!(out, " <span class=\"pinpoint\">({})</span>", escape(p));
                }
                out.push_str("</li>");
            }
            out.push_str("</ol></li>");
        }
        out.push_str("</ol></section>");
    }
}

fn assignments(out: &mut String, doc: &Document) {
    let mut by_unit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut order: Vec<&str> = vec![];
    for (i, a) in doc.assignments.iter().enumerate() {
        let entry = by_unit.entry(&a.unit).or_default();
        if entry.is_empty() {
            order.push(&a.unit);
        }
        entry.push(i);
    }
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-units\"><h2 id=\"h-units\">Phân công theo đơn vị <span class=\"count\">{}</span></h2>",
        order.len()
    );
    if order.is_empty() {
        out.push_str("<p class=\"none\">Không có.</p></section>");
        return;
    }
    out.push_str("<ul class=\"units\">");
    for unit in order {
        let _ = write!(out, "<li><span class=\"unit-name\">{}</span><ul>", escape(unit));
        for &i in &by_unit[unit] {
            let a = &doc.assignments[i];
            let place = a.path.as_deref().map(|p| format!("mục {p}")).unwrap_or_else(|| "ngoài các mục".into());
            let _ = write!(out, "<li class=\"{}\">", role_class(a.role));
            jump(out, &format!("asg-{i}"), &format!("{} — {place}", role_name(a.role)));
            out.push_str("</li>");
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul></section>");
}

/// Dated deadlines first, by date; then recurring ones; then the rest, in reading order.
fn date_order(d: &Deadline) -> (u8, String) {
    match d.due.as_deref().or(d.end.as_deref()).or(d.start.as_deref()) {
        Some(date) if !date.starts_with('-') => (0, date.to_string()),
        Some(date) => (1, date.to_string()),
        None => (2, String::new()),
    }
}

fn deadlines(out: &mut String, doc: &Document) {
    let mut order: Vec<usize> = (0..doc.deadlines.len()).collect();
    order.sort_by_key(|&i| date_order(&doc.deadlines[i]));
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-deadlines\"><h2 id=\"h-deadlines\">Thời hạn <span class=\"count\">{}</span></h2>",
        order.len()
    );
    if order.is_empty() {
        out.push_str("<p class=\"none\">Không có.</p>");
    } else {
        out.push_str("<ol class=\"deadlines\">");
        for i in order {
            deadline_item(out, &doc.deadlines[i], &format!("ddl-{i}"));
        }
        out.push_str("</ol>");
    }
    if !doc.relative_deadlines.is_empty() {
        out.push_str("<h3>Thời hạn tương đối</h3><ol class=\"deadlines relative\">");
        for (i, d) in doc.relative_deadlines.iter().enumerate() {
            deadline_item(out, d, &format!("rel-{i}"));
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>");
}

fn deadline_item(out: &mut String, d: &Deadline, id: &str) {
    let _ = write!(out, "<li data-due=\"{}\">", escape(d.due.as_deref().or(d.end.as_deref()).unwrap_or("")));
    let _ = write!(out, "<span class=\"when\">{}</span> ", escape(&when(d)));
    jump(out, id, &d.text);
    if let Some(p) = &d.path {
        let _ = write!(out, " <span class=\"path\">mục {}</span>", escape(p));
    }
    if let Some(problem) = &d.problem {
        let _ = write!(out, " <span class=\"problem\">{}</span>", escape(problem));
    }
    out.push_str("</li>");
}

fn sections(out: &mut String, doc: &Document) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-sections\"><h2 id=\"h-sections\">Đề mục <span class=\"count\">{}</span></h2>",
        doc.sections.len()
    );
    if doc.sections.is_empty() {
        out.push_str("<p class=\"none\">Không có.</p></section>");
        return;
    }
    out.push_str("<ol class=\"sections\">");
    for (i, s) in doc.sections.iter().enumerate() {
        let level = s.path.matches('.').count().min(4);
        let _ = write!(out, "<li class=\"level-{level}\">");
        jump(out, &format!("sec-{i}"), &format!("{} {}", s.path, s.title));
        out.push_str("</li>");
    }
    out.push_str("</ol></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words_come_from_the_grammar() {
        assert_eq!(kind_name("KH"), "Kế hoạch");
        assert_eq!(kind_name("TT"), "Thông tư");
        assert_eq!(kind_name("L"), "Luật");
        assert_eq!(kind_name("XYZ"), "XYZ");
        assert_eq!(labelled(Some("NQ"), "Nghị quyết Đại hội đại biểu Đảng bộ"), "Nghị quyết Đại hội đại biểu Đảng bộ");
        assert_eq!(labelled(Some("NQ"), "43-NQ/TW"), "Nghị quyết 43-NQ/TW");
    }

    #[test]
    fn dates_read_as_printed() {
        assert_eq!(date_vi("2022-03-23"), "23/03/2022");
        assert_eq!(date_vi("--12-15"), "ngày 15/12");
        assert_eq!(date_vi("---20"), "ngày 20");
    }
}
