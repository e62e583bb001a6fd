//! `vanban query …`: questions to the citation graph — who carries a document
//! out, what it rests on, what cites it, what it says, what is most cited, what
//! could not be pinned down.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use vanban::graph::Store;
use vanban::graph::export::csv_row;
use vanban::graph::query::{Edge, RelationFilter, Work};
use vanban::resolve;

/// Output formats of `query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// JSON.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Which citations a walk follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Relation {
    /// Only "Thực hiện …/Căn cứ …" citations.
    Basis,
    /// Any citation.
    Any,
}

/// Arguments of `vanban query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, default_value = "vanban.db", global = true)]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", global = true)]
    format: Format,
    #[command(subcommand)]
    question: Question,
}

#[derive(Debug, Subcommand)]
enum Question {
    /// The documents that carry DOC out (cite it as their basis), with the citing sentence and file.
    Implementers {
        /// A symbol as people write it ("Kết luận 114-KL/TW", "114 KL/TW", "kl 114") or a work id.
        doc: String,
        /// Also those that carry the implementers out, and so on.
        #[arg(long)]
        transitive: bool,
        /// Which citations count.
        #[arg(long, value_enum, default_value = "basis")]
        relation: Relation,
    },
    /// What DOC rests on.
    Basis {
        /// A symbol or a work id.
        doc: String,
        /// Also what those rest on, and so on.
        #[arg(long)]
        transitive: bool,
        /// Which citations count.
        #[arg(long, value_enum, default_value = "basis")]
        relation: Relation,
    },
    /// Every document that cites DOC.
    CitedBy {
        /// A symbol or a work id.
        doc: String,
    },
    /// DOC's header, citations, assignments and deadlines.
    Show {
        /// A symbol or a work id.
        doc: String,
    },
    /// The most cited documents.
    Top {
        /// How many.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Citations whose document could not be pinned down, with their mentions.
    Unresolved,
}

pub fn run(args: &QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let fmt = args.format;
    let rel = |r: Relation| if r == Relation::Any { RelationFilter::Any } else { RelationFilter::Basis };
    match &args.question {
        Question::Implementers { doc, transitive, relation } => {
            let Some(id) = pick(&store, doc, fmt, &mut out)? else { return Ok(ambiguous_or_none()) };
            edges(&mut out, fmt, &store.implementers(&id, *transitive, rel(*relation))?, End::Citing)?;
        }
        Question::Basis { doc, transitive, relation } => {
            let Some(id) = pick(&store, doc, fmt, &mut out)? else { return Ok(ambiguous_or_none()) };
            edges(&mut out, fmt, &store.basis(&id, *transitive, rel(*relation))?, End::Cited)?;
        }
        Question::CitedBy { doc } => {
            let Some(id) = pick(&store, doc, fmt, &mut out)? else { return Ok(ambiguous_or_none()) };
            edges(&mut out, fmt, &store.cited_by(&id)?, End::Citing)?;
        }
        Question::Show { doc } => {
            let Some(id) = pick(&store, doc, fmt, &mut out)? else { return Ok(ambiguous_or_none()) };
            if let Some(shown) = store.show(&id)? {
                match fmt {
                    Format::Json => json(&mut out, &shown)?,
                    _ => {
                        works(&mut out, fmt, std::slice::from_ref(&shown.work), None)?;
                        for (title, rows) in [
                            ("documents", &shown.documents),
                            ("assignments", &shown.assignments),
                            ("deadlines", &shown.deadlines),
                        ] {
                            writeln!(out, "\n# {title}")?;
                            maps(&mut out, fmt, rows)?;
                        }
                        writeln!(out, "\n# citations")?;
                        edges(&mut out, fmt, &shown.citations, End::Cited)?;
                        writeln!(out, "\n# cited by")?;
                        edges(&mut out, fmt, &shown.cited_by, End::Citing)?;
                    }
                }
            }
        }
        Question::Top { limit } => {
            let top = store.top(*limit)?;
            let (ws, counts): (Vec<Work>, Vec<u32>) = top.into_iter().unzip();
            works(&mut out, fmt, &ws, Some(&counts))?;
        }
        Question::Unresolved => edges(&mut out, fmt, &store.unresolved()?, End::Cited)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Exit code when a query named no single document (explained on stderr).
fn ambiguous_or_none() -> ExitCode {
    ExitCode::from(super::PARTIAL_FAILURE)
}

/// Open a database that must exist (a query never creates one).
pub(super) fn open_existing(db: &Path) -> anyhow::Result<Store> {
    if !db.is_file() {
        anyhow::bail!("{}: no database here (run `vanban ingest --db {}` first)", db.display(), db.display());
    }
    Ok(Store::open(db)?)
}

/// The one work `text` names; lists the candidates when it names several.
fn pick(store: &Store, text: &str, fmt: Format, out: &mut impl Write) -> anyhow::Result<Option<String>> {
    let Some(q) = resolve::parse_query(text) else {
        eprintln!("vanban: {text:?}: not a symbol or a work id");
        return Ok(None);
    };
    let found = store.candidates(&q)?;
    let resolved: Vec<&Work> = found.iter().filter(|w| w.resolved).collect();
    match (found.len(), resolved.len()) {
        (0, _) => {
            eprintln!("vanban: {text:?}: no document in the graph matches");
            Ok(None)
        }
        (1, _) => Ok(Some(found[0].id.clone())),
        (_, 1) => Ok(Some(resolved[0].id.clone())),
        (n, _) => {
            eprintln!("vanban: {text:?}: {n} documents match; name one by its id");
            works(out, fmt, &found, None)?;
            Ok(None)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Citing,
    Cited,
}

fn edges(out: &mut impl Write, fmt: Format, rows: &[Edge], end: End) -> anyhow::Result<()> {
    if fmt == Format::Json {
        return json(out, rows);
    }
    let (head, body): (Vec<&str>, Vec<Vec<String>>) = match end {
        End::Citing => (
            vec!["depth", "citing", "symbol", "relation", "file", "sentence"],
            rows.iter()
                .map(|e| {
                    let sym = e.citing_symbol.clone().unwrap_or_default();
                    vec![
                        e.depth.to_string(),
                        e.citing.clone(),
                        sym,
                        e.relation.clone(),
                        e.file.clone(),
                        sentence(e, fmt),
                    ]
                })
                .collect(),
        ),
        End::Cited => (
            vec!["depth", "cited", "label", "relation", "citing", "file", "sentence"],
            rows.iter()
                .map(|e| {
                    let label = e.cited_label.clone().unwrap_or_default();
                    let (citing, file) = (e.citing.clone(), e.file.clone());
                    vec![
                        e.depth.to_string(),
                        e.cited.clone(),
                        label,
                        e.relation.clone(),
                        citing,
                        file,
                        sentence(e, fmt),
                    ]
                })
                .collect(),
        ),
    };
    table(out, fmt, &head, &body)
}

fn sentence(e: &Edge, fmt: Format) -> String {
    let s = e.sentence.clone().unwrap_or_default().replace(['\n', '\r'], " ");
    if fmt == Format::Table && s.chars().count() > 100 {
        format!("{}…", s.chars().take(99).collect::<String>())
    } else {
        s
    }
}

fn works(out: &mut impl Write, fmt: Format, ws: &[Work], counts: Option<&[u32]>) -> anyhow::Result<()> {
    if fmt == Format::Json {
        #[derive(Serialize)]
        struct Counted<'a> {
            #[serde(flatten)]
            work: &'a Work,
            #[serde(skip_serializing_if = "Option::is_none")]
            cited_by: Option<u32>,
        }
        let rows: Vec<Counted> =
            ws.iter().enumerate().map(|(i, w)| Counted { work: w, cited_by: counts.map(|c| c[i]) }).collect();
        return json(out, &rows);
    }
    let mut head = vec!["id", "kind", "symbol", "date", "issuer", "ingested", "resolved"];
    if counts.is_some() {
        head.push("cited_by");
    }
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let body: Vec<Vec<String>> = ws
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut row = vec![w.id.clone(), o(&w.kind), o(&w.symbol), o(&w.date), o(&w.issuer)];
            row.extend([w.ingested.to_string(), w.resolved.to_string()]);
            row.extend(counts.map(|c| c[i].to_string()));
            row
        })
        .collect();
    table(out, fmt, &head, &body)
}

fn maps(
    out: &mut impl Write,
    fmt: Format,
    rows: &[std::collections::BTreeMap<String, serde_json::Value>],
) -> anyhow::Result<()> {
    let Some(first) = rows.first() else { return Ok(()) };
    let head: Vec<&str> = first.keys().map(String::as_str).collect();
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    let body: Vec<Vec<String>> = rows.iter().map(|r| r.values().map(text).collect()).collect();
    table(out, fmt, &head, &body)
}

fn json<T: Serialize + ?Sized>(out: &mut impl Write, v: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)?;
    Ok(())
}

fn table(out: &mut impl Write, fmt: Format, head: &[&str], body: &[Vec<String>]) -> anyhow::Result<()> {
    if fmt == Format::Csv {
        writeln!(out, "{}", csv_row(&head.iter().map(|h| h.to_string()).collect::<Vec<_>>()))?;
        for row in body {
            writeln!(out, "{}", csv_row(row))?;
        }
        return Ok(());
    }
    let width = |i: usize| body.iter().map(|r| r[i].chars().count()).chain([head[i].len()]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..head.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(head.to_vec()))?;
    for row in body {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}
