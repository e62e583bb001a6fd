//! Marking spans up in a text: escaped HTML whose tags sit on the characters as printed.
//!
//! Spans come from extraction and may nest or overlap (a unit inside a citation's
//! sentence, a title field that contains a citation). The walk keeps the elements
//! properly nested by closing and reopening: when a mark ends under another that is
//! still open, the outer ones close, the mark ends, and the outer ones reopen as
//! continuation pieces. Every piece carries `data-mark`; only the first carries the
//! id and the attributes, so the pieces of one mark read in order give back its text.
//! The text itself is never cut: stripping the tags and unescaping gives the input.

use super::escape;

/// One span to mark, relative to the text being marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte offsets into the text; must fall on char boundaries (marks that do not are skipped).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Element id of the first piece, also the `data-mark` of every piece.
    pub id: String,
    /// CSS classes.
    pub class: String,
    /// Extra attributes of the first piece, name and unescaped value.
    pub attrs: Vec<(&'static str, String)>,
    /// Whether keyboard users can tab to it.
    pub focusable: bool,
}

/// `text` as escaped HTML with every usable mark as `<mark>` elements.
pub fn mark_up(text: &str, marks: &[Mark]) -> String {
    let mut marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len())
        .filter(|m| text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .collect();
    // Outer marks open first, so that a mark nested in another closes before it.
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut boundaries: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    boundaries.sort_unstable();
    boundaries.dedup();

    let mut out = String::with_capacity(text.len() * 5 / 4);
    let mut open: Vec<&Mark> = vec![];
    let mut next = 0; // next mark to open
    let mut at = 0;
    for pos in boundaries {
        out.push_str(&escape(&text[at..pos]));
        at = pos;
        close_ending(&mut out, &mut open, pos);
        while next < marks.len() && marks[next].start == pos {
            open_piece(&mut out, marks[next], true);
            open.push(marks[next]);
            next += 1;
        }
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Close every open mark that ends at `pos`, reopening the ones above it.
fn close_ending(out: &mut String, open: &mut Vec<&Mark>, pos: usize) {
    while let Some(lowest) = open.iter().position(|m| m.end == pos) {
        let above: Vec<&Mark> = open.drain(lowest..).collect();
        for _ in &above {
            out.push_str("</mark>");
        }
        for m in above.into_iter().skip(1) {
            if m.end != pos {
                open_piece(out, m, false);
                open.push(m);
            }
        }
    }
}

fn open_piece(out: &mut String, m: &Mark, first: bool) {
    out.push_str("<mark class=\"");
    out.push_str(&escape(&m.class));
    out.push_str("\" data-mark=\"");
    out.push_str(&escape(&m.id));
    out.push('"');
    if first {
        out.push_str(" id=\"");
        out.push_str(&escape(&m.id));
        out.push('"');
        for (name, value) in &m.attrs {
            out.push_str(&format!(" {name}=\"{}\"", escape(value)));
        }
        if m.focusable {
            out.push_str(" tabindex=\"0\"");
        }
    } else {
        out.push_str(" data-continued=\"\"");
    }
    out.push('>');
}

/// The text a browser shows for a piece of markup: tags stripped, entities
/// unescaped. The inverse of the escaping above, for tests of the pages.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mark(start: usize, end: usize, id: &str) -> Mark {
        Mark { start, end, id: id.into(), class: "m".into(), attrs: vec![], focusable: false }
    }

    /// The text of every piece of mark `id`, concatenated in order.
    fn pieces_of(html: &str, id: &str) -> String {
        let needle = format!("data-mark=\"{id}\"");
        let mut text = String::new();
        for (i, _) in html.match_indices(&needle) {
            let body_start = i + html[i..].find('>').unwrap() + 1;
            // The piece ends at its own closing tag: count nesting from here.
            let mut depth = 1;
            let mut j = body_start;
            while depth > 0 {
                let rest = &html[j..];
                let (open, close) = (rest.find("<mark"), rest.find("</mark>").unwrap());
                match open {
                    Some(o) if o < close => {
                        depth += 1;
                        j += o + 5;
                    }
                    _ => {
                        depth -= 1;
                        j += close + 7;
                    }
                }
            }
            text.push_str(&text_of(&html[body_start..j - 7]));
        }
        text
    }

    #[test]
    fn nested_marks_stay_nested() {
        let text = "Kế hoạch số 53/KH-UBND";
        let symbol = text.find("53").unwrap();
        let html = mark_up(text, &[mark(0, text.len(), "a"), mark(symbol, text.len(), "b")]);
        assert_eq!(
            html,
            "<mark class=\"m\" data-mark=\"a\" id=\"a\">Kế hoạch số \
             <mark class=\"m\" data-mark=\"b\" id=\"b\">53/KH-UBND</mark></mark>"
        );
    }

    #[test]
    fn overlapping_marks_split_into_pieces() {
        let text = "giao Sở Y tế chủ trì";
        let (a, b) = (mark(0, text.find(" chủ").unwrap(), "a"), mark(5, text.len(), "b"));
        let html = mark_up(text, &[a, b]);
        assert_eq!(text_of(&html), text);
        assert_eq!(pieces_of(&html, "a"), "giao Sở Y tế");
        assert_eq!(pieces_of(&html, "b"), "Sở Y tế chủ trì");
        assert_eq!(html.matches("id=\"b\"").count(), 1, "{html}");
    }

    #[test]
    fn text_is_escaped_and_bad_marks_skipped() {
        let text = "<b>“Dân vận” & Đ</b>";
        let inside_a_letter = text.find('Đ').unwrap() + 1;
        let html = mark_up(text, &[mark(0, 999, "x"), mark(inside_a_letter, text.len(), "y"), mark(3, 3, "z")]);
        assert_eq!(text_of(&html), text);
        assert!(!html.contains("<b>") && !html.contains("<mark"), "{html}");
    }

    proptest! {
        #[test]
        fn any_marks_keep_the_text_and_each_mark_reads_its_span(
            text in "[a-zĐđếộ <&>\n]{0,40}",
            raw in proptest::collection::vec((0usize..60, 0usize..60), 0..8),
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let marks: Vec<Mark> = raw.iter().enumerate().map(|(i, &(a, b))| {
                let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                mark(a.min(b), a.max(b), &format!("m{i}"))
            }).collect();
            let html = mark_up(&text, &marks);
            prop_assert_eq!(text_of(&html), text.clone());
            prop_assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
            for m in marks.iter().filter(|m| m.start < m.end) {
                prop_assert_eq!(pieces_of(&html, &m.id), text[m.start..m.end].to_string());
            }
        }
    }
}
