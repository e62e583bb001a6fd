//! The one integration test binary: each module runs the real `vanban` binary
//! or the library over the corpus.

/// Helpers shared by the modules: paths, running the binary.
mod util;

/// The scorer over the whole corpus, with accuracy floors.
mod score;

/// The citation graph: ingest, queries, exports, kills and order independence.
mod graph;
