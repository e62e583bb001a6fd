//! Stage 6, `graph`: the SQLite store of documents and citation edges, its
//! queries and exports.
//!
//! One database file (WAL mode) holds what was extracted from every file
//! ingested — documents, their citations as edges between work ids
//! ([`crate::resolve`]), the mentions of each citation, sections, assignments and
//! deadlines — and the state of each file (content hash, status, error), so that
//! a later ingest skips unchanged files. Each file is written in one transaction:
//! an interrupted ingest leaves the database as it was before the unfinished file.
//! Nodes are a view (`works`): ingested documents, plus works only cited, so a
//! stub of a cited document becomes that document as soon as it is ingested, and
//! ingesting in any order gives the same graph. The schema is in [`schema`] and
//! the README's "Database" section.

pub mod export;
pub mod query;
pub mod schema;
mod store;

pub use store::{
    Durability, FileRecord, ResolvedDocument, ResolvedFile, Store, StoredFile, content_hash, resolve_file,
};

use std::path::PathBuf;

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite refused an operation on the database file.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The cause.
        source: rusqlite::Error,
    },
    /// The database was written by a newer vanban.
    #[error("{}: schema version {found} is newer than this vanban knows ({known})", path.display())]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A query named no document, or an export could not be written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
