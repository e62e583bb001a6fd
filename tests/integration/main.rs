//! The one integration test binary: each module runs the real `vanban` binary
//! or the library over the corpus.

/// Helpers shared by the modules: paths, running the binary.
mod util;

/// The scorer over the whole corpus, with accuracy floors.
mod score;

/// The read stage: encodings, binary policy, errors, and the corpus round trip.
mod read;

/// One snapshot per corpus document of the full extraction, with the source
/// text of every span quoted beside the value read from it.
mod corpus;

/// Sections, assignments, deadlines and the `deadlines` subcommand's CSV and iCalendar.
mod structure;

/// Bad input (binary, undecodable, huge, unreadable, link loops): a defined
/// outcome for each, and a batch that finishes and reports every failure.
mod bad_input;

/// Properties over generated input: no panic, no hang, spans inside the input,
/// run time linear in the input's size.
mod properties;

/// Normalization over the corpus (one snapshot per document), its properties and its CLI.
mod normalize;

/// `vanban html` over the corpus: highlights on their spans, intact text, offline pages.
mod html;

/// The citation graph: ingest, queries, exports, kills and order independence.
mod graph;
