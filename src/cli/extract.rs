//! `vanban extract FILE|DIR|-…`: print what each input says, extracting files on
//! all cores (`RAYON_NUM_THREADS` limits them) and printing in input order.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use vanban::document::FileExtraction;
use vanban::pipeline;
use vanban::read::Limits;

use super::inputs::{self, Input, InputOptions};

/// Files extracted in parallel before their results are printed in order.
const CHUNK: usize = 64;

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object for one input; an array for several.
    Json,
    /// One JSON object per line and input, streamed.
    Jsonl,
    /// A readable summary.
    Text,
}

/// Arguments of `vanban extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    input: InputOptions,
    /// Files or directories to read; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    // The patterns compile on a spare core while the first files are read.
    rayon::spawn(vanban::extract::prepare);
    let (inputs, walk_errors) = args.input.expand(&args.paths);
    let limits = args.input.limits();
    let mut failed = walk_errors.len();
    for (path, e) in &walk_errors {
        eprintln!("vanban: {}: {e}", path.display());
    }
    // Line-buffered stdout would scan every small write of the serializer for a
    // newline; one buffer, flushed after each chunk, keeps jsonl streaming.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut collected = vec![];
    // Files are extracted (and, but for one JSON document, rendered) in parallel
    // a chunk at a time and printed in input order; a chunk bounds what waits in
    // memory for its turn.
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<_> =
            chunk.par_iter().map(|input| extract_input(input, &limits).and_then(|x| render(x, args.format))).collect();
        for result in results {
            match result {
                Ok(Rendered::Bytes(bytes)) => out.write_all(&bytes)?,
                Ok(Rendered::Later(x)) => collected.push(x),
                Err(e) => {
                    failed += 1;
                    eprintln!("vanban: {}", super::message(&e));
                }
            }
        }
        out.flush()?;
    }
    if args.format == Format::Json {
        if collected.len() == 1 && inputs.len() == 1 {
            serde_json::to_writer_pretty(&mut out, &collected[0])?;
        } else {
            serde_json::to_writer_pretty(&mut out, &collected)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(super::PARTIAL_FAILURE) } else { ExitCode::SUCCESS })
}

/// What one input prints: its bytes, or (for `--format json`) the extraction,
/// printed with the others at the end.
enum Rendered {
    Bytes(Vec<u8>),
    Later(FileExtraction),
}

fn render(x: FileExtraction, format: Format) -> anyhow::Result<Rendered> {
    let mut bytes = vec![];
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut bytes, &x)?;
            bytes.push(b'\n');
        }
        Format::Text => write_text(&mut bytes, &x)?,
        Format::Json => return Ok(Rendered::Later(x)),
    }
    Ok(Rendered::Bytes(bytes))
}

fn extract_input(input: &Input, limits: &Limits) -> anyhow::Result<FileExtraction> {
    match input {
        Input::File(path) => Ok(pipeline::extract_path(path, limits)?),
        Input::Stdin => {
            let bytes = inputs::read_stdin(limits).context("standard input: cannot read")?;
            Ok(pipeline::extract_bytes_with("-", &bytes, limits)?)
        }
    }
}

fn write_text(out: &mut impl Write, x: &FileExtraction) -> std::io::Result<()> {
    writeln!(out, "{} ({})", x.file, x.encoding)?;
    for d in &x.documents {
        let or = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        writeln!(out, "  {} {}  {}  {}", or(&d.kind), or(&d.symbol), or(&d.date), or(&d.issuer))?;
        writeln!(out, "    {}", or(&d.title))?;
        for c in &d.citations {
            let label = c.symbol.clone().or_else(|| c.name.clone()).unwrap_or_default();
            writeln!(out, "    {:?} {} {} {}", c.relation, or(&c.kind), label, or(&c.date))?;
        }
        let counts = (d.sections.len(), d.assignments.len(), d.deadlines.len());
        writeln!(out, "    sections {}, assignments {}, deadlines {}", counts.0, counts.1, counts.2)?;
    }
    Ok(())
}
