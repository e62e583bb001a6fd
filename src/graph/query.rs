//! Queries over the graph. Every value from outside is a bound parameter.
//!
//! Transitive queries walk the edges with a recursive CTE over the set of work
//! ids reached; `UNION` (not `UNION ALL`) keeps each work once, which both stops
//! cycles and keeps a many-path DAG linear. Depths are then counted in Rust by a
//! breadth-first walk over the edges returned.

use std::collections::{BTreeMap, HashMap, VecDeque};

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::resolve::DocumentQuery;

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Work {
    /// Work id.
    pub id: String,
    /// Whether the id names one document for sure.
    pub resolved: bool,
    /// Whether a file holding it was ingested.
    pub ingested: bool,
    /// Type code.
    pub kind: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Issuer.
    pub issuer: Option<String>,
    /// Title (ingested) or name (cited by name only).
    pub title: Option<String>,
}

impl Work {
    pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Work> {
        Ok(Work {
            id: r.get(0)?,
            resolved: r.get(1)?,
            ingested: r.get(2)?,
            kind: r.get(3)?,
            symbol: r.get(4)?,
            date: r.get(5)?,
            issuer: r.get(6)?,
            title: r.get(7)?,
        })
    }
}

/// One citation edge, with where it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// Steps from the queried document (1: direct).
    pub depth: u32,
    /// Work id of the citing document.
    pub citing: String,
    /// Symbol of the citing document.
    pub citing_symbol: Option<String>,
    /// Type of the citing document.
    pub citing_kind: Option<String>,
    /// Work id of the cited document.
    pub cited: String,
    /// The cited document as the citation names it: symbol, else name.
    pub cited_label: Option<String>,
    /// Whether the cited id is resolved.
    pub cited_resolved: bool,
    /// `basis` or `cites`.
    pub relation: String,
    /// How many times the citing document mentions it.
    pub mentions: u32,
    /// The file of the citing document.
    pub file: String,
    /// The first sentence that mentions it.
    pub sentence: Option<String>,
}

/// Which edges a walk follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationFilter {
    /// Only `basis`.
    Basis,
    /// Any relation.
    Any,
}

/// Which way a walk goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// To the documents that cite (implementers).
    Up,
    /// To the documents cited (basis).
    Down,
}

const WORK_COLUMNS: &str = "id, resolved, ingested, kind, symbol, date, issuer, title";

const EDGE_SELECT: &str = "
    SELECT e.citing, d.symbol, d.kind, e.cited, coalesce(e.symbol, e.name), e.resolved, e.relation,
           e.mention_count, f.path,
           (SELECT m.sentence FROM mentions m WHERE m.edge_id = e.id ORDER BY m.ordinal LIMIT 1)
    FROM edges e JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id";

impl Store {
    /// The works a person's query may mean.
    pub fn candidates(&self, q: &DocumentQuery) -> Result<Vec<Work>, StoreError> {
        // Ids first, through the indexes; the `works` view would aggregate every node.
        let ids_by = |column: &str, value: &dyn rusqlite::ToSql| -> Result<Vec<String>, StoreError> {
            let sql = format!(
                "SELECT work FROM documents WHERE {column} = ?1 UNION SELECT cited FROM edges WHERE {column} = ?1"
            );
            let mut stmt = self.conn().prepare_cached(&sql).map_err(self.err())?;
            let rows = stmt.query_map([value], |r| r.get(0)).map_err(self.err())?;
            rows.collect::<Result<_, _>>().map_err(self.err())
        };
        let ids = match q {
            DocumentQuery::Id(id) => vec![id.clone()],
            DocumentQuery::Symbol(key) => ids_by("symbol_key", key)?,
            DocumentQuery::Number { number, .. } => ids_by("number", number)?,
        };
        let mut out = vec![];
        for id in ids {
            out.extend(self.work(&id)?);
        }
        if let DocumentQuery::Number { kinds, .. } = q {
            let fits = |w: &Work| {
                let code = w.symbol.as_deref().and_then(crate::resolve::parse_symbol).and_then(|s| s.kind);
                kinds.is_empty() || code.or(w.kind.clone()).is_some_and(|k| kinds.iter().any(|x| x == &k))
            };
            out.retain(fits);
        }
        out.sort_by(|a, b| (!a.resolved, &a.id).cmp(&(!b.resolved, &b.id)));
        Ok(out)
    }

    /// The work with id `id`, if it is in the graph: as ingested, else as cited.
    pub fn work(&self, id: &str) -> Result<Option<Work>, StoreError> {
        let ingested = "SELECT ?1, max(resolved), 1, min(kind), min(symbol), min(date), min(issuer), min(title)
                        FROM documents WHERE work = ?1 HAVING count(*) > 0";
        let cited = "SELECT ?1, max(resolved), 0, min(kind), min(symbol), min(date), min(issuer), min(name)
                     FROM edges WHERE cited = ?1 HAVING count(*) > 0";
        for sql in [ingested, cited] {
            let mut stmt = self.conn().prepare_cached(sql).map_err(self.err())?;
            if let Some(w) = stmt.query_row([id], Work::from_row).optional().map_err(self.err())? {
                return Ok(Some(w));
            }
        }
        Ok(None)
    }

    /// The documents that carry out (cite, with `Basis`: rest on) `id`, and with
    /// `transitive` those that carry those out, and so on.
    pub fn implementers(&self, id: &str, transitive: bool, rel: RelationFilter) -> Result<Vec<Edge>, StoreError> {
        self.walk(id, transitive, rel, Direction::Up)
    }

    /// What `id` rests on (with `Any`: cites), and with `transitive` what those rest on.
    pub fn basis(&self, id: &str, transitive: bool, rel: RelationFilter) -> Result<Vec<Edge>, StoreError> {
        self.walk(id, transitive, rel, Direction::Down)
    }

    fn walk(&self, id: &str, transitive: bool, rel: RelationFilter, dir: Direction) -> Result<Vec<Edge>, StoreError> {
        // Column names come from this fixed choice, never from input.
        let (from, to) = match dir {
            Direction::Up => ("cited", "citing"),
            Direction::Down => ("citing", "cited"),
        };
        let sql = format!(
            "WITH RECURSIVE reach(work) AS (
                 SELECT ?1
                 UNION
                 SELECT e.{to} FROM reach JOIN edges e ON e.{from} = reach.work
                 WHERE ?2 AND (?3 OR e.relation = 'basis')
             )
             {EDGE_SELECT}
             WHERE e.{from} IN (SELECT work FROM reach) AND (?3 OR e.relation = 'basis')
             ORDER BY e.{from}, e.{to}, f.path, d.ordinal, e.ordinal"
        );
        let any = rel == RelationFilter::Any;
        let mut stmt = self.conn().prepare_cached(&sql).map_err(self.err())?;
        let rows = stmt.query_map(params![id, transitive, any], edge_from_row).map_err(self.err())?;
        let mut edges: Vec<Edge> = rows.collect::<Result<_, _>>().map_err(self.err())?;
        set_depths(&mut edges, id, dir);
        edges.sort_by(|a, b| (a.depth, &a.citing, &a.cited, &a.file).cmp(&(b.depth, &b.citing, &b.cited, &b.file)));
        Ok(edges)
    }

    /// Every document that cites `id`, in any relation.
    pub fn cited_by(&self, id: &str) -> Result<Vec<Edge>, StoreError> {
        self.implementers(id, false, RelationFilter::Any)
    }

    /// Works by how many distinct documents cite them, most first.
    pub fn top(&self, limit: u32) -> Result<Vec<(Work, u32)>, StoreError> {
        let sql = format!(
            "SELECT {WORK_COLUMNS}, c.n FROM works w
             JOIN (SELECT cited, count(DISTINCT citing) AS n FROM edges GROUP BY cited) c ON c.cited = w.id
             ORDER BY c.n DESC, w.id LIMIT ?1"
        );
        let mut stmt = self.conn().prepare(&sql).map_err(self.err())?;
        let rows = stmt.query_map([limit], |r| Ok((Work::from_row(r)?, r.get(8)?))).map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Citations whose document could not be pinned down, with their mentions.
    pub fn unresolved(&self) -> Result<Vec<Edge>, StoreError> {
        let sql = format!("{EDGE_SELECT} WHERE e.resolved = 0 ORDER BY e.cited, f.path, d.ordinal, e.ordinal");
        let mut stmt = self.conn().prepare(&sql).map_err(self.err())?;
        let rows = stmt.query_map([], edge_from_row).map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Everything stored about `id`: its documents, citations, assignments, deadlines.
    pub fn show(&self, id: &str) -> Result<Option<Shown>, StoreError> {
        let Some(work) = self.work(id)? else { return Ok(None) };
        let err = self.err();
        let list = |sql: &str| -> Result<Vec<BTreeMap<String, serde_json::Value>>, StoreError> {
            let mut stmt = self.conn().prepare(sql).map_err(&err)?;
            let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
            let rows = stmt
                .query_map([id], |r| {
                    let mut m = BTreeMap::new();
                    for (i, n) in names.iter().enumerate() {
                        m.insert(n.clone(), sql_value(r.get_ref(i)?));
                    }
                    Ok(m)
                })
                .map_err(&err)?;
            rows.collect::<Result<_, _>>().map_err(&err)
        };
        let documents = list(
            "SELECT f.path AS file, d.ordinal, d.kind, d.symbol, d.date, d.issuer, d.place, d.title,
                    d.signer_name AS signer, d.signer_position AS position
             FROM documents d JOIN files f ON f.id = d.file_id WHERE d.work = ?1 ORDER BY f.path, d.ordinal",
        )?;
        let assignments = list(
            "SELECT f.path AS file, a.path, a.unit, a.role FROM assignments a JOIN documents d ON d.id = a.document_id
             JOIN files f ON f.id = d.file_id WHERE d.work = ?1 ORDER BY f.path, d.ordinal, a.ordinal",
        )?;
        let deadlines = list(
            "SELECT f.path AS file, x.path, x.text, x.due, x.start, x.end, x.recurrence
             FROM deadlines x JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id
             WHERE d.work = ?1 AND x.relative = 0 ORDER BY f.path, d.ordinal, x.ordinal",
        )?;
        let citations = self.basis(id, false, RelationFilter::Any)?;
        let cited_by = self.cited_by(id)?;
        Ok(Some(Shown { work, documents, citations, cited_by, assignments, deadlines }))
    }
}

/// What `show` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Shown {
    /// The node.
    pub work: Work,
    /// Its ingested documents (one per file holding it).
    pub documents: Vec<BTreeMap<String, serde_json::Value>>,
    /// What it cites.
    pub citations: Vec<Edge>,
    /// What cites it.
    pub cited_by: Vec<Edge>,
    /// Who must do what.
    pub assignments: Vec<BTreeMap<String, serde_json::Value>>,
    /// Its deadlines.
    pub deadlines: Vec<BTreeMap<String, serde_json::Value>>,
}

/// A SQLite value as JSON.
pub(crate) fn sql_value(v: rusqlite::types::ValueRef) -> serde_json::Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => f.into(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

fn edge_from_row(r: &Row) -> rusqlite::Result<Edge> {
    Ok(Edge {
        depth: 1,
        citing: r.get(0)?,
        citing_symbol: r.get(1)?,
        citing_kind: r.get(2)?,
        cited: r.get(3)?,
        cited_label: r.get(4)?,
        cited_resolved: r.get(5)?,
        relation: r.get(6)?,
        mentions: r.get(7)?,
        file: r.get(8)?,
        sentence: r.get(9)?,
    })
}

/// Depth of each edge: 1 + the breadth-first distance of its near end from `root`.
fn set_depths(edges: &mut [Edge], root: &str, dir: Direction) {
    let ends = |e: &Edge| match dir {
        Direction::Up => (e.cited.clone(), e.citing.clone()),
        Direction::Down => (e.citing.clone(), e.cited.clone()),
    };
    let mut next: HashMap<String, Vec<String>> = HashMap::new();
    for e in edges.iter() {
        let (near, far) = ends(e);
        next.entry(near).or_default().push(far);
    }
    let mut dist: HashMap<String, u32> = HashMap::from([(root.to_string(), 0)]);
    let mut queue = VecDeque::from([root.to_string()]);
    while let Some(w) = queue.pop_front() {
        let d = dist[&w];
        for far in next.get(&w).into_iter().flatten() {
            if !dist.contains_key(far) {
                dist.insert(far.clone(), d + 1);
                queue.push_back(far.clone());
            }
        }
    }
    for e in edges.iter_mut() {
        e.depth = dist.get(&ends(e).0).map_or(0, |d| d + 1);
    }
}
