//! Stage 6, `graph`: the SQLite store of documents and citation edges.
//!
//! (Not yet built: see the citation-graph issue.)
