//! The data that drives extraction, embedded from `grammars/` at build time.
