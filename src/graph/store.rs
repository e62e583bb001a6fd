//! Opening the database and writing one file's extraction in one transaction.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::StoreError;
use super::schema::{MIGRATIONS, VERSION};
use crate::document::{Deadline, Document, FileExtraction, Relation, Role};
use crate::resolve::{self, DocumentContext, WorkId};

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether this open created the database (it had no schema before).
    created: bool,
}

/// When an ingest's writes reach the disk: see [`Store::begin_ingest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Every committed batch survives a power cut (an existing database).
    EachBatch,
    /// The database is durable once [`Store::end_ingest`] returns (a new one).
    AtEnd,
}

/// What the store knows of a file from an earlier ingest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    /// Content hash.
    pub hash: String,
    /// The vanban version that extracted it.
    pub extractor: String,
    /// Whether it was ingested without error.
    pub ok: bool,
}

/// A document with the work ids of itself and of each of its citations.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedDocument {
    /// Its own work id.
    pub work: WorkId,
    /// One work id per entry of `document.citations`.
    pub cited: Vec<WorkId>,
    /// What extraction found.
    pub document: Document,
}

/// One file's extraction, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedFile {
    /// The detected encoding.
    pub encoding: String,
    /// Its documents.
    pub documents: Vec<ResolvedDocument>,
}

/// What an ingest writes for one file: its documents, or why it failed.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRecord {
    /// The file's path as stored (absolute).
    pub path: String,
    /// Its content hash.
    pub hash: String,
    /// Its documents, or the error.
    pub outcome: Result<ResolvedFile, String>,
}

/// Resolve the work ids of a file's documents and citations; `hash` keys stubs.
pub fn resolve_file(x: FileExtraction, hash: &str) -> ResolvedFile {
    // The digest of `fnv1a64:{digest}:{length}`.
    let file_key = hash.split(':').nth(1).unwrap_or(hash);
    let documents = x
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, document)| {
            let ctx = DocumentContext::of(&document);
            let work = resolve::document_id(&document, &ctx, file_key, i);
            let cited = document.citations.iter().map(|c| resolve::citation_id(c, &ctx, &work)).collect();
            ResolvedDocument { work, cited, document }
        })
        .collect();
    ResolvedFile { encoding: x.encoding, documents }
}

/// A content hash of `bytes`: FNV-1a (64 bits) and the length. It only tells
/// whether a file changed since the last ingest, so it need not resist attack.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}:{}", bytes.len())
}

impl Store {
    /// Open (creating if needed) the database at `path`, in WAL mode, migrated to
    /// the current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let err = |source| StoreError::Sqlite { path: path.to_path_buf(), source };
        let conn = Connection::open(path).map_err(err)?;
        let mut store = Store { conn, path: path.to_path_buf(), created: false };
        store.configure().map_err(err)?;
        store.migrate()?;
        Ok(store)
    }

    fn configure(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Set before the first table exists, so it holds for a new database only: a
        // large ingest writes a quarter of the pages (and system calls) at 16 KiB.
        self.conn.pragma_update(None, "page_size", 16384)?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL with synchronous=NORMAL survives a killed process (not a power cut) at full speed.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // The indexes on work ids take inserts all over their pages; with SQLite's
        // default 2 MB cache each insert read its pages back from the OS. 64 MiB keeps
        // them, and ingest's memory stays bounded: the cache is the same for any archive.
        self.conn.pragma_update(None, "cache_size", -65536)?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite { path: path.clone(), source };
        let found: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
        if found > VERSION {
            return Err(StoreError::NewerSchema { path: self.path.clone(), found, known: VERSION });
        }
        self.created = found == 0;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction().map_err(err)?;
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1).map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(())
    }

    /// Set how the coming [`Store::write_files`] reach the disk.
    ///
    /// A database this open created holds nothing but what this ingest writes, so
    /// it is written without fsync ([`Durability::AtEnd`]): on this machine the fsyncs
    /// of the checkpoints stalled the writer for a quarter of a large ingest. A killed
    /// process still loses at most the unfinished batch (SQLite hands every commit
    /// to the OS); a power cut before [`Store::end_ingest`] may leave the new file
    /// unreadable, and running the same ingest again rebuilds it. An existing
    /// database keeps what earlier ingests stored: each batch is durable.
    pub fn begin_ingest(&mut self) -> Result<Durability, StoreError> {
        if !self.created {
            return Ok(Durability::EachBatch);
        }
        self.conn.pragma_update(None, "synchronous", "OFF").map_err(self.err())?;
        Ok(Durability::AtEnd)
    }

    /// Make everything written durable: the log copied into the database file and
    /// both synced (synchronous back to NORMAL).
    pub fn end_ingest(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(self.err())?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(self.err())
    }

    /// The connection, for queries and exports.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |source| StoreError::Sqlite { path: self.path.clone(), source }
    }

    /// Every file ingested before, by path.
    pub fn stored_files(&self) -> Result<HashMap<String, StoredFile>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT path, hash, extractor, status FROM files").map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                let ok = r.get::<_, String>(3)? == "ok";
                Ok((r.get(0)?, StoredFile { hash: r.get(1)?, extractor: r.get(2)?, ok }))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Replace everything stored for `rec.path` with `rec`, in one transaction.
    pub fn write_file(&mut self, rec: &FileRecord) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(err)?;
        write_file(&tx, rec).map_err(err)?;
        tx.commit().map_err(err)
    }

    /// Replace everything stored for each of `recs`, all in one transaction: a
    /// batch is written whole or not at all, each file's status with its data,
    /// so an interrupted ingest redoes the unfinished batch and loses nothing
    /// committed. One commit per batch instead of per file is what makes a large
    /// ingest fast.
    pub fn write_files(&mut self, recs: &[FileRecord]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(err)?;
        for rec in recs {
            write_file(&tx, rec).map_err(err)?;
        }
        tx.commit().map_err(err)
    }
}

fn write_file(tx: &Transaction, rec: &FileRecord) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM files WHERE path = ?1")?.execute([&rec.path])?;
    let (status, error, encoding) = match &rec.outcome {
        Ok(f) => ("ok", None, Some(f.encoding.as_str())),
        Err(e) => ("failed", Some(e.as_str()), None),
    };
    tx.prepare_cached(
        "INSERT INTO files (path, hash, extractor, encoding, status, error, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )?
    .execute(params![rec.path, rec.hash, env!("CARGO_PKG_VERSION"), encoding, status, error])?;
    let file_id = tx.last_insert_rowid();
    if let Ok(f) = &rec.outcome {
        for (i, d) in f.documents.iter().enumerate() {
            write_document(tx, file_id, i, d)?;
        }
    }
    Ok(())
}

fn write_document(tx: &Transaction, file_id: i64, ordinal: usize, rd: &ResolvedDocument) -> rusqlite::Result<()> {
    let d = &rd.document;
    let signer = d.signer.as_ref();
    let key = d.symbol.as_deref().and_then(resolve::symbol_key);
    tx.prepare_cached(
        "INSERT INTO documents (file_id, ordinal, work, resolved, kind, symbol, symbol_key, number, issuer, place,
           date, title, signer_name, signer_position, signer_authority, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        file_id,
        ordinal,
        rd.work.id,
        rd.work.resolved,
        d.kind,
        d.symbol,
        key,
        d.number,
        d.issuer,
        d.place,
        d.date,
        d.title,
        signer.and_then(|s| s.name.as_deref()),
        signer.and_then(|s| s.position.as_deref()),
        signer.and_then(|s| s.authority.as_deref()),
        d.span.start,
        d.span.end,
    ])?;
    let doc_id = tx.last_insert_rowid();
    let mut recipient = tx.prepare_cached("INSERT INTO recipients VALUES (?1, ?2, ?3)")?;
    for (i, r) in d.recipients.iter().enumerate() {
        recipient.execute(params![doc_id, i, r])?;
    }
    let mut edge = tx.prepare_cached(
        "INSERT INTO edges (document_id, ordinal, citing, cited, resolved, relation, mention_count,
           kind, symbol, symbol_key, number, date, issuer, name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut mention = tx.prepare_cached("INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for (i, (c, cited)) in d.citations.iter().zip(&rd.cited).enumerate() {
        let relation = relation_name(c.relation);
        let parsed = c.symbol.as_deref().and_then(resolve::parse_symbol);
        edge.execute(params![
            doc_id,
            i,
            rd.work.id,
            cited.id,
            cited.resolved,
            relation,
            c.mentions.len(),
            c.kind,
            c.symbol,
            c.symbol.as_deref().and_then(resolve::symbol_key),
            parsed.and_then(|p| p.number),
            c.date,
            c.issuer,
            c.name,
        ])?;
        let edge_id = tx.last_insert_rowid();
        for (j, m) in c.mentions.iter().enumerate() {
            mention.execute(params![edge_id, j, relation, m.span.start, m.span.end, m.sentence, m.pinpoint])?;
        }
    }
    let mut section = tx.prepare_cached("INSERT INTO sections VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (i, s) in d.sections.iter().enumerate() {
        section.execute(params![doc_id, i, s.path, s.title, s.span.start, s.span.end])?;
    }
    let mut assignment = tx.prepare_cached("INSERT INTO assignments VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for (i, a) in d.assignments.iter().enumerate() {
        assignment.execute(params![doc_id, i, a.path, a.unit, role_name(a.role), a.span.start, a.span.end])?;
    }
    let deadlines = d.deadlines.iter().map(|x| (false, x)).chain(d.relative_deadlines.iter().map(|x| (true, x)));
    for (i, (relative, x)) in deadlines.enumerate() {
        write_deadline(tx, doc_id, i, relative, x)?;
    }
    Ok(())
}

fn write_deadline(tx: &Transaction, doc_id: i64, ordinal: usize, relative: bool, x: &Deadline) -> rusqlite::Result<()> {
    let recurrence = x.recurrence.map(|r| serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_string)));
    tx.prepare_cached("INSERT INTO deadlines VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")?.execute(
        params![
            doc_id,
            ordinal,
            relative,
            x.path,
            x.text,
            x.due,
            x.start,
            x.end,
            recurrence.flatten(),
            x.problem,
            x.span.start,
            x.span.end
        ],
    )?;
    Ok(())
}

/// The stored name of a relation (as in the JSON output).
pub(crate) fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Basis => "basis",
        Relation::Cites => "cites",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Lead => "lead",
        Role::Support => "support",
        Role::Direct => "direct",
        Role::ReportTo => "report_to",
    }
}

/// The stored state of `path`, if any (for tests and the ingest's skip check).
impl Store {
    /// Whether `path` is stored with `hash` by this vanban and without error.
    pub fn is_current(&self, path: &str, hash: &str) -> Result<bool, StoreError> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row("SELECT hash, extractor, status FROM files WHERE path = ?1", [path], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
            .map_err(self.err())?;
        Ok(row.is_some_and(|(h, e, s)| h == hash && e == env!("CARGO_PKG_VERSION") && s == "ok"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Citation, Mention};
    use crate::span::Span;

    pub(crate) fn plan(symbol: &str, date: &str, issuer: &str, cites: &[(&str, &str, Relation)]) -> Document {
        Document {
            kind: Some("KH".into()),
            symbol: Some(symbol.into()),
            date: Some(date.into()),
            issuer: Some(issuer.into()),
            citations: cites
                .iter()
                .map(|(s, d, relation)| Citation {
                    kind: Some("KH".into()),
                    symbol: Some(s.to_string()),
                    date: Some(d.to_string()),
                    issuer: None,
                    name: None,
                    relation: *relation,
                    mentions: vec![Mention {
                        span: Span::new(1, 5),
                        sentence: format!("Thực hiện {s}"),
                        pinpoint: None,
                    }],
                })
                .collect(),
            ..Default::default()
        }
    }

    fn record(path: &str, docs: Vec<Document>) -> FileRecord {
        let x = FileExtraction { file: path.into(), encoding: "utf-8".into(), documents: docs };
        FileRecord { path: path.into(), hash: content_hash(path.as_bytes()), outcome: Ok(resolve_file(x, "h")) }
    }

    #[test]
    fn writes_replace_a_file_and_cascade() {
        let dir = std::env::temp_dir().join(format!("vanban-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("t.db");
        let _ = std::fs::remove_file(&db);
        let mut store = Store::open(&db).unwrap();
        let a = plan("1/KH-BCĐ", "2024-01-02", "Ban Chỉ đạo", &[("2-KL/TW", "2023-01-01", Relation::Basis)]);
        store.write_file(&record("/a.txt", vec![a.clone()])).unwrap();
        store.write_file(&record("/a.txt", vec![a])).unwrap();
        let count = |store: &Store, t: &str| -> i64 {
            store.conn().query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap()
        };
        let counts = |s: &Store| ["files", "documents", "edges", "mentions"].map(|t| count(s, t));
        assert_eq!(counts(&store), [1, 1, 1, 1]);
        let failed = FileRecord { path: "/a.txt".into(), hash: "x".into(), outcome: Err("boom".into()) };
        store.write_file(&failed).unwrap();
        assert_eq!(counts(&store), [1, 0, 0, 0]);
        assert!(!store.is_current("/a.txt", "x").unwrap());
        drop(store);
        let store = Store::open(&db).unwrap();
        let v: i64 = store.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, VERSION);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_a_new_database_defers_its_sync_to_the_end_of_the_ingest() {
        let dir = std::env::temp_dir().join(format!("vanban-durability-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("t.db");
        let _ = std::fs::remove_file(&db);
        let synchronous =
            |s: &Store| -> i64 { s.conn().pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap() };
        let mut store = Store::open(&db).unwrap();
        assert_eq!(store.begin_ingest().unwrap(), Durability::AtEnd);
        assert_eq!(synchronous(&store), 0, "OFF while the new database is written");
        let a = plan("1/KH-BCĐ", "2024-01-02", "Ban Chỉ đạo", &[("2-KL/TW", "2023-01-01", Relation::Basis)]);
        store.write_files(&[record("/a.txt", vec![a])]).unwrap();
        store.end_ingest().unwrap();
        assert_eq!(synchronous(&store), 1, "NORMAL once the ingest ended");
        let wal = dir.join("t.db-wal");
        assert_eq!(std::fs::metadata(&wal).map_or(0, |m| m.len()), 0, "the log is copied into the database");
        drop(store);
        let mut store = Store::open(&db).unwrap();
        assert_eq!(store.begin_ingest().unwrap(), Durability::EachBatch);
        assert_eq!(synchronous(&store), 1);
        assert!(store.is_current("/a.txt", &content_hash(b"/a.txt")).unwrap());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn content_hash_tells_changes() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }
}
