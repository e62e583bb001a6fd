//! Exports of the whole graph: GraphML (Gephi, yEd), DOT (Graphviz), JSON, CSV,
//! and a canonical dump of every table for comparing two databases.

use std::io::Write;

use serde::Serialize;

use super::query::{Work, sql_value};
use super::{Store, StoreError};

/// A graph edge: citations of one work by another, merged over the files holding them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GraphEdge {
    /// Citing work id.
    pub citing: String,
    /// Cited work id.
    pub cited: String,
    /// `basis` if any citation is, else `cites`.
    pub relation: String,
    /// Mentions, summed.
    pub mentions: u32,
}

/// Every node and edge of the graph, sorted.
pub fn graph(store: &Store) -> Result<(Vec<Work>, Vec<GraphEdge>), StoreError> {
    let conn = store.conn();
    let mut stmt = conn
        .prepare("SELECT id, resolved, ingested, kind, symbol, date, issuer, title FROM works ORDER BY id")
        .map_err(store.err())?;
    let nodes =
        stmt.query_map([], Work::from_row).map_err(store.err())?.collect::<Result<Vec<_>, _>>().map_err(store.err())?;
    let mut stmt = conn
        .prepare(
            "SELECT citing, cited, CASE WHEN max(relation = 'basis') THEN 'basis' ELSE 'cites' END, sum(mention_count)
             FROM edges GROUP BY citing, cited ORDER BY citing, cited",
        )
        .map_err(store.err())?;
    let edges = stmt
        .query_map([], |r| {
            Ok(GraphEdge { citing: r.get(0)?, cited: r.get(1)?, relation: r.get(2)?, mentions: r.get(3)? })
        })
        .map_err(store.err())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(store.err())?;
    Ok((nodes, edges))
}

/// A node's label: type and symbol ("KH 53/KH-UBND"), else its name, else its id.
pub fn label(w: &Work) -> String {
    match (&w.kind, &w.symbol) {
        (Some(k), Some(s)) => format!("{k} {s}"),
        (None, Some(s)) => s.clone(),
        _ => w.title.clone().map(|t| t.chars().take(60).collect()).unwrap_or_else(|| w.id.clone()),
    }
}

/// Write GraphML.
pub fn graphml(store: &Store, out: &mut impl Write) -> Result<(), StoreError> {
    let (nodes, edges) = graph(store)?;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#)?;
    for (id, on, ty) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("symbol", "node", "string"),
        ("date", "node", "string"),
        ("issuer", "node", "string"),
        ("resolved", "node", "boolean"),
        ("ingested", "node", "boolean"),
        ("relation", "edge", "string"),
        ("mentions", "edge", "int"),
    ] {
        writeln!(out, r#"  <key id="{id}" for="{on}" attr.name="{id}" attr.type="{ty}"/>"#)?;
    }
    writeln!(out, r#"  <graph id="vanban" edgedefault="directed">"#)?;
    for n in &nodes {
        writeln!(out, r#"    <node id="{}">"#, xml(&n.id))?;
        let fields = [
            ("label", Some(label(n))),
            ("kind", n.kind.clone()),
            ("symbol", n.symbol.clone()),
            ("date", n.date.clone()),
            ("issuer", n.issuer.clone()),
            ("resolved", Some(n.resolved.to_string())),
            ("ingested", Some(n.ingested.to_string())),
        ];
        for (k, v) in fields {
            if let Some(v) = v {
                writeln!(out, r#"      <data key="{k}">{}</data>"#, xml(&v))?;
            }
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in edges.iter().enumerate() {
        writeln!(out, r#"    <edge id="e{i}" source="{}" target="{}">"#, xml(&e.citing), xml(&e.cited))?;
        writeln!(out, r#"      <data key="relation">{}</data>"#, e.relation)?;
        writeln!(out, r#"      <data key="mentions">{}</data>"#, e.mentions)?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(())
}

fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// Write DOT: documents labelled by type and symbol; stubs dashed, cited-only grey.
pub fn dot(store: &Store, out: &mut impl Write) -> Result<(), StoreError> {
    let (nodes, edges) = graph(store)?;
    writeln!(out, "digraph vanban {{\n  rankdir=BT;\n  node [shape=box, fontname=\"sans\"];")?;
    for n in &nodes {
        let style = match (n.resolved, n.ingested) {
            (_, true) => "solid",
            (true, false) => "filled",
            (false, false) => "dashed",
        };
        writeln!(out, "  {} [label={}, style={style}, fillcolor=\"#eeeeee\"];", dot_str(&n.id), dot_str(&label(n)))?;
    }
    for e in &edges {
        let style = if e.relation == "basis" { "solid" } else { "dotted" };
        writeln!(out, "  {} -> {} [label={}, style={style}];", dot_str(&e.citing), dot_str(&e.cited), e.relation)?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

fn dot_str(s: &str) -> String {
    let escaped: String = s
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// Write `{"nodes": […], "edges": […]}`.
pub fn json(store: &Store, out: &mut impl Write) -> Result<(), StoreError> {
    let (nodes, edges) = graph(store)?;
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "nodes": nodes, "edges": edges }))
        .map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Write the edges as CSV with the labels of both ends.
pub fn csv(store: &Store, out: &mut impl Write) -> Result<(), StoreError> {
    let (nodes, edges) = graph(store)?;
    let labels: std::collections::HashMap<&str, String> = nodes.iter().map(|n| (n.id.as_str(), label(n))).collect();
    writeln!(out, "citing,citing_label,cited,cited_label,relation,mentions")?;
    for e in &edges {
        let l = |id: &str| labels.get(id).cloned().unwrap_or_default();
        let row =
            [e.citing.clone(), l(&e.citing), e.cited.clone(), l(&e.cited), e.relation.clone(), e.mentions.to_string()];
        writeln!(out, "{}", csv_row(&row))?;
    }
    Ok(())
}

/// One CSV row, quoting fields that need it (RFC 4180).
pub fn csv_row(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| if f.contains([',', '"', '\n', '\r']) { format!("\"{}\"", f.replace('"', "\"\"")) } else { f.clone() })
        .collect::<Vec<_>>()
        .join(",")
}

/// The tables, keyed by file path and ordinals instead of row ids, without timestamps.
const DUMP: &[(&str, &str)] = &[
    ("files", "SELECT path, hash, extractor, encoding, status, error FROM files"),
    (
        "documents",
        "SELECT f.path, d.ordinal, d.work, d.resolved, d.kind, d.symbol, d.symbol_key, d.number, d.issuer, d.place,
                d.date, d.title, d.signer_name, d.signer_position, d.signer_authority, d.span_start, d.span_end
         FROM documents d JOIN files f ON f.id = d.file_id",
    ),
    (
        "recipients",
        "SELECT f.path, d.ordinal, r.ordinal, r.recipient FROM recipients r
         JOIN documents d ON d.id = r.document_id JOIN files f ON f.id = d.file_id",
    ),
    (
        "edges",
        "SELECT f.path, d.ordinal, e.ordinal, e.citing, e.cited, e.resolved, e.relation, e.mention_count, e.kind,
                e.symbol, e.symbol_key, e.number, e.date, e.issuer, e.name
         FROM edges e JOIN documents d ON d.id = e.document_id JOIN files f ON f.id = d.file_id",
    ),
    (
        "mentions",
        "SELECT f.path, d.ordinal, e.ordinal, m.ordinal, m.relation, m.span_start, m.span_end, m.sentence, m.pinpoint
         FROM mentions m JOIN edges e ON e.id = m.edge_id JOIN documents d ON d.id = e.document_id
         JOIN files f ON f.id = d.file_id",
    ),
    (
        "sections",
        "SELECT f.path, d.ordinal, s.ordinal, s.path, s.title, s.span_start, s.span_end FROM sections s
         JOIN documents d ON d.id = s.document_id JOIN files f ON f.id = d.file_id",
    ),
    (
        "assignments",
        "SELECT f.path, d.ordinal, a.ordinal, a.path, a.unit, a.role, a.span_start, a.span_end FROM assignments a
         JOIN documents d ON d.id = a.document_id JOIN files f ON f.id = d.file_id",
    ),
    (
        "deadlines",
        "SELECT f.path, d.ordinal, x.ordinal, x.relative, x.path, x.text, x.due, x.start, x.end, x.recurrence,
                x.problem, x.span_start, x.span_end FROM deadlines x
         JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id",
    ),
    ("works", "SELECT id, resolved, ingested, kind, symbol, date, issuer, title FROM works"),
];

/// Write every table as sorted lines `table<TAB>json-array-of-values`: two
/// databases with the same content give the same dump, whatever the order or
/// time of ingest.
pub fn dump(store: &Store, out: &mut impl Write) -> Result<(), StoreError> {
    for (table, select) in DUMP {
        let mut stmt = store.conn().prepare(select).map_err(store.err())?;
        let n = stmt.column_count();
        let mut lines: Vec<String> = stmt
            .query_map([], |r| {
                let values: Vec<serde_json::Value> =
                    (0..n).map(|i| r.get_ref(i).map(sql_value)).collect::<Result<_, _>>()?;
                Ok(serde_json::Value::Array(values).to_string())
            })
            .map_err(store.err())?
            .collect::<Result<_, _>>()
            .map_err(store.err())?;
        lines.sort();
        for l in lines {
            writeln!(out, "{table}\t{l}")?;
        }
    }
    Ok(())
}
