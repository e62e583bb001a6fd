//! A document's place in the citation graph: what it implements (up) and what implements it (down).
//!
//! The view asks a [`GraphSource`]; [`RunGraph`] answers from the documents rendered
//! in the same run, and a source over the SQLite store plugs in the same way. Up
//! follows every citation one step and `basis` citations further; down takes every
//! document that cites this one, and further those that rest on those.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::document::{Citation, Document, Relation};
use crate::graph::query::{Edge, RelationFilter};
use crate::graph::{Store, StoreError};

/// How many steps a walk goes, up or down.
pub const MAX_DEPTH: u32 = 3;

/// A node of the neighbourhood other than the document itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Steps from the document (1: direct).
    pub depth: u32,
    /// Index in the same list of the node this one hangs from; `None`: the document itself.
    pub parent: Option<usize>,
    /// Symbol, else name, as the citation or the document gives it.
    pub label: String,
    /// Type abbreviation.
    pub kind: Option<String>,
    /// Date, ISO.
    pub date: Option<String>,
    /// `basis` or `cites`, of the edge to the parent.
    pub relation: Relation,
    /// The page of the document, when it is rendered.
    pub page: Option<String>,
}

/// Up and down from one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neighbourhood {
    /// What the document implements or cites, then what those rest on.
    pub up: Vec<Link>,
    /// What cites the document, then what rests on those.
    pub down: Vec<Link>,
}

/// Where the view learns a document's neighbourhood.
pub trait GraphSource {
    /// The neighbourhood of `doc`, the document whose page is `page`.
    fn neighbourhood(&self, doc: &Document, page: &str) -> Neighbourhood;
}

/// The graph of the documents rendered in one run: a citation links to a rendered
/// document with the same symbol and, when both are dated, the same date.
pub struct RunGraph<'a> {
    documents: Vec<(&'a Document, String)>,
}

impl<'a> RunGraph<'a> {
    /// A graph over `documents` and their page names.
    pub fn new(documents: Vec<(&'a Document, String)>) -> RunGraph<'a> {
        RunGraph { documents }
    }

    /// The rendered document a citation names.
    fn target(&self, c: &Citation) -> Option<&(&'a Document, String)> {
        let symbol = c.symbol.as_deref()?;
        self.documents.iter().find(|(d, _)| {
            d.symbol.as_deref() == Some(symbol) && (c.date.is_none() || d.date.is_none() || c.date == d.date)
        })
    }

    fn up(&self, doc: &Document, page: &str) -> Vec<Link> {
        let mut links = vec![];
        let mut seen: HashSet<String> = HashSet::from([page.to_string()]);
        let mut queue: VecDeque<(&Document, Option<usize>, u32)> = VecDeque::from([(doc, None, 1)]);
        while let Some((from, parent, depth)) = queue.pop_front() {
            for c in &from.citations {
                if depth > 1 && c.relation != Relation::Basis {
                    continue;
                }
                let target = self.target(c);
                if target.is_some_and(|(_, p)| !seen.insert(p.clone())) {
                    continue;
                }
                links.push(Link {
                    depth,
                    parent,
                    label: c.symbol.clone().or(c.name.clone()).unwrap_or_else(|| "?".into()),
                    kind: c.kind.clone(),
                    date: c.date.clone(),
                    relation: c.relation,
                    page: target.map(|(_, p)| p.clone()),
                });
                if let Some((d, _)) = target.filter(|_| depth < MAX_DEPTH) {
                    queue.push_back((d, Some(links.len() - 1), depth + 1));
                }
            }
        }
        links
    }

    fn down(&self, page: &str) -> Vec<Link> {
        let mut links = vec![];
        let mut seen: HashSet<&str> = HashSet::from([page]);
        let mut queue: VecDeque<(&str, Option<usize>, u32)> = VecDeque::from([(page, None, 1)]);
        while let Some((to_page, parent, depth)) = queue.pop_front() {
            for (d, p) in &self.documents {
                let cites = d.citations.iter().find(|c| {
                    self.target(c).is_some_and(|(_, tp)| tp == to_page) && (depth == 1 || c.relation == Relation::Basis)
                });
                let Some(c) = cites else { continue };
                if !seen.insert(p) {
                    continue;
                }
                links.push(Link {
                    depth,
                    parent,
                    label: d.symbol.clone().or(d.title.clone()).unwrap_or_else(|| p.clone()),
                    kind: d.kind.clone(),
                    date: d.date.clone(),
                    relation: c.relation,
                    page: Some(p.clone()),
                });
                if depth < MAX_DEPTH {
                    queue.push_back((p, Some(links.len() - 1), depth + 1));
                }
            }
        }
        links
    }
}

impl GraphSource for RunGraph<'_> {
    fn neighbourhood(&self, doc: &Document, page: &str) -> Neighbourhood {
        Neighbourhood { up: self.up(doc, page), down: self.down(page) }
    }
}

/// Neighbourhoods worked out beforehand, by page name (from the store: [`from_store`]).
impl GraphSource for HashMap<String, Neighbourhood> {
    fn neighbourhood(&self, _doc: &Document, page: &str) -> Neighbourhood {
        self.get(page).cloned().unwrap_or_default()
    }
}

/// The neighbourhood of work `id` in the store, with the same rule as [`RunGraph`]:
/// every relation one step, `basis` further. `pages` gives the page of a work id
/// rendered in this run; other works are drawn unresolved.
pub fn from_store(store: &Store, id: &str, pages: &HashMap<String, String>) -> Result<Neighbourhood, StoreError> {
    let walk = |direct: Vec<Edge>, further: Vec<Edge>, up: bool| -> Result<Vec<Link>, StoreError> {
        let edges = direct.into_iter().filter(|e| e.depth == 1).chain(further.into_iter().filter(|e| e.depth > 1));
        let mut links: Vec<Link> = vec![];
        let mut keys: Vec<String> = vec![];
        for e in edges.filter(|e| e.depth <= MAX_DEPTH) {
            let (node, from) = if up { (&e.cited, &e.citing) } else { (&e.citing, &e.cited) };
            if node == id || keys.contains(node) {
                continue;
            }
            let parent = if from == id { None } else { keys.iter().position(|k| k == from) };
            if e.depth > 1 && parent.is_none() {
                continue;
            }
            let work = store.work(node)?;
            let label = if up { e.cited_label.clone() } else { e.citing_symbol.clone() };
            let title = work.as_ref().and_then(|w| w.symbol.clone().or(w.title.clone()));
            links.push(Link {
                depth: e.depth,
                parent,
                label: label.or(title).unwrap_or_else(|| node.clone()),
                kind: work.as_ref().and_then(|w| w.kind.clone()),
                date: work.as_ref().and_then(|w| w.date.clone()),
                relation: if e.relation == "basis" { Relation::Basis } else { Relation::Cites },
                page: pages.get(node).cloned(),
            });
            keys.push(node.clone());
        }
        Ok(links)
    };
    let up = walk(store.basis(id, false, RelationFilter::Any)?, store.basis(id, true, RelationFilter::Basis)?, true)?;
    let down = walk(
        store.implementers(id, false, RelationFilter::Any)?,
        store.implementers(id, true, RelationFilter::Basis)?,
        false,
    )?;
    Ok(Neighbourhood { up, down })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(symbol: &str, date: &str, cites: &[(&str, Relation)]) -> Document {
        Document {
            symbol: Some(symbol.into()),
            date: Some(date.into()),
            citations: cites
                .iter()
                .map(|&(s, relation)| Citation {
                    kind: None,
                    symbol: Some(s.into()),
                    date: None,
                    issuer: None,
                    name: None,
                    relation,
                    mentions: vec![],
                })
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn walks_up_and_down_a_chain_and_keeps_unresolved_citations() {
        let top = doc("114-KL/TW", "2015-07-11", &[]);
        let plan =
            doc("53/KH-UBND", "2022-03-23", &[("114-KL/TW", Relation::Basis), ("04/2015/NĐ-CP", Relation::Cites)]);
        let letter = doc("560/UBND", "2022-03-28", &[("53/KH-UBND", Relation::Basis)]);
        let graph = RunGraph::new(vec![(&top, "top".into()), (&plan, "plan".into()), (&letter, "letter".into())]);

        let n = graph.neighbourhood(&letter, "letter");
        let up: Vec<(&str, u32, Option<&str>)> =
            n.up.iter().map(|l| (l.label.as_str(), l.depth, l.page.as_deref())).collect();
        assert_eq!(
            up,
            [("53/KH-UBND", 1, Some("plan")), ("114-KL/TW", 2, Some("top"))],
            "the plan's `cites` edge is not followed past depth 1"
        );
        assert!(n.down.is_empty());

        let n = graph.neighbourhood(&plan, "plan");
        assert_eq!(n.up.iter().filter(|l| l.page.is_none()).count(), 1, "04/2015/NĐ-CP is shown unresolved");
        let n = graph.neighbourhood(&top, "top");
        let down: Vec<(&str, u32, Option<usize>)> =
            n.down.iter().map(|l| (l.label.as_str(), l.depth, l.parent)).collect();
        assert_eq!(down, [("53/KH-UBND", 1, None), ("560/UBND", 2, Some(0))]);
    }

    #[test]
    fn a_same_symbol_of_another_date_is_another_document() {
        let old = doc("53/KH-UBND", "2020-01-02", &[]);
        let mut letter = doc("1/UBND", "2022-03-28", &[("53/KH-UBND", Relation::Basis)]);
        letter.citations[0].date = Some("2022-03-23".into());
        let graph = RunGraph::new(vec![(&old, "old".into()), (&letter, "letter".into())]);
        assert_eq!(graph.neighbourhood(&letter, "letter").up[0].page, None);
        assert!(graph.neighbourhood(&old, "old").down.is_empty());
    }
}
