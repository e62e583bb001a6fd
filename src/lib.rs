//! vanban reads Vietnamese administrative documents — plans, letters, decisions,
//! resolutions, directives — as they come out of scanners and converters, and
//! turns them into data and a citation graph.
//!
//! The pipeline, one module per stage, each a plain function over plain types:
//!
//! 1. [`read`] — bytes → text: size limits, binary detection, encoding detection.
//! 2. [`normalize`] — text → matchable text plus an [`span::OffsetMap`] back to the original.
//! 3. [`segment`] — a file → documents, and each document → header, title, opening, body,
//!    signature, recipients, appendix.
//! 4. [`extract`] — header fields, citations, sections, assignments, deadlines, tasks.
//! 5. [`resolve`] — a canonical work id for every document, ingested or only cited.
//! 6. [`graph`] — the SQLite store of documents and citation edges, its queries and exports.
//!
//! [`grammar`] holds the data that drives extraction, embedded from `grammars/`;
//! [`document`] is the data model that extraction hands on; [`pipeline`] runs the
//! stages for one file.
#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod document;
pub mod grammar;
pub mod span;

pub mod extract;
pub mod graph;
pub mod normalize;
pub mod read;
pub mod resolve;
pub mod segment;

pub mod pipeline;

/// The HTML view over extraction and the graph: pages for people, not a pipeline stage.
pub mod html;
