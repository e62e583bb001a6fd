//! `vanban export --format graphml|dot|json|csv|dump`: the whole graph, for
//! Gephi/yEd (GraphML), Graphviz (DOT), scripts (JSON, CSV), or a canonical
//! dump of every table that two databases can be compared by.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use vanban::graph::export;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// GraphML (Gephi, yEd).
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// `{"nodes": […], "edges": […]}`.
    Json,
    /// One CSV row per edge.
    Csv,
    /// Every table as sorted rows without row ids or timestamps.
    Dump,
}

/// Arguments of `vanban export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The database file.
    #[arg(long, default_value = "vanban.db")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = super::query::open_existing(&args.db)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match args.format {
        Format::Graphml => export::graphml(&store, &mut out)?,
        Format::Dot => export::dot(&store, &mut out)?,
        Format::Json => export::json(&store, &mut out)?,
        Format::Csv => export::csv(&store, &mut out)?,
        Format::Dump => export::dump(&store, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
