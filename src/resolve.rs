//! Stage 5, `resolve`: the canonical identity of documents, ingested or only cited.
//!
//! (Not yet built: see the citation-graph issue.)
