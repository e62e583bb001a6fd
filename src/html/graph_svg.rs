//! The neighbourhood drawn as an inline SVG, laid out here: one band of rows per
//! depth, what the document implements above it, what implements it below, every
//! arrow pointing from the implementing document to the implemented one (upwards).
//!
//! The layout needs no text measuring: boxes have one width and labels are cut to
//! fit it; the full label is in each node's `<title>` and in the list beside the drawing.

use std::fmt::Write;

use super::escape;
use super::neighbourhood::{Link, Neighbourhood};
use crate::document::Relation;

const WIDTH: u32 = 760;
const COLUMNS: usize = 4;
const BOX_W: u32 = 172;
const BOX_H: u32 = 42;
const ROW_H: u32 = 72;
const MARGIN: u32 = 10;
/// Characters of a label that fit in a box at the style sheet's font size.
const LABEL_CHARS: usize = 24;

/// A placed node: its centre.
#[derive(Clone, Copy)]
struct At {
    x: u32,
    y: u32,
}

/// The SVG of `n` around the document labelled `label`.
pub fn render(n: &Neighbourhood, label: &str, kind: Option<&str>, date: Option<&str>) -> String {
    let (up, more) = drawn_up(&n.up);
    let n = &Neighbourhood { up, down: n.down.clone() };
    let up_rows = rows(&n.up);
    let down_rows = rows(&n.down);
    let rows_total = up_rows.len() + 1 + down_rows.len();
    let height = rows_total as u32 * ROW_H + MARGIN;
    let row_y = |row: usize| MARGIN + row as u32 * ROW_H + BOX_H / 2;

    // Up bands are drawn deepest first, so depth 1 sits just above the document.
    let mut up_at = vec![At { x: 0, y: 0 }; n.up.len()];
    for (r, row) in up_rows.iter().rev().enumerate() {
        place(row, row_y(r), &mut up_at);
    }
    let me = At { x: WIDTH / 2, y: row_y(up_rows.len()) };
    let mut down_at = vec![At { x: 0, y: 0 }; n.down.len()];
    for (r, row) in down_rows.iter().enumerate() {
        place(row, row_y(up_rows.len() + 1 + r), &mut down_at);
    }

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"graph\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"graph-title\">\
         <title id=\"graph-title\">Vị trí của {} trong đồ thị trích dẫn</title>\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" \
         orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>",
        escape(label)
    );
    for (i, l) in n.up.iter().enumerate() {
        let parent = l.parent.map_or(me, |p| up_at[p]);
        edge(&mut svg, up_at[i], parent, true, l.relation);
    }
    for (i, l) in n.down.iter().enumerate() {
        let parent = l.parent.map_or(me, |p| down_at[p]);
        edge(&mut svg, down_at[i], parent, false, l.relation);
    }
    node(&mut svg, me, label, &sub(kind, date), None, "self");
    for (links, at) in [(&n.up, &up_at), (&n.down, &down_at)] {
        for (l, &a) in links.iter().zip(at.iter()) {
            let (class, sub) = match &l.page {
                Some(_) => ("rendered", sub(l.kind.as_deref(), l.date.as_deref())),
                None if more > 0 && std::ptr::eq(l, n.up.last().unwrap_or(l)) => ("more", "xem danh sách".into()),
                None => ("unresolved", "chưa có trong tập".into()),
            };
            node(&mut svg, a, &l.label, &sub, l.page.as_deref(), class);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// What the drawing shows of `up`: basis citations and rendered documents, with
/// the other documents merely cited (often a score of laws, unresolved) folded into
/// one node at the end; returns the number folded.
fn drawn_up(up: &[Link]) -> (Vec<Link>, usize) {
    let mut kept: Vec<Link> = vec![];
    let mut new_index: Vec<Option<usize>> = vec![None; up.len()];
    for (i, l) in up.iter().enumerate() {
        let parent = match l.parent {
            None => None,
            Some(p) => match new_index[p] {
                Some(q) => Some(q),
                None => continue,
            },
        };
        if l.relation == Relation::Basis || l.page.is_some() || l.depth > 1 {
            new_index[i] = Some(kept.len());
            kept.push(Link { parent, ..l.clone() });
        }
    }
    let more = up.iter().filter(|l| l.depth == 1).count() - kept.iter().filter(|l| l.depth == 1).count();
    if more > 0 {
        let label = format!("+ {more} văn bản được trích dẫn");
        kept.push(Link {
            depth: 1,
            parent: None,
            label,
            kind: None,
            date: None,
            relation: Relation::Cites,
            page: None,
        });
    }
    (kept, more)
}

/// The links of each depth, cut into rows of at most [`COLUMNS`] (as indices).
fn rows(links: &[Link]) -> Vec<Vec<usize>> {
    let depth = links.iter().map(|l| l.depth).max().unwrap_or(0);
    let mut rows = vec![];
    for d in 1..=depth {
        let band: Vec<usize> = (0..links.len()).filter(|&i| links[i].depth == d).collect();
        rows.extend(band.chunks(COLUMNS).map(<[usize]>::to_vec));
    }
    rows
}

fn place(row: &[usize], y: u32, at: &mut [At]) {
    let slot = WIDTH / row.len() as u32;
    for (k, &i) in row.iter().enumerate() {
        at[i] = At { x: slot * k as u32 + slot / 2, y };
    }
}

fn sub(kind: Option<&str>, date: Option<&str>) -> String {
    [kind, date].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// An arrow from the implementing node to the implemented one.
fn edge(svg: &mut String, node: At, parent: At, node_above: bool, relation: Relation) {
    let half = BOX_H / 2;
    let (from, to) = if node_above {
        ((parent.x, parent.y - half), (node.x, node.y + half))
    } else {
        ((node.x, node.y - half), (parent.x, parent.y + half))
    };
    let class = match relation {
        Relation::Basis => "edge basis",
        Relation::Cites => "edge cites",
    };
    let _ = write!(
        svg,
        "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" marker-end=\"url(#arrow)\"/>",
        from.0, from.1, to.0, to.1
    );
}

fn node(svg: &mut String, at: At, label: &str, sub: &str, page: Option<&str>, class: &str) {
    let (x, y) = (at.x - BOX_W / 2, at.y - BOX_H / 2);
    let short = cut(label, LABEL_CHARS);
    if let Some(page) = page {
        let _ = write!(svg, "<a href=\"{}\">", escape(page));
    }
    let _ = write!(
        svg,
        "<g class=\"node {class}\"><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"5\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
         <text class=\"sub\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
        escape(label),
        at.x,
        at.y - 3,
        escape(&short),
        at.x,
        at.y + 13,
        escape(&cut(sub, LABEL_CHARS + 4)),
    );
    if page.is_some() {
        svg.push_str("</a>");
    }
}

fn cut(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        return s.to_string();
    }
    let mut out: String = s.chars().take(chars - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(depth: u32, parent: Option<usize>, label: &str, page: Option<&str>) -> Link {
        Link {
            depth,
            parent,
            label: label.into(),
            kind: Some("KH".into()),
            date: None,
            relation: Relation::Basis,
            page: page.map(String::from),
        }
    }

    #[test]
    fn draws_a_node_per_link_with_links_to_rendered_pages_only() {
        let n = Neighbourhood {
            up: vec![link(1, None, "53/KH-UBND", Some("p.html")), link(2, Some(0), "114-KL/TW", None)],
            down: vec![link(1, None, "<script>", Some("q.html"))],
        };
        let svg = render(&n, "560/UBND", Some("CV"), Some("2022-03-28"));
        assert_eq!(svg.matches("<g class=\"node").count(), 4);
        assert_eq!(svg.matches("<a href=").count(), 2);
        assert_eq!(svg.matches("class=\"node unresolved\"").count(), 1);
        assert_eq!(svg.matches("<line").count(), 3);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn merely_cited_unresolved_documents_fold_into_one_node() {
        let mut cited = link(1, None, "Luật Đất đai", None);
        cited.relation = Relation::Cites;
        let n = Neighbourhood { up: vec![link(1, None, "53/KH-UBND", None), cited.clone(), cited], down: vec![] };
        let svg = render(&n, "1/KH", None, None);
        assert_eq!(svg.matches("<g class=\"node").count(), 3, "{svg}");
        assert!(svg.contains("+ 2 văn bản được trích dẫn"));
    }

    #[test]
    fn long_labels_are_cut_on_characters() {
        assert_eq!(cut("Đề án tăng cường công tác lãnh đạo", 10), "Đề án tăn…");
    }
}
