//! The command line: clap stays here. `Args` only parses; each subcommand is a
//! module with `run(&XArgs) -> anyhow::Result<ExitCode>`.
//!
//! Exit codes: 0 all inputs processed; 1 some inputs failed (each named on
//! stderr) while the rest were processed; 2 a usage or fatal error.

mod deadlines;
mod export;
mod extract;
mod html;
mod ingest;
mod inputs;
mod normalize;
mod query;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code when some inputs failed and the others were processed.
pub const PARTIAL_FAILURE: u8 = 1;

/// vanban: reads Vietnamese administrative documents and turns them into data.
#[derive(Debug, Parser)]
#[command(name = "vanban", version, about)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract documents, header fields, citations, sections, assignments and deadlines.
    Extract(extract::ExtractArgs),
    /// List every deadline with its units and task (table, JSON, CSV or iCalendar).
    Deadlines(deadlines::DeadlinesArgs),
    /// Print the normalized text of a file (with --explain: each repair).
    Normalize(normalize::NormalizeArgs),
    /// Write one HTML page per document, with what was read marked on its text, and an index.
    Html(html::HtmlArgs),
    /// Extract files in parallel and store them in the citation graph (SQLite).
    Ingest(ingest::IngestArgs),
    /// Ask the citation graph: implementers, basis, cited-by, show, top, unresolved.
    Query(query::QueryArgs),
    /// Export the citation graph: GraphML, DOT, JSON, CSV, or a canonical dump.
    Export(export::ExportArgs),
}

/// Parse the process arguments (exits with clap's message on a usage error).
pub fn parse() -> Args {
    Args::parse()
}

/// Run the parsed command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Extract(a) => extract::run(&a),
        Command::Normalize(a) => normalize::run(&a),
        Command::Deadlines(a) => deadlines::run(&a),
        Command::Html(a) => html::run(&a),
        Command::Ingest(a) => ingest::run(&a),
        Command::Query(a) => query::run(&a),
        Command::Export(a) => export::run(&a),
    }
}

/// An error as one line: its message, then each cause the message does not already
/// quote. The library's errors name the file and put the cause in their own message
/// ("a.txt: cannot read: No such file…"), and also hand the cause on as their source,
/// so `{:#}` would print it twice.
pub fn message(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// Whether an error comes from writing to a closed pipe (`vanban … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().filter_map(|e| e.downcast_ref::<std::io::Error>()).any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_names_its_cause_once() {
        let missing = std::path::Path::new("/nonexistent/vanban/a.txt");
        let err = anyhow::Error::new(read_error(missing));
        let line = message(&err);
        assert!(line.starts_with("/nonexistent/vanban/a.txt: cannot read: "), "{line}");
        assert_eq!(line.matches("os error 2").count(), 1, "{line}");
        let context = err.context("standard input");
        assert!(message(&context).starts_with("standard input: /nonexistent/vanban/a.txt: cannot read"));
    }

    fn read_error(path: &std::path::Path) -> vanban::read::ReadError {
        vanban::read::read_path(path, &vanban::read::Limits::default()).unwrap_err()
    }

    #[test]
    fn parses_extract_with_format() {
        let args = Args::try_parse_from(["vanban", "extract", "--format", "jsonl", "a.txt", "-"]).unwrap();
        assert!(matches!(args.command, Command::Extract(_)));
    }

    #[test]
    fn rejects_unknown_format() {
        assert!(Args::try_parse_from(["vanban", "extract", "--format", "xml", "a.txt"]).is_err());
    }

    #[test]
    fn parses_deadlines_formats() {
        for format in ["table", "json", "csv", "ics"] {
            let args = Args::try_parse_from(["vanban", "deadlines", "--format", format, "corpus/"]).unwrap();
            assert!(matches!(args.command, Command::Deadlines(_)));
        }
        assert!(Args::try_parse_from(["vanban", "deadlines", "--format", "xlsx", "a.txt"]).is_err());
        assert!(Args::try_parse_from(["vanban", "deadlines"]).is_err());
    }

    #[test]
    fn parses_html_with_out_dir() {
        let args = Args::try_parse_from(["vanban", "html", "--out", "site", "corpus/", "a.txt"]).unwrap();
        assert!(matches!(args.command, Command::Html(_)));
        assert!(Args::try_parse_from(["vanban", "html", "corpus/"]).is_err(), "--out is required");
        assert!(Args::try_parse_from(["vanban", "html", "--out", "site"]).is_err(), "an input is required");
        assert!(Args::try_parse_from(["vanban", "html", "--out", "site", "--db", "g.db", "corpus/"]).is_ok());
    }

    #[test]
    fn parses_normalize_explain() {
        let args = Args::try_parse_from(["vanban", "normalize", "--explain", "a.txt"]).unwrap();
        assert!(matches!(args.command, Command::Normalize(_)));
    }

    #[test]
    fn parses_ingest() {
        let args = Args::try_parse_from(["vanban", "ingest", "--db", "x.db", "corpus", "a.txt"]).unwrap();
        assert!(matches!(args.command, Command::Ingest(_)));
        assert!(Args::try_parse_from(["vanban", "ingest"]).is_err(), "ingest needs a path");
    }

    #[test]
    fn parses_query_questions() {
        let args =
            ["vanban", "query", "implementers", "114-KL/TW", "--transitive", "--relation", "any", "--format", "json"];
        assert!(matches!(Args::try_parse_from(args).unwrap().command, Command::Query(_)));
        for q in
            [&["basis", "vn/tw/kl/2015/114"][..], &["cited-by", "kl 114"], &["show", "x"], &["top"], &["unresolved"]]
        {
            let argv: Vec<&str> = ["vanban", "query", "--db", "g.db"].iter().chain(q).copied().collect();
            assert!(Args::try_parse_from(argv).is_ok(), "{q:?}");
        }
        assert!(Args::try_parse_from(["vanban", "query", "implementers", "x", "--relation", "some"]).is_err());
    }

    #[test]
    fn parses_export() {
        let args = Args::try_parse_from(["vanban", "export", "--format", "graphml", "-o", "g.graphml"]).unwrap();
        assert!(matches!(args.command, Command::Export(_)));
        assert!(Args::try_parse_from(["vanban", "export", "--format", "png"]).is_err());
    }
}
